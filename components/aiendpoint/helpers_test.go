package aiendpoint

import (
	"fmt"
	"slices"
	"testing"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the children, as the recorder reports them.
const (
	privateEndpointType   = "azure-native:network:PrivateEndpoint"
	dnsZoneGroupType      = "azure-native:network:PrivateDnsZoneGroup"
	diagnosticSettingType = "azure-native:insights:DiagnosticSetting"
	roleAssignmentType    = "azure-native:authorization:RoleAssignment"
	publicIPType          = "azure-native:network:PublicIPAddress"
)

const (
	testSubscription = "/subscriptions/" + pulumitest.FakeSubscriptionID
	testWorkspaceID  = testSubscription + "/resourceGroups/rg-mgmt/providers/Microsoft.OperationalInsights/workspaces/law-ai"
)

func subnetID(region, subnet string) string {
	return fmt.Sprintf("%s/resourceGroups/rg-net-%s/providers/Microsoft.Network/virtualNetworks/vnet-%s/subnets/%s", testSubscription, region, region, subnet)
}

func zoneID(zone string) string {
	return testSubscription + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/" + zone
}

func testZones() pulumi.StringMap {
	return pulumi.StringMap{
		DNSKeyOpenAI:            pulumi.String(zoneID("privatelink.openai.azure.com")),
		DNSKeyCognitiveServices: pulumi.String(zoneID("privatelink.cognitiveservices.azure.com")),
		DNSKeyAIServices:        pulumi.String(zoneID("privatelink.services.ai.azure.com")),
		"search":                pulumi.String(zoneID("privatelink.search.windows.net")),
	}
}

// validEndpointArgs is a compliant corp endpoint in a region; each bad-input case
// changes one thing.
func validEndpointArgs(region string) *RegionalAIEndpointArgs {
	return &RegionalAIEndpointArgs{
		ResourceGroupName:       pulumi.String("rg-ai-" + region),
		Location:                region,
		Archetype:               ArchetypeCorp,
		CustomSubDomainName:     "contoso-ai-" + region,
		AllowedFQDNs:            []string{"contosoaidata.blob.core.windows.net"},
		PrivateEndpointSubnetID: pulumi.String(subnetID(region, "snet-private-endpoints")),
		PrivateDNSZoneIDs:       testZones(),
		LogAnalyticsWorkspaceID: pulumi.String(testWorkspaceID),
		Deployments: []ModelDeployment{
			{Name: "chat", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 100},
			{Name: "embeddings", Model: "text-embedding-3-large", Version: "1", DeploymentType: "Standard", Capacity: 120},
		},
		Tags: map[string]string{"cost-center": "ai-platform", "aiready-environment": "spoofed"},
	}
}

// validGatewayArgs is a compliant corp gateway over members in the given regions.
func validGatewayArgs(regions ...string) *GatewayArgs {
	members := make([]GatewayMember, len(regions))
	for i, r := range regions {
		members[i] = GatewayMember{
			Region:          r,
			Endpoint:        pulumi.String("https://contoso-ai-" + r + ".openai.azure.com/"),
			AccountID:       pulumi.String(fmt.Sprintf("%s/resourceGroups/rg-ai-%s/providers/Microsoft.CognitiveServices/accounts/contoso-ai-%s", testSubscription, r, r)),
			DeploymentTypes: []string{"Standard"},
			Priority:        1,
			Weight:          50,
		}
	}
	return &GatewayArgs{
		ResourceGroupName:       pulumi.String("rg-ai-gateway"),
		Location:                "eastus",
		Archetype:               ArchetypeCorp,
		ServiceName:             "contoso-ai-gateway",
		PublisherEmail:          "ai-platform@contoso.com",
		PublisherName:           "Contoso AI platform",
		SubnetID:                pulumi.String(subnetID("eastus", "snet-apim")),
		Members:                 members,
		LogAnalyticsWorkspaceID: pulumi.String(testWorkspaceID),
	}
}

// azureOutputs adds what Azure computes: an account's endpoint and a service's URLs.
func azureOutputs(args pulumi.MockResourceArgs, state resource.PropertyMap) {
	switch {
	case pulumitest.SameType(args.TypeToken, cognitiveservices.AccountType):
		props := state["properties"].ObjectValue().Copy()
		props["endpoint"] = resource.NewProperty("https://" + props["customSubDomainName"].StringValue() + ".openai.azure.com/")
		state["properties"] = resource.NewProperty(props)
	case pulumitest.SameType(args.TypeToken, apimanagement.ApiManagementServiceType):
		state["gatewayUrl"] = resource.NewProperty("https://" + state["serviceName"].StringValue() + ".azure-api.net")
		state["privateIPAddresses"] = resource.NewProperty([]resource.PropertyValue{resource.NewProperty("10.20.2.4")})
	}
}

// runOK runs a program under mocks with Azure's computed outputs and fails the test
// when it errors.
func runOK(t testing.TB, fn pulumi.RunFunc) *pulumitest.Recorder {
	t.Helper()
	return pulumitest.MustRun(t, fn, pulumitest.WithOutputs(azureOutputs))
}

// component returns the single component of a type.
func component(t testing.TB, rec *pulumitest.Recorder, token, name string) pulumitest.Resource {
	t.Helper()
	c := rec.Named(t, token, name)
	if c.Custom {
		t.Fatalf("%s %q is a custom resource", token, name)
	}
	return c
}

// childTypes returns "type name" for each child of a resource, sorted.
func childTypes(rec *pulumitest.Recorder, parent pulumitest.Resource) []string {
	var out []string
	for _, c := range rec.Children(parent) {
		out = append(out, c.Type+" "+c.Name)
	}
	slices.Sort(out)
	return out
}

func wantString(t *testing.T, r pulumitest.Resource, path, want string) {
	t.Helper()
	if got := r.String(path); got != want {
		t.Errorf("%s %s: %s = %q, want %q", r.Type, r.Name, path, got, want)
	}
}

func wantBool(t *testing.T, r pulumitest.Resource, path string, want bool) {
	t.Helper()
	got, ok := r.Bool(path)
	if !ok || got != want {
		t.Errorf("%s %s: %s = %v (present %v), want %v", r.Type, r.Name, path, got, ok, want)
	}
}

func wantNumber(t *testing.T, r pulumitest.Resource, path string, want float64) {
	t.Helper()
	got, ok := r.Number(path)
	if !ok || got != want {
		t.Errorf("%s %s: %s = %v (present %v), want %v", r.Type, r.Name, path, got, ok, want)
	}
}

// wantRejected runs a program that must fail before registering anything, with
// exactly the given error from the constructor (pulumi.RunErr wraps it further).
func wantRejected(t *testing.T, build func(ctx *pulumi.Context) error, want string) {
	t.Helper()
	var buildErr error
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		buildErr = build(ctx)
		return buildErr
	}, pulumitest.WithOutputs(azureOutputs))
	if err == nil || buildErr == nil {
		t.Fatalf("no error; want %q", want)
	}
	if got := buildErr.Error(); got != want {
		t.Errorf("error:\n got: %s\nwant: %s", got, want)
	}
	if n := len(rec.Resources()); n != 0 {
		t.Errorf("%d resources registered before the error, want 0", n)
	}
}
