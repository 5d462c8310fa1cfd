package rules

import "github.com/aiready/aiready/policypack/config"

// NetworkOnlineVNetsDDoS requires a DDoS protection plan on online virtual networks.
var NetworkOnlineVNetsDDoS = register(&Rule{
	Name:           "network-online-vnets-ddos-protection",
	Description:    "Virtual networks of the online (internet-facing) archetype are protected by an Azure DDoS Protection plan.",
	Section:        SectionConnectivity,
	Recommendation: "Activate Azure DDoS Protection for internet-facing AI workloads.",
	BuiltIns: []BuiltIn{
		{ID: "94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d", DisplayName: "Virtual networks should be protected by Azure DDoS Protection", ALZSets: []string{"Enforce-Guardrails-Network_20250326"}, Effects: "a Modify that Azure applies; the rule denies at preview what it would change"},
	},
	Mirrors:  "ALZ landing-zone assignment Enable-DDoS-VNET",
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeVirtualNetwork},
	Check: func(ctx *Context, r *Resource) []Finding {
		c := ctx.Classify(r)
		if c.Base != config.Online {
			return nil
		}
		var out []Finding
		out = append(out, requireBool(r, "enableDdosProtection", true, "DDoS protection is on",
			"set it to true with a DDoS protection plan: the "+c.DescribeArchetype()+" is internet-facing.")...)
		plan := r.Get("ddosProtectionPlan")
		switch {
		case plan.IsUnknown():
			out = append(out, Unverifiable("ddosProtectionPlan", "the network has a DDoS protection plan"))
		case plan.Field("id").IsAbsent():
			out = append(out, Violation("ddosProtectionPlan.id is not set; reference a DDoS protection plan: the %s is internet-facing.", c.DescribeArchetype()))
		}
		return out
	},
})
