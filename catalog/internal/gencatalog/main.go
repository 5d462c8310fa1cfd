package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aiready/aiready/catalog/internal/matrix"
)

func main() {
	dir := flag.String("catalog", ".", "the catalog package directory")
	pack := flag.String("pack", filepath.Join("..", "policypack", "config"), "the policy pack's config package directory")
	flag.Parse()
	if err := run(*dir, *pack); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}

func run(dir, pack string) error {
	js, err := matrix.Build(filepath.Join(dir, "source"))
	if err != nil {
		return err
	}
	files := map[string][]byte{
		filepath.Join(dir, "catalog.json"):  js,
		filepath.Join(pack, "catalog.json"): js,
	}
	for src, dst := range matrix.PackFiles {
		code, err := os.ReadFile(filepath.Join(dir, src))
		if err != nil {
			return fmt.Errorf("reading %s: %w", src, err)
		}
		if files[filepath.Join(pack, dst)], err = matrix.PackFacts(code, "config"); err != nil {
			return err
		}
	}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	return nil
}
