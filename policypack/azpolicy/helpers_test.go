package azpolicy

import (
	"encoding/json"
	"strings"
	"testing"
)

// definitionJSON wraps an if condition in a flat definition (mode All, effect
// from the effect parameter, default Deny) with extra parameter declarations.
func definitionJSON(ifJSON, params string) string {
	if params == "" {
		params = "{}"
	}
	var decl map[string]any
	if err := json.Unmarshal([]byte(params), &decl); err != nil {
		panic(err)
	}
	decl["effect"] = map[string]any{"type": "String", "defaultValue": "Deny"}
	p, _ := json.Marshal(decl)
	return `{"name": "test", "displayName": "Test", "mode": "All", "parameters": ` + string(p) +
		`, "policyRule": {"if": ` + ifJSON + `, "then": {"effect": "[parameters('effect')]"}}}`
}

func mustParse(t testing.TB, doc string) *Definition {
	t.Helper()
	d, err := ParseDefinition([]byte(doc))
	if err != nil {
		t.Fatalf("ParseDefinition: %v", err)
	}
	return d
}

func mustBind(t testing.TB, d *Definition, params map[string]any) *Policy {
	t.Helper()
	p, err := d.Bind(params, nil)
	if err != nil {
		t.Fatalf("Bind: %v", err)
	}
	return p
}

// evalIf evaluates an if condition against an ARM resource.
func evalIf(t testing.TB, ifJSON string, arm map[string]any) Result {
	t.Helper()
	return evalIfWith(t, ifJSON, "", nil, arm, nil)
}

func evalIfWith(t testing.TB, ifJSON, params string, values map[string]any, arm map[string]any, ctx *Context) Result {
	t.Helper()
	p := mustBind(t, mustParse(t, definitionJSON(ifJSON, params)), values)
	return p.Evaluate(NewResource(arm), ctx)
}

// jsonMap decodes a JSON object for resource literals.
func jsonMap(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("resource JSON: %v", err)
	}
	return m
}

// matches is shorthand: a condition is true (non-compliant under Deny), false
// (compliant), unknown (cannot verify) or an error (implicit deny).
func truth(r Result) string {
	switch r.Outcome {
	case NonCompliant:
		return "true"
	case Compliant:
		return "false"
	case CannotVerify:
		return "unknown"
	case ImplicitDeny:
		return "error"
	}
	return r.Outcome.String()
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
