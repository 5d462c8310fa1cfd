package outputmap

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type sample struct {
	pulumi.ResourceState

	// ID is tagged: an output.
	ID pulumi.StringOutput `pulumi:"id"`
	// Names is tagged with an option: an output named names.
	Names pulumi.StringArrayOutput `pulumi:"names,optional"`
	// Plain is not tagged: not an output.
	Plain string
	// hidden is unexported: not an output.
	hidden pulumi.StringOutput `pulumi:"hidden"` //nolint:unused // the test shows an unexported tagged field is not an output
}

type notInput struct {
	pulumi.ResourceState

	Count int `pulumi:"count"`
}

func TestNamesAreTheTaggedExportedFields(t *testing.T) {
	want := []string{"id", "names"}
	if got := Names(reflect.TypeFor[*sample]()); !slices.Equal(got, want) {
		t.Fatalf("Names = %q, want %q", got, want)
	}
}

func TestOfMapsEveryTaggedOutput(t *testing.T) {
	c := &sample{ID: pulumi.String("x").ToStringOutput(), Names: pulumi.StringArray{}.ToStringArrayOutput()}
	m, err := Of(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["id"] != c.ID || !reflect.DeepEqual(m["names"], c.Names) {
		t.Fatalf("Of = %v", m)
	}
}

func TestOfRefusesUnsetAndNonInputFields(t *testing.T) {
	cases := map[string]struct {
		c    any
		want string
	}{
		"unset output":  {&sample{ID: pulumi.String("x").ToStringOutput()}, `outputmap: sample.Names (output "names") was never set`},
		"not an input":  {&notInput{Count: 1}, `outputmap: notInput.Count (output "count") is a int, not a pulumi.Input`},
		"not a pointer": {sample{}, "outputmap: outputmap.sample is not a pointer to a component struct"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Of(tc.c)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("Of: %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCheckComponentNamesAMissingOutput(t *testing.T) {
	c := &sample{ID: pulumi.String("x").ToStringOutput(), Names: pulumi.StringArray{}.ToStringArrayOutput()}
	CheckComponent(t, c, "names", "id")
	ft := &fakeT{TB: t}
	CheckComponent(ft, c, "id", "names", "endpoint")
	want := `sample registers outputs ["id" "names"], want ["endpoint" "id" "names"]`
	if !slices.Equal(ft.errors, []string{want}) {
		t.Fatalf("CheckComponent reported %q, want %q", ft.errors, want)
	}
}

// fakeT records a check's errors instead of failing the test.
type fakeT struct {
	testing.TB
	errors []string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
