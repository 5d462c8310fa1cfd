package rules

import "github.com/aiready/aiready/policypack/config"

// KeyVaultsHardened requires the Key Vault settings of the ALZ Key Vault guardrails.
var KeyVaultsHardened = register(&Rule{
	Name: "key-vaults-hardened",
	Description: "Key vaults have purge protection on, soft delete not turned off and the Azure RBAC permission model, " +
		"and public network access disabled in the corp archetype.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53", DisplayName: "Key vaults should have deletion protection enabled", ALZSets: []string{"Enforce-Guardrails-KeyVault_20260203"}},
		{ID: "405c5871-3e91-4644-8a63-58e19d68ff5b", DisplayName: "Azure Key Vault should disable public network access", ALZSets: []string{"Deny-PublicPaaSEndpoints"}, Effects: "corp"},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeKeyVault},
	Check: func(ctx *Context, r *Resource) []Finding {
		var out []Finding
		out = append(out, requireBool(r, "properties.enablePurgeProtection", true, "purge protection is on",
			"set it to true so that deleted keys, secrets and the vault itself cannot be purged during the retention period.")...)
		if v := r.Get("properties.enableSoftDelete"); v.IsUnknown() {
			out = append(out, Unverifiable("properties.enableSoftDelete", "soft delete is on"))
		} else if b, ok := v.Bool(); !v.IsAbsent() && (!ok || !b) {
			out = append(out, Violation("properties.enableSoftDelete is %s; set it to true (or leave it out: Azure's default).", show(v)))
		}
		out = append(out, requireBool(r, "properties.enableRbacAuthorization", true, "the vault uses Azure RBAC",
			"set it to true so that access is granted with Azure role assignments, not vault access policies.")...)
		if c := ctx.Classify(r); c.Base == config.Corp {
			out = append(out, requireString(r, "properties.publicNetworkAccess", []string{"Disabled"}, "public network access is disabled",
				"set it to \"Disabled\": the "+c.DescribeArchetype()+" allows no public endpoints.")...)
		}
		return out
	},
})
