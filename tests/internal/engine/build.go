package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/tests/internal/standin"
)

// CLIVersion is the version of the Pulumi CLI the tests build and run; it is the
// version of github.com/pulumi/pulumi/pkg/v3 in the tests module's go.mod.
const CLIVersion = "v3.274.1"

const (
	cliPackage = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
	versionVar = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"
)

// Plugin binary names.
const (
	AzureNativePlugin = "pulumi-resource-azure-native"
	AzureADPlugin     = "pulumi-resource-azuread"
	policyPackBinary  = "aiready-policy-pack"
)

// Build reports one build step.
type Build struct {
	// What was built.
	What string
	// Path of the result.
	Path string
	// Reused is true when a cached result was used without building.
	Reused bool
	// Took is the wall time of the step.
	Took time.Duration
}

func (b Build) String() string {
	if b.Reused {
		return fmt.Sprintf("%s: cached %s (%s)", b.What, b.Path, b.Took.Round(time.Millisecond))
	}
	return fmt.Sprintf("%s: built %s in %s", b.What, b.Path, b.Took.Round(100*time.Millisecond))
}

// CLIRoot returns the directory whose bin/pulumi is the Pulumi CLI v3.274.1,
// building it when it is missing or reports another version. The build runs
// `go build` in the tests module (its go.mod pins the CLI) with the version
// stamped, so the Automation API accepts the binary.
func CLIRoot(ctx context.Context, log io.Writer) (string, Build, error) {
	start := time.Now()
	b := Build{What: "pulumi CLI " + CLIVersion}
	cache, err := CacheDir()
	if err != nil {
		return "", b, err
	}
	bin := filepath.Join(cache, "bin", "pulumi")
	b.Path = bin
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", b, fmt.Errorf("creating %s: %w", filepath.Dir(bin), err)
	}
	unlock, err := standin.LockFile(filepath.Join(cache, "bin", ".pulumi.lock"))
	if err != nil {
		return "", b, err
	}
	defer unlock()
	if v, err := cliVersion(ctx, bin); err == nil && v == CLIVersion {
		b.Reused, b.Took = true, time.Since(start)
		return cache, b, nil
	}
	tests, err := TestsDir()
	if err != nil {
		return "", b, err
	}
	fmt.Fprintf(log, "building the Pulumi CLI %s into %s (several minutes the first time; cached afterwards)\n", CLIVersion, bin)
	tmp := filepath.Join(filepath.Dir(bin), fmt.Sprintf(".pulumi-%d", os.Getpid()))
	defer os.Remove(tmp) //nolint:errcheck // cleanup of a temporary: gone already after the rename, else left behind harmlessly
	if err := goBuild(ctx, tests, log, "-ldflags", "-X "+versionVar+"="+CLIVersion, "-o", tmp, cliPackage); err != nil {
		return "", b, fmt.Errorf("building the Pulumi CLI %s: %w", CLIVersion, err)
	}
	if v, err := cliVersion(ctx, tmp); err != nil || v != CLIVersion {
		return "", b, fmt.Errorf("the Pulumi CLI built from %s reports version %q (%v), want %s", cliPackage, v, err, CLIVersion)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", b, fmt.Errorf("installing the Pulumi CLI: %w", err)
	}
	b.Took = time.Since(start)
	return cache, b, nil
}

func cliVersion(ctx context.Context, bin string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, "version")
	cmd.Env = append(os.Environ(), "PULUMI_SKIP_UPDATE_CHECK=true")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s version: %w", bin, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// BuildPlugins builds the azure-native and azuread stand-ins into one directory
