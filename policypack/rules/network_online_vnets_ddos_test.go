package rules

import "testing"

func TestNetworkOnlineVNetsDDoS(t *testing.T) {
	base := fixture(t, "vnet_valid")
	runRuleCases(t, NetworkOnlineVNetsDDoS, []ruleCase{
		{name: "valid", props: base},
		{name: "valid, API-version token", token: "azure-native:network/v20240501:VirtualNetwork", props: base},
		{name: "corp needs none", props: del(set(base, "tags.aiready-archetype", "corp"), "ddosProtectionPlan")},
		{name: "unclassified needs none", props: del(del(base, "tags"), "ddosProtectionPlan")},
		{name: "protection off", props: set(base, "enableDdosProtection", false),
			want: []string{"enableDdosProtection is false; set it to true with a DDoS protection plan: the archetype online (from tags) is internet-facing."}},
		{name: "no plan", props: del(base, "ddosProtectionPlan"),
			want: []string{"ddosProtectionPlan.id is not set; reference a DDoS protection plan: the archetype online (from tags) is internet-facing."}},
		{name: "online from stack config", props: del(del(del(base, "tags"), "ddosProtectionPlan"), "enableDdosProtection"), ctx: ctxWith("online", ""),
			want: []string{
				"enableDdosProtection is not set; set it to true with a DDoS protection plan: the archetype online (from stack config) is internet-facing.",
				"ddosProtectionPlan.id is not set; reference a DDoS protection plan: the archetype online (from stack config) is internet-facing.",
			}},
		{name: "plan id unknown at preview is a plan", props: set(base, "ddosProtectionPlan.id", unknown)},
		{name: "plan unknown", props: set(base, "ddosProtectionPlan", unknown),
			want: []string{"Cannot verify at preview that the network has a DDoS protection plan: ddosProtectionPlan is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeSubnet, props: del(base, "ddosProtectionPlan")},
	})
}
