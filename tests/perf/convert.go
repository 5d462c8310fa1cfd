package perf

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// Project and StackName are what the benchmarks tell the pack about the stack: a
// mixed set of corp and online landing zones, classified by their resources' tags.
const (
	Project   = "ai-ready"
	StackName = "bench"
)

// ToRules converts a set to the pack's resources, as the analyzer builds them.
func ToRules(set []Resource) []*rules.Resource {
	out := make([]*rules.Resource, len(set))
	for i, r := range set {
		out[i] = ToRule(r)
	}
	return out
}

// ToRule converts one resource to the pack's resource, its inputs analyzed (as
// AnalyzeStack sees a resource that Analyze saw first).
func ToRule(r Resource) *rules.Resource {
	rr := rules.NewResource(r.Type, r.URN, r.Name, r.Inputs)
	rr.Inputs = r.Inputs
	rr.Provider = r.Provider
	rr.Parent = r.Parent
	rr.Dependencies = r.Dependencies
	rr.PropertyDependencies = r.PropertyDependencies
	return rr
}

// PolicyConfigPath is the example organisation's policy config the end-to-end tests
// pass with --policy-pack-config.
func PolicyConfigPath(root string) string {
	return filepath.Join(root, "tests", "testdata", "policy-config.json")
}

// PolicyConfig reads a policy config file: policy name → its config properties.
func PolicyConfig(path string) (map[string]map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the policy config: %w", err)
	}
	var out map[string]map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return out, nil
}

// Settings returns the pack settings of a policy config, as Configure sets them.
func Settings(pc map[string]map[string]any) (*config.Settings, error) {
	s := config.Default()
	for _, policy := range sortedKeys(pc) {
		for _, k := range sortedKeys(pc[policy]) {
			if k == "enforcementLevel" {
				continue
			}
			if err := s.Set(k, pc[policy][k]); err != nil {
				return nil, fmt.Errorf("policy config %s.%s: %w", policy, k, err)
			}
		}
	}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("policy config: %w", err)
	}
	return s, nil
}

// Context returns the rules' context of a preview of the benchmark stack.
func Context(s *config.Settings) *rules.Context {
	return &rules.Context{Settings: s, Stack: rules.StackInfo{Project: Project, Name: StackName}, Preview: true}
}

// ConfigureRequest is the engine's Configure call for a policy config: every rule of
// the list at its default level, with the config's properties.
func ConfigureRequest(list []*rules.Rule, pc map[string]map[string]any) (*pulumirpc.ConfigureAnalyzerRequest, error) {
	req := &pulumirpc.ConfigureAnalyzerRequest{PolicyConfig: map[string]*pulumirpc.PolicyConfig{}}
	for _, r := range list {
		c := &pulumirpc.PolicyConfig{EnforcementLevel: RPCLevel(r.Level)}
		if props, ok := pc[r.Name]; ok {
			s, err := structpb.NewStruct(props)
			if err != nil {
				return nil, fmt.Errorf("policy config %s: %w", r.Name, err)
			}
			c.Properties = s
		}
		req.PolicyConfig[r.Name] = c
	}
	return req, nil
}

// StackConfigureRequest is the engine's ConfigureStack call for a preview of the
// benchmark stack.
func StackConfigureRequest() *pulumirpc.AnalyzerStackConfigureRequest {
	return &pulumirpc.AnalyzerStackConfigureRequest{Project: Project, Stack: StackName, Organization: "organization", DryRun: true}
}

// RPCLevel converts a rule's level to the protocol's.
func RPCLevel(l rules.Level) pulumirpc.EnforcementLevel {
	switch l {
	case rules.Mandatory:
		return pulumirpc.EnforcementLevel_MANDATORY
	case rules.Disabled:
		return pulumirpc.EnforcementLevel_DISABLED
	case rules.Remediate:
		return pulumirpc.EnforcementLevel_REMEDIATE
	}
	return pulumirpc.EnforcementLevel_ADVISORY
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var marshalOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}

// RPCResources converts a set to the engine's AnalyzeStack resources (one provider
// message per provider, shared as the engine's are per resource).
func RPCResources(set []Resource) ([]*pulumirpc.AnalyzerResource, error) {
	providers := map[string]*pulumirpc.AnalyzerProviderResource{}
	out := make([]*pulumirpc.AnalyzerResource, len(set))
	for i, r := range set {
		props, err := plugin.MarshalProperties(r.Inputs, marshalOpts)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", r.URN, err)
		}
		ar := &pulumirpc.AnalyzerResource{
			Type: r.Type, Urn: r.URN, Name: r.Name, Properties: props, Parent: r.Parent,
			Dependencies: r.Dependencies,
		}
		if len(r.PropertyDependencies) > 0 {
			ar.PropertyDependencies = make(map[string]*pulumirpc.AnalyzerPropertyDependencies, len(r.PropertyDependencies))
			for k, d := range r.PropertyDependencies {
				ar.PropertyDependencies[k] = &pulumirpc.AnalyzerPropertyDependencies{Urns: d}
			}
		}
		if r.ProviderURN != "" {
			p, ok := providers[r.ProviderURN]
			if !ok {
				pp, err := plugin.MarshalProperties(r.Provider, marshalOpts)
				if err != nil {
					return nil, fmt.Errorf("encoding the provider of %s: %w", r.URN, err)
				}
				u := resource.URN(r.ProviderURN)
				p = &pulumirpc.AnalyzerProviderResource{Type: string(u.Type()), Urn: r.ProviderURN, Name: u.Name(), Properties: pp}
				providers[r.ProviderURN] = p
			}
			ar.Provider = p
		}
		out[i] = ar
	}
	return out, nil
}

// AnalyzeRequests converts a set to the engine's Analyze calls, one per resource.
func AnalyzeRequests(set []Resource) ([]*pulumirpc.AnalyzeRequest, error) {
	res, err := RPCResources(set)
	if err != nil {
		return nil, err
	}
	out := make([]*pulumirpc.AnalyzeRequest, len(res))
	for i, r := range res {
		out[i] = &pulumirpc.AnalyzeRequest{
			Type: r.Type, Urn: r.Urn, Name: r.Name, Properties: r.Properties, Provider: r.Provider,
			Options: &pulumirpc.AnalyzerResourceOptions{Parent: r.Parent},
		}
	}
	return out, nil
}
