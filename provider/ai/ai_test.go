package ai_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/provider/ai"
	"github.com/aiready/aiready/provider/internal/constructtest"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestCoverage(t *testing.T) {
	for _, line := range mirror.Coverage(reflect.TypeFor[ai.RegionalAIEndpointArgs](), reflect.TypeFor[aiendpoint.RegionalAIEndpointArgs](), ai.EndpointExcluded...) {
		t.Error(line)
	}
	for _, line := range mirror.Coverage(reflect.TypeFor[ai.AIGatewayArgs](), reflect.TypeFor[aiendpoint.GatewayArgs](), ai.GatewayExcluded...) {
		t.Error(line)
	}
	for _, line := range append(
		mirror.OutputCoverage(reflect.TypeFor[ai.RegionalAIEndpoint](), reflect.TypeFor[aiendpoint.RegionalAIEndpoint]()),
		mirror.OutputCoverage(reflect.TypeFor[ai.AIGateway](), reflect.TypeFor[aiendpoint.Gateway]())...) {
		t.Error(line)
	}
}

const (
	sub       = "/subscriptions/00000000-0000-0000-0000-00000000aaaa"
	subnet    = sub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-privateendpoints"
	apim      = sub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-apim"
	workspace = sub + "/resourceGroups/rg-mgmt/providers/Microsoft.OperationalInsights/workspaces/law-ai"
	zones     = sub + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/"
)

const endpoint = `{
  "resourceGroupName": "rg-ai-eastus", "location": "eastus", "archetype": "corp", "production": true,
  "customSubDomainName": "contoso-ai-eastus", "privateEndpointSubnetId": "` + subnet + `",
  "privateDnsZoneIds": {"openai": "` + zones + `privatelink.openai.azure.com", "cognitiveservices": "` + zones + `privatelink.cognitiveservices.azure.com"},
  "logAnalyticsWorkspaceId": "` + workspace + `",
  "contentFilters": [{"name": "strict", "filters": [{"category": "Hate", "source": "Prompt", "severityThreshold": "Low"}]}],
  "deployments": [
    {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "deploymentType": "Standard", "capacity": 50, "contentFilter": "strict"},
    {"name": "embeddings", "model": "text-embedding-3-small", "version": "1", "deploymentType": "Standard", "capacity": 100, "versionUpgradeOption": "NoAutoUpgrade"}
  ]
}`

func endpointArgs() *aiendpoint.RegionalAIEndpointArgs {
	return &aiendpoint.RegionalAIEndpointArgs{
		ResourceGroupName: pulumi.String("rg-ai-eastus"), Location: "eastus", Archetype: aiendpoint.ArchetypeCorp, Production: true,
		CustomSubDomainName: "contoso-ai-eastus", PrivateEndpointSubnetID: pulumi.String(subnet),
		PrivateDNSZoneIDs: pulumi.StringMap{
			"openai":            pulumi.String(zones + "privatelink.openai.azure.com"),
			"cognitiveservices": pulumi.String(zones + "privatelink.cognitiveservices.azure.com"),
		},
		LogAnalyticsWorkspaceID: pulumi.String(workspace),
		ContentFilters: []aiendpoint.ContentFilter{{Name: "strict", Filters: []aiendpoint.ContentFilterRule{
			{Category: "Hate", Source: "Prompt", SeverityThreshold: "Low"}}}},
		Deployments: []aiendpoint.ModelDeployment{
			{Name: "chat", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 50, ContentFilter: "strict"},
			{Name: "embeddings", Model: "text-embedding-3-small", Version: "1", DeploymentType: "Standard", Capacity: 100, VersionUpgradeOption: "NoAutoUpgrade"},
		},
	}
}

// TestEndpointIsTheLibrarys constructs an endpoint through the provider and through
// aiendpoint.NewRegionalAIEndpoint.
func TestEndpointIsTheLibrarys(t *testing.T) {
	got, err := constructtest.Provider(t, aiendpoint.RegionalAIEndpointTypeToken, "ai-eastus", endpoint)
	if err != nil {
		t.Fatal(err)
	}
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := aiendpoint.NewRegionalAIEndpoint(ctx, "ai-eastus", endpointArgs())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)
}

