package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/aiready/aiready/components/policybaseline/internal/builtinsgen"
)

func main() {
	wd, _ := os.Getwd()
	factsPath := flag.String("facts", builtinsgen.FactsPath(wd), "the Azure facts file (policy-definitions.json)")
	lib := flag.String("lib", "lib", "the library directory (its assignments/ are read)")
	out := flag.String("out", "lib/builtins.json", "the file to write")
	flag.Parse()
	if err := run(*factsPath, *lib, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genbuiltins:", err)
		os.Exit(1)
	}
}

func run(factsPath, lib, out string) error {
	b, err := os.ReadFile(factsPath)
	if err != nil {
		return fmt.Errorf("reading the Azure facts file (set -facts or $%s): %w", builtinsgen.EnvFacts, err)
	}
	gen, err := builtinsgen.Generate(b, os.DirFS(lib))
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gen, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Printf("genbuiltins: wrote %s from %s\n", out, factsPath)
	return nil
}
