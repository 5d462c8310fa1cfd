package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/aiready/aiready/components/policybaseline/internal/assignmentsdoc"
)

func main() {
	out := flag.String("out", "ASSIGNMENTS.md", "the file to write")
	flag.Parse()
	b, err := assignmentsdoc.Render()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genassignments:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "genassignments: writing %s: %v\n", *out, err)
		os.Exit(1)
	}
	fmt.Println("genassignments: wrote", *out)
}
