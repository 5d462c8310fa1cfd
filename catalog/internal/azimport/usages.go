package azimport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/catalog"
)

// parseUsages reads one region's Usages - List: the quota and current value of every
// usage that counts for a model and deployment type the region's models list.
func parseUsages(file string, root node, models *modelListing, cat *catalog.Catalog) (map[string]map[string]catalog.ImportedQuota, error) {
	items, err := root.list(file)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]catalog.ImportedQuota{}
	for _, it := range items {
		if _, err := it.object(file); err != nil {
			return nil, err
		}
		name, err := it.field("name").field("value").str(file, true)
		if err != nil {
			return nil, err
		}
		k, ok := models.usage[name]
		if !ok {
			if k, ok = spelledUsage(name, models, cat); !ok {
				continue // another service's usage, or a model not listed here
			}
		}
		q, err := quotaOf(file, it)
		if err != nil {
			return nil, err
		}
		if out[k.model] == nil {
			out[k.model] = map[string]catalog.ImportedQuota{}
		}
		if _, dup := out[k.model][k.deploymentType]; dup {
			return nil, &problem{file, it.path, fmt.Sprintf("a second usage for %s as %s", k.model, k.deploymentType)}
		}
		out[k.model][k.deploymentType] = q
	}
	return out, nil
}

// spelledUsage reads a usage name of the form OpenAI.<deployment type>.<model>.
func spelledUsage(name string, models *modelListing, cat *catalog.Catalog) (quotaKey, bool) {
	parts := strings.SplitN(name, ".", 3)
	if len(parts) != 3 || parts[0] != "OpenAI" {
		return quotaKey{}, false
	}
	if _, ok := cat.DeploymentTypes[parts[1]]; !ok {
		return quotaKey{}, false
	}
	if _, ok := models.versions[parts[2]]; !ok {
		return quotaKey{}, false
	}
	return quotaKey{parts[2], parts[1]}, true
}

func quotaOf(file string, it node) (catalog.ImportedQuota, error) {
	limit, err := it.field("limit").count(file)
	if err != nil {
		return catalog.ImportedQuota{}, err
	}
	used, err := it.field("currentValue").count(file)
	if err != nil {
		return catalog.ImportedQuota{}, err
	}
	return catalog.ImportedQuota{Limit: limit, Used: used}, nil
}
