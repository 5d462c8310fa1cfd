package azurepolicy

import (
	"encoding/json"
	"testing"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/policypack/azpolicy"
)

// libraryPolicy binds a custom definition of the embedded library with its
// parameters' defaults and the effect Deny, as the enforce level assigns it.
func libraryPolicy(t *testing.T, name string, params map[string]any) *azpolicy.Policy {
	t.Helper()
	d, ok := policybaseline.DefaultLibrary().Definitions[name]
	if !ok {
		t.Fatalf("the library has no custom definition %s", name)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	def, err := azpolicy.ParseDefinition(b)
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	if params == nil {
		params = map[string]any{}
	}
	if _, ok := params["effect"]; !ok {
		params["effect"] = "Deny"
	}
	pol, err := def.Bind(params, nil)
	if err != nil {
		t.Fatalf("%s does not bind: %v", name, err)
	}
	return pol
}

// verdict evaluates a policy against an ARM-shaped resource.
func verdict(pol *azpolicy.Policy, arm map[string]any) azpolicy.Result {
	return pol.Evaluate(azpolicy.NewResource(arm), &azpolicy.Context{})
}

// clone deep-copies a JSON-shaped value.
func clone[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}
