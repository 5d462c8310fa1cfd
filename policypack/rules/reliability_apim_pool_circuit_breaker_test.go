package rules

import (
	"encoding/json"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// armPool returns a resources:Deployment whose template declares the pool over the
// backends aoai-eastus2 and aoai-swedencentral of service apim-ai (the shape
// azure/apimanagement.NewPoolBackend registers), under an API-version module.
func armPool(t *testing.T) *Resource {
	return res("azure-native:resources/v20240301:Deployment", "aoai-pool", fixture(t, "arm_deployment_pool_valid"))
}

const armPoolProps = "properties.template.resources[0].properties."

// TestReliabilityAPIMPoolInARMDeployment: the rule sees a pool declared in an ARM
// template (a Backend resource cannot be a pool), resolves its members from
// resourceId expressions, and still requires a 429 breaker on each.
func TestReliabilityAPIMPoolInARMDeployment(t *testing.T) {
	east := endpoint(t, "aoai-eastus2", "eastus2")
	sweden := endpoint(t, "aoai-swedencentral", "swedencentral")
	member := func(name string) *Resource {
		p := set(fixture(t, "backend_member_valid"), "backendId", name)
		return res("azure-native:apimanagement/v20240501:Backend", name, set(p, "url", "https://"+name+".openai.azure.com/openai"))
	}
	regional := []*Resource{east, sweden, deployment(t, "chat", "aoai-eastus2", "Standard"), deployment(t, "chat", "aoai-swedencentral", "Standard")}
	with := func(rs ...*Resource) []*Resource { return append(append([]*Resource{}, regional...), rs...) }
	mEast, mSweden := member("aoai-eastus2"), member("aoai-swedencentral")

	noBreaker := member("aoai-swedencentral")
	noBreaker.Props = del(noBreaker.Props, "circuitBreaker")
	otherService := member("aoai-swedencentral")
	otherService.Props = set(otherService.Props, "serviceName", "apim-other")
	onlyEast := armPool(t)
	onlyEast.Props = set(onlyEast.Props, armPoolProps+"pool.services", resource.NewProperty([]resource.PropertyValue{onlyEast.Get("properties.template.resources").Index(0).Get("properties.pool.services").Index(0).Raw()}))
	single := armPool(t)
	single.Props = set(single.Props, armPoolProps+"type", "Single")
	otherType := armPool(t)
	otherType.Props = set(otherType.Props, "properties.template.resources[0].type", "Microsoft.ApiManagement/service/apis")
	templateUnknown := armPool(t)
	templateUnknown.Props = set(templateUnknown.Props, "properties.template", unknown)
	byParameter := armPool(t)
	byParameter.Props = set(byParameter.Props, armPoolProps+"pool.services[1].id", "[resourceId('Microsoft.ApiManagement/service/backends', parameters('service'), 'aoai-swedencentral')]")
	byARMID := armPool(t)
	byARMID.Props = set(byARMID.Props, armPoolProps+"pool.services[1].id", "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.ApiManagement/service/apim-ai/backends/aoai-swedencentral")
	asString := armPool(t)
	tpl, _ := json.Marshal(asString.Get("properties.template").Raw().Mappable())
	asString.Props = set(asString.Props, "properties.template", string(tpl))
	symbolic := armPool(t)
	first := symbolic.Get("properties.template.resources").Index(0).Raw()
	symbolic.Props = set(symbolic.Props, "properties.template.resources", resource.NewProperty(resource.PropertyMap{"pool": first}))
	// Outputs alone: azure-native's Deployment state has no template.
	stateOnly := armPool(t)
	stateOnly.Props = del(stateOnly.Props, "properties.template")

	const addBreaker = "add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true."
	const notMember = ": endpoint \"aoai-swedencentral\" is not a member of an API Management pool; add a backend whose url is the endpoint's and list it in the pool's pool.services."
	const noPool = "2 AI endpoints serve regional deployments (\"aoai-eastus2\", \"aoai-swedencentral\") but no API Management backend is a pool; add a backend of type \"Pool\" whose pool.services are a backend per endpoint (declare it in the ARM template of a resources:Deployment: azure-native's Backend cannot create a pool)."
	runStackCases(t, ReliabilityAPIMPool, []stackCase{
		{name: "pool in an ARM deployment", resources: with(mEast, mSweden, armPool(t))},
		{name: "member named by ARM id", resources: with(mEast, mSweden, byARMID)},
		{name: "template as a JSON string", resources: with(mEast, mSweden, asString)},
		{name: "template resources by symbolic name", resources: with(mEast, mSweden, symbolic)},
		{name: "member without a circuit breaker", resources: with(mEast, noBreaker, armPool(t)),
			want: []string{noBreaker.URN + ": pool member backend \"aoai-swedencentral\" has no circuit breaker; " + addBreaker}},
		{name: "endpoint not in the pool", resources: with(mEast, mSweden, onlyEast),
			want: []string{sweden.URN + notMember}},
		{name: "member of another service", resources: with(mEast, otherService, armPool(t)),
			want: []string{sweden.URN + notMember}},
		{name: "template backend of type Single", resources: with(mEast, mSweden, single), want: []string{noPool}},
		{name: "template without a backend", resources: with(mEast, mSweden, otherType), want: []string{noPool}},
		{name: "template unknown at preview", resources: with(mEast, mSweden, templateUnknown),
			want: []string{templateUnknown.URN + ": Cannot verify at preview that an API Management backend is a pool over the AI endpoints: properties.template is not known yet; checked again at update."}},
		{name: "template only in the inputs", resources: with(mEast, mSweden, stateOnly),
			want: []string{stateOnly.URN + ": Cannot verify at preview that an API Management backend is a pool over the AI endpoints: properties.template is not known yet; checked again at update."}},
		{name: "member id over a template parameter", resources: with(mEast, mSweden, byParameter),
			want: []string{sweden.URN + ": Cannot verify at preview that endpoint \"aoai-swedencentral\" is a member of an API Management pool: url is not known yet; checked again at update."}},
	})

	// The stack check over azure-native's state: with the inputs Analyze saw overlaid,
	// the template is there; at update too.
	analyzedPool := stateOnly
	analyzedPool.ApplyInputs(armPool(t).Props)
	runStackCases(t, ReliabilityAPIMPool, []stackCase{
		{name: "state with the analyzed inputs", ctx: atUpdate(), resources: with(mEast, mSweden, analyzedPool)},
		{name: "state with the analyzed inputs, member without a breaker", ctx: atUpdate(), resources: with(mEast, noBreaker, analyzedPool),
			want: []string{noBreaker.URN + ": pool member backend \"aoai-swedencentral\" has no circuit breaker; " + addBreaker}},
	})
}

func TestResourceIDArgs(t *testing.T) {
	for in, want := range map[string][2]string{
		"[resourceId('Microsoft.ApiManagement/service/backends', 'apim', 'b')]":              {"apim", "b"},
		"[ resourceId('s', 'rg', 'microsoft.apimanagement/service/backends', 'apim', 'b') ]": {"apim", "b"},
		"[resourceId('Microsoft.ApiManagement/service/apis', 'apim', 'b')]":                  {},
		"[resourceId('Microsoft.ApiManagement/service/backends', variables('s'), 'b')]":      {},
		"[concat('a', 'b')]": {},
		"[resourceId('Microsoft.ApiManagement/service/backends', 'b')]": {},
	} {
		service, name, ok := resourceIDArgs(in)
		if ok != (want[1] != "") || service != want[0] || name != want[1] {
			t.Errorf("resourceIDArgs(%q) = %q, %q, %v; want %q", in, service, name, ok, want)
		}
	}
}
