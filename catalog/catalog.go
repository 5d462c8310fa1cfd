package catalog

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed catalog.json
var defaultJSON []byte

// Service names used in Region.Services.
const (
	ServiceOpenAI       = "openai"
	ServiceSearch       = "search"
	ServiceML           = "ml"
	ServiceAPIM         = "apim"
	ServiceBastion      = "bastion"
	ServiceDDoS         = "ddos"
	ServiceExpressRoute = "expressroute"
	ServiceVPNGateway   = "vpngateway"
	ServiceKeyVault     = "keyvault"
	ServiceStorage      = "storage"
)

// Deployment scopes of a DeploymentType.
const (
	ScopeGlobal   = "global"
	ScopeDataZone = "datazone"
	ScopeRegional = "regional"
)

// Region is one Azure region.
type Region struct {
	// DisplayName is the portal name, e.g. "East US 2".
	DisplayName string `json:"displayName"`
	// Pair is the region's Azure pair, if it has one.
	Pair string `json:"pair,omitempty"`
	// DataZone is the data zone ("US", "EU") for DataZone deployment types, if any.
	DataZone string `json:"dataZone,omitempty"`
	// Services lists the services available in the region (Service* constants).
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

// Model is an Azure OpenAI model.
type Model struct {
	// Format is the model format of a deployment (e.g. "OpenAI").
	Format string `json:"format"`
	// Versions are the model versions that may be deployed.
	Versions []string `json:"versions"`
	// Deployments lists, per deployment type, the regions where the model is offered.
	Deployments map[string][]string `json:"deployments"`
}

// Quotas are the default capacity limits per subscription and region.
type Quotas struct {
	// Default is the limit per deployment type for models without their own entry.
	Default map[string]int `json:"default"`
	// Models overrides Default per model and deployment type.
	Models map[string]map[string]int `json:"models"`
}

// Catalog is the set of facts; the zero value is empty. Use Default or Load.
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
	defaultOnce sync.Once
	defaultCat  *Catalog
	errDefault  error
)

// Default returns the embedded catalog. It panics only if the embedded file is
// invalid, which a test rules out.
func Default() *Catalog {
	defaultOnce.Do(func() {
		defaultCat, errDefault = Load(bytes.NewReader(defaultJSON))
	})
	if errDefault != nil {
		panic(fmt.Sprintf("catalog: embedded catalog.json is invalid: %v", errDefault))
	}
	return defaultCat
}

// DefaultJSON returns the embedded catalog file, byte for byte.
func DefaultJSON() []byte { return bytes.Clone(defaultJSON) }

// ErrUnknown is wrapped by every error about a name the catalog does not know.
var ErrUnknown = errors.New("unknown")

// ErrUnavailable is wrapped by every error about a model or service not offered where asked.
var ErrUnavailable = errors.New("not available")

// ErrQuota is wrapped by every error about a capacity above quota.
var ErrQuota = errors.New("over quota")

