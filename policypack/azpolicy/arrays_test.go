package azpolicy

import (
	"testing"
)

// docResource is the example resource content of "Author policies for array
// properties", section "Referencing the array members collection"
// (https://learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays,
// read 2026-12-02).
const docResource = `{
	"type": "Microsoft.Test/resourceType", "name": "example",
	"tags": {"env": "prod"},
	"properties": {
		"stringArray": ["a", "b", "c"],
		"objectArray": [
			{"property": "value1", "nestedArray": [1, 2]},
			{"property": "value2", "nestedArray": [3, 4]}
		]
	}
}`

// The article's table of what field() returns: a missing property is "", a [*]
// alias an array of the selected values, nested [*] flattened.
func TestFieldFunctionOnArrays(t *testing.T) {
	res := NewResource(jsonMap(t, docResource))
	for _, tc := range []struct{ alias, want string }{
		{"Microsoft.Test/resourceType/missingArray", `""`},
		{"Microsoft.Test/resourceType/missingArray[*]", "[]"},
		{"Microsoft.Test/resourceType/missingArray[*].property", "[]"},
		{"Microsoft.Test/resourceType/stringArray", `["a","b","c"]`},
		{"Microsoft.Test/resourceType/stringArray[*]", `["a","b","c"]`},
		{"Microsoft.Test/resourceType/objectArray[*]", `[{"nestedArray":[1,2],"property":"value1"},{"nestedArray":[3,4],"property":"value2"}]`},
		{"Microsoft.Test/resourceType/objectArray[*].property", `["value1","value2"]`},
		{"Microsoft.Test/resourceType/objectArray[*].nestedArray", "[[1,2],[3,4]]"},
		{"Microsoft.Test/resourceType/objectArray[*].nestedArray[*]", "[1,2,3,4]"},
	} {
		v, err := evalExpr(t, "[field('"+tc.alias+"')]", nil, nil, res)
		if err != nil || Render(v) != tc.want {
			t.Errorf("field('%s') = %s, %v; want %s", tc.alias, Render(v), err, tc.want)
		}
	}
}

// A field condition on a [*] alias holds when every selected value satisfies it
// ("The field condition has an implicit 'all of' behavior"); missingArray[*]
// selects "an empty collection of values", so such a condition is true on a
// missing or empty array, whatever the operator. The ipRules table of the
// article's earlier "Evaluating the [*] alias" section (the same semantics) gives
// the eight outcomes of equals/notEquals with and without not.
func TestFieldConditionOnArrays(t *testing.T) {
	res := jsonMap(t, docResource)
	for _, tc := range []struct{ cond, want string }{
		{`{"field": "Microsoft.Test/resourceType/stringArray[*]", "equals": "a"}`, "false"},
		{`{"field": "Microsoft.Test/resourceType/stringArray[*]", "in": ["a", "b", "c"]}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/objectArray[*].property", "like": "value*"}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]", "less": 5}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]", "less": 4}`, "false"},
		{`{"field": "Microsoft.Test/resourceType/missingArray[*]", "equals": "anything"}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/missingArray[*].property", "notEquals": "anything"}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/missingArray[*].property", "exists": true}`, "true"},
		{`{"not": {"field": "Microsoft.Test/resourceType/missingArray[*]", "notEquals": "x"}}`, "false"},
		{`{"field": "Microsoft.Test/resourceType/missingArray", "exists": false}`, "true"},
		{`{"field": "Microsoft.Test/resourceType/objectArray[*].other", "exists": false}`, "true"},
	} {
		if got := truth(evalIf(t, tc.cond, res)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.cond, got, tc.want)
		}
	}
	storage := jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "properties": {"networkAcls": {"ipRules": [
		{"value": "127.0.0.1", "action": "Allow"}, {"value": "192.168.1.1", "action": "Allow"}]}}}`)
	const f = `"field": "Microsoft.Storage/storageAccounts/networkAcls.ipRules[*].value"`
	for _, tc := range []struct{ cond, want string }{
		{`{` + f + `, "notEquals": "127.0.0.1"}`, "false"},
		{`{` + f + `, "notEquals": "10.0.4.1"}`, "true"},
		{`{"not": {` + f + `, "equals": "127.0.0.1"}}`, "true"},
		{`{"not": {` + f + `, "equals": "10.0.4.1"}}`, "true"},
		{`{"not": {` + f + `, "notEquals": "127.0.0.1"}}`, "true"},
		{`{"not": {` + f + `, "notEquals": "10.0.4.1"}}`, "false"},
		{`{` + f + `, "equals": "127.0.0.1"}`, "false"},
		{`{` + f + `, "equals": "10.0.4.1"}`, "false"},
	} {
		if got := truth(evalIf(t, tc.cond, storage)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.cond, got, tc.want)
		}
	}
	empty := jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "properties": {"networkAcls": {"ipRules": []}}}`)
	if got := truth(evalIf(t, `{`+f+`, "equals": "10.0.4.1"}`, empty)); got != "true" {
		t.Errorf("[*] condition on an empty array: got %s, want true", got)
	}
}

