package rules

// NetworkVPNGatewaysNotBasic refuses the Basic VPN gateway SKU.
var NetworkVPNGatewaysNotBasic = register(&Rule{
	Name:           "network-vpn-gateways-not-basic-sku",
	Description:    "VPN gateways do not use the Basic SKU, which lacks the bandwidth, zone redundancy and authentication options AI data transfer needs.",
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
			}
		}
		return out
	},
})
