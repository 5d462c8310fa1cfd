package tags

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestMergeConventionTagsWin(t *testing.T) {
	got := Set{Archetype: "corp", Production: true, Component: "SecureNetwork"}.Merge(map[string]string{
		"owner":        "ai-team",
		ArchetypeKey:   "online",
		EnvironmentKey: NonProduction,
	})
	want := map[string]string{"owner": "ai-team", ArchetypeKey: "corp", EnvironmentKey: Production, ComponentKey: "SecureNetwork"}
	if len(got) != len(want) {
		t.Fatalf("got %d tags, want %d: %v", len(got), len(want), got)
	}
	for k, v := range want {
		if got[k] != pulumi.String(v) {
			t.Errorf("tag %s = %v, want %s", k, got[k], v)
		}
	}
}

func TestMergeOmitsEmptyArchetype(t *testing.T) {
	got := Set{}.Merge(nil)
	if _, ok := got[ArchetypeKey]; ok {
		t.Error("empty archetype should not be tagged")
	}
	if got[EnvironmentKey] != pulumi.String(NonProduction) {
		t.Errorf("environment = %v", got[EnvironmentKey])
	}
}
