package policybaseline

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/policybaseline/internal/builtinsgen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltInsMatchAzureFacts regenerates lib/builtins.json from the Azure facts
// file and requires the committed copy to be identical: the copy is never edited by
// hand, and a new assignment's definition comes from Azure's facts. It needs the facts
// file beside the repository (../shared/azure/policy-definitions.json or
// $AIREADY_AZURE_POLICY_FACTS) and skips without it.
func TestBuiltInsMatchAzureFacts(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	path := builtinsgen.FactsPath(wd)
	facts, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("the Azure facts file is not here (%v); lib/builtins.json is checked against it where it is", err)
	}
	sub, err := fs.Sub(embedded, "lib")
	require.NoError(t, err)
	want, err := builtinsgen.Generate(facts, sub)
	require.NoError(t, err)
	got, err := fs.ReadFile(embedded, BuiltInsFile)
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from what %s gives; run `go generate ./components/policybaseline`", BuiltInsFile, path)
	}
}

// TestLibraryAssignsLiveBuiltIns requires every built-in the library assigns to be
// in Azure's facts and not deprecated.
func TestLibraryAssignsLiveBuiltIns(t *testing.T) {
	lib := DefaultLibrary()
	for _, name := range sortedKeys(lib.Assignments) {
		a := lib.Assignments[name]
		if a.PolicyDefinitionID == "" {
			continue
		}
		f, ok := DefaultBuiltIns().Definition(a.PolicyDefinitionID)
		if !assert.True(t, ok, "%s assigns %s, which Azure's facts do not have", name, a.PolicyDefinitionID) {
			continue
		}
		assert.False(t, f.Deprecated, "%s assigns the deprecated %s (%s)", name, a.PolicyDefinitionID, f.DisplayName)
	}
}

// TestPlannedEffectsAreAllowedByAzure checks, independently of Plan's own checks,
// that every effect each archetype sets is one Azure's definition allows, compared
// case-sensitively as ARM compares it (e345b6c3 and bf045164 allow only Audit and
// Disabled).
func TestPlannedEffectsAreAllowedByAzure(t *testing.T) {
	lib := DefaultLibrary()
	for _, archetype := range lib.ArchetypeNames() {
		plan, err := baseArgs(archetype).Plan()
		require.NoError(t, err, archetype)
		for _, p := range plan.Assignments {
			facts, err := lib.facts(p.Assignment)
			require.NoError(t, err)
			if facts == nil || p.EffectParameter == "" {
				continue
			}
			assert.Contains(t, facts.AllowedEffects(), p.Effect, "%s: %s sets effect %q", archetype, p.Assignment.Name, p.Effect)
			assert.Equal(t, p.Effect, p.Parameters[facts.EffectParameter()], "%s: %s", archetype, p.Assignment.Name)
		}
		for _, p := range plan.Assignments {
			if p.Set == nil {
				continue
			}
			for _, m := range p.Set.Assigned() {
				facts, _, err := lib.memberFacts(m.Member)
				require.NoError(t, err)
				if m.EffectParameter == "" {
					continue
				}
				name := p.Assignment.Name + "/" + m.Member.Reference
				assert.Contains(t, facts.AllowedEffects(), m.Effect, "%s: %s sets effect %q", archetype, name, m.Effect)
				setParam := m.ParameterNames[facts.EffectParameter()]
				assert.Equal(t, m.Effect, p.Parameters[setParam], "%s: %s", archetype, name)
				assert.Equal(t, anyValues(facts.AllowedEffects()), p.Set.Parameters[setParam].AllowedValues, "%s: the set parameter allows what the member does", name)
			}
		}
	}
}

