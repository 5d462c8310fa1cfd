package config

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed catalog.json
var catalogJSON []byte

// CatalogJSON returns the embedded catalog file, byte for byte.
func CatalogJSON() []byte { return bytes.Clone(catalogJSON) }

// Deployment scopes of a DeploymentType.
const (
	ScopeGlobal   = "global"
	ScopeDataZone = "datazone"
	ScopeRegional = "regional"
)

// Region is one Azure region of the catalog.
type Region struct {
	// DisplayName is the portal name, e.g. "East US 2".
	DisplayName string `json:"displayName"`
	// Pair is the region's Azure pair, if it has one.
	Pair string `json:"pair,omitempty"`
	// DataZone is the data zone ("US", "EU") for data-zone deployment types, if any.
	DataZone string `json:"dataZone,omitempty"`
	// Services lists the services the region offers ("openai", "search", "ml", ...).
	Services []string `json:"services"`
}

// Offers reports whether the region offers a service.
func (r Region) Offers(service string) bool { return slices.Contains(r.Services, service) }

// DeploymentType describes an Azure OpenAI deployment type (a deployment's sku.name).
type DeploymentType struct {
	// Scope is global, datazone or regional: where requests may be processed.
	Scope string `json:"scope"`
	// Billing is standard, provisioned or batch.
	Billing string `json:"billing"`
	// Unit is what a deployment's capacity counts.
	Unit string `json:"unit"`
}

// Model is an Azure OpenAI model of the catalog.
type Model struct {
	// Format is the model format of a deployment (e.g. "OpenAI").
	Format string `json:"format"`
	// Versions are the model versions that may be deployed.
	Versions []string `json:"versions"`
	// Deployments lists, per deployment type, the regions where the model is offered.
	Deployments map[string][]string `json:"deployments"`
}

// Quotas are capacity limits per subscription and region.
type Quotas struct {
	// Default is the limit per deployment type for models without their own entry.
	Default map[string]int `json:"default"`
	// Models overrides Default per model and deployment type.
	Models map[string]map[string]int `json:"models"`
}

// Catalog is the availability table: regions, models, deployment types and quotas.
type Catalog struct {
	// Version is the date the facts were read.
	Version string `json:"version"`
	// Description says where the facts come from.
	Description string `json:"description"`
	// Regions by name (e.g. "eastus2").
	Regions map[string]Region `json:"regions"`
	// DeploymentTypes by name (e.g. "GlobalStandard").
	DeploymentTypes map[string]DeploymentType `json:"deploymentTypes"`
	// Models by name (e.g. "gpt-4o").
	Models map[string]Model `json:"models"`
	// Quotas are the default capacity limits.
	Quotas Quotas `json:"quotas"`
}

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
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("config: embedded catalog.json is invalid: %v", defaultErr))
	}
	return defaultCatalog
}

// LoadCatalog decodes and validates a catalog: unknown fields are refused, and every
// region pair, model region and quota deployment type must name a known entry.
func LoadCatalog(data []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("decoding catalog: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks that the catalog refers only to names it defines.
func (c *Catalog) Validate() error {
	var errs []string
	if len(c.Regions) == 0 {
		errs = append(errs, "regions: none; list at least one region")
	}
	for name, r := range c.Regions {
		if name != NormalizeRegion(name) {
			errs = append(errs, fmt.Sprintf("regions.%s: region names are lower-case without spaces (e.g. \"eastus2\")", name))
		}
		if r.Pair != "" {
			if _, ok := c.Regions[r.Pair]; !ok {
				errs = append(errs, fmt.Sprintf("regions.%s.pair: %q is not a region of the catalog", name, r.Pair))
			}
		}
	}
	for name, dt := range c.DeploymentTypes {
		switch dt.Scope {
		case ScopeGlobal, ScopeDataZone, ScopeRegional:
		default:
			errs = append(errs, fmt.Sprintf("deploymentTypes.%s.scope: %q is not one of global, datazone, regional", name, dt.Scope))
		}
	}
	for name, m := range c.Models {
		if len(m.Versions) == 0 {
			errs = append(errs, fmt.Sprintf("models.%s.versions: empty; list the versions that may be deployed", name))
		}
		for dt, regions := range m.Deployments {
			if _, ok := c.DeploymentTypes[dt]; !ok {
				errs = append(errs, fmt.Sprintf("models.%s.deployments: deployment type %q is not in deploymentTypes", name, dt))
			}
			for _, r := range regions {
				if _, ok := c.Regions[r]; !ok {
					errs = append(errs, fmt.Sprintf("models.%s.deployments.%s: region %q is not in regions", name, dt, r))
				}
			}
		}
	}
	if err := c.Quotas.validate(c, "quotas"); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return errors.New(strings.Join(errs, "; "))
}

func (q Quotas) validate(c *Catalog, key string) error {
	var errs []string
	for dt, n := range q.Default {
		if _, ok := c.DeploymentTypes[dt]; !ok {
			errs = append(errs, fmt.Sprintf("%s.default: deployment type %q is not in the catalog's deploymentTypes", key, dt))
		}
		if n < 1 {
			errs = append(errs, fmt.Sprintf("%s.default.%s: %d must be at least 1", key, dt, n))
		}
	}
	for m, per := range q.Models {
		if _, ok := c.Models[m]; !ok {
			errs = append(errs, fmt.Sprintf("%s.models: model %q is not in the catalog's models", key, m))
		}
		for dt, n := range per {
			if _, ok := c.DeploymentTypes[dt]; !ok {
				errs = append(errs, fmt.Sprintf("%s.models.%s: deployment type %q is not in the catalog's deploymentTypes", key, m, dt))
			}
			if n < 1 {
				errs = append(errs, fmt.Sprintf("%s.models.%s.%s: %d must be at least 1", key, m, dt, n))
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return errors.New(strings.Join(errs, "; "))
}

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

// IsGlobal reports whether a deployment type routes requests across regions on its own
// (global and data-zone scopes), so that it needs no second region of its own.
func (c *Catalog) IsGlobal(deploymentType string) bool {
	dt, ok := c.DeploymentTypes[deploymentType]
	return ok && dt.Scope != ScopeRegional
}

// Quota returns the capacity limit for a model and deployment type in one subscription
// and region; 0 means no limit is known. A model's own entry wins over a default, and
// at each of those two levels the override wins over the catalog.
func (c *Catalog) Quota(override *Quotas, model, deploymentType string) int {
	if override != nil {
		if n, ok := override.Models[model][deploymentType]; ok {
			return n
		}
	}
	if n, ok := c.Quotas.Models[model][deploymentType]; ok {
		return n
	}
	if override != nil {
		if n, ok := override.Default[deploymentType]; ok {
			return n
		}
	}
	return c.Quotas.Default[deploymentType]
}

// RegionsOffering returns the sorted regions that offer a service.
func (c *Catalog) RegionsOffering(service string) []string {
	var out []string
	for name, r := range c.Regions {
		if r.Offers(service) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// SortedKeys returns a map's keys in order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
