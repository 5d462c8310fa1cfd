package aiendpoint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// poolProps is the path of the pool backend's properties in its deployment's template.
const poolProps = "properties.template.resources[0].properties."

const openAIUserRole = testSubscription + "/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"

func TestGatewayTwoRegions(t *testing.T) {
	args := validGatewayArgs("eastus", "swedencentral")
	args.Members[1].Priority = 2
	args.Members[1].Weight = 100
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewAIGateway(ctx, "gw", args)
		return err
	})
	comp := component(t, rec, AIGatewayTypeToken, "gw")
	want := []string{
		apimanagement.ApiManagementServiceType + " gw-apim",
		diagnosticSettingType + " gw-diagnostics",
		apimanagement.BackendType + " gw-backend-eastus",
		apimanagement.BackendType + " gw-backend-swedencentral",
		apimanagement.DeploymentType + " gw-pool",
		roleAssignmentType + " gw-openai-user-eastus",
		roleAssignmentType + " gw-openai-user-swedencentral",
		apimanagement.ApiType + " gw-api",
		apimanagement.ApiOperationType + " gw-op-chat-completions",
		apimanagement.ApiOperationType + " gw-op-completions",
		apimanagement.ApiOperationType + " gw-op-embeddings",
		apimanagement.ApiPolicyType + " gw-api-policy",
		privateZoneType + " gw-dns",
		recordSetType + " gw-dns-gateway",
		zoneLinkType + " gw-dns-link-gateway",
	}
	slices.Sort(want)
	if got := childTypes(rec, comp); !slices.Equal(got, want) {
		t.Errorf("children:\n got %v\nwant %v", got, want)
	}
	if n := len(rec.Resources()); n != len(want)+1 {
		t.Errorf("%d resources registered, want the component and its %d children (no public IP in Internal mode)", n, len(want))
	}

	svc := rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim")
	if svc.Version != "2.90.0" {
		t.Errorf("service provider version = %q", svc.Version)
	}
	for path, want := range map[string]string{
		"serviceName":        "contoso-ai-gateway",
		"location":           "eastus",
		"sku.name":           "Developer",
		"identity.type":      "SystemAssigned",
		"virtualNetworkType": "Internal",
		"virtualNetworkConfiguration.subnetResourceId": subnetID("eastus", "snet-apim"),
		"publisherEmail":                     "ai-platform@contoso.com",
		"apiVersionConstraint.minApiVersion": "2021-08-01",
		"developerPortalStatus":              "Disabled",
		"tags.aiready-archetype":             "corp",
		"tags.aiready-environment":           "nonproduction",
		"tags.aiready-component":             "AIGateway",
	} {
		wantString(t, svc, path, want)
	}
	wantNumber(t, svc, "sku.capacity", 1)
	props, _ := svc.Input("customProperties")
	for key, want := range secureCustomProperties {
		if v, ok := props.ObjectValue()[resource.PropertyKey(key)]; !ok || v.StringValue() != want {
			t.Errorf("customProperties[%s] = %v, want %q", key, v, want)
		}
	}
	if _, ok := svc.Input("publicIpAddressId"); ok {
		t.Error("Internal mode without PublicIPAddressID must leave the management address to Azure")
	}
	if svc.Protect {
		t.Error("a non-production gateway is not protected")
	}

	checkMembers(t, rec, args)
	checkAPI(t, rec, "gw", 1)

	diag := rec.Named(t, diagnosticSettingType, "gw-diagnostics")
	wantString(t, diag, "resourceUri", svc.ID)
	wantString(t, diag, "logs[0].categoryGroup", "allLogs")
}

