package securenetwork

import (
	"fmt"

	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// regionPeerings peers every pair of the component's regional networks, in both
// directions: a full mesh, so that a resource in one region (the API Management
// gateway) reaches the private endpoints of every other region. Virtual network
// access only: no forwarded traffic and no gateway transit, which stay with the hub
// peering (a network may use the remote gateways of one peering only). The address
// spaces do not overlap (Validate refuses overlapping regions), as peering requires.
//
// Azure updates a network's peerings one operation at a time, so the peerings are
// created one after the other, after the hub peerings.
func (b *builder) regionPeerings(vnets []*network.VirtualNetwork) (map[string]map[string]pulumi.StringOutput, error) {
	ids := map[string]map[string]pulumi.StringOutput{}
	prev := b.peerings
	for i, from := range b.r.regions {
		ids[from.Location] = map[string]pulumi.StringOutput{}
		for j, to := range b.r.regions {
			if i == j {
				continue
			}
			resName := fmt.Sprintf("%s-peering-%s-to-%s", b.name, from.Location, to.Location)
			p, err := network.NewVirtualNetworkPeering(b.ctx, resName, &network.VirtualNetworkPeeringArgs{
				VirtualNetworkPeeringName: pulumi.String("peer-" + to.Location),
				ResourceGroupName:         from.ResourceGroupName,
				VirtualNetworkName:        vnets[i].Name,
				RemoteVirtualNetwork:      network.SubResourceArgs{Id: vnets[j].ID().ToStringOutput()},
				AllowVirtualNetworkAccess: pulumi.Bool(true),
				AllowForwardedTraffic:     pulumi.Bool(false),
				AllowGatewayTransit:       pulumi.Bool(false),
				UseRemoteGateways:         pulumi.Bool(false),
			}, b.opts(pulumi.DependsOn(prev))...)
			if err != nil {
				return nil, b.wrap(resName, err)
			}
			ids[from.Location][to.Location] = p.ID().ToStringOutput()
			prev = []pulumi.Resource{p}
		}
	}
	return ids, nil
}
