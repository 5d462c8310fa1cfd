package policybaseline

import (
	"errors"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	assignmentType = "azure-native:authorization:PolicyAssignment"
	definitionType = "azure-native:authorization:PolicyDefinitionAtManagementGroup"
	roleType       = "azure-native:authorization:RoleAssignment"
	ddosPlan       = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/ddos"
)

var landingZone = []string{
	"Audit-AI-PrivateLink", "Audit-Storage-GeoRedund", "Audit-VM-MgmtPorts", "Deny-AI-LocalAuth", "Deny-AI-NetworkAccess",
	"Deny-AI-NoManagedId", "Deny-IP-forwarding", "Deny-KV-PurgeProtection", "Deny-ML-PublicAccess", "Deny-MgmtPorts-Internet",
	"Deny-Resource-Locations", "Deny-Search-FreeSku", "Deny-Search-LocalAuth", "Deny-Storage-SharedKey", "Deny-Storage-XTenant",
	"Deny-Subnet-Without-Nsg", "Audit-VPN-BasicSku", "Deny-VPN-P2S-NoAAD", "Enforce-AI-ApprovedModel",
}

func baseArgs(archetype string) *Args {
	return &Args{
		ManagementGroupID: "ai-" + archetype,
		Archetype:         archetype,
		Location:          "swedencentral",
		DefaultValues: map[string]any{
			"allowedLocations":     []string{"swedencentral", "francecentral"},
			"allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
			"ddosPlan":             ddosPlan,
		},
	}
}

func names(p *Plan) []string {
	var out []string
	for _, a := range p.Assignments {
		out = append(out, a.Assignment.Name)
	}
	return out
}

func with(base []string, more ...string) []string {
	out := append(append([]string{}, base...), more...)
	sort.Strings(out)
	return out
}

func TestDefaultLibrary(t *testing.T) {
	lib := DefaultLibrary()
	assert.Equal(t, []string{"corp", "dev", "online", "sandbox"}, lib.ArchetypeNames())
	for name, a := range lib.Assignments {
		assert.LessOrEqual(t, len(name), 24, "assignment names at management group scope are at most 24 characters")
		assert.NotEmpty(t, a.Guide, name)
		assert.NotEmpty(t, a.NonComplianceMessage, name)
	}
}

func TestPlanPerArchetype(t *testing.T) {
	cases := map[string]struct {
		assignments []string
		level       string
	}{
		"corp":    {with(landingZone, "Deny-HybridNetworking", "Deny-KV-PublicAccess", "Deny-Public-IP-On-NIC", "Deny-Search-PublicAccess", "Deny-Storage-PublicNet", "Modify-AI-PublicAccess"), LevelEnforce},
		"online":  {with(landingZone, "Enable-DDoS-VNET"), LevelEnforce},
		"sandbox": {with(landingZone), LevelAudit},
		"dev":     {with(landingZone), LevelAudit},
	}
	for archetype, want := range cases {
		t.Run(archetype, func(t *testing.T) {
			plan, err := baseArgs(archetype).Plan()
			require.NoError(t, err)
			assert.Equal(t, want.assignments, names(plan))
			assert.Equal(t, want.level, plan.Level)
			assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-"+archetype, plan.Scope)
			for _, a := range plan.Assignments {
				if a.EffectParameter == "" {
					wantMode := EnforcementDefault
					if want.level == LevelAudit {
						wantMode = EnforcementDoNotEnforce
					}
					assert.Equal(t, wantMode, a.EnforcementMode, "%s has a fixed effect", a.Assignment.Name)
					continue
				}
				assert.Equal(t, EnforcementDefault, a.EnforcementMode, a.Assignment.Name)
				assert.Equal(t, a.Assignment.Effects[want.level], a.Effect, a.Assignment.Name)
				assert.Equal(t, a.Effect, a.Parameters[a.EffectParameter], a.Assignment.Name)
				if want.level == LevelAudit {
					assert.NotEqual(t, "Deny", a.Effect, "%s must not deny in %s", a.Assignment.Name, archetype)
				}
			}
		})
	}
}

