package rules

import "testing"

func TestNetworkExpressRouteFastPath(t *testing.T) {
	gw := fixture(t, "gateway_er_valid")
	cn := fixture(t, "connection_er_valid")
	runRuleCases(t, NetworkExpressRouteFastPath, []ruleCase{
		{name: "valid gateway", props: gw},
		{name: "valid connection", token: TypeGatewayConnection, props: cn},
		{name: "valid, API-version token", token: "azure-native:network/v20240501:VirtualNetworkGateway", props: set(gw, "sku.name", "ErGwScale")},
		{name: "VPN gateways are not checked", props: fixture(t, "gateway_vpn_valid")},
		{name: "site-to-site connections are not checked", token: TypeGatewayConnection, props: del(set(cn, "connectionType", "IPsec"), "expressRouteGatewayBypass")},
		{name: "gateway SKU without FastPath", props: set(gw, "sku.name", "Standard"),
			want: []string{"sku.name is \"Standard\"; use a SKU that supports FastPath: \"UltraPerformance\", \"ErGw3AZ\", \"ErGwScale\"."}},
		{name: "connection without FastPath", token: TypeGatewayConnection, props: del(cn, "expressRouteGatewayBypass"),
			want: []string{"expressRouteGatewayBypass is not set; set it to true to turn on FastPath, which sends data past the gateway to the virtual machines."}},
		{name: "SKU unknown", props: set(gw, "sku.name", unknown),
			want: []string{"Cannot verify at preview that the ExpressRoute gateway SKU supports FastPath: sku.name is not known yet; checked again at update."}},
		{name: "connection type unknown", token: TypeGatewayConnection, props: set(cn, "connectionType", unknown),
			want: []string{"Cannot verify at preview that an ExpressRoute connection enables FastPath: connectionType is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeBastionHost, props: set(gw, "sku.name", "Standard")},
	})
}

func TestNetworkVPNGatewaysNotBasic(t *testing.T) {
	gw := fixture(t, "gateway_vpn_valid")
	runRuleCases(t, NetworkVPNGatewaysNotBasic, []ruleCase{
		{name: "valid", props: gw},
		{name: "valid, API-version token", token: "azure-native:network/v20240501:VirtualNetworkGateway", props: gw},
		{name: "ExpressRoute gateways are not checked", props: fixture(t, "gateway_er_valid")},
		{name: "basic name", props: set(gw, "sku.name", "Basic"), want: []string{"sku.name is \"Basic\"; use VpnGw1AZ or larger."}},
		{name: "basic tier", props: set(gw, "sku.tier", "basic"), want: []string{"sku.tier is \"basic\"; use VpnGw1AZ or larger."}},
		{name: "non-AZ name", props: set(gw, "sku.name", "VpnGw2"), want: []string{"sku.name is \"VpnGw2\", a non-AZ SKU Azure no longer creates (NonAzSkusNotAllowedForVPNGateway since 2025-01-01); use VpnGw2AZ."}},
		{name: "unknown", props: set(gw, "sku.tier", unknown),
			want: []string{"Cannot verify at preview that the VPN gateway does not use the Basic SKU: sku.tier is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeGatewayConnection, props: set(gw, "sku.name", "Basic")},
	})
}

func TestNetworkP2SVPNEntraID(t *testing.T) {
	gw := fixture(t, "gateway_vpn_valid")
	runRuleCases(t, NetworkP2SVPNEntraID, []ruleCase{
		{name: "valid", props: gw},
		{name: "site-to-site only", token: "azure-native:network/v20240501:VirtualNetworkGateway", props: del(gw, "vpnClientConfiguration")},
		{name: "certificates", props: set(gw, "vpnClientConfiguration.vpnAuthenticationTypes", []any{"Certificate"}),
			want: []string{"vpnClientConfiguration.vpnAuthenticationTypes is [\"Certificate\"]; set it to [\"AAD\"] so that users sign in with Microsoft Entra ID."}},
		{name: "not set", props: del(gw, "vpnClientConfiguration.vpnAuthenticationTypes"),
			want: []string{"vpnClientConfiguration.vpnAuthenticationTypes is not set (certificates); set it to [\"AAD\"] and give aadTenant, aadAudience and aadIssuer."}},
		{name: "AAD and RADIUS", props: set(gw, "vpnClientConfiguration.vpnAuthenticationTypes", []any{"AAD", "Radius"}),
			want: []string{"vpnClientConfiguration.vpnAuthenticationTypes also allows \"Radius\"; keep only \"AAD\"."}},
		{name: "unknown", props: set(gw, "vpnClientConfiguration.vpnAuthenticationTypes", unknown),
			want: []string{"Cannot verify at preview that point-to-site VPN uses Microsoft Entra ID: vpnClientConfiguration.vpnAuthenticationTypes is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeVirtualNetwork, props: set(gw, "vpnClientConfiguration.vpnAuthenticationTypes", []any{"Certificate"})},
	})
}
