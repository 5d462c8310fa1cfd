package conventions

import (
	"strings"
	"testing"
)

// TestResolve: built-in archetypes are themselves, a user-named one behaves as
// its base, and every refusal names the field, the value and what is allowed.
func TestResolve(t *testing.T) {
	ok := []struct{ name, base, want string }{
		{"corp", "", "corp"}, {"online", "", "online"}, {"dev", "", "dev"}, {"sandbox", "", "sandbox"},
		{"research", "corp", "corp"}, {"public-apps", "online", "online"},
	}
	for _, c := range ok {
		got, err := Resolve("Archetype", "ArchetypeBase", c.name, c.base)
		if err != nil || string(got) != c.want {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", c.name, c.base, got, err, c.want)
		}
	}
	bad := []struct{ name, base, want string }{
		{"", "", `Archetype is required: use one of corp, online, dev, sandbox, or a user-named archetype with ArchetypeBase`},
		{"corp", "online", `ArchetypeBase: "online" is set, but Archetype "corp" is built in; leave it empty`},
		{"Research", "corp", `Archetype: "Research" is not an archetype; use one of corp, online, dev, sandbox, or a user-named archetype (lower-case letters`},
		{"research", "", `Archetype: "research" is not an archetype; use one of corp, online, dev, sandbox`},
		{"research", "connectivity", `ArchetypeBase: "connectivity" is not a built-in archetype; the user-named Archetype "research" behaves as one of corp, online, dev, sandbox`},
		{"research", "lab", `ArchetypeBase: "lab" is not a built-in archetype`},
		{"connectivity", "corp", `Archetype: "connectivity" is not an archetype here; use one of corp, online, dev, sandbox`},
	}
	if got, err := Resolve("Archetype", "ArchetypeBase", "connectivity", "", Connectivity); err != nil || got != Connectivity {
		t.Errorf("connectivity where the caller accepts it: %q, %v", got, err)
	}
	if _, err := Resolve("Archetype", "ArchetypeBase", "connectivity", "corp", Connectivity); err == nil || !strings.Contains(err.Error(), `ArchetypeBase: "corp" is set, but Archetype "connectivity" is built in; leave it empty`) {
		t.Errorf("connectivity with a base: %v", err)
	}
	for _, c := range bad {
		if _, err := Resolve("Archetype", "ArchetypeBase", c.name, c.base); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Resolve(%q, %q) = %v; want an error containing %q", c.name, c.base, err, c.want)
		}
	}
}

// TestMeanings: every built-in archetype has a meaning; only online is
// internet-facing, dev and sandbox audit-only, connectivity the platform's.
func TestMeanings(t *testing.T) {
	for _, a := range append(Workloads(), Connectivity) {
		m, ok := a.Meaning()
		if !ok || m.Summary == "" {
			t.Errorf("%s has no meaning", a)
		}
		if m.InternetFacing != (a == Online) || m.AuditOnly != (a == Dev || a == Sandbox) || m.Platform != (a == Connectivity) {
			t.Errorf("%s means %+v", a, m)
		}
	}
	if _, ok := Archetype("research").Meaning(); ok {
		t.Error("a user-named archetype has a meaning of its own")
	}
}

// TestPrivateLinkZones: keys and names are unique and every name is a
// privatelink zone.
func TestPrivateLinkZones(t *testing.T) {
	keys, names := map[string]bool{}, map[string]bool{}
	for _, z := range PrivateLinkZones() {
		if keys[z.Key] || names[z.Name] || !strings.HasPrefix(z.Name, "privatelink.") {
			t.Errorf("zone %+v: duplicate or not a privatelink zone", z)
		}
		keys[z.Key], names[z.Name] = true, true
		if n, ok := PrivateLinkZoneName(z.Key); !ok || n != z.Name {
			t.Errorf("PrivateLinkZoneName(%q) = %q, %v", z.Key, n, ok)
		}
	}
	if _, ok := PrivateLinkZoneName("nope"); ok {
		t.Error("an unknown key has a zone")
	}
}
