package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"prod"}, {"dev", "corp"}, {"-nosuchflag"}} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run(%q) = %d, want 2 (bad usage)", args, code)
		}
		if !strings.Contains(errb.String(), "dev") || !strings.Contains(errb.String(), "corp") {
			t.Errorf("run(%q) does not list the stacks: %s", args, errb.String())
		}
	}
}

// TestPreviewDefaultStack runs the README's first command the way a newcomer does,
// with no argument: a real-engine preview of corp with the policy pack.
func TestPreviewDefaultStack(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the real-engine preview (it builds the Pulumi CLI once)")
	}
	var out, errb bytes.Buffer
	code := run(nil, &out, &errb)
	text := out.String()
	if code != 0 {
		t.Fatalf("scripts/preview exited %d\nstdout:\n%s\nstderr:\n%s", code, text, errb.String())
	}
	for _, want := range []string{
		"Previewing update (corp)", // Pulumi's own preview output
		"aiready-guardrails",       // the policy pack ran
		"== corp: ",                // the resource counts
		"azure-native:management:ManagementGroup",
		"== policy pack: 0 mandatory violations",
		"creates nothing", // the stand-in says what it is
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("stdout:\n%s", text)
	}
}

// TestPreviewUserConfigWithSecrets: -config takes the user's own stack config file;
// one with a secure value (set with `pulumi config set --secret` under the user's
// passphrase) stops the preview before the engine runs, naming the value's key.
func TestPreviewUserConfigWithSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping a run that builds the Pulumi CLI once")
	}
	ctx := context.Background()
	env, err := engine.Setup(ctx, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	path, err := env.UserStackConfig(ctx, t.TempDir(), "corp", "the user's own passphrase",
		map[string]string{"ai-ready:vpnSharedKey": "not-a-real-key"})
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-config", path, "corp"}, &out, &errb); code != 1 {
		t.Fatalf("scripts/preview -config %s exited %d, want 1\nstdout:\n%s\nstderr:\n%s", path, code, out.String(), errb.String())
	}
	if want := path + " holds secure values an offline run cannot decrypt: ai-ready:vpnSharedKey."; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errb.String())
	}
	if strings.Contains(out.String(), "Previewing update") {
		t.Errorf("the engine ran:\n%s", out.String())
	}
}
