package rules

// AISearchDisablePublicNetwork requires AI Search services without public network access.
var AISearchDisablePublicNetwork = register(&Rule{
	Name:           "ai-search-disable-public-network-access",
	Description:    "Azure AI Search services have public network access disabled and are reached through private endpoints.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "ee980b6d-0eca-4501-8d54-f6290fd512c3", DisplayName: "Azure AI Search services should disable public network access", ALZSets: []string{"Deny-PublicPaaSEndpoints"}},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeSearchService},
	Check: func(_ *Context, r *Resource) []Finding {
		return requireString(r, "publicNetworkAccess", []string{"disabled"}, "public network access is disabled",
			"set it to \"disabled\" and reach the service through a private endpoint.")
	},
})
