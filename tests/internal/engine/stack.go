package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aiready/aiready/tests/internal/standin"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Project is the Pulumi project name of the repository (its Pulumi.yaml).
const Project = "ai-ready"

// StackOptions describe a stack to run.
type StackOptions struct {
	// Name is the stack name; the stacks program picks its composition from it.
	Name string
	// Program is the inline program.
	Program pulumi.RunFunc
	// ConfigFile is the stack config file to start from. Default: the repository's
	// Pulumi.<Name>.yaml when it exists, else no config. Its secrets-provider keys
	// (encryptionsalt, encryptedkey, secretsprovider, which `pulumi stack init`
	// writes) are dropped, since the run uses the harness's own passphrase; a
	// `secure:` value in it is an error naming its key (see PortableConfig).
	ConfigFile string
	// NoConfigFile starts from empty config even when Pulumi.<Name>.yaml exists.
	NoConfigFile bool
	// Config sets further plain config values ("namespace:key" → value).
	Config map[string]string
	// Env overrides environment variables of the CLI (after the hermetic defaults).
	Env map[string]string
	// Dir is a directory to work in (home, state and workspace go under it).
	// Default: a new temporary directory that Close removes.
	Dir string
}

// Stack is one stack of an inline program with a hermetic file backend and
// PULUMI_HOME, the stand-ins as project plugins.
type Stack struct {
	// Name is the stack name.
	Name string
	// Dir holds the stack's home, state and workspace.
	Dir string

	env     *Env
	stack   auto.Stack
	cleanup bool
}

// NewStack creates (or selects) a stack of the inline program.
func (e *Env) NewStack(ctx context.Context, opts StackOptions) (*Stack, error) {
	if opts.Name == "" || opts.Program == nil {
		return nil, errors.New("engine.NewStack: Name and Program are required")
	}
	s := &Stack{Name: opts.Name, Dir: opts.Dir, env: e}
	if s.Dir == "" {
		dir, err := os.MkdirTemp("", "aiready-"+opts.Name+"-")
		if err != nil {
			return nil, fmt.Errorf("stack %s: creating a temporary directory: %w", opts.Name, err)
		}
		s.Dir, s.cleanup = dir, true
	}
	home, state, work := filepath.Join(s.Dir, "home"), filepath.Join(s.Dir, "state"), filepath.Join(s.Dir, "work")
	for _, d := range []string{home, state, work} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("stack %s: %w", opts.Name, err)
		}
	}

	proj, err := e.project()
	if err != nil {
		return nil, err
	}
	cfgFile := opts.ConfigFile
	if cfgFile == "" && !opts.NoConfigFile {
		shipped := filepath.Join(e.Root, "Pulumi."+opts.Name+".yaml")
		if _, err := os.Stat(shipped); err == nil {
			cfgFile = shipped
		}
	}
	if cfgFile != "" {
		b, err := os.ReadFile(cfgFile)
		if err != nil {
			return nil, fmt.Errorf("stack %s: reading its config: %w", opts.Name, err)
		}
		// The file may come from `pulumi stack init` with the user's secrets
		// provider; the run uses the harness's passphrase.
		if b, err = PortableConfig(cfgFile, b); err != nil {
			_ = s.Close() // nothing ran in the temporary directory yet
			return nil, fmt.Errorf("stack %s: %w", opts.Name, err)
		}
		if err := os.WriteFile(filepath.Join(work, "Pulumi."+opts.Name+".yaml"), b, 0o644); err != nil {
			return nil, fmt.Errorf("stack %s: writing its config: %w", opts.Name, err)
		}
	}

	vars := map[string]string{
		"PULUMI_HOME":                                 home,
		"PULUMI_BACKEND_URL":                          "file://" + filepath.ToSlash(state),
		"PULUMI_CONFIG_PASSPHRASE":                    "ai-ready-offline-tests",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_IGNORE_AMBIENT_PLUGINS":               "true",
	}
	vars[standin.EnvFaults] = s.FaultsFile()
	maps.Copy(vars, opts.Env)
	st, err := auto.UpsertStackInlineSource(ctx, opts.Name, Project, opts.Program,
		auto.Pulumi(e.CLI),
		auto.WorkDir(work),
		auto.PulumiHome(home),
		auto.Project(proj),
		auto.SecretsProvider("passphrase"),
		auto.EnvVars(vars),
	)
	if err != nil {
		return nil, fmt.Errorf("stack %s: creating it: %w", opts.Name, err)
	}
	s.stack = st
	for k, v := range opts.Config {
		if err := st.SetConfig(ctx, k, auto.ConfigValue{Value: v}); err != nil {
			return nil, fmt.Errorf("stack %s: setting config %s: %w", opts.Name, k, err)
		}
	}
	return s, nil
}

