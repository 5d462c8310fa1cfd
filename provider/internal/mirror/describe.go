package mirror

import (
	"reflect"
	"strings"

	"github.com/aiready/aiready/provider/internal/docs"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Describe documents v (a pointer to a provider struct, the receiver of its
// Annotate method) and each of its schema fields with the doc comments of the
// library type and fields it mirrors, Go names rewritten to schema names. The
// overrides replace the library's text for a field (by Go name; "" for the type
// itself) where the provider's input differs from the Go field, e.g. a duration
// given in seconds.
func Describe(a infer.Annotator, v any, overrides map[string]string) {
	rv := reflect.ValueOf(v).Elem()
	lib, _ := Mirrored(rv.Type())
	d := docs.MustLoad()
	local := map[string]bool{}
	for i := range rv.NumField() {
		if _, ok := SchemaName(rv.Type().Field(i)); ok {
			local[rv.Type().Field(i).Name] = true
		}
	}
	if text := pick(overrides, "", lib, local, func() string { return d.TypeDoc(lib) }); text != "" {
		a.Describe(v, text)
	}
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		if _, ok := SchemaName(f); !ok {
			continue
		}
		text := pick(overrides, f.Name, lib, local, func() string { return d.FieldDoc(lib, f.Name) })
		if text != "" {
			a.Describe(rv.Field(i).Addr().Interface(), text)
		}
	}
}

// pick is the override of key, else the library's text, with Go names rewritten. A
// type's doc (key "") keeps its first word, the type's own name.
func pick(overrides map[string]string, key string, lib reflect.Type, local map[string]bool, fromLibrary func() string) string {
	text, ok := overrides[key]
	if !ok && lib != nil {
		text = fromLibrary()
	}
	if key != "" {
		return renameIn(text, local)
	}
	first, rest, _ := strings.Cut(text, " ")
	if rest == "" {
		return first
	}
	return first + " " + renameIn(rest, local)
}
