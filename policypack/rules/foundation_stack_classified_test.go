package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestFoundationStackClassified(t *testing.T) {
	tagged := res(TypeAccount, "a", fixture(t, "account_valid"))
	untagged := func() *Resource { return res(TypeAccount, "b", del(fixture(t, "account_valid"), "tags")) }
	custom := res(TypeStorageAccount, "st", set(fixture(t, "storage_valid"), "tags.aiready-archetype", "ml-internal"))
	runStackCases(t, FoundationStackClassified, []stackCase{
		{name: "tagged", resources: []*Resource{tagged}},
		{name: "stack config", resources: []*Resource{untagged()}, ctx: ctxWith("corp", "production")},
		{name: "pack config for this stack", resources: []*Resource{untagged()},
			ctx: withSettings(ctxWith("", ""), func(s *config.Settings) {
				s.Stacks = map[string]config.Override{"ai-ready/test": {Archetype: "online", Environment: "nonproduction"}}
			})},
		{name: "unclassified", resources: []*Resource{untagged()},
			want: []string{
				"1 resource(s) (\"b\") have no archetype, so the rules apply their baseline; set <project>:archetype in the stack config (corp, online, dev, sandbox), tag them aiready-archetype, or set archetype in the foundation-stack-classified config.",
				"1 resource(s) (\"b\") have no environment, so they are treated as nonproduction; set <project>:environment in the stack config (production or nonproduction), tag them aiready-environment, or set environment in the foundation-stack-classified config.",
			}},
		{name: "tag and stack config disagree", resources: []*Resource{tagged}, ctx: ctxWith("online", "production"),
			want: []string{tagged.URN + ": the aiready-archetype tag says \"corp\" but the stack config says \"online\"; the tag is used. Make them agree."}},
		{name: "unmapped archetype", resources: []*Resource{custom},
			want: []string{"archetypes \"ml-internal\" are neither built in (corp, online, dev, sandbox) nor mapped; map them in the archetypes config of foundation-stack-classified, e.g. {\"ml-internal\": \"corp\"}."}},
		{name: "mapped archetype", resources: []*Resource{custom},
			ctx: withSettings(NewContext(), func(s *config.Settings) { s.Archetypes = map[string]string{"ml-internal": "corp"} })},
		{name: "other types are ignored", resources: []*Resource{res(TypeNSG, "nsg", fixture(t, "nsg_valid"))}},
	})
}
