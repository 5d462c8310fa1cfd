package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/aiready/aiready/tests/perf"
)

// export writes the realistic set of n resources (corp and online, scaled) as JSON,
// every k-th resource that the three rules read broken.
func export(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	n := fs.Int("n", 10000, "resources")
	every := fs.Int("break", 0, "break every k-th resource the three rules read (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: perf export [-n N] [-break K] file.json")
	}
	root, err := engine.RepoRoot()
	if err != nil {
		return err
	}
	corp, online, err := perf.Shipped(root)
	if err != nil {
		return err
	}
	set := perf.Scale(*n, corp, online)
	if *every > 0 {
		set = perf.Break(set, *every)
	}
	if err := perf.WriteJSONFile(fs.Arg(0), set); err != nil {
		return err
	}
	fmt.Printf("{\"resources\":%d,\"file\":%q}\n", len(set), fs.Arg(0))
	return nil
}
