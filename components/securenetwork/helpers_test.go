package securenetwork

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens the tests look for.
const (
	tVNet    = "azure-native:network:VirtualNetwork"
	tNSG     = "azure-native:network:NetworkSecurityGroup"
	tDDoS    = "azure-native:network:DdosProtectionPlan"
	tPIP     = "azure-native:network:PublicIPAddress"
	tBastion = "azure-native:network:BastionHost"
	tNIC     = "azure-native:network:NetworkInterface"
	tVM      = "azure-native:compute:VirtualMachine"
	tExt     = "azure-native:compute:VirtualMachineExtension"
	tRA      = "azure-native:authorization:RoleAssignment"
	tZone    = "azure-native:network:PrivateZone"
	tLink    = "azure-native:network:VirtualNetworkLink"
	tGW      = "azure-native:network:VirtualNetworkGateway"
	tConn    = "azure-native:network:VirtualNetworkGatewayConnection"
	tLGW     = "azure-native:network:LocalNetworkGateway"
	tPeer    = "azure-native:network:VirtualNetworkPeering"
)

// Fixtures.
const (
	sshKey      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB6mW0pVb8Zq0b2lq4c7uYx9Kx3f9o3mZ0b8h3n9p0Q ops@example"
	groupID     = "11111111-2222-3333-4444-555555555555"
	tenantID    = "99999999-8888-7777-6666-555555555555"
	circuitID   = "/subscriptions/00000000-0000-0000-0000-0000000000cc/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-circuit"
	hubVNetID   = "/subscriptions/00000000-0000-0000-0000-0000000000dd/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub"
	ddosPlanID  = "/subscriptions/00000000-0000-0000-0000-0000000000dd/resourceGroups/rg-hub/providers/Microsoft.Network/ddosProtectionPlans/ddos-platform"
	hubOpenAIID = "/subscriptions/00000000-0000-0000-0000-0000000000dd/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com"
)

// onlineArgs: an internet-facing network in two regions, ExpressRoute in one and VPN
// (site-to-site and point-to-site, active-active) in the other, a created DDoS plan.
func onlineArgs() *Args {
	return &Args{
		Archetype:  ArchetypeOnline,
		Production: true,
		Tags:       map[string]string{"costCenter": "ai-42", tags.ArchetypeKey: "corp"},
		DDoS:       &DDoSArgs{},
		Jumpbox: JumpboxArgs{
			SSHPublicKey:        pulumi.String(sshKey),
			AdminGroupObjectIDs: []pulumi.StringInput{pulumi.String(groupID)},
		},
		Regions: []RegionArgs{
			{
				Location:          "eastus2",
				ResourceGroupName: pulumi.String("rg-ai-eastus2"),
				AddressSpace:      "10.10.0.0/22",
				Hybrid: HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{
					CircuitID:        pulumi.String(circuitID),
					AuthorizationKey: pulumi.String("auth-key-value"),
				}},
			},
			{
				Location:          "swedencentral",
				ResourceGroupName: pulumi.String("rg-ai-swedencentral"),
				AddressSpace:      "10.20.0.0/22",
				Hybrid: HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{
					ActiveActive: true,
					SiteToSite: &SiteToSiteArgs{
						DeviceIPAddress: "203.0.113.10",
						AddressPrefixes: []string{"192.168.0.0/16"},
						SharedKey:       pulumi.String("shared-key-value"),
					},
					PointToSite: &PointToSiteArgs{
						ClientAddressPool: []string{"172.16.200.0/24"},
						TenantID:          pulumi.String(tenantID),
					},
				}},
			},
		},
	}
}

