package rules

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

const (
	testSub        = "11111111-1111-1111-1111-111111111111"
	customDefID    = "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policyDefinitions/Deny-AI-Public-Network"
	customDefLabel = `definition "AI services must not be reachable from public networks" (` + customDefID + `)`
	accountLabel   = `Microsoft.CognitiveServices/accounts "aoai-corp-eastus2"`
	publicAssignID = "/providers/Microsoft.Management/managementGroups/ai-corp/providers/Microsoft.Authorization/policyAssignments/Deny-AI-Public"
)

// aiAccount is the compliant account in the test subscription.
func aiAccount(t *testing.T, change func(resource.PropertyMap) resource.PropertyMap) *Resource {
	p := fixture(t, "account_valid")
	if change != nil {
		p = change(p)
	}
	r := res("azure-native:cognitiveservices/v20241001:Account", "account", p)
	r.Provider = resource.PropertyMap{"subscriptionId": resource.NewProperty(testSub)}
	return r
}

// corpPolicyStack is a stack that places its subscription under ai-corp and
// assigns its custom definition there, with the account given.
func corpPolicyStack(t *testing.T, account *Resource, assign func(resource.PropertyMap) resource.PropertyMap) []*Resource {
	a := fixture(t, "policy_assignment_valid")
	a = set(a, "policyAssignmentName", "Deny-AI-Public")
	a = set(a, "policyDefinitionId", customDefID)
	a = del(a, "metadata")
	if assign != nil {
		a = assign(a)
	}
	return []*Resource{
		mg(t, "ai-corp", "landingzones"),
		res(TypeManagementGroupSub, "sub", resourceProps(map[string]any{"groupId": "ai-corp", "subscriptionId": testSub})),
		res(TypePolicyDefinition, "def", fixture(t, "azure_policy_definition_valid")),
		res(TypePolicyAssignment, "assign", a),
		account,
	}
}

// tenantCtx is a context with the tenant export of testdata configured, and
// the hierarchy above the stack's groups.
func tenantCtx(t *testing.T, extra map[string]any) *Context {
	t.Helper()
	ctx := NewContext()
	ctx.Settings = ctx.Settings.Clone()
	keys := map[string]any{
		"azurePolicyFiles":            []any{filepath.Join("testdata", "azurepolicy", "tenant.json")},
		"azurePolicyManagementGroups": map[string]any{"ai-corp": "landingzones", "landingzones": "alz", "alz": ""},
	}
	for k, v := range extra {
		keys[k] = v
	}
	for _, k := range config.SortedKeys(keys) {
		if err := ctx.Settings.Set(k, keys[k]); err != nil {
			t.Fatalf("Set(%s): %v", k, err)
		}
	}
	return ctx
}

// withLevels renders findings as messages does, "A: " before an advisory one.
func withLevels(ctx *Context, fs []Finding) []string {
	out := messages(ctx, fs)
	for i, f := range fs {
		if f.Advisory {
			out[i] = "A: " + out[i]
		}
	}
	return out
}

func runAzurePolicyCases(t *testing.T, cases []stackCase) {
	t.Helper()
	runStackCasesAs(t, AzurePolicyAssignments, cases, withLevels)
}

