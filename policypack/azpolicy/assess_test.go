package azpolicy

import (
	"strings"
	"testing"
	"time"
)

// tenantJSON is a small tenant in the flat shape of the az CLI lists: a custom
// definition (Deny public network access on storage), a set of it and a
// tag-audit definition, an assignment of the set at a management group with a
// notScope, and one of a definition the export does not hold (a built-in).
const tenantJSON = `[
	{"id": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/deny-storage-public",
	 "name": "deny-storage-public", "displayName": "Storage accounts should disable public network access", "mode": "Indexed", "policyType": "Custom",
	 "parameters": {"effect": {"type": "String", "allowedValues": ["Audit", "Deny", "Disabled"], "defaultValue": "Deny"}},
	 "policyRule": {"if": {"allOf": [{"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
		{"field": "Microsoft.Storage/storageAccounts/publicNetworkAccess", "notEquals": "Disabled"}]},
		"then": {"effect": "[parameters('effect')]"}}},
	{"id": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/audit-owner-tag",
	 "name": "audit-owner-tag", "displayName": "Resources should have an owner tag", "mode": "Indexed",
	 "policyRule": {"if": {"field": "tags['owner']", "exists": false}, "then": {"effect": "audit"}}},
	{"id": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policySetDefinitions/guardrails",
	 "name": "guardrails", "displayName": "Guardrails", "parameters": {"storageEffect": {"type": "String", "defaultValue": "Deny"}},
	 "policyDefinitions": [
		{"policyDefinitionId": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/deny-storage-public",
		 "policyDefinitionReferenceId": "storage-public", "parameters": {"effect": {"value": "[parameters('storageEffect')]"}}},
		{"policyDefinitionId": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/audit-owner-tag",
		 "policyDefinitionReferenceId": "owner-tag"},
		{"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
		 "policyDefinitionReferenceId": "kv-purge"}]},
	{"id": "/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/gr-corp", "name": "gr-corp",
	 "displayName": "Guardrails on corp", "scope": "/providers/Microsoft.Management/managementGroups/corp",
	 "policyDefinitionId": "/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policySetDefinitions/guardrails",
	 "notScopes": ["/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-sandbox"]},
	{"id": "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/policyAssignments/locations", "name": "locations",
	 "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
	 "parameters": {"listOfAllowedLocations": {"value": ["eastus"]}}},
	{"id": "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-data/providers/Microsoft.Authorization/policyExemptions/legacy-storage",
	 "name": "legacy-storage", "policyAssignmentId": "/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/gr-corp",
	 "policyDefinitionReferenceIds": ["storage-public"], "exemptionCategory": "Waiver", "expiresOn": "2027-01-31T00:00:00Z"}
]`

const (
	testSub  = "11111111-1111-1111-1111-111111111111"
	corpMG   = "/providers/Microsoft.Management/managementGroups/corp"
	storeIDf = "/subscriptions/" + testSub + "/resourceGroups/%s/providers/Microsoft.Storage/storageAccounts/st"
)

func tenantAssessment(t *testing.T) *Assessment {
	t.Helper()
	e := NewExport()
	if err := e.Add("tenant.json", []byte(tenantJSON), AnyKind); err != nil {
		t.Fatal(err)
	}
	if e.Definitions != 2 || e.Sets != 1 || len(e.Assignments) != 2 || len(e.Exemptions) != 1 {
		t.Fatalf("export: %d definitions, %d sets, %d assignments, %d exemptions", e.Definitions, e.Sets, len(e.Assignments), len(e.Exemptions))
	}
	return Assess(e.Library, e.Assignments, e.Exemptions, nil)
}

func publicStorage(rg string) *Resource {
	return NewResource(map[string]any{"type": "Microsoft.Storage/storageAccounts", "name": "st", "location": "eastus",
		"id": strings.Replace(storeIDf, "%s", rg, 1), "tags": map[string]any{"owner": "data"},
		"properties": map[string]any{"publicNetworkAccess": "Enabled"}})
}

