package engine

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// SDKLanguages are the languages SDKs are generated for, each into sdk/<dir>:
// `pulumi package gen-sdk --language <language>`.
var SDKLanguages = []struct{ Language, Dir string }{
	{"nodejs", "nodejs"},
	{"python", "python"},
	{"dotnet", "dotnet"},
}

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
	defer os.RemoveAll(home)
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
// file into out/<dir> (`pulumi package gen-sdk`), replacing what was there.
func GenerateSDKs(ctx context.Context, cli auto.PulumiCommand, schema, out string) error {
	abs, err := filepath.Abs(schema)
	if err != nil {
		return fmt.Errorf("locating %s: %w", schema, err)
	}
	for _, l := range SDKLanguages {
		dir := filepath.Join(out, l.Dir)
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("clearing %s: %w", dir, err)
		}
		if _, err := packageCommand(ctx, cli, filepath.Dir(abs), "gen-sdk", abs, "--language", l.Language, "--out", out); err != nil {
			return err
		}
	}
	return nil
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
