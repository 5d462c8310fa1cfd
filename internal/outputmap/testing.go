package outputmap

import (
	"slices"
	"testing"
)

// CheckComponent fails t unless the outputs a component registers (Of) are
// exactly its tagged fields (Names) and exactly want, the component's documented
// outputs: a field tagged by mistake, an output dropped from the struct or a
// component registering by another route fails its package's test.
func CheckComponent(t testing.TB, c any, want ...string) {
	t.Helper()
	m, err := Of(c)
	if err != nil {
		t.Fatal(err)
	}
	registered := make([]string, 0, len(m))
	for k := range m {
		registered = append(registered, k)
	}
	slices.Sort(registered)
	v, err := structOf(c)
	if err != nil {
		t.Fatal(err)
	}
	tagged := Names(v.Type())
	slices.Sort(tagged)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(registered, tagged) {
		t.Errorf("%s registers outputs %q; its tagged fields are %q", v.Type().Name(), registered, tagged)
	}
	if !slices.Equal(registered, want) {
		t.Errorf("%s registers outputs %q, want %q", v.Type().Name(), registered, want)
	}
}
