package azpolicy

import "testing"

// Values unknown at preview (Pulumi's computed values) are Unknown: a condition
// that reads one is unknown unless the logic decides without it (allOf with a
// false member is false, anyOf with a true member is true), and the outcome is
// then CannotVerify, never a pass. Azure itself never sees unknown values; this
// follows the design's rule "values unknown at preview are reported as not
// verifiable" (shared DESIGN.md) over the documented two-valued logic.
func TestUnknownValues(t *testing.T) {
	res := map[string]any{
		"type": "Microsoft.Test/things", "name": Unknown, "location": "eastus",
		"properties": map[string]any{
			"known": "x", "later": Unknown, "list": []any{"a", Unknown}, "items": Unknown,
			"rules": []any{map[string]any{"p": "match"}, map[string]any{"p": Unknown}},
		},
	}
	const k, u = `{"field": "Microsoft.Test/things/known", "equals": "x"}`, `{"field": "Microsoft.Test/things/later", "equals": "x"}`
	const kf = `{"field": "Microsoft.Test/things/known", "equals": "y"}`
	for _, tc := range []struct{ name, cond, want string }{
		{"unknown field", u, "unknown"},
		{"unknown name", `{"field": "name", "like": "app*"}`, "unknown"},
		{"exists on unknown", `{"field": "Microsoft.Test/things/later", "exists": true}`, "unknown"},
		{"allOf false then unknown", `{"allOf": [` + kf + `, ` + u + `]}`, "false"},
		{"allOf unknown then false", `{"allOf": [` + u + `, ` + kf + `]}`, "false"},
		{"allOf true and unknown", `{"allOf": [` + k + `, ` + u + `]}`, "unknown"},
		{"anyOf unknown then true", `{"anyOf": [` + u + `, ` + k + `]}`, "true"},
		{"anyOf unknown and false", `{"anyOf": [` + u + `, ` + kf + `]}`, "unknown"},
		{"not unknown", `{"not": ` + u + `}`, "unknown"},
		{"[*] with a false member", `{"field": "Microsoft.Test/things/list[*]", "equals": "b"}`, "false"},
		{"[*] true and unknown members", `{"field": "Microsoft.Test/things/list[*]", "in": ["a", "b"]}`, "unknown"},
		{"[*] over an unknown array", `{"field": "Microsoft.Test/things/items[*]", "equals": "a"}`, "unknown"},
		{"count decided despite an unknown member", `{"count": {"field": "Microsoft.Test/things/rules[*]", "where": {"field": "Microsoft.Test/things/rules[*].p", "equals": "match"}}, "greater": 0}`, "true"},
		{"count depends on the unknown member", `{"count": {"field": "Microsoft.Test/things/rules[*]", "where": {"field": "Microsoft.Test/things/rules[*].p", "equals": "match"}}, "equals": 1}`, "unknown"},
		{"count of an unknown array", `{"count": {"field": "Microsoft.Test/things/items[*]"}, "equals": 0}`, "unknown"},
		{"function of an unknown", `{"value": "[concat(field('Microsoft.Test/things/later'), '-x')]", "equals": "a-x"}`, "unknown"},
		{"and() decided by false", `{"value": "[and(false, equals(field('Microsoft.Test/things/later'), 'x'))]", "equals": true}`, "false"},
		{"or() decided by true", `{"value": "[or(true, equals(field('Microsoft.Test/things/later'), 'x'))]", "equals": true}`, "true"},
		{"if() on an unknown", `{"value": "[if(equals(field('Microsoft.Test/things/later'), 'x'), 1, 2)]", "equals": 1}`, "unknown"},
		{"length of an array holding an unknown", `{"value": "[length(field('Microsoft.Test/things/list'))]", "equals": 2}`, "true"},
		{"unknown then an error", `{"allOf": [` + u + `, {"value": "[int('x')]", "equals": 1}]}`, "unknown"},
		{"false then an error", `{"allOf": [` + kf + `, {"value": "[int('x')]", "equals": 1}]}`, "false"},
		{"an error then false", `{"allOf": [{"value": "[int('x')]", "equals": 1}, ` + kf + `]}`, "error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evalIf(t, tc.cond, res)
			if got := truth(r); got != tc.want {
				t.Fatalf("got %s, want %s (%s)", got, tc.want, r.Reason())
			}
			if tc.want == "unknown" && !containsAll(r.Reason(), "unknown at preview") {
				t.Fatalf("reason does not say a value is unknown: %s", r.Reason())
			}
		})
	}
}

// A parameter whose value is unknown at preview (an output of another resource)
// binds unchecked and makes the conditions that read it unknown.
func TestUnknownParameter(t *testing.T) {
	r := evalIfWith(t, `{"field": "Microsoft.Network/virtualNetworks/ddosProtectionPlan.id", "equals": "[parameters('plan')]"}`,
		`{"plan": {"type": "String", "allowedValues": ["a"]}}`, map[string]any{"plan": Unknown},
		map[string]any{"type": "Microsoft.Network/virtualNetworks", "properties": map[string]any{"ddosProtectionPlan": map[string]any{"id": "a"}}}, nil)
	if r.Outcome != CannotVerify {
		t.Fatalf("got %v: %s", r.Outcome, r.Reason())
	}
}
