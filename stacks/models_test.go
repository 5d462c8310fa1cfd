package stacks

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShippedModelsOfferedInEveryRegion: every model version and deployment type of
// every shipped stack is offered, per the catalog (Microsoft's model-matrix tables),
// in every region of that stack.
func TestShippedModelsOfferedInEveryRegion(t *testing.T) {
	cat := catalog.Default()
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			cfg, err := LoadConfig(stack, mapSource{values: shippedConfig(t, stack)})
			require.NoError(t, err)
			require.NotEmpty(t, cfg.Models)
			for _, m := range cfg.Models {
				for _, r := range cfg.Regions {
					assert.NoError(t, cat.CheckDeployment(catalog.Deployment{Region: r.Location, Model: m.Name, Version: m.Version, DeploymentType: m.DeploymentType, Capacity: m.Capacity}),
						"%s %s %s in %s", m.Name, m.Version, m.DeploymentType, r.Location)
				}
			}
		})
	}
}

// TestModelVersionNotOfferedInARegion: the corp stack as it shipped before the
// catalog was per version (text-embedding-3-large 1 as Standard in eastus and westus)
// is refused at configuration, naming the version, the region and where it is offered.
func TestModelVersionNotOfferedInARegion(t *testing.T) {
	cfg := shippedConfig(t, "corp")
	cfg["ai-ready:models"] = `[{"name":"gpt-4o","version":"2024-11-20","deploymentType":"Standard","capacity":50},` +
		`{"name":"text-embedding-3-large","version":"1","deploymentType":"Standard","capacity":100}]`
	_, err := LoadConfig("corp", mapSource{values: cfg})
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrConfig), "error should wrap ErrConfig: %v", err)
	offered := catalog.Default().Models["text-embedding-3-large"].Versions["1"].Deployments["Standard"]
	assert.Contains(t, err.Error(), `ai-ready:models[1]: model "text-embedding-3-large" version "1" as Standard is not offered in region "westus"; regions that offer it: `+
		strings.Join(offered, ", ")+" (per the embedded catalog of 2026-12-02)")
	assert.NotContains(t, err.Error(), "models[0]", "gpt-4o 2024-11-20 is offered as Standard in both regions")
}

const importSource = "import from subscription 7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01 on 2026-12-02"

// withImport is the shipped corp config judged against the fixture import
// (catalog/testdata/import.json: eastus and westus as a subscription sees them).
func withImport(t *testing.T, change func(c map[string]string)) error {
	t.Helper()
	cfg := shippedConfig(t, "corp")
	cfg["ai-ready:catalogImport"] = filepath.Join("..", "catalog", "testdata", "import.json")
	change(cfg)
	_, err := LoadConfig("corp", mapSource{values: cfg})
	return err
}