func TestGatewayThreeRegionsOnlineProduction(t *testing.T) {
	args := validGatewayArgs("eastus", "swedencentral", "westus3")
	args.Archetype = ArchetypeOnline
	args.Production = true
	args.Zones = []string{"1", "2"}
	args.Capacity = 2
	args.Members[0].Priority, args.Members[0].Weight = 1, 70
	args.Members[1].Priority, args.Members[1].Weight = 1, 30
	args.Members[2].Priority, args.Members[2].Weight = 2, 0
	args.CircuitBreaker = CircuitBreaker{FailureCount: 3, FailureWindow: 30 * time.Second, TripDuration: 90 * time.Second}
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewAIGateway(ctx, "gw", args)
		return err
	})
	svc := rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim")
	wantString(t, svc, "sku.name", "Premium")
	wantNumber(t, svc, "sku.capacity", 2)
	wantString(t, svc, "virtualNetworkType", "External")
	wantString(t, svc, "zones[1]", "2")
	wantString(t, svc, "tags.aiready-environment", "production")
	if !svc.Protect {
		t.Error("a production gateway is protected")
	}
	pip := rec.Named(t, publicIPType, "gw-pip")
	wantString(t, svc, "publicIpAddressId", pip.ID)
	wantString(t, pip, "sku.name", "Standard")
	wantString(t, pip, "publicIPAllocationMethod", "Static")
	wantString(t, pip, "dnsSettings.domainNameLabel", "contoso-ai-gateway")
	wantString(t, pip, "zones[0]", "1")
	comp := component(t, rec, AIGatewayTypeToken, "gw")
	if pip.Parent != comp.URN {
		t.Error("the public IP is not a child of the gateway")
	}

	checkMembers(t, rec, args)
	for _, r := range []string{"eastus", "swedencentral", "westus3"} {
		be := rec.Named(t, apimanagement.BackendType, "gw-backend-"+r)
		wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.count", 3)
		wantString(t, be, "circuitBreaker.rules[0].failureCondition.interval", "PT30S")
		wantString(t, be, "circuitBreaker.rules[0].tripDuration", "PT1M30S")
	}
	// The third member's weight 0 means the default, 1.
	wantNumber(t, rec.Named(t, apimanagement.DeploymentType, "gw-pool"), poolProps+"pool.services[2].weight", 1)
	checkAPI(t, rec, "gw", 2)
}

func TestGatewayWithExistingPublicIP(t *testing.T) {
	args := validGatewayArgs("eastus", "swedencentral")
	pipID := testSubscription + "/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/pip-apim"
	args.PublicIPAddressID = pulumi.String(pipID)
	args.Archetype = ArchetypeOnline
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewAIGateway(ctx, "gw", args)
		return err
	})
	if n := rec.Count(publicIPType); n != 0 {
		t.Errorf("%d public IPs created; the given one should be used", n)
	}
	wantString(t, rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim"), "publicIpAddressId", pipID)
}