// Load reads and validates a catalog: every region pair, model region and quota
// deployment type must refer to known names.
func Load(r io.Reader) (*Catalog, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("catalog: decoding: %w", err)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

func (c *Catalog) validate() error {
	var errs []error
	if len(c.Regions) == 0 {
		errs = append(errs, errors.New("catalog: no regions"))
	}
	for name, r := range c.Regions {
		if name != strings.ToLower(name) || strings.ContainsAny(name, " -_") {
			errs = append(errs, fmt.Errorf("catalog: region %q: names are lower-case without spaces (e.g. \"eastus2\")", name))
		}
		if r.Pair != "" {
			if _, ok := c.Regions[r.Pair]; !ok {
				errs = append(errs, fmt.Errorf("catalog: region %q: pair %q is not a region of the catalog", name, r.Pair))
			}
		}
	}
	for name, dt := range c.DeploymentTypes {
		switch dt.Scope {
		case ScopeGlobal, ScopeDataZone, ScopeRegional:
		default:
			errs = append(errs, fmt.Errorf("catalog: deployment type %q: scope %q is not one of global, datazone, regional", name, dt.Scope))
		}
	}
	for name, m := range c.Models {
		if len(m.Versions) == 0 {
			errs = append(errs, fmt.Errorf("catalog: model %q: no versions", name))
		}
		for dt, regions := range m.Deployments {
			if _, ok := c.DeploymentTypes[dt]; !ok {
				errs = append(errs, fmt.Errorf("catalog: model %q: deployment type %q is not in deploymentTypes", name, dt))
			}
			for _, r := range regions {
				if _, ok := c.Regions[r]; !ok {
					errs = append(errs, fmt.Errorf("catalog: model %q: %s region %q is not in regions", name, dt, r))
				}
			}
		}
	}
	for dt := range c.Quotas.Default {
		if _, ok := c.DeploymentTypes[dt]; !ok {
			errs = append(errs, fmt.Errorf("catalog: quotas.default: deployment type %q is not in deploymentTypes", dt))
		}
	}
	for m, per := range c.Quotas.Models {
		if _, ok := c.Models[m]; !ok {
			errs = append(errs, fmt.Errorf("catalog: quotas.models: model %q is not in models", m))
		}
		for dt := range per {
			if _, ok := c.DeploymentTypes[dt]; !ok {
				errs = append(errs, fmt.Errorf("catalog: quotas.models.%s: deployment type %q is not in deploymentTypes", m, dt))
			}
		}
	}
	sortErrors(errs)
	return errors.Join(errs...)
}

func sortErrors(errs []error) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// RegionNames returns the known region names, sorted.
func (c *Catalog) RegionNames() []string { return sortedKeys(c.Regions) }

// DeploymentTypeNames returns the known deployment types, sorted.
func (c *Catalog) DeploymentTypeNames() []string { return sortedKeys(c.DeploymentTypes) }

// ModelNames returns the known models, sorted.
func (c *Catalog) ModelNames() []string { return sortedKeys(c.Models) }

// Region returns a region by name, or an error naming the value and the known
// regions (with the closest match first when there is one).
func (c *Catalog) Region(name string) (Region, error) {
	if r, ok := c.Regions[name]; ok {
		return r, nil
	}
	return Region{}, fmt.Errorf("region %q: %w region; use an Azure region name such as %s", name, ErrUnknown, suggest(name, c.RegionNames()))
}

// RequireService returns an error when a region does not offer a service.
func (c *Catalog) RequireService(region, service string) error {
	r, err := c.Region(region)
	if err != nil {
		return err
	}
	if !r.Offers(service) {
		var where []string
		for _, n := range c.RegionNames() {
			if c.Regions[n].Offers(service) {
				where = append(where, n)
			}
		}
		return fmt.Errorf("region %q: service %q is %w there; regions that offer it: %s", region, service, ErrUnavailable, strings.Join(where, ", "))
	}
	return nil
}

// DeploymentType returns a deployment type by name, or an error listing the known ones.
func (c *Catalog) DeploymentType(name string) (DeploymentType, error) {
	if dt, ok := c.DeploymentTypes[name]; ok {
		return dt, nil
	}
	return DeploymentType{}, fmt.Errorf("deployment type %q: %w; use one of %s", name, ErrUnknown, strings.Join(c.DeploymentTypeNames(), ", "))
}

// IsGlobal reports whether a deployment type routes requests across regions on its
// own (global and data-zone types), so that it needs no gateway of its own for
// regional redundancy.
func (c *Catalog) IsGlobal(deploymentType string) bool {
	dt, ok := c.DeploymentTypes[deploymentType]
	return ok && dt.Scope != ScopeRegional
}

// Model returns a model by name, or an error listing the known ones.
func (c *Catalog) Model(name string) (Model, error) {
	if m, ok := c.Models[name]; ok {
		return m, nil
	}
	return Model{}, fmt.Errorf("model %q: %w model; use one of %s", name, ErrUnknown, strings.Join(c.ModelNames(), ", "))
}

// Quota returns the default capacity limit for a model and deployment type in one
// subscription and region (0 when the catalog has none).
func (c *Catalog) Quota(model, deploymentType string) int {
	if per, ok := c.Quotas.Models[model]; ok {
		if q, ok := per[deploymentType]; ok {
			return q
		}
	}
	return c.Quotas.Default[deploymentType]
}

// Deployment is one model deployment to check against the catalog.
type Deployment struct {
	Region         string
	Model          string
	Version        string
	DeploymentType string
	Capacity       int
}

// CheckDeployment returns an error when the region, model, version or deployment type
// is unknown, when the model is not offered with that deployment type in the region,
// or when the capacity is not positive or above the default quota.
func (c *Catalog) CheckDeployment(d Deployment) error {
	if err := c.RequireService(d.Region, ServiceOpenAI); err != nil {
		return err
	}
	m, err := c.Model(d.Model)
	if err != nil {
		return err
	}
	if d.Version != "" && !slices.Contains(m.Versions, d.Version) {
		return fmt.Errorf("model %q version %q: %w version; use one of %s", d.Model, d.Version, ErrUnknown, strings.Join(m.Versions, ", "))
	}
	if _, err := c.DeploymentType(d.DeploymentType); err != nil {
		return err
	}
	regions, ok := m.Deployments[d.DeploymentType]
	if !ok {
		return fmt.Errorf("model %q: deployment type %q is %w for this model; it is offered as %s", d.Model, d.DeploymentType, ErrUnavailable, strings.Join(sortedKeys(m.Deployments), ", "))
	}
	if !slices.Contains(regions, d.Region) {
		return fmt.Errorf("model %q as %s is %w in region %q; regions that offer it: %s", d.Model, d.DeploymentType, ErrUnavailable, d.Region, strings.Join(regions, ", "))
	}
	if d.Capacity <= 0 {
		return fmt.Errorf("model %q as %s in %q: capacity %d must be at least 1 (%s)", d.Model, d.DeploymentType, d.Region, d.Capacity, c.DeploymentTypes[d.DeploymentType].Unit)
	}
	if q := c.Quota(d.Model, d.DeploymentType); q > 0 && d.Capacity > q {
		return fmt.Errorf("model %q as %s in %q: capacity %d is %w: the default quota is %d (%s) per subscription and region; request more from Azure support or lower the capacity", d.Model, d.DeploymentType, d.Region, d.Capacity, ErrQuota, q, c.DeploymentTypes[d.DeploymentType].Unit)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// suggest lists known names, the closest to name first.
func suggest(name string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := distance(strings.ToLower(strings.ReplaceAll(name, " ", "")), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= 3 {
		return fmt.Sprintf("%q (did you mean it?); known regions: %s", best, strings.Join(known, ", "))
	}
	return strings.Join(known, ", ")
}

// distance is the Levenshtein distance between two strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
