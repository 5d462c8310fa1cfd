package manifest

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	m, err := Parse([]byte("# pack\nname: demo-pack\nversion: \"1.2.3\"\nruntime: go\ndescription: >-\n  First line\n  second line.\nmain: x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "demo-pack" || m.Version != "1.2.3" || m.Description != "First line second line." {
		t.Fatalf("got %+v", m)
	}
}

func TestParseRejectsBadManifests(t *testing.T) {
	for in, want := range map[string]string{
		"runtime: go\nversion: 1.0.0\n":          `name ""`,
		"name: bad name\nversion: 1.0.0\n":       `name "bad name"`,
		"name: ok\nversion: one\n":               `version "one"`,
		"name: ok\n  version: 1.0.0\nruntime: x": `version ""`,
	} {
		if _, err := Parse([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %s", in, err, want)
		}
	}
}
