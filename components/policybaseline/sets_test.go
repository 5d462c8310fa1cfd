package policybaseline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memberCounts are, per archetype, how many members of its ALZ sets are assigned,
// covered by another assignment of the group, and excluded with a reason. A change
// is deliberate: update the counts with the table (go generate).
var memberCounts = map[string]map[string]int{
	"corp":    {MemberAssigned: 151, MemberCovered: 6, MemberExcluded: 74},
	"online":  {MemberAssigned: 106, MemberCovered: 4, MemberExcluded: 17},
	"sandbox": {MemberAssigned: 108, MemberCovered: 4, MemberExcluded: 17},
	"dev":     {MemberAssigned: 108, MemberCovered: 4, MemberExcluded: 17},
}

// TestEveryALZMemberHasAStatus lists, per archetype, every member of the ALZ sets
// the archetype assigns with its status: assigned with its effect, covered by the
// assignment that assigns the same definition, or excluded with the reason. It
// fails for a member of the ALZ set (Azure's facts) that the plan does not list, or
// lists without an effect or a reason.
func TestEveryALZMemberHasAStatus(t *testing.T) {
	facts := DefaultBuiltIns()
	for _, archetype := range DefaultLibrary().ArchetypeNames() {
		t.Run(archetype, func(t *testing.T) {
			plan, err := baseArgs(archetype).Plan()
			require.NoError(t, err)
			counts := map[string]int{}
			for _, a := range plan.Assignments {
				if a.Set == nil || a.Set.Set.ALZSet == "" {
					continue
				}
				listed := map[string]PlannedMember{}
				for _, m := range a.Set.Members {
					listed[m.Member.Reference] = m
				}
				for _, alz := range facts.ALZPolicySets[a.Set.Set.ALZSet].Members {
					m, ok := listed[alz.Reference]
					if !assert.True(t, ok, "%s: ALZ member %s of %s has no status", archetype, alz.Reference, a.Set.Set.ALZSet) {
						continue
					}
					counts[m.Status]++
					t.Log(statusLine(a.Assignment.Name, m))
					switch m.Status {
					case MemberAssigned:
						assert.NotEmpty(t, m.Effect, "%s/%s is assigned without an effect", a.Assignment.Name, alz.Reference)
					case MemberCovered, MemberExcluded, MemberInherited:
						assert.NotEmpty(t, m.Reason, "%s/%s is %s without a reason", a.Assignment.Name, alz.Reference, m.Status)
					default:
						t.Errorf("%s/%s has neither an effect nor a reason (status %q)", a.Assignment.Name, alz.Reference, m.Status)
					}
				}
			}
			assert.Equal(t, memberCounts[archetype], counts)
		})
	}
}

func statusLine(assignment string, m PlannedMember) string {
	if m.Status == MemberAssigned {
		return fmt.Sprintf("%s/%s: assigned, %s", assignment, m.Member.Reference, m.Effect)
	}
	return fmt.Sprintf("%s/%s: %s (%s)", assignment, m.Member.Reference, m.Status, m.Reason)
}

// TestDeprecatedMembersAreExcluded requires every member whose definition the facts
// mark deprecated to be excluded, saying so.
func TestDeprecatedMembersAreExcluded(t *testing.T) {
	lib := DefaultLibrary()
	found := 0
	for _, s := range lib.PolicySets {
		for _, m := range s.Members {
			f, _, err := lib.memberFacts(m)
			require.NoError(t, err)
			if f == nil || !f.Deprecated {
				continue
			}
			found++
			assert.Contains(t, m.Excluded, "deprecated", "%s/%s: %s is deprecated", s.Name, m.Reference, f.DisplayName)
		}
	}
	assert.Equal(t, 6, found, "the deprecated members of the sets (facts of 2026-04-29)")
}

