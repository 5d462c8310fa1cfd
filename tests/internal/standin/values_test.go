package standin

import (
	"context"
	"maps"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// failures runs Check and returns its failures as property → reason.
func failures(t *testing.T, p *Provider, token string, in map[string]any) map[string]string {
	t.Helper()
	resp, err := p.Check(context.Background(), &pulumirpc.CheckRequest{Urn: urn(token, "r"), News: mustStruct(t, props(in))})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range resp.GetFailures() {
		out[f.GetProperty()] = f.GetReason()
	}
	return out
}

func copyOf(m map[string]any) map[string]any {
	c := maps.Clone(m)
	for k, v := range c {
		if inner, ok := v.(map[string]any); ok {
			c[k] = copyOf(inner)
		}
	}
	return c
}

// TestCheckValues: Check refuses, naming the property, the value and what is
// allowed, what the real provider's Check or Azure behind it refuses: an empty
// required string, a value outside its enum or in another casing than the enum's,
// and the ARM rules (a pool backend with url or protocol, directly or in an ARM
// template deployment; a non-AZ VPN gateway SKU). Each case is a compliant resource
// with one property changed.
func TestCheckValues(t *testing.T) {
	p := newAzureNative(t)
	const (
		ruleToken    = "azure-native:network:SecurityRule"
		backendToken = "azure-native:apimanagement/v20240501:Backend"
		deployToken  = "azure-native:resources:Deployment"
		gatewayToken = "azure-native:network:VirtualNetworkGateway"
	)
	rule := map[string]any{
		"resourceGroupName": "rg-ai", "networkSecurityGroupName": "nsg-pe", "access": "Deny", "direction": "Inbound",
		"protocol": "Tcp", "priority": 4000, "sourceAddressPrefix": "Internet", "destinationPortRange": "22",
	}
	single := map[string]any{
		"resourceGroupName": "rg-ai", "serviceName": "apim-ai", "backendId": "eastus", "type": "Single",
		"url": "https://oai-eastus.openai.azure.com/openai", "protocol": "http",
	}
	poolTemplate := func(props map[string]any) map[string]any {
		return map[string]any{
			"resourceGroupName": "rg-ai",
			"properties": map[string]any{"mode": "Incremental", "template": map[string]any{
				"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
				"resources": []any{map[string]any{"type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2024-05-01",
					"name": "apim-ai/openai-pool", "properties": props}},
			}},
		}
	}
	pool := map[string]any{"type": "Pool", "pool": map[string]any{"services": []any{map[string]any{"id": "/backends/eastus"}}}}
	gateway := map[string]any{"resourceGroupName": "rg-net", "gatewayType": "Vpn", "vpnType": "RouteBased",
		"sku": map[string]any{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"}}

	for token, valid := range map[string]map[string]any{ruleToken: rule, backendToken: single, deployToken: poolTemplate(pool), gatewayToken: gateway} {
		if got := failures(t, p, token, valid); len(got) != 0 {
			t.Fatalf("%s: a compliant resource fails Check: %v", token, got)
		}
	}
	cases := []struct {
		name  string
		token string
		in    map[string]any
		edit  func(map[string]any)
		want  map[string]string
	}{
		{"an empty required string", ruleToken, rule, func(m map[string]any) { m["networkSecurityGroupName"] = "" }, map[string]string{
			"networkSecurityGroupName": `empty required property "networkSecurityGroupName" (SecurityRuleArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1)`,
		}},
		{"a value outside the enum", ruleToken, rule, func(m map[string]any) { m["access"] = "Permit" }, map[string]string{
			"access": `property "access" (SecurityRuleArgs) is "Permit", not a value of network.SecurityRuleAccess; allowed: "Allow", "Deny"`,
		}},
		{"an enum value in another casing", ruleToken, rule, func(m map[string]any) { m["protocol"] = "TCP" }, map[string]string{
			"protocol": `property "protocol" (SecurityRuleArgs) is "TCP", which network.SecurityRuleProtocol spells "Tcp"; write "Tcp": Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change`,
		}},
		{"an empty url on a single backend", backendToken, single, func(m map[string]any) { m["url"] = "" }, map[string]string{
			"url": `empty required property "url" (BackendArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1)`,
		}},
		{"a pool backend with a url", backendToken, single, func(m map[string]any) {
			m["type"], m["pool"] = "Pool", pool["pool"]
			delete(m, "protocol")
		}, map[string]string{
			"protocol": `missing required property "protocol" (BackendArgs)`,
			"url":      `property "url" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Url is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool routes to its members' URLs`,
		}},
		{"a template's pool with a protocol", deployToken, poolTemplate(pool), func(m map[string]any) {
			res := m["properties"].(map[string]any)["template"].(map[string]any)["resources"].([]any)[0].(map[string]any)
			res["properties"] = map[string]any{"type": "Pool", "pool": pool["pool"], "protocol": "http"}
		}, map[string]string{
			"properties.template.resources[0].properties.protocol": `property "properties.template.resources[0].properties.protocol" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Protocol is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool uses its members' protocols`,
		}},
		{"a non-AZ VPN gateway SKU", gatewayToken, gateway, func(m map[string]any) { m["sku"] = map[string]any{"name": "VpnGw1"} }, map[string]string{
			"sku.name": `property "sku.name" is "VpnGw1" on a Microsoft.Network/virtualNetworkGateways with gatewayType "Vpn"; Azure refuses it (NonAzSkusNotAllowedForVPNGateway: no new VPN gateway with a non-AZ VpnGw1-5 SKU since 2025-01-01, nor with Standard or HighPerformance since 2023-12-01) [vpn-gateway-az-sku-only]; use "VpnGw1AZ"`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := copyOf(c.in)
			c.edit(in)
			if got := failures(t, p, c.token, in); !maps.Equal(got, c.want) {
				t.Errorf("failures:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}
