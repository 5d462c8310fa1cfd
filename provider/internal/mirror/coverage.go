package mirror

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
)

// Coverage compares a provider type with the library type it mirrors, recursively,
// and returns one line per difference: a library field no provider field mirrors
// (unless its Go path is in excluded, e.g. "Catalog" or "Regions.Subnets"), and a
// provider schema field that mirrors no library field. A test per component keeps
// the list empty, so a field added to the library reaches the schema or is
// excluded on purpose.
func Coverage(p, l reflect.Type, excluded ...string) []string {
	var out []string
	coverage(deref(p), deref(l), "", excluded, map[reflect.Type]bool{}, &out)
	sort.Strings(out)
	return out
}

func coverage(p, l reflect.Type, path string, excluded []string, seen map[reflect.Type]bool, out *[]string) {
	if p.Kind() != reflect.Struct || l.Kind() != reflect.Struct || seen[p] {
		return
	}
	seen[p] = true
	for i := range l.NumField() {
		lf := l.Field(i)
		fp := join(path, lf.Name)
		if !lf.IsExported() || slices.Contains(excluded, fp) {
			continue
		}
		pf, ok := p.FieldByName(lf.Name)
		if _, tagged := SchemaName(pf); !ok || !tagged {
			*out = append(*out, fmt.Sprintf("library field %s.%s (%s) has no provider input", l.Name(), fp, lf.Type))
			continue
		}
		coverage(elem(pf.Type), elem(lf.Type), fp, excluded, seen, out)
	}
	for i := range p.NumField() {
		pf := p.Field(i)
		if _, tagged := SchemaName(pf); !tagged {
			continue
		}
		if _, ok := l.FieldByName(pf.Name); !ok && l.Kind() == reflect.Struct {
			*out = append(*out, fmt.Sprintf("provider field %s.%s mirrors no field of %s", p.Name(), join(path, pf.Name), l))
		}
	}
}

// OutputCoverage compares a provider output type with the library component it
// mirrors: one line per output (a pulumi-tagged field) of the library that the
// provider's type lacks, or has under another name or type, and per provider output
// the library lacks.
func OutputCoverage(p, l reflect.Type) []string {
	p, l = deref(p), deref(l)
	var out []string
	for i := range l.NumField() {
		lf := l.Field(i)
		name, ok := SchemaName(lf)
		if !ok {
			continue
		}
		pf, found := p.FieldByName(lf.Name)
		if pn, _ := SchemaName(pf); !found || pn != name || pf.Type != lf.Type {
			out = append(out, fmt.Sprintf("library output %s.%s (%q, %s) is not a provider output of the same name and type", l.Name(), lf.Name, name, lf.Type))
		}
	}
	for i := range p.NumField() {
		pf := p.Field(i)
		if _, ok := SchemaName(pf); !ok {
			continue
		}
		if _, found := l.FieldByName(pf.Name); !found {
			out = append(out, fmt.Sprintf("provider output %s.%s is not an output of %s", p.Name(), pf.Name, l))
		}
	}
	sort.Strings(out)
	return out
}
