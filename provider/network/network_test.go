package network_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/provider/internal/constructtest"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/aiready/aiready/provider/network"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestCoverage(t *testing.T) {
	for _, line := range mirror.Coverage(reflect.TypeFor[network.SecureNetworkArgs](), reflect.TypeFor[securenetwork.Args](), network.Excluded...) {
		t.Error(line)
	}
	for _, line := range mirror.OutputCoverage(reflect.TypeFor[network.SecureNetwork](), reflect.TypeFor[securenetwork.SecureNetwork]()) {
		t.Error(line)
	}
}

const (
	sshKey  = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB6mW0pVb8Zq0b2lq4c7uYx9Kx3f9o3mZ0b8h3n9p0Q ops@example"
	circuit = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-1"
)

// online is an internet-facing network in two regions, ExpressRoute in the first.
const online = `{
  "archetype": "online", "production": true, "ddos": {},
  "jumpbox": {"sshPublicKey": "` + sshKey + `"},
  "tags": {"costCenter": "ai-1"},
  "regions": [
    {"location": "eastus2", "resourceGroupName": "rg-ai-eastus2", "addressSpace": "10.10.0.0/22",
     "hybrid": {"mode": "ExpressRoute", "expressRoute": {"circuitId": "` + circuit + `", "sku": "ErGw3AZ"}}},
    {"location": "swedencentral", "resourceGroupName": "rg-ai-swedencentral", "addressSpace": "10.20.0.0/22",
     "subnets": {"jumpbox": {"prefixLength": 27}}, "disableBastion": true, "disableJumpbox": true}
  ]
}`

func onlineArgs() *securenetwork.Args {
	return &securenetwork.Args{
		Archetype: securenetwork.ArchetypeOnline, Production: true, DDoS: &securenetwork.DDoSArgs{},
		Jumpbox: securenetwork.JumpboxArgs{SSHPublicKey: pulumi.String(sshKey)},
		Tags:    map[string]string{"costCenter": "ai-1"},
		Regions: []securenetwork.RegionArgs{
			{Location: "eastus2", ResourceGroupName: pulumi.String("rg-ai-eastus2"), AddressSpace: "10.10.0.0/22",
				Hybrid: securenetwork.HybridArgs{Mode: securenetwork.HybridExpressRoute, ExpressRoute: &securenetwork.ExpressRouteArgs{
					CircuitID: pulumi.String(circuit), SKU: securenetwork.ErGw3AZ}}},
			{Location: "swedencentral", ResourceGroupName: pulumi.String("rg-ai-swedencentral"), AddressSpace: "10.20.0.0/22",
				Subnets:        map[securenetwork.SubnetRole]securenetwork.SubnetOverride{securenetwork.SubnetJumpbox: {PrefixLength: 27}},
				DisableBastion: true, DisableJumpbox: true},
		},
	}
}

// corpVPN is an internal network with a site-to-site and point-to-site VPN and a
// jumpbox password.
const corpVPN = `{
  "archetype": "corp",
  "jumpbox": {"adminPassword": "Correct-Horse-9-Battery", "adminGroupObjectIds": ["11111111-2222-3333-4444-555555555555"]},
  "apim": {"virtualNetworkType": "Internal"},
  "regions": [{"location": "eastus", "resourceGroupName": "rg-net", "addressSpace": "10.30.0.0/22",
    "hybrid": {"mode": "VPN", "vpn": {
      "siteToSite": {"deviceIpAddress": "203.0.113.10", "addressPrefixes": ["192.168.0.0/16"], "sharedKey": "s3cret-key"},
      "pointToSite": {"clientAddressPool": ["172.16.0.0/24"]}}}}]
}`

func corpVPNArgs() *securenetwork.Args {
	return &securenetwork.Args{
		Archetype: securenetwork.ArchetypeCorp,
		Jumpbox: securenetwork.JumpboxArgs{AdminPassword: pulumi.String("Correct-Horse-9-Battery"),
			AdminGroupObjectIDs: []pulumi.StringInput{pulumi.String("11111111-2222-3333-4444-555555555555")}},
		APIM: securenetwork.APIMArgs{VirtualNetworkType: securenetwork.APIMInternal},
		Regions: []securenetwork.RegionArgs{{Location: "eastus", ResourceGroupName: pulumi.String("rg-net"), AddressSpace: "10.30.0.0/22",
			Hybrid: securenetwork.HybridArgs{Mode: securenetwork.HybridVPN, VPN: &securenetwork.VPNArgs{
				SiteToSite:  &securenetwork.SiteToSiteArgs{DeviceIPAddress: "203.0.113.10", AddressPrefixes: []string{"192.168.0.0/16"}, SharedKey: pulumi.String("s3cret-key")},
				PointToSite: &securenetwork.PointToSiteArgs{ClientAddressPool: []string{"172.16.0.0/24"}},
			}}}},
	}
}

// TestSecureNetworkIsTheLibrarys constructs networks through the provider and
// through securenetwork.New: the same resources.
func TestSecureNetworkIsTheLibrarys(t *testing.T) {
	for name, c := range map[string]struct {
		inputs string
		args   *securenetwork.Args
	}{"online ExpressRoute": {online, onlineArgs()}, "corp VPN": {corpVPN, corpVPNArgs()}} {
		t.Run(name, func(t *testing.T) {
			got, err := constructtest.Provider(t, securenetwork.TypeToken, "ai", c.inputs)
			if err != nil {
				t.Fatal(err)
			}
			want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
				_, err := securenetwork.New(ctx, "ai", c.args)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			constructtest.Same(t, got.Resources, want)
		})
	}
}

func TestSecureNetworkErrorsNameTheInputs(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"location": "eastus2"`, `"location": "mars"`, `regions[0].location`},
		{`"addressSpace": "10.20.0.0/22"`, `"addressSpace": "10.10.0.0/22"`, `regions[1].addressSpace`},
		{`"production": true, "ddos": {},`, `"production": true,`, `ddos`},
		{`"sku": "ErGw3AZ"`, `"sku": "UltraPerformance"`, `regions[0].hybrid.expressRoute.sku`},
	} {
		inputs := strings.Replace(online, c.from, c.to, 1)
		if inputs == online {
			t.Fatalf("the case %q changes nothing", c.to)
		}
		got, err := constructtest.Provider(t, securenetwork.TypeToken, "ai", inputs)
		t.Log(err)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to name %s", c.to, err, c.want)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %d resources before failing", c.to, len(got.Resources))
		}
	}
}
