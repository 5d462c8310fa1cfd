package azpolicy

import (
	"fmt"
	"testing"
)

// Conditions, as documented in "Azure Policy definition structure policy rule",
// section Conditions and Fields
// (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions,
// read 2026-12-02): match/notMatch are case-sensitive, every other condition on a
// string is not; like takes '*'; match takes '#' (digit), '?' (letter), '.' (any
// character); less/greater on mismatched types is an error; location is
// normalized ("East US 2" is "eastus2").
func TestOperators(t *testing.T) {
	res := jsonMap(t, `{
		"type": "Microsoft.Test/things", "name": "Prefix_Web01", "location": "eastus2", "kind": "StorageV2",
		"tags": {"Env": "Prod", "cost.center": "42"},
		"properties": {"count": 7, "list": ["a", "B"], "when": "2024-03-01T10:00:00Z", "flag": true}
	}`)
	cases := []struct {
		cond, want string
	}{
		// equals / notEquals
		{`{"field": "name", "equals": "prefix_web01"}`, "true"},
		{`{"field": "name", "notEquals": "PREFIX_WEB01"}`, "false"},
		{`{"field": "Microsoft.Test/things/count", "equals": 7}`, "true"},
		{`{"field": "Microsoft.Test/things/count", "equals": "7"}`, "true"},
		{`{"field": "Microsoft.Test/things/flag", "equals": "true"}`, "true"},
		{`{"value": "[less(length(field('tags')), 3)]", "equals": "true"}`, "true"},
		{`{"field": "Microsoft.Test/things/missing", "equals": ""}`, "false"},
		{`{"field": "Microsoft.Test/things/missing", "notEquals": "x"}`, "true"},
		{`{"field": "Microsoft.Test/things/list", "equals": ["A", "b"]}`, "true"},
		// like / notLike
		{`{"field": "name", "like": "PREFIX_*"}`, "true"},
		{`{"field": "name", "like": "*web01"}`, "true"},
		{`{"field": "name", "like": "pre*_*01"}`, "true"},
		{`{"field": "name", "like": "app*"}`, "false"},
		{`{"field": "name", "like": "*"}`, "true"},
		{`{"field": "name", "like": "p*_*w*1"}`, "true"},
		{`{"field": "name", "like": "pre*web*02"}`, "false"},
		{`{"field": "name", "notLike": "app*"}`, "true"},
		{`{"field": "Microsoft.Test/things/count", "like": "7*"}`, "false"},
		// match family
		{`{"field": "name", "match": "??????_???##"}`, "true"},
		{`{"field": "name", "match": "prefix_web01"}`, "false"},
		{`{"field": "name", "matchInsensitively": "prefix_web##"}`, "true"},
		{`{"field": "name", "match": "Prefix.Web01"}`, "true"},
		{`{"field": "name", "match": "Prefix_Web0"}`, "false"},
		{`{"field": "name", "notMatch": "prefix_web01"}`, "true"},
		{`{"field": "name", "notMatchInsensitively": "prefix_web01"}`, "false"},
		// contains / notContains
		{`{"field": "name", "contains": "WEB"}`, "true"},
		{`{"field": "name", "notContains": "db"}`, "true"},
		{`{"field": "Microsoft.Test/things/list", "contains": "b"}`, "true"},
		{`{"field": "Microsoft.Test/things/list", "notContains": "c"}`, "true"},
		// in / notIn
		{`{"field": "kind", "in": ["storagev2", "BlobStorage"]}`, "true"},
		{`{"field": "kind", "notIn": ["storagev2"]}`, "false"},
		{`{"field": "kind", "in": "StorageV2"}`, "error"},
		// containsKey / notContainsKey (tag names ignore case)
		{`{"field": "tags", "containsKey": "env"}`, "true"},
		{`{"field": "tags", "notContainsKey": "owner"}`, "true"},
		{`{"field": "name", "containsKey": "x"}`, "false"},
		// less, lessOrEquals, greater, greaterOrEquals
		{`{"field": "Microsoft.Test/things/count", "less": 8}`, "true"},
		{`{"field": "Microsoft.Test/things/count", "lessOrEquals": 7}`, "true"},
		{`{"field": "Microsoft.Test/things/count", "greater": 7}`, "false"},
		{`{"field": "Microsoft.Test/things/count", "greaterOrEquals": 7}`, "true"},
		{`{"field": "name", "greater": "prefix_a"}`, "true"},
		{`{"field": "Microsoft.Test/things/when", "less": "2024-06-01"}`, "true"},
		{`{"field": "Microsoft.Test/things/when", "greaterOrEquals": "2024-03-01T10:00:00.0000000Z"}`, "true"},
		{`{"field": "Microsoft.Test/things/count", "less": "8"}`, "error"},
		{`{"field": "Microsoft.Test/things/missing", "less": 8}`, "false"},
		// exists, with a boolean or a string
		{`{"field": "tags['cost.center']", "exists": true}`, "true"},
		{`{"field": "tags.owner", "exists": "false"}`, "true"},
		{`{"field": "Microsoft.Test/things/missing", "exists": "True"}`, "false"},
		{`{"field": "Microsoft.Test/things/flag", "exists": "maybe"}`, "error"},
		// location is normalized
		{`{"field": "location", "equals": "East US 2"}`, "true"},
		{`{"field": "location", "in": ["West US", "East US 2"]}`, "true"},
		// operator names are case-insensitive, as the documentation's own examples write them
		{`{"field": "name", "Equals": "prefix_web01"}`, "true"},
	}
	for _, tc := range cases {
		t.Run(tc.cond, func(t *testing.T) {
			r := evalIf(t, tc.cond, res)
			if got := truth(r); got != tc.want {
				t.Errorf("got %s, want %s (%s)", got, tc.want, r.Reason())
			}
		})
	}
}

