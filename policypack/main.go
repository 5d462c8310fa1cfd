package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/manifest"
)

//go:generate go run ./cmd/gendoc

//go:embed PulumiPolicy.yaml
var policyYAML []byte

//go:embed README.md
var readme string

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "aiready-guardrails: %v\n", err)
		os.Exit(1)
	}
}

// run serves the pack described by the embedded PulumiPolicy.yaml until ctx is done or
// the engine stops the process, writing the port to out.
func run(ctx context.Context, out io.Writer) error {
	m, err := manifest.Parse(policyYAML)
	if err != nil {
		return fmt.Errorf("PulumiPolicy.yaml: %w", err)
	}
	opts := analyzer.Options{Name: m.Name, Version: m.Version, Description: m.Description, Readme: readme}
	return analyzer.ServeContext(ctx, opts, out)
}
