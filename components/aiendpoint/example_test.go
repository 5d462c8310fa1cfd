package aiendpoint_test

import (
	"fmt"
	"slices"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const sub = "/subscriptions/00000000-0000-0000-0000-00000000aaaa"

// endpointArgs are the arguments of a corp endpoint in a region, with the ids a
// SecureNetwork and a management workspace would provide.
func endpointArgs(region string) *aiendpoint.RegionalAIEndpointArgs {
	net := sub + "/resourceGroups/rg-net-" + region + "/providers/Microsoft.Network/virtualNetworks/vnet-" + region
	dns := sub + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/"
	return &aiendpoint.RegionalAIEndpointArgs{
		ResourceGroupName:       pulumi.String("rg-ai-" + region),
		Location:                region,
		Archetype:               aiendpoint.ArchetypeCorp,
		Production:              true,
		CustomSubDomainName:     "contoso-ai-" + region,
		PrivateEndpointSubnetID: pulumi.String(net + "/subnets/snet-private-endpoints"),
		PrivateDNSZoneIDs: pulumi.StringMap{
			aiendpoint.DNSKeyOpenAI:            pulumi.String(dns + "privatelink.openai.azure.com"),
			aiendpoint.DNSKeyCognitiveServices: pulumi.String(dns + "privatelink.cognitiveservices.azure.com"),
			aiendpoint.DNSKeyAIServices:        pulumi.String(dns + "privatelink.services.ai.azure.com"),
		},
		LogAnalyticsWorkspaceID: pulumi.String(sub + "/resourceGroups/rg-mgmt/providers/Microsoft.OperationalInsights/workspaces/law-ai"),
		Deployments: []aiendpoint.ModelDeployment{
			{Name: "chat", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 100},
			{Name: "embeddings", Model: "text-embedding-3-large", Version: "1", DeploymentType: "Standard", Capacity: 120},
		},
	}
}

// printTree prints the children of a component, by type and name.
func printTree(rec *pulumitest.Recorder, token, name string) {
	for _, c := range rec.ByType(token) {
		if c.Name != name {
			continue
		}
		var lines []string
		for _, child := range rec.Children(c) {
			lines = append(lines, child.Type+" "+child.Name)
		}
		slices.Sort(lines)
		for _, l := range lines {
			fmt.Println(l)
		}
	}
}

// A production endpoint in East US: the account, its private endpoint and DNS
// zone group, two model deployments and the diagnostic setting.
func ExampleNewRegionalAIEndpoint() {
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		ep, err := aiendpoint.NewRegionalAIEndpoint(ctx, "ai-eastus", endpointArgs("eastus"))
		if err != nil {
			return err
		}
		fmt.Println(ep.Region(), ep.DeploymentTypes())
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTree(rec, aiendpoint.RegionalAIEndpointTypeToken, "ai-eastus")
	// Output:
	// eastus [Standard]
	// azure-native:cognitiveservices/v20241001:Account ai-eastus-account
	// azure-native:cognitiveservices/v20241001:Deployment ai-eastus-deployment-chat
	// azure-native:cognitiveservices/v20241001:Deployment ai-eastus-deployment-embeddings
	// azure-native:insights:DiagnosticSetting ai-eastus-diagnostics
	// azure-native:network:PrivateDnsZoneGroup ai-eastus-pe-dns
	// azure-native:network:PrivateEndpoint ai-eastus-pe
}

// Validate checks a configuration before anything is registered and reports every
// problem at once.
func ExampleRegionalAIEndpointArgs_Validate() {
	args := endpointArgs("eastus")
	args.Deployments[0].Capacity = 400
	args.Deployments[1].DeploymentType = "Regional"
	fmt.Println(args.Validate())
	// Output:
	// Deployments[0].Capacity: model "gpt-4o" as Standard in "eastus": capacity 400 is over quota: the default quota is 150 (1K tokens per minute) per subscription and region; request more from Azure support or lower the capacity
	// Deployments[1].DeploymentType: deployment type "Regional": unknown; use one of DataZoneBatch, DataZoneProvisionedManaged, DataZoneStandard, GlobalBatch, GlobalProvisionedManaged, GlobalStandard, ProvisionedManaged, Standard
}

// Two regional endpoints behind a production gateway: East US first (priority 1),
// Sweden Central when East US is throttled or failing (priority 2).
func ExampleNewAIGateway() {
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		primary, err := aiendpoint.NewRegionalAIEndpoint(ctx, "ai-eastus", endpointArgs("eastus"))
		if err != nil {
			return err
		}
		secondary, err := aiendpoint.NewRegionalAIEndpoint(ctx, "ai-swedencentral", endpointArgs("swedencentral"))
		if err != nil {
			return err
		}
		_, err = aiendpoint.NewAIGateway(ctx, "gateway", &aiendpoint.GatewayArgs{
			ResourceGroupName:       pulumi.String("rg-ai-gateway"),
			Location:                "eastus",
			Archetype:               aiendpoint.ArchetypeCorp,
			Production:              true,
			ServiceName:             "contoso-ai-gateway",
			PublisherEmail:          "ai-platform@contoso.com",
			PublisherName:           "Contoso AI platform",
			Zones:                   []string{"1", "2"},
			Capacity:                2,
			SubnetID:                pulumi.String(sub + "/resourceGroups/rg-net-eastus/providers/Microsoft.Network/virtualNetworks/vnet-eastus/subnets/snet-apim"),
			LogAnalyticsWorkspaceID: pulumi.String(sub + "/resourceGroups/rg-mgmt/providers/Microsoft.OperationalInsights/workspaces/law-ai"),
			Members:                 []aiendpoint.GatewayMember{primary.Member(1, 100), secondary.Member(2, 100)},
		})
		return err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printTree(rec, aiendpoint.AIGatewayTypeToken, "gateway")
	// Output:
	// azure-native:apimanagement/v20240501:Api gateway-api
	// azure-native:apimanagement/v20240501:ApiManagementService gateway-apim
	// azure-native:apimanagement/v20240501:ApiOperation gateway-op-chat-completions
	// azure-native:apimanagement/v20240501:ApiOperation gateway-op-completions
	// azure-native:apimanagement/v20240501:ApiOperation gateway-op-embeddings
	// azure-native:apimanagement/v20240501:ApiPolicy gateway-api-policy
	// azure-native:apimanagement/v20240501:Backend gateway-backend-eastus
	// azure-native:apimanagement/v20240501:Backend gateway-backend-swedencentral
	// azure-native:authorization:RoleAssignment gateway-openai-user-eastus
	// azure-native:authorization:RoleAssignment gateway-openai-user-swedencentral
	// azure-native:insights:DiagnosticSetting gateway-diagnostics
	// azure-native:network:PrivateRecordSet gateway-dns-gateway
	// azure-native:network:PrivateZone gateway-dns
	// azure-native:network:VirtualNetworkLink gateway-dns-link-gateway
	// azure-native:resources:Deployment gateway-pool
}

// A gateway over endpoints that serve only global deployments is refused: global
// deployments already route across regions.
func ExampleGatewayArgs_Validate() {
	member := func(region string) aiendpoint.GatewayMember {
		return aiendpoint.GatewayMember{
			Region:          region,
			Endpoint:        pulumi.String("https://contoso-ai-" + region + ".openai.azure.com/"),
			AccountID:       pulumi.String(sub + "/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso-ai-" + region),
			DeploymentTypes: []string{"GlobalStandard"},
		}
	}
	args := &aiendpoint.GatewayArgs{
		ResourceGroupName: pulumi.String("rg-ai-gateway"),
		Location:          "eastus",
		Archetype:         aiendpoint.ArchetypeOnline,
		ServiceName:       "contoso-ai-gateway",
		PublisherEmail:    "ai-platform@contoso.com",
		PublisherName:     "Contoso AI platform",
		SubnetID:          pulumi.String(sub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-apim"),
		Members:           []aiendpoint.GatewayMember{member("eastus"), member("westus3")},
	}
	fmt.Println(args.Validate())
	args.AllowGlobalOnly = true
	fmt.Println(args.Validate())
	// Output:
	// Members: every member has only global or data-zone deployment types (eastus: GlobalStandard; westus3: GlobalStandard); these deployments already route requests across regions with available capacity, so a gateway adds nothing for regional redundancy: drop the gateway, deploy a regional type (ProvisionedManaged, Standard), or set AllowGlobalOnly to build it anyway
	// <nil>
}
