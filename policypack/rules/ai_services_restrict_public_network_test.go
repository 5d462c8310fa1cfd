package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestAIServicesRestrictPublicNetwork(t *testing.T) {
	base := fixture(t, "account_valid")
	public := set(base, "properties.publicNetworkAccess", "Enabled")
	online := set(public, "tags.aiready-archetype", "online")
	untagged := del(public, "tags.aiready-archetype")
	runRuleCases(t, AIServicesRestrictPublicNetwork, []ruleCase{
		{name: "valid corp", props: base},
		{name: "valid corp, API-version token", token: "azure-native:cognitiveservices/v20250601:Account", props: base},
		{name: "valid online restricted", props: online},
		{name: "corp public", props: public,
			want: []string{"properties.publicNetworkAccess is \"Enabled\"; set it to \"Disabled\": the archetype corp (from tags) allows no public network access to AI services."}},
		{name: "corp from stack config, public not set", props: del(untagged, "properties.publicNetworkAccess"), ctx: ctxWith("corp", "production"),
			want: []string{"properties.publicNetworkAccess is not set; set it to \"Disabled\": the archetype corp (from stack config) allows no public network access to AI services."}},
		{name: "pack config overrides the tag", props: online, ctx: withSettings(NewContext(), func(s *config.Settings) { s.Archetype = "corp" }),
			want: []string{"properties.publicNetworkAccess is \"Enabled\"; set it to \"Disabled\": the archetype corp (from pack config) allows no public network access to AI services."}},
		{name: "user-named archetype mapped to corp", props: set(public, "tags.aiready-archetype", "ml-internal"),
			ctx:  withSettings(NewContext(), func(s *config.Settings) { s.Archetypes = map[string]string{"ml-internal": "corp"} }),
			want: []string{"properties.publicNetworkAccess is \"Enabled\"; set it to \"Disabled\": the archetype ml-internal as corp (from tags) allows no public network access to AI services."}},
		{name: "online default action allow", props: set(online, "properties.networkAcls.defaultAction", "Allow"),
			want: []string{"properties.publicNetworkAccess is \"Enabled\" and properties.networkAcls.defaultAction is \"Allow\"; set publicNetworkAccess to \"Disabled\", or networkAcls.defaultAction to \"Deny\" with no IP rules (archetype online (from tags))."}},
		{name: "online IP rules", props: set(online, "properties.networkAcls.ipRules", []any{map[string]any{"value": "203.0.113.0/24"}}),
			want: []string{"properties.networkAcls.ipRules opens the account to 1 IP range(s) from the internet; remove them and reach the account through its private endpoint (archetype online (from tags))."}},
		{name: "unknown archetype gets the restricted baseline", props: del(untagged, "properties.networkAcls"),
			want: []string{"properties.publicNetworkAccess is \"Enabled\" and properties.networkAcls.defaultAction is not set; set publicNetworkAccess to \"Disabled\", or networkAcls.defaultAction to \"Deny\" with no IP rules (archetype unknown (no aiready-archetype tag, no <project>:archetype stack config, no pack config))."}},
		{name: "public network access unknown", props: set(base, "properties.publicNetworkAccess", unknown),
			want: []string{"Cannot verify at preview that public network access is disabled or restricted: properties.publicNetworkAccess is not known yet; checked again at update."}},
		{name: "default action unknown", props: set(online, "properties.networkAcls.defaultAction", unknown),
			want: []string{"Cannot verify at preview that public network access is restricted: properties.networkAcls.defaultAction is not known yet; checked again at update."}},
		{name: "IP rules unknown", props: set(online, "properties.networkAcls.ipRules", unknown),
			want: []string{"Cannot verify at preview that no IP range may reach the account: properties.networkAcls.ipRules is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeSearchService, props: public},
	})
}