// brokenLib is a small valid library with one set mirroring ALZ's sandbox set;
// each case of TestLoadLibraryRejectsBrokenLibraries changes one file.
var brokenLib = map[string]string{
	"archetypes/a.json":          `{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-X","Enforce-S"]}`,
	"assignments/Deny-X.json":    `{"name":"Deny-X","displayName":"x","description":"x","guide":"g","policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc","effects":{"enforce":"Deny","audit":"Audit"},"nonComplianceMessage":"x"}`,
	"assignments/Enforce-S.json": `{"name":"Enforce-S","displayName":"s","description":"s","guide":"g","policySet":"S","nonComplianceMessage":"s"}`,
	"definitions/Peer.json": `{"name":"Peer","displayName":"p","description":"p","mode":"All","parameters":{"effect":{"type":"String","allowedValues":["Audit","Deny","Disabled"],"defaultValue":"Deny"}},` +
		`"policyRule":{"if":{"field":"type","equals":"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"},"then":{"effect":"[parameters('effect')]"}}}`,
	"policySets/S.json": `{"name":"S","alzSet":"Enforce-ALZ-Sandbox","displayName":"s","description":"s","category":"Sandbox","members":[` +
		`{"reference":"SandboxNotAllowed","effects":{"enforce":"Deny","audit":"Audit"},"parameters":{"listOfResourceTypesNotAllowed":["microsoft.network/vpngateways"]}},` +
		`{"reference":"SandboxDenyVnetPeering","customDefinition":"Peer","effects":{"enforce":"Deny","audit":"Audit"}}]}`,
	"estate/alz-x.json": `{"name":"alz-x","description":"x","assignments":[{"name":"Enforce-ALZ-Sandbox","alzSet":"Enforce-ALZ-Sandbox"}]}`,
}

