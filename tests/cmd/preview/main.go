// Command preview runs a real Pulumi engine preview of one of the ai-ready stacks
// (dev, corp or online; default corp) with the ai-ready policy pack, offline: no
// Azure account, no Pulumi account, no internet. It builds what it needs (the Pulumi
// CLI v3.274.1, once, into the cache directory; the provider stand-ins; the policy
// pack), previews the stack's program (stacks.Program) with the stack's shipped
// Pulumi.<stack>.yaml, prints Pulumi's own preview output, then a summary: the
// resources by type and the policy results.
//
// Usage (from the repository root, through scripts/preview):
//
//	scripts/preview [-diff] [-config Pulumi.<stack>.yaml] [-policy-config file.json] [dev|corp|online]
//
// The stack config file is the repository's Pulumi.<stack>.yaml unless -config names
// another. Its secrets-provider keys (the encryptionsalt `pulumi stack init` writes
// with a passphrase backend) are dropped, since the offline run has its own
// passphrase; `secure:` values cannot be decrypted offline, and the preview stops
// naming them before the engine runs.
//
// The exit status is 0 when the preview succeeds (advisory policy results do not
// fail it), 1 when it fails (a mandatory policy violation, an input the provider
// would reject, a configuration error), 2 on bad usage.
//
// Against Azure, the same program runs with `pulumi preview` / `pulumi up` (see the
// README); here the azure-native provider is a stand-in that validates every
// resource's inputs against the azure-native 2.90.0 definitions and creates nothing.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aiready/aiready/stacks"
	"github.com/aiready/aiready/tests/internal/engine"
)

var stackNames = []string{"dev", "corp", "online"}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	diff := fs.Bool("diff", false, "show each resource's inputs in the preview output")
	config := fs.String("config", "", "the stack config file (default: the repository's Pulumi.<stack>.yaml)")
	policyConfig := fs.String("policy-config", "", "the policy pack config file (JSON) to pass with --policy-pack-config\n(default: tests/testdata/policy-config.json, the example stacks' organisation settings)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: scripts/preview [-diff] [-config Pulumi.<stack>.yaml] [-policy-config file.json] [%s]\n", strings.Join(stackNames, "|"))
		fmt.Fprintln(stderr, "Previews an ai-ready stack (default corp) through the real Pulumi engine with the policy pack, offline.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	stack := "corp"
	switch fs.NArg() {
	case 0:
	case 1:
		stack = fs.Arg(0)
	default:
		fs.Usage()
		return 2
	}
	if !slices.Contains(stackNames, stack) {
		fmt.Fprintf(stderr, "preview: unknown stack %q; the stacks are %s\n", stack, strings.Join(stackNames, ", "))
		return 2
	}
	for _, p := range []*string{config, policyConfig} {
		if err := fromWorkDir(p); err != nil {
			fmt.Fprintf(stderr, "preview: %v\n", err)
			return 2
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := preview(ctx, stack, *diff, *config, *policyConfig, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "\npreview: %v\n", err)
		return 1
	}
	return 0
}

// fromWorkDir makes a relative path relative to where scripts/preview was started
// (it runs from tests/).
func fromWorkDir(path *string) error {
	if *path == "" || filepath.IsAbs(*path) {
		return nil
	}
	wd := os.Getenv("AIREADY_PREVIEW_WD")
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return err
		}
	}
	*path = filepath.Join(wd, *path)
	return nil
}

func preview(ctx context.Context, stack string, diff bool, config, policyConfig string, stdout, stderr io.Writer) error {
	fmt.Fprintf(stderr, "== preparing (the first run builds the Pulumi CLI %s from source: several minutes; later runs: seconds)\n", engine.CLIVersion)
	env, err := engine.Setup(ctx, stderr)
	if err != nil {
		return err
	}
	pack, err := env.PolicyPack(ctx)
	if err != nil {
		return err
	}
	for _, b := range env.Builds() {
		fmt.Fprintf(stderr, "   %s\n", b)
	}
	if policyConfig == "" {
		policyConfig = engine.ExamplePolicyConfig(env.Root)
	}
	if config == "" {
		config = filepath.Join(env.Root, "Pulumi."+stack+".yaml")
	}
	if _, err := os.Stat(config); err != nil {
		return fmt.Errorf("stack %s has no config file: %w", stack, err)
	}

	st, err := env.NewStack(ctx, engine.StackOptions{Name: stack, Program: stacks.Program, ConfigFile: config})
	if err != nil {
		return err
	}
	defer st.Close() //nolint:errcheck // removing the stack's temporary workspace after its results are reported

	fmt.Fprintf(stdout, "== pulumi preview --stack %s --policy-pack %s --policy-pack-config %s\n", stack, pack, policyConfig)
	fmt.Fprintf(stdout, "   offline: the program is stacks.Program with %s; the azure-native and azuread providers are\n", filepath.Base(config))
	fmt.Fprintln(stdout, "   stand-ins that validate every resource's inputs against their type definitions and create nothing.")
	fmt.Fprintln(stdout)
	opts := engine.PreviewOptions{PolicyPacks: []string{pack}, PolicyConfigs: []string{policyConfig}, Progress: stdout, Diff: diff}
	r, perr := st.Preview(ctx, opts)
	summarize(stdout, stack, r)
	if perr != nil {
		if len(r.Mandatory()) > 0 {
			return fmt.Errorf("the %s stack violates %d mandatory policies (see above)", stack, len(r.Mandatory()))
		}
		if errs := r.Errors(); len(errs) > 0 {
			return fmt.Errorf("the %s stack's preview failed: %s", stack, errs[0].Message)
		}
		return perr
	}
	return nil
}

// summarize prints the stack's size and the policy results.
func summarize(w io.Writer, stack string, r *engine.Result) {
	if r == nil {
		return
	}
	c := r.Counts()
	fmt.Fprintf(w, "\n== %s: %s\n", stack, c)
	fmt.Fprint(w, c.Table())
	man, adv := r.Mandatory(), r.Advisory()
	fmt.Fprintf(w, "\n== policy pack: %d mandatory violations, %d advisory\n", len(man), len(adv))
	for _, v := range append(man, adv...) {
		fmt.Fprintf(w, "  %s\n", v)
	}
	if len(man) == 0 && len(r.Errors()) == 0 && !r.Incomplete {
		fmt.Fprintf(w, "\nThe %s stack passes the mandatory policies. Against Azure: pulumi up -s %s (see README.md).\n", stack, stack)
	}
	if r.Incomplete {
		fmt.Fprintln(w, "(the engine stopped before reporting everything; see the error below)")
	}
}
