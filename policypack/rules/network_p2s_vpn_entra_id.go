package rules

import "strings"

// NetworkP2SVPNEntraID advises Microsoft Entra ID authentication for point-to-site VPN.
var NetworkP2SVPNEntraID = register(&Rule{
	Name:           "network-p2s-vpn-entra-id",
	Description:    "Point-to-site VPN on a virtual network gateway authenticates users with Microsoft Entra ID only.",
	Section:        SectionConnectivity,
	Recommendation: "Use Azure VPN Gateway for moderate data transfer.",
	BuiltIns: []BuiltIn{
		{ID: "21a6bc25-125e-4d13-b82d-2e19b7208ab7", DisplayName: "VPN gateways should use only Azure Active Directory (Azure AD) authentication for point-to-site users", ALZSets: []string{"Enforce-Guardrails-Network_20250326"}},
	},
	Severity: Medium,
	Level:    Advisory,
	Types:    []string{TypeGateway},
	Check: func(_ *Context, r *Resource) []Finding {
		cfg := r.Get("vpnClientConfiguration")
		if cfg.IsUnknown() {
			return []Finding{Unverifiable("vpnClientConfiguration", "point-to-site VPN uses Microsoft Entra ID")}
		}
		if cfg.IsAbsent() {
			return nil
		}
		const path = "vpnClientConfiguration.vpnAuthenticationTypes"
		types, unknown := cfg.Field("vpnAuthenticationTypes").Strings()
		if unknown {
			return []Finding{Unverifiable(path, "point-to-site VPN uses Microsoft Entra ID")}
		}
		aad, others := false, []string{}
		for _, t := range types {
			if strings.EqualFold(t, "AAD") {
				aad = true
			} else {
				others = append(others, t)
			}
		}
		switch {
		case !aad && len(others) == 0:
			return []Finding{Violation("%s is not set (certificates); set it to [\"AAD\"] and give aadTenant, aadAudience and aadIssuer.", path)}
		case !aad:
			return []Finding{Violation("%s is [%s]; set it to [\"AAD\"] so that users sign in with Microsoft Entra ID.", path, joinQuoted(others))}
		case len(others) > 0:
			return []Finding{Violation("%s also allows %s; keep only \"AAD\".", path, joinQuoted(others))}
		}
		return nil
	},
})
