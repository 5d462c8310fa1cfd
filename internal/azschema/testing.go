package azschema

import (
	"errors"
	"testing"
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
