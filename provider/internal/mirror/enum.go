package mirror

import (
	"strings"

	"github.com/aiready/aiready/provider/internal/docs"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// EnumValues returns the schema values of an enum whose values are the library's
// string constants of package pkg named prefix+<Name>: each value named <Name> and
// documented with the constant's doc comment. A value without such a constant is
// named after itself.
func EnumValues[T ~string](pkg, prefix string, values ...string) []infer.EnumValue[T] {
	d := docs.MustLoad()
	out := make([]infer.EnumValue[T], 0, len(values))
	for _, v := range values {
		ev := infer.EnumValue[T]{Name: enumName(v), Value: T(v)}
		if name, c, ok := d.ConstByValue(pkg, prefix, v); ok {
			if n := strings.TrimPrefix(name, prefix); n != "" {
				ev.Name = n
			}
			ev.Description = c.Doc
		}
		out = append(out, ev)
	}
	return out
}

// enumName makes a value an identifier: "Asynchronous_filter" → "Asynchronous_filter",
// "corp" → "Corp", "Indirect Attack" → "IndirectAttack".
func enumName(v string) string {
	var b strings.Builder
	for _, w := range strings.Fields(v) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}
