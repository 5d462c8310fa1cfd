package perf

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
)

// PolicyxPack returns a policyx pack factory serving the same rule functions as the
// pack: each resource rule a ResourceValidationPolicy (policyx calls every resource
// policy for every resource, so each returns at once for a type it does not read), each
// stack rule a StackValidationPolicy. A policy converts policyx's property.Map back to
// the pack's resource and reports each finding with ReportViolation. The stack
// policies of one AnalyzeStack call share one conversion of the resources (a favour
// to policyx: a port of the pack would convert per policy).
func PolicyxPack(name string, list []*rules.Rule, settings *config.Settings) func(*pulumi.Context) (policyx.PolicyPack, error) {
	return func(pctx *pulumi.Context) (policyx.PolicyPack, error) {
		rctx := &rules.Context{
			Settings: settings,
			Stack:    rules.StackInfo{Project: pctx.Project(), Name: pctx.Stack()},
			Preview:  pctx.DryRun(),
		}
		stacks := &stackCache{}
		var needed []string
		for _, r := range list {
			if r.IsStack() {
				for _, t := range r.Types {
					if !slices.Contains(needed, t) {
						needed = append(needed, t)
					}
				}
			}
		}
		policies := make([]policyx.Policy, 0, len(list))
		for _, rule := range list {
			if rule.IsStack() {
				policies = append(policies, policyx.NewStackValidationPolicy(rule.Name, policyx.StackValidationPolicyArgs{
					Description:      rule.Description,
					EnforcementLevel: policyx.EnforcementLevel(RPCLevel(rule.Level)),
					ValidateStack: func(_ context.Context, args policyx.StackValidationArgs) error {
						s := stacks.get(args.Resources, needed)
						for _, f := range rule.CheckStack(rctx, s) {
							args.Manager.ReportViolation(f.Render(rctx.Preview), f.URN)
						}
						return nil
					},
				}))
				continue
			}
			policies = append(policies, policyx.NewResourceValidationPolicy(rule.Name, policyx.ResourceValidationPolicyArgs{
				Description:      rule.Description,
				EnforcementLevel: policyx.EnforcementLevel(RPCLevel(rule.Level)),
				ValidateResource: func(_ context.Context, args policyx.ResourceValidationArgs) error {
					if !slices.Contains(rule.Types, rules.NormalizeType(args.Resource.Type)) {
						return nil
					}
					r := fromPolicyx(args.Resource)
					for _, f := range rule.Check(rctx, r) {
						args.Manager.ReportViolation(f.Render(rctx.Preview), f.URN)
					}
					return nil
				},
			}))
		}
		pack, err := policyx.NewPolicyPack(name, semver.MustParse("0.1.0"), policyx.EnforcementLevelAdvisory, policies)
		if err != nil {
			return nil, fmt.Errorf("policyx pack: %w", err)
		}
		return pack, nil
	}
}

// fromPolicyx converts policyx's view of a resource to the pack's.
func fromPolicyx(a policyx.AnalyzerResource) *rules.Resource {
	r := rules.NewResource(a.Type, a.URN, a.Name, resource.ToResourcePropertyMap(a.Properties))
	if a.Provider.Properties.Len() > 0 {
		r.Provider = resource.ToResourcePropertyMap(a.Provider.Properties)
	}
	r.Parent = a.Parent
	r.Dependencies = a.Dependencies
	r.PropertyDependencies = a.PropertyDependencies
	return r
}

// stackCache keeps the converted stack of the AnalyzeStack call in progress: policyx
// hands every stack policy the same slice.
type stackCache struct {
	mu    sync.Mutex
	first *policyx.AnalyzerResource
	n     int
	stack *rules.Stack
}

func (c *stackCache) get(in []policyx.AnalyzerResource, needed []string) *rules.Stack {
	c.mu.Lock()
	defer c.mu.Unlock()
	var first *policyx.AnalyzerResource
	if len(in) > 0 {
		first = &in[0]
	}
	if c.stack != nil && c.first == first && c.n == len(in) {
		return c.stack
	}
	list := make([]*rules.Resource, 0, len(in))
	for _, a := range in {
		if slices.Contains(needed, rules.NormalizeType(a.Type)) {
			list = append(list, fromPolicyx(a))
		}
	}
	c.first, c.n, c.stack = first, len(in), rules.NewStack(list)
	return c.stack
}
