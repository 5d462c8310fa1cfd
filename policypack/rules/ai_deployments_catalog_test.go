package rules

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestAIDeploymentsAvailable(t *testing.T) {
	cat := config.DefaultCatalog()
	east := endpoint(t, "aoai-eastus2", "eastus2")
	westus2 := endpoint(t, "aoai-westus2", "westus2")
	noLocation := endpoint(t, "aoai-rg", "eastus2")
	noLocation.Props = del(noLocation.Props, "location")
	unknownLoc := endpoint(t, "aoai-x", "eastus2")
	unknownLoc.Props = set(unknownLoc.Props, "location", unknown)
	model := func(d *Resource, name, version string) *Resource {
		d.Props = set(d.Props, "properties.model.name", name)
		if version == "" {
			d.Props = del(d.Props, "properties.model.version")
		} else {
			d.Props = set(d.Props, "properties.model.version", version)
		}
		return d
	}
	searchIn := func(region string) *Resource {
		return res(TypeSearchService, "srch", set(fixture(t, "search_valid"), "location", region))
	}
	deploymentURN := func(name string) string { return urn("azure-native:cognitiveservices/v20241001:Deployment", name) }
	regionsOf := func(model, version, dtype string) string {
		return strings.Join(cat.Models[model].Versions[version].Deployments[dtype], ", ")
	}
	const per = "; per the embedded catalog of 2026-12-02)."
	runStackCases(t, AIDeploymentsAvailable, []stackCase{
		{name: "available", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard"), deployment(t, "g", "aoai-eastus2", "GlobalStandard"),
			searchIn("East US 2"), res(TypeMLWorkspace, "ml", fixture(t, "ml_workspace_valid"))}},
		// A per-model catalog refused gpt-4o in uksouth as Standard; version
		// 2024-11-20 is offered there.
		{name: "version offered where older ones are not", resources: []*Resource{endpoint(t, "aoai-uk", "uksouth"), deployment(t, "chat", "aoai-uk", "Standard")}},
		{name: "no version, one offered there", resources: []*Resource{east, model(deployment(t, "chat", "aoai-eastus2", "Standard"), "gpt-4o", "")}},
		{name: "deployment of an account in another stack", resources: []*Resource{deployment(t, "chat", "aoai-elsewhere", "Standard")}},
		{name: "region without Azure OpenAI", resources: []*Resource{westus2},
			want: []string{westus2.URN + ": region \"westus2\" does not offer the Azure OpenAI / AI services account (catalog version " + cat.Version + "); use one of " + joinRegions(t, "openai") + "."}},
		{name: "region not in the catalog", resources: []*Resource{searchIn("marsnorth")},
			want: []string{urn(TypeSearchService, "srch") + ": location \"marsnorth\" is not a region of the availability catalog (version " + cat.Version + "); use one of " + joinRegions(t, "") + ", or add it to the catalog config of ai-deployments-available-in-region."}},
		{name: "location not set", resources: []*Resource{noLocation},
			want: []string{noLocation.URN + ": location is not set, so the Azure OpenAI / AI services account takes its resource group's region, which cannot be checked; set location explicitly."}},
		{name: "location unknown", resources: []*Resource{unknownLoc},
			want: []string{unknownLoc.URN + ": Cannot verify at preview that the region offers the Azure OpenAI / AI services account: location is not known yet; checked again at update."}},
		{name: "version not offered with the type", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard"), model(deployment(t, "g5", "aoai-eastus2", "Standard"), "gpt-5", "2025-08-07")},
			want: []string{deploymentURN("aoai-eastus2-g5") + ": model \"gpt-5\" version \"2025-08-07\" is not offered as Standard in any region; this version is offered as " +
				strings.Join(config.SortedKeys(cat.Models["gpt-5"].Versions["2025-08-07"].Deployments), ", ") + " (the region of account \"aoai-eastus2\"" + per}},
		// The corp stack as it shipped: text-embedding-3-large as Standard in westus.
		{name: "version not in region", resources: []*Resource{endpoint(t, "aoai-westus", "westus"), model(deployment(t, "emb", "aoai-westus", "Standard"), "text-embedding-3-large", "1")},
			want: []string{deploymentURN("aoai-westus-emb") + ": model \"text-embedding-3-large\" version \"1\" as Standard is not offered in region \"westus\"; regions that offer it: " +
				regionsOf("text-embedding-3-large", "1", "Standard") + " (the region of account \"aoai-westus\"" + per}},
		{name: "another version offered in the region", resources: []*Resource{endpoint(t, "aoai-uk", "uksouth"), model(deployment(t, "chat", "aoai-uk", "Standard"), "gpt-4o", "2024-08-06")},
			want: []string{deploymentURN("aoai-uk-chat") + ": model \"gpt-4o\" version \"2024-08-06\" as Standard is not offered in region \"uksouth\"; regions that offer it: " +
				regionsOf("gpt-4o", "2024-08-06", "Standard") + " (in uksouth, gpt-4o offers version 2024-11-20 as Standard) (the region of account \"aoai-uk\"" + per}},
		{name: "no version, none offered there", resources: []*Resource{endpoint(t, "aoai-korea", "koreacentral"), model(deployment(t, "chat", "aoai-korea", "Standard"), "gpt-4o", "")},
			want: []string{deploymentURN("aoai-korea-chat") + ": no version of model \"gpt-4o\" is offered as Standard in koreacentral (the region of account \"aoai-korea\"; per the embedded catalog of 2026-12-02); pin a version offered in the region."}},
		{name: "version not in the catalog", resources: []*Resource{east, model(deployment(t, "chat", "aoai-eastus2", "Standard"), "gpt-4o", "2023-01-01")},
			want: []string{deploymentURN("aoai-eastus2-chat") + ": model \"gpt-4o\" version \"2023-01-01\" is not in the availability catalog (version " + cat.Version + "); use one of 2024-05-13, 2024-08-06, 2024-11-20."}},
		{name: "unknown deployment type", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Premium")},
			want: []string{deploymentURN("aoai-eastus2-chat") + ": sku.name \"Premium\" is not a deployment type; use one of DataZoneBatch, DataZoneProvisionedManaged, DataZoneStandard, GlobalBatch, GlobalProvisionedManaged, GlobalStandard, ProvisionedManaged, Standard."}},
		{name: "model not in the catalog", resources: []*Resource{east, model(deployment(t, "chat", "aoai-eastus2", "Standard"), "gpt-9", "1")},
			want: []string{deploymentURN("aoai-eastus2-chat") + ": model \"gpt-9\" is not in the availability catalog (version " + cat.Version + "); use one of " + strings.Join(config.SortedKeys(cat.Models), ", ") + ", or add it to the catalog config of ai-deployments-available-in-region."}},
		{name: "replaced catalog", resources: []*Resource{westus2, deployment(t, "chat", "aoai-westus2", "Standard")},
			ctx: withSettings(NewContext(), func(s *config.Settings) {
				c := *s.Catalog
				c.Regions = map[string]config.Region{"westus2": {DisplayName: "West US 2", Services: []string{"openai"}}}
				c.Models = map[string]config.Model{"gpt-4o": {Versions: map[string]config.ModelVersion{"2024-11-20": {Deployments: map[string][]string{"Standard": {"westus2"}}}}}}
				s.Catalog = &c
			})},
	})
	for _, path := range []string{"properties.model.name", "properties.model.version"} {
		d := deployment(t, "chat", "aoai-eastus2", "Standard")
		d.Props = set(d.Props, path, unknown)
		what := map[string]string{"properties.model.name": "the model", "properties.model.version": "the model version"}[path]
		got := messages(NewContext(), AIDeploymentsAvailable.RunStack(NewContext(), NewStack([]*Resource{east, d})))
		if want := d.URN + ": Cannot verify at preview that " + what + " is offered in eastus2: " + path + " is not known yet; checked again at update."; len(got) != 1 || got[0] != want {
			t.Fatalf("got %q, want %q", got, want)
		}
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

// withImport is a context whose catalog has a subscription's import: in eastus2 the
// subscription sees only gpt-4o 2024-11-20 as Standard, with 10 left of 150.
func withImport(t *testing.T) *Context {
	t.Helper()
	return withSettings(NewContext(), func(s *config.Settings) {
		imp := map[string]any{"subscription": "22222222-2222-2222-2222-222222222222", "date": "2026-12-02",
			"regions": map[string]any{"eastus2": map[string]any{
				"models": map[string]any{"gpt-4o": map[string]any{"2024-11-20": map[string]any{"format": "OpenAI", "deploymentTypes": []any{"Standard"}}}},
				"quotas": map[string]any{"gpt-4o": map[string]any{"Standard": map[string]any{"limit": 150.0, "used": 140.0}}},
			}}}
		if err := s.Set("catalogImport", imp); err != nil {
			t.Fatal(err)
		}
	})
}

const importSource = "import from subscription 22222222-2222-2222-2222-222222222222 on 2026-12-02"

func TestAIDeploymentsWithImport(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	east.Provider = resourceProps(map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"})
	other := endpoint(t, "aoai-other", "eastus2")
	other.Provider = resourceProps(map[string]any{"subscriptionId": "33333333-3333-3333-3333-333333333333"})
	capacity := func(d *Resource, c float64) *Resource { d.Props = set(d.Props, "sku.capacity", c); return d }
	ctx := withImport(t)
	global := deployment(t, "g", "aoai-eastus2", "GlobalStandard")
	runStackCases(t, AIDeploymentsAvailable, []stackCase{
		{name: "offered to the subscription", ctx: ctx, resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard")}},
		{name: "missing from the import", ctx: ctx, resources: []*Resource{east, global},
			want: []string{global.URN + ": model \"gpt-4o\" version \"2024-11-20\" as GlobalStandard is not offered in region \"eastus2\"; regions that offer it: " +
				strings.Join(ctx.Settings.Catalog.Models["gpt-4o"].Versions["2024-11-20"].Deployments["GlobalStandard"], ", ") + " (the region of account \"aoai-eastus2\"; per the " + importSource + ")."}},
	})
	over := capacity(deployment(t, "a", "aoai-eastus2", "Standard"), 11)
	runStackCases(t, AIDeploymentsWithinQuota, []stackCase{
		{name: "within what is left", ctx: ctx, resources: []*Resource{east, capacity(deployment(t, "a", "aoai-eastus2", "Standard"), 10)}},
		{name: "above what is left", ctx: ctx, resources: []*Resource{east, over},
			want: []string{over.URN + ": deployments \"aoai-eastus2-a\" of model \"gpt-4o\" as Standard in eastus2 (subscription 22222222-2222-2222-2222-222222222222) request capacity 11, above what is left of the subscription's quota: 10 of 150 (1K tokens per minute) (per the " + importSource + "); lower the capacity, or raise the quota with Azure and import the listings again."}},
		{name: "another subscription keeps the catalog's quota", ctx: ctx, resources: []*Resource{other, capacity(deployment(t, "a", "aoai-other", "Standard"), 100)}},
	})
}

func TestAIDeploymentsLifecycle(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	on := func(day string, days int) *Context {
		return withSettings(NewContext(), func(s *config.Settings) { s.LifecycleAsOf, s.LifecycleWarningDays = day, days })
	}
	chat := deployment(t, "chat", "aoai-eastus2", "Standard")
	emb := deployment(t, "emb", "aoai-eastus2", "Standard")
	emb.Props = set(set(emb.Props, "properties.model.name", "text-embedding-3-small"), "properties.model.version", "1")
	noVersion := deployment(t, "nv", "aoai-eastus2", "Standard")
	noVersion.Props = del(noVersion.Props, "properties.model.version")
	const per = " (per the embedded catalog of 2026-12-02)"
	runStackCases(t, AIDeploymentsLifecycle, []stackCase{
		{name: "current version", ctx: on("2026-12-02", 90), resources: []*Resource{east, emb, noVersion}},
		{name: "retired", ctx: on("2026-12-02", 90), resources: []*Resource{east, chat},
			want: []string{chat.URN + ": model \"gpt-4o\" version \"2024-11-20\" as Standard retired on 2026-10-01" + per + ": its deployments no longer answer; deploy a current version."}},
		{name: "retiring within the window", ctx: on("2026-09-01", 60), resources: []*Resource{east, chat},
			want: []string{chat.URN + ": model \"gpt-4o\" version \"2024-11-20\" as Standard retires on 2026-10-01, in 30 days" + per + "; plan the move to a current version."}},
		{name: "outside the window, deprecated", ctx: on("2026-01-10", 30), resources: []*Resource{east, chat},
			want: []string{chat.URN + ": model \"gpt-4o\" version \"2024-11-20\" as Standard is deprecated since 2025-11-20" + per + ": subscriptions that never deployed it cannot deploy it."}},
		{name: "before deprecation", ctx: on("2025-06-01", 30), resources: []*Resource{east, chat}},
	})
}

// TestAIDeploymentsServicesFromImport: an import's provider listing of AI Search
// decides the regions a search service may use, and the verdict names the import.
func TestAIDeploymentsServicesFromImport(t *testing.T) {
	ctx := withSettings(NewContext(), func(s *config.Settings) {
		imp := map[string]any{"subscription": "22222222-2222-2222-2222-222222222222", "date": "2026-12-02",
			"regions":  map[string]any{"eastus2": map[string]any{"models": map[string]any{}}},
			"services": map[string]any{"search": []any{"eastus2"}}}
		if err := s.Set("catalogImport", imp); err != nil {
			t.Fatal(err)
		}
	})
	search := func(region string) *Resource {
		return res(TypeSearchService, "srch", set(fixture(t, "search_valid"), "location", region))
	}
	runStackCases(t, AIDeploymentsAvailable, []stackCase{
		{name: "a region the listing offers", ctx: ctx, resources: []*Resource{search("eastus2")}},
		{name: "a region the listing lacks", ctx: ctx, resources: []*Resource{search("westus2")},
			want: []string{urn(TypeSearchService, "srch") + ": region \"westus2\" does not offer the AI Search service (per the " + importSource + "); use one of eastus2."}},
	})
}
