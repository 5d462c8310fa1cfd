package managementgroups

import (
	"strconv"
	"testing"

	"github.com/aiready/aiready/internal/outputmap"
)

func TestOutputsAreTheTaggedFields(t *testing.T) {
	_, h, err := run(t, validArgs())
	if err != nil {
		t.Fatal(err)
	}
	outputmap.CheckComponent(t, h, "groupIds", "archetypes", "accessGroups", "subscriptions")
}

// The component registers with a summary of its tree as its inputs
// (RegisterComponentResourceV2, like every component).
func TestRegistersASummary(t *testing.T) {
	rec, _, err := run(t, validArgs())
	if err != nil {
		t.Fatal(err)
	}
	c := rec.Named(t, TypeToken, "mg")
	args := validArgs()
	if got := c.String("parentId"); got != args.ParentID {
		t.Errorf("summary parentId = %q, want %q", got, args.ParentID)
	}
	if n := c.Len("groups"); n != len(args.Groups) {
		t.Fatalf("summary has %d groups, want %d", n, len(args.Groups))
	}
	for i, g := range args.Groups {
		for path, want := range map[string]string{"id": g.ID, "archetype": g.Archetype, "parent": g.Parent} {
			if got := c.String("groups[" + strconv.Itoa(i) + "]." + path); got != want {
				t.Errorf("summary groups[%d].%s = %q, want %q", i, path, got, want)
			}
		}
		if adopt, _ := c.Bool("groups[" + strconv.Itoa(i) + "].adopt"); adopt != g.Adopt {
			t.Errorf("summary groups[%d].adopt = %v, want %v", i, adopt, g.Adopt)
		}
	}
}