func TestPlanEffectsAndIdentities(t *testing.T) {
	corp, err := baseArgs("corp").Plan()
	require.NoError(t, err)
	local, _ := corp.Assignment("Deny-AI-LocalAuth")
	assert.Equal(t, "Deny", local.Effect)
	assert.Equal(t, "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc", local.PolicyDefinitionID)
	assert.False(t, local.Identity)
	public, _ := corp.Assignment("Modify-AI-PublicAccess")
	assert.Equal(t, "Modify", public.Effect)
	assert.True(t, public.Identity)
	mgmt, _ := corp.Assignment("Deny-MgmtPorts-Internet")
	assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policyDefinitions/Deny-MgmtPorts-Internet", mgmt.PolicyDefinitionID)
	require.Len(t, corp.Definitions, 2)

	online, err := baseArgs("online").Plan()
	require.NoError(t, err)
	ddos, _ := online.Assignment("Enable-DDoS-VNET")
	assert.Equal(t, "Modify", ddos.Effect)
	assert.Equal(t, ddosPlan, ddos.Parameters["ddosPlan"])
	assert.True(t, ddos.Identity)
	locs, _ := online.Assignment("Deny-Resource-Locations")
	assert.Equal(t, []string{"swedencentral", "francecentral"}, locs.Parameters["listOfAllowedLocations"])
}

func run(t *testing.T, args *Args) (*pulumitest.Recorder, *AIPolicyBaseline, error) {
	t.Helper()
	var b *AIPolicyBaseline
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		var err error
		b, err = New(ctx, "corp-baseline", args)
		return err
	})
	return rec, b, err
}

func TestComponentCorp(t *testing.T) {
	rec, b, err := run(t, baseArgs("corp"))
	require.NoError(t, err)
	comp := rec.Named(t, TypeToken, "corp-baseline")
	assignments := rec.ByType(assignmentType)
	require.Len(t, assignments, len(b.Plan().Assignments))
	for _, p := range b.Plan().Assignments {
		res := rec.Named(t, assignmentType, "corp-baseline-"+p.Assignment.Name)
		assert.Equal(t, comp.URN, res.Parent)
		assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp", res.String("scope"))
		assert.Equal(t, p.Assignment.Name, res.String("policyAssignmentName"))
		assert.Equal(t, p.PolicyDefinitionID, res.String("policyDefinitionId"))
		assert.Equal(t, p.EnforcementMode, res.String("enforcementMode"))
		assert.Equal(t, "corp", res.String("metadata.aiready.archetype"))
		assert.Equal(t, p.Assignment.Name, res.String("metadata.aiready.assignment"))
		assert.Equal(t, p.Assignment.NonComplianceMessage, res.String("nonComplianceMessages[0].message"))
		if p.Assignment.EffectParameter != "" {
			assert.Equal(t, p.Effect, res.String("parameters."+p.Assignment.EffectParameter+".value"), p.Assignment.Name)
		}
		_, hasIdentity := res.Input("identity")
		assert.Equal(t, p.Identity, hasIdentity, "%s identity", p.Assignment.Name)
	}
	deny := rec.Named(t, assignmentType, "corp-baseline-Deny-AI-LocalAuth")
	assert.Equal(t, "Deny", deny.String("parameters.effect.value"))
	nic := rec.Named(t, assignmentType, "corp-baseline-Deny-Public-IP-On-NIC")
	assert.Equal(t, "/providers/Microsoft.Authorization/policyDefinitions/83a86a26-fd1f-447c-b59d-e51f44264114", nic.String("policyDefinitionId"))
	models := rec.Named(t, assignmentType, "corp-baseline-Enforce-AI-ApprovedModel")
	assert.Equal(t, "azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20", models.String("parameters.allowedAssetIds.value[0]"))

	// The Modify assignment has an identity in a region and its role at the scope.
	modify := rec.Named(t, assignmentType, "corp-baseline-Modify-AI-PublicAccess")
	assert.Equal(t, "SystemAssigned", modify.String("identity.type"))
	assert.Equal(t, "swedencentral", modify.String("location"))
	roles := rec.ByType(roleType)
	require.Len(t, roles, 1)
	assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp", roles[0].String("scope"))
	assert.Equal(t, "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c", roles[0].String("roleDefinitionId"))
	assert.Equal(t, "ServicePrincipal", roles[0].String("principalType"))
	assert.Equal(t, "principal-corp-baseline-Modify-AI-PublicAccess", roles[0].String("principalId"))

	// Custom definitions are created at the group, before the assignments that use them.
	defs := rec.ByType(definitionType)
	require.Len(t, defs, 2)
	mgmtDef := rec.Named(t, definitionType, "corp-baseline-Deny-MgmtPorts-Internet")
	assert.Equal(t, "ai-corp", mgmtDef.String("managementGroupId"))
	assert.Equal(t, "Custom", mgmtDef.String("policyType"))
	assert.Equal(t, "[parameters('effect')]", mgmtDef.String("policyRule.then.effect"))
	assert.Equal(t, "22", mgmtDef.String("parameters.ports.defaultValue[0]"))
	mgmtAssign := rec.Named(t, assignmentType, "corp-baseline-Deny-MgmtPorts-Internet")
	assert.Contains(t, mgmtAssign.Dependencies, mgmtDef.URN)
}

