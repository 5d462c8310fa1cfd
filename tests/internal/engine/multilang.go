package engine

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/aiready/aiready/tests/internal/standin"
)

// The multi-language package: the component provider plugin, and the YAML language
// host that runs programs using it.
const (
	// ComponentPlugin is the component provider's plugin binary.
	ComponentPlugin = "pulumi-resource-aiready"
	// ComponentPackage is the package name of the component provider.
	ComponentPackage = "aiready"
	// YAMLHost is the YAML language host's binary.
	YAMLHost = "pulumi-language-yaml"

	yamlModule      = "github.com/pulumi/pulumi-yaml"
	yamlHostPackage = yamlModule + "/cmd/pulumi-language-yaml"
)

// ProviderDir returns the component provider's module directory in the repository.
func ProviderDir(root string) string { return filepath.Join(root, "provider") }

// yamlToolsDir is the module that pins the YAML language host.
func yamlToolsDir(tests string) string { return filepath.Join(tests, "tools", "yaml") }

var yamlRequireRE = regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(yamlModule) + `\s+(v\S+)`)

// YAMLHostVersion returns the version of github.com/pulumi/pulumi-yaml that
// tests/tools/yaml/go.mod pins: the language host's version.
func YAMLHostVersion() (string, error) {
	tests, err := TestsDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(yamlToolsDir(tests), "go.mod")
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading the YAML language host's module: %w", err)
	}
	m := yamlRequireRE.FindSubmatch(b)
	if m == nil {
		return "", fmt.Errorf("%s does not require %s", path, yamlModule)
	}
	return string(m[1]), nil
}

// BuildYAMLHost builds the YAML language host into <cache>/bin, beside the CLI,
// where the CLI finds the language hosts it ships with (ambient plugins on PATH
// are ignored in the harness's hermetic runs). It is built from tests/tools/yaml, a
// module of its own, once per version (a stamp file records it), like the CLI.
func BuildYAMLHost(ctx context.Context, log io.Writer) (Build, error) {
	start := time.Now()
	version, err := YAMLHostVersion()
	b := Build{What: YAMLHost + " " + version}
	if err != nil {
		return b, err
	}
	cache, err := CacheDir()
	if err != nil {
		return b, err
	}
	dir := filepath.Join(cache, "bin")
	bin := filepath.Join(dir, exe(YAMLHost))
	stamp := filepath.Join(dir, "."+YAMLHost+".version")
	b.Path = bin
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return b, fmt.Errorf("creating %s: %w", dir, err)
	}
	unlock, err := standin.LockFile(filepath.Join(dir, "."+YAMLHost+".lock"))
	if err != nil {
		return b, err
	}
	defer unlock()
	if got, err := os.ReadFile(stamp); err == nil && string(got) == version {
		if _, err := os.Stat(bin); err == nil {
			b.Reused, b.Took = true, time.Since(start)
			return b, nil
		}
	}
	tests, err := TestsDir()
	if err != nil {
		return b, err
	}
	fmt.Fprintf(log, "building the YAML language host %s into %s (a minute or two the first time; cached afterwards)\n", version, bin)
	tmp := filepath.Join(dir, fmt.Sprintf(".%s-%d", YAMLHost, os.Getpid()))
	defer os.Remove(tmp) //nolint:errcheck // cleanup of a temporary: gone already after the rename, else left behind harmlessly
	if err := goBuild(ctx, yamlToolsDir(tests), log, "-o", tmp, yamlHostPackage); err != nil {
		return b, fmt.Errorf("building the YAML language host %s: %w", version, err)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return b, fmt.Errorf("installing the YAML language host: %w", err)
	}
	if err := writeAtomic(stamp, []byte(version)); err != nil {
		return b, err
	}
	b.Took = time.Since(start)
	return b, nil
}

// BuildComponentProvider builds the component provider plugin from the provider
// module (../provider) into <cache>/component-provider and returns the directory,
// what a project's plugins.providers entry names. It builds every time: the Go
// build cache makes a build without changes take seconds.
func BuildComponentProvider(ctx context.Context, log io.Writer) (string, Build, error) {
	start := time.Now()
	b := Build{What: "component provider " + ComponentPlugin}
	root, err := RepoRoot()
	if err != nil {
		return "", b, err
	}
	cache, err := CacheDir()
	if err != nil {
		return "", b, err
	}
	dir := filepath.Join(cache, "component-provider")
	bin := filepath.Join(dir, exe(ComponentPlugin))
	b.Path = bin
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", b, fmt.Errorf("creating %s: %w", dir, err)
	}
	tmp := filepath.Join(dir, fmt.Sprintf(".%s-%d", ComponentPlugin, os.Getpid()))
	defer os.Remove(tmp) //nolint:errcheck // cleanup of a temporary: gone already after the rename, else left behind harmlessly
	if err := goBuild(ctx, ProviderDir(root), log, "-o", tmp, "./cmd/"+ComponentPlugin); err != nil {
		return "", b, fmt.Errorf("building the component provider: %w", err)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", b, fmt.Errorf("installing the component provider: %w", err)
	}
	b.Took = time.Since(start)
	return dir, b, nil
}