// outcomes evaluates a resource and renders each verdict as
// "<assignment>/<reference>: <outcome>[ exempt]".
func outcomes(as *Assessment, res *Resource, at Placement) []string {
	var out []string
	as.Evaluate(res, at, nil, func(v Verdict) {
		s := v.Assessed.Assignment.Name + "/" + v.Policy.ReferenceID + ": " + v.Result.Outcome.String()
		if v.Exemption != nil {
			s += " exempt by " + v.Exemption.Name
		}
		out = append(out, s)
	})
	return out
}

// Assignment scope and notScopes
// (learn.microsoft.com/azure/governance/policy/concepts/assignment-structure#excluded-scopes,
// read 2026-12-02), the members a library holds (a built-in it lacks is listed
// as missing, not a failure), and exemptions of set members
// (learn.microsoft.com/azure/governance/policy/concepts/exemption-structure,
// read 2026-12-02): an exemption applies at and below its scope, to the members
// it names, until expiresOn.
func TestAssessmentScopesAndExemptions(t *testing.T) {
	as := tenantAssessment(t)
	gr, loc := as.Assignments[0], as.Assignments[1]
	if gr.Err != nil || len(gr.Policies) != 2 || len(gr.Missing) != 1 || !strings.HasSuffix(gr.Missing[0], "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53") {
		t.Fatalf("set assignment: %d policies, missing %v, %v", len(gr.Policies), gr.Missing, gr.Err)
	}
	if len(loc.Policies) != 0 || len(loc.Missing) != 1 {
		t.Fatalf("built-in assignment: %v %v", loc.Policies, loc.Missing)
	}
	under := Placement{Containers: []string{corpMG, "/providers/Microsoft.Management/managementGroups/contoso"}, Now: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name string
		rg   string
		at   Placement
		want string
	}{
		{"in corp", "rg-app", under, "gr-corp/storage-public: non-compliant|gr-corp/owner-tag: compliant"},
		{"outside corp", "rg-app", Placement{Containers: []string{"/providers/Microsoft.Management/managementGroups/online"}}, ""},
		{"a notScope", "rg-sandbox", under, ""},
		{"exempt", "rg-data", under, "gr-corp/storage-public: non-compliant exempt by legacy-storage|gr-corp/owner-tag: compliant"},
		{"exemption expired", "rg-data", Placement{Containers: under.Containers, Now: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)},
			"gr-corp/storage-public: non-compliant|gr-corp/owner-tag: compliant"},
	} {
		at := tc.at
		at.ID = strings.Replace(storeIDf, "%s", tc.rg, 1)
		if got := strings.Join(outcomes(as, publicStorage(tc.rg), at), "|"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	// Without the resource's id, a management group scope is decided by the
	// containers; a resource group notScope or exemption cannot be told.
	unknownID := Placement{Containers: under.Containers, Now: under.Now}
	if got := strings.Join(outcomes(as, publicStorage("rg-app"), unknownID), "|"); got != "gr-corp/storage-public: cannot verify|gr-corp/owner-tag: compliant" {
		t.Errorf("unknown id: %q", got)
	}
	var reason string
	as.Evaluate(publicStorage("rg-app"), unknownID, nil, func(v Verdict) {
		if v.Policy.ReferenceID == "storage-public" {
			reason = v.Result.Reason()
		}
	})
	for _, want := range []string{`field Microsoft.Storage/storageAccounts/publicNetworkAccess = "Enabled" notEquals "Disabled"`,
		"whether assignment gr-corp (scope " + corpMG + ") covers the resource cannot be told: its id is not known at preview",
		"whether exemption legacy-storage (scope /subscriptions/" + testSub + "/resourceGroups/rg-data) exempts the resource cannot be told"} {
		if !strings.Contains(reason, want) {
			t.Errorf("reason %q lacks %q", reason, want)
		}
	}
}

// A policy whose if decides on the type first cannot be true for another type,
// so OnlyApplicable skips it; one that reads anything else first is evaluated
// for every type (an error there is an implicit deny whatever the type).
func TestAppliesToType(t *testing.T) {
	for _, tc := range []struct {
		cond string
		yes  []string
		no   []string
	}{
		{`{"allOf": [{"field": "type", "equals": "Microsoft.Storage/storageAccounts"}, {"field": "name", "equals": "x"}]}`,
			[]string{"microsoft.storage/STORAGEACCOUNTS"}, []string{"Microsoft.KeyVault/vaults"}},
		{`{"anyOf": [{"allOf": [{"field": "type", "equals": "Microsoft.CognitiveServices/accounts"}, {"field": "name", "equals": "x"}]},
			{"field": "type", "in": ["Microsoft.Search/searchServices", "Microsoft.KeyVault/vaults"]}]}`,
			[]string{"Microsoft.CognitiveServices/accounts", "Microsoft.KeyVault/vaults"}, []string{"Microsoft.Storage/storageAccounts"}},
		{`{"allOf": [{"value": "[int('x')]", "equals": 1}, {"field": "type", "equals": "Microsoft.Storage/storageAccounts"}]}`,
			[]string{"Microsoft.KeyVault/vaults"}, nil},
		{`{"anyOf": [{"field": "type", "equals": "Microsoft.Storage/storageAccounts"}, {"field": "location", "equals": "eastus"}]}`,
			[]string{"Microsoft.KeyVault/vaults"}, nil},
		{`{"not": {"field": "type", "equals": "Microsoft.Storage/storageAccounts"}}`, []string{"Microsoft.Storage/storageAccounts"}, nil},
		{`{"field": "type", "in": "[parameters('types')]"}`, []string{"Microsoft.Network/virtualNetworks"}, []string{"Microsoft.Storage/storageAccounts"}},
	} {
		p := mustBind(t, mustParse(t, definitionJSON(tc.cond, `{"types": {"type": "Array", "defaultValue": ["Microsoft.Network/virtualNetworks"]}}`)), nil)
		for _, typ := range tc.yes {
			if !p.AppliesToType(typ) {
				t.Errorf("%s: should apply to %s", tc.cond, typ)
			}
		}
		for _, typ := range tc.no {
			if p.AppliesToType(typ) {
				t.Errorf("%s: should not apply to %s", tc.cond, typ)
			}
			if r := p.Evaluate(NewResource(map[string]any{"type": typ, "name": "x", "location": "eastus"}), nil); r.Outcome != Compliant {
				t.Errorf("%s on %s: skipped but evaluates %v", tc.cond, typ, r.Outcome)
			}
		}
	}
}

// A set member whose parameter value ARM would refuse fails the assignment; a
// definition the library lacks is missing, never a silent pass.
func TestResolveSupplied(t *testing.T) {
	e := NewExport()
	if err := e.Add("tenant.json", []byte(tenantJSON), AnyKind); err != nil {
		t.Fatal(err)
	}
	a := *e.Assignments[0]
	a.Parameters = map[string]any{"storageEffect": "deny"}
	_, _, err := e.Library.ResolveSupplied(&a, nil)
	if err == nil || !strings.Contains(err.Error(), `storage-public: parameter "effect" of definition deny-storage-public ("Storage accounts should disable public network access"): "deny" is not allowed; allowed values (case-sensitive): ["Audit","Deny","Disabled"]`) {
		t.Errorf("refused value: %v", err)
	}
	if _, err := e.Library.Resolve(e.Assignments[0], nil); err == nil || !strings.Contains(err.Error(), "kv-purge: policyDefinitionId /providers/Microsoft.Authorization/policyDefinitions/0b60c0b2-2dc2-4e1c-b5c9-abbed971de53 is not a definition of the library") {
		t.Errorf("Resolve still refuses a set whose member is missing: %v", err)
	}
	over := NewLibraryOver(e.Library)
	over.AddDefinition(mustParse(t, `{"id": "/providers/Microsoft.Authorization/policyDefinitions/0b60c0b2-2dc2-4e1c-b5c9-abbed971de53", "name": "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
		"mode": "Indexed", "policyRule": {"if": {"field": "type", "equals": "Microsoft.KeyVault/vaults"}, "then": {"effect": "audit"}}}`))
	if ps, missing, err := over.ResolveSupplied(e.Assignments[0], nil); err != nil || len(ps) != 3 || len(missing) != 0 {
		t.Errorf("layered library: %d policies, missing %v, %v", len(ps), missing, err)
	}
	if _, missing, _ := e.Library.ResolveSupplied(e.Assignments[0], nil); len(missing) != 1 {
		t.Errorf("the layer changed its base: missing %v", missing)
	}
}

// Evaluate visits the assignments found once per type and OnlyApplicable:
// turning the filter off after an evaluation visits every policy again.
func TestEvaluateTypeIndexFollowsOnlyApplicable(t *testing.T) {
	as := tenantAssessment(t)
	vault := NewResource(map[string]any{"type": "Microsoft.KeyVault/vaults", "name": "kv", "location": "eastus", "tags": map[string]any{},
		"id": "/subscriptions/" + testSub + "/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv"})
	at := Placement{ID: vault.ARM["id"].(string), Containers: []string{corpMG}}
	count := func(only bool) (n int, policies []string) {
		as.OnlyApplicable = only
		as.Evaluate(vault, at, nil, func(v Verdict) {
			n++
			policies = append(policies, v.Policy.ReferenceID+"="+v.Result.Outcome.String())
		})
		return n, policies
	}
	for range 2 {
		if n, ps := count(true); n != 1 || ps[0] != "owner-tag=non-compliant" {
			t.Fatalf("with OnlyApplicable: %v, want the owner tag's audit alone", ps)
		}
		if n, ps := count(false); n != 2 || ps[0] != "storage-public=compliant" || ps[1] != "owner-tag=non-compliant" {
			t.Fatalf("without OnlyApplicable: %v, want both supplied members in order", ps)
		}
	}
}

// Reasons are remembered per policy by what renders them: resources failing
// alike get the same text, and one failing with another value (or an unknown
// one, or through a count's member) its own.
func TestReasonMemo(t *testing.T) {
	p := mustBind(t, mustParse(t, definitionJSON(`{"anyOf": [{"field": "location", "notEquals": "eastus"},
		{"count": {"value": ["app-*", "web-*"], "name": "p", "where": {"field": "name", "like": "[current('p')]"}}, "equals": 0}]}`, "")), nil)
	reason := func(name, loc any) string {
		return p.Evaluate(NewResource(map[string]any{"type": "Microsoft.Test/things", "name": name, "location": loc}), nil).Reason()
	}
	cases := []struct {
		name, loc any
		want      string
	}{
		{"app-1", "westus", `policyRule.if.anyOf[0]: field location = "westus" notEquals "eastus"`},
		{"app-1", "northeurope", `policyRule.if.anyOf[0]: field location = "northeurope" notEquals "eastus"`},
		{"app-1", Unknown, `policyRule.if.anyOf[0]: field location = <unknown> notEquals "eastus" (a value unknown at preview decides)`},
		{"db-1", "eastus", `policyRule.if.anyOf[1]: count of value ["app-*","web-*"] where = 0 equals 0`},
		{Unknown, "eastus", `policyRule.if.anyOf[1]: count of value ["app-*","web-*"] where = 0 equals 0; member 0 ("app-*") cannot be known: ` +
			`policyRule.if.anyOf[1].count.where: field name = <unknown> like "app-*" (a value unknown at preview decides)`},
	}
	for range 2 {
		for _, c := range cases {
			if got := reason(c.name, c.loc); got != c.want {
				t.Errorf("name %v, location %v: reason %q, want %q", c.name, c.loc, got, c.want)
			}
		}
	}
	if n := p.reasons.n.Load(); n != int32(len(cases)) {
		t.Errorf("%d reasons remembered, want %d (one per distinct text)", n, len(cases))
	}
}
