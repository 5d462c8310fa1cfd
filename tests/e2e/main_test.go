package e2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// env is built once per test process: the CLI, the stand-ins.
var env *engine.Env

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		fmt.Fprintln(os.Stderr, "e2e: -short: skipping the end-to-end tests (they build the Pulumi CLI and run the engine)")
		os.Exit(0)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	var err error
	env, err = engine.Setup(ctx, os.Stderr)
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: setting up the engine: %v\n", err)
		os.Exit(1)
	}
	for _, b := range env.Builds() {
		fmt.Fprintf(os.Stderr, "e2e: %s\n", b)
	}
	code := m.Run()
	printCounts()
	os.Exit(code)
}

// newStack makes a stack of program in the test's temporary directory.
func newStack(t *testing.T, name string, program pulumi.RunFunc, opts ...func(*engine.StackOptions)) *engine.Stack {
	t.Helper()
	o := engine.StackOptions{Name: name, Program: program, Dir: t.TempDir()}
	for _, f := range opts {
		f(&o)
	}
	s, err := env.NewStack(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// logResult logs an operation's summary and, on failure, its errors.
func logResult(t *testing.T, r *engine.Result) {
	t.Helper()
	if r == nil {
		return
	}
	t.Log(r.Summarize())
	for _, d := range r.Errors() {
		t.Logf("error diagnostic on %s: %s", d.URN, d.Message)
	}
}
