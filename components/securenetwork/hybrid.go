package securenetwork

import (
	"fmt"

	aznetwork "github.com/aiready/aiready/azure/network"
	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// zoneRedundant reports whether a gateway SKU is zone-redundant (its public IPs then
// span zones 1, 2 and 3).
func zoneRedundant(sku string) bool {
	return sku == ErGwScale || (len(sku) > 2 && sku[len(sku)-2:] == "AZ")
}

// hybrid builds the region's connectivity to on-premises networks.
func (b *builder) hybrid(prefix string, reg resolvedRegion, vnet *network.VirtualNetwork, out *RegionNetwork) error {
	switch reg.mode {
	case HybridExpressRoute:
		id, err := b.expressRoute(prefix, reg, out.SubnetIDs[SubnetGateway])
		if err != nil {
			return err
		}
		out.GatewayID = &id
	case HybridVPN:
		id, err := b.vpn(prefix, reg, out.SubnetIDs[SubnetGateway])
		if err != nil {
			return err
		}
		out.GatewayID = &id
	case HybridHubPeering:
		id, err := b.hubPeering(prefix, reg, vnet)
		if err != nil {
			return err
		}
		out.PeeringID = &id
	}
	return nil
}

func gatewayIPConfig(name string, subnetID pulumi.StringOutput, pip *network.PublicIPAddress) network.VirtualNetworkGatewayIPConfigurationArgs {
	return network.VirtualNetworkGatewayIPConfigurationArgs{
		Name:                      pulumi.String(name),
		PrivateIPAllocationMethod: pulumi.String("Dynamic"),
		Subnet:                    network.SubResourceArgs{Id: subnetID},
		PublicIPAddress:           network.SubResourceArgs{Id: pip.ID().ToStringOutput()},
	}
}

// expressRoute builds an ExpressRoute gateway of a FastPath SKU and its connection
// to the circuit with FastPath on (expressRouteGatewayBypass).
func (b *builder) expressRoute(prefix string, reg resolvedRegion, subnetID pulumi.StringOutput) (pulumi.StringOutput, error) {
	var none pulumi.StringOutput
	er := reg.Hybrid.ExpressRoute
	pip, err := b.publicIP(prefix+"-ergw-pip", reg, zoneRedundant(reg.sku))
	if err != nil {
		return none, err
	}
	gwName := prefix + "-ergw"
	ipConfigs := network.VirtualNetworkGatewayIPConfigurationArray{gatewayIPConfig("default", subnetID, pip)}
	var gatewayID pulumi.StringOutput
	if reg.sku == ErGwScale {
		gw, err := aznetwork.NewScalableGateway(b.ctx, gwName, &aznetwork.ScalableGatewayArgs{
			ResourceGroupName: reg.ResourceGroupName,
			Location:          pulumi.String(reg.Location),
			GatewayType:       pulumi.String("ExpressRoute"),
			Sku:               network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String(reg.sku), Tier: pulumi.String(reg.sku)},
			IpConfigurations:  ipConfigs,
			AutoScaleConfiguration: &aznetwork.GatewayAutoScaleConfiguration{
				Bounds: &aznetwork.GatewayAutoScaleBounds{Min: reg.minUnits, Max: reg.maxUnits},
			},
			Tags: b.tags,
		}, b.opts()...)
		if err != nil {
			return none, b.wrap(gwName, err)
		}
		gatewayID = gw.ID().ToStringOutput()
	} else {
		gw, err := network.NewVirtualNetworkGateway(b.ctx, gwName, &network.VirtualNetworkGatewayArgs{
			ResourceGroupName: reg.ResourceGroupName,
			Location:          pulumi.String(reg.Location),
			GatewayType:       pulumi.String("ExpressRoute"),
			Sku:               network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String(reg.sku), Tier: pulumi.String(reg.sku)},
			IpConfigurations:  ipConfigs,
			Tags:              b.tags,
		}, b.opts()...)
		if err != nil {
			return none, b.wrap(gwName, err)
		}
		gatewayID = gw.ID().ToStringOutput()
	}

	connArgs := &network.VirtualNetworkGatewayConnectionArgs{
		ResourceGroupName:      reg.ResourceGroupName,
		Location:               pulumi.String(reg.Location),
		ConnectionType:         pulumi.String("ExpressRoute"),
		VirtualNetworkGateway1: network.VirtualNetworkGatewayTypeArgs{Id: gatewayID},
		Peer:                   network.SubResourceArgs{Id: er.CircuitID},
		// FastPath: traffic to the network bypasses the gateway.
		ExpressRouteGatewayBypass: pulumi.Bool(true),
		EnablePrivateLinkFastPath: pulumi.Bool(er.PrivateLinkFastPath),
		Tags:                      b.tags,
	}
	if er.AuthorizationKey != nil {
		connArgs.AuthorizationKey = pulumi.ToSecret(er.AuthorizationKey.ToStringOutput()).(pulumi.StringOutput)
	}
	connName := prefix + "-ergw-connection"
	if _, err := network.NewVirtualNetworkGatewayConnection(b.ctx, connName, connArgs, b.opts()...); err != nil {
		return none, b.wrap(connName, err)
	}
	return gatewayID, nil
}

