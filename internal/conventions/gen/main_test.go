package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestPackCopyIsCurrent: the pack's conventions are a regeneration of the
// library's, byte for byte (run `go generate ./internal/conventions`).
func TestPackCopyIsCurrent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "conventions.go"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Copy(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "..", "policypack", "internal", "conventions", "conventions_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("policypack/internal/conventions/conventions_gen.go is stale: run go generate ./internal/conventions")
	}
}

// TestCopyRefusesAFileWithoutTheDirective: a source without its generate
// line (or with two) is refused, so the copy never runs a generator in the pack.
func TestCopyRefusesAFileWithoutTheDirective(t *testing.T) {
	if _, err := Copy([]byte("package conventions\n")); err == nil {
		t.Fatal("a file without the directive was copied")
	}
}
