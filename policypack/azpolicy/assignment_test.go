package azpolicy

import (
	"strings"
	"testing"
)

// The two definition shapes: the Azure/azure-policy repository's (and REST's)
// {"properties": {...}} and the flat shape of az CLI output and the project's
// library.
func TestDefinitionShapes(t *testing.T) {
	rest := `{"id": "/providers/Microsoft.Authorization/policyDefinitions/e345b6c3-24bd-4c93-9bbb-7e5e49a17b78",
		"name": "e345b6c3-24bd-4c93-9bbb-7e5e49a17b78", "type": "Microsoft.Authorization/policyDefinitions",
		"properties": {"displayName": "Azure VPN gateways should not use 'basic' SKU", "mode": "All",
		"parameters": {"effect": {"type": "String", "allowedValues": ["Audit", "Disabled"], "defaultValue": "Audit"}},
		"policyRule": {"if": {"allOf": [{"field": "type", "equals": "Microsoft.Network/virtualNetworkGateways"},
			{"field": "Microsoft.Network/virtualNetworkGateways/gatewayType", "equals": "Vpn"},
			{"field": "Microsoft.Network/virtualNetworkGateways/sku.tier", "equals": "Basic"}]},
			"then": {"effect": "[parameters('effect')]"}}}}`
	d := mustParse(t, rest)
	if d.Name != "e345b6c3-24bd-4c93-9bbb-7e5e49a17b78" || d.DisplayName != "Azure VPN gateways should not use 'basic' SKU" || d.Mode != "All" {
		t.Fatalf("REST shape: %+v", d)
	}
	flat := `{"name": "flat", "displayName": "Flat", "mode": "Indexed", "policyRule": {"if": {"field": "location", "equals": "eastus"}, "then": {"effect": "audit"}}}`
	if f := mustParse(t, flat); f.DisplayName != "Flat" || f.Mode != "Indexed" {
		t.Fatalf("flat shape: %+v", f)
	}
	// The gateway's sku sits under properties (an alias-table exception).
	p := mustBind(t, d, nil)
	gw := NewResource(jsonMap(t, `{"type": "Microsoft.Network/virtualNetworkGateways", "name": "gw", "location": "eastus",
		"properties": {"gatewayType": "Vpn", "sku": {"name": "Basic", "tier": "Basic"}}}`))
	if r := p.Evaluate(gw, nil); r.Outcome != NonCompliant || r.Effect != EffectAudit {
		t.Fatalf("basic VPN gateway: %v %s %s", r.Outcome, r.Effect, r.Reason())
	}
	if _, err := ParseDefinition([]byte(`{"name": "x", "properties": {"displayName": "no rule"}}`)); err == nil || !strings.Contains(err.Error(), `policy definition "x": no policyRule`) {
		t.Fatalf("no rule: %v", err)
	}
}

