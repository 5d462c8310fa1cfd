package azpolicy

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type dumpRow struct{ typ, alias, path string }

func readAliasDump(t *testing.T) []dumpRow {
	t.Helper()
	f, err := os.Open("testdata/aliases/azure-alias-dump.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	var rows []dumpRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("bad row %q", line)
		}
		rows = append(rows, dumpRow{cols[0], cols[1], cols[2]})
	}
	return rows
}

// buildFromPath builds the smallest ARM resource holding marker at an ARM path
// ("properties.securityRules[*].properties.access").
func buildFromPath(t *testing.T, typ, path string, marker any) map[string]any {
	t.Helper()
	steps, err := literalSteps(path)
	if err != nil {
		t.Fatal(err)
	}
	var build func(steps []step) any
	build = func(steps []step) any {
		if len(steps) == 0 {
			return marker
		}
		if steps[0].wild {
			return []any{build(steps[1:])}
		}
		return map[string]any{steps[0].key: build(steps[1:])}
	}
	res := build(steps).(map[string]any)
	res["type"] = typ
	return res
}

// resolves reports whether the alias, on a resource built from Azure's path,
// reads the marker there.
func resolves(t *testing.T, row dumpRow, table *AliasTable) bool {
	const marker = "marker-value"
	res := NewResource(buildFromPath(t, row.typ, row.path, marker))
	f, err := parseField(row.alias, table)
	if err != nil {
		t.Fatalf("%s: %v", row.alias, err)
	}
	st := &state{res: res, fnRes: res, pol: &Policy{aliases: table}}
	return strings.Contains(Render(st.fieldValue(f)), marker)
}

// The generic rule plus the shipped exceptions resolve every alias of Azure's
// alias dump for the project's types to the ARM path Azure reads; and each
// exception is needed: without the table exactly the exceptions' rows fail.
func TestDefaultAliasesMatchAzure(t *testing.T) {
	rows := readAliasDump(t)
	if len(rows) < 90 {
		t.Fatalf("only %d rows", len(rows))
	}
	exceptions := map[string]bool{}
	for _, e := range DefaultAliases().Entries() {
		exceptions[strings.ToLower(e.ResourceType+"|"+e.Alias)] = true
	}
	for _, row := range rows {
		key := strings.ToLower(row.typ + "|" + row.alias)
		if !resolves(t, row, DefaultAliases()) {
			p, _ := DefaultAliases().ResolveAlias(row.typ, row.alias)
			t.Errorf("%s on %s resolves to %q, Azure reads %s", row.alias, row.typ, p, row.path)
		}
		if generic := resolves(t, row, NewAliasTable()); generic == exceptions[key] {
			t.Errorf("%s on %s: the generic rule resolves it: %v, the table has an exception: %v", row.alias, row.typ, generic, exceptions[key])
		}
	}
}

func TestResolveAlias(t *testing.T) {
	tbl := DefaultAliases()
	for _, tc := range []struct{ typ, alias, want string }{
		{"Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules[*].access", "properties.securityRules[*].?access"},
		{"Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules/access", ""},
		{"microsoft.network/networksecuritygroups/securityrules", "Microsoft.Network/networkSecurityGroups/securityRules/access", "properties.access"},
		{"Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/sku.name", "sku.name"},
		{"Microsoft.KeyVault/vaults", "Microsoft.Keyvault/vaults/sku.name", "properties.sku.name"},
		{"Microsoft.Compute/virtualMachines", "Microsoft.Compute/imageOffer", "properties.storageProfile.imageReference.offer"},
		{"Microsoft.Compute/virtualMachineScaleSets", "Microsoft.Compute/imageOffer", ""},
	} {
		got, err := tbl.ResolveAlias(tc.typ, tc.alias)
		if err != nil || got != tc.want {
			t.Errorf("%s on %s: got %q, %v; want %q", tc.alias, tc.typ, got, err, tc.want)
		}
	}
	for _, bad := range []string{"Microsoft.Network", "Microsoft.Network/vnets/", "Microsoft.X/y/a[0]"} {
		if _, err := tbl.ResolveAlias("Microsoft.X/y", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// Users add a tenant's aliases from `az provider show --namespace X --expand
// "resourceTypes/aliases"` (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias,
// read 2026-12-02); an entry replaces the generic rule for its type.
func TestAddProviderJSON(t *testing.T) {
	provider := `{"namespace": "Microsoft.Contoso", "resourceTypes": [{"resourceType": "widgets", "aliases": [
		{"name": "Microsoft.Contoso/widgets/color", "defaultPath": "properties.appearance.color", "paths": [{"path": "properties.appearance.color", "apiVersions": ["2024-01-01"]}]},
		{"name": "Microsoft.Contoso/widgets/size", "paths": [{"path": "properties.dimensions.size"}]}]}]}`
	tbl := DefaultAliases()
	n, err := tbl.AddProviderJSON([]byte(provider), "az provider show --namespace Microsoft.Contoso")
	if err != nil || n != 2 {
		t.Fatalf("added %d: %v", n, err)
	}
	d := mustParse(t, definitionJSON(`{"allOf": [{"field": "Microsoft.Contoso/widgets/color", "equals": "red"}, {"field": "Microsoft.Contoso/widgets/size", "equals": 3}]}`, ""))
	p, err := d.Bind(nil, tbl)
	if err != nil {
		t.Fatal(err)
	}
	res := NewResource(jsonMap(t, `{"type": "Microsoft.Contoso/widgets", "properties": {"appearance": {"color": "RED"}, "dimensions": {"size": 3}}}`))
	if r := p.Evaluate(res, nil); r.Outcome != NonCompliant {
		t.Fatalf("got %v: %s", r.Outcome, r.Reason())
	}
	if r := mustBind(t, d, nil).Evaluate(res, nil); r.Outcome != Compliant {
		t.Fatalf("without the entries the generic rule reads properties.color: %v", r.Outcome)
	}
	if _, err := NewAliasTable().AddProviderJSON([]byte(`{"resourceTypes": []}`), "x"); err == nil || !strings.Contains(err.Error(), "an entry has no namespace") {
		t.Fatalf("no namespace: %v", err)
	}
	if _, err := NewAliasTable().AddProviderJSON([]byte(`not json`), "x"); err == nil || !strings.Contains(err.Error(), "not `az provider show --expand resourceTypes/aliases` JSON") {
		t.Fatalf("bad json: %v", err)
	}
}
