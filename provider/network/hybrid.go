package network

import (
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// HybridArgs mirrors securenetwork.HybridArgs.
type HybridArgs struct {
	Mode         *HybridMode       `pulumi:"mode,optional"`
	ExpressRoute *ExpressRouteArgs `pulumi:"expressRoute,optional"`
	VPN          *VPNArgs          `pulumi:"vpn,optional"`
	HubPeering   *HubPeeringArgs   `pulumi:"hubPeering,optional"`
}

// Annotate documents the type.
func (h *HybridArgs) Annotate(an infer.Annotator) { mirror.Describe(an, h, nil) }

// ExpressRouteArgs mirrors securenetwork.ExpressRouteArgs; the authorization key is
// a secret.
type ExpressRouteArgs struct {
	CircuitID           pulumi.StringInput      `pulumi:"circuitId"`
	AuthorizationKey    pulumi.StringInput      `pulumi:"authorizationKey,optional" provider:"secret"`
	SKU                 *ExpressRouteGatewaySku `pulumi:"sku,optional"`
	MinScaleUnits       int                     `pulumi:"minScaleUnits,optional"`
	MaxScaleUnits       int                     `pulumi:"maxScaleUnits,optional"`
	PrivateLinkFastPath bool                    `pulumi:"privateLinkFastPath,optional"`
}

// Annotate documents the type.
func (e *ExpressRouteArgs) Annotate(an infer.Annotator) { mirror.Describe(an, e, nil) }

// VPNArgs mirrors securenetwork.VPNArgs.
type VPNArgs struct {
	SKU          string           `pulumi:"sku,optional"`
	ActiveActive bool             `pulumi:"activeActive,optional"`
	SiteToSite   *SiteToSiteArgs  `pulumi:"siteToSite,optional"`
	PointToSite  *PointToSiteArgs `pulumi:"pointToSite,optional"`
}

// Annotate documents the type.
func (v *VPNArgs) Annotate(an infer.Annotator) { mirror.Describe(an, v, nil) }

// SiteToSiteArgs mirrors securenetwork.SiteToSiteArgs; the shared key is a secret.
type SiteToSiteArgs struct {
	DeviceIPAddress string             `pulumi:"deviceIpAddress,optional"`
	DeviceFQDN      string             `pulumi:"deviceFqdn,optional"`
	AddressPrefixes []string           `pulumi:"addressPrefixes,optional"`
	SharedKey       pulumi.StringInput `pulumi:"sharedKey" provider:"secret"`
	BGP             *BGPArgs           `pulumi:"bgp,optional"`
}

// Annotate documents the type.
func (s *SiteToSiteArgs) Annotate(an infer.Annotator) { mirror.Describe(an, s, nil) }

// BGPArgs mirrors securenetwork.BGPArgs.
type BGPArgs struct {
	ASN            int    `pulumi:"asn"`
	PeeringAddress string `pulumi:"peeringAddress"`
}

// Annotate documents the type.
func (b *BGPArgs) Annotate(an infer.Annotator) { mirror.Describe(an, b, nil) }

// PointToSiteArgs mirrors securenetwork.PointToSiteArgs.
type PointToSiteArgs struct {
	ClientAddressPool []string           `pulumi:"clientAddressPool"`
	TenantID          pulumi.StringInput `pulumi:"tenantId,optional"`
	Audience          string             `pulumi:"audience,optional"`
}

// Annotate documents the type.
func (p *PointToSiteArgs) Annotate(an infer.Annotator) { mirror.Describe(an, p, nil) }

// HubPeeringArgs mirrors securenetwork.HubPeeringArgs.
type HubPeeringArgs struct {
	RemoteVirtualNetworkID pulumi.StringInput `pulumi:"remoteVirtualNetworkId"`
	UseRemoteGateways      bool               `pulumi:"useRemoteGateways,optional"`
	CreateHubSide          bool               `pulumi:"createHubSide,optional"`
}

// Annotate documents the type.
func (h *HubPeeringArgs) Annotate(an infer.Annotator) { mirror.Describe(an, h, nil) }
