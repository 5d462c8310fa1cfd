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
// harness, alternately without and with the pack (the prebuilt binary and the example
// policy config), after one untimed preview of each, and prints each run's wall time
// and the medians.
func preview(args []string) error {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	runs := fs.Int("runs", 3, "timed previews of each kind")
	stack := fs.String("stack", "corp", "the stack")
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
	defer st.Close()
	with := engine.PreviewOptions{PolicyPacks: []string{pack}, PolicyConfigs: []string{engine.ExamplePolicyConfig(env.Root)}}
	once := func(o engine.PreviewOptions) (time.Duration, int, error) {
		r, err := st.Preview(ctx, o)
		if err != nil {
			return 0, 0, fmt.Errorf("preview of %s: %w", *stack, err)
		}
		return r.Took, r.Counts().Total, nil
	}
	for _, o := range []engine.PreviewOptions{{}, with} {
		if _, _, err := once(o); err != nil {
			return err
		}
	}
	var without, withPack []time.Duration
	resources := 0
	for i := 0; i < *runs; i++ {
		a, n, err := once(engine.PreviewOptions{})
		if err != nil {
			return err
		}
		b, _, err := once(with)
		if err != nil {
			return err
		}
		without, withPack, resources = append(without, a), append(withPack, b), n
	}
	mw, mp := median(without), median(withPack)
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"stack":               *stack,
		"resources":           resources,
		"runs":                *runs,
		"without_ms":          msAll(without),
		"with_ms":             msAll(withPack),
		"without_ms_median":   ms(mw),
		"with_ms_median":      ms(mp),
		"overhead_pct_median": 100 * (float64(mp) - float64(mw)) / float64(mw),
	})
}