// Count: without where it counts the members (nested arrays flattened); with
// where each member is evaluated "as if it were the only member of the array";
// where can read fields outside the array; counts nest; field() of the counted
// alias inside where returns an array with one member (hence first()); the
// policy rule article's field count and value count examples
// (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#count,
// read 2026-12-02).
func TestCount(t *testing.T) {
	res := jsonMap(t, docResource)
	const s, o = `"Microsoft.Test/resourceType/stringArray[*]"`, `"Microsoft.Test/resourceType/objectArray[*]"`
	for _, tc := range []struct{ cond, want string }{
		{`{"count": {"field": ` + s + `}, "equals": 3}`, "true"},
		{`{"count": {"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]"}, "greaterOrEquals": 4}`, "true"},
		{`{"count": {"field": "Microsoft.Test/resourceType/missingArray[*]"}, "equals": 0}`, "true"},
		{`{"count": {"field": ` + s + `, "where": {"field": ` + s + `, "equals": "a"}}, "equals": 1}`, "true"},
		{`{"count": {"field": ` + o + `, "where": {"allOf": [
			{"field": "Microsoft.Test/resourceType/objectArray[*].property", "equals": "value2"},
			{"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]", "greater": 2}]}}, "equals": 1}`, "true"},
		{`{"count": {"field": ` + o + `, "where": {"field": "tags.env", "equals": "prod"}}, "equals": 2}`, "true"},
		{`{"count": {"field": ` + o + `, "where": {"allOf": [
			{"field": "Microsoft.Test/resourceType/objectArray[*].property", "equals": "value2"},
			{"count": {"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]",
				"where": {"field": "Microsoft.Test/resourceType/objectArray[*].nestedArray[*]", "equals": 3}}, "greater": 0}]}}, "equals": 1}`, "true"},
		{`{"count": {"field": ` + s + `, "where": {"field": ` + s + `, "equals": "[field('Microsoft.Test/resourceType/stringArray[*]')]"}}, "equals": 0}`, "true"},
		{`{"count": {"field": ` + s + `, "where": {"field": ` + s + `, "equals": "[first(field('Microsoft.Test/resourceType/stringArray[*]'))]"}}, "equals": 3}`, "true"},
		{`{"count": {"field": ` + s + `, "where": {"field": ` + s + `, "equals": "a"}}, "equals": "[length(field('Microsoft.Test/resourceType/stringArray[*]'))]"}`, "false"},
		{`{"count": {"value": ["prefix1_*", "exam*"], "name": "pattern", "where": {"field": "name", "like": "[current('pattern')]"}}, "greater": 0}`, "true"},
		{`{"count": {"value": ["prefix1_*", "prefix2_*"], "where": {"field": "name", "like": "[current()]"}}, "greater": 0}`, "false"},
		{`{"count": {"value": "[createArray(1, 2, 3)]", "where": {"value": "[current()]", "greater": 1}}, "equals": 2}`, "true"},
		{`{"count": {"value": "not an array"}, "equals": 0}`, "error"},
	} {
		r := evalIf(t, tc.cond, res)
		if got := truth(r); got != tc.want {
			t.Errorf("%s: got %s, want %s (%s)", tc.cond, got, tc.want, r.Reason())
		}
	}
}

