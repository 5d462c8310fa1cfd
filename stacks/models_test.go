package stacks

import (
	"errors"
	"strings"
	"testing"

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
