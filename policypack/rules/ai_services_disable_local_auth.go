package rules

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// AIServicesDisableLocalAuth requires key access to be disabled on AI services accounts.
var AIServicesDisableLocalAuth = register(&Rule{
	Name:           "ai-services-disable-local-auth",
	Description:    "Azure AI services and Azure OpenAI accounts have key access disabled, so that only Microsoft Entra ID identities can call them.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "71ef260a-8f18-47b7-abcb-62d0673d94dc", DisplayName: "Azure AI Services resources should have key access disabled (disable local authentication)", ALZSets: []string{"Enforce-Guardrails-OpenAI"}},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeAccount},
	Check: func(_ *Context, r *Resource) []Finding {
		return requireBool(r, "properties.disableLocalAuth", true, "key access is disabled",
			"set it to true so that the account accepts Microsoft Entra ID tokens only, not keys.")
	},
	Fix: func(_ *Context, r *Resource) (resource.PropertyMap, bool) {
		return withProp(r.Props, resource.NewProperty(true), "properties", "disableLocalAuth")
	},
})