// checkMembers asserts one backend with a circuit breaker per member, the pool over
// them (ids, priorities, weights) and the gateway's role on every account.
func checkMembers(t *testing.T, rec *pulumitest.Recorder, args *GatewayArgs) {
	t.Helper()
	svc := rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim")
	pool := rec.Named(t, apimanagement.DeploymentType, "gw-pool")
	wantString(t, pool, "resourceGroupName", "rg-ai-gateway")
	wantString(t, pool, "deploymentName", "contoso-ai-gateway-openai-pool")
	wantString(t, pool, "properties.mode", "Incremental")
	if n := pool.Len("properties.template.resources"); n != 1 {
		t.Fatalf("the pool's template has %d resources, want 1", n)
	}
	wantString(t, pool, "properties.template.resources[0].type", "Microsoft.ApiManagement/service/backends")
	wantString(t, pool, "properties.template.resources[0].apiVersion", "2024-05-01")
	wantString(t, pool, "properties.template.resources[0].name", "contoso-ai-gateway/openai-pool")
	wantString(t, pool, poolProps+"type", "Pool")
	// ARM refuses url and protocol on a pool; the pool has no circuit breaker of its own.
	for _, absent := range []string{"url", "protocol", "circuitBreaker"} {
		if _, ok := pool.Input(poolProps + absent); ok {
			t.Errorf("the pool backend has %s", absent)
		}
	}
	if !slices.Contains(pool.Dependencies, svc.URN) {
		t.Error("the pool does not wait for the service")
	}
	if n := pool.Len(poolProps + "pool.services"); n != len(args.Members) {
		t.Fatalf("pool has %d members, want %d", n, len(args.Members))
	}
	for i, m := range args.Members {
		be := rec.Named(t, apimanagement.BackendType, "gw-backend-"+m.Region)
		if be.Version != "2.90.0" {
			t.Errorf("backend provider version = %q", be.Version)
		}
		wantString(t, be, "type", "Single")
		wantString(t, be, "backendId", "openai-"+m.Region)
		wantString(t, be, "url", "https://contoso-ai-"+m.Region+".openai.azure.com/openai")
		wantString(t, be, "protocol", "http")
		wantBool(t, be, "tls.validateCertificateChain", true)
		if n := be.Len("circuitBreaker.rules"); n != 1 {
			t.Fatalf("%s has %d circuit breaker rules, want 1", be.Name, n)
		}
		wantBool(t, be, "circuitBreaker.rules[0].acceptRetryAfter", true)
		if n := be.Len("circuitBreaker.rules[0].failureCondition.statusCodeRanges"); n != 2 {
			t.Errorf("%s has %d status code ranges, want 2", be.Name, n)
		}
		wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].min", 429)
		wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.statusCodeRanges[0].max", 429)
		wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.statusCodeRanges[1].min", 500)
		wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.statusCodeRanges[1].max", 599)
		if args.CircuitBreaker == (CircuitBreaker{}) {
			wantNumber(t, be, "circuitBreaker.rules[0].failureCondition.count", 1)
			wantString(t, be, "circuitBreaker.rules[0].failureCondition.interval", "PT1M")
			wantString(t, be, "circuitBreaker.rules[0].tripDuration", "PT1M")
		}
		if !slices.Contains(be.Dependencies, svc.URN) {
			t.Errorf("%s does not depend on the service", be.Name)
		}

		if be.DeletedWith != svc.URN {
			t.Errorf("%s is not deleted with the service (DeletedWith %q)", be.Name, be.DeletedWith)
		}

		wantString(t, pool, fmt.Sprintf(poolProps+"pool.services[%d].id", i), "[resourceId('Microsoft.ApiManagement/service/backends', 'contoso-ai-gateway', 'openai-"+m.Region+"')]")
		wantNumber(t, pool, fmt.Sprintf(poolProps+"pool.services[%d].priority", i), float64(m.Priority))
		if m.Weight != 0 {
			wantNumber(t, pool, fmt.Sprintf(poolProps+"pool.services[%d].weight", i), float64(m.Weight))
		}
		if !slices.Contains(pool.Dependencies, be.URN) {
			t.Errorf("the pool does not depend on %s", be.Name)
		}

		ra := rec.Named(t, roleAssignmentType, "gw-openai-user-"+m.Region)
		wantString(t, ra, "principalId", "principal-gw-apim")
		wantString(t, ra, "principalType", "ServicePrincipal")
		wantString(t, ra, "roleDefinitionId", openAIUserRole)
		wantString(t, ra, "scope", fmt.Sprintf("%s/resourceGroups/rg-ai-%s/providers/Microsoft.CognitiveServices/accounts/contoso-ai-%s", testSubscription, m.Region, m.Region))
	}
}

