package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/aiready/aiready/stacks"
	"github.com/aiready/aiready/tests/internal/engine"
)

// preview runs engine previews of a stack (default corp) through the end-to-end
// harness, alternately without a pack, with the pack (the prebuilt binary and the
// example policy config) and, with -noop, with a pack that checks nothing (the
// engine's cost of any pack), after one untimed preview of each, and prints each
// run's wall time and the medians.
func preview(args []string) error {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	runs := fs.Int("runs", 3, "timed previews of each kind")
	stack := fs.String("stack", "corp", "the stack")
	noop := fs.String("noop", "", "a pack binary that checks nothing (perf/cmd/noop-pack), previewed as a third kind")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	env, err := engine.Setup(ctx, os.Stderr)
	if err != nil {
		return err
	}
	pack, err := env.PolicyPack(ctx)
	if err != nil {
		return err
	}
	st, err := env.NewStack(ctx, engine.StackOptions{Name: *stack, Program: stacks.Program})
	if err != nil {
		return err
	}
	defer st.Close() //nolint:errcheck // removing the stack's temporary workspace after its results are reported
	with := engine.PreviewOptions{PolicyPacks: []string{pack}, PolicyConfigs: []string{engine.ExamplePolicyConfig(env.Root)}}
	once := func(o engine.PreviewOptions) (time.Duration, int, error) {
		r, err := st.Preview(ctx, o)
		if err != nil {
			return 0, 0, fmt.Errorf("preview of %s: %w", *stack, err)
		}
		return r.Took, r.Counts().Total, nil
	}
	kinds := []engine.PreviewOptions{{}, with}
	if *noop != "" {
		kinds = append(kinds, engine.PreviewOptions{PolicyPacks: []string{*noop}})
	}
	for _, o := range kinds {
		if _, _, err := once(o); err != nil {
			return err
		}
	}
	times := make([][]time.Duration, len(kinds))
	resources := 0
	for i := 0; i < *runs; i++ {
		for k, o := range kinds {
			d, n, err := once(o)
			if err != nil {
				return err
			}
			times[k] = append(times[k], d)
			resources = n
		}
	}
	mw, mp := median(times[0]), median(times[1])
	out := map[string]any{
		"stack":               *stack,
		"resources":           resources,
		"runs":                *runs,
		"without_ms":          msAll(times[0]),
		"with_ms":             msAll(times[1]),
		"without_ms_median":   ms(mw),
		"with_ms_median":      ms(mp),
		"overhead_pct_median": 100 * (float64(mp) - float64(mw)) / float64(mw),
	}
	if len(kinds) > 2 {
		mn := median(times[2])
		out["noop_ms"] = msAll(times[2])
		out["noop_ms_median"] = ms(mn)
		out["noop_overhead_pct_median"] = 100 * (float64(mn) - float64(mw)) / float64(mw)
		out["beyond_noop_pct_median"] = 100 * (float64(mp) - float64(mn)) / float64(mw)
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}