func TestComponentOnlineDDoS(t *testing.T) {
	args := baseArgs("online")
	args.DefaultValues["ddosPlan"] = pulumi.String(ddosPlan).ToStringOutput()
	rec, _, err := run(t, args)
	require.NoError(t, err)
	ddos := rec.Named(t, assignmentType, "corp-baseline-Enable-DDoS-VNET")
	assert.Equal(t, ddosPlan, ddos.String("parameters.ddosPlan.value"), "a pulumi.Input default value is passed through")
	assert.Equal(t, "Modify", ddos.String("parameters.effect.value"))
	roles := rec.ByType(roleType)
	require.Len(t, roles, 1)
	assert.Equal(t, "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7", roles[0].String("roleDefinitionId"), "Network Contributor")
}

func TestComponentDevIsAuditOnly(t *testing.T) {
	rec, _, err := run(t, baseArgs("dev"))
	require.NoError(t, err)
	for _, a := range rec.ByType(assignmentType) {
		if e := a.String("parameters.effect.value"); e != "" {
			assert.NotContains(t, []string{"Deny", "Modify"}, e, a.Name)
		} else {
			assert.Equal(t, EnforcementDoNotEnforce, a.String("enforcementMode"), a.Name)
		}
	}
	assert.Zero(t, rec.Count(roleType), "audit-level baselines need no remediation identities")
}

