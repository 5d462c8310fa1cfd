package azimport

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
)

const sub = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01"

func TestReadFixtures(t *testing.T) {
	imp, err := Read(filepath.Join("testdata", "listings"), catalog.Default(), sub, "2026-12-02")
	if err != nil {
		t.Fatal(err)
	}
	east, west := imp.Regions["eastus"], imp.Regions["westus"]
	if len(imp.Regions) != 2 {
		t.Fatalf("regions = %v", imp.Regions)
	}
	// Azure OpenAI models only: the Microsoft-format Phi-4 is left out; a SKU that is
	// no deployment type (FineTune) is left out.
	if _, ok := east.Models["Phi-4"]; ok {
		t.Error("a model of another format was imported")
	}
	if got := east.Models["text-embedding-3-small"]["1"].DeploymentTypes; !reflect.DeepEqual(got, []string{"Standard", "GlobalStandard"}) {
		t.Errorf("text-embedding-3-small deployment types = %v", got)
	}
	// A model with no Standard SKU.
	if got := east.Models["gpt-5"]["2025-08-07"].DeploymentTypes; !reflect.DeepEqual(got, []string{"GlobalStandard", "DataZoneStandard"}) {
		t.Errorf("gpt-5 deployment types = %v", got)
	}
	// Lifecycle: status, deprecation.inference, a SKU's deprecationDate.
	lc := east.Models["gpt-4o"]["2024-11-20"].Lifecycle
	if lc == nil || lc.Status != catalog.StatusGenerallyAvailable || lc.Retirement != "2027-03-01" || lc.RetirementFor("Standard") != "2027-01-15" {
		t.Errorf("gpt-4o 2024-11-20 lifecycle = %+v", lc)
	}
	if lc := east.Models["gpt-4o"]["2024-05-13"].Lifecycle; lc == nil || lc.Status != catalog.StatusDeprecated {
		t.Errorf("gpt-4o 2024-05-13 lifecycle = %+v", lc)
	}
	if lc := west.Models["gpt-4o"]["2024-08-06"].Lifecycle; lc == nil || lc.Status != catalog.StatusDeprecating {
		t.Errorf("gpt-4o 2024-08-06 lifecycle = %+v", lc)
	}
	// Quotas by usageName, a quota at its limit, other services' usages left out.
	if q := east.Quotas["gpt-4o"]["Standard"]; q != (catalog.ImportedQuota{Limit: 150, Used: 150}) {
		t.Errorf("eastus gpt-4o Standard quota = %+v", q)
	}
	if q := west.Quotas["gpt-4o"]["Standard"]; q != (catalog.ImportedQuota{Limit: 150, Used: 140}) {
		t.Errorf("westus gpt-4o Standard quota = %+v", q)
	}
	// westus's text-embedding-3-small SKU has no usageName: the usage's own name counts.
	if q := west.Quotas["text-embedding-3-small"]["Standard"]; q != (catalog.ImportedQuota{Limit: 350}) {
		t.Errorf("westus text-embedding-3-small quota = %+v", q)
	}
	if len(east.Quotas) != 2 {
		t.Errorf("eastus quotas = %v", east.Quotas)
	}
	// Providers: display names mapped to the catalog's regions, unknown ones left out.
	want := map[string][]string{catalog.ServiceSearch: {"eastus", "swedencentral", "westus"}, catalog.ServiceML: {"eastus", "eastus2", "westus"}}
	if !reflect.DeepEqual(imp.Services, want) {
		t.Errorf("services = %v, want %v", imp.Services, want)
	}
}