func TestAzurePolicyStackAssignments(t *testing.T) {
	public := func(p resource.PropertyMap) resource.PropertyMap {
		return set(p, "properties.publicNetworkAccess", "Enabled")
	}
	head := `policy assignment "Deny-AI-Public" (` + publicAssignID + `), ` + customDefLabel + `, on ` + accountLabel
	accountURN := urn("azure-native:cognitiveservices/v20241001:Account", "account")
	assignURN := urn(TypePolicyAssignment, "assign")
	runAzurePolicyCases(t, []stackCase{
		{name: "compliant", resources: corpPolicyStack(t, aiAccount(t, nil), nil)},
		{name: "public account denied", resources: corpPolicyStack(t, aiAccount(t, public), nil), want: []string{
			accountURN + ": " + head + `: Azure Policy would deny it (Deny): policyRule.if.allOf[1]: field Microsoft.CognitiveServices/accounts/publicNetworkAccess = "Enabled" notEquals "Disabled".`,
		}},
		{name: "DoNotEnforce is advisory", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "enforcementMode", "DoNotEnforce")
		}), want: []string{
			"A: " + accountURN + ": " + head + `: Azure Policy would deny it (Deny): policyRule.if.allOf[1]: field Microsoft.CognitiveServices/accounts/publicNetworkAccess = "Enabled" notEquals "Disabled". ` +
				`The assignment's enforcementMode is DoNotEnforce: Azure reports it without denying.`,
		}},
		{name: "Audit effect is advisory", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "parameters", map[string]any{"effect": map[string]any{"value": "Audit"}})
		}), want: []string{
			"A: " + accountURN + ": " + head + `: Azure Policy would report it non-compliant (Audit): policyRule.if.allOf[1]: field Microsoft.CognitiveServices/accounts/publicNetworkAccess = "Enabled" notEquals "Disabled".`,
		}},
		{name: "value unknown at preview", resources: corpPolicyStack(t, aiAccount(t, func(p resource.PropertyMap) resource.PropertyMap {
			return set(p, "properties.publicNetworkAccess", unknown)
		}), nil), want: []string{
			"A: " + accountURN + ": " + head + `: cannot verify at preview (Deny): policyRule.if.allOf[1]: field Microsoft.CognitiveServices/accounts/publicNetworkAccess = <unknown> notEquals "Disabled" (a value unknown at preview decides).`,
		}},
		{name: "scope elsewhere", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "scope", "/providers/Microsoft.Management/managementGroups/ai-online")
		})},
		{name: "notScopes the subscription", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "notScopes", []any{"/subscriptions/" + testSub})
		})},
		{name: "parameter not allowed", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "parameters", map[string]any{"effect": map[string]any{"value": "Block"}})
		}), want: []string{
			assignURN + `: policy assignment "Deny-AI-Public" (` + publicAssignID + `) is not evaluated: Azure would refuse it: ` +
				`assignment Deny-AI-Public: parameter "effect" of definition Deny-AI-Public-Network ("AI services must not be reachable from public networks"): "Block" is not allowed; allowed values (case-sensitive): ["Audit","Deny","Disabled"].`,
		}},
		{name: "built-in not supplied", resources: corpPolicyStack(t, aiAccount(t, public), func(a resource.PropertyMap) resource.PropertyMap {
			return set(a, "policyDefinitionId", "/providers/Microsoft.Authorization/policyDefinitions/0725b4dd-7e76-479c-a735-68e7ee23d5ca")
		}), want: []string{
			"A: " + assignURN + `: policy assignment "Deny-AI-Public" (` + publicAssignID + `): not evaluated: definition not supplied (/providers/Microsoft.Authorization/policyDefinitions/0725b4dd-7e76-479c-a735-68e7ee23d5ca); ` +
				`give the tenant's definitions in azurePolicyDefinitions or azurePolicyFiles (az policy definition list, az policy set-definition list) to evaluate it.`,
		}},
		{name: "the stack's assignments turned off", ctx: withSettings(NewContext(), func(s *config.Settings) { s.AzurePolicy.SkipStack = true }),
			resources: corpPolicyStack(t, aiAccount(t, public), nil)},
	})
}

func TestAzurePolicyImplicitDeny(t *testing.T) {
	def := set(fixture(t, "azure_policy_definition_valid"), "policyRule.if", map[string]any{
		"value": "[int(field('Microsoft.CognitiveServices/accounts/publicNetworkAccess'))]", "greater": 0,
	})
	stack := corpPolicyStack(t, aiAccount(t, nil), nil)
	stack[2] = res(TypePolicyDefinition, "def", def)
	got := withLevels(NewContext(), AzurePolicyAssignments.RunStack(NewContext(), NewStack(stack)))
	want := `policy assignment "Deny-AI-Public" (` + publicAssignID + `), ` + customDefLabel + `, on ` + accountLabel +
		`: Azure Policy would deny the request: the evaluation fails, and an evaluation error is an implicit deny:`
	if len(got) != 1 || !strings.Contains(got[0], want) || strings.HasPrefix(got[0], "A: ") {
		t.Fatalf("got %q, want one mandatory finding containing %q", got, want)
	}
}

