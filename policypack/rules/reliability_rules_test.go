package rules

import (
	"testing"
)

// endpoint returns a production account named name in region.
func endpoint(t *testing.T, name, region string) *Resource {
	p := set(fixture(t, "account_valid"), "accountName", name)
	p = set(p, "location", region)
	p = set(p, "properties.customSubDomainName", name)
	return res(TypeAccount, name, p)
}

// deployment returns a deployment of account with a deployment type.
func deployment(t *testing.T, name, account, dtype string) *Resource {
	p := set(fixture(t, "deployment_valid"), "accountName", account)
	p = set(p, "deploymentName", name)
	p = set(p, "sku.name", dtype)
	return res("azure-native:cognitiveservices/v20241001:Deployment", account+"-"+name, p)
}

func TestReliabilityMultiRegion(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	sweden := endpoint(t, "aoai-swedencentral", "swedencentral")
	nonprod := endpoint(t, "aoai-dev", "eastus2")
	nonprod.Props = set(nonprod.Props, "tags.aiready-environment", "nonproduction")
	unknownLoc := endpoint(t, "aoai-x", "eastus2")
	unknownLoc.Props = set(unknownLoc.Props, "location", unknown)
	byDependency := deployment(t, "chat", "aoai-eastus2", "Standard")
	byDependency.Props = set(byDependency.Props, "accountName", unknown)
	byDependency.PropertyDependencies = map[string][]string{"accountName": {east.URN}}
	runStackCases(t, ReliabilityMultiRegion, []stackCase{
		{name: "two regions", resources: []*Resource{east, sweden, deployment(t, "chat", "aoai-eastus2", "Standard")}},
		{name: "one region, global deployments", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "GlobalStandard"), deployment(t, "emb", "aoai-eastus2", "DataZoneStandard")}},
		{name: "nonproduction", resources: []*Resource{nonprod, deployment(t, "chat", "aoai-dev", "Standard")}},
		{name: "one region, regional deployment", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "GlobalStandard"), byDependency},
			want: []string{"production AI endpoints are all in one region (eastus2) and deployments \"aoai-eastus2-chat\" (\"Standard\") are regional; add an endpoint in a second region behind API Management, or use global deployment types (GlobalStandard, DataZoneStandard) (environment production (from tags))."}},
		{name: "one region, no deployment", resources: []*Resource{east}, ctx: ctxWith("", "production"),
			want: []string{"production AI endpoints are all in one region (eastus2) and no model deployment uses a global deployment type; add an endpoint in a second region behind API Management, or use global deployment types (GlobalStandard, DataZoneStandard) (environment production (from tags))."}},
		{name: "location unknown", resources: []*Resource{unknownLoc, deployment(t, "chat", "aoai-x", "Standard")},
			want: []string{"Cannot verify at preview that the production AI endpoints span two regions (account \"aoai-x\"): location is not known yet; checked again at update."}},
		{name: "other types are ignored", resources: []*Resource{res(TypeSearchService, "s", fixture(t, "search_valid"))}},
	})
	// the deployment type unknown case
	d := deployment(t, "chat", "aoai-eastus2", "x")
	d.Props = set(d.Props, "sku.name", unknown)
	got := messages(NewContext(), ReliabilityMultiRegion.RunStack(NewContext(), NewStack([]*Resource{east, d})))
	want := d.URN + ": Cannot verify at preview that deployment \"aoai-eastus2-chat\" uses a global deployment type: sku.name is not known yet; checked again at update."
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestReliabilityAPIMPool(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	sweden := endpoint(t, "aoai-swedencentral", "swedencentral")
	member := func(name, url string) *Resource {
		p := set(fixture(t, "backend_member_valid"), "backendId", name)
		return res("azure-native:apimanagement/v20240501:Backend", name, set(p, "url", url))
	}
	mEast := member("aoai-eastus2", "https://aoai-eastus2.openai.azure.com/openai")
	mSweden := member("aoai-swedencentral", "https://aoai-swedencentral.openai.azure.com/openai")
	pool := res("azure-native:apimanagement/v20240501:Backend", "aoai-pool", fixture(t, "backend_pool_valid"))
	regional := []*Resource{east, sweden, deployment(t, "chat", "aoai-eastus2", "Standard"), deployment(t, "chat", "aoai-swedencentral", "ProvisionedManaged")}
	noBreaker := member("aoai-swedencentral", "https://aoai-swedencentral.openai.azure.com/openai")
	noBreaker.Props = set(noBreaker.Props, "circuitBreaker.rules[0].failureCondition.statusCodeRanges", []any{map[string]any{"min": 500, "max": 599}})
	unknownURL := member("aoai-swedencentral", "x")
	unknownURL.Props = set(unknownURL.Props, "url", unknown)
	linkedURL := member("aoai-swedencentral", "x")
	linkedURL.Props = set(linkedURL.Props, "url", unknown)
	linkedURL.PropertyDependencies = map[string][]string{"url": {sweden.URN}}
	// From another language, the url's dependency is the component the endpoint is in.
	component := res("aiready:ai:RegionalAIEndpoint", "ai-swedencentral", nil)
	swedenInComponent := *sweden
	swedenInComponent.Parent = component.URN
	viaComponent := member("aoai-swedencentral", "x")
	viaComponent.Props = set(viaComponent.Props, "url", unknown)
	viaComponent.PropertyDependencies = map[string][]string{"url": {component.URN}}
	inComponent := []*Resource{east, &swedenInComponent, component, regional[2], regional[3]}
	const memberMissing = ": endpoint \"aoai-swedencentral\" is not a member of an API Management pool; add a backend whose url is the endpoint's and list it in the pool's pool.services."
	runStackCases(t, ReliabilityAPIMPool, []stackCase{
		{name: "pool with breakers", resources: append(append([]*Resource{}, regional...), mEast, mSweden, pool)},
		{name: "url linked by dependency at preview", resources: append(append([]*Resource{}, regional...), mEast, linkedURL, pool)},
		{name: "url linked through the endpoint's component at preview", resources: append(inComponent, mEast, viaComponent, pool)},
		{name: "a component without the endpoint links nothing", resources: append(append([]*Resource{component}, regional...), mEast, viaComponent, pool),
			want: []string{urn(TypeAccount, "aoai-swedencentral") + ": Cannot verify at preview that endpoint \"aoai-swedencentral\" is a member of an API Management pool: url is not known yet; checked again at update."}},
		{name: "global deployments need no pool", resources: []*Resource{east, sweden, deployment(t, "chat", "aoai-eastus2", "GlobalStandard"), deployment(t, "chat", "aoai-swedencentral", "GlobalStandard")}},
		{name: "one regional endpoint needs no pool", resources: []*Resource{east, deployment(t, "chat", "aoai-eastus2", "Standard")}},
		{name: "no pool", resources: append(append([]*Resource{}, regional...), mEast, mSweden),
			want: []string{"2 AI endpoints serve regional deployments (\"aoai-eastus2\", \"aoai-swedencentral\") but no API Management backend is a pool; add a backend of type \"Pool\" whose pool.services are a backend per endpoint (declare it in the ARM template of a resources:Deployment: azure-native's Backend cannot create a pool)."}},
		{name: "endpoint not in the pool", resources: append(append([]*Resource{}, regional...), mEast, pool),
			want: []string{urn(TypeAccount, "aoai-swedencentral") + memberMissing}},
		{name: "member without a 429 breaker", resources: append(append([]*Resource{}, regional...), mEast, noBreaker, pool),
			want: []string{noBreaker.URN + ": pool member backend \"aoai-swedencentral\" has no circuit breaker rule that trips on 429; add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true."}},
		{name: "member url unknown", resources: append(append([]*Resource{}, regional...), mEast, unknownURL, pool),
			want: []string{urn(TypeAccount, "aoai-swedencentral") + ": Cannot verify at preview that endpoint \"aoai-swedencentral\" is a member of an API Management pool: url is not known yet; checked again at update."}},
	})
}

