package securenetwork

import (
	"strings"
	"testing"
)

// TestUserNamedArchetypes: a user-named archetype behaves as its base (an
// online-based one needs DDoS and gets an external API Management subnet
// layout), keeps its own name in the tags, and is refused without a base.
func TestUserNamedArchetypes(t *testing.T) {
	a := onlineArgs()
	a.Archetype, a.ArchetypeBase = "public-apps", ArchetypeOnline
	if err := a.Validate(); err != nil {
		t.Fatalf("a user-named online archetype: %v", err)
	}
	a.DDoS = nil
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "DDoS: required for the online archetype") {
		t.Errorf("a user-named online archetype without DDoS: %v; want DDoS required", err)
	}
	c := corpArgs()
	c.Archetype, c.ArchetypeBase = "research", ArchetypeCorp
	rec := run(t, c)
	tagged := 0
	for _, r := range custom(rec) {
		if tag := r.String("tags.aiready-archetype"); tag != "" {
			tagged++
			if tag != "research" {
				t.Errorf("%s %s is tagged %q; want the user's name", r.Type, r.Name, tag)
			}
		}
	}
	if tagged == 0 {
		t.Error("no resource carries the archetype tag")
	}
	hub := corpArgs()
	hub.Archetype, hub.ArchetypeBase = ArchetypeConnectivity, ArchetypeCorp
	if err := hub.Validate(); err == nil || !strings.Contains(err.Error(), `ArchetypeBase: "corp" is set, but Archetype "connectivity" is built in; leave it empty`) {
		t.Errorf("connectivity with a base: %v", err)
	}
	for base, want := range map[string]string{
		"":             `Archetype: "research" is not an archetype`,
		"connectivity": `ArchetypeBase: "connectivity" is not a built-in archetype; the user-named Archetype "research" behaves as one of corp, online, dev, sandbox`,
	} {
		c.ArchetypeBase = base
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("base %q: %v; want %q", base, err, want)
		}
	}
}
