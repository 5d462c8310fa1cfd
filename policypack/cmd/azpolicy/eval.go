package main

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aiready/aiready/policypack/azpolicy"
)

// converted is a planned resource in the ARM shape, with where it is.
type converted struct {
	p   *planned
	res *azpolicy.Resource
	at  azpolicy.Placement
	ctx *azpolicy.Context
}

// report is the evaluation of every assignment on every resource: the counts,
// the warnings, and the sink the verdicts are written to.
type report struct {
	out      *sink
	warnings []string
	// resources counts those read, evaluated those converted and evaluated.
	resources, evaluated, assignments int
	// verdicts counts them all, denied those Azure would deny.
	verdicts, denied int
	counts           map[string]int // verdicts by outcome
}

// evaluate resolves the assignments once and evaluates them on every resource
// the conversion table holds, as the azure-policy-assignments policy does,
// writing the verdicts to out as they come.
func evaluate(in *input, out *sink) *report {
	as := azpolicy.Assess(in.export.Library, in.export.Assignments, in.export.Exemptions, in.aliases)
	rep := &report{out: out, resources: len(in.resources), assignments: len(as.Assignments), counts: map[string]int{}}
	rep.warnings = assessmentWarnings(as)
	list, notInTable := in.convert()
	if len(notInTable) > 0 {
		rep.warnings = append(rep.warnings, fmt.Sprintf("not evaluated: %d resource type(s) outside the azure-native conversion table: %s",
			len(notInTable), strings.Join(notInTable, ", ")))
	}
	rep.evaluated = len(list)
	if n := unplaced(list); n > 0 {
		rep.warnings = append(rep.warnings, fmt.Sprintf("%d resource(s) with no known subscription: assignments at a subscription or below cannot be told to cover them, and those at management groups do not; give -subscription", n))
	}
	now := time.Now()
	rel := relatedOf(list)
	groups := resourceGroups(list)
	for _, c := range list {
		c.at.Now = now
		c.ctx.Related = rel
		if g, ok := c.p.Inputs["resourceGroupName"].(string); ok {
			c.ctx.ResourceGroup = groups[strings.ToLower(g)]
		}
		as.Evaluate(c.res, c.at, c.ctx, func(v azpolicy.Verdict) { rep.add(c, v) })
	}
	return rep
}

// assessmentWarnings says which assignments cannot be evaluated: definitions
// not supplied, or parameters ARM would refuse.
func assessmentWarnings(as *azpolicy.Assessment) []string {
	var out []string
	for _, a := range as.Assignments {
		if a.Err != nil {
			out = append(out, fmt.Sprintf("assignment %s is not evaluated: Azure would refuse it: %v", a.Assignment.ResourceID(), a.Err))
		}
		if len(a.Missing) > 0 {
			out = append(out, fmt.Sprintf("assignment %s: not evaluated: definition not supplied (%s); add it to -definitions", a.Assignment.ResourceID(), strings.Join(a.Missing, ", ")))
		}
	}
	return out
}

// notEvaluated are the ARM types the azure-policy-assignments policy evaluates no
// assignment on: management groups and the policy objects themselves.
var notEvaluated = []string{"microsoft.management/managementgroups", "microsoft.authorization/policy"}

// convert converts the azure-native resources; notInTable lists the
// azure-native tokens the conversion table does not hold.
func (in *input) convert() (list []*converted, notInTable []string) {
	missing := map[string]bool{}
	for i := range in.resources {
		p := &in.resources[i]
		if !strings.HasPrefix(p.Token, "azure-native:") {
			continue
		}
		sub := in.subscriptionOf(p)
		res, err := azpolicy.FromAzureNative(p.Token, p.Inputs, &azpolicy.ConvertOptions{Name: p.Name, SubscriptionID: sub})
		if err != nil {
			missing[p.Token] = true
			continue
		}
		if skipType(res.Type()) {
			continue
		}
		c := &converted{p: p, res: res, at: azpolicy.Placement{Containers: in.hierarchy.Containers(sub)}, ctx: &azpolicy.Context{}}
		if id, ok := res.ARM["id"].(string); ok {
			c.at.ID = id
		}
		if sub != "" {
			c.ctx.Subscription = map[string]any{"id": "/subscriptions/" + sub, "subscriptionId": sub}
		}
		list = append(list, c)
	}
	for t := range missing {
		notInTable = append(notInTable, t)
	}
	sort.Strings(notInTable)
	return list, notInTable
}

// unplaced counts the resources whose subscription is not known.
func unplaced(list []*converted) int {
	n := 0
	for _, c := range list {
		if c.ctx.Subscription == nil {
			n++
		}
	}
	return n
}

func skipType(armType string) bool {
	t := strings.ToLower(armType)
	for _, prefix := range notEvaluated {
		if strings.HasPrefix(t, prefix) {
			return true
		}
	}
	return false
}

// subscriptionOf is the resource's subscription: its entry's (or provider's),
// else the one in its id or scope input, else -subscription.
func (in *input) subscriptionOf(p *planned) string {
	if p.Subscription != "" {
		return p.Subscription
	}
	for _, k := range []string{"id", "scope"} {
		s, _ := p.Inputs[k].(string)
		if i := strings.Index(strings.ToLower(s), "/subscriptions/"); i >= 0 {
			rest := s[i+len("/subscriptions/"):]
			sub, _, _ := strings.Cut(rest, "/")
			if sub != "" {
				return sub
			}
		}
	}
	return in.subscription
}

// relatedOf answers AuditIfNotExists and DeployIfNotExists queries from the
// resources of the type asked for: what the file holds is all that is known.
func relatedOf(list []*converted) func(azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) {
	byType := map[string][]*azpolicy.Resource{}
	for _, c := range list {
		t := strings.ToLower(c.res.Type())
		byType[t] = append(byType[t], c.res)
	}
	return func(q azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) {
		return byType[strings.ToLower(q.Type)], true
	}
}

// resourceGroups indexes the resource groups by lower-case name, as
// resourceGroup() returns them.
func resourceGroups(list []*converted) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, c := range list {
		if !strings.EqualFold(c.res.Type(), "Microsoft.Resources/subscriptions/resourceGroups") {
			continue
		}
		name, ok := c.res.ARM["name"].(string)
		if !ok || name == "" {
			continue
		}
		g := map[string]any{"name": name, "type": "Microsoft.Resources/resourceGroups"}
		for _, k := range []string{"id", "location", "tags"} {
			if v, ok := c.res.ARM[k]; ok {
				g[k] = v
			}
		}
		out[strings.ToLower(name)] = g
	}
	return out
}
