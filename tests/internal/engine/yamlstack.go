package engine

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

// YAMLStackOptions describe a stack of a Pulumi YAML program directory.
type YAMLStackOptions struct {
	// Name is the stack name.
	Name string
	// ProgramDir holds the program: Pulumi.yaml, Main.yaml and Pulumi.<Name>.yaml
	// (e.g. examples/yaml-corp). Its files are copied; the copy's Pulumi.yaml gets
	// the plugins of the run (the component provider and the stand-ins).
	ProgramDir string
	// EditMain changes the copy of Main.yaml (a broken variant). Optional.
	EditMain func([]byte) ([]byte, error)
	// Env overrides environment variables of the CLI (after the hermetic defaults).
	Env map[string]string
}

var (
	multiOnce    sync.Once
	multiDir     string
	errMultiLang error
)

// multiLanguage builds the YAML language host and the component provider once per
// process and returns the provider's directory.
func (e *Env) multiLanguage(ctx context.Context) (string, error) {
	multiOnce.Do(func() {
		b, err := BuildYAMLHost(ctx, e.log)
		if err != nil {
			errMultiLang = err
			return
		}
		e.addBuild(b)
		dir, b, err := BuildComponentProvider(ctx, e.log)
		if err != nil {
			errMultiLang = err
			return
		}
		e.addBuild(b)
		multiDir = dir
	})
	return multiDir, errMultiLang
}

// ComponentProviderDir returns the directory of the built component provider
// plugin, building it (and the YAML language host) on first use in this process.
func (e *Env) ComponentProviderDir(ctx context.Context) (string, error) {
	return e.multiLanguage(ctx)
}

func (e *Env) addBuild(b Build) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.builds = append(e.builds, b)
}

// NewYAMLStack creates a stack of a YAML program directory, run by the CLI with the
// YAML language host, with a hermetic file backend and PULUMI_HOME, the component
// provider and the stand-ins as the project's plugins.
func (e *Env) NewYAMLStack(ctx context.Context, opts YAMLStackOptions) (*Stack, error) {
	if opts.Name == "" || opts.ProgramDir == "" {
		return nil, errors.New("engine.NewYAMLStack: Name and ProgramDir are required")
	}
	providerDir, err := e.multiLanguage(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "aiready-yaml-"+opts.Name+"-")
	if err != nil {
		return nil, fmt.Errorf("stack %s: creating a temporary directory: %w", opts.Name, err)
	}
	s := &Stack{Name: opts.Name, Dir: dir, env: e, cleanup: true}
	home, state, work := filepath.Join(dir, "home"), filepath.Join(dir, "state"), filepath.Join(dir, "work")
	for _, d := range []string{home, state, work} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("stack %s: %w", opts.Name, err)
		}
	}
	if err := copyProgram(opts, work); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("stack %s: %w", opts.Name, err)
	}
	if err := e.usePlugins(filepath.Join(work, "Pulumi.yaml"), providerDir); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("stack %s: %w", opts.Name, err)
	}
	vars := map[string]string{
		"PULUMI_HOME":                                 home,
		"PULUMI_BACKEND_URL":                          "file://" + filepath.ToSlash(state),
		"PULUMI_CONFIG_PASSPHRASE":                    "ai-ready-offline-tests",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_IGNORE_AMBIENT_PLUGINS":               "true",
	}
	maps.Copy(vars, opts.Env)
	st, err := auto.UpsertStackLocalSource(ctx, opts.Name, work,
		auto.Pulumi(e.CLI),
		auto.PulumiHome(home),
		auto.SecretsProvider("passphrase"),
		auto.EnvVars(vars),
	)
	if err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("stack %s: creating it: %w", opts.Name, err)
	}
	s.stack = st
	return s, nil
}

// copyProgram copies the program's files into work: Pulumi.yaml, Main.yaml (edited
// when asked) and the stack's config without its secrets-provider keys.
func copyProgram(opts YAMLStackOptions, work string) error {
	for _, name := range []string{"Pulumi.yaml", "Main.yaml", "Pulumi." + opts.Name + ".yaml"} {
		src := filepath.Join(opts.ProgramDir, name)
		b, err := os.ReadFile(src)
		if errors.Is(err, os.ErrNotExist) && name != "Pulumi.yaml" {
			continue
		}
		if err != nil {
			return fmt.Errorf("reading the program: %w", err)
		}
		switch name {
		case "Main.yaml":
			if opts.EditMain != nil {
				if b, err = opts.EditMain(b); err != nil {
					return fmt.Errorf("editing Main.yaml: %w", err)
				}
			}
		case "Pulumi.yaml":
		default:
			if b, err = PortableConfig(src, b); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(work, name), b, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

// usePlugins names the component provider and the stand-ins in a project file's
// plugins.providers.
func (e *Env) usePlugins(path, providerDir string) error {
	proj, err := workspace.LoadProject(path)
	if err != nil {
		return fmt.Errorf("loading %s: %w", path, err)
	}
	proj.Plugins = &workspace.Plugins{Providers: []workspace.PluginOptions{
		{Name: ComponentPackage, Path: providerDir},
		{Name: "azure-native", Path: e.PluginDir},
		{Name: "azuread", Path: e.PluginDir},
	}}
	if err := proj.Save(path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
