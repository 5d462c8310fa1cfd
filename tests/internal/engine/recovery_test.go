package engine

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestRepairTruncatedAttrs: an empty or cut sidecar is removed, a whole one and
// the objects themselves are kept.
func TestRepairTruncatedAttrs(t *testing.T) {
	s := &Stack{Name: "corp", Dir: t.TempDir()}
	stacks := filepath.Join(s.Dir, "state", ".pulumi", "stacks", "ai-ready")
	if err := os.MkdirAll(stacks, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"corp.json":           `{"version":3}`,
		"corp.json.attrs":     "",
		"corp.json.bak.attrs": `{"user.content_type":"application/octet-stream","md5":"AA=="}`,
		"dev.json.attrs":      `{"user.content_type":"appli`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(stacks, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := s.RepairTruncatedAttrs()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(".pulumi", "stacks", "ai-ready", "corp.json.attrs"),
		filepath.Join(".pulumi", "stacks", "ai-ready", "dev.json.attrs"),
	}
	if !reflect.DeepEqual(removed, want) {
		t.Fatalf("removed %v; want %v", removed, want)
	}
	for _, kept := range []string{"corp.json", "corp.json.bak.attrs"} {
		if _, err := os.Stat(filepath.Join(stacks, kept)); err != nil {
			t.Errorf("%s: %v; want it kept", kept, err)
		}
	}
}
