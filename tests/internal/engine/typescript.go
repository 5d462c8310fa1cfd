package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/tests/internal/standin"
)

// typeScriptPins are the packages the TypeScript check installs, pinned by the
// TypeScript example's package.json (its single source).
var typeScriptPins = []string{"@pulumi/pulumi", "typescript", "@types/node"}

// TypeScriptExampleDir returns the TypeScript example.
func TypeScriptExampleDir(root string) string { return filepath.Join(root, "examples", "ts-corp") }

// typeScriptVersions reads the pinned versions from the example's package.json.
func typeScriptVersions(root string) ([]string, error) {
	path := filepath.Join(TypeScriptExampleDir(root), "package.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", path, err)
	}
	var specs []string
	for _, name := range typeScriptPins {
		v := pkg.Dependencies[name]
		if v == "" {
			v = pkg.DevDependencies[name]
		}
		if v == "" || strings.ContainsAny(v, "^~<>* ") {
			return nil, fmt.Errorf("%s: %s must be pinned to an exact version, not %q", path, name, v)
		}
		specs = append(specs, name+"@"+v)
	}
	sort.Strings(specs)
	return specs, nil
}

// TypeScriptDeps installs the pinned @pulumi/pulumi, typescript and @types/node
// with npm into <cache>/typescript/<pins>/node_modules once and returns that
// directory.
func TypeScriptDeps(ctx context.Context, log io.Writer) (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	specs, err := typeScriptVersions(root)
	if err != nil {
		return "", err
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("the TypeScript check needs npm: %w", err)
	}
	cache, err := CacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(strings.Join(specs, " ")))
	dir := filepath.Join(cache, "typescript", hex.EncodeToString(sum[:6]))
	modules := filepath.Join(dir, "node_modules")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	unlock, err := standin.LockFile(filepath.Join(dir, ".lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Stat(filepath.Join(dir, ".installed")); err == nil {
		return modules, nil
	}
	fmt.Fprintf(log, "installing %s with npm into %s (once)\n", strings.Join(specs, " "), dir)
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name":"aiready-typescript-check","private":true}`+"\n"), 0o644); err != nil {
		return "", err
	}
	args := append([]string{"install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts"}, specs...)
	cmd := exec.CommandContext(ctx, npm, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm %s: %w\n%s", strings.Join(args, " "), err, lastLines(string(out), 20))
	}
	if err := os.WriteFile(filepath.Join(dir, ".installed"), []byte(strings.Join(specs, "\n")+"\n"), 0o644); err != nil {
		return "", err
	}
	return modules, nil
}

// TypeCheck type-checks the generated TypeScript SDK with its own tsconfig, then the
// TypeScript example against it (and against the azure-native 2.90.0 definitions
// the stand-in reads), with tsc --noEmit in copies under a temporary directory.
func TypeCheck(ctx context.Context, modules, tmp string) error {
	root, err := RepoRoot()
	if err != nil {
		return err
	}
	definitions, err := azschema.Dir()
	if err != nil {
		return fmt.Errorf("the TypeScript example needs the azure-native %s definitions: %w", azschema.PackageVersion, err)
	}
	sdk, example := filepath.Join(tmp, "sdk"), filepath.Join(tmp, "example")
	for _, c := range []struct{ from, to string }{
		{filepath.Join(SDKDir(root), "nodejs"), sdk},
		{TypeScriptExampleDir(root), example},
	} {
		if err := copyTree(c.from, c.to, "node_modules", "bin"); err != nil {
			return err
		}
		if err := os.Symlink(modules, filepath.Join(c.to, "node_modules")); err != nil {
			return fmt.Errorf("linking node_modules: %w", err)
		}
	}
	check := map[string]any{
		"extends": "./tsconfig.json",
		"compilerOptions": map[string]any{
			"noEmit":  true,
			"baseUrl": ".",
			"paths": map[string][]string{
				"@aiready/aiready":       {"../sdk/index.ts"},
				"@pulumi/pulumi":         {"./node_modules/@pulumi/pulumi"},
				"@pulumi/pulumi/*":       {"./node_modules/@pulumi/pulumi/*"},
				"@pulumi/azure-native/*": {filepath.ToSlash(definitions) + "/*"},
			},
		},
	}
	b, _ := json.MarshalIndent(check, "", "  ")
	if err := os.WriteFile(filepath.Join(example, "tsconfig.check.json"), b, 0o644); err != nil {
		return err
	}
	tsc := filepath.Join(modules, ".bin", "tsc")
	for _, run := range [][]string{{"-p", sdk, "--noEmit"}, {"-p", filepath.Join(example, "tsconfig.check.json")}} {
		cmd := exec.CommandContext(ctx, tsc, run...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("tsc %s: %w\n%s", strings.Join(run, " "), err, lastLines(string(out), 40))
		}
	}
	return nil
}

// copyTree copies a directory tree, leaving out the names in skip.
func copyTree(from, to string, skip ...string) error {
	return filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, s := range skip {
			if d.Name() == s && path != from {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
