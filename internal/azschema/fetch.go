package azschema

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aiready/aiready/azure"
)

// PackageVersion is the azure-native npm package version the schema comes from:
// the provider version the azure/ layer registers with (azure.ProviderVersion).
const PackageVersion = azure.ProviderVersion

// EnvDir names an environment variable that points at an unpacked package directory
// (the directory that holds types/input.d.ts), bypassing the cache and npm.
const EnvDir = "AIREADY_AZURE_NATIVE_TYPES"

// ErrUnavailable is wrapped when the definitions are neither cached nor fetchable.
var ErrUnavailable = errors.New("azure-native type definitions unavailable")

// CacheDir returns the directory the definitions are cached in.
func CacheDir() (string, error) {
	base := os.Getenv("AIREADY_CACHE")
	if base == "" {
		ucd, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("azschema: locating the user cache directory: %w", err)
		}
		base = filepath.Join(ucd, "aiready")
	}
	return filepath.Join(base, "azure-native-"+PackageVersion), nil
}

// Dir returns a directory holding the unpacked package's .d.ts files, fetching
// them with npm on first use.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		if _, err := os.Stat(filepath.Join(d, "types", "input.d.ts")); err != nil {
			return "", fmt.Errorf("azschema: %s=%q does not hold types/input.d.ts: %w", EnvDir, d, err)
		}
		return d, nil
	}
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, "types", "input.d.ts")); err == nil {
		return dir, nil
	}
	if err := fetch(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// fetch fetches the azure-native definitions into dir.
func fetch(dir string) error {
	return FetchDefinitions("@pulumi/azure-native", PackageVersion, dir)
}

// FetchDefinitions runs `npm pack <pkg>@<version>` into a temporary directory,
// extracts the package's .d.ts files (without the get*/list* function
// definitions) next to dir, then renames the result to dir; of concurrent fetchers
// the first wins. The unpacked package must hold types/input.d.ts. Errors wrap
// ErrUnavailable when npm is missing or cannot fetch the package.
func FetchDefinitions(pkg, version, dir string) error {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("%w: npm is not on PATH to fetch %s@%s (%v); install Node.js or set %s", ErrUnavailable, pkg, version, err, EnvDir)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("azschema: creating the cache directory: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".fetch-")
	if err != nil {
		return fmt.Errorf("azschema: creating a temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp) //nolint:errcheck // cleanup of the temporary directory: a leftover is harmless

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "pack", pkg+"@"+version, "--silent", "--pack-destination", tmp)
	cmd.Dir = tmp
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: npm pack %s@%s: %v: %s", ErrUnavailable, pkg, version, err, lastLines(string(out), 5))
	}
	tgzs, err := filepath.Glob(filepath.Join(tmp, "*.tgz"))
	if err != nil || len(tgzs) != 1 {
		return fmt.Errorf("azschema: npm pack %s@%s left %d archives in %s", pkg, version, len(tgzs), tmp)
	}
	unpacked := filepath.Join(tmp, "unpacked")
	if err := extractDefinitions(tgzs[0], unpacked); err != nil {
		return err
	}
	if err := os.Rename(unpacked, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "types", "input.d.ts")); statErr == nil {
			return nil // another process won the race
		}
		return fmt.Errorf("azschema: moving the definitions into %s: %w", dir, err)
	}
	return nil
}

// extractDefinitions writes the package's .d.ts files (without the get*/list*
// function definitions) from the npm tarball into dir.
func extractDefinitions(tgz, dir string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return fmt.Errorf("azschema: opening %s: %w", tgz, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("azschema: reading %s: %w", tgz, err)
	}
	tr := tar.NewReader(gz)
	n := 0
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("azschema: reading %s: %w", tgz, err)
		}
		name := strings.TrimPrefix(h.Name, "package/")
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(name, ".d.ts") || strings.Contains(name, "..") {
			continue
		}
		base := filepath.Base(name)
		if strings.HasPrefix(base, "get") || strings.HasPrefix(base, "list") {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("azschema: %w", err)
		}
		out, err := os.Create(dst)
		if err != nil {
			return fmt.Errorf("azschema: %w", err)
		}
		if _, err := io.Copy(out, tr); err != nil {
			_ = out.Close()
			return fmt.Errorf("azschema: extracting %s: %w", name, err)
		}
		if err := out.Close(); err != nil {
			return fmt.Errorf("azschema: %w", err)
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("azschema: %s holds no .d.ts files", tgz)
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
