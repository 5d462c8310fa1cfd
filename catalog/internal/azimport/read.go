package azimport

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/catalog"
)

// Read builds an import from a directory of listings (see the package doc for the
// file names) for a subscription on a date, checked against the catalog. Every
// region with a models-<region>.json file needs its usages-<region>.json.
func Read(dir string, cat *catalog.Catalog, subscription, date string) (*catalog.Import, error) {
	imp := &catalog.Import{Subscription: subscription, Date: date, Regions: map[string]catalog.ImportedRegion{}}
	regions, err := regionsIn(dir)
	if err != nil {
		return nil, err
	}
	for _, region := range regions {
		r, err := readRegion(dir, region, cat)
		if err != nil {
			return nil, err
		}
		imp.Regions[region] = r
	}
	for _, p := range Providers {
		file := "provider-" + p.Namespace + ".json"
		root, err := readFile(dir, file)
		if errors.Is(err, os.ErrNotExist) {
			continue // the catalog's regions stay for this service
		}
		if err != nil {
			return nil, err
		}
		regions, err := parseProvider(file, root, p.Namespace, p.ResourceType, cat)
		if err != nil {
			return nil, err
		}
		if imp.Services == nil {
			imp.Services = map[string][]string{}
		}
		imp.Services[p.Service] = regions
	}
	if err := imp.Validate(cat); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return imp, nil
}

// regionsIn returns the regions of the models-<region>.json files.
func regionsIn(dir string) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "models-*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var out []string
	for _, m := range matches {
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), "models-"), ".json"))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no models-<region>.json; save az cognitiveservices model list --location <region> there", dir)
	}
	sort.Strings(out)
	return out, nil
}

func readRegion(dir, region string, cat *catalog.Catalog) (catalog.ImportedRegion, error) {
	mfile, ufile := "models-"+region+".json", "usages-"+region+".json"
	if _, ok := cat.Regions[region]; !ok {
		return catalog.ImportedRegion{}, fmt.Errorf("%s: %q is not a region of the catalog; name the file after the region (e.g. models-eastus2.json)", mfile, region)
	}
	root, err := readFile(dir, mfile)
	if err != nil {
		return catalog.ImportedRegion{}, err
	}
	models, err := parseModels(mfile, root, cat)
	if err != nil {
		return catalog.ImportedRegion{}, err
	}
	root, err = readFile(dir, ufile)
	if errors.Is(err, os.ErrNotExist) {
		return catalog.ImportedRegion{}, fmt.Errorf("%s: missing; save az cognitiveservices usage list --location %s beside %s", ufile, region, mfile)
	}
	if err != nil {
		return catalog.ImportedRegion{}, err
	}
	quotas, err := parseUsages(ufile, root, models, cat)
	if err != nil {
		return catalog.ImportedRegion{}, err
	}
	return catalog.ImportedRegion{Models: models.versions, Quotas: quotas}, nil
}

func readFile(dir, file string) (node, error) {
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return node{}, fmt.Errorf("%s: %w", file, err)
	}
	return parseJSON(file, data)
}
