package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

// setAssignment is an assignment of the policy set fixture with member effects.
func setAssignment(t *testing.T, name, group string, effects map[string]string) *Resource {
	a := assignment(t, name, group, "corp")
	a.Props = set(a.Props, "policyDefinitionId", "/providers/Microsoft.Management/managementGroups/"+group+"/providers/Microsoft.Authorization/policySetDefinitions/Enforce-Guardrails-OpenAI")
	params := map[string]any{}
	for k, v := range effects {
		params[k] = map[string]any{"value": v}
	}
	a.Props = set(a.Props, "parameters", params)
	return a
}

func policySet(t *testing.T) *Resource {
	return res(TypePolicySetDefinition, "Enforce-Guardrails-OpenAI", fixture(t, "policy_set_definition_valid"))
}

func TestGovernanceBaselineAssignments(t *testing.T) {
	corp := mg(t, "ai-corp", "landingzones")
	groups := withSettings(NewContext(), func(s *config.Settings) { s.ManagementGroups = map[string][]string{"corp": {"ai-corp"}} })
	first := config.Default().RequiredAssignments[config.Corp][0]
	notEnforced := assignment(t, first, "ai-corp", "corp")
	notEnforced.Props = set(notEnforced.Props, "enforcementMode", "DoNotEnforce")
	unknownMode := assignment(t, first, "ai-corp", "corp")
	unknownMode.Props = set(unknownMode.Props, "enforcementMode", unknown)
	unknownScope := assignment(t, first, "ai-corp", "corp")
	unknownScope.Props = set(unknownScope.Props, "scope", unknown)
	without := func(names ...string) []*Resource {
		var out []*Resource
		for _, r := range corpBaseline(t, "ai-corp") {
			keep := true
			for _, n := range names {
				keep = keep && assignmentName(r) != n
			}
			if keep {
				out = append(out, r)
			}
		}
		return out
	}
	// The set carries Deny-Cognitive-Services-Local-Auth, Deny-vNic-Pip and
	// Deny-Mgmt-From-Internet in place of single assignments of those names.
	bySet := append(without("Deny-Cognitive-Services-Local-Auth", "Deny-vNic-Pip", "Deny-Mgmt-From-Internet"), policySet(t),
		setAssignment(t, "Enforce-GR-OpenAI", "ai-corp", map[string]string{"Deny-Cognitive-Services-Local-Auth-effect": "Deny"}))
	disabled := append(without("Deny-Cognitive-Services-Local-Auth"), policySet(t),
		setAssignment(t, "Enforce-GR-OpenAI", "ai-corp", map[string]string{"Deny-Cognitive-Services-Local-Auth-effect": "Disabled"}))
	inherited := assignment(t, "Deny-Resource-Locations", "ai-corp", "corp")
	inherited.Props = set(inherited.Props, "metadata.aiready.inherited", []any{"Deny-Public-Endpoints", "Enforce-GR-Network/Deny-Subnet-Without-NSG"})
	byDefinition := assignment(t, "My-Local-Auth", "ai-corp", "corp")
	byDefinition.Props = set(byDefinition.Props, "policyDefinitionId", "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc")
	lacks := func(names string) []string {
		return []string{urn(TypeManagementGroup, "ai-corp") + ": management group \"ai-corp\" (archetype corp) lacks the baseline policy assignments " + names +
			" (an assignment, or a member of an assigned policy set, of that name or definition); assign them (AIPolicyBaseline does), or change requiredAssignments in the governance-ai-management-groups-baseline-enforced config."}
	}
	runStackCases(t, GovernanceBaselineAssignments, []stackCase{
		{name: "baseline complete", resources: append([]*Resource{corp}, corpBaseline(t, "ai-corp")...)},
		{name: "baseline complete, configured group", ctx: groups, resources: append([]*Resource{corp}, corpBaseline(t, "ai-corp")...)},
		{name: "members of an assigned set count", resources: append([]*Resource{corp}, bySet...)},
		{name: "a Disabled member does not count", resources: append([]*Resource{corp}, disabled...), want: lacks(`"Deny-Cognitive-Services-Local-Auth"`)},
		{name: "a set the stack does not register brings no members", resources: append(append([]*Resource{corp}, without("Deny-Cognitive-Services-Local-Auth", "Deny-vNic-Pip", "Deny-Mgmt-From-Internet")...),
			setAssignment(t, "Enforce-GR-OpenAI", "ai-corp", nil)), want: lacks(`"Deny-Cognitive-Services-Local-Auth", "Deny-vNic-Pip", "Deny-Mgmt-From-Internet"`)},
		{name: "inherited from the parent groups", resources: append(append([]*Resource{corp}, without("Deny-Public-Endpoints", "Deny-Subnet-Without-NSG")...), inherited)},
		{name: "by definition", ctx: withSettings(groups, func(s *config.Settings) {
			s.RequiredAssignments = map[string][]string{"corp": {"71ef260a-8f18-47b7-abcb-62d0673d94dc"}}
		}), resources: []*Resource{corp, byDefinition}},
		{name: "custom requirements", ctx: withSettings(groups, func(s *config.Settings) { s.RequiredAssignments = map[string][]string{"corp": {"Enforce-GR-OpenAI0"}} }),
			resources: []*Resource{corp, assignment(t, "Enforce-GR-OpenAI0", "ai-corp", "corp")}},
		{name: "group without assignments", ctx: groups, resources: []*Resource{corp},
			want: lacks(`"Deny-Public-Endpoints", "Modify-Cognitive-Services-Public-Network-Access", "Deny-Cognitive-Services-Local-Auth", "Deny-vNic-Pip", "Deny-Mgmt-From-Internet", "Deny-Subnet-Without-NSG"`)},
		{name: "one missing", resources: append([]*Resource{corp}, without("Deny-Subnet-Without-NSG")...), want: lacks(`"Deny-Subnet-Without-NSG"`)},
		{name: "enforcement off", resources: append(append([]*Resource{corp}, without(first)...), notEnforced),
			want: []string{notEnforced.URN + ": policy assignment \"" + first + "\" on management group \"ai-corp\" (corp) has enforcementMode \"DoNotEnforce\"; set it to \"Default\" so that the policy is enforced."}},
		{name: "a set's enforcement off", resources: func() []*Resource {
			a := setAssignment(t, "Enforce-GR-OpenAI", "ai-corp", nil)
			a.Props = set(a.Props, "enforcementMode", "DoNotEnforce")
			return append(append([]*Resource{corp, policySet(t)}, corpBaseline(t, "ai-corp")...), a)
		}(), want: []string{urn(TypePolicyAssignment, "ai-corp-Enforce-GR-OpenAI") + ": policy assignment \"Enforce-GR-OpenAI\" on management group \"ai-corp\" (corp) has enforcementMode \"DoNotEnforce\"; set it to \"Default\" so that the policy is enforced."}},
		{name: "enforcement unknown", resources: append(append([]*Resource{corp}, without(first)...), unknownMode),
			want: []string{unknownMode.URN + ": Cannot verify at preview that policy assignment \"" + first + "\" is enforced: enforcementMode is not known yet; checked again at update."}},
		{name: "scope unknown", ctx: groups, resources: append(append([]*Resource{corp}, without(first)...), unknownScope),
			want: []string{urn(TypeManagementGroup, "ai-corp") + ": Cannot verify at preview that management group \"ai-corp\" carries \"" + first + "\": scope is not known yet; checked again at update."}},
		{name: "unclassified groups are ignored", resources: []*Resource{mg(t, "platform", "alz")}},
		{name: "audit-level dev group may use DoNotEnforce", resources: func() []*Resource {
			dev := assignment(t, "Enforce-GR-Network", "ai-dev", "dev")
			dev.Props = set(dev.Props, "enforcementMode", "DoNotEnforce")
			return []*Resource{mg(t, "ai-dev", "sandbox"), dev}
		}()},
	})
}
