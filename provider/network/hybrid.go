package network

import (
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Hybrid mirrors securenetwork.HybridArgs.
type Hybrid struct {
	Mode         *HybridMode   `pulumi:"mode,optional"`
	ExpressRoute *ExpressRoute `pulumi:"expressRoute,optional"`
	VPN          *VPN          `pulumi:"vpn,optional"`
	HubPeering   *HubPeering   `pulumi:"hubPeering,optional"`
}

// Annotate documents the type.
func (h *Hybrid) Annotate(an infer.Annotator) { mirror.Describe(an, h, nil) }

// ExpressRoute mirrors securenetwork.ExpressRouteArgs; the authorization key is
// a secret.
type ExpressRoute struct {
	CircuitID           pulumi.StringInput      `pulumi:"circuitId"`
	AuthorizationKey    pulumi.StringInput      `pulumi:"authorizationKey,optional" provider:"secret"`
	SKU                 *ExpressRouteGatewaySku `pulumi:"sku,optional"`
	MinScaleUnits       int                     `pulumi:"minScaleUnits,optional"`
	MaxScaleUnits       int                     `pulumi:"maxScaleUnits,optional"`
	PrivateLinkFastPath bool                    `pulumi:"privateLinkFastPath,optional"`
}

// Annotate documents the type.
func (e *ExpressRoute) Annotate(an infer.Annotator) { mirror.Describe(an, e, nil) }

// VPN mirrors securenetwork.VPNArgs.
type VPN struct {
	SKU          string       `pulumi:"sku,optional"`
	ActiveActive bool         `pulumi:"activeActive,optional"`
	SiteToSite   *SiteToSite  `pulumi:"siteToSite,optional"`
	PointToSite  *PointToSite `pulumi:"pointToSite,optional"`
}

// Annotate documents the type.
func (v *VPN) Annotate(an infer.Annotator) { mirror.Describe(an, v, nil) }

// SiteToSite mirrors securenetwork.SiteToSiteArgs; the shared key is a secret.
type SiteToSite struct {
	DeviceIPAddress string             `pulumi:"deviceIpAddress,optional"`
	DeviceFQDN      string             `pulumi:"deviceFqdn,optional"`
	AddressPrefixes []string           `pulumi:"addressPrefixes,optional"`
	SharedKey       pulumi.StringInput `pulumi:"sharedKey" provider:"secret"`
	BGP             *BGP               `pulumi:"bgp,optional"`
}

// Annotate documents the type.
func (s *SiteToSite) Annotate(an infer.Annotator) { mirror.Describe(an, s, nil) }

// BGP mirrors securenetwork.BGPArgs.
type BGP struct {
	ASN            int    `pulumi:"asn"`
	PeeringAddress string `pulumi:"peeringAddress"`
}

// Annotate documents the type.
func (b *BGP) Annotate(an infer.Annotator) { mirror.Describe(an, b, nil) }

// PointToSite mirrors securenetwork.PointToSiteArgs.
type PointToSite struct {
	ClientAddressPool []string           `pulumi:"clientAddressPool"`
	TenantID          pulumi.StringInput `pulumi:"tenantId,optional"`
	Audience          string             `pulumi:"audience,optional"`
}

// Annotate documents the type.
func (p *PointToSite) Annotate(an infer.Annotator) { mirror.Describe(an, p, nil) }

// HubPeering mirrors securenetwork.HubPeeringArgs.
type HubPeering struct {
	RemoteVirtualNetworkID pulumi.StringInput `pulumi:"remoteVirtualNetworkId"`
	UseRemoteGateways      bool               `pulumi:"useRemoteGateways,optional"`
	CreateHubSide          bool               `pulumi:"createHubSide,optional"`
}

// Annotate documents the type.
func (h *HubPeering) Annotate(an infer.Annotator) { mirror.Describe(an, h, nil) }
