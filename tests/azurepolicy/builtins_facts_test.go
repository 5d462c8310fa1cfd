package azurepolicy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/policybaseline"
)

// olderCopies are built-in definitions copied at an older version than Azure's
// facts record, with why: their fields must then be a subset of Azure's.
var olderCopies = map[string]string{
	"037eea7a-bd0a-46c5-9a66-03aea78705d3": "3.3.0's rule text was not available offline; 3.2.0 is the newest read",
}

// repoDefinition is a definition file in the Azure/azure-policy repository shape.
type repoDefinition struct {
	Name       string `json:"name"`
	Properties struct {
		DisplayName string         `json:"displayName"`
		Mode        string         `json:"mode"`
		Version     string         `json:"version"`
		Parameters  map[string]any `json:"parameters"`
		PolicyRule  map[string]any `json:"policyRule"`
	} `json:"properties"`
}

// TestBuiltInCopiesMatchAzureFacts: the built-in definitions the tests supply
// as a tenant's export declare what Azure's facts (the library's embedded copy)
// say: display name, mode, version, effect expression, parameters (type,
// allowed values, default) and the fields the rule reads.
func TestBuiltInCopiesMatchAzureFacts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(tenantDir, "builtins", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in copies (%v)", err)
	}
	facts := policybaseline.DefaultBuiltIns()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var d repoDefinition
			b, err := os.ReadFile(file)
			if err == nil {
				err = json.Unmarshal(b, &d)
			}
			if err != nil {
				t.Fatal(err)
			}
			want, ok := facts.Definition(d.Name)
			if !ok {
				t.Fatalf("%s is not among Azure's facts the library carries", d.Name)
			}
			def := policybaseline.Definition{Name: d.Name, DisplayName: d.Properties.DisplayName, Mode: d.Properties.Mode,
				Parameters: d.Properties.Parameters, PolicyRule: d.Properties.PolicyRule}
			got, err := def.Facts()
			if err != nil {
				t.Fatal(err)
			}
			compareFacts(t, d, got, want)
		})
	}
}

func compareFacts(t *testing.T, d repoDefinition, got, want *policybaseline.DefinitionFacts) {
	t.Helper()
	if got.DisplayName != want.DisplayName || got.Mode != want.Mode || got.Effect != want.Effect {
		t.Errorf("displayName/mode/effect %q/%q/%q; Azure's: %q/%q/%q", got.DisplayName, got.Mode, got.Effect, want.DisplayName, want.Mode, want.Effect)
	}
	for name, w := range want.Parameters {
		g, ok := got.Parameters[name]
		if !ok {
			t.Errorf("parameter %s missing", name)
			continue
		}
		if !strings.EqualFold(g.Type, w.Type) || !reflect.DeepEqual(g.AllowedValues, w.AllowedValues) ||
			g.HasDefault != w.HasDefault || !reflect.DeepEqual(g.DefaultValue, w.DefaultValue) {
			t.Errorf("parameter %s: %+v; Azure's: %+v", name, g, w)
		}
	}
	for name := range got.Parameters {
		if _, ok := want.Parameters[name]; !ok {
			t.Errorf("parameter %s is not Azure's", name)
		}
	}
	fields := ruleFields(d.Properties.PolicyRule)
	why, older := olderCopies[d.Name]
	for _, f := range fields {
		if !slices.ContainsFunc(want.Fields, func(w string) bool { return strings.EqualFold(w, f) }) {
			t.Errorf("the rule reads %s, which Azure's does not (it reads %v)", f, want.Fields)
		}
	}
	if older {
		t.Logf("%s: copied at %s, Azure's facts are at %s: %s", d.Name, d.Properties.Version, want.Version, why)
		return
	}
	if d.Properties.Version != want.Version {
		t.Errorf("version %s; Azure's %s", d.Properties.Version, want.Version)
	}
	if len(fields) != len(want.Fields) {
		t.Errorf("the rule reads %v; Azure's reads %v", fields, want.Fields)
	}
}

// ruleFields are the fields a policy rule's conditions read (field and
// count.field), sorted and unique.
func ruleFields(rule map[string]any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && strings.EqualFold(k, "field") && !strings.HasPrefix(s, "[") {
					out = append(out, s)
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(rule["if"])
	slices.Sort(out)
	return slices.Compact(out)
}
