package consistency

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

// embedded returns the files that //go:embed directives of non-test Go files under
// dir embed and whose base name is name.
func embedded(t *testing.T, dir, name string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != dir {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			patterns, ok := strings.CutPrefix(line, "//go:embed ")
			if !ok {
				continue
			}
			for _, p := range strings.Fields(patterns) {
				matches, err := filepath.Glob(filepath.Join(filepath.Dir(path), filepath.FromSlash(p)))
				if err != nil {
					return fmt.Errorf("%s: //go:embed %s: %w", path, p, err)
				}
				for _, m := range matches {
					if filepath.Base(m) == name {
						found = append(found, m)
					}
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestCatalogCopiesIdentical: the policy pack embeds its own copy of the Azure
// catalog (regions, model versions, deployment types, quotas), written by the
// library's generator; it must be byte-identical to the library's
// catalog/catalog.json, or the pack and the components disagree about what is
// available where.
func TestCatalogCopiesIdentical(t *testing.T) {
	root, err := engine.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(root, "catalog", "catalog.json")
	want, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	if libs := embedded(t, filepath.Join(root, "catalog"), "catalog.json"); len(libs) != 1 {
		t.Fatalf("the library embeds %d catalog.json files (%v), want exactly catalog/catalog.json", len(libs), libs)
	}
	copies := embedded(t, engine.PolicyPackDir(root), "catalog.json")
	if len(copies) == 0 {
		t.Fatalf("no //go:embed of a catalog.json under %s: the policy pack must embed a copy of catalog/catalog.json", engine.PolicyPackDir(root))
	}
	for _, c := range copies {
		got, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			rel, _ := filepath.Rel(root, c)
			t.Errorf("%s differs from catalog/catalog.json (%s); regenerate both: cd catalog && go generate",
				rel, firstDifference(want, got))
		}
	}
}

// firstDifference describes where two texts first differ.
func firstDifference(a, b []byte) string {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			return fmt.Sprintf("first at line %d: %q vs %q", i+1, x, y)
		}
	}
	return "they differ only in line endings"
}
