package apimanagement

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
)

var (
	missingPropRE   = regexp.MustCompile(`: ([\w.]+) has no property "(\w+)"`)
	missingOutputRE = regexp.MustCompile(`has no output "(\w+)"`)
)

// multiLine reports whether err is azschema's false report of a property the
// definitions declare over several lines ("tags?: pulumi.Input<{" ... "}>;", a map
// like "endpoints: {" ... "};"): its parser reads one-line declarations only. It
// confirms in the definition files that the named object does declare the property
// that way, so a real misspelling still fails the test.
func multiLine(t *testing.T, s *azschema.Schema, token string, err error) bool {
	t.Helper()
	dir, derr := azschema.Dir()
	if derr != nil {
		return false
	}
	msg := err.Error()
	if m := missingOutputRE.FindStringSubmatch(msg); m != nil {
		return declaredInResourceFile(s, dir, token, "    readonly "+m[1]+": pulumi.Output<{")
	}
	m := missingPropRE.FindStringSubmatch(msg)
	if m == nil {
		return false
	}
	object, prop := m[1], m[2]
	if !strings.Contains(object, ".") {
		// The resource's own Args interface.
		return declaredInResourceFile(s, dir, token, "    "+prop+"?: pulumi.Input<{", "    "+prop+": pulumi.Input<{")
	}
	file := "output.d.ts"
	if strings.HasSuffix(object, "Args") {
		file = "input.d.ts"
	}
	return declaredInType(filepath.Join(dir, "types", file), object, prop)
}

func declaredInResourceFile(s *azschema.Schema, dir, token string, lines ...string) bool {
	r, err := s.Resource(token)
	if err != nil {
		return false
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.File)))
	if err != nil {
		return false
	}
	for _, l := range lines {
		if strings.Contains(string(b), l+"\n") {
			return true
		}
	}
	return false
}

// declaredInType finds the interface a.b.C (namespace a, namespace b, interface C)
// in a types file and reports whether it declares prop as a multi-line object.
func declaredInType(path, qualified, prop string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	parts := strings.Split(qualified, ".")
	want := make([]string, len(parts))
	for i, p := range parts[:len(parts)-1] {
		want[i] = "namespace " + p + " {"
	}
	want[len(parts)-1] = "interface " + parts[len(parts)-1] + " {"
	depth := 0
	propRE := regexp.MustCompile(`^\s+` + regexp.QuoteMeta(prop) + `\??: (pulumi\.Input<)?\{$`)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	indent := ""
	for sc.Scan() {
		line := sc.Text()
		if depth < len(want) {
			trimmed := strings.TrimPrefix(strings.TrimSpace(line), "export declare ")
			if trimmed == want[depth] && len(line)-len(strings.TrimLeft(line, " ")) == 4*depth {
				depth++
				indent = strings.Repeat(" ", 4*(depth-1))
			}
			continue
		}
		if line == indent+"}" {
			return false
		}
		if propRE.MatchString(line) {
			return true
		}
	}
	return false
}
