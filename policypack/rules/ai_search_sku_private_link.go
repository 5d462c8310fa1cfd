package rules

// AISearchSKUPrivateLink refuses the free AI Search SKU, which has no private link.
var AISearchSKUPrivateLink = register(&Rule{
	Name:           "ai-search-sku-supports-private-link",
	Description:    "Azure AI Search services use a SKU that supports private link (not free).",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "a049bf77-880b-470f-ba6d-9f21c530cf83", DisplayName: "Azure AI Search service should use a SKU that supports private link", ALZSets: []string{"Enforce-Guardrails-CognitiveServices"}},
	},
	Severity: Medium,
	Level:    Mandatory,
	Types:    []string{TypeSearchService},
	Check: func(_ *Context, r *Resource) []Finding {
		v := r.Get("sku.name")
		if v.IsUnknown() {
			return []Finding{Unverifiable("sku.name", "the search SKU supports private link")}
		}
		if v.Equal("free") {
			return []Finding{Violation("sku.name is %s; use \"basic\" or a standard SKU: the free SKU cannot have a private endpoint.", show(v))}
		}
		return nil
	},
})
