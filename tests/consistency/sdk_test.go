package consistency

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

// sdkIgnored are what a build or an install leaves in an SDK directory.
var sdkIgnored = []string{"node_modules", "bin", "__pycache__"}

// TestSDKsAreCurrent fails when the committed SDKs (sdk/) differ from what the
// committed schema (provider/schema.json) generates: run scripts/gen-sdk and commit
// sdk/. (The schema itself is checked against the provider in provider's tests and
// against the built plugin in the e2e tests.)
func TestSDKsAreCurrent(t *testing.T) {
	root, err := engine.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := engine.GenerateSDKFiles(engine.SchemaFile(root))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for lang, fs := range files {
		for name, content := range fs {
			path := filepath.Join(tmp, lang, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, lang := range engine.SDKLanguages {
		diff, err := engine.TreeDiff(filepath.Join(tmp, lang), filepath.Join(engine.SDKDir(root), lang), sdkIgnored...)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(diff)
		for _, d := range diff {
			t.Errorf("sdk/%s/%s", lang, d)
		}
	}
	if t.Failed() {
		t.Log("the SDKs are stale: run scripts/gen-sdk and commit sdk/")
	}
}

// TestPythonSDKCompiles byte-compiles the generated Python SDK and the Python
// example with the machine's python3, and checks the example's calls of the SDK:
// each component's keyword arguments and each enum member exist (the imports need
// the pulumi package, which cannot be installed offline, so nothing is run).
func TestPythonSDKCompiles(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 is not on PATH")
	}
	root, err := engine.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(engine.SDKDir(root), "python"), filepath.Join(root, "examples", "py-corp")} {
		cmd := exec.Command(python, "-c", compileAll, dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Errorf("compiling %s: %v\n%s", dir, err, out.String())
		}
	}
	cmd := exec.Command(python, "-c", checkCalls, filepath.Join(engine.SDKDir(root), "python", "aiready"), filepath.Join(root, "examples", "py-corp", "__main__.py"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Errorf("the Python example does not match the SDK: %v\n%s", err, out.String())
	}
}

// checkCalls reads the SDK's component constructors and enums (argv[1]) and checks
// every aiready.<module>.<Name>(...) call and aiready.<module>.<Enum>.<MEMBER> of the
// example (argv[2]).
const checkCalls = `
import ast, pathlib, sys
sdk, example = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
params, members = {}, {}
for f in sdk.glob("*/*.py"):
    mod = f.parent.name
    for node in ast.parse(f.read_text()).body:
        if not isinstance(node, ast.ClassDef):
            continue
        names = set()
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                names |= {a.arg for a in item.args.args + item.args.kwonlyargs}
            if isinstance(item, ast.Assign):
                names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
        key = mod + "." + node.name
        (members if f.name == "_enums.py" else params)[key] = names
bad = []
for node in ast.walk(ast.parse(example.read_text())):
    chain, n = [], node.func if isinstance(node, ast.Call) else node
    while isinstance(n, ast.Attribute):
        chain.insert(0, n.attr)
        n = n.value
    if not (isinstance(n, ast.Name) and n.id == "aiready" and len(chain) >= 2):
        continue
    key = chain[0] + "." + chain[1]
    if isinstance(node, ast.Call) and len(chain) == 2:
        if key not in params:
            bad.append("no component " + key)
            continue
        bad += [key + ": no argument " + k.arg for k in node.keywords if k.arg not in params[key]]
    elif len(chain) == 3 and key in members and chain[2] not in members[key]:
        bad.append(key + ": no member " + chain[2])
    elif len(chain) == 3 and key not in members and key not in params:
        bad.append("no enum " + key)
if bad:
    sys.exit("\n".join(bad))
`

// compileAll compiles every .py file under argv[1] in memory (nothing is written
// into the repository) and fails on the first syntax error.
const compileAll = `
import pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.py"))
if not files:
    sys.exit("no Python files in " + sys.argv[1])
for p in files:
    compile(p.read_text(), str(p), "exec")
`