// vpn builds a route-based VPN gateway, with a site-to-site connection to a local
// network gateway and/or point-to-site with Entra ID authentication.
func (b *builder) vpn(prefix string, reg resolvedRegion, subnetID pulumi.StringOutput) (pulumi.StringOutput, error) {
	var none pulumi.StringOutput
	vpn := reg.Hybrid.VPN
	zr := zoneRedundant(reg.sku)
	pip, err := b.publicIP(prefix+"-vpngw-pip", reg, zr)
	if err != nil {
		return none, err
	}
	ipConfigs := network.VirtualNetworkGatewayIPConfigurationArray{gatewayIPConfig("default", subnetID, pip)}
	if vpn.ActiveActive {
		pip2, err := b.publicIP(prefix+"-vpngw-pip2", reg, zr)
		if err != nil {
			return none, err
		}
		ipConfigs = append(ipConfigs, gatewayIPConfig("activeActive", subnetID, pip2))
	}
	gwArgs := &network.VirtualNetworkGatewayArgs{
		ResourceGroupName:    reg.ResourceGroupName,
		Location:             pulumi.String(reg.Location),
		GatewayType:          pulumi.String("Vpn"),
		VpnType:              pulumi.String("RouteBased"),
		VpnGatewayGeneration: pulumi.String(reg.generation),
		Sku:                  network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String(reg.sku), Tier: pulumi.String(reg.sku)},
		ActiveActive:         pulumi.Bool(vpn.ActiveActive),
		IpConfigurations:     ipConfigs,
		Tags:                 b.tags,
	}
	if s2s := vpn.SiteToSite; s2s != nil && s2s.BGP != nil {
		gwArgs.EnableBgp = pulumi.Bool(true)
	}
	if p2s := vpn.PointToSite; p2s != nil {
		gwArgs.VpnClientConfiguration = b.vpnClientConfiguration(p2s)
	}
	gwName := prefix + "-vpngw"
	gw, err := network.NewVirtualNetworkGateway(b.ctx, gwName, gwArgs, b.opts()...)
	if err != nil {
		return none, b.wrap(gwName, err)
	}
	if s2s := vpn.SiteToSite; s2s != nil {
		if err := b.vpnSiteToSite(prefix, reg, s2s, gw); err != nil {
			return none, err
		}
	}
	return gw.ID().ToStringOutput(), nil
}

// vpnClientConfiguration is point-to-site with OpenVPN and Entra ID authentication,
// in the tenant given or the deployment's own.
func (b *builder) vpnClientConfiguration(p2s *PointToSiteArgs) network.VpnClientConfigurationArgs {
	var tenant pulumi.StringOutput
	if p2s.TenantID != nil {
		tenant = p2s.TenantID.ToStringOutput()
	} else {
		tenant = authorization.GetClientConfigOutput(b.ctx, pulumi.Parent(b.comp)).TenantId()
	}
	audience := p2s.Audience
	if audience == "" {
		audience = AzureVPNClientAudience
	}
	return network.VpnClientConfigurationArgs{
		VpnClientAddressPool:   network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray(p2s.ClientAddressPool)},
		VpnClientProtocols:     pulumi.ToStringArray([]string{"OpenVPN"}),
		VpnAuthenticationTypes: pulumi.ToStringArray([]string{"AAD"}),
		AadTenant:              pulumi.Sprintf("https://login.microsoftonline.com/%s/", tenant),
		AadAudience:            pulumi.String(audience),
		AadIssuer:              pulumi.Sprintf("https://sts.windows.net/%s/", tenant),
	}
}

