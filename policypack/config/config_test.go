package config

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

func TestEmbeddedCatalogIsTheLibrarysCopy(t *testing.T) {
	// The tests module checks the two files are identical; this checks the embedded
	// bytes are the file in this directory and that it loads.
	onDisk, err := os.ReadFile("catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, CatalogJSON()) {
		t.Fatal("the embedded catalog differs from catalog.json")
	}
	c := DefaultCatalog()
	if len(c.Regions) < 20 || len(c.Models) < 5 || len(c.DeploymentTypes) != 8 {
		t.Fatalf("catalog too small: %d regions, %d models, %d deployment types", len(c.Regions), len(c.Models), len(c.DeploymentTypes))
	}
}

func TestLoadCatalogRejectsBadCatalogs(t *testing.T) {
	cases := map[string]string{
		`{"regions": {}, "deploymentTypes": {}, "models": {}, "quotas": {}}`:                                                             "regions: none",
		`{"regions": {"East US": {"services": []}}, "deploymentTypes": {}, "models": {}, "quotas": {}}`:                                  `regions.East US: region names are lower-case`,
		`{"regions": {"a": {"pair": "b", "services": []}}, "deploymentTypes": {}, "models": {}, "quotas": {}}`:                           `regions.a.pair: "b" is not a region`,
		`{"regions": {"a": {"services": []}}, "deploymentTypes": {"X": {"scope": "planet"}}, "models": {}}`:                              `deploymentTypes.X.scope: "planet"`,
		`{"regions": {"a": {"services": []}}, "models": {"m": {"versions": {"1": {"deployments": {"X": ["a"]}}}}}}`:                      `models.m.versions.1.deployments: deployment type "X"`,
		`{"regions": {"a": {"services": []}}, "models": {"m": {"versions": {"1": {"deployments": {}, "lifecycle": {"status": "GA"}}}}}}`: `models.m.versions.1.lifecycle.status: "GA"`,
		`{"regions": {"east-us-3": {"services": []}}}`:                                                                                   `regions.east-us-3: region names are lower-case letters and digits`,
		`{"regions": {"a": {"services": []}}, "quotas": {"default": {"Standard": 5}}}`:                                                   `quotas.default: deployment type "Standard"`,
		`{"regions": {"a": {"services": []}}, "surprise": 1}`:                                                                            `unknown field "surprise"`,
		`{"regions": {"a": {"services": []}}, "models": {"m": {"versions": {}}}}`:                                                        `models.m.versions: empty`,
		`{"regions": {"a": {"services": []}}, "deploymentTypes": {"S": {"scope": "regional"}}, "quotas": {"default": {"S": 0}}}`:         `quotas.default.S: 0 must be at least 1`,
	}
	for in, want := range cases {
		if _, err := LoadCatalog([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadCatalog(%s) error = %v, want it to contain %q", in, err, want)
		}
	}
}

func TestQuota(t *testing.T) {
	c := DefaultCatalog()
	override := &Quotas{Default: map[string]int{"Standard": 300}, Models: map[string]map[string]int{"gpt-4o": {"GlobalStandard": 900}}}
	cases := []struct {
		model, dtype string
		override     *Quotas
		want         int
	}{
		{"gpt-4o", "Standard", nil, 150},
		{"gpt-4o-mini", "Standard", nil, 450},
		{"gpt-4o", "Standard", override, 300},
		{"gpt-4o-mini", "Standard", override, 450}, // the catalog's model entry wins over an override default
		{"gpt-4o", "GlobalStandard", override, 900},
		{"gpt-4o", "Nope", nil, 0},
	}
	for _, tc := range cases {
		if got := c.Quota(tc.override, tc.model, tc.dtype); got != tc.want {
			t.Errorf("Quota(%s, %s) = %d, want %d", tc.model, tc.dtype, got, tc.want)
		}
	}
}

func TestNormalizeRegion(t *testing.T) {
	for in, want := range map[string]string{"East US 2": "eastus2", "eastus2": "eastus2", "SwedenCentral": "swedencentral"} {
		if got := NormalizeRegion(in); got != want {
			t.Errorf("NormalizeRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetAcceptsValidConfig(t *testing.T) {
	s := Default()
	valid := map[string]any{
		"archetype":             "ml-internal",
		"environment":           "production",
		"stacks":                map[string]any{"ai-ready/corp": map[string]any{"archetype": "corp", "environment": "production"}},
		"archetypes":            map[string]any{"ml-internal": "corp"},
		"managementGroups":      map[string]any{"corp": []any{"ai-corp"}, "online": []any{"ai-online"}},
		"requiredAssignments":   map[string]any{"corp": []any{"Deny-Public-Endpoints"}},
		"platformSubscriptions": map[string]any{"connectivity": []any{"11111111-1111-1111-1111-111111111111"}},
		"allowedModels":         []any{map[string]any{"name": "gpt-4o", "versions": []any{"2024-11-20"}}, map[string]any{"name": "o3-mini"}},
		"catalog":               mustJSON(t, CatalogJSON()),
		"quotas":                map[string]any{"default": map[string]any{"Standard": 300.0}, "models": map[string]any{"gpt-4o": map[string]any{"GlobalStandard": 1000.0}}},
		"managementPorts":       []any{22.0, 3389.0, 5985.0},
		"fastPathSkus":          []any{"ErGw3AZ"},
		"externalBastion":       true,
		"catalogImport":         mustJSON(t, importJSON(t)),
		"lifecycleWarningDays":  30.0,
		"lifecycleAsOf":         "2026-12-02",
	}
	for k, v := range azurePolicyExamples(t) {
		valid[k] = v
	}
	for _, k := range Keys {
		v, ok := valid[k.Name]
		if !ok {
			t.Errorf("no valid example for key %q", k.Name)
			continue
		}
		if err := s.Set(k.Name, v); err != nil {
			t.Errorf("Set(%q): %v", k.Name, err)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if s.PlatformArea("11111111-1111-1111-1111-111111111111") != "connectivity" || s.GroupArchetype("AI-CORP") != "corp" || s.BaseArchetype("ml-internal") != "corp" {
		t.Fatal("settings not indexed")
	}
}

func TestSetRejectsBadConfigNamingKeyAndValue(t *testing.T) {
	cases := []struct {
		key   string
		value any
		want  string
	}{
		{"environment", "staging", `environment: "staging" is not an environment; use "production" or "nonproduction"`},
		{"archetype", 3.0, "archetype: 3 is not a string"},
		{"stacks", map[string]any{"s": map[string]any{"zone": "x"}}, "stacks.s.zone: unknown key; use archetype or environment"},
		{"archetypes", map[string]any{"ml": "internal"}, `archetypes.ml: "internal" is not a built-in archetype; use one of corp, online, dev, sandbox`},
		{"managementGroups", map[string]any{"corp": []any{"bad id!"}}, `managementGroups.corp[0]: "bad id!" is not a management group id (1-90 letters, digits, -, _, (, ), .)`},
		{"platformSubscriptions", map[string]any{"connectivity": []any{"not-a-guid"}}, `platformSubscriptions.connectivity[0]: "not-a-guid" is not a subscription id (a GUID)`},
		{"platformSubscriptions", map[string]any{"workloads": []any{}}, "platformSubscriptions.workloads: unknown area; use connectivity, management, identity, security"},
		{"allowedModels", []any{map[string]any{"versions": []any{"1"}}}, `allowedModels[0].name: missing; name the model, e.g. "gpt-4o"`},
		{"allowedModels", map[string]any{"gpt-4o": true}, `allowedModels: {"gpt-4o":true} is not a list`},
		{"catalog", map[string]any{"regions": map[string]any{}}, "catalog: regions: none; list at least one region"},
		{"quotas", map[string]any{"default": map[string]any{"Standard": -5.0}}, "quotas.default.Standard: -5 is not an integer from 1 to 2147483647"},
		{"quotas", map[string]any{"perRegion": map[string]any{}}, "quotas.perRegion: unknown key; use default and models"},
		{"managementPorts", []any{22.0, 70000.0}, "managementPorts[1]: 70000 is not an integer from 1 to 65535"},
		{"fastPathSkus", []any{""}, "fastPathSkus[0]: empty; give a value or leave the key out"},
		{"externalBastion", "yes", `externalBastion: "yes" is not a boolean; use true or false`},
		{"allowedModel", []any{}, "allowedModel: unknown config key"},
	}
	for _, tc := range cases {
		err := Default().Set(tc.key, tc.value)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Set(%q, %v) error = %v, want %q", tc.key, tc.value, err, tc.want)
		}
	}
}

func TestCheckRejectsInconsistentConfig(t *testing.T) {
	s := Default()
	s.ManagementGroups = map[string][]string{"corp": {"ai"}, "online": {"AI"}}
	s.Archetype = "ml-internal"
	s.Quotas = &Quotas{Default: map[string]int{"Premium": 5}}
	err := s.Check()
	for _, want := range []string{
		`archetype: archetype "ml-internal" is neither built in (corp, online, dev, sandbox) nor mapped in archetypes`,
		`managementGroups: group "AI" is listed under both corp and online; a group belongs to one archetype`,
		`quotas.default: deployment type "Premium" is not in the catalog's deploymentTypes`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check error = %v, want it to contain %q", err, want)
		}
	}
}

func TestDefaultsMatchTheirSchemaShape(t *testing.T) {
	for _, k := range Keys {
		if k.Default == nil {
			continue
		}
		if err := Default().Set(k.Name, k.Default()); err != nil {
			t.Errorf("the default of %q does not parse: %v", k.Name, err)
		}
	}
}

func TestCloneIsIndependent(t *testing.T) {
	s := Default()
	c := s.Clone()
	c.ManagementPorts[0] = 1
	c.RequiredAssignments["corp"] = nil
	if s.ManagementPorts[0] != 22 || len(s.RequiredAssignments["corp"]) == 0 {
		t.Fatal("Clone shares state with the original")
	}
}

func mustJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// importJSON is a subscription's import in the shape the library's import command
// writes: eastus offers gpt-4o 2024-11-20 as Standard with 10 left of a quota of 150.
func importJSON(t *testing.T) []byte {
	t.Helper()
	return []byte(`{"subscription": "22222222-2222-2222-2222-222222222222", "date": "2026-12-02",
		"regions": {"eastus2": {"models": {"gpt-4o": {"2024-11-20": {"format": "OpenAI", "deploymentTypes": ["Standard"]}}},
			"quotas": {"gpt-4o": {"Standard": {"limit": 150, "used": 140}}}}}}`)
}

func TestCatalogImportKey(t *testing.T) {
	s := Default()
	if err := s.Set("catalogImport", mustJSON(t, importJSON(t))); err != nil {
		t.Fatal(err)
	}
	c := s.Catalog
	if left, limit, ok := c.Remaining("eastus2", "gpt-4o", "Standard"); !ok || left != 10 || limit != 150 {
		t.Errorf("Remaining = %d, %d, %v", left, limit, ok)
	}
	if c.Offered("gpt-4o", "2024-11-20", "GlobalStandard", "eastus2") || !c.Offered("gpt-4o", "2024-11-20", "GlobalStandard", "swedencentral") {
		t.Error("the import must replace eastus2's availability only")
	}
	if got := c.ProvenanceFor("eastus2"); got != "import from subscription 22222222-2222-2222-2222-222222222222 on 2026-12-02" {
		t.Errorf("ProvenanceFor = %q", got)
	}
	for v, want := range map[string]string{
		`{"subscription": "x", "date": "2026-12-02", "regions": {"eastus2": {"models": {}}}}`:                                 `catalogImport: import from subscription x: subscription: "x" is not a subscription id (a GUID)`,
		`{"subscription": "22222222-2222-2222-2222-222222222222", "date": "2026-12-02", "regions": {"mars": {"models": {}}}}`: "catalogImport: import from subscription 22222222-2222-2222-2222-222222222222: regions.mars: not a region of the catalog; add it to catalog/source/base.json",
		`{"subscription": "22222222-2222-2222-2222-222222222222", "date": "2026-12-02", "regions": {}, "more": 1}`:            `catalogImport: decoding the import: json: unknown field "more"`,
	} {
		if err := Default().Set("catalogImport", mustJSON(t, []byte(v))); err == nil || err.Error() != want {
			t.Errorf("Set(catalogImport, %s) = %v, want %q", v, err, want)
		}
	}
}

func TestLifecycleKeys(t *testing.T) {
	s := Default()
	if s.LifecycleWarningDays != DefaultLifecycleWarningDays || !s.LifecycleDay(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)).Equal(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("defaults: %d, %q", s.LifecycleWarningDays, s.LifecycleAsOf)
	}
	if err := s.Set("lifecycleAsOf", "2026-12-02"); err != nil || s.LifecycleDay(time.Now()).Format(DateLayout) != "2026-12-02" {
		t.Errorf("lifecycleAsOf: %v, %v", err, s.LifecycleDay(time.Now()))
	}
	for key, c := range map[string]struct {
		v    any
		want string
	}{
		"lifecycleWarningDays": {-1.0, "lifecycleWarningDays: -1 is not a whole number of days from 0 to 3650"},
		"lifecycleAsOf":        {"02/12/2026", `lifecycleAsOf: "02/12/2026" is not a date (YYYY-MM-DD)`},
	} {
		if err := Default().Set(key, c.v); err == nil || err.Error() != c.want {
			t.Errorf("Set(%s, %v) = %v, want %q", key, c.v, err, c.want)
		}
	}
}
