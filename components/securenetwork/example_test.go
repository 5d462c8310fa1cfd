package securenetwork_test

import (
	"fmt"

	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// An internet-facing network in two regions: ExpressRoute with FastPath in the first,
// a created DDoS plan on both, Bastion and a jumpbox, the AI services' private DNS
// zones. A program runs it with pulumi.Run; the example runs it under mocks.
func Example() {
	program := func(ctx *pulumi.Context) error {
		net, err := securenetwork.New(ctx, "ai", &securenetwork.Args{
			Archetype:  securenetwork.ArchetypeOnline,
			Production: true,
			DDoS:       &securenetwork.DDoSArgs{},
			Jumpbox: securenetwork.JumpboxArgs{
				SSHPublicKey: pulumi.String("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB6mW0pVb8Zq0b2lq4c7uYx9Kx3f9o3mZ0b8h3n9p0Q ops@example"),
			},
			Regions: []securenetwork.RegionArgs{
				{
					Location:          "eastus2",
					ResourceGroupName: pulumi.String("rg-ai-eastus2"),
					AddressSpace:      "10.10.0.0/22",
					Hybrid: securenetwork.HybridArgs{
						Mode: securenetwork.HybridExpressRoute,
						ExpressRoute: &securenetwork.ExpressRouteArgs{
							CircuitID: pulumi.String("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-1"),
						},
					},
				},
				{Location: "swedencentral", ResourceGroupName: pulumi.String("rg-ai-swedencentral"), AddressSpace: "10.20.0.0/22"},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("subnetIds", net.SubnetIDs)
		ctx.Export("privateDnsZoneIds", net.PrivateDNSZoneIDs)
		east := net.Regions["eastus2"]
		for _, role := range securenetwork.SubnetRoles() {
			fmt.Printf("%-16s %-20s %s\n", role, securenetwork.SubnetName(role), east.SubnetPrefixes[role])
		}
		return nil
	}

	rec, err := pulumitest.Run(program)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Count("azure-native:network:VirtualNetwork"), "virtual networks,",
		rec.Count("azure-native:network:NetworkSecurityGroup"), "NSGs,",
		rec.Count("azure-native:network:PublicIPAddress"), "public IPs,",
		rec.Count("azure-native:network:PrivateZone"), "private DNS zones,",
		rec.Count("azure-native:network:VirtualNetworkLink"), "links")
	// Output:
	// privateEndpoints snet-privateendpoints 10.10.0.0/24
	// bastion          AzureBastionSubnet   10.10.1.0/26
	// apim             snet-apim            10.10.1.64/27
	// gateway          GatewaySubnet        10.10.1.96/27
	// jumpbox          snet-jumpbox         10.10.1.128/28
	// 2 virtual networks, 8 NSGs, 3 public IPs, 8 private DNS zones, 16 links
}

// Validate checks a configuration before anything exists and reports every problem.
func ExampleArgs_Validate() {
	args := &securenetwork.Args{
		Archetype: securenetwork.ArchetypeOnline,
		Jumpbox:   securenetwork.JumpboxArgs{Disabled: true},
		Regions: []securenetwork.RegionArgs{{
			Location:          "eastus2",
			ResourceGroupName: pulumi.String("rg-ai"),
			AddressSpace:      "10.10.0.0/24",
			Hybrid:            securenetwork.HybridArgs{Mode: securenetwork.HybridVPN, VPN: &securenetwork.VPNArgs{SKU: "Basic"}},
		}},
	}
	fmt.Println(args.Validate())
	// Output:
	// securenetwork: invalid SecureNetwork arguments:
	// Regions[0].AddressSpace: 10.10.0.0/24 (256 addresses) is too small for the subnets, which need 400 addresses (privateEndpoints /24, bastion /26, apim /27, gateway /27, jumpbox /28); use a /23 or larger, or shrink or omit subnets with Regions[0].Subnets
	// Regions[0].Hybrid.VPN.SKU: "Basic" is not allowed (no zone redundancy, no Entra ID point-to-site, no BGP; Azure Policy e345b6c3 audits it); use VpnGw2AZ or another VpnGw<n>AZ SKU
	// Regions[0].Hybrid.VPN: set SiteToSite (an on-premises VPN device) and/or PointToSite (users with the Azure VPN Client); a gateway with neither connects nothing
	// DDoS: required for the online archetype: internet-facing AI workloads need Azure DDoS Protection on every virtual network; set DDoS to &securenetwork.DDoSArgs{} to create a plan, or give DDoSArgs.ExistingPlanID
}

func ExamplePlanSubnets() {
	plan, err := securenetwork.PlanSubnets("10.50.0.0/24", map[securenetwork.SubnetRole]securenetwork.SubnetOverride{
		securenetwork.SubnetPrivateEndpoints: {PrefixLength: 25},
		securenetwork.SubnetBastion:          {Omit: true}, // the hub's Bastion serves this spoke
		securenetwork.SubnetGateway:          {Omit: true}, // peered to the hub, no gateway of its own
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, role := range securenetwork.SubnetRoles() {
		if cidr, ok := plan[role]; ok {
			fmt.Println(role, cidr)
		}
	}
	// Output:
	// privateEndpoints 10.50.0.0/25
	// apim 10.50.0.128/27
	// jumpbox 10.50.0.160/28
}

func ExampleRecommendConnectivity() {
	for _, needs := range []securenetwork.ConnectivityNeeds{
		{DailyVolumeGB: 5000},
		{DailyVolumeGB: 50, RealTime: true},
		{DailyVolumeGB: 50},
	} {
		rec, err := securenetwork.RecommendConnectivity(needs)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rec.Mode)
	}
	// Output:
	// ExpressRoute
	// ExpressRoute
	// VPN
}