// vpnSiteToSite creates the local network gateway of the on-premises device and
// its IPsec (IKEv2) connection to the VPN gateway.
func (b *builder) vpnSiteToSite(prefix string, reg resolvedRegion, s2s *SiteToSiteArgs, gw *network.VirtualNetworkGateway) error {
	lgwArgs := &network.LocalNetworkGatewayArgs{
		ResourceGroupName: reg.ResourceGroupName,
		Location:          pulumi.String(reg.Location),
		Tags:              b.tags,
	}
	if s2s.DeviceIPAddress != "" {
		lgwArgs.GatewayIpAddress = pulumi.String(s2s.DeviceIPAddress)
	} else {
		lgwArgs.Fqdn = pulumi.String(s2s.DeviceFQDN)
	}
	if len(s2s.AddressPrefixes) > 0 {
		lgwArgs.LocalNetworkAddressSpace = network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray(s2s.AddressPrefixes)}
	}
	if s2s.BGP != nil {
		lgwArgs.BgpSettings = network.BgpSettingsArgs{
			Asn:               pulumi.Float64(float64(s2s.BGP.ASN)),
			BgpPeeringAddress: pulumi.String(s2s.BGP.PeeringAddress),
		}
	}
	lgwName := prefix + "-lgw"
	lgw, err := network.NewLocalNetworkGateway(b.ctx, lgwName, lgwArgs, b.opts()...)
	if err != nil {
		return b.wrap(lgwName, err)
	}
	connName := prefix + "-vpngw-s2s"
	if _, err := network.NewVirtualNetworkGatewayConnection(b.ctx, connName, &network.VirtualNetworkGatewayConnectionArgs{
		ResourceGroupName:      reg.ResourceGroupName,
		Location:               pulumi.String(reg.Location),
		ConnectionType:         pulumi.String("IPsec"),
		ConnectionProtocol:     pulumi.String("IKEv2"),
		VirtualNetworkGateway1: network.VirtualNetworkGatewayTypeArgs{Id: gw.ID().ToStringOutput()},
		LocalNetworkGateway2:   network.LocalNetworkGatewayTypeArgs{Id: lgw.ID().ToStringOutput()},
		SharedKey:              pulumi.ToSecret(s2s.SharedKey.ToStringOutput()).(pulumi.StringOutput),
		EnableBgp:              pulumi.Bool(s2s.BGP != nil),
		Tags:                   b.tags,
	}, b.opts()...); err != nil {
		return b.wrap(connName, err)
	}
	return nil
}

// hubPeering peers the region's network to the hub (and, when asked, the hub back to
// it, with gateway transit when the spoke uses the hub's gateways).
func (b *builder) hubPeering(prefix string, reg resolvedRegion, vnet *network.VirtualNetwork) (pulumi.StringOutput, error) {
	var none pulumi.StringOutput
	hp := reg.Hybrid.HubPeering
	remote := hp.RemoteVirtualNetworkID.ToStringOutput()
	var deps []pulumi.Resource
	if hp.CreateHubSide {
		field := fmt.Sprintf("Regions[%d].Hybrid.HubPeering.RemoteVirtualNetworkID", reg.index)
		hubRG := remote.ApplyT(func(s string) (string, error) {
			r, err := parseResourceID(field, s, virtualNetworkType)
			return r.ResourceGroup, err
		}).(pulumi.StringOutput)
		hubName := remote.ApplyT(func(s string) (string, error) {
			r, err := parseResourceID(field, s, virtualNetworkType)
			return r.Name, err
		}).(pulumi.StringOutput)
		resName := prefix + "-peering-hub"
		hub, err := network.NewVirtualNetworkPeering(b.ctx, resName, &network.VirtualNetworkPeeringArgs{
			ResourceGroupName:         hubRG,
			VirtualNetworkName:        hubName,
			RemoteVirtualNetwork:      network.SubResourceArgs{Id: vnet.ID().ToStringOutput()},
			AllowVirtualNetworkAccess: pulumi.Bool(true),
			AllowForwardedTraffic:     pulumi.Bool(true),
			AllowGatewayTransit:       pulumi.Bool(hp.UseRemoteGateways),
			UseRemoteGateways:         pulumi.Bool(false),
		}, b.hubOpts()...)
		if err != nil {
			return none, b.wrap(resName, err)
		}
		deps = append(deps, hub)
		b.peerings = append(b.peerings, hub)
	}
	resName := prefix + "-peering"
	p, err := network.NewVirtualNetworkPeering(b.ctx, resName, &network.VirtualNetworkPeeringArgs{
		ResourceGroupName:         reg.ResourceGroupName,
		VirtualNetworkName:        vnet.Name,
		RemoteVirtualNetwork:      network.SubResourceArgs{Id: remote},
		AllowVirtualNetworkAccess: pulumi.Bool(true),
		AllowForwardedTraffic:     pulumi.Bool(true),
		AllowGatewayTransit:       pulumi.Bool(false),
		UseRemoteGateways:         pulumi.Bool(hp.UseRemoteGateways),
	}, b.opts(pulumi.DependsOn(deps))...)
	if err != nil {
		return none, b.wrap(resName, err)
	}
	b.peerings = append(b.peerings, p)
	return p.ID().ToStringOutput(), nil
}
