package replication

import (
	"strings"
	"testing"
)

// TestUserNamedArchetypes: a user-named archetype with its base is accepted and
// stamped on the resources by its own name; a bad base is refused, naming it.
func TestUserNamedArchetypes(t *testing.T) {
	a := baseline()
	a.Archetype, a.ArchetypeBase = "research", ArchetypeCorp
	rec, _ := run(t, a)
	tagged := 0
	for _, r := range rec.Resources() {
		if tag := r.String("tags.aiready-archetype"); tag != "" {
			tagged++
			if tag != "research" {
				t.Errorf("%s %s is tagged %q; want research", r.Type, r.Name, tag)
			}
		}
	}
	if tagged == 0 {
		t.Error("no resource carries the archetype tag")
	}
	a.ArchetypeBase = "lab"
	err := a.Validate()
	if want := `ArchetypeBase: "lab" is not a built-in archetype; the user-named Archetype "research" behaves as one of corp, online, dev, sandbox`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("base lab: %v; want %q", err, want)
	}
}
