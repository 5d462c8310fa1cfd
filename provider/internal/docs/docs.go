package docs

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

//go:generate go run ./gen

//go:embed library.json
var libraryJSON []byte

// Library is the documentation of the library's component packages.
type Library struct {
	// Types maps "<package>.<Type>" to the type's documentation.
	Types map[string]*Type `json:"types"`
	// Consts maps "<package>.<Const>" to a string constant's value and documentation.
	Consts map[string]Const `json:"consts"`
}

// Type is one struct type's documentation.
type Type struct {
	// Doc is the type's doc comment.
	Doc string `json:"doc"`
	// Fields maps each documented field's Go name to its doc comment.
	Fields map[string]string `json:"fields,omitempty"`
}

// Const is one string constant.
type Const struct {
	// Value is the constant's value.
	Value string `json:"value"`
	// Doc is its doc comment.
	Doc string `json:"doc"`
}

var (
	loadOnce sync.Once
	loaded   *Library
	errLoad  error
)

// Load returns the embedded documentation.
func Load() (*Library, error) {
	loadOnce.Do(func() {
		var l Library
		if err := json.Unmarshal(libraryJSON, &l); err != nil {
			errLoad = fmt.Errorf("docs: reading the embedded library.json: %w", err)
			return
		}
		loaded = &l
	})
	return loaded, errLoad
}

// MustLoad is Load for schema generation, where a broken embedded file is a build
// defect.
func MustLoad() *Library {
	l, err := Load()
	if err != nil {
		panic(err)
	}
	return l
}

// Key returns the Library key of a Go type of the library ("securenetwork.Args").
func Key(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	return pkg[strings.LastIndex(pkg, "/")+1:] + "." + t.Name()
}

// TypeDoc returns the doc comment of a library type ("" when undocumented).
func (l *Library) TypeDoc(t reflect.Type) string {
	if d, ok := l.Types[Key(t)]; ok {
		return d.Doc
	}
	return ""
}

// FieldDoc returns the doc comment of a field of a library type.
func (l *Library) FieldDoc(t reflect.Type, field string) string {
	if d, ok := l.Types[Key(t)]; ok {
		return d.Fields[field]
	}
	return ""
}

// ConstDoc returns the documentation of the constant of package pkg named name.
func (l *Library) ConstDoc(pkg, name string) (Const, bool) {
	c, ok := l.Consts[pkg+"."+name]
	return c, ok
}

// ConstByValue returns the name and documentation of the constant of package pkg
// whose name starts with prefix and whose value is value.
func (l *Library) ConstByValue(pkg, prefix, value string) (string, Const, bool) {
	for key, c := range l.Consts {
		name, ok := strings.CutPrefix(key, pkg+".")
		if ok && strings.HasPrefix(name, prefix) && c.Value == value {
			return name, c, true
		}
	}
	return "", Const{}, false
}
