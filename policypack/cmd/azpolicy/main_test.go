package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The fixture tenant (testdata/tenant): subscription sub under management group
// corp under alz; a custom Deny on storage SKUs at the subscription with a
// notScope (rg-sandbox) and a non-compliance message; a custom Deny on
// locations at alz, exempted for rg-legacy (and the SKU Deny too); the
// built-in-shaped Audit on shared key access at corp (its exemption in
// rg-legacy has expired); a set of the two storage definitions with parameter
// mapping at corp, DoNotEnforce, its shared-key member's effect mapped to Deny;
// an Audit of an owner tag from the Azure/azure-policy repository's split
// sample shape.
const (
	sub        = "11111111-1111-1111-1111-111111111111"
	aSkus      = "/subscriptions/" + sub + "/providers/Microsoft.Authorization/policyAssignments/storage-skus"
	aLocations = "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyAssignments/locations"
	aSharedKey = "/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/shared-key"
	aBaseline  = "/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/storage-baseline"
	aOwnerTag  = "/subscriptions/" + sub + "/providers/Microsoft.Authorization/policyAssignments/owner-tag"
	dSku       = "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Deny-Storage-Sku"
	dLocations = "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policyDefinitions/Allowed-Locations"
	dSharedKey = "/providers/Microsoft.Authorization/policyDefinitions/8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54"
	setBase    = "/providers/Microsoft.Management/managementGroups/alz/providers/Microsoft.Authorization/policySetDefinitions/Storage-Baseline"
	token      = "azure-native:storage:StorageAccount"
	skuName    = "Storage accounts use an allowed SKU"
	sharedName = "Storage accounts should prevent shared key access"
	locName    = "Resources are in an allowed location"
)

// tenantFlags point eval at the fixture tenant.
var tenantFlags = []string{
	"-definitions", "testdata/tenant/definitions", "-assignments", "testdata/tenant/assignments.json",
	"-exemptions", "testdata/tenant/exemptions.json", "-management-groups", "testdata/tenant/management-groups.json",
}

func runEval(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"eval"}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// baseline is the compliant storage account's entry (testdata/resources/storage.json).
func baseline(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/resources/storage.json")
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	return list[0]
}

// writeJSON writes v to a file in the test's directory and returns its path.
func writeJSON(t *testing.T, name string, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, string(data))
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	return writeAt(t, filepath.Join(t.TempDir(), name), text)
}

// writeAt writes a file, creating its directory.
func writeAt(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// evalJSON runs eval -format json on the resources file and decodes the rows.
func evalJSON(t *testing.T, resources string, extra ...string) (rows []map[string]any, stderr string, code int) {
	t.Helper()
	args := append(append(append([]string{}, tenantFlags...), "-format", "json", "-resources", resources), extra...)
	out, stderr, code := runEval(t, args...)
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s\nstderr: %s", err, out, stderr)
	}
	return rows, stderr, code
}

// verdict is an expected row; resource and type default to the baseline's.
func verdict(assignment, definition, display, effect string, enforced bool, compliant any, outcome, reason string) map[string]any {
	return map[string]any{"resource": "stapp", "type": token, "assignment": assignment, "definition": definition, "displayName": display,
		"effect": effect, "enforced": enforced, "compliant": compliant, "outcome": outcome, "reason": reason, "denied": false}
}

func member(row map[string]any, reference string) map[string]any {
	row["set"], row["policyDefinitionReferenceId"] = setBase, reference
	return row
}

func with(row map[string]any, kv ...any) map[string]any {
	for i := 0; i < len(kv); i += 2 {
		row[kv[i].(string)] = kv[i+1]
	}
	return row
}

