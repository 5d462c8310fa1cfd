package engine

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// TestsModule is the module path of the tests module.
const TestsModule = "github.com/aiready/aiready/tests"

// CacheDir returns the directory builds are cached in: $AIREADY_CACHE, else
// <user cache dir>/aiready. It is created if missing.
func CacheDir() (string, error) {
	dir := os.Getenv("AIREADY_CACHE")
	if dir == "" {
		ucd, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("locating the user cache directory (set AIREADY_CACHE): %w", err)
		}
		dir = filepath.Join(ucd, "aiready")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("cache directory %q: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("creating the cache directory: %w", err)
	}
	return abs, nil
}

// TestsDir returns the tests module's directory: found from this source file when
// it is on disk (go test, go run), else from the working directory upwards.
func TestsDir() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok {
		dir := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if isTestsModule(dir) {
			return dir, nil
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("locating the tests module: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if isTestsModule(dir) {
			return dir, nil
		}
		if isTestsModule(filepath.Join(dir, "tests")) {
			return filepath.Join(dir, "tests"), nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("locating the tests module: run from the ai-ready repository (no tests/go.mod above " + wd + ")")
		}
	}
}

func isTestsModule(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && bytes.HasPrefix(bytes.TrimSpace(b), []byte("module "+TestsModule+"\n"))
}

// RepoRoot returns the repository root (the tests module's parent).
func RepoRoot() (string, error) {
	dir, err := TestsDir()
	if err != nil {
		return "", err
	}
	return filepath.Dir(dir), nil
}
