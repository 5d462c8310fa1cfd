package engine

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// UserStackConfig makes the stack config file a user has after following the
// README against Azure with a passphrase backend: in dir, `pulumi stack init
// <stack> --secrets-provider passphrase` with the user's own passphrase (which
// writes encryptionsalt into Pulumi.<stack>.yaml), the repository's shipped
// Pulumi.<stack>.yaml appended as the user's edit, then `pulumi config set
// --secret` for each secret. It returns the file's path.
func (e *Env) UserStackConfig(ctx context.Context, dir, stack, passphrase string, secrets map[string]string) (string, error) {
	proj, err := os.ReadFile(filepath.Join(e.Root, "Pulumi.yaml"))
	if err != nil {
		return "", fmt.Errorf("reading the project file: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), proj, 0o644); err != nil {
		return "", fmt.Errorf("writing the project file: %w", err)
	}
	for _, d := range []string{"home", "state"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return "", fmt.Errorf("creating %s: %w", d, err)
		}
	}
	env := []string{
		"PULUMI_HOME=" + filepath.Join(dir, "home"),
		"PULUMI_BACKEND_URL=file://" + filepath.ToSlash(filepath.Join(dir, "state")),
		"PULUMI_CONFIG_PASSPHRASE=" + passphrase,
		"PULUMI_SKIP_UPDATE_CHECK=true",
	}
	run := func(args ...string) error {
		_, stderr, _, err := e.CLI.Run(ctx, dir, nil, nil, nil, env, append(args, "--non-interactive")...)
		if err != nil {
			return fmt.Errorf("pulumi %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr))
		}
		return nil
	}
	if err := run("stack", "init", stack, "--secrets-provider", "passphrase"); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "Pulumi."+stack+".yaml")
	initial, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("pulumi stack init wrote no %s: %w", filepath.Base(path), err)
	}
	shipped, err := os.ReadFile(filepath.Join(e.Root, "Pulumi."+stack+".yaml"))
	if err != nil {
		return "", fmt.Errorf("reading the shipped config: %w", err)
	}
	if err := os.WriteFile(path, append(initial, shipped...), 0o644); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	for _, k := range slices.Sorted(maps.Keys(secrets)) {
		if err := run("config", "set", "--secret", "--stack", stack, k, secrets[k]); err != nil {
			return "", err
		}
	}
	return path, nil
}