// checkAPI asserts the OpenAI API, its operations and its policy.
func checkAPI(t *testing.T, rec *pulumitest.Recorder, name string, retries int) {
	t.Helper()
	api := rec.Named(t, apimanagement.ApiType, name+"-api")
	wantString(t, api, "apiId", "azure-openai")
	wantString(t, api, "path", "openai")
	wantString(t, api, "protocols[0]", "https")
	wantBool(t, api, "subscriptionRequired", true)
	wantString(t, api, "subscriptionKeyParameterNames.header", "api-key")
	for _, op := range []struct{ id, url string }{
		{"chat-completions", "/deployments/{deployment-id}/chat/completions"},
		{"completions", "/deployments/{deployment-id}/completions"},
		{"embeddings", "/deployments/{deployment-id}/embeddings"},
	} {
		o := rec.Named(t, apimanagement.ApiOperationType, name+"-op-"+op.id)
		wantString(t, o, "apiId", "azure-openai")
		wantString(t, o, "method", "POST")
		wantString(t, o, "urlTemplate", op.url)
		wantString(t, o, "templateParameters[0].name", "deployment-id")
		wantBool(t, o, "templateParameters[0].required", true)
		wantString(t, o, "request.queryParameters[0].name", "api-version")
		wantBool(t, o, "request.queryParameters[0].required", true)
		if !slices.Contains(o.Dependencies, api.URN) {
			t.Errorf("operation %s does not depend on the API", op.id)
		}
	}
	policy := rec.Named(t, apimanagement.ApiPolicyType, name+"-api-policy")
	wantString(t, policy, "format", "rawxml")
	wantString(t, policy, "policyId", "policy")
	wantString(t, policy, "apiId", "azure-openai")
	pool := rec.Named(t, apimanagement.DeploymentType, name+"-pool")
	if !slices.Contains(policy.Dependencies, pool.URN) || !slices.Contains(policy.Dependencies, api.URN) {
		t.Error("the policy does not depend on the pool and the API")
	}
	xml := policy.String("value")
	for _, want := range []string{
		`<set-backend-service backend-id="openai-pool" />`,
		`<authentication-managed-identity resource="https://cognitiveservices.azure.com" />`,
		`<set-header name="api-key" exists-action="delete" />`,
		fmt.Sprintf(`count="%d"`, retries),
		`context.Response.StatusCode == 429`,
		`context.Response.StatusCode >= 500`,
		`<forward-request buffer-request-body="true" />`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("policy lacks %s:\n%s", want, xml)
		}
	}
	// The identity authenticates after the route is chosen, inside inbound.
	inbound := xml[strings.Index(xml, "<inbound>"):strings.Index(xml, "</inbound>")]
	if !strings.Contains(inbound, "authentication-managed-identity") || !strings.Contains(inbound, "set-backend-service") {
		t.Errorf("inbound section lacks routing or authentication:\n%s", inbound)
	}
	if strings.Contains(xml, "&amp;") {
		t.Error("a rawxml policy must not XML-escape its expressions")
	}
}

func TestPolicyXML(t *testing.T) {
	want := `<policies>
  <inbound>
    <base />
    <set-header name="api-key" exists-action="delete" />
    <set-backend-service backend-id="openai-pool" />
    <authentication-managed-identity resource="https://cognitiveservices.azure.com" />
  </inbound>
  <backend>
    <retry condition="@(context.Response.StatusCode == 429 || (context.Response.StatusCode >= 500 && !(context.Response.StatusReason ?? string.Empty).Contains("Backend pool")))" count="2" interval="1" first-fast-retry="true">
      <forward-request buffer-request-body="true" />
    </retry>
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>
`
	if got := apiPolicyXML("openai-pool", 2); got != want {
		t.Errorf("policy:\n%s\nwant:\n%s", got, want)
	}
}

// TestGatewayOverEndpoints composes the two components the way a stack does.
func TestGatewayOverEndpoints(t *testing.T) {
	rec := runOK(t, func(ctx *pulumi.Context) error {
		var members []GatewayMember
		for i, region := range []string{"eastus", "swedencentral"} {
			ep, err := NewRegionalAIEndpoint(ctx, "ai-"+region, validEndpointArgs(region))
			if err != nil {
				return err
			}
			members = append(members, ep.Member(i, 50))
		}
		args := validGatewayArgs()
		args.Members = members
		_, err := NewAIGateway(ctx, "gw", args)
		return err
	})
	for _, region := range []string{"eastus", "swedencentral"} {
		acct := rec.Named(t, cognitiveservices.AccountType, "ai-"+region+"-account")
		be := rec.Named(t, apimanagement.BackendType, "gw-backend-"+region)
		wantString(t, be, "url", "https://contoso-ai-"+region+".openai.azure.com/openai")
		if !slices.Contains(be.Dependencies, acct.URN) {
			t.Errorf("backend %s does not depend on its account", region)
		}
		ra := rec.Named(t, roleAssignmentType, "gw-openai-user-"+region)
		wantString(t, ra, "scope", acct.ID)
		wantString(t, ra, "roleDefinitionId", openAIUserRole)
	}
	wantNumber(t, rec.Named(t, apimanagement.DeploymentType, "gw-pool"), poolProps+"pool.services[1].priority", 1)
}

