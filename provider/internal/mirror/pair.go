package mirror

import (
	"reflect"
	"sync"
)

var (
	pairsMu sync.RWMutex
	// pairs maps each provider struct type to the library struct type it mirrors.
	pairs = map[reflect.Type]reflect.Type{}
	// names maps the Go name of every registered provider field to its schema name.
	names = map[string]string{}
)

// Pair records that the provider type p mirrors the library type l, and so do
// their struct-typed fields of the same Go name, recursively. Call it once per
// component for its args and once for its outputs (package initialisation).
func Pair(p, l reflect.Type) {
	pairsMu.Lock()
	defer pairsMu.Unlock()
	pair(deref(p), deref(l))
}

func pair(p, l reflect.Type) {
	if p.Kind() != reflect.Struct || l.Kind() != reflect.Struct {
		return
	}
	if _, done := pairs[p]; done {
		return
	}
	pairs[p] = l
	for i := range p.NumField() {
		f := p.Field(i)
		name, ok := SchemaName(f)
		if !ok {
			continue
		}
		names[f.Name] = name
		lf, ok := l.FieldByName(f.Name)
		if !ok {
			continue
		}
		pair(elem(f.Type), elem(lf.Type))
	}
}

// Mirrored returns the library type a provider type mirrors.
func Mirrored(p reflect.Type) (reflect.Type, bool) {
	pairsMu.RLock()
	defer pairsMu.RUnlock()
	l, ok := pairs[deref(p)]
	return l, ok
}

// schemaNameOf returns the schema name of a registered provider field's Go name.
func schemaNameOf(goName string) (string, bool) {
	pairsMu.RLock()
	defer pairsMu.RUnlock()
	n, ok := names[goName]
	return n, ok
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// elem is the struct type inside pointers, slices and maps.
func elem(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}
