package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A definition, an assignment of it at the stack's subscription and an
// exemption, in the flat shape of the az CLI lists.
const (
	exampleDefinition = `{"id": "/providers/Microsoft.Authorization/policyDefinitions/allowed-locations", "name": "allowed-locations",
		"displayName": "Allowed locations", "mode": "Indexed", "parameters": {"listOfAllowedLocations": {"type": "Array"}},
		"policyRule": {"if": {"field": "location", "notIn": "[parameters('listOfAllowedLocations')]"}, "then": {"effect": "deny"}}}`
	exampleAssignment = `{"id": "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/policyAssignments/locations",
		"name": "locations", "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/allowed-locations",
		"parameters": {"listOfAllowedLocations": {"value": ["eastus"]}}}`
	exampleExemption = `{"id": "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Authorization/policyExemptions/x",
		"name": "x", "policyAssignmentId": "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/policyAssignments/locations",
		"exemptionCategory": "Waiver"}`
)

// azurePolicyExamples are valid values of the azure-policy-assignments keys.
func azurePolicyExamples(t *testing.T) map[string]any {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "assignments.json")
	if err := os.WriteFile(file, []byte("["+exampleAssignment+"]"), 0o644); err != nil {
		t.Fatal(err)
	}
	return map[string]any{
		"azurePolicyDefinitions":      []any{mustJSON(t, []byte(exampleDefinition))},
		"azurePolicyAssignments":      []any{mustJSON(t, []byte(exampleAssignment))},
		"azurePolicyExemptions":       []any{mustJSON(t, []byte(exampleExemption))},
		"azurePolicyFiles":            []any{file},
		"azurePolicyAliases":          mustJSON(t, []byte(`{"namespace": "Microsoft.Contoso", "resourceTypes": [{"resourceType": "widgets", "aliases": [{"name": "Microsoft.Contoso/widgets/size", "defaultPath": "properties.size"}]}]}`)),
		"azurePolicyManagementGroups": map[string]any{"11111111-1111-1111-1111-111111111111": "corp", "corp": "alz", "alz": ""},
		"azurePolicyStackAssignments": false,
	}
}

// The keys merge into one tenant: definitions from config, assignments from
// config and from files, exemptions; aliases on top of the defaults.
func TestAzurePolicyKeys(t *testing.T) {
	s := Default()
	if s.AzurePolicy.SkipStack || len(s.AzurePolicy.Tenant().Assignments) != 0 {
		t.Fatal("defaults: the stack's assignments are evaluated and the tenant is empty")
	}
	for k, v := range azurePolicyExamples(t) {
		if err := s.Set(k, v); err != nil {
			t.Fatalf("Set(%s): %v", k, err)
		}
	}
	tenant := s.AzurePolicy.Tenant()
	if tenant.Definitions != 1 || len(tenant.Assignments) != 2 || len(tenant.Exemptions) != 1 || !s.AzurePolicy.SkipStack {
		t.Fatalf("tenant: %d definitions, %d assignments, %d exemptions", tenant.Definitions, len(tenant.Assignments), len(tenant.Exemptions))
	}
	if p, err := s.AzurePolicy.Aliases.ResolveAlias("Microsoft.Contoso/widgets", "Microsoft.Contoso/widgets/size"); err != nil || p != "properties.size" {
		t.Errorf("alias from config: %q %v", p, err)
	}
	if s.AzurePolicy.ManagementGroups["corp"] != "alz" {
		t.Errorf("hierarchy: %v", s.AzurePolicy.ManagementGroups)
	}
	// A clone set afterwards leaves the original alone.
	c := s.Clone()
	if err := c.Set("azurePolicyAssignments", []any{}); err != nil {
		t.Fatal(err)
	}
	if len(c.AzurePolicy.Tenant().Assignments) != 1 || len(s.AzurePolicy.Tenant().Assignments) != 2 {
		t.Errorf("clone: %d and %d assignments", len(c.AzurePolicy.Tenant().Assignments), len(s.AzurePolicy.Tenant().Assignments))
	}
}

func TestAzurePolicyKeysRejectBadValues(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("[{\"name\": \"a\",\n \"policyDefinitionId\": }]"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key   string
		value any
		want  string
	}{
		{"azurePolicyDefinitions", map[string]any{"name": "x"}, `azurePolicyDefinitions: {"name":"x"} is not a list`},
		{"azurePolicyDefinitions", []any{mustJSON(t, []byte(exampleAssignment))},
			`azurePolicyDefinitions: $[0]: "locations" is a policy assignment; here only policy definitions (policyRule), policy set definitions (policyDefinitions) are read`},
		{"azurePolicyDefinitions", []any{map[string]any{"name": "d", "properties": map[string]any{"mode": "Sometimes", "policyRule": map[string]any{}}}},
			`azurePolicyDefinitions: $[0] (properties): policy definition d: mode "Sometimes" is not a mode; use All, Indexed, or a Resource Provider mode (Microsoft.<Provider>.Data)`},
		{"azurePolicyAssignments", []any{map[string]any{"name": "a", "policyDefinitionId": "/x", "enforcementMode": "Off"}},
			`azurePolicyAssignments: $[0]: assignment a: enforcementMode "Off" is not Default or DoNotEnforce`},
		{"azurePolicyExemptions", []any{map[string]any{"name": "e", "policyAssignmentId": "/a", "exemptionCategory": "Waiver"}},
			`azurePolicyExemptions: $[0]: exemption e: no scope: its id must be <scope>/providers/Microsoft.Authorization/policyExemptions/<name>`},
		{"azurePolicyFiles", []any{bad}, "azurePolicyFiles[0]: " + bad + ": invalid JSON at line 2, column 24"},
		{"azurePolicyFiles", []any{filepath.Join(dir, "none.json")}, "azurePolicyFiles[0]: " + filepath.Join(dir, "none.json") + ": no such file or directory"},
		{"azurePolicyAliases", "aliases", "azurePolicyAliases: provider aliases: not `az provider show --expand resourceTypes/aliases` JSON"},
		{"azurePolicyManagementGroups", map[string]any{"ai corp": "corp"}, `azurePolicyManagementGroups.ai corp: "ai corp" is not a management group or subscription id`},
		{"azurePolicyManagementGroups", map[string]any{"corp": 3.0}, `azurePolicyManagementGroups.corp: 3 is not a management group id; give the group above it, or "" for the tenant root group`},
		{"azurePolicyStackAssignments", "yes", `azurePolicyStackAssignments: "yes" is not a boolean; use true or false`},
	} {
		err := Default().Set(tc.key, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set(%s): got %v, want %q", tc.key, err, tc.want)
		}
	}
}
