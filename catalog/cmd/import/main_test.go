package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/catalog"
)

const sub = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01"

var listings = filepath.Join("..", "..", "internal", "azimport", "testdata", "listings")

func day() time.Time { return time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC) }

func TestImportWritesAnImportTheCatalogTakes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "import.json")
	if err := run([]string{"-in", listings, "-subscription", sub, "-out", out}, nil, day); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	c, err := catalog.Default().LoadImport(f)
	if err != nil {
		t.Fatal(err)
	}
	if imp := c.Imported(); imp.Subscription != sub || imp.Date != "2026-12-02" {
		t.Errorf("import = %s on %s", imp.Subscription, imp.Date)
	}
}

// TestCommittedImportIsCurrent: catalog/testdata/import.json, which the stacks'
// tests and the end-to-end tests use, is what the command makes of the fixtures.
func TestCommittedImportIsCurrent(t *testing.T) {
	var got bytes.Buffer
	if err := run([]string{"-in", listings, "-subscription", sub, "-date", "2026-12-02", "-out", "-"}, &got, day); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatal("catalog/testdata/import.json is stale: go run ./catalog/cmd/import -in catalog/internal/azimport/testdata/listings -subscription " + sub + " -date 2026-12-02 -out catalog/testdata/import.json")
	}
}

func TestImportWritesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "models-eastus.json"), []byte(`{"value": 3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "import.json")
	err := run([]string{"-in", dir, "-subscription", sub, "-out", out}, nil, day)
	if err == nil || !strings.Contains(err.Error(), "models-eastus.json: $.value: want an array, got a number") {
		t.Fatalf("error = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files after a failed import, want only the listing", len(entries))
	}
	if err := run([]string{"-in", dir}, nil, day); err == nil || !strings.Contains(err.Error(), "-in, -subscription and -out are required") {
		t.Errorf("error = %v", err)
	}
}
