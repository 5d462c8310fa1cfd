package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/tests/perf/jsonrules"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "rules3: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("rules3", flag.ContinueOnError)
	passes := fs.Int("passes", 5, "timed passes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *passes < 1 {
		return errors.New("usage: rules3 [-passes P] file.json")
	}
	list, err := jsonrules.RulesNamed(jsonrules.ThreeRules...)
	if err != nil {
		return err
	}
	t0 := time.Now()
	resources, err := jsonrules.ReadJSON(fs.Arg(0))
	if err != nil {
		return err
	}
	load := time.Since(t0)
	ctxs := [2]*rules.Context{newContext(), newContext()}
	warm := jsonrules.Evaluate(ctxs[0], list, resources)
	findings := 0
	t1 := time.Now()
	for i := 0; i < *passes; i++ {
		findings = jsonrules.Evaluate(ctxs[(i+1)%2], list, resources)
	}
	took := time.Since(t1)
	if findings != warm {
		return fmt.Errorf("findings differ between passes: %d then %d", warm, findings)
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return fmt.Errorf("getrusage: %w", err)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"impl":            "go",
		"resources":       len(resources),
		"passes":          *passes,
		"load_ms":         float64(load.Nanoseconds()) / 1e6,
		"ns_per_resource": float64(took.Nanoseconds()) / float64(*passes) / float64(len(resources)),
		"findings":        findings,
		"max_rss_kb":      ru.Maxrss,
	})
}

// newContext is the rules' context of a preview with the default settings (the
// TypeScript pack has no config either).
func newContext() *rules.Context {
	return &rules.Context{Settings: config.Default(), Stack: rules.StackInfo{Project: "ai-ready", Name: "bench"}, Preview: true}
}