// (<cache>/plugins) and makes sure the type definitions they validate against are
// cached. It returns the directory.
func BuildPlugins(ctx context.Context, log io.Writer) (string, Build, error) {
	start := time.Now()
	b := Build{What: "provider stand-ins"}
	// Fetch the definitions now, so a missing npm fails here with a clear message
	// rather than inside a plugin the engine starts.
	if _, err := azschema.Dir(); err != nil {
		return "", b, fmt.Errorf("the azure-native stand-in needs the azure-native %s definitions: %w", azschema.PackageVersion, err)
	}
	if _, err := standin.LoadAzureAD(); err != nil {
		return "", b, fmt.Errorf("the azuread stand-in needs the azuread %s definitions: %w", standin.AzureADVersion, err)
	}
	cache, err := CacheDir()
	if err != nil {
		return "", b, err
	}
	tests, err := TestsDir()
	if err != nil {
		return "", b, err
	}
	dir := filepath.Join(cache, "plugins")
	b.Path = dir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", b, fmt.Errorf("creating %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return "", b, fmt.Errorf("creating a build directory: %w", err)
	}
	defer os.RemoveAll(tmp) //nolint:errcheck // cleanup of the temporary directory: a leftover is harmless
	if err := goBuild(ctx, tests, log, "-o", tmp+string(filepath.Separator),
		"./cmd/"+AzureNativePlugin, "./cmd/"+AzureADPlugin); err != nil {
		return "", b, fmt.Errorf("building the provider stand-ins: %w", err)
	}
	for _, name := range []string{AzureNativePlugin, AzureADPlugin} {
		if err := os.Rename(filepath.Join(tmp, exe(name)), filepath.Join(dir, exe(name))); err != nil {
			return "", b, fmt.Errorf("installing %s: %w", name, err)
		}
	}
	b.Took = time.Since(start)
	return dir, b, nil
}

// BuildPolicyPack builds the policy pack's main package (../policypack, its own
// module) into <cache>/policypack, with a copy of its PulumiPolicy.yaml beside it,
// and returns the binary's path: what `--policy-pack <binary>` takes.
func BuildPolicyPack(ctx context.Context, log io.Writer) (string, Build, error) {
	start := time.Now()
	b := Build{What: "policy pack"}
	root, err := RepoRoot()
	if err != nil {
		return "", b, err
	}
	src := PolicyPackDir(root)
	if _, err := os.Stat(filepath.Join(src, "go.mod")); err != nil {
		return "", b, fmt.Errorf("the policy pack module is missing at %s: %w", src, err)
	}
	cache, err := CacheDir()
	if err != nil {
		return "", b, err
	}
	dir := filepath.Join(cache, "policypack")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", b, fmt.Errorf("creating %s: %w", dir, err)
	}
	bin := filepath.Join(dir, exe(policyPackBinary))
	b.Path = bin
	tmp := filepath.Join(dir, fmt.Sprintf(".%s-%d", policyPackBinary, os.Getpid()))
	defer os.Remove(tmp) //nolint:errcheck // cleanup of a temporary: gone already after the rename, else left behind harmlessly
	if err := goBuild(ctx, src, log, "-o", tmp, "."); err != nil {
		return "", b, fmt.Errorf("building the policy pack in %s: %w", src, err)
	}
	if yaml, err := os.ReadFile(filepath.Join(src, "PulumiPolicy.yaml")); err == nil {
		if err := writeAtomic(filepath.Join(dir, "PulumiPolicy.yaml"), yaml); err != nil {
			return "", b, err
		}
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", b, fmt.Errorf("installing the policy pack: %w", err)
	}
	b.Took = time.Since(start)
	return bin, b, nil
}

// PolicyPackDir returns the policy pack's directory in the repository.
func PolicyPackDir(root string) string { return filepath.Join(root, "policypack") }

func writeAtomic(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func exe(name string) string {
	if filepath.Separator == '\\' {
		return name + ".exe"
	}
	return name
}

// goBuild runs `go build args...` in dir outside any go.work, streaming nothing but
// returning the compiler's output on failure.
func goBuild(ctx context.Context, dir string, log io.Writer, args ...string) error {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("the go command is not on PATH: %w", err)
	}
	cmd := exec.CommandContext(ctx, gobin, append([]string{"build"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("go build %s (in %s): %w\n%s", strings.Join(args, " "), dir, err, strings.TrimSpace(out.String()))
		}
		return fmt.Errorf("go build in %s: %w", dir, err)
	}
	if out.Len() > 0 {
		fmt.Fprint(log, out.String())
	}
	return nil
}

// ExamplePolicyConfig returns the policy pack configuration of the example stacks
// (tests/testdata/policy-config.json): their management groups, platform
// subscriptions and approved models.
func ExamplePolicyConfig(root string) string {
	return filepath.Join(root, "tests", "testdata", "policy-config.json")
}