// Parameters (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-parameters,
// read 2026-12-02): allowedValues compare case-sensitively when assigning; a
// value of another type, an undeclared name and a missing value without default
// are refused, each naming the parameter, the value and what is allowed.
func TestParameterChecks(t *testing.T) {
	d := mustParse(t, `{"name": "e345b6c3", "mode": "All", "parameters": {
		"effect": {"type": "String", "allowedValues": ["Audit", "Disabled"], "defaultValue": "Audit"},
		"locations": {"type": "Array", "allowedValues": ["eastus", "westus"]},
		"count": {"type": "Integer", "defaultValue": 3}},
		"policyRule": {"if": {"field": "location", "notIn": "[parameters('locations')]"}, "then": {"effect": "[parameters('effect')]"}}}`)
	for _, tc := range []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"Deny not allowed", map[string]any{"effect": "Deny", "locations": []any{"eastus"}},
			`parameter "effect" of definition e345b6c3: "Deny" is not allowed; allowed values (case-sensitive): ["Audit","Disabled"]`},
		{"case-sensitive", map[string]any{"effect": "audit", "locations": []any{"eastus"}}, `"audit" is not allowed`},
		{"array element", map[string]any{"locations": []any{"eastus", "northeurope"}}, `parameter "locations" of definition e345b6c3: "northeurope" is not allowed`},
		{"type", map[string]any{"locations": "eastus"}, `parameter "locations" of definition e345b6c3: "eastus" is a string, not of type Array`},
		{"integer", map[string]any{"locations": []any{}, "count": 1.5}, `parameter "count" of definition e345b6c3: 1.5 is a number, not of type Integer`},
		{"undeclared", map[string]any{"locations": []any{}, "effects": "Audit"}, `parameter "effects" is not declared by definition e345b6c3; it declares count, effect, locations`},
		{"required", map[string]any{}, `parameter "locations" of definition e345b6c3 has no default value and was not given one`},
	} {
		if _, err := d.Bind(tc.params, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	p, err := d.Bind(map[string]any{"locations": []any{"eastus"}}, nil)
	if err != nil || p.Parameters["effect"] != "Audit" || p.Parameters["count"] != 3.0 {
		t.Fatalf("defaults: %v %v", p, err)
	}
}

const libraryJSON = `[
	{"id": "/providers/Microsoft.Authorization/policyDefinitions/allowed-locations", "name": "allowed-locations",
	 "properties": {"displayName": "Allowed locations", "mode": "Indexed",
	 "parameters": {"listOfAllowedLocations": {"type": "Array"}, "effect": {"type": "String", "defaultValue": "Deny", "allowedValues": ["Audit", "Deny", "Disabled"]}},
	 "policyRule": {"if": {"field": "location", "notIn": "[parameters('listOfAllowedLocations')]"}, "then": {"effect": "[parameters('effect')]"}}}},
	{"name": "require-tag", "displayName": "Require a tag", "mode": "Indexed",
	 "parameters": {"tagName": {"type": "String"}},
	 "policyRule": {"if": {"field": "[concat('tags[', parameters('tagName'), ']')]", "exists": "false"}, "then": {"effect": "audit"}}},
	{"id": "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policySetDefinitions/guardrails",
	 "name": "guardrails", "properties": {"displayName": "Guardrails",
	 "parameters": {"regions": {"type": "Array", "defaultValue": ["eastus"]}, "costTag": {"type": "String", "defaultValue": "costCenter"}},
	 "policyDefinitions": [
		{"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/allowed-locations", "policyDefinitionReferenceId": "Locations",
		 "parameters": {"listOfAllowedLocations": {"value": "[parameters('regions')]"}}},
		{"policyDefinitionId": "/providers/Microsoft.Management/managementGroups/other/providers/Microsoft.Authorization/policyDefinitions/require-tag",
		 "policyDefinitionReferenceId": "CostTag", "parameters": {"tagName": {"value": "[toLower(parameters('costTag'))]"}}}]}},
	{"displayName": "Guardrails on corp", "enforcementMode": "DoNotEnforce", "id": "/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/gr",
	 "name": "gr", "notScopes": ["/subscriptions/sub1/resourceGroups/sandbox"],
	 "parameters": {"regions": {"value": ["eastus", "westus"]}},
	 "policyDefinitionId": "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policySetDefinitions/guardrails",
	 "scope": "/providers/Microsoft.Management/managementGroups/corp",
	 "overrides": [{"kind": "policyEffect", "value": "Audit", "selectors": [{"kind": "policyDefinitionReferenceId", "in": ["Locations"]}]}]}
]`

// Sets and assignments (https://learn.microsoft.com/azure/governance/policy/concepts/initiative-definition-structure
// and assignment-structure, read 2026-12-02): the assignment's values feed the
// set's parameters (defaults filled), the set maps them to each member with
// [parameters('x')] expressions, overrides change a member's effect, notScopes
// exclude, enforcementMode DoNotEnforce keeps the evaluation but not the
// enforcement.
func TestResolveAssignment(t *testing.T) {
	lib := NewLibrary()
	assignments, err := lib.Load([]byte(libraryJSON))
	if err != nil || len(assignments) != 1 {
		t.Fatalf("Load: %v %v", assignments, err)
	}
	a := assignments[0]
	if a.Enforced() || a.Scope != "/providers/Microsoft.Management/managementGroups/corp" {
		t.Fatalf("assignment: %+v", a)
	}
	policies, err := lib.Resolve(a, nil)
	if err != nil || len(policies) != 2 {
		t.Fatalf("Resolve: %v %v", policies, err)
	}
	loc, tag := policies[0], policies[1]
	if loc.ReferenceID != "Locations" || loc.Effect != EffectAudit || Render(loc.Parameters["listOfAllowedLocations"]) != `["eastus","westus"]` {
		t.Errorf("Locations member: %s %s %v", loc.ReferenceID, loc.Effect, loc.Parameters)
	}
	if tag.ReferenceID != "CostTag" || tag.Parameters["tagName"] != "costcenter" || tag.Set.Name != "guardrails" {
		t.Errorf("CostTag member: %s %v", tag.ReferenceID, tag.Parameters)
	}
	res := NewResource(map[string]any{"type": "Microsoft.Storage/storageAccounts", "name": "st", "location": "North Europe",
		"id": "/subscriptions/sub1/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/st", "tags": map[string]any{"CostCenter": "1"}})
	if r := loc.Evaluate(res, nil); r.Outcome != NonCompliant || r.Effect != EffectAudit {
		t.Errorf("location: %v %s", r.Outcome, r.Reason())
	}
	if r := tag.Evaluate(res, nil); r.Outcome != Compliant {
		t.Errorf("tag: %v %s", r.Outcome, r.Reason())
	}
	corp := []string{"/providers/Microsoft.Management/managementGroups/corp"}
	if !a.Covers(res.ARM["id"].(string), corp) || a.Covers("/subscriptions/sub1/resourceGroups/Sandbox/providers/X/y/z", corp) ||
		a.Covers(res.ARM["id"].(string), []string{"/providers/Microsoft.Management/managementGroups/online"}) {
		t.Error("Covers: scope, notScopes and containers")
	}
	a.Parameters = map[string]any{"regions": "eastus"}
	if _, err := lib.Resolve(a, nil); err == nil || !strings.Contains(err.Error(), `assignment gr: parameter "regions" of set definition guardrails: "eastus" is a string, not of type Array`) {
		t.Errorf("bad set parameter: %v", err)
	}
	a.DefinitionID = "/providers/Microsoft.Authorization/policySetDefinitions/missing"
	if _, err := lib.Resolve(a, nil); err == nil || !strings.Contains(err.Error(), "is neither a definition nor a set definition of the library") {
		t.Errorf("missing set: %v", err)
	}
}

func TestAssignmentShapes(t *testing.T) {
	rest := `{"id": "/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a", "name": "a",
		"properties": {"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/x", "enforcementMode": "Default",
		"parameters": {"effect": {"value": "Deny"}}, "notScopes": ["/subscriptions/s/resourceGroups/rg"]}}`
	as, err := ParseAssignments([]byte(rest))
	if err != nil || len(as) != 1 || as[0].Scope != "/subscriptions/s" || !as[0].Enforced() || as[0].Parameters["effect"] != "Deny" || len(as[0].NotScopes) != 1 {
		t.Fatalf("REST shape: %+v %v", as, err)
	}
	if _, err := ParseAssignments([]byte(`[{"name": "b", "policyDefinitionId": "x", "enforcementMode": "Off"}]`)); err == nil ||
		!strings.Contains(err.Error(), `assignment b: enforcementMode "Off" is not Default or DoNotEnforce`) {
		t.Fatalf("bad enforcement mode: %v", err)
	}
}
