package rules

import "testing"

func TestAIServicesDisableLocalAuth(t *testing.T) {
	base := fixture(t, "account_valid")
	const fix = "set it to true so that the account accepts Microsoft Entra ID tokens only, not keys."
	runRuleCases(t, AIServicesDisableLocalAuth, []ruleCase{
		{name: "valid", props: base},
		{name: "valid with an API-version token", token: "azure-native:cognitiveservices/v20241001:Account", props: base},
		{name: "local auth enabled", props: set(base, "properties.disableLocalAuth", false),
			want: []string{"properties.disableLocalAuth is false; " + fix}},
		{name: "not set", props: del(base, "properties.disableLocalAuth"),
			want: []string{"properties.disableLocalAuth is not set; " + fix}},
		{name: "a string that is not a boolean", props: set(base, "properties.disableLocalAuth", "yes"),
			want: []string{"properties.disableLocalAuth is \"yes\"; " + fix}},
		{name: "unknown at preview", props: set(base, "properties.disableLocalAuth", unknown),
			want: []string{"Cannot verify at preview that key access is disabled: properties.disableLocalAuth is not known yet; checked again at update."}},
		{name: "properties unknown at preview", props: set(base, "properties", unknown),
			want: []string{"Cannot verify at preview that key access is disabled: properties.disableLocalAuth is not known yet; checked again at update."}},
		{name: "unknown at update", props: set(base, "properties.disableLocalAuth", unknown), ctx: func() *Context { c := NewContext(); c.Preview = false; return c }(),
			want: []string{"Cannot verify that key access is disabled: properties.disableLocalAuth is still unknown at update."}},
		{name: "another type is ignored", token: TypeStorageAccount, props: fixture(t, "storage_valid")},
	})
}

func TestAIServicesDisableLocalAuthFix(t *testing.T) {
	base := del(fixture(t, "account_valid"), "properties.disableLocalAuth")
	r := res(TypeAccount, "acct", base)
	fixed, changed := AIServicesDisableLocalAuth.Fix(NewContext(), r)
	if !changed {
		t.Fatal("Fix changed nothing")
	}
	if got := AIServicesDisableLocalAuth.Run(NewContext(), res(TypeAccount, "acct", fixed)); got != nil {
		t.Fatalf("the fixed account still violates: %v", got)
	}
	if _, ok := base["properties"].ObjectValue()["disableLocalAuth"]; ok {
		t.Fatal("Fix changed the original properties")
	}
	if _, changed := AIServicesDisableLocalAuth.Fix(NewContext(), res(TypeAccount, "acct", set(base, "properties", unknown))); changed {
		t.Fatal("Fix overwrote unknown properties")
	}
}