func TestReliabilityRAGColocated(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	search := func(region string) *Resource {
		return res(TypeSearchService, "srch-"+region, set(fixture(t, "search_valid"), "location", region))
	}
	storage := func(region, component string) *Resource {
		p := set(fixture(t, "storage_valid"), "location", region)
		p = set(p, "tags.aiready-component", component)
		return res(TypeStorageAccount, "st-"+region+"-"+component, p)
	}
	replica := storage("westus", "AssetReplication")
	orp := res(TypeObjectReplication, "orp", resourceProps(map[string]any{"accountName": "dst", "sourceAccount": "stcorpassets", "destinationAccount": unknown}))
	orp.PropertyDependencies = map[string][]string{"destinationAccount": {replica.URN}}
	runStackCases(t, ReliabilityRAGColocated, []stackCase{
		{name: "co-located", resources: []*Resource{east, search("eastus2"), storage("eastus2", "AssetReplication")}},
		{name: "no endpoints", resources: []*Resource{search("westus")}},
		{name: "other components' storage is not RAG data", resources: []*Resource{east, storage("westus", "SecureNetwork")}},
		{name: "replication destinations are exempt", resources: []*Resource{east, replica, orp}},
		{name: "search elsewhere", resources: []*Resource{east, search("westeurope")},
			want: []string{urn(TypeSearchService, "srch-westeurope") + ": search service \"srch-westeurope\" is in westeurope but the AI endpoints are in eastus2; keep retrieval data in the endpoint's region to avoid cross-region latency."}},
		{name: "storage elsewhere", resources: []*Resource{east, storage("West Europe", "AssetReplication")},
			want: []string{urn(TypeStorageAccount, "st-West Europe-AssetReplication") + ": storage account \"st-West Europe-AssetReplication\" is in westeurope but the AI endpoints are in eastus2; keep retrieval data in the endpoint's region to avoid cross-region latency."}},
		{name: "search location unknown", resources: []*Resource{east, res(TypeSearchService, "s", set(fixture(t, "search_valid"), "location", unknown))},
			want: []string{urn(TypeSearchService, "s") + ": Cannot verify at preview that search service \"s\" is in a region of the AI endpoints: location is not known yet; checked again at update."}},
	})
}

