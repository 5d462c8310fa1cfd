package azpolicy

import "testing"

// TestExemptFromEvaluation: the types Azure Policy never evaluates (the
// Azure/azure-policy README's "Resources that are exempt from policy evaluation",
// read 2026-12-03) are not applicable to any policy, even one of mode All
// matching everything, and the type pre-filter agrees; resource groups and
// subscriptions, and other types, are evaluated.
func TestExemptFromEvaluation(t *testing.T) {
	all := mustBind(t, mustParse(t, `{"name": "m", "mode": "All", "policyRule": {"if": {"field": "location", "notIn": ["westeurope"]}, "then": {"effect": "deny"}}}`), nil)
	for typ, exempt := range map[string]bool{
		"Microsoft.Resources/deployments":                  true,
		"microsoft.resources/templateSpecs":                true,
		"Microsoft.KeyVault/vaults/secrets":                true,
		"Microsoft.Billing/billingAccounts":                true,
		"Microsoft.Resources/subscriptions/resourceGroups": false,
		"Microsoft.Resources/resourceGroups":               false,
		"Microsoft.Resources/subscriptions":                false,
		"Microsoft.Storage/storageAccounts":                false,
		"Microsoft.KeyVault/vaults":                        false,
	} {
		if got := ExemptFromEvaluation(typ); got != exempt {
			t.Errorf("ExemptFromEvaluation(%s) = %v, want %v", typ, got, exempt)
		}
		r := all.Evaluate(NewResource(map[string]any{"type": typ, "name": "x"}), nil)
		if want := map[bool]Outcome{true: NotApplicable, false: NonCompliant}[exempt]; r.Outcome != want {
			t.Errorf("%s: %v, want %v (%s)", typ, r.Outcome, want, r.Reason())
		}
		if all.AppliesToType(typ) == exempt {
			t.Errorf("AppliesToType(%s) = %v", typ, !exempt)
		}
	}
}