// current(): the member of the enclosing value count by its index name, of a field
// count by its array alias, a property of that member by an alias below it; an
// inner value count reading the outer field count's member (the article's example
// 4 with approved prefixes, and the reserved NSG rules example 5).
func TestCurrent(t *testing.T) {
	vnet := jsonMap(t, `{"type": "Microsoft.Network/virtualNetworks", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/24", "192.168.0.0/24"]}}}`)
	const prefixes = `"Microsoft.Network/virtualNetworks/addressSpace.addressPrefixes[*]"`
	for _, tc := range []struct{ cond, want string }{
		{`{"count": {"field": ` + prefixes + `, "where": {"value": "[ipRangeContains('10.0.0.0/16', current(` + singleQuoted(prefixes) + `))]", "equals": false}}, "greater": 0}`, "true"},
		{`{"count": {"field": ` + prefixes + `, "where": {"value": "[ipRangeContains('10.0.0.0/16', first(field(` + singleQuoted(prefixes) + `)))]", "equals": false}}, "equals": 1}`, "true"},
		{`{"count": {"field": ` + prefixes + `, "where": {"count": {"value": ["10.0.0.0/8", "192.168.0.0/16"], "name": "approved",
			"where": {"value": "[ipRangeContains(current('approved'), current(` + singleQuoted(prefixes) + `))]", "equals": true}}, "equals": 0}}, "greater": 0}`, "false"},
	} {
		r := evalIf(t, tc.cond, vnet)
		if got := truth(r); got != tc.want {
			t.Errorf("%s: got %s, want %s (%s)", tc.cond, got, tc.want, r.Reason())
		}
	}
	nsg := jsonMap(t, `{"type": "Microsoft.Network/networkSecurityGroups", "properties": {"securityRules": [
		{"name": "r1", "properties": {"priority": 101, "access": "Deny", "direction": "Inbound", "destinationPortRange": "22"}},
		{"name": "r2", "properties": {"priority": 102, "access": "Deny", "direction": "Inbound", "destinationPortRange": "3389"}}]}}`)
	reserved := `{"count": {"value": "[parameters('reserved')]", "name": "rule", "where": {"count": {
		"field": "Microsoft.Network/networkSecurityGroups/securityRules[*]", "where": {"allOf": [
		{"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].priority", "equals": "[current('rule').priority]"},
		{"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].access", "equals": "[current('rule').access]"},
		{"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange", "equals": "[current('rule').destinationPortRange]"},
		{"value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*]').name]", "like": "r*"}]}}, "equals": 1}},
		"equals": "[length(parameters('reserved'))]"}`
	rules := []any{
		map[string]any{"priority": 101.0, "access": "deny", "destinationPortRange": 22.0},
		map[string]any{"priority": 102.0, "access": "deny", "destinationPortRange": 3389.0},
	}
	r := evalIfWith(t, reserved, `{"reserved": {"type": "Array"}}`, map[string]any{"reserved": rules}, nsg, nil)
	if truth(r) != "true" {
		t.Errorf("reserved rules: got %s (%s)", truth(r), r.Reason())
	}
	r = evalIf(t, `{"value": "[current('x')]", "equals": 1}`, nsg)
	if r.Outcome != ImplicitDeny || !containsAll(r.Reason(), "current() is only available inside the where of a count") {
		t.Errorf("current outside count: %v %s", r.Outcome, r.Reason())
	}
}

func singleQuoted(doubleQuoted string) string {
	return "'" + doubleQuoted[1:len(doubleQuoted)-1] + "'"
}
