package rules

import "strings"

// AIServicesManagedIdentity requires a managed identity on AI services accounts.
var AIServicesManagedIdentity = register(&Rule{
	Name:           "ai-services-managed-identity",
	Description:    "Azure AI services and Azure OpenAI accounts use a managed identity (system- or user-assigned) to reach other Azure resources.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "fe3fd216-4f83-4fc1-8984-2bbec80a3418", DisplayName: "Cognitive Services accounts should use a managed identity", ALZSets: []string{"Enforce-Guardrails-CognitiveServices", "Enforce-Guardrails-OpenAI"}},
	},
	Severity: Medium,
	Level:    Mandatory,
	Types:    []string{TypeAccount},
	Check: func(_ *Context, r *Resource) []Finding {
		v := r.Get("identity.type")
		if v.IsUnknown() {
			return []Finding{Unverifiable("identity.type", "the account has a managed identity")}
		}
		if s, ok := v.Str(); ok && strings.Contains(strings.ToLower(s), "assigned") {
			return nil
		}
		return []Finding{Violation("identity.type is %s; set it to \"SystemAssigned\" or \"UserAssigned\" so that the account reaches storage, Key Vault and search with Microsoft Entra ID, not keys.", show(v))}
	},
})