func TestOverrides(t *testing.T) {
	args := baseArgs("corp")
	args.Override = &Override{
		AssignmentsToRemove: []string{"Deny-HybridNetworking"},
		AssignmentsToAdd:    []string{"Enable-DDoS-VNET"},
		Parameters:          map[string]map[string]any{"Deny-MgmtPorts-Internet": {"ports": []string{"22", "3389", "5985", "5986"}}},
		Effects:             map[string]string{"Deny-AI-LocalAuth": "Audit"},
		EnforcementModes:    map[string]string{"Deny-Search-FreeSku": EnforcementDoNotEnforce},
	}
	plan, err := args.Plan()
	require.NoError(t, err)
	_, hybrid := plan.Assignment("Deny-HybridNetworking")
	assert.False(t, hybrid)
	ddos, ok := plan.Assignment("Enable-DDoS-VNET")
	require.True(t, ok)
	assert.Equal(t, "Modify", ddos.Effect)
	ports, _ := plan.Assignment("Deny-MgmtPorts-Internet")
	assert.Equal(t, []string{"22", "3389", "5985", "5986"}, ports.Parameters["ports"])
	local, _ := plan.Assignment("Deny-AI-LocalAuth")
	assert.Equal(t, "Audit", local.Effect)
	free, _ := plan.Assignment("Deny-Search-FreeSku")
	assert.Equal(t, EnforcementDoNotEnforce, free.EnforcementMode)

	args.Override = &Override{EnforcementModes: map[string]string{"*": EnforcementDoNotEnforce}}
	plan, err = args.Plan()
	require.NoError(t, err)
	for _, a := range plan.Assignments {
		assert.Equal(t, EnforcementDoNotEnforce, a.EnforcementMode, a.Assignment.Name)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *Args)
		want   string
	}{
		{"empty group", func(a *Args) { a.ManagementGroupID = "" }, "ManagementGroupID is empty"},
		{"unknown archetype", func(a *Args) { a.Archetype = "internal" }, `Archetype "internal" is not an archetype of the library; use one of corp, dev, online, sandbox`},
		{"abstract archetype", func(a *Args) { a.Archetype = "landingzones" }, `Archetype "landingzones" is not an archetype`},
		{"unknown assignment to add", func(a *Args) { a.Override = &Override{AssignmentsToAdd: []string{"Deny-Everything"}} }, `Override.AssignmentsToAdd[0] "Deny-Everything" is not an assignment of the library`},
		{"remove not in archetype", func(a *Args) { a.Override = &Override{AssignmentsToRemove: []string{"Enable-DDoS-VNET"}} }, `Override.AssignmentsToRemove[0] "Enable-DDoS-VNET" is not an assignment of archetype "corp"`},
		{"parameter of unknown target", func(a *Args) {
			a.Override = &Override{Parameters: map[string]map[string]any{"Enable-DDoS-VNET": {"ddosPlan": "x"}}}
		}, `Override.Parameters["Enable-DDoS-VNET"]: no such assignment in archetype "corp"`},
		{"unknown parameter", func(a *Args) {
			a.Override = &Override{Parameters: map[string]map[string]any{"Deny-AI-LocalAuth": {"colour": "red"}}}
		}, `Override.Parameters["Deny-AI-LocalAuth"]["colour"]: the assignment has no parameter "colour"`},
		{"missing parameter", func(a *Args) { delete(a.DefaultValues, "allowedLocations") }, `parameter "listOfAllowedLocations" has no value; set Args.DefaultValues["allowedLocations"]`},
		{"bad effect", func(a *Args) { a.Override = &Override{Effects: map[string]string{"Deny-AI-LocalAuth": "Block"}} }, `Override.Effects["Deny-AI-LocalAuth"] "Block" is not an effect definition 71ef260a-8f18-47b7-abcb-62d0673d94dc ("Azure AI Services resources should have key access disabled (disable local authentication)") allows; use one of Audit, Deny, Disabled`},
		{"effect of a fixed-effect definition", func(a *Args) { a.Override = &Override{Effects: map[string]string{"Deny-Public-IP-On-NIC": "Audit"}} }, "has a fixed effect; set Override.EnforcementModes"},
		{"bad enforcement mode", func(a *Args) { a.Override = &Override{EnforcementModes: map[string]string{"*": "Off"}} }, `Override.EnforcementModes["*"] "Off": use "Default" or "DoNotEnforce"`},
		{"unknown default value", func(a *Args) { a.DefaultValues["ddosPlans"] = "x" }, `DefaultValues["ddosPlans"] is not a default value of the library`},
		{"no location for Modify", func(a *Args) { a.Location = "" }, "Location is empty, but archetype \"corp\" has Modify/DeployIfNotExists assignments"},
		{"unknown location", func(a *Args) { a.Location = "swedencentrall" }, `Location: region "swedencentrall"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := baseArgs("corp")
			tc.change(args)
			rec, _, err := run(t, args)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidArgs), "error should wrap ErrInvalidArgs: %v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, rec.Resources(), "nothing may be registered when the args are invalid")
		})
	}
	// The DDoS plan is required for online only.
	args := baseArgs("online")
	delete(args.DefaultValues, "ddosPlan")
	_, err := args.Plan()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `assignment "Enable-DDoS-VNET" of archetype "online": parameter "ddosPlan" has no value; set Args.DefaultValues["ddosPlan"]`)
	args = baseArgs("corp")
	delete(args.DefaultValues, "ddosPlan")
	_, err = args.Plan()
	assert.NoError(t, err)
}

func TestLoadLibraryRejectsBrokenLibraries(t *testing.T) {
	const assignment = `{"name":"Deny-X","displayName":"x","description":"x","guide":"g","policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc","effects":{"enforce":"Deny","audit":"Audit"},"nonComplianceMessage":"x"}`
	// unknownBuiltIn assigns a built-in the facts do not know: its effect facts are written out.
	const unknownBuiltIn = `{"name":"Deny-X","displayName":"x","description":"x","guide":"g","policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/00000000-0000-4000-8000-000000000000","effectParameter":"effect","effects":{"enforce":"Modify","audit":"Audit"},"allowedEffects":["Audit","Modify"],"nonComplianceMessage":"x"}`
	good := fstest.MapFS{
		"archetypes/a.json":       {Data: []byte(`{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-X"]}`)},
		"assignments/Deny-X.json": {Data: []byte(assignment)},
	}
	lib, err := LoadLibrary(good)
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, lib.ArchetypeNames())

	cases := map[string]struct {
		file, data, want string
	}{
		"unknown assignment":           {"archetypes/a.json", `{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-Y"]}`, `archetype "a" names unknown assignment "Deny-Y"`},
		"bad level":                    {"archetypes/a.json", `{"name":"a","description":"d","level":"strict","policyAssignments":[]}`, `level "strict"`},
		"unknown parent":               {"archetypes/a.json", `{"name":"a","description":"d","level":"enforce","extends":"b","policyAssignments":[]}`, `extends unknown archetype "b"`},
		"name mismatch":                {"archetypes/a.json", `{"name":"b","description":"d","level":"enforce","policyAssignments":[]}`, `does not match the file name "a"`},
		"unknown field":                {"archetypes/a.json", `{"name":"a","level":"enforce","policyAssignments":[],"colour":1}`, `unknown field "colour"`},
		"effect not allowed by Azure":  {"assignments/Deny-X.json", strings.Replace(assignment, `"audit":"Audit"`, `"audit":"Modify"`, 1), `effect "Modify" for audit is not one of the effects definition 71ef260a-8f18-47b7-abcb-62d0673d94dc ("Azure AI Services resources should have key access disabled (disable local authentication)") allows: Audit, Deny, Disabled`},
		"derived fact repeated":        {"assignments/Deny-X.json", strings.Replace(assignment, `"effects"`, `"allowedEffects":["Audit","Deny"],"effects"`, 1), `assignment "Deny-X": allowedEffects is derived from definition 71ef260a-8f18-47b7-abcb-62d0673d94dc`},
		"undeclared parameter":         {"assignments/Deny-X.json", strings.Replace(assignment, `"effects"`, `"parameters":{"colour":"red"},"effects"`, 1), `assignment "Deny-X": parameter "colour" is not a parameter of definition 71ef260a-8f18-47b7-abcb-62d0673d94dc`},
		"modify without roles":         {"assignments/Deny-X.json", unknownBuiltIn, "effect Modify needs a managed identity"},
		"unknown built-in, no effects": {"assignments/Deny-X.json", strings.Replace(unknownBuiltIn, `"allowedEffects":["Audit","Modify"],`, "", 1), "the facts do not know definition 00000000-0000-4000-8000-000000000000: list the effects it allows in allowedEffects"},
		"bad definition id":            {"assignments/Deny-X.json", strings.Replace(assignment, "71ef260a-8f18-47b7-abcb-62d0673d94dc", "not-a-guid", 1), "is not a built-in definition id"},
		"missing custom def":           {"assignments/Deny-X.json", strings.Replace(assignment, `"policyDefinitionId":"/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc"`, `"customDefinition":"Nope"`, 1), `customDefinition "Nope" is not in definitions`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range good {
				fsys[k] = v
			}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, err := LoadLibrary(fsys)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrLibrary))
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	long := fstest.MapFS{
		"archetypes/a.json": {Data: []byte(`{"name":"a","description":"d","level":"enforce","policyAssignments":["Deny-A-Very-Long-Assignment-Name"]}`)},
		"assignments/Deny-A-Very-Long-Assignment-Name.json": {Data: []byte(strings.Replace(assignment, `"Deny-X"`, `"Deny-A-Very-Long-Assignment-Name"`, 1))},
	}
	_, err = LoadLibrary(long)
	assert.ErrorContains(t, err, "names at management group scope are 1-24 letters")
}