func TestCatalogImport(t *testing.T) {
	models := func(js string) func(c map[string]string) {
		return func(c map[string]string) { c["ai-ready:models"] = js }
	}
	cases := []struct {
		name   string
		change func(c map[string]string)
		want   string
	}{
		{"what is left of the quota", models(`[{"name":"text-embedding-3-small","version":"1","deploymentType":"Standard","capacity":350}]`), ""},
		{"quota at its limit", models(`[{"name":"gpt-4o","version":"2024-11-20","deploymentType":"Standard","capacity":50}]`),
			`ai-ready:models[0]: model "gpt-4o" as Standard in "eastus": capacity 50 is over quota: 0 (1K tokens per minute) of the subscription's quota of 150 is left in eastus (per the ` + importSource + `)`},
		{"more than is left", models(`[{"name":"text-embedding-3-small","version":"1","deploymentType":"Standard","capacity":351}]`),
			`capacity 351 is over quota: 350 (1K tokens per minute) of the subscription's quota of 350 is left in eastus (per the ` + importSource + `)`},
		{"model missing from the region", models(`[{"name":"text-embedding-3-large","version":"1","deploymentType":"Standard","capacity":10}]`),
			`ai-ready:models[0]: model "text-embedding-3-large" version "1" as Standard is not offered in region "eastus"; regions that offer it: `},
		{"no such file", func(c map[string]string) { c["ai-ready:catalogImport"] = "nowhere.json" },
			"ai-ready:catalogImport: open nowhere.json: no such file or directory; give the path of a file written by go run ./catalog/cmd/import"},
		{"not an import", func(c map[string]string) { c["ai-ready:catalogImport"] = filepath.Join("..", "Pulumi.yaml") },
			"ai-ready:catalogImport: " + filepath.Join("..", "Pulumi.yaml") + ": catalog import: decoding the import: "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := withImport(t, tc.change)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrConfig), "error should wrap ErrConfig: %v", err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	err := withImport(t, models(`[{"name":"text-embedding-3-large","version":"1","deploymentType":"Standard","capacity":10}]`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "(per the "+importSource+")", "a verdict names its source")
}

func TestLifecycleNotices(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		shipped, err := LoadConfig(stack, mapSource{values: shippedConfig(t, stack)})
		require.NoError(t, err)
		shipped.now = func() time.Time { return time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) }
		require.NoError(t, shipped.Validate())
		assert.Empty(t, shipped.LifecycleNotices(), "the shipped %s stack deploys only current model versions", stack)
	}
	values := shippedConfig(t, "corp")
	values["ai-ready:models"] = `[{"name":"gpt-4o","version":"2024-11-20","deploymentType":"Standard","capacity":50}]`
	cfg, err := LoadConfig("corp", mapSource{values: values})
	require.NoError(t, err)
	cfg.now = func() time.Time { return time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) }
	require.NoError(t, cfg.Validate())
	assert.Equal(t, []string{`ai-ready:models[0]: model "gpt-4o" version "2024-11-20" as Standard retired on 2026-10-01 (per the embedded catalog of 2026-12-02): its deployments no longer answer; deploy a current version`},
		cfg.LifecycleNotices())
	cfg.now = func() time.Time { return time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC) }
	require.NoError(t, cfg.Validate())
	assert.Equal(t, []string{`ai-ready:models[0]: model "gpt-4o" version "2024-11-20" as Standard retires on 2026-10-01, in 61 days (per the embedded catalog of 2026-12-02); plan the move to a current version`},
		cfg.LifecycleNotices())
	days := 30
	cfg.LifecycleWarningDays = &days
	require.NoError(t, cfg.Validate())
	assert.Equal(t, []string{`ai-ready:models[0]: model "gpt-4o" version "2024-11-20" as Standard is deprecated since 2025-11-20 (per the embedded catalog of 2026-12-02): subscriptions that never deployed it cannot deploy it`},
		cfg.LifecycleNotices())
	days = -1
	assert.ErrorContains(t, cfg.Validate(), "ai-ready:lifecycleWarningDays: -1: give a number of days from 0 to 3650")
}

// TestCatalogImportServices: the import's provider listings decide where AI Search
// and Azure ML may go; AssetReplication is judged by them, naming the import.
func TestCatalogImportServices(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "catalog", "testdata", "import.json"))
	require.NoError(t, err)
	var imp map[string]any
	require.NoError(t, json.Unmarshal(data, &imp))
	imp["services"].(map[string]any)["search"] = []string{"eastus", "swedencentral"}
	edited, err := json.Marshal(imp)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "import.json")
	require.NoError(t, os.WriteFile(path, edited, 0o644))

	cfg := shippedConfig(t, "corp")
	cfg["ai-ready:models"] = `[{"name":"text-embedding-3-small","version":"1","deploymentType":"Standard","capacity":10}]`
	cfg["ai-ready:catalogImport"] = path
	c, err := LoadConfig("corp", mapSource{values: cfg})
	require.NoError(t, err, "the import offers the model in both regions")
	_, err = NewPlan(c)
	require.Error(t, err, "the import's Microsoft.Search listing has no westus")
	assert.Contains(t, err.Error(), `region "westus": service "search" is not available there (per the `+importSource+`); regions that offer it: eastus, swedencentral`)

	cfg["ai-ready:catalogImport"] = filepath.Join("..", "catalog", "testdata", "import.json")
	c, err = LoadConfig("corp", mapSource{values: cfg})
	require.NoError(t, err)
	_, err = NewPlan(c)
	require.NoError(t, err, "the fixture's listing offers AI Search in both of corp's regions")
}
