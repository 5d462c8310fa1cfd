package rules

import "github.com/aiready/aiready/policypack/config"

// AIServicesRestrictPublicNetwork requires public network access off in corp and
// restricted elsewhere.
var AIServicesRestrictPublicNetwork = register(&Rule{
	Name: "ai-services-restrict-public-network-access",
	Description: "Azure AI services and Azure OpenAI accounts have public network access disabled in the corp archetype, " +
		"and disabled or restricted (network ACL default action Deny, no IP rules) in every other archetype.",
	Section:        SectionGovernance,
	Recommendation: "Create separate management groups for internet-facing and internal AI workloads.",
	BuiltIns: []BuiltIn{
		{ID: "037eea7a-bd0a-46c5-9a66-03aea78705d3", DisplayName: "Azure AI Services resources should restrict network access", ALZSets: []string{"Deny-PublicPaaSEndpoints", "Enforce-Guardrails-OpenAI"}},
		{ID: "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c", DisplayName: "Configure Cognitive Services accounts to disable public network access", ALZSets: []string{"Enforce-Guardrails-CognitiveServices"}, Effects: "a Modify that Azure applies in corp; the rule denies at preview what it would change"},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeAccount},
	Check: func(ctx *Context, r *Resource) []Finding {
		c := ctx.Classify(r)
		pna := r.Get("properties.publicNetworkAccess")
		if pna.IsUnknown() {
			return []Finding{Unverifiable("properties.publicNetworkAccess", "public network access is disabled or restricted")}
		}
		if pna.Equal("Disabled") {
			return nil
		}
		if c.Base == config.Corp {
			return []Finding{Violation("properties.publicNetworkAccess is %s; set it to \"Disabled\": the %s allows no public network access to AI services.",
				show(pna), c.DescribeArchetype())}
		}
		action := r.Get("properties.networkAcls.defaultAction")
		if action.IsUnknown() {
			return []Finding{Unverifiable("properties.networkAcls.defaultAction", "public network access is restricted")}
		}
		if !action.Equal("Deny") {
			return []Finding{Violation("properties.publicNetworkAccess is %s and properties.networkAcls.defaultAction is %s; set publicNetworkAccess to \"Disabled\", or networkAcls.defaultAction to \"Deny\" with no IP rules (%s).",
				show(pna), show(action), c.DescribeArchetype())}
		}
		rules := r.Get("properties.networkAcls.ipRules")
		if rules.IsUnknown() {
			return []Finding{Unverifiable("properties.networkAcls.ipRules", "no IP range may reach the account")}
		}
		if n := rules.Len(); n > 0 {
			return []Finding{Violation("properties.networkAcls.ipRules opens the account to %d IP range(s) from the internet; remove them and reach the account through its private endpoint (%s).",
				n, c.DescribeArchetype())}
		}
		return nil
	},
})
