package consistency

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedFindsOnlyEmbeddedCopies: the search follows //go:embed directives,
// ignoring test files and testdata, so a stray catalog.json does not count and a
// renamed embed is not missed.
func TestEmbeddedFindsOnlyEmbeddedCopies(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config/catalog.json", "{}")
	write("config/catalog.go", "package config\n\n//go:embed catalog.json\nvar b []byte\n")
	write("stray/catalog.json", "{}")
	write("other/catalog.json", "{}")
	write("other/x_test.go", "package other\n\n//go:embed catalog.json\nvar b []byte\n")
	write("testdata/catalog.json", "{}")
	write("testdata/x.go", "package x\n\n//go:embed catalog.json\nvar b []byte\n")
	got := embedded(t, dir, "catalog.json")
	if len(got) != 1 || !strings.HasSuffix(filepath.ToSlash(got[0]), "config/catalog.json") {
		t.Errorf("embedded = %v, want only config/catalog.json", got)
	}
	if d := firstDifference([]byte("a\nb\n"), []byte("a\nc\n")); !strings.Contains(d, "line 2") {
		t.Errorf("firstDifference = %q, want line 2", d)
	}
}