// withFile copies the fixtures to a temporary directory and replaces (or, with
// text "", removes) one file.
func withFile(t *testing.T, name, text string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "listings")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if text == "" {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadRejectsMalformedListings(t *testing.T) {
	model := func(m string) string {
		return `[{"kind": "OpenAI", "model": ` + m + `}]`
	}
	cases := []struct{ name, file, text, want string }{
		{"not JSON", "models-eastus.json", `[{"kind": "OpenAI",}]`, `models-eastus.json: $: not JSON (at byte 20`},
		{"not a listing", "models-eastus.json", `"models"`, `models-eastus.json: $: want the az output (an array) or the REST body (an object with value), got a string`},
		{"more pages", "models-westus.json", `{"value": [], "nextLink": "https://management.azure.com/next"}`, `models-westus.json: $.nextLink: the listing has more pages`},
		{"model not an object", "models-eastus.json", model(`"gpt-4o"`), `models-eastus.json: $[0].model: want an object, got a string`},
		{"no model name", "models-eastus.json", model(`{"format": "OpenAI", "version": "1", "skus": []}`), `models-eastus.json: $[0].model.name: want a string, got null`},
		{"sku name a number", "models-eastus.json", model(`{"format": "OpenAI", "name": "gpt-4o", "version": "1", "skus": [{"name": 5}]}`), `models-eastus.json: $[0].model.skus[0].name: want a string, got a number`},
		{"skus missing", "models-eastus.json", model(`{"format": "OpenAI", "name": "gpt-4o", "version": "1"}`), `models-eastus.json: $[0].model.skus: want an array, got null`},
		{"bad date", "models-eastus.json", model(`{"format": "OpenAI", "name": "gpt-4o", "version": "1", "deprecation": {"inference": "soon"}, "skus": []}`), `models-eastus.json: $[0].model.deprecation.inference: "soon" is not a date-time`},
		{"bad status", "models-eastus.json", model(`{"format": "OpenAI", "name": "gpt-4o", "version": "1", "lifecycleStatus": "Beta", "skus": []}`), `models-eastus.json: $[0].model.lifecycleStatus: "Beta" is not a lifecycle status`},
		{"twice", "models-eastus.json", `[{"model": {"format": "OpenAI", "name": "m", "version": "1", "skus": [{"name": "Standard"}]}}, {"model": {"format": "OpenAI", "name": "m", "version": "1", "skus": [{"name": "Standard"}]}}]`, `models-eastus.json: $[1].model: m version 1 is listed twice`},
		{"negative limit", "usages-eastus.json", `[{"name": {"value": "OpenAI.Standard.gpt-4o"}, "currentValue": 1, "limit": -1}]`, `usages-eastus.json: $[0].limit: -1 is not a whole number from 0`},
		{"fractional usage", "usages-eastus.json", `[{"name": {"value": "OpenAI.Standard.gpt-4o"}, "currentValue": 1.5, "limit": 150}]`, `usages-eastus.json: $[0].currentValue: 1.5 is not a whole number from 0`},
		{"usage without name", "usages-eastus.json", `[{"currentValue": 1, "limit": 150}]`, `usages-eastus.json: $[0].name.value: want a string, got null`},
		{"usages missing", "usages-westus.json", "", `usages-westus.json: missing; save az cognitiveservices usage list --location westus beside models-westus.json`},
		{"provider namespace", "provider-Microsoft.Search.json", `{"namespace": "Microsoft.Web", "resourceTypes": []}`, `provider-Microsoft.Search.json: $.namespace: "Microsoft.Web" is not Microsoft.Search`},
		{"provider without the type", "provider-Microsoft.MachineLearningServices.json", `{"namespace": "Microsoft.MachineLearningServices", "resourceTypes": [{"resourceType": "registries", "locations": []}]}`, `provider-Microsoft.MachineLearningServices.json: $.resourceTypes: no resource type workspaces`},
		{"location not a string", "provider-Microsoft.Search.json", `{"namespace": "Microsoft.Search", "resourceTypes": [{"resourceType": "searchServices", "locations": ["East US", 3]}]}`, `provider-Microsoft.Search.json: $.resourceTypes[0].locations[1]: want a string, got a number`},
		{"unknown region", "models-marsnorth.json", `[]`, `models-marsnorth.json: "marsnorth" is not a region of the catalog`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(withFile(t, tc.file, tc.text), catalog.Default(), sub, "2026-12-02")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReadChecksTheImport(t *testing.T) {
	dir := filepath.Join("testdata", "listings")
	if _, err := Read(dir, catalog.Default(), "not-a-guid", "2026-12-02"); err == nil || !strings.Contains(err.Error(), `subscription: "not-a-guid" is not a subscription id`) {
		t.Errorf("error = %v", err)
	}
	if _, err := Read(dir, catalog.Default(), sub, "02/12/2026"); err == nil || !strings.Contains(err.Error(), `date: "02/12/2026" is not a date`) {
		t.Errorf("error = %v", err)
	}
	if _, err := Read(t.TempDir(), catalog.Default(), sub, "2026-12-02"); err == nil || !strings.Contains(err.Error(), "no models-<region>.json") {
		t.Errorf("error = %v", err)
	}
}