func TestReliabilityAssetReplication(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	storage := func(name, sku string) *Resource {
		p := set(fixture(t, "storage_valid"), "accountName", name)
		return res(TypeStorageAccount, name, set(p, "sku.name", sku))
	}
	search := func(region string) *Resource {
		return res(TypeSearchService, "srch-"+region, set(fixture(t, "search_valid"), "location", region))
	}
	lrs := storage("stassets", "Standard_LRS")
	orp := res(TypeObjectReplication, "orp", resourceProps(map[string]any{"accountName": "stcopy", "sourceAccount": "stassets", "destinationAccount": "stcopy"}))
	orpUnknown := res(TypeObjectReplication, "orp", resourceProps(map[string]any{"accountName": unknown, "sourceAccount": unknown, "destinationAccount": unknown}))
	nonprod := storage("stdev", "Standard_LRS")
	nonprod.Props = set(nonprod.Props, "tags.aiready-environment", "nonproduction")
	runStackCases(t, ReliabilityAssetReplication, []stackCase{
		{name: "geo-redundant and two search regions", resources: []*Resource{east, storage("stassets", "Standard_RAGZRS"), search("eastus2"), search("centralus")}},
		{name: "object replication", resources: []*Resource{east, lrs, storage("stcopy", "Standard_LRS"), orp}},
		{name: "nonproduction", resources: []*Resource{east, nonprod}},
		{name: "no AI workload", resources: []*Resource{lrs}},
		{name: "locally redundant", resources: []*Resource{east, lrs},
			want: []string{lrs.URN + ": storage account \"stassets\" has sku.name \"Standard_LRS\" and no object replication policy; use \"Standard_GRS\", \"Standard_RAGRS\", \"Standard_GZRS\", \"Standard_RAGZRS\", or replicate it to an account in the secondary region with a storage:ObjectReplicationPolicy (environment production (from tags))."}},
		{name: "replication accounts unknown", resources: []*Resource{east, lrs, orpUnknown},
			want: []string{lrs.URN + ": Cannot verify at preview that storage account \"stassets\" is replicated: sourceAccount is not known yet; checked again at update."}},
		{name: "sku unknown", resources: []*Resource{east, res(TypeStorageAccount, "st", set(fixture(t, "storage_valid"), "sku.name", unknown))},
			want: []string{urn(TypeStorageAccount, "st") + ": Cannot verify at preview that storage account \"st\" is geo-redundant: sku.name is not known yet; checked again at update."}},
		{name: "search in one region", resources: []*Resource{east, search("eastus2")},
			want: []string{urn(TypeSearchService, "srch-eastus2") + ": production AI Search services are all in eastus2; add a search service in the secondary region and keep it in sync (AI Search has no geo-replication) (environment production (from tags))."}},
	})
}
