package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiready/aiready/tests/internal/standin"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// FaultsFile is the stack's fault plan (a standin.FaultPlan), which the stand-ins
// read at every operation: $AIREADY_STANDIN_FAULTS of the stack's runs.
func (s *Stack) FaultsFile() string { return filepath.Join(s.Dir, "faults.json") }

// SetFaults makes the stack's next operations meet these faults (none: no fault).
func (s *Stack) SetFaults(faults ...standin.Fault) error {
	if err := standin.WriteFaultPlan(s.FaultsFile(), standin.FaultPlan{Faults: faults}); err != nil {
		return fmt.Errorf("stack %s: %w", s.Name, err)
	}
	return nil
}

// Cloud returns what exists "in Azure" for the stack: the stand-ins' record.
func (s *Stack) Cloud() *standin.Cloud {
	return standin.CloudAt(standin.CloudDir(filepath.Join(s.Dir, "home")))
}

// RefreshOptions tune a refresh.
type RefreshOptions struct {
	// ClearPendingCreates drops the pending creates from the state
	// (--clear-pending-creates): the creates an interrupted run left that Azure
	// did not carry out.
	ClearPendingCreates bool
	// ImportPendingCreates adopts pending creates that Azure did carry out, by
	// URN and id (--import-pending-creates).
	ImportPendingCreates []optrefresh.PendingCreate
	// Progress receives Pulumi's own output (nil: discarded).
	Progress io.Writer
}

// Refresh runs `pulumi refresh --yes`: every resource is read back from the
// provider, and pending operations are cleared.
func (s *Stack) Refresh(ctx context.Context, opts RefreshOptions) (*Result, error) {
	c := newCollector("refresh")
	o := []optrefresh.Option{optrefresh.EventStreams(c.ch), optrefresh.Color("never")}
	if opts.ClearPendingCreates {
		o = append(o, optrefresh.ClearPendingCreates())
	}
	if len(opts.ImportPendingCreates) > 0 {
		o = append(o, optrefresh.ImportPendingCreates(opts.ImportPendingCreates))
	}
	if opts.Progress != nil {
		o = append(o, optrefresh.ProgressStreams(opts.Progress))
	}
	return s.operation("refresh", "refresh", c, func() (string, string, error) {
		res, err := s.stack.Refresh(ctx, o...)
		return res.StdOut, res.StdErr, err
	})
}

// Cancel runs `pulumi cancel --yes`: it removes the lock a killed run left on the
// stack (the file backend's locks; the message of the next run names the command).
func (s *Stack) Cancel(ctx context.Context) error {
	if err := s.stack.Cancel(ctx); err != nil {
		return fmt.Errorf("stack %s: pulumi cancel: %w", s.Name, err)
	}
	return nil
}

// State is a stack's exported state.
type State struct {
	// Deployment is the exported deployment, as `pulumi stack export` writes it.
	Deployment apitype.UntypedDeployment
	// Resources are the resources in it, in order.
	Resources []apitype.ResourceV3
	// PendingOperations are the operations an interrupted run left in flight.
	PendingOperations []apitype.OperationV2
}

// Export runs `pulumi stack export`.
func (s *Stack) Export(ctx context.Context) (*State, error) {
	dep, err := s.stack.Export(ctx)
	if err != nil {
		return nil, fmt.Errorf("stack %s: export: %w", s.Name, err)
	}
	var d apitype.DeploymentV3
	if err := json.Unmarshal(dep.Deployment, &d); err != nil {
		return nil, fmt.Errorf("stack %s: reading its state: %w", s.Name, err)
	}
	return &State{Deployment: dep, Resources: d.Resources, PendingOperations: d.PendingOperations}, nil
}

// Import runs `pulumi stack import` of an exported deployment.
func (s *Stack) Import(ctx context.Context, dep apitype.UntypedDeployment) error {
	if err := s.stack.Import(ctx, dep); err != nil {
		return fmt.Errorf("stack %s: import: %w", s.Name, err)
	}
	return nil
}

