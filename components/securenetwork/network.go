package securenetwork

import (
	"fmt"

	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// nsgRole is the short name of a subnet role in resource names.
func nsgRole(role SubnetRole) string {
	if role == SubnetPrivateEndpoints {
		return "pe"
	}
	return string(role)
}

// region builds one region: its NSGs and network, then Bastion, the jumpbox and the
// hybrid connectivity.
func (b *builder) region(reg resolvedRegion, planID pulumi.StringInput) (*RegionNetwork, *network.VirtualNetwork, error) {
	prefix := fmt.Sprintf("%s-%s", b.name, reg.Location)
	out := &RegionNetwork{
		Location:                reg.Location,
		AddressSpace:            reg.space.String(),
		SubnetPrefixes:          map[SubnetRole]string{},
		SubnetIDs:               map[SubnetRole]pulumi.StringOutput{},
		NetworkSecurityGroupIDs: map[SubnetRole]pulumi.StringOutput{},
	}
	subnets, err := b.subnets(prefix, reg, out)
	if err != nil {
		return nil, nil, err
	}
	vnet, err := b.virtualNetwork(prefix, reg, planID, subnets)
	if err != nil {
		return nil, nil, err
	}
	out.VirtualNetworkID = vnet.ID().ToStringOutput()
	out.VirtualNetworkName = vnet.Name
	for role := range out.SubnetPrefixes {
		// Subnets are inline in the network (azure-native advises against mixing inline
		// and standalone subnets); their ids follow from the network's.
		out.SubnetIDs[role] = pulumi.Sprintf("%s/subnets/%s", vnet.ID(), SubnetName(role))
	}

	if reg.bastion {
		id, err := b.bastion(prefix, reg, out.SubnetIDs[SubnetBastion])
		if err != nil {
			return nil, nil, err
		}
		out.BastionID = &id
	}
	if reg.jumpbox {
		id, principal, err := b.jumpbox(prefix, reg, out.SubnetIDs[SubnetJumpbox])
		if err != nil {
			return nil, nil, err
		}
		out.JumpboxID, out.JumpboxPrincipalID = &id, &principal
	}
	if err := b.hybrid(prefix, reg, vnet, out); err != nil {
		return nil, nil, err
	}
	return out, vnet, nil
}

// subnets returns the region's subnets, recording their prefixes and NSG ids in
// out. It creates one NSG per subnet that may carry one: every subnet but
// GatewaySubnet, which Azure forbids an NSG on.
func (b *builder) subnets(prefix string, reg resolvedRegion, out *RegionNetwork) (network.SubnetTypeArray, error) {
	var subnets network.SubnetTypeArray
	for _, role := range SubnetRoles() {
		if !reg.builds(role) {
			continue
		}
		cidr := reg.subnets[role].String()
		out.SubnetPrefixes[role] = cidr
		subnet := network.SubnetTypeArgs{
			Name:          pulumi.String(SubnetName(role)),
			AddressPrefix: pulumi.String(cidr),
		}
		if rules := b.rulesFor(reg, role); rules != nil {
			resName := fmt.Sprintf("%s-nsg-%s", prefix, nsgRole(role))
			nsg, err := network.NewNetworkSecurityGroup(b.ctx, resName, &network.NetworkSecurityGroupArgs{
				ResourceGroupName: reg.ResourceGroupName,
				Location:          pulumi.String(reg.Location),
				SecurityRules:     rulesArgs(rules),
				Tags:              b.tags,
			}, b.opts()...)
			if err != nil {
				return nil, b.wrap(resName, err)
			}
			out.NetworkSecurityGroupIDs[role] = nsg.ID().ToStringOutput()
			subnet.NetworkSecurityGroup = network.NetworkSecurityGroupTypeArgs{Id: nsg.ID().ToStringOutput()}
		}
		if role == SubnetPrivateEndpoints {
			// NSGs and route tables apply to private endpoints only when enabled.
			subnet.PrivateEndpointNetworkPolicies = pulumi.String("Enabled")
		}
		subnets = append(subnets, subnet)
	}
	return subnets, nil
}

// virtualNetwork creates the region's network with its subnets inline, DDoS
// protection when a plan is given, and the region's DNS servers.
func (b *builder) virtualNetwork(prefix string, reg resolvedRegion, planID pulumi.StringInput, subnets network.SubnetTypeArray) (*network.VirtualNetwork, error) {
	vnetArgs := &network.VirtualNetworkArgs{
		ResourceGroupName: reg.ResourceGroupName,
		Location:          pulumi.String(reg.Location),
		AddressSpace:      network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{reg.space.String()})},
		Subnets:           subnets,
		Tags:              b.tags,
	}
	if planID != nil {
		vnetArgs.EnableDdosProtection = pulumi.Bool(true)
		vnetArgs.DdosProtectionPlan = network.SubResourceArgs{Id: planID}
	}
	if len(reg.DNSServers) > 0 {
		vnetArgs.DhcpOptions = network.DhcpOptionsArgs{DnsServers: pulumi.ToStringArray(reg.DNSServers)}
	}
	resName := prefix + "-vnet"
	vnet, err := network.NewVirtualNetwork(b.ctx, resName, vnetArgs, b.opts()...)
	if err != nil {
		return nil, b.wrap(resName, err)
	}
	return vnet, nil
}

// rulesFor returns a subnet role's security rules; nil for GatewaySubnet.
func (b *builder) rulesFor(reg resolvedRegion, role SubnetRole) []rule {
	switch role {
	case SubnetPrivateEndpoints:
		return privateEndpointRules()
	case SubnetAPIM:
		return apimRules(b.r.apimExternal)
	case SubnetJumpbox:
		return jumpboxRules(reg.jumpboxSources, reg.subnets[SubnetJumpbox].String())
	case SubnetBastion:
		return bastionRules()
	}
	return nil
}
