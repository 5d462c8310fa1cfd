package rules

// GovernanceNoAIInPlatform keeps AI resources out of the platform subscriptions.
var GovernanceNoAIInPlatform = register(&Rule{
	Name: "governance-no-ai-in-platform-subscriptions",
	Description: "AI resources are deployed to workload subscriptions, never to a platform subscription (connectivity, management, identity, security), " +
		"and no platform subscription is placed in an AI management group.",
	Section:        SectionGovernance,
	Recommendation: "Deploy AI resources within workload-specific subscriptions.",
	Mirrors:        "ALZ subscription organisation (platform subscriptions under the platform management group)",
	Severity:       High,
	Level:          Mandatory,
	Types:          append([]string{TypeManagementGroupSub}, aiTypes...),
	Config:         []string{"platformSubscriptions"},
	Check: func(ctx *Context, r *Resource) []Finding {
		st := ctx.Settings
		if !st.HasPlatformSubscriptions() {
			return nil
		}
		if r.Type == TypeManagementGroupSub {
			subV := r.Get("subscriptionId")
			if subV.IsUnknown() {
				return []Finding{Unverifiable("subscriptionId", "the subscription placed in the group is not a platform subscription")}
			}
			sub, _ := subV.Str()
			area := st.PlatformArea(sub)
			if area == "" {
				return nil
			}
			groupV := r.Get("groupId")
			if groupV.IsUnknown() {
				return []Finding{Unverifiable("groupId", "the "+area+" platform subscription is not placed in an AI management group")}
			}
			group, _ := groupV.Str()
			if id := ManagementGroupOf(group); id != "" {
				group = id
			}
			if arch := st.GroupArchetype(group); arch != "" {
				return []Finding{Violation("subscription %s is the %s platform subscription; do not place it in management group %q (archetype %s): AI workloads get their own subscriptions.",
					sub, area, group, arch)}
			}
			return nil
		}
		sub, unknown := r.Subscription()
		if sub == "" {
			if unknown {
				return []Finding{Unverifiable("the provider's subscriptionId", "the resource is not in a platform subscription")}
			}
			return nil
		}
		if area := st.PlatformArea(sub); area != "" {
			return []Finding{Violation("the resource is in subscription %s, the %s platform subscription; deploy AI resources to a workload (application landing zone) subscription under an AI management group.",
				sub, area)}
		}
		return nil
	},
})