// ResolvePendingCreates repairs the creates a killed run left pending, the way
// Pulumi's troubleshooting guide does by hand (`pulumi stack export`, edit,
// `pulumi stack import`): a pending create that exists in the provider (exists
// gives its id; in Azure, the portal or `az resource show`) becomes a resource of
// the state with that id, to be read by the next `pulumi refresh`; one that does
// not is dropped. It returns the URNs adopted and dropped.
//
// `pulumi refresh --import-pending-creates <urn> <id>` is meant to do the first
// part, but the CLI v3.274.1 turns such a create into a pending import that the
// refresh then drops (observed with the file backend), losing the resource.
func (s *Stack) ResolvePendingCreates(ctx context.Context, exists func(urn string) (string, bool)) (adopted, dropped []string, err error) {
	dep, err := s.stack.Export(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("stack %s: export: %w", s.Name, err)
	}
	var d map[string]any
	if err := json.Unmarshal(dep.Deployment, &d); err != nil {
		return nil, nil, fmt.Errorf("stack %s: reading its state: %w", s.Name, err)
	}
	ops, _ := d["pending_operations"].([]any)
	resources, _ := d["resources"].([]any)
	var kept []any
	for _, o := range ops {
		op, _ := o.(map[string]any)
		res, _ := op["resource"].(map[string]any)
		urn, _ := res["urn"].(string)
		if op["type"] != "creating" || res == nil {
			kept = append(kept, o)
			continue
		}
		if id, ok := exists(urn); ok {
			res["id"] = id
			resources = append(resources, res)
			adopted = append(adopted, urn)
		} else {
			dropped = append(dropped, urn)
		}
	}
	d["pending_operations"], d["resources"] = kept, resources
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, nil, fmt.Errorf("stack %s: writing its state: %w", s.Name, err)
	}
	dep.Deployment = raw
	if err := s.Import(ctx, dep); err != nil {
		return nil, nil, err
	}
	return adopted, dropped, nil
}

// SeedCloud records every azure-native resource of the stack's state in the
// stand-ins' cloud, as existing in Azure: what a state imported from elsewhere (a
// previous release's deployment) describes. It returns how many it recorded.
func (s *Stack) SeedCloud(ctx context.Context) (int, error) {
	state, err := s.Export(ctx) // with --show-secrets: the inputs in plain text
	if err != nil {
		return 0, err
	}
	cloud, n := s.Cloud(), 0
	for _, r := range state.Resources {
		if !r.Custom || r.External || r.ID == "" || !strings.HasPrefix(string(r.Type), "azure-native:") {
			continue
		}
		inputs, _ := plainSecrets(r.Inputs).(map[string]any)
		rec := standin.CloudRecord{ID: string(r.ID), Token: string(r.Type), URN: string(r.URN), Inputs: inputs}
		if err := cloud.Write(rec); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// plainSecrets replaces the secrets of an exported value (shown with
// --show-secrets) by their plain text.
func plainSecrets(v any) any {
	switch v := v.(type) {
	case map[string]any:
		if v[sig.Key] == sig.Secret {
			if text, ok := v["plaintext"].(string); ok {
				var inner any
				if json.Unmarshal([]byte(text), &inner) == nil {
					return plainSecrets(inner)
				}
			}
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = plainSecrets(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = plainSecrets(e)
		}
		return out
	}
	return v
}

// RepairTruncatedAttrs removes the attribute files (`<key>.attrs`, the content
// type and MD5 the file backend keeps beside each object) that do not decode,
// and returns their paths relative to the state directory. The blob library
// the file backend uses writes an object atomically (a temporary file, then a
// rename) but its `.attrs` sidecar in place, before the rename: a CLI killed
// between the two leaves the checkpoint intact and its sidecar empty, and the
// next run fails with "failed to load checkpoint: EOF". Removing the sidecar is
// safe: without one the object is read with a default content type.
func (s *Stack) RepairTruncatedAttrs() ([]string, error) {
	root := filepath.Join(s.Dir, "state")
	var removed []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".attrs") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var attrs map[string]any
		if json.Unmarshal(b, &attrs) == nil {
			return nil
		}
		if err := os.Remove(path); err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		removed = append(removed, rel)
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("stack %s: repairing the state's attribute files: %w", s.Name, err)
	}
	return removed, nil
}
