package rules

import (
	"slices"
	"strings"
)

// GovernanceBaselineAssignments requires each AI management group to carry its
// archetype's baseline policy assignments, enforced.
var GovernanceBaselineAssignments = register(&Rule{
	Name: "governance-ai-management-groups-baseline-enforced",
	Description: "Each AI management group carries the policy assignments its archetype requires (config requiredAssignments), " +
		"and no baseline assignment of an enforced archetype (corp, online) has its enforcement turned off; " +
		"audit-level archetypes (dev, sandbox) may use DoNotEnforce.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	Mirrors:        "AIPolicyBaseline's archetype assignments (corp: Modify-AI-PublicAccess, Deny-Public-IP-On-NIC; landingzones: Deny-AI-LocalAuth, Deny-MgmtPorts-Internet, Deny-Subnet-Without-Nsg; online: Enable-DDoS-VNET, Deny-AI-NetworkAccess), which follow the ALZ archetypes",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeManagementGroup, TypePolicyAssignment},
	Config:         []string{"requiredAssignments"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		g := indexGroups(ctx, s)
		var out []Finding
		for _, m := range g.sorted() {
			arch := m.archetypeOf()
			if arch == "" {
				continue // unclassified, or both corp and online (the separation rule reports it)
			}
			required, ok := ctx.Settings.RequiredAssignments[arch]
			if !ok {
				required = ctx.Settings.RequiredAssignments[ctx.Settings.BaseArchetype(arch)]
			}
			// Audit-level archetypes report rather than deny: DoNotEnforce is how
			// they audit definitions whose effect is fixed.
			base := ctx.Settings.BaseArchetype(arch)
			auditLevel := base == "dev" || base == "sandbox"
			have := make([]string, 0, len(m.assigns))
			for _, a := range m.assigns {
				name := assignmentName(a)
				have = append(have, strings.ToLower(name))
				fromBaseline := !a.Get("metadata.aiready").IsAbsent()
				if auditLevel {
					continue
				}
				if !fromBaseline && !slices.ContainsFunc(required, func(n string) bool { return strings.EqualFold(n, name) }) {
					continue
				}
				// Declared: an unset mode is Azure's default, enforced, though the
				// outputs say unknown at preview.
				mode := a.Declared("enforcementMode")
				switch {
				case mode.IsUnknown():
					out = append(out, Unverifiable("enforcementMode", "policy assignment "+quote(name)+" is enforced").At(a.URN))
				case mode.Equal("DoNotEnforce"):
					out = append(out, Violation("policy assignment %q on management group %q (%s) has enforcementMode \"DoNotEnforce\"; set it to \"Default\" so that the policy is enforced.",
						name, m.id, arch).At(a.URN))
				}
			}
			var missing []string
			for _, req := range required {
				if !slices.Contains(have, strings.ToLower(req)) {
					missing = append(missing, req)
				}
			}
			if len(missing) == 0 {
				continue
			}
			if len(g.orphanAssns) > 0 {
				out = append(out, Unverifiable("scope", "management group "+quote(m.id)+" carries "+joinQuoted(missing)).At(m.urn()))
				continue
			}
			out = append(out, Violation("management group %q (archetype %s) lacks the baseline policy assignments %s; assign them (AIPolicyBaseline does), or change requiredAssignments in the %s config.",
				m.id, arch, joinQuoted(missing), "governance-ai-management-groups-baseline-enforced").At(m.urn()))
		}
		return out
	},
})
