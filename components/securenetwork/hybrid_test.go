package securenetwork

import (
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// oneRegion is a dev network in eastus2 with the given hybrid connectivity.
func oneRegion(h HybridArgs) *Args {
	return &Args{
		Archetype: ArchetypeDev,
		Jumpbox:   JumpboxArgs{SSHPublicKey: pulumi.String(sshKey)},
		Regions: []RegionArgs{{
			Location:          "eastus2",
			ResourceGroupName: pulumi.String("rg-dev"),
			AddressSpace:      "10.40.0.0/22",
			Hybrid:            h,
		}},
	}
}

func strList(r pulumitest.Resource, path string) []string {
	v, ok := r.Input(path)
	if !ok || !v.IsArray() {
		return nil
	}
	var out []string
	for _, e := range v.ArrayValue() {
		out = append(out, e.StringValue())
	}
	return out
}

func TestExpressRouteWithFastPath(t *testing.T) {
	for _, sku := range []string{"", ErGw3AZ} {
		t.Run("sku="+sku, func(t *testing.T) {
			rec := run(t, oneRegion(HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{
				CircuitID: pulumi.String(circuitID), SKU: sku,
			}}))
			want := sku
			if want == "" {
				want = ErGw3AZ
			}
			gw := rec.Named(t, tGW, "net-eastus2-ergw")
			if gw.Type != "azure-native:network:VirtualNetworkGateway" {
				t.Errorf("gateway token %q", gw.Type)
			}
			if gw.String("gatewayType") != "ExpressRoute" || gw.String("sku.name") != want || gw.String("sku.tier") != want {
				t.Errorf("gateway %s sku %s/%s, want ExpressRoute %s", gw.String("gatewayType"), gw.String("sku.name"), gw.String("sku.tier"), want)
			}
			if got, wantSubnet := gw.String("ipConfigurations[0].subnet.id"), pulumitest.FakeID(tVNet, "net-eastus2-vnet")+"/subnets/GatewaySubnet"; got != wantSubnet {
				t.Errorf("gateway subnet %q, want %q", got, wantSubnet)
			}
			pip := rec.Named(t, tPIP, "net-eastus2-ergw-pip")
			if gw.String("ipConfigurations[0].publicIPAddress.id") != pip.ID {
				t.Error("gateway does not use its public IP")
			}
			zones := strList(pip, "zones")
			if want == ErGw3AZ && !slices.Equal(zones, []string{"1", "2", "3"}) {
				t.Errorf("AZ gateway IP zones %v, want 1 2 3", zones)
			}
			conn := rec.Named(t, tConn, "net-eastus2-ergw-connection")
			if conn.String("connectionType") != "ExpressRoute" || conn.String("peer.id") != circuitID || conn.String("virtualNetworkGateway1.id") != gw.ID {
				t.Errorf("connection %s peer %q gateway %q", conn.String("connectionType"), conn.String("peer.id"), conn.String("virtualNetworkGateway1.id"))
			}
			if on, _ := conn.Bool("expressRouteGatewayBypass"); !on {
				t.Error("FastPath (expressRouteGatewayBypass) off")
			}
			if _, ok := conn.Input("authorizationKey"); ok {
				t.Error("authorization key set without one given")
			}
			if rec.Count(tPeer)+rec.Count(tLGW) != 0 {
				t.Error("peering or local gateway built for ExpressRoute")
			}
		})
	}
}

