package rules

// MLWorkspacesDisablePublicNetwork requires Azure ML / AI Foundry workspaces without public access.
var MLWorkspacesDisablePublicNetwork = register(&Rule{
	Name:           "ml-workspaces-disable-public-network-access",
	Description:    "Azure Machine Learning and AI Foundry workspaces have public network access disabled.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "438c38d2-3772-465a-a9cc-7a6666a275ce", DisplayName: "Azure Machine Learning Workspaces should disable public network access", ALZSets: []string{"Deny-PublicPaaSEndpoints"}},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeMLWorkspace},
	Check: func(_ *Context, r *Resource) []Finding {
		return requireString(r, "publicNetworkAccess", []string{"Disabled"}, "public network access is disabled",
			"set it to \"Disabled\" and reach the workspace through a private endpoint.")
	},
})