func TestGatewayOutputs(t *testing.T) {
	var url, endpoint, principal, pool string
	var ips []string
	var backends map[string]string
	rec := runOK(t, func(ctx *pulumi.Context) error {
		gw, err := NewAIGateway(ctx, "gw", validGatewayArgs("eastus", "swedencentral"))
		if err != nil {
			return err
		}
		if gw.PoolBackendName != "openai-pool" {
			t.Errorf("PoolBackendName = %q", gw.PoolBackendName)
		}
		pulumi.All(gw.GatewayURL, gw.OpenAIEndpoint, gw.PrincipalID, gw.PoolBackendID, gw.PrivateIPAddresses, gw.BackendIDs).ApplyT(func(v []any) error {
			url, endpoint, principal, pool = v[0].(string), v[1].(string), v[2].(string), v[3].(string)
			ips, backends = v[4].([]string), v[5].(map[string]string)
			return nil
		})
		return nil
	})
	if url != "https://contoso-ai-gateway.azure-api.net" || endpoint != "https://contoso-ai-gateway.azure-api.net/" {
		t.Errorf("GatewayURL = %q, OpenAIEndpoint = %q", url, endpoint)
	}
	if principal != "principal-gw-apim" {
		t.Errorf("PrincipalID = %q", principal)
	}
	if want := testSubscription + "/resourceGroups/mock/providers/Microsoft.ApiManagement/service/contoso-ai-gateway/backends/openai-pool"; pool != want {
		t.Errorf("PoolBackendID = %q", pool)
	}
	if !slices.Equal(ips, []string{"10.20.2.4"}) {
		t.Errorf("PrivateIPAddresses = %v", ips)
	}
	if backends["swedencentral"] != rec.Named(t, apimanagement.BackendType, "gw-backend-swedencentral").ID || len(backends) != 2 {
		t.Errorf("BackendIDs = %v", backends)
	}
}

func TestGatewayGlobalOnly(t *testing.T) {
	global := func() *GatewayArgs {
		a := validGatewayArgs("eastus", "swedencentral")
		a.Members[0].DeploymentTypes = []string{"GlobalStandard"}
		a.Members[1].DeploymentTypes = []string{"DataZoneStandard", "GlobalProvisionedManaged"}
		return a
	}
	wantRejected(t, func(ctx *pulumi.Context) error {
		_, err := NewAIGateway(ctx, "gw", global())
		return err
	}, `Gateway "gw": Members: every member has only global or data-zone deployment types (eastus: GlobalStandard; swedencentral: DataZoneStandard, GlobalProvisionedManaged); these deployments already route requests across regions with available capacity, so a gateway adds nothing for regional redundancy: drop the gateway, deploy a regional type (ProvisionedManaged, Standard), or set AllowGlobalOnly to build it anyway`)

	t.Run("opt in", func(t *testing.T) {
		args := global()
		args.AllowGlobalOnly = true
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := NewAIGateway(ctx, "gw", args)
			return err
		})
		rec.Named(t, apimanagement.DeploymentType, "gw-pool")
	})
	t.Run("one regional member is enough", func(t *testing.T) {
		args := global()
		args.Members[1].DeploymentTypes = append(args.Members[1].DeploymentTypes, "Standard")
		if err := args.Validate(); err != nil {
			t.Errorf("a member with a regional deployment makes the gateway useful: %v", err)
		}
	})
}

