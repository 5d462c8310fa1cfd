package rules

import "github.com/aiready/aiready/policypack/props"

// NetworkVPNGatewaysNotBasic refuses the Basic VPN gateway SKU and the non-AZ
// VpnGw1-5 SKUs Azure no longer creates ("VPN Gateway SKU consolidation and
// migration", learn.microsoft.com/azure/vpn-gateway/gateway-sku-consolidation, read
// 2026-12-02: no new VpnGw1-5 gateway since 2025-01-01, ARM answers
// NonAzSkusNotAllowedForVPNGateway).
var NetworkVPNGatewaysNotBasic = register(&Rule{
	Name:           "network-vpn-gateways-not-basic-sku",
	Description:    "VPN gateways use a zone-redundant SKU (VpnGw1AZ to VpnGw5AZ): not Basic, which lacks the bandwidth, zone redundancy and authentication options AI data transfer needs, nor the non-AZ VpnGw1 to VpnGw5, which Azure no longer creates.",
	Section:        SectionConnectivity,
	Recommendation: "Use Azure VPN Gateway for moderate data transfer.",
	BuiltIns: []BuiltIn{
		{ID: "e345b6c3-24bd-4c93-9bbb-7e5e49a17b78", DisplayName: "Azure VPN gateways should not use 'basic' SKU", Effects: "Azure can only audit it (effect Audit or Disabled); the rule denies at preview"},
	},
	Severity: Medium,
	Level:    Mandatory,
	Types:    []string{TypeGateway},
	Check: func(_ *Context, r *Resource) []Finding {
		kind := r.Get("gatewayType")
		if kind.IsUnknown() {
			return []Finding{Unverifiable("gatewayType", "a VPN gateway does not use the Basic SKU")}
		}
		if !kind.Equal("Vpn") {
			return nil
		}
		var out []Finding
		for _, path := range [...]string{"sku.name", "sku.tier"} {
			v := r.Get(path)
			switch {
			case v.IsUnknown():
				out = append(out, Unverifiable(path, "the VPN gateway does not use the Basic SKU"))
			case v.Equal("Basic"):
				out = append(out, Violation("%s is %s; use VpnGw1AZ or larger.", path, show(v)))
			case nonAZVPNSKU(v) != "":
				out = append(out, Violation("%s is %s, a non-AZ SKU Azure no longer creates (NonAzSkusNotAllowedForVPNGateway since 2025-01-01); use %sAZ.", path, show(v), nonAZVPNSKU(v)))
			}
		}
		return out
	},
})

// nonAZVPNSKU returns the SKU when it is one of VpnGw1 to VpnGw5 (without AZ), else "".
func nonAZVPNSKU(v props.Value) string {
	for _, sku := range [...]string{"VpnGw1", "VpnGw2", "VpnGw3", "VpnGw4", "VpnGw5"} {
		if v.Equal(sku) {
			return sku
		}
	}
	return ""
}
