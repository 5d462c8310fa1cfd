package governance_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/provider/governance"
	"github.com/aiready/aiready/provider/internal/constructtest"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	workload = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01"
	hub      = "0a1b2c3d-0000-4000-8000-000000000001"
)

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		p, l     reflect.Type
		excluded []string
	}{
		{reflect.TypeFor[governance.ManagementGroupHierarchyArgs](), reflect.TypeFor[managementgroups.Args](), nil},
		// DefaultValues is a map in the library (checked by TestDefaultValuesAreTheLibrarys).
		{reflect.TypeFor[governance.AIPolicyBaselineArgs](), reflect.TypeFor[policybaseline.Args](), []string{"Library"}},
	} {
		for _, line := range mirror.Coverage(c.p, c.l, c.excluded...) {
			t.Error(line)
		}
	}
	for _, line := range append(
		mirror.OutputCoverage(reflect.TypeFor[governance.ManagementGroupHierarchy](), reflect.TypeFor[managementgroups.ManagementGroupHierarchy]()),
		mirror.OutputCoverage(reflect.TypeFor[governance.AIPolicyBaseline](), reflect.TypeFor[policybaseline.AIPolicyBaseline]())...) {
		t.Error(line)
	}
}

// TestDefaultValuesAreTheLibrarys keeps DefaultValues equal to the library's
// default_values.json: one input per named value.
func TestDefaultValuesAreTheLibrarys(t *testing.T) {
	lib := policybaseline.DefaultLibrary().DefaultValues
	typ := reflect.TypeFor[governance.DefaultValues]()
	names := map[string]bool{}
	for i := range typ.NumField() {
		name, _ := mirror.SchemaName(typ.Field(i))
		names[name] = true
		if _, ok := lib[name]; !ok {
			t.Errorf("DefaultValues.%s (%s) is not a value of the library's default_values.json", typ.Field(i).Name, name)
		}
	}
	for name := range lib {
		if !names[name] {
			t.Errorf("the library's default value %q has no DefaultValues input", name)
		}
	}
}

const hierarchyInputs = `{
  "parentId": "landingzones",
  "platformSubscriptions": {"connectivity": ["` + hub + `"]},
  "groups": [{
    "id": "ai-corp", "archetype": "corp", "subscriptions": ["` + workload + `"],
    "access": {"owners": {"create": true}, "readers": {"objectId": "11111111-2222-3333-4444-555555555555"}}
  }]
}`

func hierarchyArgs() *managementgroups.Args {
	return &managementgroups.Args{
		ParentID:              "landingzones",
		PlatformSubscriptions: managementgroups.PlatformSubscriptions{Connectivity: []string{hub}},
		Groups: []managementgroups.Group{{
			ID: "ai-corp", Archetype: "corp", Subscriptions: []string{workload},
			Access: managementgroups.Access{
				Owners:  managementgroups.EntraGroup{Create: true},
				Readers: managementgroups.EntraGroup{ObjectID: "11111111-2222-3333-4444-555555555555"},
			},
		}},
	}
}

// TestHierarchyIsTheLibrarys constructs the hierarchy through the provider and
// through managementgroups.New: the same resources, and the outputs.
func TestHierarchyIsTheLibrarys(t *testing.T) {
	got, err := constructtest.Provider(t, managementgroups.TypeToken, "ai", hierarchyInputs)
	if err != nil {
		t.Fatal(err)
	}
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := managementgroups.New(ctx, "ai", hierarchyArgs())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)
	ids, _ := got.State["groupIds"].(map[string]any)
	if ids["ai-corp"] != managementgroups.ResourceID("ai-corp") {
		t.Errorf("output groupIds = %v", got.State["groupIds"])
	}
}

// TestHierarchyErrorsNameTheInputs: the library's validation errors, with the
// inputs' schema names.
func TestHierarchyErrorsNameTheInputs(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"parentId": "landingzones"`, `"parentId": "landing zones!"`, `parentId "landing zones!" is not a management group id`},
		{`"subscriptions": ["` + workload + `"]`, `"subscriptions": ["` + hub + `"]`, `groups[0].subscriptions[0] "` + hub + `" is the platform connectivity subscription`},
		{`"owners": {"create": true}`, `"owners": {"create": true, "objectId": "x"}`, `groups[0].access.owners.objectId "x" is not an Entra ID object id`},
	} {
		inputs := strings.Replace(hierarchyInputs, c.from, c.to, 1)
		got, err := constructtest.Provider(t, managementgroups.TypeToken, "ai", inputs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.to, err, c.want)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %v before failing", c.to, got.Resources)
		}
	}
}

const baselineInputs = `{
  "managementGroupId": "ai-corp", "archetype": "corp", "location": "eastus",
  "defaultValues": {
    "allowedLocations": ["eastus", "westus"],
    "allowedModelAssetIds": ["azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"],
    "privateDnsZoneIds": {"openai": "/zones/openai", "cognitiveservices": "/zones/cs", "blob": "/zones/blob", "search": "/zones/search", "vault": "/zones/vault", "azureml": "/zones/ml", "notebooks": "/zones/nb", "aiservices": "/zones/ai"}
  },
  "override": {"assignmentsToRemove": ["Deny-HybridNetworking"]}
}`

// TestBaselineIsTheLibrarys constructs the baseline through the provider and
// through policybaseline.New.
func TestBaselineIsTheLibrarys(t *testing.T) {
	got, err := constructtest.Provider(t, policybaseline.TypeToken, "ai-corp-baseline", baselineInputs)
	if err != nil {
		t.Fatal(err)
	}
	zones := pulumi.StringMap{}
	for k, v := range map[string]string{"openai": "/zones/openai", "cognitiveservices": "/zones/cs", "blob": "/zones/blob", "search": "/zones/search", "vault": "/zones/vault", "azureml": "/zones/ml", "notebooks": "/zones/nb", "aiservices": "/zones/ai"} {
		zones[k] = pulumi.String(v)
	}
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := policybaseline.New(ctx, "ai-corp-baseline", &policybaseline.Args{
			ManagementGroupID: "ai-corp", Archetype: "corp", Location: "eastus",
			DefaultValues: map[string]any{
				"allowedLocations":     []string{"eastus", "westus"},
				"allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
				"privateDnsZoneIds":    zones,
			},
			Override: &policybaseline.Override{AssignmentsToRemove: []string{"Deny-HybridNetworking"}},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)
}

func TestBaselineErrorsNameTheInputs(t *testing.T) {
	inputs := strings.Replace(baselineInputs, `"archetype": "corp"`, `"archetype": "intranet"`, 1)
	_, err := constructtest.Provider(t, policybaseline.TypeToken, "b", inputs)
	if err == nil || !strings.Contains(err.Error(), `"intranet"`) || !strings.Contains(err.Error(), "archetype") {
		t.Errorf("err = %v, want the unknown archetype named", err)
	}
}