// The parser refuses conditions Azure refuses at authoring: no operator, an
// unknown operator, two operators, two subjects.
func TestConditionStructureErrors(t *testing.T) {
	cases := []struct{ cond, want string }{
		{`{"field": "name"}`, `policyRule.if: a condition needs exactly one operator`},
		{`{"field": "name", "equal": "x"}`, `policyRule.if: "equal" is not a condition operator; use one of equals, notEquals`},
		{`{"field": "name", "equals": "x", "like": "y"}`, `policyRule.if: a condition needs exactly one operator (equals`},
		{`{"field": "name", "value": "x", "equals": "x"}`, `policyRule.if: a condition has one of field, value or count; found field and value`},
		{`{"allOf": [{"field": "name", "equals": "x"}, {"equals": "y"}]}`, `policyRule.if.allOf[1]: a condition needs field, value or count`},
		{`{"anyOf": {"field": "name", "equals": "x"}}`, `policyRule.if.anyOf: expected an array of conditions, got an object`},
		{`{"not": {"field": "sku.name", "equals": "x"}}`, `policyRule.if.not.field: field "sku.name" is neither a resource field`},
		{`{"count": {"field": "Microsoft.Test/things/list"}, "equals": 1}`, `policyRule.if.count: field must be an array alias ending in [*]`},
		{`{"count": {"value": [1], "field": "Microsoft.Test/things/list[*]"}, "equals": 1}`, `policyRule.if.count: a count has exactly one of field`},
		{`{"value": "[concat('a']", "equals": "x"}`, `[concat('a']: expected ',' or ')' in the arguments of concat`},
	}
	for _, tc := range cases {
		t.Run(tc.cond, func(t *testing.T) {
			_, err := ParseDefinition([]byte(definitionJSON(tc.cond, "")))
			if err == nil || !containsAll(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// Escaped literals: a string starting with "[[" is the literal without the first
// bracket, never an expression
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters,
// read 2026-12-02).
func TestEscapedLiterals(t *testing.T) {
	res := map[string]any{"type": "Microsoft.Test/things", "name": "[parameters('x')]"}
	for _, tc := range []struct{ cond, want string }{
		{`{"field": "name", "equals": "[[parameters('x')]"}`, "true"},
		{`{"value": "[[concat('a', 'b')]", "equals": "[concat('[', 'concat(''a'', ''b'')]')]"}`, "true"},
		{`{"value": "[concat('a'", "equals": "[[concat('a'"}`, "true"},
		{`{"value": "not [an expression]", "equals": "NOT [AN EXPRESSION]"}`, "true"},
		{`{"value": "[concat('a', 'b')]", "equals": "ab"}`, "true"},
	} {
		if got := truth(evalIf(t, tc.cond, res)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.cond, got, tc.want)
		}
	}
}

func ExampleResult_reason() {
	d, _ := ParseDefinition([]byte(`{
		"name": "deny-rdp", "mode": "All",
		"policyRule": {
			"if": {"allOf": [
				{"field": "type", "equals": "Microsoft.Network/networkSecurityGroups/securityRules"},
				{"field": "Microsoft.Network/networkSecurityGroups/securityRules/destinationPortRange", "in": ["22", "3389"]}
			]},
			"then": {"effect": "deny"}
		}}`))
	p, _ := d.Bind(nil, nil)
	r := p.Evaluate(NewResource(map[string]any{
		"type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "rdp",
		"properties": map[string]any{"destinationPortRange": "3389"},
	}), nil)
	fmt.Println(r.Outcome, r.Effect)
	fmt.Println(r.Reason())
	// Output:
	// non-compliant Deny
	// policyRule.if.allOf[1]: field Microsoft.Network/networkSecurityGroups/securityRules/destinationPortRange = "3389" in ["22","3389"]
}