// project is the repository's Pulumi.yaml with the stand-ins as project plugins.
func (e *Env) project() (workspace.Project, error) {
	path := filepath.Join(e.Root, "Pulumi.yaml")
	p, err := workspace.LoadProject(path)
	if err != nil {
		return workspace.Project{}, fmt.Errorf("loading %s: %w", path, err)
	}
	proj := *p
	proj.Main = ""
	proj.Plugins = &workspace.Plugins{Providers: []workspace.PluginOptions{
		{Name: "azure-native", Path: e.PluginDir},
		{Name: "azuread", Path: e.PluginDir},
	}}
	return proj, nil
}

// Close removes the stack's temporary directory (when NewStack made it).
func (s *Stack) Close() error {
	if !s.cleanup {
		return nil
	}
	if err := os.RemoveAll(s.Dir); err != nil {
		return fmt.Errorf("stack %s: removing %s: %w", s.Name, s.Dir, err)
	}
	return nil
}

// PreviewOptions tune a preview.
type PreviewOptions struct {
	// PolicyPacks are policy packs: binaries or directories.
	PolicyPacks []string
	// PolicyConfigs are policy pack config files (JSON).
	PolicyConfigs []string
	// Progress receives Pulumi's own preview output (nil: discarded).
	Progress io.Writer
	// ExpectNoChanges fails the preview when any resource would change.
	ExpectNoChanges bool
	// Diff shows detailed diffs in the progress output.
	Diff bool
}

// Preview runs `pulumi preview`; the Result is complete even when err is not nil
// (a mandatory policy violation or a failed Check is an error).
func (s *Stack) Preview(ctx context.Context, opts PreviewOptions) (*Result, error) {
	c := newCollector("preview")
	o := []optpreview.Option{optpreview.EventStreams(c.ch), optpreview.Color("never")}
	for _, p := range opts.PolicyPacks {
		o = append(o, optpreview.PolicyPacks(p))
	}
	for _, p := range opts.PolicyConfigs {
		o = append(o, optpreview.PolicyPackConfigs(p))
	}
	if opts.Progress != nil {
		o = append(o, optpreview.ProgressStreams(opts.Progress))
	}
	if opts.ExpectNoChanges {
		o = append(o, optpreview.ExpectNoChanges())
	}
	if opts.Diff {
		o = append(o, optpreview.Diff())
	}
	return s.operation("preview", "preview", c, func() (string, string, error) {
		res, err := s.stack.Preview(ctx, o...)
		return res.StdOut, res.StdErr, err
	})
}

// UpOptions tune an update.
type UpOptions struct {
	// PolicyPacks are policy packs: binaries or directories.
	PolicyPacks []string
	// PolicyConfigs are policy pack config files (JSON).
	PolicyConfigs []string
	// Progress receives Pulumi's own output (nil: discarded).
	Progress io.Writer
}

// Up runs `pulumi up` against the stand-ins.
func (s *Stack) Up(ctx context.Context, opts UpOptions) (*Result, error) {
	c := newCollector("update")
	o := []optup.Option{optup.EventStreams(c.ch), optup.Color("never")}
	for _, p := range opts.PolicyPacks {
		o = append(o, optup.PolicyPacks(p))
	}
	for _, p := range opts.PolicyConfigs {
		o = append(o, optup.PolicyPackConfigs(p))
	}
	if opts.Progress != nil {
		o = append(o, optup.ProgressStreams(opts.Progress))
	}
	var outputs auto.OutputMap
	r, err := s.operation("update", "up", c, func() (string, string, error) {
		res, err := s.stack.Up(ctx, o...)
		outputs = res.Outputs
		return res.StdOut, res.StdErr, err
	})
	r.Outputs = map[string]any{}
	for k, v := range outputs {
		r.Outputs[k] = v.Value
	}
	return r, err
}

// Destroy runs `pulumi destroy`.
func (s *Stack) Destroy(ctx context.Context, progress io.Writer) (*Result, error) {
	c := newCollector("destroy")
	o := []optdestroy.Option{optdestroy.EventStreams(c.ch), optdestroy.Color("never")}
	if progress != nil {
		o = append(o, optdestroy.ProgressStreams(progress))
	}
	return s.operation("destroy", "destroy", c, func() (string, string, error) {
		res, err := s.stack.Destroy(ctx, o...)
		return res.StdOut, res.StdErr, err
	})
}

