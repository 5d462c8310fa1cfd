package securenetwork

import (
	"fmt"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// benchArgs is an online network in n regions, alternating ExpressRoute and VPN.
func benchArgs(n int) *Args {
	locations := []string{"eastus2", "swedencentral", "westeurope", "francecentral"}
	args := &Args{
		Archetype: ArchetypeOnline,
		DDoS:      &DDoSArgs{},
		Jumpbox:   JumpboxArgs{SSHPublicKey: pulumi.String(sshKey), AdminGroupObjectIDs: []pulumi.StringInput{pulumi.String(groupID)}},
	}
	for i := 0; i < n; i++ {
		r := RegionArgs{
			Location:          locations[i],
			ResourceGroupName: pulumi.String("rg-" + locations[i]),
			AddressSpace:      fmt.Sprintf("10.%d.0.0/22", 10+i),
		}
		if i%2 == 0 {
			r.Hybrid = HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{CircuitID: pulumi.String(circuitID)}}
		} else {
			r.Hybrid = HybridArgs{Mode: HybridVPN, VPN: &VPNArgs{SiteToSite: &SiteToSiteArgs{
				DeviceIPAddress: "203.0.113.10", AddressPrefixes: []string{"192.168.0.0/16"}, SharedKey: pulumi.String("k"),
			}}}
		}
		args.Regions = append(args.Regions, r)
	}
	return args
}

// BenchmarkNew builds the component under mocks (the SDK's marshalling and the mock
// monitor included) for 1, 2 and 4 regions.
func BenchmarkNew(b *testing.B) {
	for _, n := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("regions=%d", n), func(b *testing.B) {
			args := benchArgs(n)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
					_, err := New(ctx, "net", args)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					b.ReportMetric(float64(len(rec.Resources())), "resources/op")
				}
			}
		})
	}
}

// BenchmarkValidate measures the checks alone (no Pulumi program).
func BenchmarkValidate(b *testing.B) {
	args := benchArgs(4)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := args.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
