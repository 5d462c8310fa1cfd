package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// SDKLanguages are the languages SDKs are generated for, each into sdk/<language>.
var SDKLanguages = []string{"nodejs", "python"}

// sdkTool names the generator in the generated files' headers.
const sdkTool = "pulumi-gen-aiready"

// SchemaFile returns the committed schema of the component provider.
func SchemaFile(root string) string { return filepath.Join(ProviderDir(root), "schema.json") }

// SDKDir returns the directory of the generated SDKs.
func SDKDir(root string) string { return filepath.Join(root, "sdk") }

// packageCommand runs `pulumi package <args>` with a temporary PULUMI_HOME and no
// plugin acquisition, and returns its stdout.
func packageCommand(ctx context.Context, cli auto.PulumiCommand, dir string, args ...string) ([]byte, error) {
	home, err := os.MkdirTemp("", "aiready-package-")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary PULUMI_HOME: %w", err)
	}
	defer os.RemoveAll(home) //nolint:errcheck // cleanup of the temporary home: a leftover is harmless
	env := []string{
		"PULUMI_HOME=" + home,
		"PULUMI_SKIP_UPDATE_CHECK=true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true",
		"PULUMI_IGNORE_AMBIENT_PLUGINS=true",
	}
	stdout, stderr, code, err := cli.Run(ctx, dir, nil, nil, nil, env, append([]string{"package"}, args...)...)
	if err != nil || code != 0 {
		return nil, fmt.Errorf("pulumi package %s: exit %d: %v\n%s", strings.Join(args, " "), code, err, strings.TrimSpace(stderr))
	}
	return []byte(stdout), nil
}

// PluginSchema returns `pulumi package get-schema <plugin>`: the schema the built
// component provider serves, as the CLI prints it.
func PluginSchema(ctx context.Context, cli auto.PulumiCommand, plugin string) ([]byte, error) {
	abs, err := filepath.Abs(plugin)
	if err != nil {
		return nil, fmt.Errorf("locating %s: %w", plugin, err)
	}
	return packageCommand(ctx, cli, filepath.Dir(abs), "get-schema", abs)
}

// GenerateSDKs writes the SDK of every language of SDKLanguages from the schema
// file into out/<language>, replacing what was there. It runs the Pulumi code
// generators of github.com/pulumi/pulumi/pkg/v3 (the tests module's version, the
// CLI's) in process: the same generators `pulumi package gen-sdk` runs through the
// Node.js and Python language hosts, which cannot be had here.
func GenerateSDKs(schemaPath, out string) error {
	files, err := GenerateSDKFiles(schemaPath)
	if err != nil {
		return err
	}
	for lang, fs := range files {
		dir := filepath.Join(out, lang)
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("clearing %s: %w", dir, err)
		}
		for name, content := range fs {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return fmt.Errorf("writing the %s SDK: %w", lang, err)
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				return fmt.Errorf("writing the %s SDK: %w", lang, err)
			}
		}
	}
	return nil
}

// GenerateSDKFiles returns, by language, the SDK files generated from the schema
// file, by path relative to the language's directory.
func GenerateSDKFiles(schemaPath string) (map[string]map[string][]byte, error) {
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(b, &spec); err != nil {
		return nil, fmt.Errorf("decoding %s: %w", schemaPath, err)
	}
	out := map[string]map[string][]byte{}
	for _, lang := range SDKLanguages {
		// Each generator records its language's info in the package: bind afresh.
		pkg, diags, err := schema.BindSpec(spec, selfContained{}, schema.ValidationOptions{})
		if err != nil {
			return nil, fmt.Errorf("binding %s: %w", schemaPath, err)
		}
		if diags.HasErrors() {
			return nil, fmt.Errorf("binding %s: %w", schemaPath, diags)
		}
		var files map[string][]byte
		switch lang {
		case "nodejs":
			files, err = nodejsgen.GeneratePackage(sdkTool, pkg, nil, nil, false, selfContained{})
		case "python":
			files, err = pythongen.GeneratePackage(sdkTool, pkg, nil, selfContained{})
		default:
			err = fmt.Errorf("no generator for %s", lang)
		}
		if err != nil {
			return nil, fmt.Errorf("generating the %s SDK: %w", lang, err)
		}
		out[lang] = files
	}
	return out, nil
}

// selfContained is the schema loader of a package that references no other
// package, as the component provider's schema does: it loads nothing.
type selfContained struct{}

// LoadPackage refuses: there is no other package.
func (selfContained) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the aiready schema references package %q; only self-contained schemas are generated here", pkg)
}

// LoadPackageV2 refuses: there is no other package.
func (l selfContained) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

// LoadPackageReference refuses: there is no other package.
func (l selfContained) LoadPackageReference(pkg string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(pkg, v)
	return nil, err
}

// LoadPackageReferenceV2 refuses: there is no other package.
func (l selfContained) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}

// TreeDiff compares two directory trees file by file (ignoring the names in
// ignore, at any depth) and returns one line per difference.
func TreeDiff(want, got string, ignore ...string) ([]string, error) {
	a, err := readTree(want, ignore)
	if err != nil {
		return nil, err
	}
	b, err := readTree(got, ignore)
	if err != nil {
		return nil, err
	}
	var out []string
	for path, content := range a {
		other, ok := b[path]
		switch {
		case !ok:
			out = append(out, path+": missing")
		case !bytes.Equal(content, other):
			out = append(out, path+": differs")
		}
	}
	for path := range b {
		if _, ok := a[path]; !ok {
			out = append(out, path+": not expected")
		}
	}
	return out, nil
}

func readTree(root string, ignore []string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, n := range ignore {
			if d.Name() == n {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", root, err)
	}
	return files, nil
}
