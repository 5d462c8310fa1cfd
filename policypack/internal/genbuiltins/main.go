package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/aiready/aiready/policypack/internal/azfacts"
	"github.com/aiready/aiready/policypack/rules"
)

func main() {
	wd, _ := os.Getwd()
	factsPath := flag.String("facts", azfacts.FactsPath(wd), "the Azure facts file (policy-definitions.json)")
	out := flag.String("out", "testdata/builtins.json", "the file to write")
	flag.Parse()
	if err := run(*factsPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genbuiltins:", err)
		os.Exit(1)
	}
}

func run(factsPath, out string) error {
	b, err := os.ReadFile(factsPath)
	if err != nil {
		return fmt.Errorf("reading the Azure facts file (set -facts or $%s): %w", azfacts.EnvFacts, err)
	}
	gen, err := azfacts.Generate(b, rules.MirroredBuiltIns())
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gen, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Printf("genbuiltins: wrote %s\n", out)
	return nil
}