// TestCheckSetAssignment covers each way ARM refuses an assignment of a set, one
// change to a compliant assignment of a two-member set per case: the DDoS built-in
// (Modify, a required plan) and the Allowed locations built-in.
func TestCheckSetAssignment(t *testing.T) {
	lookup := func(id string) (*DefinitionFacts, bool) { return DefaultBuiltIns().Definition(id) }
	set := func() SetValues {
		return SetValues{Name: "S", Parameters: map[string]ParameterFacts{
			"ddos-effect": {Type: "String", AllowedValues: []any{"Modify", "Audit", "Disabled"}, DefaultValue: "Modify", HasDefault: true},
			"ddos-plan":   {Type: "String"},
			"locations":   {Type: "Array", DefaultValue: []any{"eastus"}, HasDefault: true},
		}, Members: []SetMemberValues{
			{Reference: "ddos", DefinitionID: builtInPrefix + "94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d", Parameters: map[string]any{"effect": "[parameters('ddos-effect')]", "ddosPlan": "[parameters('ddos-plan')]"}},
			{Reference: "locations", DefinitionID: builtInPrefix + "e56962a6-4747-49cd-b67b-bf8b01975c4c", Parameters: map[string]any{"listOfAllowedLocations": "[parameters('locations')]", "effect": "Deny"}},
		}}
	}
	good := func() AssignmentValues {
		return AssignmentValues{Name: "Enforce-S", DefinitionID: "policy set \"S\"", Parameters: map[string]any{"ddos-plan": "/subscriptions/x/plan"},
			Identity: true, Location: "eastus", Roles: []string{"4d97b98b-1d4f-4787-a291-c67834d212e7"}, RolesKnown: true}
	}
	assert.Empty(t, CheckSetAssignment(set(), good(), lookup))
	cases := map[string]struct {
		change func(s *SetValues, a *AssignmentValues)
		want   string
	}{
		"set parameter not passed": {func(s *SetValues, a *AssignmentValues) { delete(a.Parameters, "ddos-plan") }, `policy assignment "Enforce-S" of policy set "S": parameter "ddos-plan" has no default value in the definition and is not passed`},
		"undeclared set parameter": {func(s *SetValues, a *AssignmentValues) { a.Parameters["colour"] = "red" }, `parameter "colour" is not declared by the definition; it declares: ddos-effect, ddos-plan, locations`},
		"effect not allowed":       {func(s *SetValues, a *AssignmentValues) { a.Parameters["ddos-effect"] = "Deny" }, `parameter "ddos-effect": value "Deny" is not allowed; Azure allows ["Modify","Audit","Disabled"]`},
		"member refuses the value": {func(s *SetValues, a *AssignmentValues) {
			s.Parameters["ddos-effect"] = ParameterFacts{Type: "String", DefaultValue: "Deny", HasDefault: true}
		}, `policy assignment "Enforce-S/ddos" of /providers/Microsoft.Authorization/policyDefinitions/94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d: parameter "effect": value "Deny" is not allowed`},
		"member parameter not routed": {func(s *SetValues, a *AssignmentValues) { delete(s.Members[0].Parameters, "ddosPlan") }, `policy assignment "Enforce-S/ddos" of /providers/Microsoft.Authorization/policyDefinitions/94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d: parameter "ddosPlan" has no default value in the definition and is not passed`},
		"undeclared reference": {func(s *SetValues, a *AssignmentValues) {
			s.Members[1].Parameters["listOfAllowedLocations"] = "[parameters('regions')]"
		}, `member "locations" parameter "listOfAllowedLocations" reads set parameter "regions", which the set does not declare`},
		"literal member value": {func(s *SetValues, a *AssignmentValues) { s.Members[1].Parameters["effect"] = "Block" }, `policy assignment "Enforce-S/locations" of /providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c: parameter "effect": value "Block" is not allowed`},
		"no identity":          {func(s *SetValues, a *AssignmentValues) { a.Identity = false }, `policy assignment "Enforce-S/ddos" of /providers/Microsoft.Authorization/policyDefinitions/94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d: effect Modify needs a managed identity`},
		"no role":              {func(s *SetValues, a *AssignmentValues) { a.Roles = nil }, "effect Modify needs role 4d97b98b-1d4f-4787-a291-c67834d212e7"},
		"unknown member": {func(s *SetValues, a *AssignmentValues) {
			s.Members[1].DefinitionID = builtInPrefix + "00000000-0000-4000-8000-000000000000"
		}, `member "locations" assigns /providers/Microsoft.Authorization/policyDefinitions/00000000-0000-4000-8000-000000000000, which is neither a built-in in Azure's facts nor a known custom definition`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s, a := set(), good()
			tc.change(&s, &a)
			errs := CheckSetAssignment(s, a, lookup)
			require.NotEmpty(t, errs)
			assert.True(t, slices.ContainsFunc(errs, func(e error) bool { return strings.Contains(e.Error(), tc.want) }), "%v", errs)
		})
	}
	s, a := set(), good()
	a.Parameters["ddos-effect"] = "Audit"
	a.Identity, a.Roles = false, nil
	assert.Empty(t, CheckSetAssignment(s, a, lookup), "an audited member needs no identity")
}

// serviceWords are the words a description uses for the services whose aliases a
// definition reads.
var serviceWords = map[string]string{
	"Microsoft.CognitiveServices":       "AI services",
	"Microsoft.Search":                  "AI Search",
	"Microsoft.MachineLearningServices": "Machine Learning",
	"Microsoft.KeyVault":                "Key Vault",
	"Microsoft.Storage":                 "storage",
}

// TestDescriptionsNameEveryServiceTheDefinitionJudges requires an assignment's
// description to name every service whose aliases Azure's definition reads (e.g.
// 71ef260a, 037eea7a and d6759c02 judge AI Search services as well as AI services).
func TestDescriptionsNameEveryServiceTheDefinitionJudges(t *testing.T) {
	lib := DefaultLibrary()
	for _, name := range sortedKeys(lib.Assignments) {
		a := lib.Assignments[name]
		f, ok := DefaultBuiltIns().Definition(a.PolicyDefinitionID)
		if !ok {
			continue
		}
		for _, field := range f.Fields {
			ns, _, found := strings.Cut(field, "/")
			word, known := serviceWords[ns]
			if !found || !known {
				continue
			}
			assert.Contains(t, strings.ToLower(a.Description), strings.ToLower(word),
				"%s: its definition %s reads %s; say in the description that it judges %s", name, a.PolicyDefinitionID, field, word)
		}
	}
}

