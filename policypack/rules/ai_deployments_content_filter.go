package rules

// AIDeploymentsContentFilter requires a content filter on every model deployment.
var AIDeploymentsContentFilter = register(&Rule{
	Name:           "ai-deployments-content-filter",
	Description:    "Every Azure OpenAI model deployment names a content filter (RAI policy).",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	Mirrors:        "None in Azure Policy: Azure AI Foundry's content filtering guidance (a deployment's raiPolicyName)",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeDeployment},
	Check: func(_ *Context, r *Resource) []Finding {
		v := r.Get("properties.raiPolicyName")
		if v.IsUnknown() {
			return []Finding{Unverifiable("properties.raiPolicyName", "the deployment has a content filter")}
		}
		if s, ok := v.Str(); ok && s != "" {
			return nil
		}
		return []Finding{Violation("properties.raiPolicyName is %s; name a content filter (e.g. \"Microsoft.DefaultV2\" or your own RAI policy) so that prompts and completions are filtered.", show(v))}
	},
})