func TestAzurePolicyTenantExport(t *testing.T) {
	accountURN := urn("azure-native:cognitiveservices/v20241001:Account", "account")
	locations := `policy assignment "locations" (/subscriptions/` + testSub + `/providers/Microsoft.Authorization/policyAssignments/locations), ` +
		`definition "Allowed locations" (/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Allowed-Locations), on ` + accountLabel
	westus := func(p resource.PropertyMap) resource.PropertyMap { return set(p, "location", "westus") }
	localAuth := func(p resource.PropertyMap) resource.PropertyMap { return set(p, "properties.disableLocalAuth", false) }
	exemption := []any{map[string]any{
		"id":   "/subscriptions/" + testSub + "/resourceGroups/rg-ai-eastus2/providers/Microsoft.Authorization/policyExemptions/west",
		"name": "west", "policyAssignmentId": "/subscriptions/" + testSub + "/providers/Microsoft.Authorization/policyAssignments/locations", "exemptionCategory": "Waiver",
	}}
	runAzurePolicyCases(t, []stackCase{
		{name: "compliant", ctx: tenantCtx(t, nil), resources: corpPolicyStack(t, aiAccount(t, nil), nil)},
		{name: "location denied", ctx: tenantCtx(t, nil), resources: corpPolicyStack(t, aiAccount(t, westus), nil), want: []string{
			accountURN + ": " + locations + `: Azure Policy would deny it (Deny): policyRule.if: field location = "westus" notIn ["eastus2","swedencentral"]. The assignment says: Deploy to eastus2 or swedencentral.`,
		}},
		{name: "exempted resource group", ctx: tenantCtx(t, map[string]any{"azurePolicyExemptions": exemption}), resources: corpPolicyStack(t, aiAccount(t, westus), nil)},
		{name: "Modify reported", ctx: tenantCtx(t, nil), resources: corpPolicyStack(t, aiAccount(t, localAuth), nil), want: []string{
			"A: " + accountURN + `: policy assignment "local-auth" (/providers/Microsoft.Management/managementGroups/landingzones/providers/Microsoft.Authorization/policyAssignments/local-auth), ` +
				`definition "Configure AI services to disable local authentication" (/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Modify-AI-Local-Auth), on ` + accountLabel +
				`: Azure Policy would change the resource (Modify: addOrReplace Microsoft.CognitiveServices/accounts/disableLocalAuth = true) because policyRule.if.allOf[1]: field Microsoft.CognitiveServices/accounts/disableLocalAuth = false notEquals true; ` +
				`set the policy's level to remediate to apply it at preview.`,
		}},
	})
}

// At level remediate, the tenant's Modify is applied to the inputs.
// Remediate sees one resource: the hierarchy above its subscription comes from
// azurePolicyManagementGroups.
func TestAzurePolicyRemediatesModify(t *testing.T) {
	ctx := tenantCtx(t, map[string]any{"azurePolicyManagementGroups": map[string]any{testSub: "ai-corp", "ai-corp": "landingzones", "landingzones": "alz", "alz": ""}})
	r := aiAccount(t, func(p resource.PropertyMap) resource.PropertyMap { return set(p, "properties.disableLocalAuth", false) })
	fixed, changed := AzurePolicyAssignments.Fix(ctx, r)
	if !changed {
		t.Fatal("the Modify assignment did not remediate")
	}
	if v := fixed["properties"].ObjectValue()["disableLocalAuth"]; !v.IsBool() || !v.BoolValue() {
		t.Fatalf("disableLocalAuth after remediation: %v", v)
	}
	if got := fixed["accountName"].StringValue(); got != "aoai-corp-eastus2" {
		t.Errorf("other inputs changed: accountName %q", got)
	}
	if _, changed := AzurePolicyAssignments.Fix(ctx, aiAccount(t, nil)); changed {
		t.Error("a compliant account was remediated")
	}
	if _, changed := AzurePolicyAssignments.Fix(tenantCtx(t, nil), r); changed {
		t.Error("remediated a subscription the config does not place under the assignment's group")
	}
	if _, changed := AzurePolicyAssignments.Fix(NewContext(), r); changed {
		t.Error("remediated without a tenant's assignments")
	}
}

