package consistency

import (
	"slices"
	"testing"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/aiready/aiready/internal/tags"
	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/stacks"
)

// TestConventionsShared: what the components stamp and the pack reads is the
// conventions' single definition (the pack's copy is generated; a library test
// keeps it current): tag keys, environment values, the archetype names every
// component and the pack accept, the policy metadata key and the private-link
// zones.
func TestConventionsShared(t *testing.T) {
	same := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %v; the conventions say %v", what, got, want)
		}
	}
	same("library archetype tag", tags.ArchetypeKey, conventions.ArchetypeTag)
	same("pack archetype tag", rules.TagArchetype, conventions.ArchetypeTag)
	same("library environment tag", tags.EnvironmentKey, conventions.EnvironmentTag)
	same("pack environment tag", rules.TagEnvironment, conventions.EnvironmentTag)
	same("library component tag", tags.ComponentKey, conventions.ComponentTag)
	same("pack component tag", rules.TagComponent, conventions.ComponentTag)
	same("library production", tags.Production, conventions.Production)
	same("pack production", config.Production, conventions.Production)
	same("stacks production", stacks.EnvironmentProduction, conventions.Production)
	same("pack non-production", config.NonProduction, conventions.NonProduction)
	same("policy metadata key", policybaseline.MetadataKey, conventions.MetadataKey)

	workloads := conventions.WorkloadNames()
	if !slices.Equal(config.BuiltinArchetypes, workloads) {
		t.Errorf("the pack's built-in archetypes %v; the conventions' %v", config.BuiltinArchetypes, workloads)
	}
	if got := replication.Archetypes(); !slices.Equal(got, workloads) {
		t.Errorf("AssetReplication accepts %v; the conventions' workloads are %v", got, workloads)
	}
	if got := securenetwork.Archetypes(); !slices.Equal(got, append(slices.Clone(workloads), string(conventions.Connectivity))) {
		t.Errorf("SecureNetwork accepts %v; want the workloads and connectivity", got)
	}
	for _, a := range []string{aiendpoint.ArchetypeCorp, aiendpoint.ArchetypeOnline, aiendpoint.ArchetypeDev, aiendpoint.ArchetypeSandbox,
		managementgroups.ArchetypeCorp, managementgroups.ArchetypeOnline, managementgroups.ArchetypeDev, managementgroups.ArchetypeSandbox} {
		if !slices.Contains(workloads, a) {
			t.Errorf("a component's archetype %q is not a conventions workload", a)
		}
	}

	for _, z := range conventions.PrivateLinkZones() {
		same("SecureNetwork's zone "+z.Key, securenetwork.PrivateDNSZoneName(z.Key), z.Name)
	}
	if got, want := len(securenetwork.PrivateDNSZoneKeys()), len(conventions.PrivateLinkZones()); got != want {
		t.Errorf("SecureNetwork has %d zones; the conventions %d", got, want)
	}
}
