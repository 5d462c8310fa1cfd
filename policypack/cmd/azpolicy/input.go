package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"github.com/aiready/aiready/policypack/azpolicy"
)

// input is what eval reads: the tenant's export, the alias table, the
// management group tree and the planned resources.
type input struct {
	export    *azpolicy.Export
	aliases   *azpolicy.AliasTable // nil: the default table
	hierarchy *azpolicy.Hierarchy
	resources []planned
	// subscription is -subscription: the resources' subscription when their
	// entries do not say.
	subscription string
}

// load reads every input named by the flags; errors name the file and the JSON
// path or line and column.
func load(o *options) (*input, error) {
	in := &input{export: azpolicy.NewExport(), hierarchy: azpolicy.NewHierarchy(), subscription: o.subscription}
	if err := in.export.AddPath(o.definitions, azpolicy.Definitions|azpolicy.Sets); err != nil {
		return nil, err
	}
	if in.export.Definitions+in.export.Sets == 0 {
		return nil, fmt.Errorf("%s: no policy definitions or set definitions (.json files) found", o.definitions)
	}
	if err := in.export.AddFile(o.assignments, azpolicy.Assignments); err != nil {
		return nil, err
	}
	if o.exemptions != "" {
		if err := in.export.AddFile(o.exemptions, azpolicy.Exemptions); err != nil {
			return nil, err
		}
	}
	if o.aliases != "" {
		if err := in.readAliases(o.aliases); err != nil {
			return nil, err
		}
	}
	if o.managementGroups != "" {
		if err := in.readHierarchy(o.managementGroups); err != nil {
			return nil, err
		}
	}
	var err error
	if in.resources, err = readResources(o.resources); err != nil {
		return nil, err
	}
	// The stack's own management groups and subscription placements, over the file's.
	for _, r := range in.resources {
		in.hierarchy.AddNative(r.Token, r.Inputs)
	}
	return in, nil
}

func (in *input) readAliases(path string) error {
	data, err := readFile(path)
	if err != nil {
		return err
	}
	t := azpolicy.DefaultAliases()
	if _, err := t.AddProviderJSON(data, path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	in.aliases = t
	return nil
}

// readHierarchy reads -management-groups: {"<subscription or group id>":
// "<group above it>", ...}, "" for the tenant root group.
func (in *input) readHierarchy(path string) error {
	data, err := readFile(path)
	if err != nil {
		return err
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("%s: %w", path, azpolicy.JSONError(data, err))
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: $: expected an object mapping each subscription or management group id to the management group above it, got %s", path, kindOf(raw))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p, ok := m[k].(string)
		if k == "" || !ok {
			return fmt.Errorf("%s: $[%q]: %s is not a management group id; give the group above %q, or \"\" for the tenant root group", path, k, show(m[k]), k)
		}
		in.hierarchy.SetParent(k, p)
	}
	return nil
}

// readFile reads a file, naming it once in errors ("<path>: no such file or
// directory"), as the export's errors do.
func readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %w", path, pe.Err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