func TestExpressRouteScalableGateway(t *testing.T) {
	rec := run(t, oneRegion(HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{
		CircuitID: pulumi.String(circuitID), SKU: ErGwScale, MaxScaleUnits: 20,
	}}))
	gw := rec.Named(t, tGW, "net-eastus2-ergw")
	if gw.Type != ScalableGatewayType || gw.Version != "2.90.0" {
		t.Errorf("ErGwScale gateway token %q version %q, want %q 2.90.0", gw.Type, gw.Version, ScalableGatewayType)
	}
	if gw.String("sku.name") != ErGwScale || gw.String("gatewayType") != "ExpressRoute" {
		t.Errorf("sku %q type %q", gw.String("sku.name"), gw.String("gatewayType"))
	}
	lo, _ := gw.Number("autoScaleConfiguration.bounds.min")
	hi, _ := gw.Number("autoScaleConfiguration.bounds.max")
	if lo != MinFastPathScaleUnits || hi != 20 {
		t.Errorf("scale units %v-%v, want %d-20", lo, hi, MinFastPathScaleUnits)
	}
	if gw.String("ipConfigurations[0].subnet.id") == "" || gw.String("tags.aiready-component") != ComponentName {
		t.Error("ip configuration or tags missing on the ErGwScale gateway")
	}
	conn := rec.Named(t, tConn, "net-eastus2-ergw-connection")
	if on, _ := conn.Bool("expressRouteGatewayBypass"); !on || conn.String("virtualNetworkGateway1.id") != gw.ID {
		t.Error("FastPath connection not on the ErGwScale gateway")
	}
	if z := strList(rec.Named(t, tPIP, "net-eastus2-ergw-pip"), "zones"); len(z) != 3 {
		t.Errorf("ErGwScale public IP zones %v", z)
	}
}

func TestVPNSiteToSiteAndPointToSite(t *testing.T) {
	rec := run(t, onlineArgs())
	gw := rec.Named(t, tGW, "net-swedencentral-vpngw")
	for path, want := range map[string]string{
		"gatewayType":                        "Vpn",
		"vpnType":                            "RouteBased",
		"sku.name":                           DefaultVPNSKU,
		"sku.tier":                           DefaultVPNSKU,
		"vpnGatewayGeneration":               "Generation2",
		"vpnClientConfiguration.aadTenant":   "https://login.microsoftonline.com/" + tenantID + "/",
		"vpnClientConfiguration.aadIssuer":   "https://sts.windows.net/" + tenantID + "/",
		"vpnClientConfiguration.aadAudience": AzureVPNClientAudience,
		"vpnClientConfiguration.vpnClientAddressPool.addressPrefixes[0]": "172.16.200.0/24",
	} {
		if got := gw.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if got := strList(gw, "vpnClientConfiguration.vpnAuthenticationTypes"); !slices.Equal(got, []string{"AAD"}) {
		t.Errorf("P2S authentication %v, want [AAD]", got)
	}
	if got := strList(gw, "vpnClientConfiguration.vpnClientProtocols"); !slices.Equal(got, []string{"OpenVPN"}) {
		t.Errorf("P2S protocols %v, want [OpenVPN]", got)
	}
	if aa, _ := gw.Bool("activeActive"); !aa || gw.Len("ipConfigurations") != 2 {
		t.Errorf("active-active %v with %d ip configurations", aa, gw.Len("ipConfigurations"))
	}
	for _, n := range []string{"net-swedencentral-vpngw-pip", "net-swedencentral-vpngw-pip2"} {
		if z := strList(rec.Named(t, tPIP, n), "zones"); len(z) != 3 {
			t.Errorf("%s zones %v, want zone-redundant for an AZ SKU", n, z)
		}
	}
	lgw := rec.Named(t, tLGW, "net-swedencentral-lgw")
	if lgw.String("gatewayIpAddress") != "203.0.113.10" || lgw.String("localNetworkAddressSpace.addressPrefixes[0]") != "192.168.0.0/16" {
		t.Errorf("local gateway %q %q", lgw.String("gatewayIpAddress"), lgw.String("localNetworkAddressSpace.addressPrefixes[0]"))
	}
	conn := rec.Named(t, tConn, "net-swedencentral-vpngw-s2s")
	if conn.String("connectionType") != "IPsec" || conn.String("connectionProtocol") != "IKEv2" ||
		conn.String("virtualNetworkGateway1.id") != gw.ID || conn.String("localNetworkGateway2.id") != lgw.ID {
		t.Errorf("S2S connection %s/%s gw %q lgw %q", conn.String("connectionType"), conn.String("connectionProtocol"), conn.String("virtualNetworkGateway1.id"), conn.String("localNetworkGateway2.id"))
	}
	if !conn.IsSecret("sharedKey") {
		t.Error("shared key not secret")
	}
}

func TestVPNPointToSiteTenantDefaultsToTheDeployingTenant(t *testing.T) {
	rec := run(t, oneRegion(HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{
		SKU:         "VpnGw1AZ",
		PointToSite: &PointToSiteArgs{ClientAddressPool: []string{"172.16.201.0/24"}},
	}}))
	gw := rec.Named(t, tGW, "net-eastus2-vpngw")
	if got := gw.String("vpnClientConfiguration.aadTenant"); got != "https://login.microsoftonline.com/"+pulumitest.FakeTenantID+"/" {
		t.Errorf("aadTenant %q, want the client config's tenant", got)
	}
	if gw.String("vpnGatewayGeneration") != "Generation1" || gw.String("sku.name") != "VpnGw1AZ" {
		t.Errorf("VpnGw1AZ generation %q", gw.String("vpnGatewayGeneration"))
	}
	if aa, _ := gw.Bool("activeActive"); aa || gw.Len("ipConfigurations") != 1 {
		t.Error("active-active without asking")
	}
	if rec.Count(tLGW)+rec.Count(tConn) != 0 {
		t.Error("site-to-site resources without SiteToSite")
	}
}

