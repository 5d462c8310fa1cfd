package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

// TestPluginSchemaIsCommitted builds the component provider plugin and compares
// `pulumi package get-schema` of it with the committed provider/schema.json: run
// scripts/gen-sdk when they differ.
func TestPluginSchemaIsCommitted(t *testing.T) {
	ctx := context.Background()
	dir, err := env.ComponentProviderDir(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := engine.PluginSchema(ctx, env.CLI, filepath.Join(dir, engine.ComponentPlugin))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(engine.SchemaFile(env.Root))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("provider/schema.json differs from `pulumi package get-schema` of the built plugin: run scripts/gen-sdk and commit provider/schema.json and sdk/")
	}
}

// TestTypeScriptCompiles type-checks the generated TypeScript SDK and the
// TypeScript example with tsc (the pinned versions of examples/ts-corp/package.json,
// installed once with npm).
func TestTypeScriptCompiles(t *testing.T) {
	for _, tool := range []string{"npm", "node"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipping the TypeScript check: %s is not on PATH", tool)
		}
	}
	ctx := context.Background()
	modules, err := engine.TypeScriptDeps(ctx, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.TypeCheck(ctx, modules, t.TempDir()); err != nil {
		t.Fatal(err)
	}
}
