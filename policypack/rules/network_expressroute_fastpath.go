package rules

import "slices"

// NetworkExpressRouteFastPath requires FastPath on ExpressRoute connections and a gateway SKU that supports it.
var NetworkExpressRouteFastPath = register(&Rule{
	Name: "network-expressroute-fastpath",
	Description: "ExpressRoute gateways use a SKU that supports FastPath (UltraPerformance, ErGw3AZ or ErGwScale by default) " +
		"and ExpressRoute connections enable FastPath, so that data from on-premises bypasses the gateway.",
	Section:        SectionConnectivity,
	Recommendation: "Use Azure ExpressRoute for high-volume data transfer.",
	Mirrors:        "None in Azure Policy: the guide's ExpressRoute FastPath recommendation",
	Severity:       Medium,
	Level:          Mandatory,
	Types:          []string{TypeGateway, TypeGatewayConnection},
	Config:         []string{"fastPathSkus"},
	Check: func(ctx *Context, r *Resource) []Finding {
		if r.Type == TypeGatewayConnection {
			kind := r.Get("connectionType")
			if kind.IsUnknown() {
				return []Finding{Unverifiable("connectionType", "an ExpressRoute connection enables FastPath")}
			}
			if !kind.Equal("ExpressRoute") {
				return nil
			}
			return requireBool(r, "expressRouteGatewayBypass", true, "the connection enables FastPath",
				"set it to true to turn on FastPath, which sends data past the gateway to the virtual machines.")
		}
		kind := r.Get("gatewayType")
		if kind.IsUnknown() {
			return []Finding{Unverifiable("gatewayType", "an ExpressRoute gateway supports FastPath")}
		}
		if !kind.Equal("ExpressRoute") {
			return nil
		}
		sku := r.Get("sku.name")
		if sku.IsUnknown() {
			return []Finding{Unverifiable("sku.name", "the ExpressRoute gateway SKU supports FastPath")}
		}
		allowed := ctx.Settings.FastPathSKUs
		if s, ok := sku.Str(); ok && slices.ContainsFunc(allowed, func(a string) bool { return equalFold(a, s) }) {
			return nil
		}
		return []Finding{Violation("sku.name is %s; use a SKU that supports FastPath: %s.", show(sku), joinQuoted(allowed))}
	},
})