func TestVPNSiteToSiteWithBGP(t *testing.T) {
	rec := run(t, oneRegion(HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{
		SiteToSite: &SiteToSiteArgs{
			DeviceFQDN: "vpn.example.com",
			SharedKey:  pulumi.String("k"),
			BGP:        &BGPArgs{ASN: 65010, PeeringAddress: "192.168.255.1"},
		},
	}}))
	gw := rec.Named(t, tGW, "net-eastus2-vpngw")
	if on, _ := gw.Bool("enableBgp"); !on {
		t.Error("BGP off on the gateway")
	}
	if _, ok := gw.Input("vpnClientConfiguration"); ok {
		t.Error("point-to-site configured without PointToSite")
	}
	lgw := rec.Named(t, tLGW, "net-eastus2-lgw")
	if asn, _ := lgw.Number("bgpSettings.asn"); asn != 65010 || lgw.String("bgpSettings.bgpPeeringAddress") != "192.168.255.1" || lgw.String("fqdn") != "vpn.example.com" {
		t.Errorf("local gateway BGP %v %q fqdn %q", asn, lgw.String("bgpSettings.bgpPeeringAddress"), lgw.String("fqdn"))
	}
	if _, ok := lgw.Input("localNetworkAddressSpace"); ok {
		t.Error("address space set with BGP and no prefixes")
	}
	if on, _ := rec.Named(t, tConn, "net-eastus2-vpngw-s2s").Bool("enableBgp"); !on {
		t.Error("BGP off on the connection")
	}
}

