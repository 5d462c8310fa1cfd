package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit statuses.
const (
	exitOK     = 0
	exitDenied = 1
	exitUsage  = 2
)

const usage = `usage: azpolicy eval -definitions DIR -assignments FILE -resources FILE [flags]

Evaluates a tenant's Azure Policy assignments, with their definitions, on the
resources of a Pulumi program, as Azure would when they are deployed.

Exit status: 1 when an enforced Deny (or an evaluation error, an implicit deny)
is non-compliant, 2 on bad input, 0 otherwise.

Flags:
`

// options are the flags of eval.
type options struct {
	definitions, assignments, exemptions string
	resources, format                    string
	subscription, managementGroups       string
	aliases                              string
}

// run runs the command with its arguments (the subcommand first) and returns
// the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "eval" {
		if len(args) == 0 {
			fmt.Fprint(stderr, "azpolicy: missing command\n"+usage)
		} else {
			fmt.Fprintf(stderr, "azpolicy: unknown command %q; the command is eval\n%s", args[0], usage)
		}
		flags(&options{}, stderr).PrintDefaults()
		return exitUsage
	}
	opts, err := parseFlags(args[1:], stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "azpolicy eval: %v\n", err)
		return exitUsage
	}
	in, err := load(opts)
	if err != nil {
		fmt.Fprintf(stderr, "azpolicy eval: %v\n", err)
		return exitUsage
	}
	rep := evaluate(in, newSink(stdout, opts.format))
	for _, w := range rep.warnings {
		fmt.Fprintf(stderr, "azpolicy eval: warning: %s\n", w)
	}
	if err := rep.out.finish(rep.summary()); err != nil {
		fmt.Fprintf(stderr, "azpolicy eval: writing the report: %v\n", err)
		return exitUsage
	}
	if rep.denied > 0 {
		return exitDenied
	}
	return exitOK
}

func flags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("azpolicy eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.definitions, "definitions", "", "directory (or file) of policy definitions and set definitions: `az policy definition list` / `set-definition list` JSON or the Azure/azure-policy repository's files, read recursively (required)")
	fs.StringVar(&o.assignments, "assignments", "", "`az policy assignment list` JSON (required)")
	fs.StringVar(&o.exemptions, "exemptions", "", "`az policy exemption list` JSON")
	fs.StringVar(&o.resources, "resources", "", "a JSON array of {\"type\": \"<pulumi token>\", \"name\": \"...\", \"inputs\": {...}}, or a `pulumi stack export` file (required)")
	fs.StringVar(&o.format, "format", "text", "output format: json or text")
	fs.StringVar(&o.subscription, "subscription", "", "subscription id of the resources whose entry (or provider) does not say")
	fs.StringVar(&o.managementGroups, "management-groups", "", "JSON object mapping each subscription or management group id to the management group above it (\"\" for the tenant root group)")
	fs.StringVar(&o.aliases, "aliases", "", "`az provider show --expand resourceTypes/aliases` JSON adding aliases to the built-in table")
	return fs
}

// parseFlags parses and checks eval's flags.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flags(o, stderr)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q: every input is a flag (-definitions, -assignments, -resources)", fs.Arg(0))
	}
	for _, f := range []struct{ name, value string }{{"definitions", o.definitions}, {"assignments", o.assignments}, {"resources", o.resources}} {
		if f.value == "" {
			return nil, fmt.Errorf("-%s is required", f.name)
		}
	}
	if o.format != "json" && o.format != "text" {
		return nil, fmt.Errorf("-format %q: use json or text", o.format)
	}
	return o, nil
}
