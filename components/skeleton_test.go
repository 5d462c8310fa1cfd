package components

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// componentPackages are the component packages and the components each holds,
// by the name of their type token ("aiready:<module>:<Name>").
var componentPackages = map[string][]string{
	"managementgroups": {"ManagementGroupHierarchy"},
	"policybaseline":   {"AIPolicyBaseline"},
	"securenetwork":    {"SecureNetwork"},
	"aiendpoint":       {"RegionalAIEndpoint", "AIGateway"},
	"replication":      {"AssetReplication"},
}

// skeleton is what one package's non-test files declare and call.
type skeleton struct {
	consts map[string]string // name -> string value
	funcs  map[string]bool   // package-level functions
	calls  map[string]int    // Register* calls by method name, and by <ident>.<method>
}

func readSkeleton(t *testing.T, dir string) skeleton {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	s := skeleton{consts: map[string]string{}, funcs: map[string]bool{}, calls: map[string]int{}}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		s.read(f)
	}
	return s
}

func (s skeleton) read(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil {
				s.funcs[n.Name.Name] = true
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) {
					if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s.consts[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Register") {
				s.calls[sel.Sel.Name]++
				if x, ok := sel.X.(*ast.Ident); ok {
					s.calls[x.Name+"."+sel.Sel.Name]++
				}
			}
		}
		return true
	})
}

// Every component package has the same skeleton: a package with one component
// names its token TypeToken and its constructor New; one with several names them
// <Component>TypeToken and New<Component>. Each registers with
// RegisterComponentResourceV2 (a summary of its inputs) and its outputs through
// internal/outputmap, from its struct's tags, never a hand-written map.
func TestComponentPackagesShareOneSkeleton(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	var listed []string
	for p := range componentPackages {
		listed = append(listed, p)
	}
	slices.Sort(listed)
	if !slices.Equal(dirs, listed) {
		t.Fatalf("component packages %q, the test lists %q", dirs, listed)
	}
	for pkg, comps := range componentPackages {
		s := readSkeleton(t, filepath.Join(".", pkg))
		for _, c := range comps {
			tokenName, ctor := "TypeToken", "New"
			if len(comps) > 1 {
				tokenName, ctor = c+"TypeToken", "New"+c
			}
			if v := s.consts[tokenName]; !strings.HasPrefix(v, "aiready:") || !strings.HasSuffix(v, ":"+c) {
				t.Errorf("%s: %s = %q, want the token aiready:<module>:%s", pkg, tokenName, v, c)
			}
			if !s.funcs[ctor] {
				t.Errorf("%s: no constructor %s for %s", pkg, ctor, c)
			}
		}
		if n := s.calls["RegisterComponentResourceV2"]; n != len(comps) || s.calls["RegisterComponentResource"] != 0 {
			t.Errorf("%s: %d RegisterComponentResourceV2 and %d RegisterComponentResource calls; want one V2 call per component (%d)",
				pkg, n, s.calls["RegisterComponentResource"], len(comps))
		}
		if n := s.calls["RegisterResourceOutputs"]; n != 0 {
			t.Errorf("%s: %d hand-written RegisterResourceOutputs calls; register outputs with outputmap.Register", pkg, n)
		}
		if n := s.calls["outputmap.Register"]; n != len(comps) {
			t.Errorf("%s: %d outputmap.Register calls, want one per component (%d)", pkg, n, len(comps))
		}
	}
}
