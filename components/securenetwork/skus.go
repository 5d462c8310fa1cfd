package securenetwork

// Gateway SKU facts, from Microsoft's documentation (read 2026-12-02):
//
//   - "VPN Gateway SKU consolidation and migration"
//     (https://learn.microsoft.com/azure/vpn-gateway/gateway-sku-consolidation;
//     MicrosoftDocs/azure-docs articles/vpn-gateway/gateway-sku-consolidation.md at
//     0829536): since 2025-01-01 new VPN gateways cannot use the non-AZ VpnGw1-5
//     SKUs (ARM answers NonAzSkusNotAllowedForVPNGateway); existing ones are migrated
//     to VpnGw1AZ-5AZ. The legacy Standard and HighPerformance VPN SKUs could not be
//     created since 2023-12-01 ("VPN Gateway legacy SKUs").
//   - "About migrating to an availability zone-enabled ExpressRoute virtual network
//     gateway" (https://learn.microsoft.com/azure/expressroute/gateway-migration;
//     articles/expressroute/gateway-migration.md at 04fdaea): Standard,
//     HighPerformance and UltraPerformance are non-AZ SKUs that cannot span zones;
//     Microsoft recommends, and migrates them to, ErGw1Az, ErGw2Az and ErGw3Az.
//   - FastPath needs UltraPerformance, ErGw3AZ or ErGwScale with at least 10 scale
//     units ("About ExpressRoute FastPath").
//
// SecureNetwork creates zone-redundant gateways only: a non-AZ SKU is refused with its
// AZ equivalent named.

// vpnSKUGenerations are the VPN gateway SKUs SecureNetwork creates, with their
// gateway generation.
var vpnSKUGenerations = map[string]string{
	"VpnGw1AZ": "Generation1",
	"VpnGw2AZ": "Generation2",
	"VpnGw3AZ": "Generation2",
	"VpnGw4AZ": "Generation2",
	"VpnGw5AZ": "Generation2",
}

// azEquivalents maps a non-AZ gateway SKU to the zone-redundant SKU that replaces it.
var azEquivalents = map[string]string{
	"VpnGw1":           "VpnGw1AZ",
	"VpnGw2":           "VpnGw2AZ",
	"VpnGw3":           "VpnGw3AZ",
	"VpnGw4":           "VpnGw4AZ",
	"VpnGw5":           "VpnGw5AZ",
	"Standard":         "ErGw1AZ",
	"HighPerformance":  "ErGw2AZ",
	"UltraPerformance": "ErGw3AZ",
}

// vpnLegacyEquivalents maps the legacy VPN SKUs to their AZ replacement.
var vpnLegacyEquivalents = map[string]string{
	"Standard":        "VpnGw1AZ",
	"HighPerformance": "VpnGw2AZ",
}
