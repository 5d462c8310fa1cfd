package docs

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Packages are the library's packages whose documentation the schema uses, relative
// to the repository root.
var Packages = []string{
	// First: the components' constants name its values (ArchetypeCorp =
	// string(conventions.Corp)).
	"internal/conventions",
	"components/managementgroups",
	"components/policybaseline",
	"components/securenetwork",
	"components/aiendpoint",
	"components/replication",
	"azure/cognitiveservices",
}

// Extract reads the doc comments of the struct types, their fields and the string
// constants of Packages under the repository root.
func Extract(root string) (*Library, error) {
	l := &Library{Types: map[string]*Type{}, Consts: map[string]Const{}}
	for _, rel := range Packages {
		dir := filepath.Join(root, filepath.FromSlash(rel))
		files, err := sourceFiles(dir)
		if err != nil {
			return nil, err
		}
		pkg := filepath.Base(dir)
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
			if err != nil {
				return nil, fmt.Errorf("docs: parsing %s: %w", path, err)
			}
			for _, decl := range f.Decls {
				if gd, ok := decl.(*ast.GenDecl); ok {
					l.addDecl(pkg, gd)
				}
			}
		}
	}
	return l, nil
}

// sourceFiles lists a package's non-test Go files, sorted.
func sourceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("docs: reading the library package %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	return out, nil
}

func (l *Library) addDecl(pkg string, gd *ast.GenDecl) {
	for _, spec := range gd.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			st, ok := s.Type.(*ast.StructType)
			if !ok || !s.Name.IsExported() {
				continue
			}
			t := &Type{Doc: text(s.Doc, gd.Doc), Fields: map[string]string{}}
			for _, f := range st.Fields.List {
				for _, n := range f.Names {
					if d := text(f.Doc, f.Comment); n.IsExported() && d != "" {
						t.Fields[n.Name] = d
					}
				}
			}
			l.Types[pkg+"."+s.Name.Name] = t
		case *ast.ValueSpec:
			if gd.Tok != token.CONST || len(s.Names) != 1 || len(s.Values) != 1 {
				continue
			}
			v, ok := l.constValue(s.Values[0])
			if !ok || !s.Names[0].IsExported() {
				continue
			}
			l.Consts[pkg+"."+s.Names[0].Name] = Const{Value: v, Doc: text(s.Doc, s.Comment)}
		}
	}
}

// constValue is a string constant's value: a string literal, a constant of a
// package read before (conventions.ZoneOpenAI), or its conversion
// (string(conventions.Corp)).
func (l *Library) constValue(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(x.Value)
		return v, err == nil
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		if !ok {
			return "", false
		}
		c, ok := l.Consts[pkg.Name+"."+x.Sel.Name]
		return c.Value, ok
	case *ast.CallExpr:
		if fn, ok := x.Fun.(*ast.Ident); ok && fn.Name == "string" && len(x.Args) == 1 {
			return l.constValue(x.Args[0])
		}
	}
	return "", false
}

// text is the first non-empty comment group, on one line per paragraph.
func text(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if g == nil {
			continue
		}
		if t := strings.TrimSpace(g.Text()); t != "" {
			return reflow(t)
		}
	}
	return ""
}

// reflow joins the lines of each paragraph, keeping blank lines between paragraphs.
func reflow(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

// Marshal renders the library as library.json.
func (l *Library) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("docs: encoding: %w", err)
	}
	return append(b, '\n'), nil
}
