package securenetwork

import (
	"fmt"

	"github.com/aiready/aiready/internal/outputmap"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TypeToken is the component's Pulumi type token. It never changes; a rename would
// ship with pulumi.Aliases.
const TypeToken = "aiready:network:SecureNetwork"

// ComponentName is the value of the aiready-component tag on the component's resources.
const ComponentName = "SecureNetwork"

const pkg = "securenetwork"

// SecureNetwork is the network of an AI landing zone across one or more regions.
type SecureNetwork struct {
	pulumi.ResourceState

	// Regions are the per-region results by location, for Go programs that compose
	// components (not registered as outputs; the maps below are).
	Regions map[string]*RegionNetwork

	// VirtualNetworkIDs are the virtual network ids by location.
	VirtualNetworkIDs pulumi.StringMapOutput `pulumi:"virtualNetworkIds"`
	// SubnetIDs are the subnet ids by location, then by role (SubnetRole values).
	SubnetIDs pulumi.StringMapMapOutput `pulumi:"subnetIds"`
	// NetworkSecurityGroupIDs are the NSG ids by location, then by subnet role.
	NetworkSecurityGroupIDs pulumi.StringMapMapOutput `pulumi:"networkSecurityGroupIds"`
	// PrivateDNSZoneIDs are the private DNS zone ids by service key (DNS* constants).
	PrivateDNSZoneIDs pulumi.StringMapOutput `pulumi:"privateDnsZoneIds"`
	// BastionIDs are the Bastion host ids by location (regions with a Bastion).
	BastionIDs pulumi.StringMapOutput `pulumi:"bastionIds"`
	// JumpboxIDs are the jumpbox VM ids by location (regions with a jumpbox).
	JumpboxIDs pulumi.StringMapOutput `pulumi:"jumpboxIds"`
	// JumpboxPrincipalIDs are the jumpboxes' managed identity principal ids by location.
	JumpboxPrincipalIDs pulumi.StringMapOutput `pulumi:"jumpboxPrincipalIds"`
	// GatewayIDs are the ExpressRoute or VPN gateway ids by location (regions with one).
	GatewayIDs pulumi.StringMapOutput `pulumi:"gatewayIds"`
	// DDoSProtectionPlanID is the DDoS protection plan attached to every network ("" when none).
	DDoSProtectionPlanID pulumi.StringOutput `pulumi:"ddosProtectionPlanId"`
}

// RegionNetwork is one region's network.
type RegionNetwork struct {
	// Location is the region name.
	Location string
	// AddressSpace is the network's range.
	AddressSpace string
	// SubnetPrefixes are the planned CIDRs of the subnets built, by role.
	SubnetPrefixes map[SubnetRole]string
	// VirtualNetworkID and VirtualNetworkName identify the network.
	VirtualNetworkID, VirtualNetworkName pulumi.StringOutput
	// SubnetIDs are the ids of the subnets built, by role.
	SubnetIDs map[SubnetRole]pulumi.StringOutput
	// NetworkSecurityGroupIDs are the NSG ids by subnet role (GatewaySubnet has none).
	NetworkSecurityGroupIDs map[SubnetRole]pulumi.StringOutput
	// BastionID is the Bastion host's id; nil when the region has none.
	BastionID *pulumi.StringOutput
	// JumpboxID and JumpboxPrincipalID identify the jumpbox and its managed identity;
	// nil when the region has none.
	JumpboxID, JumpboxPrincipalID *pulumi.StringOutput
	// GatewayID is the ExpressRoute or VPN gateway's id; nil when the region has none.
	GatewayID *pulumi.StringOutput
	// PeeringID is the peering to the hub's id; nil unless Hybrid.Mode is HubPeering.
	PeeringID *pulumi.StringOutput
	// RegionPeeringIDs are the ids of this network's peerings to the other regions'
	// networks, by their location (empty with one region).
	RegionPeeringIDs map[string]pulumi.StringOutput
}

// New validates args and builds the SecureNetwork. It fails before registering
// anything when the arguments are invalid (see Args.Validate).
func New(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*SecureNetwork, error) {
	r, err := args.resolve()
	if err != nil {
		return nil, err
	}
	comp := &SecureNetwork{Regions: map[string]*RegionNetwork{}}
	if err := ctx.RegisterComponentResourceV2(TypeToken, name, summary(args, r), comp, opts...); err != nil {
		return nil, fmt.Errorf("%s %q: registering the component: %w", pkg, name, err)
	}
	b := &builder{
		ctx:  ctx,
		name: name,
		args: args,
		r:    r,
		comp: comp,
		tags: tags.Set{Archetype: args.Archetype, Production: args.Production, Component: ComponentName}.Merge(args.Tags),
	}
	if err := b.build(); err != nil {
		return nil, err
	}
	return comp, nil
}

// builder holds what the constructor's steps share.
type builder struct {
	ctx  *pulumi.Context
	name string
	args *Args
	r    *resolved
	comp *SecureNetwork
	tags pulumi.StringMap
	// peerings are the peerings created so far, which the next waits for.
	peerings []pulumi.Resource
}

func (b *builder) opts(extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(b.comp)}, extra...)
}

