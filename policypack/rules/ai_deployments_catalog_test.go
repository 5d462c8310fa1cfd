package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestAIDeploymentsAvailable(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	westus2 := endpoint(t, "aoai-westus2", "westus2")
	noLocation := endpoint(t, "aoai-rg", "eastus2")
	noLocation.Props = del(noLocation.Props, "location")
	unknownLoc := endpoint(t, "aoai-x", "eastus2")
	unknownLoc.Props = set(unknownLoc.Props, "location", unknown)
	model := func(d *Resource, name string) *Resource {
		d.Props = set(d.Props, "properties.model.name", name)
		return d
	}
	searchIn := func(region string) *Resource {
		return res(TypeSearchService, "srch", set(fixture(t, "search_valid"), "location", region))
	}
	runStackCases(t, AIDeploymentsAvailable, []stackCase{
		{name: "available", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard"), deployment(t, "g", "aoai-eastus2", "GlobalStandard"),
			searchIn("East US 2"), res(TypeMLWorkspace, "ml", fixture(t, "ml_workspace_valid"))}},
		{name: "deployment of an account in another stack", resources: []*Resource{deployment(t, "chat", "aoai-elsewhere", "Standard")}},
		{name: "region without Azure OpenAI", resources: []*Resource{westus2},
			want: []string{westus2.URN + ": region \"westus2\" does not offer the Azure OpenAI / AI services account (catalog version 2025-07-01); use one of " + joinRegions(t, "openai") + "."}},
		{name: "region not in the catalog", resources: []*Resource{searchIn("marsnorth")},
			want: []string{urn(TypeSearchService, "srch") + ": location \"marsnorth\" is not a region of the availability catalog (version 2025-07-01); use one of " + joinRegions(t, "") + ", or add it to the catalog config of ai-deployments-available-in-region."}},
		{name: "location not set", resources: []*Resource{noLocation},
			want: []string{noLocation.URN + ": location is not set, so the Azure OpenAI / AI services account takes its resource group's region, which cannot be checked; set location explicitly."}},
		{name: "location unknown", resources: []*Resource{unknownLoc},
			want: []string{unknownLoc.URN + ": Cannot verify at preview that the region offers the Azure OpenAI / AI services account: location is not known yet; checked again at update."}},
		{name: "model not offered regionally there", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard"), model(deployment(t, "mini", "aoai-eastus2", "Standard"), "gpt-4.1-mini")},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Deployment", "aoai-eastus2-mini") + ": model \"gpt-4.1-mini\" is not offered as Standard; it is offered as " + deploymentTypesOf(t, "gpt-4.1-mini") + "."}},
		{name: "model not in region", resources: []*Resource{endpoint(t, "aoai-japan", "japaneast"), deployment(t, "chat", "aoai-japan", "Standard")},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Deployment", "aoai-japan-chat") + ": model \"gpt-4o\" as Standard is not offered in japaneast (the region of account \"aoai-japan\"); regions that offer it: eastus, eastus2, northcentralus, southcentralus, swedencentral, westus, westus3."}},
		{name: "unknown deployment type", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Premium")},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Deployment", "aoai-eastus2-chat") + ": sku.name \"Premium\" is not a deployment type; use one of DataZoneBatch, DataZoneProvisionedManaged, DataZoneStandard, GlobalBatch, GlobalProvisionedManaged, GlobalStandard, ProvisionedManaged, Standard."}},
		{name: "model not in the catalog", resources: []*Resource{east, model(deployment(t, "chat", "aoai-eastus2", "Standard"), "gpt-9")},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Deployment", "aoai-eastus2-chat") + ": model \"gpt-9\" is not in the availability catalog (version 2025-07-01); use one of gpt-4.1, gpt-4.1-mini, gpt-4o, gpt-4o-mini, o3-mini, text-embedding-3-large, text-embedding-3-small, text-embedding-ada-002, or add it to the catalog config of ai-deployments-available-in-region."}},
		{name: "replaced catalog", resources: []*Resource{westus2, deployment(t, "chat", "aoai-westus2", "Standard")},
			ctx: withSettings(NewContext(), func(s *config.Settings) {
				c := *s.Catalog
				c.Regions = map[string]config.Region{"westus2": {DisplayName: "West US 2", Services: []string{"openai"}}}
				c.Models = map[string]config.Model{"gpt-4o": {Versions: []string{"2024-11-20"}, Deployments: map[string][]string{"Standard": {"westus2"}}}}
				s.Catalog = &c
			})},
	})
	d := deployment(t, "chat", "aoai-eastus2", "Standard")
	d.Props = set(d.Props, "properties.model.name", unknown)
	got := messages(NewContext(), AIDeploymentsAvailable.RunStack(NewContext(), NewStack([]*Resource{east, d})))
	if want := d.URN + ": Cannot verify at preview that the model is offered in eastus2: properties.model.name is not known yet; checked again at update."; len(got) != 1 || got[0] != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func joinRegions(t *testing.T, service string) string {
	t.Helper()
	c := config.DefaultCatalog()
	var list []string
	if service == "" {
		list = config.SortedKeys(c.Regions)
	} else {
		list = c.RegionsOffering(service)
	}
	out := ""
	for i, r := range list {
		if i > 0 {
			out += ", "
		}
		out += r
	}
	return out
}

func deploymentTypesOf(t *testing.T, model string) string {
	t.Helper()
	out := ""
	for i, dt := range config.SortedKeys(config.DefaultCatalog().Models[model].Deployments) {
		if i > 0 {
			out += ", "
		}
		out += dt
	}
	return out
}

func TestAIDeploymentsWithinQuota(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	east.Provider = resourceProps(map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"})
	withCapacity := func(d *Resource, c any) *Resource {
		d.Props = set(d.Props, "sku.capacity", c)
		return d
	}
	a := withCapacity(deployment(t, "a", "aoai-eastus2", "Standard"), 100.0)
	b := withCapacity(deployment(t, "b", "aoai-eastus2", "Standard"), 60.0)
	const over = ": deployments \"aoai-eastus2-a\", \"aoai-eastus2-b\" of model \"gpt-4o\" as Standard in eastus2 (subscription 22222222-2222-2222-2222-222222222222) total capacity 160, above the quota of 150 (1K tokens per minute) per subscription and region; lower the capacity, or raise the quota with Azure and set it in the quotas config of ai-deployments-within-quota."
	runStackCases(t, AIDeploymentsWithinQuota, []stackCase{
		{name: "within quota", resources: []*Resource{east, a, withCapacity(deployment(t, "g", "aoai-eastus2", "GlobalStandard"), 450.0)}},
		{name: "over quota together", resources: []*Resource{east, a, b}, want: []string{b.URN + over}},
		{name: "raised quota", resources: []*Resource{east, a, b},
			ctx: withSettings(NewContext(), func(s *config.Settings) {
				s.Quotas = &config.Quotas{Models: map[string]map[string]int{"gpt-4o": {"Standard": 300}}}
			})},
		{name: "model-specific default quota", resources: []*Resource{east, withCapacity(func() *Resource {
			d := deployment(t, "emb", "aoai-eastus2", "GlobalStandard")
			d.Props = set(d.Props, "properties.model.name", "text-embedding-3-large")
			return d
		}(), 1000.0)}},
		{name: "capacity unknown", resources: []*Resource{east, withCapacity(deployment(t, "a", "aoai-eastus2", "Standard"), unknown)},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Deployment", "aoai-eastus2-a") + ": Cannot verify at preview that the capacity is within quota: sku.capacity is not known yet; checked again at update."}},
		{name: "no account in the stack", resources: []*Resource{a, b}},
	})
}
