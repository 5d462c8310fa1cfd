package azpolicy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The Azure/azure-policy repository's shapes: one REST-shaped definition or set
// per file (built-in-policies/...), and a sample directory with the definition
// split into azurepolicy.rules.json and azurepolicy.parameters.json (or whole in
// azurepolicy.json, which then wins).
func TestExportRepositoryShapes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"built-in-policies/policyDefinitions/General/AllowedLocations_Deny.json": `{"id": "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
			"name": "e56962a6-4747-49cd-b67b-bf8b01975c4c", "type": "Microsoft.Authorization/policyDefinitions",
			"properties": {"displayName": "Allowed locations", "mode": "Indexed", "parameters": {"listOfAllowedLocations": {"type": "Array"}},
			"policyRule": {"if": {"field": "location", "notIn": "[parameters('listOfAllowedLocations')]"}, "then": {"effect": "deny"}}}}`,
		"built-in-policies/policySetDefinitions/General/Locations.json": `{"name": "locations-set", "properties": {"displayName": "Locations",
			"parameters": {"regions": {"type": "Array"}}, "policyDefinitions": [{"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
			"parameters": {"listOfAllowedLocations": {"value": "[parameters('regions')]"}}}]}}`,
		"samples/Network/deny-public-ip/azurepolicy.rules.json":      `{"if": {"field": "type", "equals": "Microsoft.Network/publicIPAddresses"}, "then": {"effect": "[parameters('effect')]"}}`,
		"samples/Network/deny-public-ip/azurepolicy.parameters.json": `{"effect": {"type": "String", "defaultValue": "Deny"}}`,
		"samples/Tags/require-tag/azurepolicy.json": `{"properties": {"displayName": "Require a tag", "mode": "Indexed",
			"policyRule": {"if": {"field": "tags['owner']", "exists": false}, "then": {"effect": "audit"}}}, "name": "require-tag"}`,
		"samples/Tags/require-tag/azurepolicy.rules.json": `{"if": {"field": "tags['never-read']", "exists": false}, "then": {"effect": "deny"}}`,
	})
	e := NewExport()
	if err := e.AddPath(dir, Definitions|Sets); err != nil {
		t.Fatal(err)
	}
	if e.Definitions != 3 || e.Sets != 1 {
		t.Fatalf("read %d definitions and %d sets, want 3 and 1", e.Definitions, e.Sets)
	}
	split, _ := e.Library.lookup("deny-public-ip")
	if split == nil || split.DisplayName != "deny-public-ip" || split.Parameters["effect"] == nil {
		t.Fatalf("the split sample: %+v", split)
	}
	whole, _ := e.Library.lookup("require-tag")
	if whole == nil || whole.DisplayName != "Require a tag" {
		t.Fatalf("azurepolicy.json wins over the rules file: %+v", whole)
	}
	p := mustBind(t, split, nil)
	if r := p.Evaluate(NewResource(map[string]any{"type": "Microsoft.Network/publicIPAddresses", "name": "pip", "location": "eastus"}), nil); r.Outcome != NonCompliant || r.Effect != EffectDeny {
		t.Errorf("assembled definition: %v %s", r.Outcome, r.Effect)
	}
}

// Malformed input names the file and where: the line and column of a syntax
// error, the JSON path of the object and the path within it of a bad rule.
func TestExportErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"syntax.json":    "[\n  {\"name\": \"a\",\n   \"policyRule\": {\"if\": }\n]",
		"truncated.json": `[{"name": "a"`,
		"rule.json": `[{"name": "ok", "policyRule": {"if": {"field": "name", "equals": "x"}, "then": {"effect": "audit"}}},
			{"name": "bad", "properties": {"policyRule": {"if": {"allOf": [{"field": "name", "equals": "x"}, {"equals": "y"}]}, "then": {"effect": "audit"}}}}]`,
		"kind.json":        `[{"name": "a1", "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/x"}]`,
		"unknown.json":     `{"name": "what", "properties": {"displayName": "neither"}}`,
		"notobject.json":   `[{"name": "a", "policyRule": {"if": {"field": "name", "equals": "x"}, "then": {"effect": "audit"}}}, 3]`,
		"exemption.json":   `[{"id": "/subscriptions/s/providers/Microsoft.Authorization/policyExemptions/x", "name": "x", "policyAssignmentId": "/a", "exemptionCategory": "Forever"}]`,
		"expires.json":     `[{"id": "/subscriptions/s/providers/Microsoft.Authorization/policyExemptions/x", "name": "x", "policyAssignmentId": "/a", "exemptionCategory": "Waiver", "expiresOn": "soon"}]`,
		"enforcement.json": `{"name": "a2", "properties": {"policyDefinitionId": "/x", "enforcementMode": "Sometimes"}}`,
	})
	for _, tc := range []struct {
		file    string
		allowed Kinds
		want    string
	}{
		{"syntax.json", AnyKind, "syntax.json: invalid JSON at line 3, column 25: invalid character '}' looking for beginning of value"},
		{"truncated.json", AnyKind, "truncated.json: invalid JSON at line 1, column 14: unexpected EOF"},
		{"rule.json", AnyKind, `rule.json: $[1] (properties): policy definition bad: policyRule.if.allOf[1]: a condition needs field, value or count`},
		{"kind.json", Definitions | Sets, `kind.json: $[0]: "a1" is a policy assignment; here only policy definitions (policyRule), policy set definitions (policyDefinitions) are read`},
		{"unknown.json", AnyKind, `unknown.json: $: "what" is none of policy definitions (policyRule)`},
		{"notobject.json", AnyKind, "notobject.json: $[1]: expected an object, got a number"},
		{"exemption.json", Exemptions, `exemption.json: $[0]: exemption x: exemptionCategory "Forever" is not Waiver or Mitigated`},
		{"expires.json", Exemptions, `expires.json: $[0]: exemption x: expiresOn "soon" is not an ISO 8601 date and time`},
		{"enforcement.json", Assignments, `enforcement.json: $ (properties): assignment a2: enforcementMode "Sometimes" is not Default or DoNotEnforce`},
	} {
		err := NewExport().AddFile(filepath.Join(dir, tc.file), tc.allowed)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.file, err, tc.want)
		}
	}
	if err := NewExport().AddPath(filepath.Join(dir, "missing"), AnyKind); err == nil || !strings.Contains(err.Error(), "missing: no such file") {
		t.Errorf("missing path: %v", err)
	}
}

// Exemptions in both shapes: the scope is the part of the id before
// /providers/Microsoft.Authorization/policyExemptions/.
func TestParseExemptions(t *testing.T) {
	es, err := ParseExemptions([]byte(`[
		{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/policyExemptions/e1", "name": "e1",
		 "properties": {"policyAssignmentId": "/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyAssignments/a",
		 "exemptionCategory": "Mitigated"}},
		{"id": "/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyExemptions/e2", "name": "e2",
		 "policyAssignmentId": "/a", "exemptionCategory": "waiver", "expiresOn": "2026-12-31T23:59:00.0000000Z", "policyDefinitionReferenceIds": ["m1"]}]`))
	if err != nil || len(es) != 2 {
		t.Fatalf("%v %v", es, err)
	}
	if es[0].Scope != "/subscriptions/s/resourceGroups/rg" || !es[0].ExpiresOn.IsZero() || es[1].Scope != "/providers/Microsoft.Management/managementGroups/mg" ||
		es[1].ExpiresOn.Year() != 2026 || len(es[1].ReferenceIDs) != 1 {
		t.Errorf("exemptions: %+v %+v", es[0], es[1])
	}
}
