package replication

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
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

// TestZonesFromTheCatalog: the zone-redundant default comes from the catalog's
// availabilityZones fact of the region, the stack's catalog when one is given.
func TestZonesFromTheCatalog(t *testing.T) {
	var raw map[string]any
	if err := json.Unmarshal(catalog.DefaultJSON(), &raw); err != nil {
		t.Fatal(err)
	}
	regions := raw["regions"].(map[string]any)
	delete(regions["eastus2"].(map[string]any), "availabilityZones")
	b, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	args := baseline()
	args.Replication = GeoRedundantStorage
	args.Catalog = cat
	rec, _ := run(t, args)
	if got := rec.Named(t, accountType, "assets-storage-primary").String("sku.name"); got != "Standard_RAGRS" {
		t.Errorf("sku.name = %q in a region the catalog gives no zones; want Standard_RAGRS", got)
	}
}
