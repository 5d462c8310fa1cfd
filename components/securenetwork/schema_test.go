package securenetwork

import (
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestInputsMatchTheAzureNativeSchema checks every input the component sends, at
// every depth, against the @pulumi/azure-native@2.90.0 definitions, as the
// provider's Check would: a misspelt or misplaced property fails here, not in Azure.
func TestInputsMatchTheAzureNativeSchema(t *testing.T) {
	s := azschema.ForTest(t)
	programs := map[string]*Args{
		"online":      onlineArgs(),
		"corp":        corpArgs(),
		"ErGwScale":   oneRegion(HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{CircuitID: pulumi.String(circuitID), SKU: ErGwScale}}),
		"S2S BGP":     oneRegion(HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{SiteToSite: &SiteToSiteArgs{DeviceFQDN: "vpn.example.com", SharedKey: pulumi.String("k"), BGP: &BGPArgs{ASN: 65010, PeeringAddress: "192.168.255.1"}}}}),
		"P2S default": oneRegion(HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{PointToSite: &PointToSiteArgs{ClientAddressPool: []string{"172.16.0.0/24"}}}}),
	}
	seen := map[string]bool{}
	for name, args := range programs {
		t.Run(name, func(t *testing.T) {
			rec := run(t, args)
			for _, r := range custom(rec) {
				seen[r.Type] = true
				if err := s.ValidateInputs(r.Type, r.Inputs); err != nil {
					t.Errorf("%s %s:\n%v", r.Type, r.Name, err)
				}
			}
		})
	}
	for _, typ := range []string{tVNet, tNSG, tDDoS, tPIP, tBastion, tNIC, tVM, tExt, tRA, tZone, tLink, tGW, tConn, tLGW, tPeer, ScalableGatewayType} {
		if !seen[typ] {
			t.Errorf("no program built a %s; the check does not cover it", typ)
		}
	}
	// The resources the component leaves untagged really have no tags.
	for _, typ := range []string{tPeer, tRA} {
		if declaresTags(t, s, typ) {
			t.Errorf("%s has a tags input; tag it", typ)
		}
	}
}

// declaresTags reports whether a resource's Args interface has a tags input.
func declaresTags(t *testing.T, s *azschema.Schema, token string) bool {
	t.Helper()
	r, err := s.Resource(token)
	if err != nil {
		t.Fatal(err)
	}
	_, ok := r.Inputs.Props["tags"]
	return ok
}
