package rules

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/aiready/aiready/policypack/internal/azfacts"
)

// builtInFacts reads the pack's copy of Azure's facts (testdata/builtins.json).
func builtInFacts(t *testing.T) *azfacts.Facts {
	t.Helper()
	b, err := os.ReadFile("testdata/builtins.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := azfacts.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestMirrorsMatchAzureFacts holds every rule's mirrored built-ins to Azure's facts:
// the definition exists and is not deprecated, its display name is Azure's, and the
// ALZ sets named are exactly those that hold it.
func TestMirrorsMatchAzureFacts(t *testing.T) {
	facts := builtInFacts(t)
	for _, r := range All() {
		for _, b := range r.BuiltIns {
			d, ok := facts.Definitions[b.ID]
			if !ok {
				t.Errorf("%s mirrors %s, which the facts copy lacks; run go generate ./rules", r.Name, b.ID)
				continue
			}
			if d.Deprecated {
				t.Errorf("%s mirrors %s (%q), which Azure has deprecated", r.Name, b.ID, d.DisplayName)
			}
			if b.DisplayName != d.DisplayName {
				t.Errorf("%s mirrors %s as %q; Azure names it %q", r.Name, b.ID, b.DisplayName, d.DisplayName)
			}
			if want := facts.SetsContaining(b.ID); !slices.Equal(b.ALZSets, want) {
				t.Errorf("%s: %s is in the ALZ sets %q, not %q", r.Name, b.ID, want, b.ALZSets)
			}
		}
	}
}

// TestBuiltInFactsCopyIsCurrent regenerates testdata/builtins.json from the Azure
// facts file and requires the committed copy to be identical. It skips where the
// facts file is absent (a user's clone).
func TestBuiltInFactsCopyIsCurrent(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	path := azfacts.FactsPath(wd)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("the Azure facts file is not here (%v); the copy is checked against it where it is", err)
	}
	want, err := azfacts.Generate(src, MirroredBuiltIns())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("testdata/builtins.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("testdata/builtins.json differs from what %s gives; run go generate ./rules in policypack", path)
	}
}
