package standin

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/aiready/aiready/internal/azschema"
)

// TestPackageSchema checks the schema GetSchema answers with (of three modules, to
// keep the test fast; GetSchema reads every module): the resources a YAML program
// binds, with their inputs (required ones marked) and outputs typed by shape, every
// API version's module, and the provider's configuration.
func TestPackageSchema(t *testing.T) {
	azschema.ForTest(t) // skips when the definitions cannot be had
	dir, err := azschema.Dir()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	b, err := packageSchema(dir, []string{"resources", "operationalinsights", "apimanagement"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("schema of %d bytes built in %s", len(b), time.Since(start))
	var pkg struct {
		Name      string `json:"name"`
		Version   string `json:"version"`
		Provider  resourceSpec
		Resources map[string]resourceSpec `json:"resources"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Name != "azure-native" || pkg.Version != AzureNativeVersion {
		t.Errorf("name, version = %s %s, want azure-native %s", pkg.Name, pkg.Version, AzureNativeVersion)
	}
	rg, ok := pkg.Resources["azure-native:resources:ResourceGroup"]
	if !ok {
		t.Fatalf("no azure-native:resources:ResourceGroup among %d resources", len(pkg.Resources))
	}
	if got := rg.InputProperties["location"]; got.Type != "string" {
		t.Errorf("ResourceGroup input location = %+v, want a string", got)
	}
	if got := rg.InputProperties["tags"]; got.Type != "object" || got.AdditionalProperties == nil {
		t.Errorf("ResourceGroup input tags = %+v, want a map", got)
	}
	if got := rg.Properties["name"]; got.Type != "string" {
		t.Errorf("ResourceGroup output name = %+v, want a string", got)
	}
	ws := pkg.Resources["azure-native:operationalinsights:Workspace"]
	if got := ws.InputProperties["retentionInDays"]; got.Type != "number" {
		t.Errorf("Workspace input retentionInDays = %+v, want a number", got)
	}
	if got := ws.InputProperties["sku"]; got.Ref != "pulumi.json#/Any" {
		t.Errorf("Workspace input sku = %+v, want Any (an object type)", got)
	}
	if got := ws.RequiredInputs; len(got) != 1 || got[0] != "resourceGroupName" {
		t.Errorf("Workspace required inputs = %v, want [resourceGroupName]", got)
	}
	if _, ok := pkg.Resources["azure-native:apimanagement/v20240501:Backend"]; !ok {
		t.Error("no explicit-version resource azure-native:apimanagement/v20240501:Backend")
	}
	if _, ok := pkg.Resources["azure-native:resources:GetResourceGroup"]; ok {
		t.Error("the function getResourceGroup is listed as a resource")
	}
	if got := pkg.Provider.InputProperties["subscriptionId"]; got.Type != "string" {
		t.Errorf("provider input subscriptionId = %+v, want a string", got)
	}
}
