package rules

import "github.com/aiready/aiready/policypack/config"

// StorageAccountsHardened requires the storage account settings of the ALZ storage guardrails.
var StorageAccountsHardened = register(&Rule{
	Name: "storage-accounts-hardened",
	Description: "Storage accounts accept HTTPS only with TLS 1.2 or later, allow no anonymous blob access, no shared key access and no cross-tenant replication, " +
		"and have public network access disabled in the corp archetype.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54", DisplayName: "Storage accounts should prevent shared key access", ALZSets: []string{"Enforce-Guardrails-Storage"}},
		{ID: "92a89a79-6c52-4a7e-a03f-61306fc49312", DisplayName: "Storage accounts should prevent cross tenant object replication", ALZSets: []string{"Enforce-Guardrails-Storage"}},
		{ID: "b2982f36-99f2-4db5-8eff-283140c09693", DisplayName: "Storage accounts should disable public network access", ALZSets: []string{"Deny-PublicPaaSEndpoints"}, Effects: "corp"},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeStorageAccount},
	Check: func(ctx *Context, r *Resource) []Finding {
		var out []Finding
		if v := r.Get("enableHttpsTrafficOnly"); v.IsUnknown() {
			out = append(out, Unverifiable("enableHttpsTrafficOnly", "the account accepts HTTPS only"))
		} else if b, ok := v.Bool(); !v.IsAbsent() && (!ok || !b) {
			out = append(out, Violation("enableHttpsTrafficOnly is %s; set it to true (or leave it out: Azure's default) so that the account accepts HTTPS only.", show(v)))
		}
		out = append(out, requireString(r, "minimumTlsVersion", []string{"TLS1_2", "TLS1_3"}, "the account requires TLS 1.2 or later",
			"set it to \"TLS1_2\": older API versions default to TLS 1.0.")...)
		out = append(out, requireBool(r, "allowBlobPublicAccess", false, "anonymous blob access is off",
			"set it to false so that no container can be read anonymously.")...)
		out = append(out, requireBool(r, "allowSharedKeyAccess", false, "shared key access is off",
			"set it to false so that callers authenticate with Microsoft Entra ID, not account keys.")...)
		out = append(out, requireBool(r, "allowCrossTenantReplication", false, "cross-tenant object replication is off",
			"set it to false so that objects cannot be replicated to another tenant.")...)
		if c := ctx.Classify(r); c.Base == config.Corp {
			out = append(out, requireString(r, "publicNetworkAccess", []string{"Disabled"}, "public network access is disabled",
				"set it to \"Disabled\": the "+c.DescribeArchetype()+" allows no public endpoints.")...)
		}
		return out
	},
})
