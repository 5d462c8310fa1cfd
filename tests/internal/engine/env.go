package engine

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// Env is what a run through the engine needs: the CLI, the stand-ins and,
// on demand, the policy pack binary.
type Env struct {
	// CLI runs the Pulumi CLI v3.274.1.
	CLI auto.PulumiCommand
	// PluginDir holds the provider stand-ins.
	PluginDir string
	// Root is the repository root.
	Root     string
	log      io.Writer
	mu       sync.Mutex
	builds   []Build
	packOnce sync.Once
	pack     string
	packErr  error
}

var (
	setupOnce sync.Once
	setupEnv  *Env
	errSetup  error
)

// Setup builds (or reuses) the CLI and the provider stand-ins, once per process;
// later calls return the same Env or error. log receives build progress.
func Setup(ctx context.Context, log io.Writer) (*Env, error) {
	setupOnce.Do(func() { setupEnv, errSetup = setup(ctx, log) })
	return setupEnv, errSetup
}

func setup(ctx context.Context, log io.Writer) (*Env, error) {
	if log == nil {
		log = io.Discard
	}
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	e := &Env{Root: root, log: log}
	cliRoot, b, err := CLIRoot(ctx, log)
	if err != nil {
		return nil, err
	}
	e.builds = append(e.builds, b)
	e.CLI, err = auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: cliRoot})
	if err != nil {
		return nil, fmt.Errorf("using the Pulumi CLI in %s: %w", cliRoot, err)
	}
	e.PluginDir, b, err = BuildPlugins(ctx, log)
	if err != nil {
		return nil, err
	}
	e.builds = append(e.builds, b)
	return e, nil
}

// PolicyPack returns the policy pack binary, building it on first use in this process.
func (e *Env) PolicyPack(ctx context.Context) (string, error) {
	e.packOnce.Do(func() {
		var b Build
		e.pack, b, e.packErr = BuildPolicyPack(ctx, e.log)
		if e.packErr == nil {
			e.mu.Lock()
			e.builds = append(e.builds, b)
			e.mu.Unlock()
		}
	})
	return e.pack, e.packErr
}

// Builds lists what was built or reused so far: the CLI, the stand-ins and, once
// asked for, the policy pack.
func (e *Env) Builds() []Build {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Build(nil), e.builds...)
}
