package azure

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sdkModulePrefix starts the path of every generated azure-native Go SDK module.
const sdkModulePrefix = "github.com/pulumi/pulumi-azure-native-sdk/"

// requirements returns the module path and version of every require directive of a
// go.mod file, in the single-line and the block form.
func requirements(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read-only
	out := map[string]string{}
	inBlock := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "//")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
		case inBlock && fields[0] == ")":
			inBlock = false
		case inBlock && len(fields) == 2:
			out[fields[0]] = fields[1]
		case fields[0] == "require" && len(fields) == 2 && fields[1] == "(":
			inBlock = true
		case fields[0] == "require" && len(fields) == 3:
			out[fields[1]] = fields[2]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sdkVersionErrors returns how many azure-native Go SDK modules reqs holds and a
// message for each that is not at version.
func sdkVersionErrors(reqs map[string]string, version string) (n int, errs []string) {
	for mod, v := range reqs {
		if !strings.HasPrefix(mod, sdkModulePrefix) {
			continue
		}
		n++
		if v != "v"+version {
			errs = append(errs, "go.mod requires "+mod+" "+v+"; azure.ProviderVersion is "+version+": move both to one version")
		}
	}
	return n, errs
}

// Every azure-native Go SDK module the root module requires is at
// ProviderVersion: the layer's resources and the generated SDK's then ask the
// engine for one azure-native plugin.
func TestProviderVersionMatchesGoMod(t *testing.T) {
	n, errs := sdkVersionErrors(requirements(t, filepath.Join("..", "go.mod")), ProviderVersion)
	for _, e := range errs {
		t.Error(e)
	}
	if n < 2 {
		t.Fatalf("go.mod requires %d azure-native SDK modules; the test reads the wrong file or cannot parse it", n)
	}
}

func TestSDKVersionErrorsNamesTheModule(t *testing.T) {
	reqs := map[string]string{sdkModulePrefix + "network/v2": "v2.90.0", sdkModulePrefix + "v2": "v2.91.0", "example.com/other": "v2.91.0"}
	n, errs := sdkVersionErrors(reqs, "2.90.0")
	want := "go.mod requires " + sdkModulePrefix + "v2 v2.91.0; azure.ProviderVersion is 2.90.0: move both to one version"
	if n != 2 || len(errs) != 1 || errs[0] != want {
		t.Fatalf("sdkVersionErrors = %d, %q; want 2, [%q]", n, errs, want)
	}
}

func TestRequirementsParsesBothForms(t *testing.T) {
	path := filepath.Join(t.TempDir(), "go.mod")
	data := "module x\n\nrequire a.example/one v1.0.0 // indirect\n\nrequire (\n\t// a comment\n\tb.example/two v2.1.0\n\tc.example/three v0.3.0 // indirect\n)\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	got := requirements(t, path)
	want := map[string]string{"a.example/one": "v1.0.0", "b.example/two": "v2.1.0", "c.example/three": "v0.3.0"}
	if len(got) != len(want) {
		t.Fatalf("requirements = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("requirements[%s] = %q, want %q", k, got[k], v)
		}
	}
}
