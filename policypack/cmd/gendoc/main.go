package main

import (
	"fmt"
	"os"

	"github.com/aiready/aiready/policypack/internal/readme"
)

func main() {
	const path = "README.md"
	current, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendoc: %v (run it from policypack/)\n", err)
		os.Exit(1)
	}
	updated, err := readme.Update(current)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendoc: %v\n", err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, updated, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "gendoc: writing %s: %v\n", path, err)
		os.Exit(1)
	}
}
