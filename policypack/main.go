// Command aiready-guardrails is the AI Ready policy pack. The same main serves
// `pulumi preview --policy-pack <this directory>` (the Go language host builds and
// starts it) and a prebuilt binary passed as `--policy-pack <binary>`: in both cases
// the engine starts the program with its own address as the argument and reads the
// port the analyzer listens on from the first line of stdout.
package main

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/manifest"
)

//go:embed PulumiPolicy.yaml
var policyYAML []byte

//go:embed README.md
var readme string

func main() {
	m, err := manifest.Parse(policyYAML)
	if err != nil {
		fmt.Fprintf(os.Stderr, "aiready-guardrails: PulumiPolicy.yaml: %v\n", err)
		os.Exit(1)
	}
	opts := analyzer.Options{Name: m.Name, Version: m.Version, Description: m.Description, Readme: readme}
	if err := analyzer.Serve(opts, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", m.Name, err)
		os.Exit(1)
	}
}