// operation runs one engine operation whose events c collects: the Result is
// complete even when the operation failed (then with an *OpError naming cmd).
func (s *Stack) operation(_, cmd string, c *collector, run func() (stdout, stderr string, err error)) (*Result, error) {
	start := time.Now()
	stdout, stderr, err := run()
	r := c.finish(err)
	r.Took = time.Since(start)
	r.Stdout, r.Stderr = stdout, stderr
	if err != nil {
		r.Stdout = err.Error()
		return r, newOpError(s.Name, cmd, err, r)
	}
	return r, nil
}

// Resources lists the URNs in the stack's state.
func (s *Stack) Resources(ctx context.Context) ([]string, error) {
	dep, err := s.stack.Export(ctx)
	if err != nil {
		return nil, fmt.Errorf("stack %s: export: %w", s.Name, err)
	}
	var d struct {
		Resources []struct {
			URN string `json:"urn"`
		} `json:"resources"`
	}
	if err := jsonUnmarshal(dep.Deployment, &d); err != nil {
		return nil, fmt.Errorf("stack %s: reading its state: %w", s.Name, err)
	}
	urns := make([]string, len(d.Resources))
	for i, r := range d.Resources {
		urns[i] = r.URN
	}
	return urns, nil
}

// collector gathers the engine events of one operation.
type collector struct {
	ch   chan events.EngineEvent
	done chan struct{}

	mu sync.Mutex
	r  *Result
}

func newCollector(op string) *collector {
	c := &collector{ch: make(chan events.EngineEvent), done: make(chan struct{}), r: newResult(op)}
	go func() {
		defer close(c.done)
		for ev := range c.ch {
			c.mu.Lock()
			c.r.add(ev)
			c.mu.Unlock()
		}
	}()
	return c
}

// finish waits for the event stream to end: the Automation API closes it when the
// CLI's stream ends, which does not happen when the CLI failed before starting.
func (c *collector) finish(err error) *Result {
	wait := time.Minute
	if err != nil {
		wait = 5 * time.Second
	}
	select {
	case <-c.done:
	case <-time.After(wait):
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.r.clone()
	select {
	case <-c.done:
	default:
		r.Incomplete = true
	}
	return r
}

// SetProgram makes later operations run another program against the same stack
// and state.
func (s *Stack) SetProgram(program pulumi.RunFunc) {
	s.stack.Workspace().SetProgram(program)
}

// UnprotectAll clears the protect flag of every resource in the stack's state
// (`pulumi state unprotect --all`), as an operator does before destroying a stack
// whose data-bearing resources are protected.
func (s *Stack) UnprotectAll(ctx context.Context) error {
	ws := s.stack.Workspace()
	var env []string
	for k, v := range ws.GetEnvVars() {
		env = append(env, k+"="+v)
	}
	_, stderr, _, err := ws.PulumiCommand().Run(ctx, ws.WorkDir(), nil, nil, nil, env,
		"state", "unprotect", "--all", "--yes", "--non-interactive", "--stack", s.stack.Name())
	if err != nil {
		return fmt.Errorf("stack %s: state unprotect --all: %w: %s", s.Name, err, stderr)
	}
	return nil
}

// OpError is a failed operation: Error gives the reason in one line (the mandatory
// policies violated, or the first error the engine reported); the full CLI output is
// in the Result's Stdout.
type OpError struct {
	// Stack and Op say what failed.
	Stack, Op string
	// Reason is the one-line reason.
	Reason string
	// Err is the Automation API's error.
	Err error
}

func (e *OpError) Error() string {
	return fmt.Sprintf("stack %s: %s failed: %s", e.Stack, e.Op, e.Reason)
}

// Unwrap returns the Automation API's error.
func (e *OpError) Unwrap() error { return e.Err }

func newOpError(stack, op string, err error, r *Result) *OpError {
	e := &OpError{Stack: stack, Op: op, Err: err}
	if man := r.Mandatory(); len(man) > 0 {
		names := make([]string, 0, len(man))
		for _, v := range man {
			if !slices.Contains(names, v.Policy) {
				names = append(names, v.Policy)
			}
		}
		e.Reason = fmt.Sprintf("%d mandatory policy violations (%s)", len(man), strings.Join(names, ", "))
		return e
	}
	for _, d := range r.Errors() {
		if d.URN != "" {
			e.Reason = fmt.Sprintf("%s: %s", resourceName(d.URN), firstLine(d.Message))
			return e
		}
	}
	if errs := r.Errors(); len(errs) > 0 {
		e.Reason = firstLine(errs[0].Message)
	} else {
		e.Reason = firstLine(err.Error())
	}
	return e
}
