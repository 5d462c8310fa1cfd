package securenetwork

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// hubPeerings are the recorded peerings to and from a hub (not between regions).
func hubPeerings(rec *pulumitest.Recorder) []pulumitest.Resource {
	var out []pulumitest.Resource
	for _, p := range rec.ByType(tPeer) {
		if !strings.Contains(p.Name, "-to-") {
			out = append(out, p)
		}
	}
	return out
}

// threeRegions is onlineArgs with a third region.
func threeRegions() *Args {
	args := onlineArgs()
	args.Regions = append(args.Regions, RegionArgs{Location: "westus3", ResourceGroupName: pulumi.String("rg-ai-westus3"), AddressSpace: "10.40.0.0/22"})
	return args
}

// TestRegionsPeeredInFullMesh: every region's network is peered with every other's,
// both ways, for virtual network access only, one peering at a time, after the hub
// peerings.
func TestRegionsPeeredInFullMesh(t *testing.T) {
	for name, args := range map[string]*Args{"corp, hub-peered": corpArgs(), "three regions": threeRegions()} {
		t.Run(name, func(t *testing.T) {
			var sn *SecureNetwork
			rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
				var err error
				sn, err = New(ctx, "net", args)
				return err
			})
			n := len(args.Regions)
			if got := rec.Count(tPeer) - len(hubPeerings(rec)); got != n*(n-1) {
				t.Fatalf("%d peerings between regions, want %d", got, n*(n-1))
			}
			prev := hubPeerings(rec)
			for _, from := range args.Regions {
				vnet := rec.Named(t, tVNet, "net-"+from.Location+"-vnet")
				for _, to := range args.Regions {
					if to.Location == from.Location {
						continue
					}
					p := rec.Named(t, tPeer, fmt.Sprintf("net-peering-%s-to-%s", from.Location, to.Location))
					checkMeshPeering(t, rec, p, vnet, to.Location)
					for _, q := range prev {
						if !slices.Contains(p.Dependencies, q.URN) {
							t.Errorf("%s does not wait for %s", p.Name, q.Name)
						}
					}
					prev = []pulumitest.Resource{p}
					if _, ok := sn.Regions[from.Location].RegionPeeringIDs[to.Location]; !ok {
						t.Errorf("RegionPeeringIDs[%s][%s] missing", from.Location, to.Location)
					}
				}
			}
		})
	}
}

func checkMeshPeering(t *testing.T, rec *pulumitest.Recorder, p, from pulumitest.Resource, to string) {
	t.Helper()
	remote := rec.Named(t, tVNet, "net-"+to+"-vnet")
	for path, want := range map[string]string{
		"virtualNetworkPeeringName": "peer-" + to,
		"virtualNetworkName":        from.Name,
		"resourceGroupName":         from.String("resourceGroupName"),
		"remoteVirtualNetwork.id":   remote.ID,
	} {
		if got := p.String(path); got != want {
			t.Errorf("%s: %s = %q, want %q", p.Name, path, got, want)
		}
	}
	for path, want := range map[string]bool{"allowVirtualNetworkAccess": true, "allowForwardedTraffic": false, "allowGatewayTransit": false, "useRemoteGateways": false} {
		if got, ok := p.Bool(path); !ok || got != want {
			t.Errorf("%s: %s = %v, want %v", p.Name, path, got, want)
		}
	}
}

func TestOneRegionHasNoRegionPeering(t *testing.T) {
	var sn *SecureNetwork
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		var err error
		sn, err = New(ctx, "net", oneRegion(HybridArgs{}))
		return err
	})
	if n := rec.Count(tPeer); n != 0 {
		t.Errorf("%d peerings in one region without a hub", n)
	}
	for loc, r := range sn.Regions {
		if len(r.RegionPeeringIDs) != 0 {
			t.Errorf("%s has region peerings %v", loc, r.RegionPeeringIDs)
		}
	}
}
