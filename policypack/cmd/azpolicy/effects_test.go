package main

import (
	"path/filepath"
	"testing"
)

// tenantOf writes a one-definition tenant assigned at the subscription and
// returns the flags naming it.
func tenantOf(t *testing.T, definition, enforcement string) []string {
	t.Helper()
	dir := t.TempDir()
	defs := filepath.Join(dir, "definitions")
	writeAt(t, filepath.Join(defs, "d.json"), definition)
	assignments := writeAt(t, filepath.Join(dir, "assignments.json"), `[{"name": "a1", "scope": "/subscriptions/`+sub+`",
		"policyDefinitionId": "/subscriptions/`+sub+`/providers/Microsoft.Authorization/policyDefinitions/d1", "enforcementMode": "`+enforcement+`"}]`)
	return []string{"-definitions", defs, "-assignments", assignments, "-subscription", sub, "-resources", "testdata/resources/storage.json"}
}

// An evaluation error is an implicit deny whatever the effect (Azure Policy
// definition structure, "Policy functions": a function error fails the
// evaluation, and the request is denied), read 2026-12-03: exit 1, unless the
// assignment is DoNotEnforce.
func TestImplicitDeny(t *testing.T) {
	def := `[{"name": "d1", "displayName": "Names are numbers", "mode": "Indexed", "policyRule": {"if": {"allOf": [
		{"field": "type", "equals": "Microsoft.Storage/storageAccounts"}, {"value": "[int(field('name'))]", "equals": 1}]}, "then": {"effect": "audit"}}}]`
	a1 := "/subscriptions/" + sub + "/providers/Microsoft.Authorization/policyAssignments/a1"
	reason := `policyRule.if.allOf[1]: [int(field('name'))]: int: "stapp001" is not an integer (Azure Policy: an evaluation error is an implicit deny)`
	cases := []struct {
		enforcement, line string
		code              int
	}{
		{"Default", "DENIED (implicit deny) stapp (" + token + "): assignment " + a1 + ", definition \"Names are numbers\" (d1): " + reason, exitDenied},
		{"DoNotEnforce", "IMPLICIT DENY [DoNotEnforce] stapp (" + token + "): assignment " + a1 + ", definition \"Names are numbers\" (d1): " + reason, exitOK},
	}
	for _, c := range cases {
		t.Run(c.enforcement, func(t *testing.T) {
			out, stderr, code := runEval(t, tenantOf(t, def, c.enforcement)...)
			denied := "1"
			if c.code == exitOK {
				denied = "0"
			}
			want := c.line + "\n1 resources (1 evaluated), 1 assignments, 1 verdicts: 1 implicit deny; " + denied + " denied\n"
			if code != c.code || out != want || stderr != "" {
				t.Errorf("exit %d, stderr %q, output:\n%s\nwant %d and:\n%s", code, stderr, out, c.code, want)
			}
		})
	}
}

// TestAliasesFile: -aliases adds `az provider show --expand
// resourceTypes/aliases` entries that definitions can read.
func TestAliasesFile(t *testing.T) {
	def := `[{"name": "d1", "displayName": "Shared key off", "mode": "Indexed", "policyRule": {"if": {"allOf": [
		{"field": "type", "equals": "Microsoft.Storage/storageAccounts"}, {"field": "Microsoft.Storage/storageAccounts/contosoSharedKey", "notEquals": false}]}, "then": {"effect": "deny"}}}]`
	aliases := writeAt(t, filepath.Join(t.TempDir(), "aliases.json"), `{"namespace": "Microsoft.Storage", "resourceTypes": [{"resourceType": "storageAccounts",
		"aliases": [{"name": "Microsoft.Storage/storageAccounts/contosoSharedKey", "defaultPath": "properties.allowSharedKeyAccess", "paths": []}]}]}`)
	args := tenantOf(t, def, "Default")
	out, _, code := runEval(t, append(args, "-aliases", aliases)...)
	want := "1 resources (1 evaluated), 1 assignments, 1 verdicts: 1 compliant; 0 denied\n"
	if code != exitOK || out != want {
		t.Errorf("with the alias: exit %d, output %q; want 0 and %q", code, out, want)
	}
	out, _, code = runEval(t, args...)
	if code != exitDenied {
		t.Errorf("without the alias (a missing value, notEquals false): exit %d, output %q; want 1", code, out)
	}
}
