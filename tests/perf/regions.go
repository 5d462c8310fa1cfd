package perf

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/aiready/aiready/catalog"
)

// RegionModel is the model every region of RegionConfig deploys: offered with a
// Standard (regional) deployment in every region RegionConfig picks.
var RegionModel = map[string]any{"name": "text-embedding-ada-002", "version": "2", "deploymentType": "Standard", "capacity": 10}

// Regions returns the catalog's regions that offer Azure OpenAI, AI Search and Azure
// Machine Learning and serve RegionModel with a Standard deployment, in name order.
func Regions() ([]string, error) {
	cat := catalog.Default()
	m, err := cat.Model(RegionModel["name"].(string))
	if err != nil {
		return nil, fmt.Errorf("regions: %w", err)
	}
	var out []string
	for _, name := range cat.RegionNames() {
		r := cat.Regions[name]
		if r.Offers(catalog.ServiceOpenAI) && r.Offers(catalog.ServiceSearch) && r.Offers(catalog.ServiceML) &&
			slices.Contains(m.Versions[RegionModel["version"].(string)].Deployments[RegionModel["deploymentType"].(string)], name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// RegionConfig returns the config of a corp stack over n regions: the shipped corp
// config (base) with n regions from Regions, each its own /22 (10.64.0.0/22,
// 10.64.4.0/22, ...), RegionModel as the only model, object replication (regions
// need not be Azure pairs) and the nonproduction environment (one region is valid).
func RegionConfig(base map[string]string, n int) (map[string]string, error) {
	regions, err := Regions()
	if err != nil {
		return nil, err
	}
	if n < 1 || n > len(regions) {
		return nil, fmt.Errorf("regions: %d asked, the catalog has %d that offer what the stack needs", n, len(regions))
	}
	list := make([]map[string]any, n)
	for i := range list {
		list[i] = map[string]any{"location": regions[i], "addressSpace": fmt.Sprintf("10.64.%d.0/22", 4*i)}
	}
	cfg := make(map[string]string, len(base)+3)
	for k, v := range base {
		cfg[k] = v
	}
	set := func(key string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("regions: encoding %s: %w", key, err)
		}
		cfg["ai-ready:"+key] = string(b)
		return nil
	}
	cfg["ai-ready:environment"] = "nonproduction"
	if err := set("replication", map[string]any{"mode": "ObjectReplication"}); err != nil {
		return nil, err
	}
	if err := set("regions", list); err != nil {
		return nil, err
	}
	if err := set("models", []any{RegionModel}); err != nil {
		return nil, err
	}
	return cfg, nil
}
