package network

import (
	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Archetype is a built-in workload archetype: the one a user-named archetype of a
// SecureNetwork behaves as (archetypeBase).
type Archetype string

// Values are the securenetwork.Archetype* workload constants.
func (Archetype) Values() []infer.EnumValue[Archetype] {
	return mirror.EnumValues[Archetype]("securenetwork", "Archetype",
		securenetwork.ArchetypeCorp, securenetwork.ArchetypeOnline, securenetwork.ArchetypeDev, securenetwork.ArchetypeSandbox)
}

// HybridMode is a region's connectivity to on-premises networks (securenetwork.HybridMode).
type HybridMode string

// Values are the securenetwork.Hybrid* modes.
func (HybridMode) Values() []infer.EnumValue[HybridMode] {
	return mirror.EnumValues[HybridMode]("securenetwork", "Hybrid",
		string(securenetwork.HybridNone), string(securenetwork.HybridExpressRoute),
		string(securenetwork.HybridVPN), string(securenetwork.HybridHubPeering))
}

// APIMVirtualNetworkType is how API Management is injected into the network.
type APIMVirtualNetworkType string

// Values are securenetwork.APIMInternal and APIMExternal.
func (APIMVirtualNetworkType) Values() []infer.EnumValue[APIMVirtualNetworkType] {
	return mirror.EnumValues[APIMVirtualNetworkType]("securenetwork", "APIM",
		securenetwork.APIMInternal, securenetwork.APIMExternal)
}

// ExpressRouteGatewaySku is a zone-redundant ExpressRoute gateway SKU with FastPath.
type ExpressRouteGatewaySku string

// Values are securenetwork.ErGw3AZ and ErGwScale, the SKUs SecureNetwork creates.
func (ExpressRouteGatewaySku) Values() []infer.EnumValue[ExpressRouteGatewaySku] {
	return mirror.EnumValues[ExpressRouteGatewaySku]("securenetwork", "",
		securenetwork.ErGw3AZ, securenetwork.ErGwScale)
}
