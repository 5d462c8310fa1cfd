package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestAIDeploymentsApprovedModels(t *testing.T) {
	base := fixture(t, "deployment_valid")
	only4o := withSettings(NewContext(), func(s *config.Settings) {
		s.AllowedModels = []config.AllowedModel{{Name: "gpt-4o", Versions: []string{"2024-11-20"}}, {Name: "text-embedding-3-large"}}
	})
	runRuleCases(t, AIDeploymentsApprovedModels, []ruleCase{
		{name: "valid with the catalog default", props: base},
		{name: "valid with config", props: base, ctx: only4o},
		{name: "any version approved", token: "azure-native:cognitiveservices/v20241001:Deployment", ctx: only4o,
			props: set(set(base, "properties.model.name", "text-embedding-3-large"), "properties.model.version", "1")},
		{name: "model not approved", props: set(base, "properties.model.name", "gpt-4.1"), ctx: only4o,
			want: []string{"model \"gpt-4.1\" is not approved; approved models: \"gpt-4o\", \"text-embedding-3-large\". Approve it in the allowedModels config of ai-deployments-approved-models."}},
		{name: "version not approved", props: set(base, "properties.model.version", "2024-05-13"), ctx: only4o,
			want: []string{"model \"gpt-4o\" version \"2024-05-13\" is not approved; approved versions: \"2024-11-20\"."}},
		{name: "version not pinned", props: del(base, "properties.model.version"), ctx: only4o,
			want: []string{"properties.model.version is not set, so Azure picks the version of \"gpt-4o\"; pin one of the approved versions: \"2024-11-20\"."}},
		{name: "no model", props: del(base, "properties.model"),
			want: []string{"properties.model.name is not set; name an approved model."}},
		{name: "model unknown", props: set(base, "properties.model.name", unknown),
			want: []string{"Cannot verify at preview that the model is approved: properties.model.name is not known yet; checked again at update."}},
		{name: "version unknown", props: set(base, "properties.model.version", unknown),
			want: []string{"Cannot verify at preview that the model version is approved: properties.model.version is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeAccount, props: set(base, "properties.model.name", "gpt-x")},
	})
}
