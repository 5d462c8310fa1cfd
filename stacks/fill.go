package stacks

import (
	"maps"
	"slices"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/components/securenetwork"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The functions below are how Deploy turns the validated arguments into the
// deployed ones: a copy of the plan's arguments with only the ids that exist
// once resources are created filled in. Every other value is the one NewPlan
// validated, by construction (TestDeployedArgsAreTheValidated).

// networkFor is the plan's network with each region's resource group.
func (p *Plan) networkFor(resourceGroups map[string]pulumi.StringInput) *securenetwork.Args {
	a := *p.Network
	a.Regions = slices.Clone(a.Regions)
	for i := range a.Regions {
		a.Regions[i].ResourceGroupName = resourceGroups[a.Regions[i].Location]
	}
	return &a
}

// endpointFor is the plan's i-th endpoint with its resource group, subnet, zones
// and workspace.
func (p *Plan) endpointFor(i int, resourceGroup, subnet pulumi.StringInput, zones pulumi.StringMapInput, workspace pulumi.StringInput) *aiendpoint.RegionalAIEndpointArgs {
	a := *p.Endpoints[i]
	a.ResourceGroupName, a.PrivateEndpointSubnetID, a.PrivateDNSZoneIDs, a.LogAnalyticsWorkspaceID = resourceGroup, subnet, zones, workspace
	return &a
}

// gatewayFor is the plan's gateway with its resource group, subnet, workspace,
// the endpoints' URLs and account ids in its members, and the networks its
// private DNS zone links (the plan's other links, e.g. the hub's, kept).
func (p *Plan) gatewayFor(resourceGroup, subnet pulumi.StringInput, endpoints []*aiendpoint.RegionalAIEndpoint, workspace pulumi.StringInput, vnets map[string]pulumi.StringInput) *aiendpoint.GatewayArgs {
	a := *p.Gateway
	a.ResourceGroupName, a.SubnetID, a.LogAnalyticsWorkspaceID = resourceGroup, subnet, workspace
	a.Members = slices.Clone(a.Members)
	for i := range a.Members {
		a.Members[i].Endpoint, a.Members[i].AccountID = endpoints[i].Endpoint, endpoints[i].AccountID
	}
	if a.PrivateDNS.VirtualNetworkIDs != nil {
		links := maps.Clone(a.PrivateDNS.VirtualNetworkIDs)
		for loc := range links {
			if id, ok := vnets[loc]; ok {
				links[loc] = id
			}
		}
		a.PrivateDNS.VirtualNetworkIDs = links
	}
	return &a
}

// replicationFor is the plan's replication with the regions' resource groups and
// subnets and the zones.
func (p *Plan) replicationFor(resourceGroups, subnets map[string]pulumi.StringInput, zones pulumi.StringMapInput) *replication.Args {
	a := *p.Replication
	a.ResourceGroupName = resourceGroups[a.Primary.Location]
	a.Primary.PrivateEndpointSubnetID = subnets[a.Primary.Location]
	if a.Secondary != nil {
		sec := *a.Secondary
		sec.ResourceGroupName, sec.PrivateEndpointSubnetID = resourceGroups[sec.Location], subnets[sec.Location]
		a.Secondary = &sec
	}
	a.PrivateDNSZoneIDs = zones
	return &a
}

// baselineFor is the plan's baseline with the DDoS plan and the zones routed to
// the parameters that take them.
func (p *Plan) baselineFor(ddosPlan pulumi.StringInput, zones pulumi.StringMapInput) *policybaseline.Args {
	a := *p.Baseline
	a.DefaultValues = maps.Clone(a.DefaultValues)
	a.DefaultValues["privateDnsZoneIds"] = zones
	if _, ok := a.DefaultValues["ddosPlan"]; ok {
		a.DefaultValues["ddosPlan"] = ddosPlan
	}
	return &a
}