func TestHubPeering(t *testing.T) {
	rec, hub := runWithHubProvider(t, corpArgs())
	spoke := rec.Named(t, tPeer, "net-westeurope-peering")
	vnet := rec.Named(t, tVNet, "net-westeurope-vnet")
	if spoke.String("remoteVirtualNetwork.id") != hubVNetID || spoke.String("virtualNetworkName") != "net-westeurope-vnet" || spoke.String("resourceGroupName") != "rg-corp-westeurope" {
		t.Errorf("spoke peering to %q on %q in %q", spoke.String("remoteVirtualNetwork.id"), spoke.String("virtualNetworkName"), spoke.String("resourceGroupName"))
	}
	if on, _ := spoke.Bool("useRemoteGateways"); !on {
		t.Error("useRemoteGateways off")
	}
	if on, _ := spoke.Bool("allowVirtualNetworkAccess"); !on {
		t.Error("allowVirtualNetworkAccess off")
	}
	hubSide := rec.Named(t, tPeer, "net-westeurope-peering-hub")
	if hubSide.String("resourceGroupName") != "rg-hub" || hubSide.String("virtualNetworkName") != "vnet-hub" || hubSide.String("remoteVirtualNetwork.id") != vnet.ID {
		t.Errorf("hub peering in %q on %q to %q", hubSide.String("resourceGroupName"), hubSide.String("virtualNetworkName"), hubSide.String("remoteVirtualNetwork.id"))
	}
	if on, _ := hubSide.Bool("allowGatewayTransit"); !on {
		t.Error("hub side does not allow gateway transit")
	}
	if !strings.HasPrefix(hubSide.Provider, hub.URN+"::") {
		t.Errorf("hub peering provider %q, want the hub provider", hubSide.Provider)
	}
	if strings.HasPrefix(spoke.Provider, hub.URN) {
		t.Error("spoke peering uses the hub provider")
	}
	if !slices.Contains(spoke.Dependencies, hubSide.URN) {
		t.Error("spoke peering does not wait for the hub side")
	}
	// A peered region has no gateway of its own.
	if _, has := vnetSubnets(t, vnet)[GatewaySubnetName]; has || rec.Count(tGW) != 0 {
		t.Error("gateway built in a peered region")
	}
	// DNS servers of the hub.
	if vnet.String("dhcpOptions.dnsServers[0]") != "10.0.0.4" {
		t.Errorf("dns servers %q", vnet.String("dhcpOptions.dnsServers[0]"))
	}
}

func TestHubPeeringWithoutHubSide(t *testing.T) {
	args := corpArgs()
	args.Regions[0].Hybrid.HubPeering.CreateHubSide = false
	args.Regions[0].Hybrid.HubPeering.UseRemoteGateways = false
	rec := run(t, args)
	hubPeerings := hubPeerings(rec)
	if n := len(hubPeerings); n != 1 {
		t.Fatalf("want only the spoke's peering to the hub, got %d", n)
	}
	if on, _ := hubPeerings[0].Bool("useRemoteGateways"); on {
		t.Error("useRemoteGateways on")
	}
}

func TestNoHybridConnectivity(t *testing.T) {
	rec := run(t, oneRegion(HybridArgs{}))
	for _, typ := range []string{tGW, tConn, tLGW, tPeer} {
		if n := rec.Count(typ); n != 0 {
			t.Errorf("%d %s without hybrid connectivity", n, typ)
		}
	}
	if rec.Count(tPIP) != 1 {
		t.Errorf("want Bastion's public IP only, got %d", rec.Count(tPIP))
	}
	comp := rec.ByType(TypeToken)[0]
	v, _ := comp.Input("regions")
	if m := v.ArrayValue()[0].ObjectValue(); m["hybrid"].StringValue() != string(HybridNone) {
		t.Errorf("recorded hybrid %v", m["hybrid"])
	}
}

// Ids known only at deployment are parsed then, failing with the field's name.
func TestMalformedIDsKnownOnlyAtDeployment(t *testing.T) {
	args := corpArgs()
	args.Regions[0].Hybrid.HubPeering.RemoteVirtualNetworkID = pulumi.String("vnet-hub").ToStringOutput()
	if err := args.Validate(); err != nil {
		t.Fatalf("an output is not checked by Validate: %v", err)
	}
	_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := New(ctx, "net", args)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), `Regions[0].Hybrid.HubPeering.RemoteVirtualNetworkID: "vnet-hub" is not a virtualNetworks resource id`) {
		t.Errorf("err = %v", err)
	}

	args = corpArgs()
	args.PrivateDNS.ExistingZoneIDs[DNSOpenAI] = pulumi.String("privatelink.openai.azure.com").ToStringOutput()
	_, err = pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := New(ctx, "net", args)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), `PrivateDNS.ExistingZoneIDs["openai"]: "privatelink.openai.azure.com" is not a privateDnsZones resource id`) {
		t.Errorf("err = %v", err)
	}
}