func TestMergeExtendsTheDefault(t *testing.T) {
	ext, err := LoadLibrary(fstest.MapFS{
		"archetypes/regulated.json": {Data: []byte(`{"name":"regulated","description":"corp plus purge protection audits","extends":"corp","level":"enforce","policyAssignments":[],"policyAssignmentsToRemove":["Deny-HybridNetworking"]}`)},
	})
	require.Error(t, err, "an extension alone refers to archetypes it does not hold")
	ext = &Library{Archetypes: map[string]*Archetype{"regulated": {Name: "regulated", Extends: "corp", Level: LevelEnforce, PolicyAssignmentsToRemove: []string{"Deny-HybridNetworking"}}}}
	merged, err := DefaultLibrary().Merge(ext)
	require.NoError(t, err)
	args := baseArgs("corp")
	args.Archetype = "regulated"
	args.Library = merged
	plan, err := args.Plan()
	require.NoError(t, err)
	_, hybrid := plan.Assignment("Deny-HybridNetworking")
	assert.False(t, hybrid)
	_, nic := plan.Assignment("Deny-Public-IP-On-NIC")
	assert.True(t, nic)
	assert.NotContains(t, DefaultLibrary().ArchetypeNames(), "regulated", "Merge leaves the default library unchanged")
}

func BenchmarkNewCorp(b *testing.B) {
	args := baseArgs("corp")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pulumitest.Run(func(ctx *pulumi.Context) error {
			_, err := New(ctx, "corp", args)
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
