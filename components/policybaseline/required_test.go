package policybaseline

import (
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/conventions"
)

// TestBaselineAssignsTheRequiredPolicies: for each archetype with required
// assignments (the conventions the pack enforces by default), the baseline of a
// group with nothing above it assigns every one, as an assignment or as an
// assigned (or covered) policy set member, so the pack never asks for a policy
// the library does not make.
func TestBaselineAssignsTheRequiredPolicies(t *testing.T) {
	for arch, required := range conventions.RequiredAssignments() {
		p, err := baseArgs(string(arch)).Plan()
		if err != nil {
			t.Fatalf("%s: %v", arch, err)
		}
		var have []string
		for _, a := range p.Assignments {
			have = append(have, a.Assignment.Name)
			if a.Set == nil {
				continue
			}
			for _, m := range a.Set.Members {
				if m.Status == MemberAssigned || m.Status == MemberCovered {
					have = append(have, m.Member.Reference)
				}
			}
		}
		for _, r := range required {
			if !slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, r) }) {
				t.Errorf("%s: the baseline does not assign the required %s; it assigns %v", arch, r, have)
			}
		}
	}
}
