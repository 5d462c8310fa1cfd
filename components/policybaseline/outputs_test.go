package policybaseline

import (
	"strconv"
	"testing"

	"github.com/aiready/aiready/internal/outputmap"
)

func TestOutputsAreTheTaggedFields(t *testing.T) {
	_, b, err := run(t, baseArgs("corp"))
	if err != nil {
		t.Fatal(err)
	}
	outputmap.CheckComponent(t, b, "assignmentIds", "identityPrincipalIds")
}

// The component registers with a summary of its plan as its inputs
// (RegisterComponentResourceV2, like every component).
func TestRegistersASummary(t *testing.T) {
	rec, b, err := run(t, baseArgs("corp"))
	if err != nil {
		t.Fatal(err)
	}
	c := rec.Named(t, TypeToken, "corp-baseline")
	p := b.Plan()
	for path, want := range map[string]string{"managementGroupId": p.ManagementGroupID, "archetype": p.Archetype, "level": p.Level, "parentArchetype": p.ParentArchetype} {
		if got := c.String(path); got != want {
			t.Errorf("summary %s = %q, want %q", path, got, want)
		}
	}
	if n := c.Len("assignments"); n != len(p.Assignments) || n == 0 {
		t.Fatalf("summary has %d assignments, want %d", n, len(p.Assignments))
	}
	for i, a := range p.Assignments {
		at := "assignments[" + strconv.Itoa(i) + "]."
		if got := c.String(at + "name"); got != a.Assignment.Name {
			t.Errorf("summary %sname = %q, want %q", at, got, a.Assignment.Name)
		}
		if got := c.String(at + "enforcementMode"); got != a.EnforcementMode {
			t.Errorf("summary %senforcementMode = %q, want %q", at, got, a.EnforcementMode)
		}
		if id, _ := c.Bool(at + "identity"); id != a.Identity {
			t.Errorf("summary %sidentity = %v, want %v", at, id, a.Identity)
		}
	}
}