func TestGatewayRejectsBadInput(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *GatewayArgs)
		want   string
	}{
		{
			name:   "one region",
			change: func(a *GatewayArgs) { a.Members = a.Members[:1] },
			want:   `Members: 1 given; a gateway balances across regions and needs at least 2 regional endpoints in different regions`,
		},
		{
			name:   "no members",
			change: func(a *GatewayArgs) { a.Members = nil },
			want:   `Members: 0 given; a gateway balances across regions and needs at least 2 regional endpoints in different regions`,
		},
		{
			name: "pool over 30 members",
			change: func(a *GatewayArgs) {
				regions := a.catalog().RegionNames()
				a.Members = nil
				for _, r := range regions[:MaxPoolMembers+1] {
					a.Members = append(a.Members, GatewayMember{
						Region: r, Endpoint: pulumi.String("https://contoso-" + r + ".openai.azure.com/"),
						AccountID:       pulumi.String(testSubscription + "/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso-" + r),
						DeploymentTypes: []string{"Standard"},
					})
				}
			},
			want: `Members: 31 given; an API Management pool holds at most 30 backends`,
		},
		{
			name:   "primary region equal to secondary",
			change: func(a *GatewayArgs) { a.Members[1].Region = "eastus"; a.Members[1].BackendName = "openai-eastus-2" },
			want:   `Members[1].Region: "eastus" is also the region of Members[0]; a gateway balances across regions, so give each region one endpoint (the primary and the secondary region must differ)`,
		},
		{
			name:   "duplicate backend names",
			change: func(a *GatewayArgs) { a.Members[1].BackendName = "OpenAI-eastus" },
			want:   `Members[1].BackendName: "OpenAI-eastus" is also the backend of Members[0]; backend names are unique in the service`,
		},
		{
			name:   "priority over 100",
			change: func(a *GatewayArgs) { a.Members[0].Priority = 101 },
			want:   `Members[0].Priority: 101 must be between 0 and 100 (lower is tried first)`,
		},
		{
			name:   "negative weight",
			change: func(a *GatewayArgs) { a.Members[1].Weight = -1 },
			want:   `Members[1].Weight: -1 must be between 0 and 100 (0 takes the default, 1)`,
		},
		{
			name:   "bad publisher email",
			change: func(a *GatewayArgs) { a.PublisherEmail = "ai-platform at contoso" },
			want:   `PublisherEmail: "ai-platform at contoso" is not an email address; give a bare address such as ai-platform@contoso.com`,
		},
		{
			name:   "publisher email with a display name",
			change: func(a *GatewayArgs) { a.PublisherEmail = "AI <ai@contoso.com>" },
			want:   `PublisherEmail: "AI <ai@contoso.com>" is not an email address; give a bare address such as ai-platform@contoso.com`,
		},
		{
			name:   "unknown member region",
			change: func(a *GatewayArgs) { a.Members[1].Region = "swedencentrall" },
			want: `Members[1].Region: region "swedencentrall": unknown region; use an Azure region name such as "swedencentral" (did you mean it?); known regions: ` +
				strings.Join(validGatewayArgs().catalog().RegionNames(), ", "),
		},
		{
			name:   "unknown member deployment type",
			change: func(a *GatewayArgs) { a.Members[0].DeploymentTypes = []string{"Regional"} },
			want:   `Members[0].DeploymentTypes[0]: deployment type "Regional": unknown; use one of ` + strings.Join(validGatewayArgs().catalog().DeploymentTypeNames(), ", "),
		},
		{
			name:   "member without endpoint",
			change: func(a *GatewayArgs) { a.Members[0].Endpoint = nil },
			want:   `Members[0].Endpoint is required: the account's endpoint URL (RegionalAIEndpoint.Endpoint)`,
		},
		{
			name:   "SKU without virtual network injection",
			change: func(a *GatewayArgs) { a.SkuName = "StandardV2" },
			want:   `SkuName: "StandardV2" cannot be injected into a virtual network (Internal or External mode); use "Developer" or "Premium"`,
		},
		{
			name:   "Developer in production",
			change: func(a *GatewayArgs) { a.Production = true; a.SkuName = "Developer" },
			want:   `SkuName: Developer has no SLA and no zone redundancy and is not for production; use "Premium"`,
		},
		{
			name:   "zones that do not divide the capacity",
			change: func(a *GatewayArgs) { a.SkuName = "Premium"; a.Capacity = 3; a.Zones = []string{"1", "2"} },
			want:   `Capacity: 3 units cannot be spread evenly over 2 zones; use a multiple of 2`,
		},
		{
			name:   "service name starting with a digit",
			change: func(a *GatewayArgs) { a.ServiceName = "1gateway" },
			want:   `ServiceName: "1gateway" is not a valid API Management service name; use letters, digits and hyphens, starting with a letter and not ending with a hyphen`,
		},
		{
			name:   "region without API Management",
			change: func(a *GatewayArgs) { a.Location = "mars" },
			want: `Location: region "mars": unknown region; use an Azure region name such as ` +
				strings.Join(validGatewayArgs().catalog().RegionNames(), ", "),
		},
		{
			name:   "trip duration below a second",
			change: func(a *GatewayArgs) { a.CircuitBreaker.TripDuration = 500 * time.Millisecond },
			want:   `CircuitBreaker.TripDuration: 500ms must be a whole number of seconds between 1s and 24h0m0s`,
		},
		{
			name:   "too many retries",
			change: func(a *GatewayArgs) { a.RetryCount = 11 },
			want:   `RetryCount: 11 must be between 1 and 10 (0 takes the default, the number of members minus one)`,
		},
		{
			name: "private zone for an External gateway",
			change: func(a *GatewayArgs) {
				a.Archetype = ArchetypeOnline
				a.PrivateDNS.VirtualNetworkIDs = map[string]pulumi.StringInput{"eastus": pulumi.String("x")}
			},
			want: `PrivateDNS: an External gateway's host name is in public DNS; a private zone applies to Internal mode only, leave PrivateDNS empty`,
		},
		{
			name: "bad private DNS link key",
			change: func(a *GatewayArgs) {
				a.PrivateDNS.VirtualNetworkIDs = map[string]pulumi.StringInput{"East US": pulumi.String("x")}
			},
			want: `PrivateDNS.VirtualNetworkIDs["East US"]: the key names the link resource; use 1-40 lower-case letters, digits and hyphens, starting with a letter or digit`,
		},
		{
			name:   "nil private DNS network id",
			change: func(a *GatewayArgs) { a.PrivateDNS.VirtualNetworkIDs = map[string]pulumi.StringInput{"hub": nil} },
			want:   `PrivateDNS.VirtualNetworkIDs["hub"]: nil network id; remove the key or give the network's resource id`,
		},
		{
			name:   "missing subnet",
			change: func(a *GatewayArgs) { a.SubnetID = nil },
			want:   `SubnetID is required: the subnet API Management is injected into`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := validGatewayArgs("eastus", "swedencentral")
			c.change(args)
			wantRejected(t, func(ctx *pulumi.Context) error {
				_, err := NewAIGateway(ctx, "gw", args)
				return err
			}, `Gateway "gw": `+c.want)
		})
	}
}

func TestISODuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Second:                  "PT1S",
		time.Minute:                  "PT1M",
		90 * time.Second:             "PT1M30S",
		time.Hour + 5*time.Second:    "PT1H5S",
		24 * time.Hour:               "PT24H",
		2*time.Hour + 30*time.Minute: "PT2H30M",
	} {
		if got := isoDuration(d); got != want {
			t.Errorf("isoDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSubscriptionOf(t *testing.T) {
	if got, err := subscriptionOf("/subscriptions/abc/resourceGroups/rg/providers/x/y/z"); err != nil || got != "/subscriptions/abc" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := subscriptionOf("accounts/contoso"); err == nil {
		t.Error("a name is not a resource id")
	}
}

const (
	privateZoneType = "azure-native:network:PrivateZone"
	recordSetType   = "azure-native:network:PrivateRecordSet"
	zoneLinkType    = "azure-native:network:VirtualNetworkLink"
)

// TestGatewayPrivateDNS: an Internal gateway gets the zone
// "<service>.azure-api.net" with its private address at the apex, linked to the
// given networks (by default its own); an External one gets none.
func TestGatewayPrivateDNS(t *testing.T) {
	t.Run("default: the gateway's network", func(t *testing.T) {
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := NewAIGateway(ctx, "gw", validGatewayArgs("eastus", "swedencentral"))
			return err
		})
		zone := rec.Named(t, privateZoneType, "gw-dns")
		wantString(t, zone, "privateZoneName", "contoso-ai-gateway.azure-api.net")
		wantString(t, zone, "resourceGroupName", "rg-ai-gateway")
		wantString(t, zone, "location", "global")
		record := rec.Named(t, recordSetType, "gw-dns-gateway")
		wantString(t, record, "privateZoneName", "contoso-ai-gateway.azure-api.net")
		wantString(t, record, "recordType", "A")
		wantString(t, record, "relativeRecordSetName", "@")
		wantString(t, record, "aRecords[0].ipv4Address", "10.20.2.4")
		wantNumber(t, record, "ttl", 3600)
		if n := record.Len("aRecords"); n != 1 {
			t.Errorf("%d A records, want the gateway's address only", n)
		}
		svc := rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim")
		if !slices.Contains(record.PropertyDependencies["aRecords"], svc.URN) {
			t.Error("the record's address does not come from the service")
		}
		if n := rec.Count(zoneLinkType); n != 1 {
			t.Fatalf("%d links, want the gateway's network", n)
		}
		link := rec.Named(t, zoneLinkType, "gw-dns-link-gateway")
		wantString(t, link, "virtualNetwork.id", strings.TrimSuffix(subnetID("eastus", "snet-apim"), "/subnets/snet-apim"))
		wantBool(t, link, "registrationEnabled", false)
		wantString(t, link, "privateZoneName", "contoso-ai-gateway.azure-api.net")
	})
	t.Run("given networks and resource group", func(t *testing.T) {
		args := validGatewayArgs("eastus", "swedencentral")
		vnet := func(r string) string { return strings.TrimSuffix(subnetID(r, "x"), "/subnets/x") }
		args.PrivateDNS = GatewayPrivateDNS{
			ResourceGroupName: pulumi.String("rg-dns"),
			VirtualNetworkIDs: map[string]pulumi.StringInput{"eastus": pulumi.String(vnet("eastus")), "swedencentral": pulumi.String(vnet("swedencentral")), "hub": pulumi.String(vnet("hub"))},
		}
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := NewAIGateway(ctx, "gw", args)
			return err
		})
		wantString(t, rec.Named(t, privateZoneType, "gw-dns"), "resourceGroupName", "rg-dns")
		wantString(t, rec.Named(t, recordSetType, "gw-dns-gateway"), "resourceGroupName", "rg-dns")
		if n := rec.Count(zoneLinkType); n != 3 {
			t.Errorf("%d links, want 3", n)
		}
		for _, key := range []string{"eastus", "swedencentral", "hub"} {
			link := rec.Named(t, zoneLinkType, "gw-dns-link-"+key)
			wantString(t, link, "virtualNetwork.id", vnet(key))
			wantString(t, link, "resourceGroupName", "rg-dns")
		}
	})
	t.Run("External: public DNS", func(t *testing.T) {
		args := validGatewayArgs("eastus", "swedencentral")
		args.Archetype = ArchetypeOnline
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := NewAIGateway(ctx, "gw", args)
			return err
		})
		for _, typ := range []string{privateZoneType, recordSetType, zoneLinkType} {
			if n := rec.Count(typ); n != 0 {
				t.Errorf("%d %s for an External gateway", n, typ)
			}
		}
	})
}

func TestNetworkOfSubnet(t *testing.T) {
	if got, err := networkOfSubnet(subnetID("eastus", "snet-apim")); err != nil || got != strings.TrimSuffix(subnetID("eastus", "snet-apim"), "/subnets/snet-apim") {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := networkOfSubnet("snet-apim"); err == nil || err.Error() != `SubnetID: "snet-apim" is not a subnet id (.../virtualNetworks/<network>/subnets/<subnet>)` {
		t.Errorf("err = %v", err)
	}
}
