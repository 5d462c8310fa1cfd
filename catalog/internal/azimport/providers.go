package azimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aiready/aiready/catalog"
)

// Providers are the resource providers whose locations decide a service, with the
// resource type that is the service.
var Providers = []struct {
	Namespace, ResourceType, Service string
}{
	{"Microsoft.Search", "searchServices", catalog.ServiceSearch},
	{"Microsoft.MachineLearningServices", "workspaces", catalog.ServiceML},
}

// parseProvider reads `az provider show -n <namespace>` and returns the catalog's
// regions where the resource type is offered.
func parseProvider(file string, root node, namespace, resourceType string, cat *catalog.Catalog) ([]string, error) {
	if _, err := root.object(file); err != nil {
		return nil, err
	}
	ns, err := root.field("namespace").str(file, true)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(ns, namespace) {
		return nil, &problem{file, "$.namespace", fmt.Sprintf("%q is not %s", ns, namespace)}
	}
	types, err := root.field("resourceTypes").items(file)
	if err != nil {
		return nil, err
	}
	byDisplay := map[string]string{}
	for name, r := range cat.Regions {
		byDisplay[normalize(r.DisplayName)] = name
		byDisplay[name] = name
	}
	for _, t := range types {
		rt, err := t.field("resourceType").str(file, true)
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(rt, resourceType) {
			continue
		}
		return regionsOf(file, t.field("locations"), byDisplay)
	}
	return nil, &problem{file, "$.resourceTypes", fmt.Sprintf("no resource type %s", resourceType)}
}

func regionsOf(file string, locations node, byDisplay map[string]string) ([]string, error) {
	locs, err := locations.items(file)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range locs {
		s, err := l.str(file, true)
		if err != nil {
			return nil, err
		}
		if name, ok := byDisplay[normalize(s)]; ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out, nil
}

func normalize(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }
