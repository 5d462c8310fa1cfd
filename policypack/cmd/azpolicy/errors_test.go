package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageErrors: bad usage exits 2 naming the flag or command.
func TestUsageErrors(t *testing.T) {
	defs := []string{"-definitions", "testdata/tenant/definitions", "-assignments", "testdata/tenant/assignments.json"}
	res := []string{"-resources", "testdata/resources/storage.json"}
	cases := []struct {
		name string
		args []string
		want string // stderr's first line
	}{
		{"no command", nil, "azpolicy: missing command"},
		{"unknown command", []string{"evaluate"}, `azpolicy: unknown command "evaluate"; the command is eval`},
		{"no resources", append([]string{"eval"}, defs...), "azpolicy eval: -resources is required"},
		{"no definitions", append([]string{"eval", "-assignments", "a.json"}, res...), "azpolicy eval: -definitions is required"},
		{"no assignments", append([]string{"eval", "-definitions", "d"}, res...), "azpolicy eval: -assignments is required"},
		{"bad format", append(append(append([]string{"eval"}, defs...), res...), "-format", "yaml"), `azpolicy eval: -format "yaml": use json or text`},
		{"positional argument", append(append(append([]string{"eval"}, defs...), res...), "extra"),
			`azpolicy eval: unexpected argument "extra": every input is a flag (-definitions, -assignments, -resources)`},
		{"unknown flag", []string{"eval", "-foo"}, "flag provided but not defined: -foo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb strings.Builder
			code := run(c.args, &out, &errb)
			first, _, _ := strings.Cut(errb.String(), "\n")
			if code != exitUsage || first != c.want || out.Len() != 0 {
				t.Errorf("exit %d, stderr %q, stdout %q; want 2 and %q", code, errb.String(), out.String(), c.want)
			}
		})
	}
}

// TestBadInput: malformed input exits 2 with an error naming the file and the
// JSON path or field, or the line and column, before anything is evaluated.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o700); err != nil {
		t.Fatal(err)
	}
	secret := `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "plaintext": "{name"}`
	cases := []struct {
		name, flag, path, want string
	}{
		{"resources: malformed JSON", "-resources", file("r1.json", "[\n  {\"type\": \"azure-native:storage:StorageAccount\",\n   \"name\": \"x\" \"inputs\": {}}\n]"),
			"invalid JSON at line 3, column 16: invalid character '\"' after object key:value pair"},
		{"resources: no type", "-resources", file("r2.json", `[{"name": "x", "inputs": {}}]`),
			"$[0].type: missing; give a Pulumi type token such as azure-native:storage:StorageAccount"},
		{"resources: a name that is not a string", "-resources", file("r3.json", `[{"type": "azure-native:storage:StorageAccount", "name": 7}]`),
			"$[0].name: 7 is not the resource's name"},
		{"resources: inputs not an object", "-resources", file("r4.json", `[{"type": "azure-native:storage:StorageAccount", "name": "x", "inputs": "sku=Standard_LRS"}]`),
			"$[0].inputs: expected an object of input properties, got a string"},
		{"resources: a provider not an object", "-resources", file("r12.json", `[{"type": "azure-native:storage:StorageAccount", "name": "x", "provider": "default"}]`),
			"$[0].provider: expected an object with the provider's inputs, got a string"},
		{"resources: an element not an object", "-resources", file("r5.json", `[{"type": "azure-native:storage:StorageAccount", "name": "x"}, "y"]`),
			`$[1]: expected an object {"type", "name", "inputs"}, got a string`},
		{"resources: neither shape", "-resources", file("r6.json", `"resources"`),
			`$: expected a JSON array of {"type", "name", "inputs"} or a pulumi stack export (an object with deployment.resources), got a string`},
		{"stack export: no deployment", "-resources", file("r7.json", `{"version": 3, "checkpoint": {}}`),
			`$.deployment: missing or not an object: expected a JSON array of {"type", "name", "inputs"} or a pulumi stack export ({"version": 3, "deployment": {"resources": [...]}})`},
		{"stack export: resources not an array", "-resources", file("r8.json", `{"version": 3, "deployment": {"resources": {}}}`),
			"$.deployment.resources: expected an array, got an object"},
		{"stack export: no urn", "-resources", file("r9.json", `{"version": 3, "deployment": {"resources": [{"type": "pulumi:pulumi:Stack", "custom": false}]}}`),
			"$.deployment.resources[0].urn: missing; give the resource's URN"},
		{"stack export: a provider reference not a string", "-resources", file("r10.json", `{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:s::p::azure-native:storage:StorageAccount::st", "type": "azure-native:storage:StorageAccount", "custom": true, "provider": 3}]}}`),
			"$.deployment.resources[0].provider: expected a string, got a number"},
		{"stack export: a secret's plaintext not JSON", "-resources", file("r11.json", `{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:s::p::azure-native:storage:StorageAccount::st", "type": "azure-native:storage:StorageAccount", "custom": true, "inputs": {"sku": `+secret+`}}]}}`),
			"$.deployment.resources[0].inputs.sku.plaintext: a secret's plaintext is not JSON: invalid character 'n' looking for beginning of object key string"},
		{"resources: no such file", "-resources", filepath.Join(dir, "missing.json"), "no such file or directory"},
		{"definitions: a condition with an unknown operator", "-definitions", file("defs/d.json", `[{"name": "d1", "mode": "All", "policyRule": {"if": {"field": "location", "equal": "x"}, "then": {"effect": "deny"}}}]`),
			`$[0]: policy definition d1: policyRule.if: "equal" is not a condition operator; use one of equals, notEquals, like, notLike, match, matchInsensitively, notMatch, notMatchInsensitively, contains, notContains, in, notIn, containsKey, notContainsKey, less, lessOrEquals, greater, greaterOrEquals, exists`},
		{"definitions: an assignment among them", "-definitions", file("defs2/a.json", `{"name": "a1", "scope": "/subscriptions/x", "policyDefinitionId": "/x"}`),
			`$: "a1" is a policy assignment; here only policy definitions (policyRule), policy set definitions (policyDefinitions) are read`},
		{"definitions: an empty directory", "-definitions", filepath.Join(dir, "empty"), "no policy definitions or set definitions (.json files) found"},
		{"definitions: no such directory", "-definitions", filepath.Join(dir, "nodir"), "no such file or directory"},
		{"assignments: malformed JSON", "-assignments", file("a1.json", "[\n  {\"name\": \"a1\",\n  ]"),
			"invalid JSON at line 3, column 3: invalid character ']' looking for beginning of object key string"},
		{"assignments: a definition among them", "-assignments", file("a2.json", `[{"name": "d1", "mode": "All", "policyRule": {"if": {"field": "location", "equals": "x"}, "then": {"effect": "deny"}}}]`),
			`$[0]: "d1" is a policy definition; here only policy assignments (policyDefinitionId) are read`},
		{"assignments: a bad enforcementMode", "-assignments", file("a3.json", `[{"name": "a1", "scope": "/subscriptions/x", "policyDefinitionId": "/x", "enforcementMode": "Off"}]`),
			`$[0]: assignment a1: enforcementMode "Off" is not Default or DoNotEnforce`},
		{"exemptions: no policyAssignmentId", "-exemptions", file("e1.json", `[{"name": "e1", "exemptionCategory": "Waiver"}]`),
			`$[0]: "e1" is none of policy definitions (policyRule), policy set definitions (policyDefinitions), policy assignments (policyDefinitionId), policy exemptions (policyAssignmentId, exemptionCategory)`},
		{"management groups: a parent not a string", "-management-groups", file("mg1.json", `{"corp": 7}`),
			`$["corp"]: 7 is not a management group id; give the group above "corp", or "" for the tenant root group`},
		{"management groups: not an object", "-management-groups", file("mg2.json", `["corp"]`),
			"$: expected an object mapping each subscription or management group id to the management group above it, got an array"},
		{"management groups: malformed JSON", "-management-groups", file("mg3.json", `{"corp": }`),
			"invalid JSON at line 1, column 10: invalid character '}' looking for beginning of value"},
		{"aliases: not provider JSON", "-aliases", file("al.json", `{"namespace": 3}`),
			"provider aliases: not `az provider show --expand resourceTypes/aliases` JSON: json: cannot unmarshal number into Go struct field providerJSON.namespace of type string"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"-definitions", "testdata/tenant/definitions", "-assignments", "testdata/tenant/assignments.json",
				"-resources", "testdata/resources/storage.json", "-subscription", sub}
			args = append(args, c.flag, c.path) // the last occurrence of a flag wins
			out, stderr, code := runEval(t, args...)
			want := "azpolicy eval: " + c.path + ": " + c.want + "\n"
			if code != exitUsage || stderr != want || out != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant 2 and:\n%s", code, out, stderr, want)
			}
		})
	}
}