// hubOpts are the options of resources in a hub's scope.
func (b *builder) hubOpts(extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	if b.args.HubProvider != nil {
		extra = append(extra, pulumi.Provider(b.args.HubProvider))
	}
	return b.opts(extra...)
}

func (b *builder) wrap(child string, err error) error {
	return fmt.Errorf("%s %q: creating %s: %w", pkg, b.name, child, err)
}

func (b *builder) build() error {
	planID, err := b.ddosPlan()
	if err != nil {
		return err
	}

	vnetIDs := pulumi.StringMap{}
	subnetIDs := pulumi.StringMapMap{}
	nsgIDs := pulumi.StringMapMap{}
	bastionIDs, jumpboxIDs, principalIDs, gatewayIDs := pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}
	var vnets []*network.VirtualNetwork

	for _, reg := range b.r.regions {
		out, vnet, err := b.region(reg, planID)
		if err != nil {
			return err
		}
		vnets = append(vnets, vnet)
		b.comp.Regions[reg.Location] = out
		vnetIDs[reg.Location] = out.VirtualNetworkID
		subnets, nsgs := pulumi.StringMap{}, pulumi.StringMap{}
		for role, id := range out.SubnetIDs {
			subnets[string(role)] = id
		}
		for role, id := range out.NetworkSecurityGroupIDs {
			nsgs[string(role)] = id
		}
		subnetIDs[reg.Location] = subnets
		nsgIDs[reg.Location] = nsgs
		if out.BastionID != nil {
			bastionIDs[reg.Location] = *out.BastionID
		}
		if out.JumpboxID != nil {
			jumpboxIDs[reg.Location] = *out.JumpboxID
			principalIDs[reg.Location] = *out.JumpboxPrincipalID
		}
		if out.GatewayID != nil {
			gatewayIDs[reg.Location] = *out.GatewayID
		}
	}

	mesh, err := b.regionPeerings(vnets)
	if err != nil {
		return err
	}
	for loc, ids := range mesh {
		b.comp.Regions[loc].RegionPeeringIDs = ids
	}

	zoneIDs, err := b.privateDNS(vnets)
	if err != nil {
		return err
	}

	c := b.comp
	c.VirtualNetworkIDs = vnetIDs.ToStringMapOutput()
	c.SubnetIDs = subnetIDs.ToStringMapMapOutput()
	c.NetworkSecurityGroupIDs = nsgIDs.ToStringMapMapOutput()
	c.PrivateDNSZoneIDs = zoneIDs.ToStringMapOutput()
	c.BastionIDs = bastionIDs.ToStringMapOutput()
	c.JumpboxIDs = jumpboxIDs.ToStringMapOutput()
	c.JumpboxPrincipalIDs = principalIDs.ToStringMapOutput()
	c.GatewayIDs = gatewayIDs.ToStringMapOutput()
	c.DDoSProtectionPlanID = pulumi.String("").ToStringOutput()
	if planID != nil {
		c.DDoSProtectionPlanID = planID.ToStringOutput()
	}
	if err := outputmap.Register(b.ctx, c); err != nil {
		return fmt.Errorf("%s %q: %w", pkg, b.name, err)
	}
	return nil
}

// ddosPlan creates the plan, or returns the existing plan's id; nil when there is none.
func (b *builder) ddosPlan() (pulumi.StringInput, error) {
	d := b.args.DDoS
	if d == nil {
		return nil, nil
	}
	if d.ExistingPlanID != nil {
		return d.ExistingPlanID, nil
	}
	rg, loc := d.ResourceGroupName, d.Location
	if rg == nil {
		rg = b.r.regions[0].ResourceGroupName
	}
	if loc == "" {
		loc = b.r.regions[0].Location
	}
	resName := b.name + "-ddos"
	plan, err := network.NewDdosProtectionPlan(b.ctx, resName, &network.DdosProtectionPlanArgs{
		ResourceGroupName: rg,
		Location:          pulumi.String(loc),
		Tags:              b.tags,
	}, b.opts()...)
	if err != nil {
		return nil, b.wrap(resName, err)
	}
	return plan.ID().ToStringOutput(), nil
}

// summary is what the component records as its inputs: the plain decisions, never a
// secret.
func summary(a *Args, r *resolved) pulumi.Map {
	regions := pulumi.Array{}
	for _, reg := range r.regions {
		subnets := pulumi.StringMap{}
		for role, p := range reg.subnets {
			if reg.builds(role) {
				subnets[string(role)] = pulumi.String(p.String())
			}
		}
		regions = append(regions, pulumi.Map{
			"location":     pulumi.String(reg.Location),
			"addressSpace": pulumi.String(reg.space.String()),
			"subnets":      subnets,
			"hybrid":       pulumi.String(string(reg.mode)),
			"bastion":      pulumi.Bool(reg.bastion),
			"jumpbox":      pulumi.Bool(reg.jumpbox),
		})
	}
	keys := PrivateDNSZoneKeys()
	return pulumi.Map{
		"archetype":      pulumi.String(a.Archetype),
		"production":     pulumi.Bool(a.Production),
		"ddosProtection": pulumi.Bool(a.DDoS != nil),
		"regions":        regions,
		"privateDnsKeys": pulumi.ToStringArray(keys),
	}
}
