package readme

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/rules"
)

func TestREADMEIsUpToDate(t *testing.T) {
	current, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Update(current)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(current, want) {
		t.Fatal("README.md is stale: run `go run ./cmd/gendoc` in policypack/")
	}
}

func TestGenerateListsEveryRuleWithItsLevel(t *testing.T) {
	text := Generate(rules.All())
	for _, r := range rules.All() {
		if !strings.Contains(text, "| `"+r.Name+"` | "+string(r.Level)+" | ") {
			t.Errorf("rule %s is not listed with its level", r.Name)
		}
	}
}

func TestUpdateNeedsMarkers(t *testing.T) {
	if _, err := Update([]byte("# no markers\n")); err == nil {
		t.Fatal("Update accepted a README without markers")
	}
}