func brokenFS(file, data string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range brokenLib {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	if file != "" {
		fsys[file] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoadLibraryRejectsBrokenLibraries(t *testing.T) {
	lib, err := LoadLibrary(brokenFS("", ""))
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, lib.ArchetypeNames())
	plan, err := (&Args{ManagementGroupID: "g", Archetype: "a", Library: lib}).Plan()
	require.NoError(t, err)
	assert.Equal(t, []string{"Deny-X", "Enforce-S"}, names(plan))

	assignment, set := brokenLib["assignments/Deny-X.json"], brokenLib["policySets/S.json"]
	unknownBuiltIn := `{"name":"Deny-X","displayName":"x","description":"x","guide":"g","policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/00000000-0000-4000-8000-000000000000","effectParameter":"effect","effects":{"enforce":"Modify","audit":"Audit"},"allowedEffects":["Audit","Modify"],"nonComplianceMessage":"x"}`
	cases := map[string]struct{ file, data, want string }{
		"unknown assignment":           {"archetypes/a.json", `{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-Y"]}`, `archetype "a" names unknown assignment "Deny-Y"`},
		"bad level":                    {"archetypes/a.json", `{"name":"a","description":"d","level":"strict","policyAssignments":[]}`, `level "strict"`},
		"unknown parent":               {"archetypes/a.json", `{"name":"a","description":"d","level":"enforce","extends":"b","policyAssignments":[]}`, `extends unknown archetype "b"`},
		"name mismatch":                {"archetypes/a.json", `{"name":"b","description":"d","level":"enforce","policyAssignments":[]}`, `does not match the file name "a"`},
		"unknown field":                {"archetypes/a.json", `{"name":"a","level":"enforce","policyAssignments":[],"colour":1}`, `unknown field "colour"`},
		"archetype effect not allowed": {"archetypes/a.json", `{"name":"a","description":"d","level":"enforce","policyAssignments":[],"effects":{"Enforce-S/SandboxNotAllowed":"Modify"}}`, `archetype "a": effects["Enforce-S/SandboxNotAllowed"]: "Modify" is not an effect definition 6c112d4e-5bc7-47ae-a041-ea2d9dccd749 ("Not allowed resource types") allows; use one of Audit, Deny, Disabled`},
		"effect not allowed by Azure":  {"assignments/Deny-X.json", strings.Replace(assignment, `"audit":"Audit"`, `"audit":"Modify"`, 1), `effect "Modify" for audit is not one of the effects definition 71ef260a-8f18-47b7-abcb-62d0673d94dc ("Azure AI Services resources should have key access disabled (disable local authentication)") allows: Audit, Deny, Disabled`},
		"derived fact repeated":        {"assignments/Deny-X.json", strings.Replace(assignment, `"effects"`, `"allowedEffects":["Audit","Deny"],"effects"`, 1), `assignment "Deny-X": allowedEffects is derived from definition 71ef260a-8f18-47b7-abcb-62d0673d94dc`},
		"undeclared parameter":         {"assignments/Deny-X.json", strings.Replace(assignment, `"effects"`, `"parameters":{"colour":"red"},"effects"`, 1), `assignment "Deny-X": parameter "colour" is not a parameter of definition 71ef260a-8f18-47b7-abcb-62d0673d94dc`},
		"modify without roles":         {"assignments/Deny-X.json", unknownBuiltIn, "effect Modify needs a managed identity"},
		"unknown built-in, no effects": {"assignments/Deny-X.json", strings.Replace(unknownBuiltIn, `"allowedEffects":["Audit","Modify"],`, "", 1), "the facts do not know definition 00000000-0000-4000-8000-000000000000: list the effects it allows in allowedEffects"},
		"bad definition id":            {"assignments/Deny-X.json", strings.Replace(assignment, "71ef260a-8f18-47b7-abcb-62d0673d94dc", "not-a-guid", 1), "is not a built-in definition id"},
		"missing custom def":           {"assignments/Deny-X.json", strings.Replace(assignment, `"policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc"`, `"customDefinition":"Nope"`, 1), `customDefinition "Nope" is not in definitions`},
		"two targets":                  {"assignments/Deny-X.json", strings.Replace(assignment, `"effects"`, `"policySet":"S","effects"`, 1), `assignment "Deny-X": set exactly one of policyDefinitionId, customDefinition and policySet`},
		"unknown set":                  {"assignments/Enforce-S.json", strings.Replace(brokenLib["assignments/Enforce-S.json"], `"S"`, `"T"`, 1), `assignment "Enforce-S": policySet "T" is not in policySets`},
		"set assignment with effects":  {"assignments/Enforce-S.json", strings.Replace(brokenLib["assignments/Enforce-S.json"], `"policySet"`, `"effects":{"enforce":"Deny"},"policySet"`, 1), `the effects, parameters and roles of a policy set assignment are its members' (lib/policySets/S.json)`},
		"member missing": {"policySets/S.json", strings.Replace(set, `,{"reference":"SandboxDenyVnetPeering","customDefinition":"Peer","effects":{"enforce":"Deny","audit":"Audit"}}`, "", 1),
			`policy set "S": ALZ member "SandboxDenyVnetPeering" (ALZ custom definition Deny-VNET-Peer-Cross-Sub) has no entry: assign it (effects) or exclude it with the reason`},
		"unknown member":             {"policySets/S.json", strings.Replace(set, `"SandboxNotAllowed"`, `"SandboxAllowed"`, 1), `policy set "S" member "SandboxAllowed": the ALZ set has no member of that reference`},
		"member listed twice":        {"policySets/S.json", strings.Replace(set, `"SandboxDenyVnetPeering"`, `"SandboxNotAllowed"`, 1), `policy set "S" member "SandboxNotAllowed": the reference is listed twice`},
		"built-in written":           {"policySets/S.json", strings.Replace(set, `{"reference":"SandboxNotAllowed",`, `{"reference":"SandboxNotAllowed","builtIn":"6c112d4e-5bc7-47ae-a041-ea2d9dccd749",`, 1), `builtIn is read from the ALZ set's facts (built-in 6c112d4e-5bc7-47ae-a041-ea2d9dccd749); remove it`},
		"ALZ custom without ours":    {"policySets/S.json", strings.Replace(set, `"customDefinition":"Peer",`, "", 1), `the ALZ member is ALZ custom definition "Deny-VNET-Peer-Cross-Sub": name the library's definition of the same intent in customDefinition, or exclude it with the reason`},
		"unknown custom":             {"policySets/S.json", strings.Replace(set, `"Peer"`, `"Nope"`, 1), `customDefinition "Nope" is not in definitions`},
		"member effect not allowed":  {"policySets/S.json", strings.Replace(set, `"enforce":"Deny","audit":"Audit"},"parameters"`, `"enforce":"Deny","audit":"AuditIfNotExists"},"parameters"`, 1), `policy set "S" member "SandboxNotAllowed": effect "AuditIfNotExists" for audit is not one of the effects definition 6c112d4e-5bc7-47ae-a041-ea2d9dccd749 ("Not allowed resource types") allows: Audit, Deny, Disabled`},
		"member effect case":         {"policySets/S.json", strings.Replace(set, `"enforce":"Deny","audit":"Audit"},"parameters"`, `"enforce":"deny","audit":"Audit"},"parameters"`, 1), `effect "deny" for enforce is not one of the effects`},
		"member without effects":     {"policySets/S.json", strings.Replace(set, `"effects":{"enforce":"Deny","audit":"Audit"},"parameters"`, `"parameters"`, 1), `policy set "S" member "SandboxNotAllowed": effects has no "enforce" entry`},
		"required parameter":         {"policySets/S.json", strings.Replace(set, `,"parameters":{"listOfResourceTypesNotAllowed":["microsoft.network/vpngateways"]}`, "", 1), `policy set "S" member "SandboxNotAllowed": parameter "listOfResourceTypesNotAllowed" of definition 6c112d4e-5bc7-47ae-a041-ea2d9dccd749 ("Not allowed resource types") has no default value: give it a value, or null to route it from the default values`},
		"undeclared member param":    {"policySets/S.json", strings.Replace(set, `"listOfResourceTypesNotAllowed"`, `"listOfTypes"`, 1), `policy set "S" member "SandboxNotAllowed": parameter "listOfTypes" is not a parameter of definition 6c112d4e-5bc7-47ae-a041-ea2d9dccd749`},
		"member param of wrong type": {"policySets/S.json", strings.Replace(set, `["microsoft.network/vpngateways"]`, `"microsoft.network/vpngateways"`, 1), `parameter "listOfResourceTypesNotAllowed": value "microsoft.network/vpngateways" is not of the parameter's type Array`},
		"excluded with effects":      {"policySets/S.json", strings.Replace(set, `"customDefinition":"Peer",`, `"excluded":"no peering here",`, 1), `policy set "S" member "SandboxDenyVnetPeering": an excluded member has no effects or parameters`},
		"unknown ALZ set":            {"policySets/S.json", strings.Replace(set, `"Enforce-ALZ-Sandbox"`, `"Enforce-ALZ-Sandbox_2027"`, 1), `policy set "S": alzSet "Enforce-ALZ-Sandbox_2027" is not an ALZ set of the facts`},
		"default value to a member":  {"default_values.json", `{"types":{"description":"d","targets":[{"assignment":"Enforce-S","parameter":"SandboxNotAllowed/listOfTypes"}]}}`, `default value "types" targets parameter "SandboxNotAllowed/listOfTypes" of assignment "Enforce-S": member "SandboxNotAllowed" of policy set "S" does not list parameter "listOfTypes"`},
		"default value, no member":   {"default_values.json", `{"types":{"description":"d","targets":[{"assignment":"Enforce-S","parameter":"listOfResourceTypesNotAllowed"}]}}`, `name a member's parameter as "<member reference>/<parameter>"`},
		"parent set unknown":         {"estate/alz-x.json", `{"name":"alz-x","description":"x","assignments":[{"name":"X","alzSet":"Nope"}]}`, `parent archetype "alz-x" assignment "X": alzSet "Nope" is not an ALZ set of the facts`},
		"parent extends unknown":     {"estate/alz-x.json", `{"name":"alz-x","description":"x","extends":"alz-y","assignments":[]}`, `parent archetype "alz-x" extends unknown parent archetype "alz-y"`},
		"parent with two targets":    {"estate/alz-x.json", `{"name":"alz-x","description":"x","assignments":[{"name":"X","builtIn":"6c112d4e-5bc7-47ae-a041-ea2d9dccd749","alzCustom":"Y"}]}`, `set exactly one of alzSet, builtIn and alzCustom`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := LoadLibrary(brokenFS(tc.file, tc.data))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrLibrary))
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	long := brokenFS("archetypes/a.json", `{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-A-Very-Long-Assignment-Name"]}`)
	long["assignments/Deny-A-Very-Long-Assignment-Name.json"] = &fstest.MapFile{Data: []byte(strings.Replace(assignment, `"Deny-X"`, `"Deny-A-Very-Long-Assignment-Name"`, 1))}
	_, err = LoadLibrary(long)
	assert.ErrorContains(t, err, "names at management group scope are 1-24 letters")
}

// TestDeprecatedMemberMustBeExcluded loads a set that assigns a deprecated member.
func TestDeprecatedMemberMustBeExcluded(t *testing.T) {
	lib := DefaultLibrary()
	s := *lib.PolicySets["Enforce-Guardrails-APIM"]
	s.Members = slices.Clone(s.Members)
	for i, m := range s.Members {
		if m.Reference == "Deny-Apim-Version" {
			s.Members[i] = &SetMember{Reference: m.Reference, Effects: map[string]string{LevelEnforce: "Deny", LevelAudit: "Audit"}}
		}
	}
	_, err := lib.Merge(&Library{PolicySets: map[string]*PolicySet{s.Name: &s}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `policy set "Enforce-Guardrails-APIM" member "Deny-Apim-Version": definition 549814b6-3212-4203-bdc8-1548d342fb67 ("[Deprecated]: API Management minimum API version should be set to 2019-12-01 or higher") is deprecated in the facts; exclude it with the reason ("deprecated in the facts")`)
}

// TestOwnPolicySet merges a set of an organisation's own (no ALZ set): its members
// name their built-ins, and a member without one is refused.
func TestOwnPolicySet(t *testing.T) {
	own := &PolicySet{Name: "Contoso-AI", DisplayName: "Contoso AI", Description: "d", Category: "AI", Members: []*SetMember{
		{Reference: "search-sku", BuiltIn: "a049bf77-880b-470f-ba6d-9f21c530cf83", Effects: map[string]string{LevelEnforce: "Deny", LevelAudit: "Audit"}},
		{Reference: "ai-cmk", BuiltIn: "67121cc7-ff39-4ab8-b7e3-95b84dab487d", Effects: map[string]string{LevelEnforce: "Audit", LevelAudit: "Audit"}},
	}}
	ext := &Library{
		PolicySets:  map[string]*PolicySet{own.Name: own},
		Assignments: map[string]*Assignment{"Enforce-Contoso": {Name: "Enforce-Contoso", DisplayName: "c", Description: "c", Guide: "g", PolicySet: own.Name, NonComplianceMessage: "c"}},
	}
	merged, err := DefaultLibrary().Merge(ext)
	require.NoError(t, err)
	args := baseArgs("online")
	args.Library = merged
	args.Override = &Override{AssignmentsToAdd: []string{"Enforce-Contoso"}}
	plan, err := args.Plan()
	require.NoError(t, err)
	_, m := member(t, plan, "Enforce-Contoso/search-sku")
	assert.Equal(t, MemberCovered, m.Status, "the CogServ set assigns a049bf77 already")
	assert.Equal(t, "assigned by Enforce-GR-CogServ/Deny-CognitiveSearch-SKU", m.Reason)
	_, zones := member(t, plan, "Enforce-Contoso/ai-cmk")
	assert.Equal(t, MemberAssigned, zones.Status)

	args.Override.AssignmentsToRemove = []string{"Enforce-GR-CogServ"}
	plan, err = args.Plan()
	require.NoError(t, err)
	_, m = member(t, plan, "Enforce-Contoso/search-sku")
	assert.Equal(t, MemberAssigned, m.Status, "without the CogServ set, the own set assigns it")

	args.Override.AssignmentsToRemove = nil
	own.Members = own.Members[:1]
	merged, err = DefaultLibrary().Merge(ext)
	require.NoError(t, err)
	args.Library = merged
	plan, err = args.Plan()
	require.NoError(t, err)
	_, created := plan.Assignment("Enforce-Contoso")
	assert.False(t, created, "a set with nothing left to assign is not created")
	assert.Equal(t, "every member of policy set Contoso-AI is excluded, covered or inherited", plan.Skipped[len(plan.Skipped)-1].Reason)

	own.Members[0].BuiltIn = ""
	_, err = DefaultLibrary().Merge(ext)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `policy set "Contoso-AI" member "search-sku": set exactly one of builtIn and customDefinition`)
}
