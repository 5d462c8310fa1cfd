package policybaseline

import (
	"errors"
	"slices"
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
	setType        = "azure-native:authorization:PolicySetDefinitionAtManagementGroup"
	roleType       = "azure-native:authorization:RoleAssignment"
	ddosPlan       = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/ddos"
)

// Singles and sets of each archetype, in the plan's order (singles, then sets).
var (
	lzSingles = []string{"Audit-VM-MgmtPorts", "Audit-VPN-BasicSku", "Enforce-AI-ApprovedModel", "Deny-ML-PublicAccess", "Audit-Storage-GeoRedund", "Deny-Resource-Locations"}
	lzSets    = []string{"Enforce-GR-OpenAI", "Enforce-GR-CogServ", "Enforce-GR-MachLearn", "Enforce-GR-KeyVault", "Enforce-GR-KeyVaultSup", "Enforce-GR-Storage", "Enforce-GR-APIM", "Enforce-GR-Network", "Enforce-GR-ContReg"}
)

func baseArgs(archetype string) *Args {
	return &Args{
		ManagementGroupID: "ai-" + archetype,
		Archetype:         archetype,
		Location:          "swedencentral",
		DefaultValues: map[string]any{
			"allowedLocations":     []string{"swedencentral", "francecentral"},
			"allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
			"ddosPlan":             ddosPlan,
			"privateDnsZoneIds":    zoneIDs,
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

func TestDefaultLibrary(t *testing.T) {
	lib := DefaultLibrary()
	assert.Equal(t, []string{"corp", "dev", "online", "sandbox"}, lib.ArchetypeNames())
	assert.Equal(t, []string{"none", "alz-corp", "alz-landingzones", "alz-online", "alz-sandbox"}, lib.ParentArchetypeNames())
	assert.Len(t, lib.PolicySets, 12)
	for name, a := range lib.Assignments {
		assert.LessOrEqual(t, len(name), 24, "assignment names at management group scope are at most 24 characters")
		assert.NotEmpty(t, a.Guide, name)
		assert.NotEmpty(t, a.NonComplianceMessage, name)
	}
	for name, d := range lib.Definitions {
		assert.NotEmpty(t, d.Source, "%s: say what the definition was written from", name)
	}
}

func TestPlanPerArchetype(t *testing.T) {
	cases := map[string]struct {
		assignments []string
		level       string
	}{
		"corp":    {slices.Concat(lzSingles, []string{"Deny-HybridNetworking"}, lzSets, []string{"Deny-Public-Endpoints", "Deploy-Private-DNS-Zones"}), LevelEnforce},
		"online":  {slices.Concat(lzSingles, []string{"Enable-DDoS-VNET"}, lzSets), LevelEnforce},
		"sandbox": {slices.Concat(lzSingles, lzSets, []string{"Enforce-ALZ-Sandbox"}), LevelAudit},
		"dev":     {slices.Concat(lzSingles, lzSets, []string{"Enforce-ALZ-Sandbox"}), LevelAudit},
	}
	for archetype, want := range cases {
		t.Run(archetype, func(t *testing.T) {
			plan, err := baseArgs(archetype).Plan()
			require.NoError(t, err)
			assert.Equal(t, want.assignments, names(plan))
			assert.Equal(t, want.level, plan.Level)
			assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-"+archetype, plan.Scope)
			assert.Empty(t, plan.Skipped)
			for _, a := range plan.Assignments {
				if a.Set != nil {
					checkPlannedSet(t, want.level, a)
					continue
				}
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

// checkPlannedSet checks a set assignment: each assigned member's effect is passed
// through its set parameter, audit levels neither deny nor remediate, and a set
// with a fixed-effect member audits through DoNotEnforce.
func checkPlannedSet(t *testing.T, level string, a PlannedAssignment) {
	t.Helper()
	fixed := false
	for _, m := range a.Set.Assigned() {
		name := a.Assignment.Name + "/" + m.Member.Reference
		if m.EffectParameter == "" {
			fixed = true
			continue
		}
		assert.Equal(t, m.Effect, a.Parameters[m.ParameterNames[m.EffectParameter]], name)
		if level == LevelAudit {
			assert.NotContains(t, []string{"Deny", "Modify", "DeployIfNotExists"}, m.Effect, "%s must not deny or remediate at audit level", name)
		}
	}
	wantMode := EnforcementDefault
	if fixed && level == LevelAudit {
		wantMode = EnforcementDoNotEnforce
	}
	assert.Equal(t, wantMode, a.EnforcementMode, a.Assignment.Name)
	assert.Equal(t, a.Identity, len(a.RoleDefinitionIDs) > 0, "%s: an identity exactly when a member remediates", a.Assignment.Name)
}

// member returns a planned set member by "<assignment>/<reference>".
func member(t *testing.T, p *Plan, target string) (PlannedAssignment, PlannedMember) {
	t.Helper()
	name, ref, _ := strings.Cut(target, "/")
	a, ok := p.Assignment(name)
	require.True(t, ok, "no assignment %s", name)
	require.NotNil(t, a.Set, name)
	for _, m := range a.Set.Members {
		if m.Member.Reference == ref {
			return a, m
		}
	}
	t.Fatalf("no member %s", target)
	return a, PlannedMember{}
}

func TestPlanEffectsAndIdentities(t *testing.T) {
	corp, err := baseArgs("corp").Plan()
	require.NoError(t, err)
	openai, local := member(t, corp, "Enforce-GR-OpenAI/Deny-Cognitive-Services-Local-Auth")
	assert.Equal(t, MemberAssigned, local.Status)
	assert.Equal(t, "Deny", local.Effect)
	assert.Equal(t, "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc", local.DefinitionID)
	assert.Equal(t, "Deny", openai.Parameters["Deny-Cognitive-Services-Local-Auth-effect"])
	assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policySetDefinitions/Enforce-Guardrails-OpenAI", openai.PolicyDefinitionID)
	assert.True(t, openai.Identity, "Modify and DeployIfNotExists members give the set assignment an identity")
	assert.Equal(t, []string{"25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68", "7ca78c08-252a-4471-8644-bb5ff32d4ba0", "a001fd3d-188f-4b5d-821b-7da978bf7442", "b24988ac-6180-42a0-ab88-20f7382dd24c"}, openai.RoleDefinitionIDs, "the union of the members' roles")
	_, mgmt := member(t, corp, "Enforce-GR-Network/Deny-Mgmt-From-Internet")
	assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policyDefinitions/Deny-MgmtPorts-Internet", mgmt.DefinitionID)
	_, public := member(t, corp, "Enforce-GR-CogServ/Modify-Cognitive-Services-Public-Network-Access")
	assert.Equal(t, "Modify", public.Effect)
	_, paas := member(t, corp, "Deny-Public-Endpoints/StorageDenyPaasPublicIP")
	assert.Equal(t, "Deny", paas.Effect, "corp denies public endpoints")
	dns, blob := member(t, corp, "Deploy-Private-DNS-Zones/DINE-Private-DNS-Azure-Storage-Blob")
	assert.Equal(t, "DeployIfNotExists", blob.Effect)
	assert.Equal(t, zoneIDs["blob"], dns.Parameters["DINE-Private-DNS-Azure-Storage-Blob-privateDnsZoneId"], "the zone id is routed by key")
	assert.Equal(t, zoneIDs["notebooks"], dns.Parameters["DINE-Private-DNS-Azure-MachineLearningWorkspace-secondPrivateDnsZoneId"])
	assert.Equal(t, []string{"4d97b98b-1d4f-4787-a291-c67834d212e7"}, dns.RoleDefinitionIDs, "Network Contributor")
	var definitions []string
	for _, d := range corp.Definitions {
		definitions = append(definitions, d.Name)
	}
	assert.Equal(t, []string{"Deny-APIM-TLS", "Deny-CognitiveServices-NetworkAcls", "Deny-CognitiveServices-RestrictOutboundNetworkAccess", "Deny-MgmtPorts-Internet",
		"Deny-Service-Endpoints", "Deny-Storage-ContainerDeleteRetentionPolicy", "Deny-Storage-CopyScope", "Deny-Storage-CorsRules", "Deny-Storage-LocalUser",
		"Deny-Storage-NetworkAclsBypass", "Deny-Storage-NetworkAclsVirtualNetworkRules", "Deny-Storage-ResourceAccessRulesResourceId",
		"Deny-Storage-ResourceAccessRulesTenantId", "Deny-Storage-SFTP", "Deny-Storage-ServicesEncryption", "Deny-Subnet-Without-Nsg", "Deny-Subnet-Without-Udr"}, definitions,
		"the custom definitions of the assigned members; the sandbox's peering definition is not corp's")

	online, err := baseArgs("online").Plan()
	require.NoError(t, err)
	ddos, _ := online.Assignment("Enable-DDoS-VNET")
	assert.Equal(t, "Modify", ddos.Effect)
	assert.Equal(t, ddosPlan, ddos.Parameters["ddosPlan"])
	assert.True(t, ddos.Identity)
	_, setDDoS := member(t, online, "Enforce-GR-Network/Modify-vNet-DDoS")
	assert.Equal(t, MemberExcluded, setDDoS.Status, "the network set leaves DDoS to the archetype's own assignment")
	_, public = member(t, online, "Enforce-GR-CogServ/Modify-Cognitive-Services-Public-Network-Access")
	assert.Equal(t, "Disabled", public.Effect, "online keeps the AI services' restricted public endpoint")
	locs, _ := online.Assignment("Deny-Resource-Locations")
	assert.Equal(t, []string{"swedencentral", "francecentral"}, locs.Parameters["listOfAllowedLocations"])
}

// TestNoDefinitionAssignedTwice requires, per archetype, each definition to be
// assigned once at the group: a set member another assignment already assigns is
// covered, named by it. The same definition twice in one set is allowed only with
// different parameters.
func TestNoDefinitionAssignedTwice(t *testing.T) {
	for _, archetype := range DefaultLibrary().ArchetypeNames() {
		plan, err := baseArgs(archetype).Plan()
		require.NoError(t, err)
		by := map[string]string{}
		for _, a := range plan.Assignments {
			if a.Set == nil {
				by[strings.ToLower(a.PolicyDefinitionID)] = a.Assignment.Name
				continue
			}
			for _, m := range a.Set.Assigned() {
				key := strings.ToLower(m.DefinitionID) + render(m.Member.Parameters)
				prev, dup := by[key]
				assert.False(t, dup, "%s: %s/%s assigns %s, which %s assigns", archetype, a.Assignment.Name, m.Member.Reference, m.DefinitionID, prev)
				by[key] = a.Assignment.Name + "/" + m.Member.Reference
			}
		}
	}
	corp, err := baseArgs("corp").Plan()
	require.NoError(t, err)
	for target, by := range map[string]string{
		"Deny-Public-Endpoints/Deny-Cognitive-Services-Network-Access": "assigned by Enforce-GR-OpenAI/Deny-AzureAI-Network-Access",
		"Deny-Public-Endpoints/MlDenyPublicIP":                         "assigned by Deny-ML-PublicAccess",
		"Enforce-GR-CogServ/Deny-Cognitive-Services-Managed-Identity":  "assigned by Enforce-GR-OpenAI/Deny-Cognitive-Services-Managed-Identity",
		"Enforce-GR-Network/Deny-AppGw-Without-Waf":                    "assigned by Enforce-GR-Network/Deny-Waf-Fw-rules (the same definition with the same parameters)",
	} {
		_, m := member(t, corp, target)
		assert.Equal(t, MemberCovered, m.Status, target)
		assert.Equal(t, by, m.Reason, target)
	}
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
		assert.Equal(t, "none", res.String("metadata.aiready.parentArchetype"))
		assert.Equal(t, p.Assignment.Name, res.String("metadata.aiready.assignment"))
		assert.Equal(t, p.Assignment.NonComplianceMessage, res.String("nonComplianceMessages[0].message"))
		for k, v := range p.Parameters {
			if s, ok := v.(string); ok {
				assert.Equal(t, s, res.String("parameters."+k+".value"), "%s %s", p.Assignment.Name, k)
			}
		}
		_, hasIdentity := res.Input("identity")
		assert.Equal(t, p.Identity, hasIdentity, "%s identity", p.Assignment.Name)
	}
	models := rec.Named(t, assignmentType, "corp-baseline-Enforce-AI-ApprovedModel")
	assert.Equal(t, "azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20", models.String("parameters.allowedAssetIds.value[0]"))

	// The OpenAI set: its definition at the group, every assigned member with its
	// effect read from a set parameter, the custom members created before it.
	set := rec.Named(t, setType, "corp-baseline-Enforce-Guardrails-OpenAI")
	assert.Equal(t, "ai-corp", set.String("managementGroupId"))
	assert.Equal(t, "Enforce-Guardrails-OpenAI", set.String("policySetDefinitionName"))
	assert.Equal(t, "Custom", set.String("policyType"))
	assert.Equal(t, 11, set.Len("policyDefinitions"))
	assert.Equal(t, "Deny-OpenAi-OutboundNetworkAccess", set.String("policyDefinitions[0].policyDefinitionReferenceId"))
	assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policyDefinitions/Deny-CognitiveServices-RestrictOutboundNetworkAccess", set.String("policyDefinitions[0].policyDefinitionId"))
	assert.Equal(t, "[parameters('Deny-OpenAi-OutboundNetworkAccess-effect')]", set.String("policyDefinitions[0].parameters.effect.value"))
	assert.Equal(t, "String", set.String("parameters.Deny-OpenAi-OutboundNetworkAccess-effect.type"))
	assert.Equal(t, "Audit", set.String("parameters.Deny-OpenAi-OutboundNetworkAccess-effect.allowedValues[0]"))
	outbound := rec.Named(t, definitionType, "corp-baseline-Deny-CognitiveServices-RestrictOutboundNetworkAccess")
	assert.Contains(t, set.Dependencies, outbound.URN)
	assert.Equal(t, "Cognitive Services", outbound.String("metadata.category"))
	openai := rec.Named(t, assignmentType, "corp-baseline-Enforce-GR-OpenAI")
	assert.Contains(t, openai.Dependencies, set.URN)
	assert.Equal(t, "Deny", openai.String("parameters.Deny-OpenAi-NetworkAcls-effect.value"))
	assert.Equal(t, "SystemAssigned", openai.String("identity.type"))
	assert.Equal(t, "swedencentral", openai.String("location"))
	assert.Equal(t, "Enforce-Guardrails-OpenAI", openai.String("metadata.aiready.policySet"))

	// A member's parameter reaches its definition through a set parameter.
	kv := rec.Named(t, setType, "corp-baseline-Enforce-Guardrails-KeyVault")
	days, _ := kv.Number("parameters.KvKeysLifetime-minimumDaysBeforeExpiration.defaultValue")
	assert.Equal(t, 90.0, days)
	assert.Equal(t, "Integer", kv.String("parameters.KvKeysLifetime-minimumDaysBeforeExpiration.type"))

	// Each identity gets the union of its members' roles at the group.
	var openaiRoles []string
	for _, r := range rec.ByType(roleType) {
		assert.Equal(t, "/providers/Microsoft.Management/managementGroups/ai-corp", r.String("scope"))
		assert.Equal(t, "ServicePrincipal", r.String("principalType"))
		if r.String("principalId") == "principal-corp-baseline-Enforce-GR-OpenAI" {
			openaiRoles = append(openaiRoles, strings.TrimPrefix(r.String("roleDefinitionId"), "/providers/Microsoft.Authorization/roleDefinitions/"))
		}
	}
	sort.Strings(openaiRoles)
	assert.Equal(t, []string{"25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68", "7ca78c08-252a-4471-8644-bb5ff32d4ba0", "a001fd3d-188f-4b5d-821b-7da978bf7442", "b24988ac-6180-42a0-ab88-20f7382dd24c"}, openaiRoles)

	// Custom definitions are created at the group, before the sets and assignments that use them.
	defs := rec.ByType(definitionType)
	require.Len(t, defs, len(b.Plan().Definitions))
	mgmtDef := rec.Named(t, definitionType, "corp-baseline-Deny-MgmtPorts-Internet")
	assert.Equal(t, "ai-corp", mgmtDef.String("managementGroupId"))
	assert.Equal(t, "Custom", mgmtDef.String("policyType"))
	assert.Equal(t, "[parameters('effect')]", mgmtDef.String("policyRule.then.effect"))
	assert.Equal(t, "22", mgmtDef.String("parameters.ports.defaultValue[0]"))
	network := rec.Named(t, setType, "corp-baseline-Enforce-Guardrails-Network")
	assert.Contains(t, network.Dependencies, mgmtDef.URN)
}

func TestComponentOnlineDDoS(t *testing.T) {
	args := baseArgs("online")
	args.DefaultValues["ddosPlan"] = pulumi.String(ddosPlan).ToStringOutput()
	rec, _, err := run(t, args)
	require.NoError(t, err)
	ddos := rec.Named(t, assignmentType, "corp-baseline-Enable-DDoS-VNET")
	assert.Equal(t, ddosPlan, ddos.String("parameters.ddosPlan.value"), "a pulumi.Input default value is passed through")
	assert.Equal(t, "Modify", ddos.String("parameters.effect.value"))
	var roles []string
	for _, r := range rec.ByType(roleType) {
		if r.String("principalId") == "principal-corp-baseline-Enable-DDoS-VNET" {
			roles = append(roles, r.String("roleDefinitionId"))
		}
	}
	assert.Equal(t, []string{"/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7"}, roles, "Network Contributor")
	cogserv := rec.Named(t, assignmentType, "corp-baseline-Enforce-GR-CogServ")
	assert.Equal(t, "Disabled", cogserv.String("parameters.Modify-Cognitive-Services-Public-Network-Access-effect.value"))
}

func TestComponentDevIsAuditOnly(t *testing.T) {
	rec, _, err := run(t, baseArgs("dev"))
	require.NoError(t, err)
	for _, a := range rec.ByType(assignmentType) {
		params, _ := a.Input("parameters")
		fixed := a.String("parameters.effect.value") == ""
		for k, p := range params.ObjectValue() {
			v := p.ObjectValue()["value"]
			if v.IsString() && (k == "effect" || strings.HasSuffix(string(k), "-effect")) {
				assert.NotContains(t, []string{"Deny", "Modify", "DeployIfNotExists"}, v.StringValue(), "%s %s", a.Name, k)
			}
		}
		if fixed && !strings.Contains(a.String("policyDefinitionId"), "policySetDefinitions") {
			assert.Equal(t, EnforcementDoNotEnforce, a.String("enforcementMode"), a.Name)
		}
	}
	assert.Equal(t, EnforcementDoNotEnforce, rec.Named(t, assignmentType, "corp-baseline-Enforce-GR-Network").String("enforcementMode"), "its fixed-effect members report instead of denying")
	assert.Zero(t, rec.Count(roleType), "audit-level baselines need no remediation identities")
	peering := rec.Named(t, definitionType, "corp-baseline-Deny-VNET-Peer-Cross-Sub")
	assert.Equal(t, "Network", peering.String("metadata.category"))
}

func TestOverrides(t *testing.T) {
	args := baseArgs("corp")
	args.Override = &Override{
		AssignmentsToRemove: []string{"Deny-HybridNetworking", "Enforce-GR-ContReg"},
		AssignmentsToAdd:    []string{"Enable-DDoS-VNET"},
		Parameters: map[string]map[string]any{
			"Enforce-GR-Network/Deny-Mgmt-From-Internet": {"ports": []string{"22", "3389", "5985", "5986"}},
			"Enforce-GR-Network/Deny-Waf-mode":           {"modeRequirement": "Prevention"},
		},
		Effects: map[string]string{
			"Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls": "Audit",
			"Audit-VM-MgmtPorts":                        "Disabled",
		},
		EnforcementModes: map[string]string{"Enforce-GR-Storage": EnforcementDoNotEnforce},
	}
	plan, err := args.Plan()
	require.NoError(t, err)
	for _, removed := range []string{"Deny-HybridNetworking", "Enforce-GR-ContReg"} {
		_, ok := plan.Assignment(removed)
		assert.False(t, ok, removed)
	}
	ddos, ok := plan.Assignment("Enable-DDoS-VNET")
	require.True(t, ok)
	assert.Equal(t, "Modify", ddos.Effect)
	network, _ := member(t, plan, "Enforce-GR-Network/Deny-Mgmt-From-Internet")
	assert.Equal(t, []string{"22", "3389", "5985", "5986"}, network.Parameters["Deny-Mgmt-From-Internet-ports"])
	assert.Equal(t, "Prevention", network.Parameters["Deny-Waf-mode-modeRequirement"], "a member parameter the data does not list becomes a set parameter")
	_, waf := member(t, plan, "Enforce-GR-Network/Deny-Waf-mode")
	assert.Equal(t, "Deny-Waf-mode-modeRequirement", waf.ParameterNames["modeRequirement"])
	openai, acls := member(t, plan, "Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls")
	assert.Equal(t, "Audit", acls.Effect)
	assert.Equal(t, "Audit", openai.Parameters["Deny-OpenAi-NetworkAcls-effect"])
	vm, _ := plan.Assignment("Audit-VM-MgmtPorts")
	assert.Equal(t, "Disabled", vm.Effect)
	storage, _ := plan.Assignment("Enforce-GR-Storage")
	assert.Equal(t, EnforcementDoNotEnforce, storage.EnforcementMode)

	args.Override = &Override{EnforcementModes: map[string]string{"*": EnforcementDoNotEnforce}}
	plan, err = args.Plan()
	require.NoError(t, err)
	for _, a := range plan.Assignments {
		assert.Equal(t, EnforcementDoNotEnforce, a.EnforcementMode, a.Assignment.Name)
	}
}

// TestParentArchetype places the group in an ALZ estate: what the parents assign
// (sets, members, singles) is skipped, so nothing is assigned twice at a child.
func TestParentArchetype(t *testing.T) {
	args := baseArgs("corp")
	args.ParentArchetype = "alz-corp"
	plan, err := args.Plan()
	require.NoError(t, err)
	assert.Equal(t, "alz-corp", plan.ParentArchetype)
	assert.Equal(t, []string{"Audit-VM-MgmtPorts", "Audit-VPN-BasicSku", "Enforce-AI-ApprovedModel", "Audit-Storage-GeoRedund", "Deny-Resource-Locations"}, names(plan))
	skipped := map[string]string{}
	for _, s := range plan.Skipped {
		skipped[s.Name] = s.Reason
	}
	assert.Equal(t, "inherited: alz-corp assigns it (Deny-HybridNetworking)", skipped["Deny-HybridNetworking"])
	assert.Equal(t, "inherited: alz-landingzones assigns it (Enforce-GR-Network0, DoNotEnforce)", skipped["Enforce-GR-Network"])
	assert.Equal(t, "inherited: alz-corp assigns it (Deny-Public-Endpoints, member MlDenyPublicIP)", skipped["Deny-ML-PublicAccess"])
	assert.Equal(t, "inherited: alz-corp assigns it (Deploy-Private-DNS-Zones)", skipped["Deploy-Private-DNS-Zones"])
	assert.Len(t, plan.Skipped, 13)

	// Under landingzones only, corp's own sets stay, without the members
	// landingzones' sets already assign.
	args.ParentArchetype = "alz-landingzones"
	plan, err = args.Plan()
	require.NoError(t, err)
	_, cognitive := member(t, plan, "Deny-Public-Endpoints/Deny-Cognitive-Services-Network-Access")
	assert.Equal(t, MemberInherited, cognitive.Status)
	assert.Equal(t, "alz-landingzones assigns it (Enforce-GR-OpenAI0, member Deny-AzureAI-Network-Access)", cognitive.Reason)
	_, storage := member(t, plan, "Deny-Public-Endpoints/StorageDenyPaasPublicIP")
	assert.Equal(t, MemberAssigned, storage.Status)
	assert.Contains(t, plan.Inherited(), "Deny-Public-Endpoints/Deny-Cognitive-Services-Network-Access")
	assert.Contains(t, plan.Inherited(), "Enforce-GR-OpenAI")
	assert.Contains(t, plan.Inherited(), "Enforce-GR-OpenAI/Deny-Cognitive-Services-Local-Auth", "a whole set inherited brings its members")

	// The component writes what is inherited into every assignment's metadata,
	// so the policy pack counts it.
	rec, _, err := run(t, args)
	require.NoError(t, err)
	res := rec.Named(t, assignmentType, "corp-baseline-Deny-Public-Endpoints")
	assert.Equal(t, "alz-landingzones", res.String("metadata.aiready.parentArchetype"))
	assert.Equal(t, len(plan.Inherited()), res.Len("metadata.aiready.inherited"))

	dev := baseArgs("dev")
	dev.ParentArchetype = "alz-sandbox"
	plan, err = dev.Plan()
	require.NoError(t, err)
	assert.Equal(t, []SkippedAssignment{{Name: "Enforce-ALZ-Sandbox", Reason: "inherited: alz-sandbox assigns it (Enforce-ALZ-Sandbox)", Members: []string{"SandboxNotAllowed", "SandboxDenyVnetPeering"}}}, plan.Skipped,
		"ALZ's sandbox is not under landingzones: the landing-zone guardrails are the baseline's")
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
		{"unknown parent archetype", func(a *Args) { a.ParentArchetype = "alz-internal" }, `ParentArchetype "alz-internal" is not a parent archetype of the library; use one of none, alz-corp, alz-landingzones, alz-online, alz-sandbox`},
		{"unknown assignment to add", func(a *Args) { a.Override = &Override{AssignmentsToAdd: []string{"Deny-Everything"}} }, `Override.AssignmentsToAdd[0] "Deny-Everything" is not an assignment of the library`},
		{"remove not in archetype", func(a *Args) { a.Override = &Override{AssignmentsToRemove: []string{"Enable-DDoS-VNET"}} }, `Override.AssignmentsToRemove[0] "Enable-DDoS-VNET" is not an assignment of archetype "corp"`},
		{"parameter of unknown target", func(a *Args) {
			a.Override = &Override{Parameters: map[string]map[string]any{"Enable-DDoS-VNET": {"ddosPlan": "x"}}}
		}, `Override.Parameters["Enable-DDoS-VNET"]: no such assignment in archetype "corp"`},
		{"unknown parameter", func(a *Args) {
			a.Override = &Override{Parameters: map[string]map[string]any{"Deny-Resource-Locations": {"colour": "red"}}}
		}, `Override.Parameters["Deny-Resource-Locations"]["colour"]: the assignment has no parameter "colour"`},
		{"unknown member parameter", func(a *Args) {
			a.Override = &Override{Parameters: map[string]map[string]any{"Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls": {"colour": "red"}}}
		}, `Override.Parameters["Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls"]["colour"]: the member's definition has no parameter "colour" (its effect is set with Override.Effects); it declares: effect`},
		{"member of a single", func(a *Args) {
			a.Override = &Override{Effects: map[string]string{"Deny-Resource-Locations/x": "Audit"}}
		}, `Override.Effects["Deny-Resource-Locations/x"]: assignment "Deny-Resource-Locations" assigns a single definition, not a policy set; key it "Deny-Resource-Locations"`},
		{"set without member", func(a *Args) { a.Override = &Override{Effects: map[string]string{"Enforce-GR-OpenAI": "Audit"}} }, `Override.Effects["Enforce-GR-OpenAI"]: assignment "Enforce-GR-OpenAI" assigns policy set "Enforce-Guardrails-OpenAI": key one of its members, "Enforce-GR-OpenAI/<member reference>"`},
		{"unknown member", func(a *Args) {
			a.Override = &Override{Effects: map[string]string{"Enforce-GR-OpenAI/Deny-Everything": "Audit"}}
		}, `Override.Effects["Enforce-GR-OpenAI/Deny-Everything"]: policy set "Enforce-Guardrails-OpenAI" of assignment "Enforce-GR-OpenAI" has no member "Deny-Everything"`},
		{"excluded member", func(a *Args) {
			a.Override = &Override{Effects: map[string]string{"Enforce-GR-Network/Modify-Udr": "Modify"}}
		}, `Override.Effects["Enforce-GR-Network/Modify-Udr"] member "Modify-Udr" of policy set "Enforce-Guardrails-Network" is excluded (needs the platform's route table`},
		{"bad member effect", func(a *Args) {
			a.Override = &Override{Effects: map[string]string{"Enforce-GR-OpenAI/Deny-Cognitive-Services-Local-Auth": "Block"}}
		}, `Override.Effects["Enforce-GR-OpenAI/Deny-Cognitive-Services-Local-Auth"] "Block" is not an effect definition 71ef260a-8f18-47b7-abcb-62d0673d94dc ("Azure AI Services resources should have key access disabled (disable local authentication)") allows; use one of Audit, Deny, Disabled`},
		{"effect of a fixed-effect member", func(a *Args) {
			a.Override = &Override{Effects: map[string]string{"Enforce-GR-Network/Deny-vNic-Pip": "Audit"}}
		}, "has a fixed effect; set the enforcement mode of its assignment to \"DoNotEnforce\""},
		{"bad enforcement mode", func(a *Args) { a.Override = &Override{EnforcementModes: map[string]string{"*": "Off"}} }, `Override.EnforcementModes["*"] "Off": use "Default" or "DoNotEnforce"`},
		{"unknown default value", func(a *Args) { a.DefaultValues["ddosPlans"] = "x" }, `DefaultValues["ddosPlans"] is not a default value of the library`},
		{"missing parameter", func(a *Args) { delete(a.DefaultValues, "allowedLocations") }, `parameter "listOfAllowedLocations" has no value; set Args.DefaultValues["allowedLocations"]`},
		{"missing zones", func(a *Args) { delete(a.DefaultValues, "privateDnsZoneIds") }, `assignment "Deploy-Private-DNS-Zones" of archetype "corp": member parameters DINE-Private-DNS-Azure-Storage-Blob/privateDnsZoneId, `},
		{"a zone missing", func(a *Args) { a.DefaultValues["privateDnsZoneIds"] = map[string]string{"blob": "x"} }, `DefaultValues["privateDnsZoneIds"]: has no key "vault"`},
		{"zones not a map", func(a *Args) { a.DefaultValues["privateDnsZoneIds"] = "x" }, `DefaultValues["privateDnsZoneIds"]: is a string; give a map of values by key (it needs key "blob")`},
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

func TestMergeExtendsTheDefault(t *testing.T) {
	ext, err := LoadLibrary(fstest.MapFS{
		"archetypes/regulated.json": {Data: []byte(`{"name":"regulated","description":"corp plus purge protection audits","extends":"corp","level":"enforce","policyAssignments":[],"policyAssignmentsToRemove":["Deny-HybridNetworking"]}`)},
	})
	require.Error(t, err, "an extension alone refers to archetypes it does not hold")
	assert.Nil(t, ext)
	ext = &Library{Archetypes: map[string]*Archetype{"regulated": {Name: "regulated", Extends: "corp", Level: LevelEnforce,
		PolicyAssignmentsToRemove: []string{"Deny-HybridNetworking"},
		Effects:                   map[string]string{"Enforce-GR-Storage/Deny-Storage-CopyScope": "Deny"}}}}
	merged, err := DefaultLibrary().Merge(ext)
	require.NoError(t, err)
	args := baseArgs("corp")
	args.Archetype = "regulated"
	args.Library = merged
	plan, err := args.Plan()
	require.NoError(t, err)
	_, hybrid := plan.Assignment("Deny-HybridNetworking")
	assert.False(t, hybrid)
	_, public := plan.Assignment("Deny-Public-Endpoints")
	assert.True(t, public)
	_, copyScope := member(t, plan, "Enforce-GR-Storage/Deny-Storage-CopyScope")
	assert.Equal(t, "Deny", copyScope.Effect, "an archetype's effects apply to set members")
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

// zoneIDs are private DNS zone ids by SecureNetwork's service keys.
var zoneIDs = map[string]string{
	"cognitiveservices": zoneID("privatelink.cognitiveservices.azure.com"), "search": zoneID("privatelink.search.windows.net"),
	"blob": zoneID("privatelink.blob.core.windows.net"), "vault": zoneID("privatelink.vaultcore.azure.net"),
	"azureml": zoneID("privatelink.api.azureml.ms"), "notebooks": zoneID("privatelink.notebooks.azure.net"),
}

func zoneID(name string) string {
	return "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/" + name
}
