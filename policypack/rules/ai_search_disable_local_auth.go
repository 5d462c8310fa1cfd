package rules

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// AISearchDisableLocalAuth requires AI Search services without API-key authentication.
var AISearchDisableLocalAuth = register(&Rule{
	Name:           "ai-search-disable-local-auth",
	Description:    "Azure AI Search services have local (API key) authentication disabled, so that only Microsoft Entra ID identities can call them.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "6300012e-e9a4-4649-b41f-a85f5c43be91", DisplayName: "Azure AI Search services should have local authentication methods disabled", ALZSets: []string{"Enforce-Guardrails-CognitiveServices"}},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeSearchService},
	Check: func(_ *Context, r *Resource) []Finding {
		return requireBool(r, "disableLocalAuth", true, "API-key authentication is disabled",
			"set it to true so that the service accepts Microsoft Entra ID tokens only, not API keys.")
	},
	Fix: func(_ *Context, r *Resource) (resource.PropertyMap, bool) {
		return withProp(r.Props, resource.NewProperty(true), "disableLocalAuth")
	},
})
