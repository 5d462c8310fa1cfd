package securenetwork

import (
	aznetwork "github.com/aiready/aiready/azure/network"
)

// ScalableGatewayType is the token of an ErGwScale ExpressRoute gateway
// (azure/network.ScalableGatewayType, API 2024-05-01); the other SKUs use
// azure-native's default VirtualNetworkGateway token.
const ScalableGatewayType = aznetwork.ScalableGatewayType