// TestCheckAssignment covers each way ARM refuses an assignment, one change to a
// compliant assignment of the Allowed locations built-in (e56962a6) per case.
func TestCheckAssignment(t *testing.T) {
	def, ok := DefaultBuiltIns().Definition("e56962a6-4747-49cd-b67b-bf8b01975c4c")
	require.True(t, ok)
	ddos, ok := DefaultBuiltIns().Definition("94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d")
	require.True(t, ok)
	good := func() AssignmentValues {
		return AssignmentValues{Name: "Deny-Resource-Locations", DefinitionID: "e56962a6",
			Parameters: map[string]any{"listOfAllowedLocations": []string{"eastus"}, "effect": "Deny"}}
	}
	assert.Empty(t, CheckAssignment(def, good()))
	cases := map[string]struct {
		def    *DefinitionFacts
		change func(a *AssignmentValues)
		want   string
	}{
		"undeclared":       {def, func(a *AssignmentValues) { a.Parameters["colour"] = "red" }, `parameter "colour" is not declared by the definition; it declares: effect, listOfAllowedLocations`},
		"missing required": {def, func(a *AssignmentValues) { delete(a.Parameters, "listOfAllowedLocations") }, `parameter "listOfAllowedLocations" has no default value in the definition and is not passed`},
		"wrong type":       {def, func(a *AssignmentValues) { a.Parameters["listOfAllowedLocations"] = "eastus" }, `parameter "listOfAllowedLocations": value "eastus" is not of the parameter's type Array`},
		"not allowed":      {def, func(a *AssignmentValues) { a.Parameters["effect"] = "Block" }, `parameter "effect": value "Block" is not allowed; Azure allows ["Audit","Deny","Disabled"]`},
		"case-sensitive":   {def, func(a *AssignmentValues) { a.Parameters["effect"] = "deny" }, `parameter "effect": value "deny" is not allowed`},
		"modify without identity": {ddos, func(a *AssignmentValues) {
			a.Parameters = map[string]any{"ddosPlan": "/subscriptions/x/plan", "effect": "Modify"}
			a.Location = "eastus"
		}, "effect Modify needs a managed identity"},
		"modify without location": {ddos, func(a *AssignmentValues) {
			a.Parameters = map[string]any{"ddosPlan": "/subscriptions/x/plan"}
			a.Identity = true
		}, "effect Modify needs a location"},
		"modify without role": {ddos, func(a *AssignmentValues) {
			a.Parameters = map[string]any{"ddosPlan": "/subscriptions/x/plan"}
			a.Identity, a.Location, a.RolesKnown = true, "eastus", true
		}, "effect Modify needs role 4d97b98b-1d4f-4787-a291-c67834d212e7"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := good()
			tc.change(&a)
			errs := CheckAssignment(tc.def, a)
			require.NotEmpty(t, errs)
			assert.True(t, slices.ContainsFunc(errs, func(e error) bool { return strings.Contains(e.Error(), tc.want) }), "%v", errs)
		})
	}
	a := good()
	a.Parameters["listOfAllowedLocations"] = UnknownValue{}
	assert.Empty(t, CheckAssignment(def, a), "a value not known before deployment is not judged")
}

// TestPlanRefusesWhatAzureRefuses makes the baseline refuse, before anything is
// registered, the values ARM would answer PolicyParameterValueNotAllowed to.
func TestPlanRefusesWhatAzureRefuses(t *testing.T) {
	args := baseArgs("corp")
	args.Override = &Override{Effects: map[string]string{"Audit-VPN-BasicSku": "Deny"}}
	_, err := args.Plan()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Override.Effects["Audit-VPN-BasicSku"] "Deny" is not an effect definition e345b6c3-24bd-4c93-9bbb-7e5e49a17b78 ("Azure VPN gateways should not use 'basic' SKU") allows; use one of Audit, Disabled`)

	args = baseArgs("corp")
	args.Override = &Override{Parameters: map[string]map[string]any{"Deny-HybridNetworking": {"listOfResourceTypesNotAllowed": "Microsoft.Network/vpnGateways"}}}
	_, err = args.Plan()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `policy assignment "Deny-HybridNetworking" of 6c112d4e-5bc7-47ae-a041-ea2d9dccd749 ("Not allowed resource types"): parameter "listOfResourceTypesNotAllowed": value "Microsoft.Network/vpnGateways" is not of the parameter's type Array`)
}
