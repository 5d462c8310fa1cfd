package azschema

import (
	"errors"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ForTest returns the schema, or skips the test with the reason when the
// definitions are neither cached nor fetchable with npm. Any other failure fails
// the test.
func ForTest(t testing.TB) *Schema {
	t.Helper()
	s, err := Load()
	if errors.Is(err, ErrUnavailable) {
		t.Skipf("skipping the azure-native %s schema check: %v", PackageVersion, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Layer is one resource of the typed layer: its token, a zero Args value and a
// pointer to a zero resource struct.
type Layer struct {
	Token    string
	Args     pulumi.Input
	Resource any
}

// CheckLayer checks each resource's token, input and output names, nesting and
// required inputs against the definitions, failing the test for every problem.
func CheckLayer(t testing.TB, resources ...Layer) {
	t.Helper()
	s := ForTest(t)
	for _, r := range resources {
		for _, err := range s.CheckArgs(r.Token, r.Args) {
			t.Error(err)
		}
		for _, err := range s.CheckOutputs(r.Token, r.Resource) {
			t.Error(err)
		}
	}
}
