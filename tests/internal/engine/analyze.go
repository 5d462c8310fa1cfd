package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

// AnalyzeOptions tune a policy analysis of the stack's state.
type AnalyzeOptions struct {
	// PolicyPacks are policy packs: binaries or directories.
	PolicyPacks []string
	// PolicyConfigs are policy pack config files (JSON), one per pack.
	PolicyConfigs []string
}

// Analyze runs `pulumi policy analyze --stack <name> --json`: the policy packs
// judge the resources as the stack's state records them (after a refresh, what is
// in Azure), without running the program or calling a provider. The Result holds
// the violations; err is an *OpError when the CLI failed for another reason than
// mandatory violations (which exit non-zero by design and are in the Result).
func (s *Stack) Analyze(ctx context.Context, opts AnalyzeOptions) (*Result, error) {
	args := []string{"policy", "analyze", "--stack", s.Name, "--json", "--non-interactive"}
	for _, p := range opts.PolicyPacks {
		args = append(args, "--policy-pack", p)
	}
	for _, p := range opts.PolicyConfigs {
		args = append(args, "--policy-pack-config", p)
	}
	ws := s.stack.Workspace()
	var env []string
	for k, v := range ws.GetEnvVars() {
		env = append(env, k+"="+v)
	}
	start := time.Now()
	stdout, stderr, code, runErr := ws.PulumiCommand().Run(ctx, ws.WorkDir(), nil, nil, nil, env, args...)
	r := newResult("analyze")
	r.Took = time.Since(start)
	r.Stdout, r.Stderr = stdout, stderr
	if err := readEvents(r, stdout); err != nil {
		return r, fmt.Errorf("stack %s: pulumi policy analyze: %w", s.Name, err)
	}
	if code != 0 && len(r.Mandatory()) == 0 {
		return r, newOpError(s.Name, "policy analyze", fmt.Errorf("exit %d: %v: %s", code, runErr, strings.TrimSpace(stderr)), r)
	}
	return r, nil
}

// readEvents adds the engine events of a --json stream (one JSON object per line)
// to r.
func readEvents(r *Result, stream string) error {
	sc := bufio.NewScanner(strings.NewReader(stream))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var ev apitype.EngineEvent
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			return fmt.Errorf("event on line %d: %w", n, err)
		}
		r.add(events.EngineEvent{EngineEvent: ev})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading the events: %w", err)
	}
	return nil
}
