package e2e

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

// TestUserStackConfig: a user who follows the README against Azure runs `pulumi
// stack init corp` with a passphrase backend, which writes encryptionsalt into
// Pulumi.corp.yaml; previewing that file offline must work (the harness runs with
// its own passphrase, so it drops the user's salt), and a `secure:` value the
// harness cannot decrypt stops the run before the engine, naming its key.
func TestUserStackConfig(t *testing.T) {
	ctx := context.Background()
	t.Run("the salt of stack init is dropped", func(t *testing.T) {
		t.Parallel()
		path, err := env.UserStackConfig(ctx, t.TempDir(), "corp", "the user's own passphrase", nil)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); !strings.Contains(string(b), "encryptionsalt: ") {
			t.Fatalf("pulumi stack init wrote no encryptionsalt into %s:\n%s", path, b)
		}
		// The program is small: what fails without the fix is the stack's
		// secrets manager, before any program runs.
		st := newStack(t, "corp", small{location: "eastus", tag: "platform"}.run, func(o *engine.StackOptions) { o.ConfigFile = path })
		r, err := st.Preview(ctx, engine.PreviewOptions{})
		logResult(t, r)
		if err != nil {
			t.Fatalf("preview with the user's Pulumi.corp.yaml: %v", err)
		}
		if c := r.Counts(); c.Azure != 3 {
			t.Errorf("preview registered %d Azure resources, want 3", c.Azure)
		}
	})
	t.Run("a secure value is named before the engine runs", func(t *testing.T) {
		t.Parallel()
		path, err := env.UserStackConfig(ctx, t.TempDir(), "corp", "the user's own passphrase",
			map[string]string{"ai-ready:vpnSharedKey": "not-a-real-key"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = env.NewStack(ctx, engine.StackOptions{Name: "corp", Program: stackProgram(), ConfigFile: path, Dir: t.TempDir()})
		var se *engine.SecretsError
		if !errors.As(err, &se) {
			t.Fatalf("NewStack with a secure value: err = %v, want a *engine.SecretsError", err)
		}
		if len(se.Keys) != 1 || se.Keys[0] != "ai-ready:vpnSharedKey" {
			t.Errorf("the error names %q, want ai-ready:vpnSharedKey", se.Keys)
		}
		if !strings.HasPrefix(err.Error(), "stack corp: "+path+" holds secure values an offline run cannot decrypt: ai-ready:vpnSharedKey.") {
			t.Errorf("error = %v", err)
		}
	})
}