// baselineRows are the compliant baseline's verdicts, in assignment order.
func baselineRows() []map[string]any {
	return []map[string]any{
		verdict(aSkus, dSku, skuName, "Deny", true, true, "compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Standard_LRS" in ["Standard_LRS","Standard_ZRS"]`),
		verdict(aLocations, dLocations, locName, "Deny", true, true, "compliant",
			`policyRule.if.allOf[0]: field location = "swedencentral" notIn ["swedencentral","eastus2"]`),
		verdict(aSharedKey, dSharedKey, sharedName, "Audit", true, true, "compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/allowSharedKeyAccess = false equals "false"`),
		member(verdict(aBaseline, dSku, skuName, "Deny", false, true, "compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Standard_LRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
		member(verdict(aBaseline, dSharedKey, sharedName, "Deny", false, true, "compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/allowSharedKeyAccess = false equals "false"`), "sharedKey"),
		verdict(aOwnerTag, "require-tag", "require-tag", "Audit", true, true, "compliant",
			`policyRule.if: field tags[owner] = "team-ai" exists "false"`),
	}
}

// replaced returns the baseline's rows with those of the same assignment and
// member replaced, and those of drop removed.
func replaced(repl []map[string]any, drop ...string) []map[string]any {
	key := func(r map[string]any) string {
		ref, _ := r["policyDefinitionReferenceId"].(string)
		return r["assignment"].(string) + "#" + ref
	}
	byKey := map[string]map[string]any{}
	for _, r := range repl {
		byKey[key(r)] = r
	}
	var out []map[string]any
	for _, r := range baselineRows() {
		if contains(drop, key(r)) {
			continue
		}
		if n, ok := byKey[key(r)]; ok {
			r = n
		}
		out = append(out, r)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// decoded round-trips expected rows through JSON, as the output is compared.
func decoded(t *testing.T, rows []map[string]any) []map[string]any {
	t.Helper()
	data, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if out == nil {
		out = []map[string]any{}
	}
	return out
}

func compareRows(t *testing.T, got, want []map[string]any) {
	t.Helper()
	if got == nil {
		got = []map[string]any{}
	}
	want = decoded(t, want)
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("rows differ\ngot:\n%s\nwant:\n%s", g, w)
}

func TestBaselineCompliant(t *testing.T) {
	rows, stderr, code := evalJSON(t, "testdata/resources/storage.json", "-subscription", sub)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and no warnings", code, stderr)
	}
	compareRows(t, rows, baselineRows())
}

// TestProviderSubscription: an array entry's provider inputs place it, as in
// the JSON file tests/perf exports ("props" for inputs).
func TestProviderSubscription(t *testing.T) {
	r := baseline(t)
	r["props"], r["provider"] = r["inputs"], map[string]any{"props": map[string]any{"subscriptionId": sub}}
	delete(r, "inputs")
	rows, stderr, code := evalJSON(t, writeJSON(t, "r.json", []any{r}))
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and no warnings", code, stderr)
	}
	compareRows(t, rows, baselineRows())
}

// caseResources is the baseline with its inputs changed (nil deletes) and its
// entry's fields set.
func caseResources(t *testing.T, inputs map[string]any, entry map[string]any) string {
	t.Helper()
	r := baseline(t)
	in := r["inputs"].(map[string]any)
	for k, v := range inputs {
		if v == nil {
			delete(in, k)
		} else {
			in[k] = v
		}
	}
	for k, v := range entry {
		r[k] = v
	}
	return writeJSON(t, "resources.json", []any{r})
}

func TestCases(t *testing.T) {
	skuMsg := "Use a locally or zone-redundant SKU."
	cases := []struct {
		name   string
		inputs map[string]any
		entry  map[string]any
		want   []map[string]any
		code   int
	}{
		{name: "a SKU outside the assignment's list is denied; the DoNotEnforce set reports it without denying",
			inputs: map[string]any{"sku": map[string]any{"name": "Premium_GRS"}}, code: exitDenied,
			want: replaced([]map[string]any{
				with(verdict(aSkus, dSku, skuName, "Deny", true, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Standard_ZRS"]`),
					"denied", true, "message", skuMsg),
				member(verdict(aBaseline, dSku, skuName, "Deny", false, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
			})},
		{name: "a SKU the assignment allows and the DoNotEnforce set does not: advisory, exit 0",
			inputs: map[string]any{"sku": map[string]any{"name": "Standard_ZRS"}}, code: exitOK,
			want: replaced([]map[string]any{
				verdict(aSkus, dSku, skuName, "Deny", true, true, "compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Standard_ZRS" in ["Standard_LRS","Standard_ZRS"]`),
				member(verdict(aBaseline, dSku, skuName, "Deny", false, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Standard_ZRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
			})},
		{name: "a location outside the list is denied by the assignment at alz, two groups up",
			inputs: map[string]any{"location": "westeurope"}, code: exitDenied,
			want: replaced([]map[string]any{
				with(verdict(aLocations, dLocations, locName, "Deny", true, false, "non-compliant",
					`policyRule.if.allOf[1]: field location = "westeurope" notEquals "global"`), "denied", true),
			})},
		{name: "the exemption of rg-legacy waives the location Deny",
			inputs: map[string]any{"location": "westeurope", "resourceGroupName": "rg-legacy"}, code: exitOK,
			want: replaced([]map[string]any{
				with(verdict(aLocations, dLocations, locName, "Deny", true, true, "exempt",
					`exempted by legacy-locations (Waiver); without it: non-compliant: policyRule.if.allOf[1]: field location = "westeurope" notEquals "global"`),
					"exemption", "/subscriptions/"+sub+"/resourceGroups/rg-legacy/providers/Microsoft.Authorization/policyExemptions/legacy-locations"),
			})},
		{name: "an exemption without expiry waives the SKU Deny, its message not given; the set's DoNotEnforce member still reports",
			inputs: map[string]any{"sku": map[string]any{"name": "Premium_GRS"}, "resourceGroupName": "rg-legacy"}, code: exitOK,
			want: replaced([]map[string]any{
				with(verdict(aSkus, dSku, skuName, "Deny", true, true, "exempt",
					`exempted by legacy-skus (Mitigated); without it: non-compliant: policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Standard_ZRS"]`),
					"exemption", "/subscriptions/"+sub+"/resourceGroups/rg-legacy/providers/Microsoft.Authorization/policyExemptions/legacy-skus"),
				member(verdict(aBaseline, dSku, skuName, "Deny", false, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
			})},
		{name: "an expired exemption does not waive the Audit",
			inputs: map[string]any{"allowSharedKeyAccess": true, "resourceGroupName": "rg-legacy"}, code: exitOK,
			want: replaced([]map[string]any{
				verdict(aSharedKey, dSharedKey, sharedName, "Audit", true, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/allowSharedKeyAccess = true equals "false"`),
				member(verdict(aBaseline, dSharedKey, sharedName, "Deny", false, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/allowSharedKeyAccess = true equals "false"`), "sharedKey"),
			})},
		{name: "rg-sandbox is a notScope of the SKU assignment",
			inputs: map[string]any{"sku": map[string]any{"name": "Standard_GRS"}, "resourceGroupName": "rg-sandbox"}, code: exitOK,
			want: replaced([]map[string]any{
				member(verdict(aBaseline, dSku, skuName, "Deny", false, false, "non-compliant",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Standard_GRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
			}, aSkus+"#")},
		{name: "a SKU unknown at preview cannot be verified",
			inputs: map[string]any{"sku": map[string]any{"name": unknownString}}, code: exitOK,
			want: replaced([]map[string]any{
				verdict(aSkus, dSku, skuName, "Deny", true, nil, "cannot verify",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Standard_ZRS"] (a value unknown at preview decides)`),
				member(verdict(aBaseline, dSku, skuName, "Deny", false, nil, "cannot verify",
					`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Premium_LRS"] (a value unknown at preview decides)`), "skus"),
			})},
		{name: "no owner tag: the repository sample's Audit",
			inputs: map[string]any{"tags": nil}, code: exitOK,
			want: replaced([]map[string]any{
				verdict(aOwnerTag, "require-tag", "require-tag", "Audit", true, false, "non-compliant",
					`policyRule.if: field tags[owner] = <missing> exists "false"`),
			})},
		{name: "another subscription, not under corp: no assignment covers it",
			entry: map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"}, code: exitOK,
			want: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, stderr, code := evalJSON(t, caseResources(t, c.inputs, c.entry), "-subscription", sub)
			if code != c.code || stderr != "" {
				t.Errorf("exit %d, stderr %q; want %d and no warnings", code, stderr, c.code)
			}
			compareRows(t, rows, c.want)
		})
	}
}

// urn is a resource URN of the stack export fixture.
func urn(typ, name string) string { return "urn:pulumi:corp::aiready::" + typ + "::" + name }

// at sets a row's resource and type.
func at(rows []map[string]any, resource, typ string) []map[string]any {
	for _, r := range rows {
		r["resource"], r["type"] = resource, typ
	}
	return rows
}

// TestStackExport reads a `pulumi stack export` file: the provider's
// subscriptionId places the resources, the stack's ManagementGroup and
// ManagementGroupSubscription resources make the tree (no -management-groups),
// a secret with its plaintext is read, one with only its ciphertext is unknown,
// and components, providers and a resource pending deletion are not evaluated.
func TestStackExport(t *testing.T) {
	args := append(append([]string{}, tenantFlags[:6]...), "-format", "json", "-resources", "testdata/resources/stack-export.json")
	out, stderr, code := runEval(t, args...)
	if code != exitDenied || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and no warnings", code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	rgType := "azure-native:resources:ResourceGroup"
	notApplicable := "mode Indexed does not evaluate Microsoft.Resources/subscriptions/resourceGroups, a type without tags and location"
	var rg []map[string]any
	for _, r := range baselineRows() {
		r["compliant"], r["outcome"], r["reason"] = true, "not applicable", notApplicable
		rg = append(rg, r)
	}
	stapp := replaced([]map[string]any{
		with(verdict(aSkus, dSku, skuName, "Deny", true, false, "non-compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Standard_ZRS"]`),
			"denied", true, "message", "Use a locally or zone-redundant SKU."),
		member(verdict(aBaseline, dSku, skuName, "Deny", false, false, "non-compliant",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Premium_LRS"]`), "skus"),
	})
	secret := replaced([]map[string]any{
		verdict(aSkus, dSku, skuName, "Deny", true, nil, "cannot verify",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Standard_ZRS"] (a value unknown at preview decides)`),
		member(verdict(aBaseline, dSku, skuName, "Deny", false, nil, "cannot verify",
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Premium_LRS"] (a value unknown at preview decides)`), "skus"),
	})
	var want []map[string]any
	want = append(want, at(rg, urn(rgType, "rg-app"), rgType)...)
	want = append(want, at(stapp, urn(token, "stapp"), token)...)
	want = append(want, at(secret, urn(token, "stsecret"), token)...)
	compareRows(t, rows, want)
}

func TestTextOutput(t *testing.T) {
	args := append(append([]string{}, tenantFlags[:6]...), "-resources", "testdata/resources/stack-export.json")
	out, stderr, code := runEval(t, args...)
	if code != exitDenied || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and no warnings", code, stderr)
	}
	stapp, secret := urn(token, "stapp"), urn(token, "stsecret")
	want := strings.Join([]string{
		`DENIED (Deny) ` + stapp + ` (` + token + `): assignment ` + aSkus + `, definition "` + skuName + `" (` + dSku + `): ` +
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Standard_ZRS"]. ` +
			`The assignment says: Use a locally or zone-redundant SKU.`,
		`NON-COMPLIANT (Deny) [DoNotEnforce] ` + stapp + ` (` + token + `): assignment ` + aBaseline + `, definition "` + skuName + `" (` + dSku + `) member skus of ` + setBase + `: ` +
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = "Premium_GRS" in ["Standard_LRS","Premium_LRS"]`,
		`CANNOT VERIFY (Deny) ` + secret + ` (` + token + `): assignment ` + aSkus + `, definition "` + skuName + `" (` + dSku + `): ` +
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Standard_ZRS"] (a value unknown at preview decides)`,
		`CANNOT VERIFY (Deny) [DoNotEnforce] ` + secret + ` (` + token + `): assignment ` + aBaseline + `, definition "` + skuName + `" (` + dSku + `) member skus of ` + setBase + `: ` +
			`policyRule.if.allOf[1].not: field Microsoft.Storage/storageAccounts/sku.name = <unknown> in ["Standard_LRS","Premium_LRS"] (a value unknown at preview decides)`,
		`5 resources (3 evaluated), 5 assignments, 18 verdicts: 2 cannot verify, 8 compliant, 2 non-compliant, 6 not applicable; 1 denied`,
	}, "\n") + "\n"
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}
}

func TestTextOutputCompliant(t *testing.T) {
	out, _, code := runEval(t, append(append([]string{}, tenantFlags...), "-subscription", sub, "-resources", "testdata/resources/storage.json")...)
	want := "1 resources (1 evaluated), 5 assignments, 6 verdicts: 6 compliant; 0 denied\n"
	if code != exitOK || out != want {
		t.Errorf("exit %d, output %q; want 0 and %q", code, out, want)
	}
}

// TestWarnings: what is not evaluated is said on stderr, and does not fail.
func TestWarnings(t *testing.T) {
	other := map[string]any{"type": "azure-native:storage:StorageAccount", "name": "x"}
	cases := []struct {
		name, assignments string
		resources         []any
		extra             []string
		want              string
	}{
		{name: "no subscription", resources: []any{baseline(t)},
			want: "azpolicy eval: warning: 1 resource(s) with no known subscription: assignments at a subscription or below cannot be told to cover them, and those at management groups do not; give -subscription\n"},
		{name: "a type outside the conversion table", resources: []any{baseline(t), with(other, "type", "azure-native:contoso:Widget")}, extra: []string{"-subscription", sub},
			want: "azpolicy eval: warning: not evaluated: 1 resource type(s) outside the azure-native conversion table: azure-native:contoso:Widget\n"},
		{name: "a definition not supplied", resources: []any{baseline(t)}, extra: []string{"-subscription", sub},
			assignments: `[{"name": "ghost", "scope": "/subscriptions/` + sub + `", "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/0000"}]`,
			want:        "azpolicy eval: warning: assignment /subscriptions/" + sub + "/providers/Microsoft.Authorization/policyAssignments/ghost: not evaluated: definition not supplied (/providers/Microsoft.Authorization/policyDefinitions/0000); add it to -definitions\n"},
		{name: "a parameter ARM refuses", resources: []any{baseline(t)}, extra: []string{"-subscription", sub},
			assignments: `[{"name": "bad", "scope": "/subscriptions/` + sub + `", "policyDefinitionId": "` + dSharedKey + `", "parameters": {"effect": {"value": "Modify"}}}]`,
			want:        "azpolicy eval: warning: assignment /subscriptions/" + sub + "/providers/Microsoft.Authorization/policyAssignments/bad is not evaluated: Azure would refuse it: assignment bad: parameter \"effect\" of definition 8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54 (\"Storage accounts should prevent shared key access\"): \"Modify\" is not allowed; allowed values (case-sensitive): [\"Audit\",\"Deny\",\"Disabled\"]\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{}, tenantFlags...), "-resources", writeJSON(t, "r.json", c.resources))
			if c.assignments != "" {
				args[3] = writeFile(t, "a.json", c.assignments)
			}
			_, stderr, code := runEval(t, append(args, c.extra...)...)
			if code != exitOK || stderr != c.want {
				t.Errorf("exit %d, stderr %q; want 0 and %q", code, stderr, c.want)
			}
		})
	}
}
