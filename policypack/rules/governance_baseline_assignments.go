package rules

import (
	"slices"
	"strings"

	"github.com/aiready/aiready/policypack/internal/conventions"
)

// TypePolicySetDefinition is a policy set definition (initiative) at a management
// group, whose members a set assignment brings.
const TypePolicySetDefinition = "azure-native:authorization:PolicySetDefinitionAtManagementGroup"

// GovernanceBaselineAssignments requires each AI management group to carry its
// archetype's baseline policy assignments, enforced.
var GovernanceBaselineAssignments = register(&Rule{
	Name: "governance-ai-management-groups-baseline-enforced",
	Description: "Each AI management group carries the policies its archetype requires (config requiredAssignments): " +
		"an assignment of that name or definition, a member of an assigned policy set (by reference id or definition, its effect not Disabled), " +
		"or a policy the baseline records as assigned by the estate's parent groups; " +
		"and no baseline assignment of an enforced archetype (corp, online) has its enforcement turned off; " +
		"audit-level archetypes (dev, sandbox) may use DoNotEnforce.",
	Section:        SectionGovernance,
	Recommendation: "Start with baseline policies from Azure landing zones and apply AI-specific policies to each management group.",
	Mirrors: "AIPolicyBaseline's archetypes, which follow the ALZ archetypes: corp's Deny-Public-Endpoints and the CogServ set's Modify-Cognitive-Services-Public-Network-Access, " +
		"the landing-zone sets' Deny-Cognitive-Services-Local-Auth, Deny-vNic-Pip, Deny-Mgmt-From-Internet and Deny-Subnet-Without-NSG, online's Enable-DDoS-VNET and Deny-AzureAI-Network-Access",
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeManagementGroup, TypePolicyAssignment, TypePolicySetDefinition},
	Config:   []string{"requiredAssignments"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		g := indexGroups(ctx, s)
		sets := indexPolicySets(s)
		var out []Finding
		for _, m := range g.sorted() {
			arch := m.archetypeOf()
			if arch == "" {
				continue // unclassified, or both corp and online (the separation rule reports it)
			}
			out = append(out, checkBaseline(ctx, g, sets, m, arch)...)
		}
		return out
	},
})

// checkBaseline judges one classified group: the enforcement of its baseline
// assignments, then the required policies it lacks.
func checkBaseline(ctx *Context, g *groups, sets map[string][]setMember, m *mgroup, arch string) []Finding {
	required, ok := ctx.Settings.RequiredAssignments[arch]
	if !ok {
		required = ctx.Settings.RequiredAssignments[ctx.Settings.BaseArchetype(arch)]
	}
	// Audit-level archetypes report rather than deny: DoNotEnforce is how they
	// audit definitions whose effect is fixed.
	meaning, _ := conventions.Archetype(ctx.Settings.BaseArchetype(arch)).Meaning()
	auditLevel := meaning.AuditOnly
	var out []Finding
	have := map[string]bool{}
	for _, a := range m.assigns {
		name := assignmentName(a)
		for _, n := range carried(a, sets) {
			have[strings.ToLower(n)] = true
		}
		if auditLevel {
			continue
		}
		fromBaseline := !a.Get(metadataKey).IsAbsent()
		if !fromBaseline && !slices.ContainsFunc(required, func(n string) bool { return strings.EqualFold(n, name) }) {
			continue
		}
		// Declared: an unset mode is Azure's default, enforced, though the outputs
		// say unknown at preview.
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
		if !have[strings.ToLower(req)] {
			missing = append(missing, req)
		}
	}
	switch {
	case len(missing) == 0:
	case len(g.orphanAssns) > 0:
		out = append(out, Unverifiable("scope", "management group "+quote(m.id)+" carries "+joinQuoted(missing)).At(m.urn()))
	default:
		out = append(out, Violation("management group %q (archetype %s) lacks the baseline policy assignments %s (an assignment, or a member of an assigned policy set, of that name or definition); assign them (AIPolicyBaseline does), or change requiredAssignments in the %s config.",
			m.id, arch, joinQuoted(missing), "governance-ai-management-groups-baseline-enforced").At(m.urn()))
	}
	return out
}

// carried returns the names under which an assignment carries policies: its name
// and its definition's; for a policy set the stack registers, each member's
// reference id and definition whose effect is not Disabled; and the names the
// baseline records as assigned by the parent groups (metadata.aiready.inherited,
// "<assignment>" or "<assignment>/<member reference>").
func carried(a *Resource, sets map[string][]setMember) []string {
	out := []string{assignmentName(a)}
	id, _ := a.Get("policyDefinitionId").Str()
	out = append(out, lastSegment(id))
	for _, m := range sets[strings.ToLower(id)] {
		if !memberDisabled(a, m) {
			out = append(out, m.reference, lastSegment(m.definition))
		}
	}
	inherited, _ := a.Get(metadataKey + ".inherited").Strings()
	for _, n := range inherited {
		assignment, ref, member := strings.Cut(n, "/")
		out = append(out, assignment)
		if member {
			out = append(out, ref)
		}
	}
	return out
}

// setMember is one policyDefinitions entry of a registered set.
type setMember struct {
	reference, definition string
	effect                string // the effect parameter's value: a literal or "[parameters('x')]"
}

// indexPolicySets reads the stack's policy set definitions by their full id.
func indexPolicySets(s *Stack) map[string][]setMember {
	out := map[string][]setMember{}
	for _, r := range s.OfType(TypePolicySetDefinition) {
		group, _ := r.Get("managementGroupId").Str()
		name, _ := r.Get("policySetDefinitionName").Str()
		if group == "" || name == "" {
			continue
		}
		id := "/providers/Microsoft.Management/managementGroups/" + group + "/providers/Microsoft.Authorization/policySetDefinitions/" + name
		refs := r.Get("policyDefinitions")
		var members []setMember
		for i := range refs.Len() {
			ref := refs.Index(i)
			m := setMember{}
			m.reference, _ = ref.Get("policyDefinitionReferenceId").Str()
			m.definition, _ = ref.Get("policyDefinitionId").Str()
			m.effect, _ = ref.Get("parameters", "effect", "value").Str()
			members = append(members, m)
		}
		out[strings.ToLower(id)] = members
	}
	return out
}

// memberDisabled reports whether a set member's effect, as the assignment passes
// it, is Disabled.
func memberDisabled(a *Resource, m setMember) bool {
	effect := m.effect
	if p, ok := strings.CutPrefix(effect, "[parameters('"); ok {
		v, _ := a.Get("parameters").Get(strings.TrimSuffix(p, "')]"), "value").Str()
		effect = v
	}
	return strings.EqualFold(effect, "Disabled")
}

// lastSegment returns the last path segment of a resource id.
func lastSegment(id string) string {
	return id[strings.LastIndex(id, "/")+1:]
}
