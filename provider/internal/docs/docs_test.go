package docs

import (
	"bytes"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/aiready/aiready/components/securenetwork"
)

// TestLibraryJSONIsCurrent fails when library.json differs from what the library's
// source gives: run `go generate ./internal/docs` in the provider module.
func TestLibraryJSONIsCurrent(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	l, err := Extract(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(libraryJSON, want) {
		t.Fatal("library.json is stale: the library's doc comments changed; run `go generate ./internal/docs` in the provider module and commit library.json")
	}
}

func TestLookups(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	args := reflect.TypeFor[securenetwork.Args]()
	if got := l.FieldDoc(args, "Regions"); got == "" || got[:8] != "Regions " {
		t.Errorf("FieldDoc(securenetwork.Args, Regions) = %q, want the field's comment", got)
	}
	if got := l.TypeDoc(reflect.TypeFor[*securenetwork.RegionArgs]()); got != "RegionArgs describe one region's network." {
		t.Errorf("TypeDoc(*securenetwork.RegionArgs) = %q", got)
	}
	name, c, ok := l.ConstByValue("securenetwork", "Hybrid", "ExpressRoute")
	if !ok || name != "HybridExpressRoute" || c.Doc == "" {
		t.Errorf("ConstByValue(securenetwork, Hybrid, ExpressRoute) = %q %+v %v", name, c, ok)
	}
	if _, _, ok := l.ConstByValue("securenetwork", "Hybrid", "Nope"); ok {
		t.Error("ConstByValue found a constant of a value no constant has")
	}
}

// TestReflow keeps paragraphs and joins their lines.
func TestReflow(t *testing.T) {
	if got := reflow("a\nb  c\n\nd\ne"); got != "a b c\n\nd e" {
		t.Errorf("reflow = %q", got)
	}
}