// corpArgs: an internal network in two regions, one peered to a hub (using its
// gateways, creating the hub side), one without hybrid connectivity; an existing DDoS
// plan; the hub's openai zone, linked; a password credential.
func corpArgs() *Args {
	return &Args{
		Archetype: ArchetypeCorp,
		DDoS:      &DDoSArgs{ExistingPlanID: pulumi.String(ddosPlanID)},
		PrivateDNS: PrivateDNSArgs{
			ExistingZoneIDs:   map[string]pulumi.StringInput{DNSOpenAI: pulumi.String(hubOpenAIID)},
			LinkExistingZones: true,
		},
		Jumpbox: JumpboxArgs{AdminPassword: pulumi.String("Corp-Passw0rd!")},
		Regions: []RegionArgs{
			{
				Location:          "westeurope",
				ResourceGroupName: pulumi.String("rg-corp-westeurope"),
				AddressSpace:      "10.30.0.0/23",
				DNSServers:        []string{"10.0.0.4"},
				Hybrid: HybridArgs{Mode: HybridHubPeering, HubPeering: &HubPeeringArgs{
					RemoteVirtualNetworkID: pulumi.String(hubVNetID),
					UseRemoteGateways:      true,
					CreateHubSide:          true,
				}},
			},
			{
				Location:          "francecentral",
				ResourceGroupName: pulumi.String("rg-corp-francecentral"),
				AddressSpace:      "10.31.0.0/23",
			},
		},
	}
}

// run builds args under mocks and returns the recorder.
func run(t testing.TB, args *Args, opts ...pulumi.ResourceOption) *pulumitest.Recorder {
	t.Helper()
	return pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := New(ctx, "net", args, opts...)
		return err
	})
}

// custom returns the recorded custom resources (not the stack, not components,
// not providers).
func custom(rec *pulumitest.Recorder) []pulumitest.Resource {
	var out []pulumitest.Resource
	for _, r := range rec.Resources() {
		if r.Custom && !strings.HasPrefix(r.Type, "pulumi:providers:") {
			out = append(out, r)
		}
	}
	return out
}

// vnetSubnets returns a network's inline subnets by name.
func vnetSubnets(t testing.TB, vnet pulumitest.Resource) map[string]resource.PropertyMap {
	t.Helper()
	v, ok := vnet.Input("subnets")
	if !ok || !v.IsArray() {
		t.Fatalf("%s: no subnets", vnet.Name)
	}
	out := map[string]resource.PropertyMap{}
	for _, s := range v.ArrayValue() {
		m := s.ObjectValue()
		out[m["name"].StringValue()] = m
	}
	return out
}

func str(m resource.PropertyMap, path string) string {
	v, ok := pulumitest.Lookup(resource.NewProperty(m), path)
	if !ok {
		return ""
	}
	for v.IsSecret() || v.IsOutput() {
		if v.IsSecret() {
			v = v.SecretValue().Element
		} else {
			v = v.OutputValue().Element
		}
	}
	if !v.IsString() {
		return ""
	}
	return v.StringValue()
}

// nsgRules returns an NSG's rules by name.
func nsgRules(t testing.TB, nsg pulumitest.Resource) map[string]resource.PropertyMap {
	t.Helper()
	v, ok := nsg.Input("securityRules")
	if !ok || !v.IsArray() {
		t.Fatalf("%s: no securityRules", nsg.Name)
	}
	out := map[string]resource.PropertyMap{}
	for _, r := range v.ArrayValue() {
		m := r.ObjectValue()
		out[m["name"].StringValue()] = m
	}
	return out
}

// strs returns a rule's single or plural field as a list.
func strs(m resource.PropertyMap, single, plural string) []string {
	if s := str(m, single); s != "" {
		return []string{s}
	}
	v, ok := m[resource.PropertyKey(plural)]
	if !ok || !v.IsArray() {
		return nil
	}
	var out []string
	for _, e := range v.ArrayValue() {
		out = append(out, e.StringValue())
	}
	return out
}

func num(m resource.PropertyMap, key string) int {
	v, ok := m[resource.PropertyKey(key)]
	if !ok || !v.IsNumber() {
		return -1
	}
	return int(v.NumberValue())
}

// coversPort reports whether a port spec ("22", "20-25", "*") covers port.
func coversPort(spec string, port int) bool {
	if spec == "*" {
		return true
	}
	lo, hi, found := strings.Cut(spec, "-")
	if !found {
		hi = lo
	}
	a, err := strconv.Atoi(lo)
	if err != nil {
		return false
	}
	b, err := strconv.Atoi(hi)
	if err != nil {
		return false
	}
	return a <= port && port <= b
}

// openSource reports whether an NSG source means "anyone".
func openSource(s string) bool {
	return slices.Contains([]string{"*", "Internet", "Any", "0.0.0.0/0", "internet"}, s)
}

func prefixBits(t testing.TB, cidr string) int {
	t.Helper()
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		t.Fatalf("bad prefix %q: %v", cidr, err)
	}
	return p.Bits()
}
