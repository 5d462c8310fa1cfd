package config

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// The catalog's types and validation (catalog_facts_gen.go) and this embedded file
// are generated from the library's catalog package (catalog/facts.go and
// catalog/catalog.json) by its gencatalog command; the pack builds without the library.

//go:embed catalog.json
var catalogJSON []byte

// CatalogJSON returns the embedded catalog file, byte for byte.
func CatalogJSON() []byte { return bytes.Clone(catalogJSON) }

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
	defaultErr     error
)

// DefaultCatalog returns the embedded catalog. It panics only if the embedded file is
// invalid, which a test rules out.
func DefaultCatalog() *Catalog {
	defaultOnce.Do(func() {
		defaultCatalog, defaultErr = LoadCatalog(catalogJSON)
		if defaultErr == nil {
			defaultCatalog.Origin = "embedded catalog of " + defaultCatalog.Version
		}
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("config: embedded catalog.json is invalid: %v", defaultErr))
	}
	return defaultCatalog
}

// LoadCatalog decodes and validates a catalog: unknown fields are refused, and every
// region pair, model version region, lifecycle date and quota must be well formed and
// name a known entry.
func LoadCatalog(data []byte) (*Catalog, error) { return decodeCatalog(data) }

// NormalizeRegion turns an ARM location as a user may write it ("East US 2") into the
// catalog's region name ("eastus2").
func NormalizeRegion(location string) string {
	needs := false
	for i := 0; i < len(location); i++ {
		c := location[i]
		if c == ' ' || (c >= 'A' && c <= 'Z') {
			needs = true
			break
		}
	}
	if !needs {
		return location
	}
	return strings.ToLower(strings.ReplaceAll(location, " ", ""))
}

// Quota returns the capacity limit for a model and deployment type in one subscription
// and region; 0 means no limit is known. A model's own entry wins over a default, and
// at each of those two levels the override wins over the catalog.
func (c *Catalog) Quota(override *Quotas, model, deploymentType string) int {
	on, onModel, onFound := override.lookup(model, deploymentType)
	cn, cModel, cFound := c.Quotas.lookup(model, deploymentType)
	switch {
	case onModel:
		return on
	case cModel:
		return cn
	case onFound:
		return on
	case cFound:
		return cn
	}
	return 0
}

// AvailabilityProblem explains why a model version is not offered with a deployment
// type in a region, naming where it is offered, or returns "" when it is. The model,
// version and deployment type must be in the catalog.
func (c *Catalog) AvailabilityProblem(model, version, deploymentType, region string) string {
	return c.availabilityProblem(model, version, deploymentType, region)
}

// SortedKeys returns a map's keys in order.
func SortedKeys[V any](m map[string]V) []string { return sortedKeys(m) }
