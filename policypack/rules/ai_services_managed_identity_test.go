package rules

import "testing"

func TestAIServicesManagedIdentity(t *testing.T) {
	base := fixture(t, "account_valid")
	const fix = "; set it to \"SystemAssigned\" or \"UserAssigned\" so that the account reaches storage, Key Vault and search with Microsoft Entra ID, not keys."
	runRuleCases(t, AIServicesManagedIdentity, []ruleCase{
		{name: "valid", props: base},
		{name: "both identities", token: "azure-native:cognitiveservices/v20241001:Account", props: set(base, "identity.type", "SystemAssigned, UserAssigned")},
		{name: "none", props: set(base, "identity.type", "None"), want: []string{"identity.type is \"None\"" + fix}},
		{name: "no identity", props: del(base, "identity"), want: []string{"identity.type is not set" + fix}},
		{name: "unknown", props: set(base, "identity", unknown),
			want: []string{"Cannot verify at preview that the account has a managed identity: identity.type is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeKeyVault, props: del(base, "identity")},
	})
}
