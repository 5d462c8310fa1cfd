package azpolicy

import (
	"fmt"
	"testing"
)

// The members a count enumerates that do not detail it cost no allocation, so
// that a count over a long array allocates as much as over a short one.
func TestCountMembersDoNotAllocate(t *testing.T) {
	p := mustBind(t, mustParse(t, definitionJSON(`{"count": {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*]",
		"where": {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].access", "equals": "Allow"}}, "greater": 0}`, "")), nil)
	nsg := func(n int) *Resource {
		rules := make([]any, n)
		for i := range rules {
			rules[i] = map[string]any{"name": fmt.Sprint("r", i), "properties": map[string]any{"access": "Deny"}}
		}
		return NewResource(map[string]any{"type": "Microsoft.Network/networkSecurityGroups", "name": "nsg",
			"properties": map[string]any{"securityRules": rules}})
	}
	ctx := &Context{}
	allocs := func(r *Resource) float64 {
		return testing.AllocsPerRun(50, func() {
			if res := p.Evaluate(r, ctx); res.Outcome != Compliant {
				t.Fatalf("%v: %s", res.Outcome, res.Reason())
			}
		})
	}
	short, long := allocs(nsg(2)), allocs(nsg(40))
	if long > short {
		t.Errorf("a count over 40 non-matching members allocates %v times, over 2: %v; want no more", long, short)
	}
}