func TestEndpointErrorsNameTheInputs(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"location": "eastus"`, `"location": "eastus9"`, `location: region "eastus9"`},
		{`"capacity": 50`, `"capacity": 5000`, `deployments[0]`},
		{`"customSubDomainName": "contoso-ai-eastus", `, ``, `customSubDomainName`},
	} {
		inputs := strings.Replace(endpoint, c.from, c.to, 1)
		if inputs == endpoint {
			t.Fatalf("the case %q changes nothing", c.to)
		}
		got, err := constructtest.Provider(t, aiendpoint.RegionalAIEndpointTypeToken, "ai", inputs)
		t.Logf("%s: %v", c.to, err)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.to, err, c.want)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %d resources before failing", c.to, len(got.Resources))
		}
	}
}

const gateway = `{
  "resourceGroupName": "rg-ai-gateway", "location": "eastus", "archetype": "corp", "production": true,
  "serviceName": "contoso-ai-gateway", "publisherEmail": "ai-platform@contoso.example", "publisherName": "Contoso AI platform",
  "subnetId": "` + apim + `", "logAnalyticsWorkspaceId": "` + workspace + `",
  "circuitBreaker": {"failureCount": 3, "failureWindowSeconds": 30, "tripDurationSeconds": 120},
  "members": [
    {"region": "eastus", "endpoint": "https://contoso-ai-eastus.openai.azure.com/", "accountId": "` + sub + `/a/eastus", "deploymentTypes": ["Standard"], "priority": 1, "weight": 50},
    {"region": "westus", "endpoint": "https://contoso-ai-westus.openai.azure.com/", "accountId": "` + sub + `/a/westus", "deploymentTypes": ["Standard"], "priority": 2, "weight": 50}
  ]
}`

func gatewayArgs() *aiendpoint.GatewayArgs {
	member := func(region string, priority int) aiendpoint.GatewayMember {
		return aiendpoint.GatewayMember{Region: region, Endpoint: pulumi.String("https://contoso-ai-" + region + ".openai.azure.com/"),
			AccountID: pulumi.String(sub + "/a/" + region), DeploymentTypes: []string{"Standard"}, Priority: priority, Weight: 50}
	}
	return &aiendpoint.GatewayArgs{
		ResourceGroupName: pulumi.String("rg-ai-gateway"), Location: "eastus", Archetype: aiendpoint.ArchetypeCorp, Production: true,
		ServiceName: "contoso-ai-gateway", PublisherEmail: "ai-platform@contoso.example", PublisherName: "Contoso AI platform",
		SubnetID: pulumi.String(apim), LogAnalyticsWorkspaceID: pulumi.String(workspace),
		CircuitBreaker: aiendpoint.CircuitBreaker{FailureCount: 3, FailureWindow: 30 * time.Second, TripDuration: 2 * time.Minute},
		Members:        []aiendpoint.GatewayMember{member("eastus", 1), member("westus", 2)},
	}
}

// TestGatewayIsTheLibrarys constructs a gateway through the provider and through
// aiendpoint.NewAIGateway, durations given in seconds.
func TestGatewayIsTheLibrarys(t *testing.T) {
	got, err := constructtest.Provider(t, aiendpoint.AIGatewayTypeToken, "gateway", gateway)
	if err != nil {
		t.Fatal(err)
	}
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := aiendpoint.NewAIGateway(ctx, "gateway", gatewayArgs())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)
}

func TestGatewayErrorsNameTheInputs(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"failureWindowSeconds": 30`, `"failureWindowSeconds": 172800`, `circuitBreaker`},
		{`"region": "westus"`, `"region": "eastus"`, `members[1]`},
		{`"publisherEmail": "ai-platform@contoso.example"`, `"publisherEmail": "nobody"`, `publisherEmail`},
	} {
		inputs := strings.Replace(gateway, c.from, c.to, 1)
		got, err := constructtest.Provider(t, aiendpoint.AIGatewayTypeToken, "gateway", inputs)
		t.Logf("%s: %v", c.to, err)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.to, err, c.want)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %d resources before failing", c.to, len(got.Resources))
		}
	}
}
