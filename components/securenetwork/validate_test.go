package securenetwork

import (
	"errors"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestValidArgsValidate(t *testing.T) {
	for name, mk := range scenarios() {
		if err := mk().Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestBadInputFailsBeforeAnythingIsRegistered(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(a *Args)
		want   []string
	}{
		{"address space too small", func(a *Args) { a.Regions[0].AddressSpace = "10.10.0.0/24" },
			[]string{`Regions[0].AddressSpace: 10.10.0.0/24 (256 addresses) is too small for the subnets, which need 400 addresses`, "use a /23 or larger"}},
		{"overlapping address spaces", func(a *Args) { a.Regions[1].AddressSpace = "10.10.2.0/23" },
			[]string{`Regions[1].AddressSpace: 10.10.2.0/23 overlaps Regions[0].AddressSpace 10.10.0.0/22`}},
		{"subnet outside the space", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetPrivateEndpoints: {CIDR: "10.99.0.0/24"}}
		}, []string{`Regions[0].Subnets["privateEndpoints"].CIDR: "10.99.0.0/24" is outside the address space 10.10.0.0/22`}},
		{"bastion subnet /27", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetBastion: {PrefixLength: 27}}
		}, []string{`Regions[0].Subnets["bastion"].PrefixLength: /27: AzureBastionSubnet must be /26 or larger`}},
		{"bastion subnet pinned /28", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetBastion: {CIDR: "10.10.3.0/28"}}
		}, []string{`Regions[0].Subnets["bastion"].CIDR: "10.10.3.0/28": AzureBastionSubnet must be /26 or larger`}},
		{"ExpressRoute without a circuit id", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.CircuitID = nil },
			[]string{`Regions[0].Hybrid.ExpressRoute.CircuitID: required for ExpressRoute`}},
		{"ExpressRoute without its settings", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute = nil },
			[]string{`Regions[0].Hybrid.ExpressRoute.CircuitID: required for ExpressRoute`}},
		{"site-to-site without a shared key", func(a *Args) { a.Regions[1].Hybrid.VPN.SiteToSite.SharedKey = nil },
			[]string{`Regions[1].Hybrid.VPN.SiteToSite.SharedKey: required for site-to-site VPN`}},
		{"online without DDoS", func(a *Args) { a.DDoS = nil },
			[]string{`DDoS: required for the online archetype`}},
		{"unknown region", func(a *Args) { a.Regions[0].Location = "eastus9" },
			[]string{`Regions[0].Location: region "eastus9": unknown region`, `(did you mean it?)`}},
		{"Basic VPN SKU", func(a *Args) { a.Regions[1].Hybrid.VPN.SKU = "Basic" },
			[]string{`Regions[1].Hybrid.VPN.SKU: "Basic" is not allowed`}},
		{"ExpressRoute SKU without FastPath", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.SKU = "ErGw1AZ" },
			[]string{`Regions[0].Hybrid.ExpressRoute.SKU: "ErGw1AZ" does not support FastPath; use ErGw3AZ or ErGwScale`}},
		{"non-AZ ExpressRoute SKU", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.SKU = UltraPerformance },
			[]string{`Regions[0].Hybrid.ExpressRoute.SKU: "UltraPerformance" is a non-AZ SKU that cannot span availability zones, which Microsoft migrates to ErGw3AZ; use ErGw3AZ (FastPath too, zone-redundant) or ErGwScale`}},
		{"non-AZ VPN SKU", func(a *Args) { a.Regions[1].Hybrid.VPN.SKU = "VpnGw2" },
			[]string{`Regions[1].Hybrid.VPN.SKU: "VpnGw2" is a non-AZ SKU Azure no longer creates (since 2025-01-01: NonAzSkusNotAllowedForVPNGateway); use VpnGw2AZ, its zone-redundant equivalent`}},
		{"legacy VPN SKU", func(a *Args) { a.Regions[1].Hybrid.VPN.SKU = "HighPerformance" },
			[]string{`Regions[1].Hybrid.VPN.SKU: "HighPerformance" is a legacy SKU Azure no longer creates; use VpnGw2AZ`}},
		{"duplicate region", func(a *Args) { a.Regions[1].Location = "eastus2" },
			[]string{`Regions[1].Location: "eastus2" is already Regions[0]`}},

		{"nil args", nil, []string{"args are required"}},
		{"no archetype", func(a *Args) { a.Archetype = "" }, []string{"Archetype: required; use one of corp, online, dev, sandbox, connectivity"}},
		{"unknown archetype", func(a *Args) { a.Archetype = "public" }, []string{`Archetype: "public" is not an archetype`}},
		{"no regions", func(a *Args) { a.Regions = nil }, []string{"Regions: at least one region is required"}},
		{"no resource group", func(a *Args) { a.Regions[1].ResourceGroupName = nil }, []string{"Regions[1].ResourceGroupName: required"}},
		{"address space not CIDR", func(a *Args) { a.Regions[0].AddressSpace = "10.10.0.0" }, []string{`Regions[0].AddressSpace: "10.10.0.0" is not a CIDR range`}},
		{"address space host bits", func(a *Args) { a.Regions[0].AddressSpace = "10.10.1.0/22" }, []string{`Regions[0].AddressSpace: "10.10.1.0/22" has host bits set; use "10.10.0.0/22"`}},
		{"address space IPv6", func(a *Args) { a.Regions[0].AddressSpace = "fd00::/48" }, []string{`Regions[0].AddressSpace: "fd00::/48" is not IPv4`}},
		{"pinned subnets overlap", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetPrivateEndpoints: {CIDR: "10.10.0.0/24"}, SubnetAPIM: {CIDR: "10.10.0.32/27"}}
		}, []string{`Regions[0].Subnets["apim"].CIDR: 10.10.0.32/27 overlaps Subnets["privateEndpoints"].CIDR 10.10.0.0/24`}},
		{"CIDR and PrefixLength", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetAPIM: {CIDR: "10.10.3.0/27", PrefixLength: 27}}
		}, []string{`Regions[0].Subnets["apim"]: CIDR "10.10.3.0/27" and PrefixLength 27 are mutually exclusive`}},
		{"unknown subnet role", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{"firewall": {PrefixLength: 26}}
		}, []string{`Regions[0].Subnets["firewall"]: unknown subnet role`}},
		{"omit a built subnet", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetGateway: {Omit: true}}
		}, []string{`Regions[0].Subnets["gateway"].Omit: the region builds this subnet (Hybrid.Mode needs a gateway)`}},
		{"omit the private endpoints", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetPrivateEndpoints: {Omit: true}}
		}, []string{`Regions[0].Subnets["privateEndpoints"].Omit: the privateEndpoints subnet is always built`}},
		{"gateway subnet /28", func(a *Args) {
			a.Regions[0].Subnets = map[SubnetRole]SubnetOverride{SubnetGateway: {PrefixLength: 28}}
		}, []string{`Regions[0].Subnets["gateway"].PrefixLength: /28: GatewaySubnet must be /27 or larger`}},
		{"bad circuit id", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.CircuitID = pulumi.String("er-circuit") },
			[]string{`Regions[0].Hybrid.ExpressRoute.CircuitID: "er-circuit" is not a expressRouteCircuits resource id`}},
		{"unknown ExpressRoute SKU", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.SKU = "VpnGw2" },
			[]string{`Regions[0].Hybrid.ExpressRoute.SKU: "VpnGw2" is not an ExpressRoute gateway SKU`}},
		{"ErGwScale below FastPath", func(a *Args) {
			a.Regions[0].Hybrid.ExpressRoute.SKU = ErGwScale
			a.Regions[0].Hybrid.ExpressRoute.MinScaleUnits = 2
		}, []string{`Regions[0].Hybrid.ExpressRoute.MinScaleUnits: 2 is too few for FastPath`}},
		{"scale units on a fixed SKU", func(a *Args) { a.Regions[0].Hybrid.ExpressRoute.MinScaleUnits = 12 },
			[]string{`Regions[0].Hybrid.ExpressRoute.MinScaleUnits/MaxScaleUnits: only for the ErGwScale SKU`}},
		{"settings of another mode", func(a *Args) { a.Regions[0].Hybrid.VPN = &VPNArgs{} },
			[]string{`Regions[0].Hybrid.VPN: set only when Mode is VPN (Mode is ExpressRoute)`}},
		{"unknown mode", func(a *Args) { a.Regions[0].Hybrid = HybridArgs{Mode: "SDWAN"} },
			[]string{`Regions[0].Hybrid.Mode: "SDWAN" is not a mode`}},
		{"unknown VPN SKU", func(a *Args) { a.Regions[1].Hybrid.VPN.SKU = "ErGw3AZ" },
			[]string{`Regions[1].Hybrid.VPN.SKU: "ErGw3AZ" is not a VPN gateway SKU`}},
		{"VPN connecting nothing", func(a *Args) {
			a.Regions[1].Hybrid.VPN.SiteToSite, a.Regions[1].Hybrid.VPN.PointToSite = nil, nil
		}, []string{`Regions[1].Hybrid.VPN: set SiteToSite`}},
		{"site-to-site without a device", func(a *Args) { a.Regions[1].Hybrid.VPN.SiteToSite.DeviceIPAddress = "" },
			[]string{`Regions[1].Hybrid.VPN.SiteToSite.DeviceIPAddress: required (or DeviceFQDN)`}},
		{"site-to-site without ranges", func(a *Args) { a.Regions[1].Hybrid.VPN.SiteToSite.AddressPrefixes = nil },
			[]string{`Regions[1].Hybrid.VPN.SiteToSite.AddressPrefixes: required unless BGP is set`}},
		{"on-premises range overlaps a region", func(a *Args) { a.Regions[1].Hybrid.VPN.SiteToSite.AddressPrefixes = []string{"10.0.0.0/8"} },
			[]string{`Regions[1].Hybrid.VPN.SiteToSite.AddressPrefixes[0]: 10.0.0.0/8 overlaps Regions[0].AddressSpace 10.10.0.0/22`}},
		{"reserved BGP ASN", func(a *Args) {
			a.Regions[1].Hybrid.VPN.SiteToSite.BGP = &BGPArgs{ASN: 65515, PeeringAddress: "192.168.0.1"}
		}, []string{`Regions[1].Hybrid.VPN.SiteToSite.BGP.ASN: 65515 is not allowed`}},
		{"point-to-site without a pool", func(a *Args) { a.Regions[1].Hybrid.VPN.PointToSite.ClientAddressPool = nil },
			[]string{`Regions[1].Hybrid.VPN.PointToSite.ClientAddressPool: required`}},
		{"point-to-site pool overlaps a region", func(a *Args) { a.Regions[1].Hybrid.VPN.PointToSite.ClientAddressPool = []string{"10.20.1.0/24"} },
			[]string{`Regions[1].Hybrid.VPN.PointToSite.ClientAddressPool[0]: 10.20.1.0/24 overlaps Regions[1].AddressSpace 10.20.0.0/22`}},
		{"point-to-site tenant not a GUID", func(a *Args) { a.Regions[1].Hybrid.VPN.PointToSite.TenantID = pulumi.String("contoso") },
			[]string{`Regions[1].Hybrid.VPN.PointToSite.TenantID: "contoso" is not a tenant id`}},
		{"hub peering without the hub", func(a *Args) { a.Regions[0].Hybrid = HybridArgs{Mode: HybridHubPeering} },
			[]string{`Regions[0].Hybrid.HubPeering.RemoteVirtualNetworkID: required for hub peering`}},
		{"hub id of another type", func(a *Args) {
			a.Regions[0].Hybrid = HybridArgs{Mode: HybridHubPeering, HubPeering: &HubPeeringArgs{RemoteVirtualNetworkID: pulumi.String(ddosPlanID)}}
		}, []string{`Regions[0].Hybrid.HubPeering.RemoteVirtualNetworkID: "` + ddosPlanID + `" is not a virtualNetworks resource id`}},
		{"no jumpbox credential", func(a *Args) { a.Jumpbox.SSHPublicKey = nil },
			[]string{`Jumpbox.SSHPublicKey: a credential is required for the jumpbox`}},
		{"two jumpbox credentials", func(a *Args) { a.Jumpbox.AdminPassword = pulumi.String("x") },
			[]string{`Jumpbox.SSHPublicKey: mutually exclusive with Jumpbox.AdminPassword`}},
		{"not an SSH key", func(a *Args) { a.Jumpbox.SSHPublicKey = pulumi.String("-----BEGIN RSA PRIVATE KEY-----") },
			[]string{`Jumpbox.SSHPublicKey: not an OpenSSH public key`}},
		{"reserved username", func(a *Args) { a.Jumpbox.AdminUsername = "admin" },
			[]string{`Jumpbox.AdminUsername: "admin" is not allowed`}},
		{"group id not a GUID", func(a *Args) { a.Jumpbox.AdminGroupObjectIDs = []pulumi.StringInput{pulumi.String("ops-team")} },
			[]string{`Jumpbox.AdminGroupObjectIDs[0]: "ops-team" is not an Entra ID object id`}},
		{"jumpbox unreachable", func(a *Args) { a.Regions[1].DisableBastion = true },
			[]string{`Regions[1].DisableBastion: the jumpbox of Regions[1] would be unreachable`}},
		{"jumpbox unreachable everywhere", func(a *Args) { a.Bastion.Disabled = true },
			[]string{`Bastion.Disabled: the jumpbox of Regions[0] would be unreachable`, `Bastion.Disabled: the jumpbox of Regions[1] would be unreachable`}},
		{"jumpbox open to all", func(a *Args) { a.Jumpbox.AllowedSourcePrefixes = []string{"0.0.0.0/0"} },
			[]string{`Jumpbox.AllowedSourcePrefixes[0]: "0.0.0.0/0" opens SSH to everything`}},
		{"Bastion scale units", func(a *Args) { a.Bastion.ScaleUnits = 1 },
			[]string{`Bastion.ScaleUnits: 1 is out of range`}},
		{"APIM type", func(a *Args) { a.APIM.VirtualNetworkType = "Public" },
			[]string{`APIM.VirtualNetworkType: "Public" is not allowed`}},
		{"DNS server", func(a *Args) { a.Regions[0].DNSServers = []string{"dns.example.com"} },
			[]string{`Regions[0].DNSServers[0]: "dns.example.com" is not an IPv4 address`}},
		{"existing DDoS plan and a place", func(a *Args) { a.DDoS = &DDoSArgs{ExistingPlanID: pulumi.String(ddosPlanID), Location: "eastus2"} },
			[]string{`DDoS.ExistingPlanID: mutually exclusive with DDoS.ResourceGroupName and DDoS.Location`}},
		{"DDoS plan id of another type", func(a *Args) { a.DDoS = &DDoSArgs{ExistingPlanID: pulumi.String(hubVNetID)} },
			[]string{`DDoS.ExistingPlanID: "` + hubVNetID + `" is not a ddosProtectionPlans resource id`}},
		{"unknown DNS key", func(a *Args) {
			a.PrivateDNS.ExistingZoneIDs = map[string]pulumi.StringInput{"cosmos": pulumi.String(hubOpenAIID)}
		}, []string{`PrivateDNS.ExistingZoneIDs["cosmos"]: unknown service key`}},
		{"existing zone of another service", func(a *Args) {
			a.PrivateDNS.ExistingZoneIDs = map[string]pulumi.StringInput{DNSSearch: pulumi.String(hubOpenAIID)}
		}, []string{`PrivateDNS.ExistingZoneIDs["search"]: "` + hubOpenAIID + `" is the zone "privatelink.openai.azure.com", not "privatelink.search.windows.net"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var args *Args
			if tc.mutate != nil {
				args = onlineArgs()
				tc.mutate(args)
			}
			rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
				_, err := New(ctx, "net", args)
				return err
			})
			if err == nil {
				t.Fatal("New succeeded")
			}
			if !errors.Is(err, ErrInvalidArgs) {
				t.Errorf("error does not wrap ErrInvalidArgs: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			// Validate reports the same, without a Pulumi program (the run wraps it).
			verr := args.Validate()
			if verr == nil || !strings.Contains(err.Error(), verr.Error()) {
				t.Errorf("Validate() = %v, New = %v", verr, err)
			} else if !strings.HasPrefix(verr.Error(), "securenetwork: invalid SecureNetwork arguments:") {
				t.Errorf("error not prefixed with the component: %v", verr)
			}
			for _, r := range rec.Resources() {
				if r.Type != "pulumi:pulumi:Stack" {
					t.Errorf("registered %s %s before failing", r.Type, r.Name)
				}
			}
		})
	}
}

func TestValidateCollectsEveryProblem(t *testing.T) {
	a := onlineArgs()
	a.DDoS = nil
	a.Regions[0].Location = "eastus9"
	a.Regions[1].Hybrid.VPN.SKU = "Basic"
	a.Regions[1].Hybrid.VPN.SiteToSite.SharedKey = nil
	a.Jumpbox.SSHPublicKey = nil
	err := a.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"DDoS:", "Regions[0].Location:", "Regions[1].Hybrid.VPN.SKU:", "Regions[1].Hybrid.VPN.SiteToSite.SharedKey:", "Jumpbox.SSHPublicKey:"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in:\n%v", w, err)
		}
	}
}

func TestRegionsMayReachTheSameOnPremisesRanges(t *testing.T) {
	a := benchArgs(4)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	// But two point-to-site pools may not overlap.
	a.Regions[1].Hybrid.VPN.PointToSite = &PointToSiteArgs{ClientAddressPool: []string{"172.16.0.0/24"}}
	a.Regions[3].Hybrid.VPN.PointToSite = &PointToSiteArgs{ClientAddressPool: []string{"172.16.0.0/23"}}
	err := a.Validate()
	if err == nil || !strings.Contains(err.Error(), "Regions[3].Hybrid.VPN.PointToSite.ClientAddressPool[0]: 172.16.0.0/23 overlaps Regions[1].Hybrid.VPN.PointToSite.ClientAddressPool[0] 172.16.0.0/24") {
		t.Errorf("err = %v", err)
	}
}

func TestValidateDoesNotChangeArgs(t *testing.T) {
	a := onlineArgs()
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if a.Jumpbox.Size != "" || a.Bastion.ScaleUnits != 0 || a.Regions[0].Hybrid.ExpressRoute.SKU != "" {
		t.Error("Validate filled defaults into the caller's Args")
	}
}

func TestOutputsOnlyInputsNeedNoDeployment(t *testing.T) {
	// Inputs that are outputs (e.g. from other resources) are not checked at
	// validation time but are accepted.
	a := onlineArgs()
	a.Regions[0].Hybrid.ExpressRoute.CircuitID = pulumi.String(circuitID).ToStringOutput()
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}
