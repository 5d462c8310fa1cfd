// Command gen-sdk regenerates the component provider's schema and SDKs, what
// scripts/gen-sdk runs: it builds the Pulumi CLI (cached) and the plugin
// pulumi-resource-aiready, writes `pulumi package get-schema` of the plugin to
// provider/schema.json, and the SDK of each language generated from that schema to
// sdk/<language> (engine.GenerateSDKs: the generators of `pulumi package gen-sdk`). The tests fail when the committed files differ from
// what this writes.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "gen-sdk:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	root, err := engine.RepoRoot()
	if err != nil {
		return err
	}
	cliRoot, b, err := engine.CLIRoot(ctx, os.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, b)
	cli, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: cliRoot})
	if err != nil {
		return fmt.Errorf("using the Pulumi CLI in %s: %w", cliRoot, err)
	}
	dir, b, err := engine.BuildComponentProvider(ctx, os.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, b)
	schema, err := engine.PluginSchema(ctx, cli, filepath.Join(dir, engine.ComponentPlugin))
	if err != nil {
		return err
	}
	path := engine.SchemaFile(root)
	if err := os.WriteFile(path, schema, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	fmt.Fprintln(os.Stderr, "wrote", path)
	if err := engine.GenerateSDKs(path, engine.SDKDir(root)); err != nil {
		return err
	}
	for _, l := range engine.SDKLanguages {
		fmt.Fprintln(os.Stderr, "wrote", filepath.Join(engine.SDKDir(root), l))
	}
	return nil
}
