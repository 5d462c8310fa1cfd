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