// A DeployIfNotExists names what Azure would deploy.
func TestAzurePolicyDeployIfNotExists(t *testing.T) {
	dine := map[string]any{
		"id": "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Deploy-Diag", "name": "Deploy-Diag",
		"properties": map[string]any{"displayName": "Deploy diagnostic settings for AI services", "mode": "Indexed",
			"policyRule": map[string]any{
				"if": map[string]any{"field": "type", "equals": "Microsoft.CognitiveServices/accounts"},
				"then": map[string]any{"effect": "deployIfNotExists", "details": map[string]any{
					"type":              "Microsoft.Insights/diagnosticSettings",
					"roleDefinitionIds": []any{"/providers/microsoft.authorization/roleDefinitions/749f88d5-cbae-40b8-bcfc-e573ddc772fa"},
					"deployment": map[string]any{"properties": map[string]any{"mode": "incremental", "template": map[string]any{
						"resources": []any{map[string]any{"type": "Microsoft.CognitiveServices/accounts/providers/diagnosticSettings", "name": "x"}},
					}}},
				}},
			}}}
	assign := map[string]any{"id": "/subscriptions/" + testSub + "/providers/Microsoft.Authorization/policyAssignments/diag", "name": "diag",
		"policyDefinitionId": "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Deploy-Diag"}
	ctx := tenantCtx(t, map[string]any{"azurePolicyDefinitions": []any{dine}, "azurePolicyAssignments": []any{assign}})
	got := withLevels(ctx, AzurePolicyAssignments.RunStack(ctx, NewStack(corpPolicyStack(t, aiAccount(t, nil), nil))))
	want := "Azure Policy would deploy Microsoft.CognitiveServices/accounts/providers/diagnosticSettings beside it (DeployIfNotExists)"
	if len(got) != 1 || !strings.HasPrefix(got[0], "A: ") || !strings.Contains(got[0], want) {
		t.Fatalf("got %q, want one advisory finding containing %q", got, want)
	}
}

// The policy evaluates the resources on every core: the findings are those of
// one core, in the stack's order (more resources than a chunk of the split).
func TestAzurePolicyParallelInStackOrder(t *testing.T) {
	westus := func(p resource.PropertyMap) resource.PropertyMap { return set(p, "location", "westus") }
	stack := corpPolicyStack(t, aiAccount(t, nil), nil)
	stack = stack[:len(stack)-1]
	var urns []string
	for i := range 300 {
		r := aiAccount(t, nil)
		if i%3 == 0 {
			r = aiAccount(t, westus)
		}
		r.Name = fmt.Sprintf("account-%03d", i)
		r.URN = urn(r.Type, r.Name)
		stack = append(stack, r)
		if i%3 == 0 {
			urns = append(urns, r.URN)
		}
	}
	run := func(procs int) []Finding {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ctx := tenantCtx(t, nil)
		return AzurePolicyAssignments.RunStack(ctx, NewStack(stack))
	}
	one, two := run(1), run(2)
	if !reflect.DeepEqual(one, two) {
		t.Fatalf("findings on two cores differ from one core's:\n%v\n%v", two, one)
	}
	var got []string
	for _, f := range one {
		got = append(got, f.URN)
	}
	if !reflect.DeepEqual(got, urns) {
		t.Fatalf("findings on %q, want one on each westus account in the stack's order %q", got, urns)
	}
}
