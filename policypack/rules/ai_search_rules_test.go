package rules

import "testing"

func TestAISearchDisablePublicNetwork(t *testing.T) {
	base := fixture(t, "search_valid")
	const fix = "; set it to \"disabled\" and reach the service through a private endpoint."
	runRuleCases(t, AISearchDisablePublicNetwork, []ruleCase{
		{name: "valid", props: base},
		{name: "valid upper case, API-version token", token: "azure-native:search/v20250501:Service", props: set(base, "publicNetworkAccess", "Disabled")},
		{name: "enabled", props: set(base, "publicNetworkAccess", "enabled"), want: []string{"publicNetworkAccess is \"enabled\"" + fix}},
		{name: "not set", props: del(base, "publicNetworkAccess"), want: []string{"publicNetworkAccess is not set" + fix}},
		{name: "unknown", props: set(base, "publicNetworkAccess", unknown),
			want: []string{"Cannot verify at preview that public network access is disabled: publicNetworkAccess is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeMLWorkspace, props: set(base, "publicNetworkAccess", "enabled")},
	})
}

func TestAISearchDisableLocalAuth(t *testing.T) {
	base := fixture(t, "search_valid")
	const fix = "; set it to true so that the service accepts Microsoft Entra ID tokens only, not API keys."
	runRuleCases(t, AISearchDisableLocalAuth, []ruleCase{
		{name: "valid", props: base},
		{name: "API keys on", token: "azure-native:search/v20250501:Service", props: set(base, "disableLocalAuth", false), want: []string{"disableLocalAuth is false" + fix}},
		{name: "not set", props: del(base, "disableLocalAuth"), want: []string{"disableLocalAuth is not set" + fix}},
		{name: "unknown", props: set(base, "disableLocalAuth", unknown),
			want: []string{"Cannot verify at preview that API-key authentication is disabled: disableLocalAuth is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeAccount, props: del(base, "disableLocalAuth")},
	})
	fixed, changed := AISearchDisableLocalAuth.Fix(NewContext(), res(TypeSearchService, "s", del(base, "disableLocalAuth")))
	if !changed || AISearchDisableLocalAuth.Run(NewContext(), res(TypeSearchService, "s", fixed)) != nil {
		t.Fatal("Fix does not make the service comply")
	}
}

func TestAISearchSKUPrivateLink(t *testing.T) {
	base := fixture(t, "search_valid")
	runRuleCases(t, AISearchSKUPrivateLink, []ruleCase{
		{name: "valid", props: base},
		{name: "basic, API-version token", token: "azure-native:search/v20250501:Service", props: set(base, "sku.name", "basic")},
		{name: "free", props: set(base, "sku.name", "free"),
			want: []string{"sku.name is \"free\"; use \"basic\" or a standard SKU: the free SKU cannot have a private endpoint."}},
		{name: "unknown", props: set(base, "sku", unknown),
			want: []string{"Cannot verify at preview that the search SKU supports private link: sku.name is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeAccount, props: set(base, "sku.name", "free")},
	})
}
