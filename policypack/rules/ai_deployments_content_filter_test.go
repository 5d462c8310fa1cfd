package rules

import "testing"

func TestAIDeploymentsContentFilter(t *testing.T) {
	base := fixture(t, "deployment_valid")
	const fix = "; name a content filter (e.g. \"Microsoft.DefaultV2\" or your own RAI policy) so that prompts and completions are filtered."
	runRuleCases(t, AIDeploymentsContentFilter, []ruleCase{
		{name: "valid", props: base},
		{name: "valid, API-version token", token: "azure-native:cognitiveservices/v20241001:Deployment", props: base},
		{name: "no filter", props: del(base, "properties.raiPolicyName"), want: []string{"properties.raiPolicyName is not set" + fix}},
		{name: "empty filter", props: set(base, "properties.raiPolicyName", ""), want: []string{"properties.raiPolicyName is \"\"" + fix}},
		{name: "filter from a RaiPolicy output, unknown at preview", props: set(base, "properties.raiPolicyName", unknown),
			want: []string{"Cannot verify at preview that the deployment has a content filter: properties.raiPolicyName is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeAccount, props: fixture(t, "account_valid")},
	})
}
