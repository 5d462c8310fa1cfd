package catalog

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:generate go run ./internal/gencatalog

//go:embed catalog.json
var defaultJSON []byte

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
		if errDefault == nil {
			defaultCat.Origin = "embedded catalog of " + defaultCat.Version
		}
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

// unavailable is an availability problem that matches ErrUnavailable.
type unavailable string

func (e unavailable) Error() string        { return string(e) }
func (e unavailable) Is(target error) bool { return target == ErrUnavailable }

// Load reads and validates a catalog: every region pair, model region, lifecycle
// date and quota must be well formed and refer to known names.
func Load(r io.Reader) (*Catalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("catalog: reading: %w", err)
	}
	c, err := decodeCatalog(data)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return c, nil
}

// LoadImport reads a subscription's import (written by the import command from
// Azure's listings) and applies it to the catalog (see WithImport).
func (c *Catalog) LoadImport(r io.Reader) (*Catalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("catalog import: reading: %w", err)
	}
	out, err := c.decodeImport(data)
	if err != nil {
		return nil, fmt.Errorf("catalog import: %w", err)
	}
	return out, nil
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
		per := ""
		if src, ok := c.ServiceImported(service); ok {
			per = " (per the " + src + ")"
		}
		return fmt.Errorf("region %q: service %q is %w there%s; regions that offer it: %s", region, service, ErrUnavailable, per, strings.Join(c.RegionsOffering(service), ", "))
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

// Model returns a model by name, or an error listing the known ones.
func (c *Catalog) Model(name string) (Model, error) {
	if m, ok := c.Models[name]; ok {
		return m, nil
	}
	return Model{}, fmt.Errorf("model %q: %w model; use one of %s", name, ErrUnknown, strings.Join(c.ModelNames(), ", "))
}

// ModelVersion returns a model's version, or an error listing the known versions.
func (c *Catalog) ModelVersion(model, version string) (ModelVersion, error) {
	m, err := c.Model(model)
	if err != nil {
		return ModelVersion{}, err
	}
	if version == "" {
		return ModelVersion{}, fmt.Errorf("model %q: no version given; availability depends on the version: pin one of %s", model, strings.Join(m.VersionNames(), ", "))
	}
	v, ok := m.Versions[version]
	if !ok {
		return ModelVersion{}, fmt.Errorf("model %q version %q: %w version; use one of %s", model, version, ErrUnknown, strings.Join(m.VersionNames(), ", "))
	}
	return v, nil
}

// Quota returns the default capacity limit for a model and deployment type in one
// subscription and region (0 when the catalog has none).
func (c *Catalog) Quota(model, deploymentType string) int {
	n, _, _ := c.Quotas.lookup(model, deploymentType)
	return n
}

// QuotaFor returns the capacity a new deployment of a model and deployment type may
// still take in a region (0 when nothing is known) and a phrase saying what it is:
// what is left of the subscription's quota when an import has it, else the default
// quota.
func (c *Catalog) QuotaFor(region, model, deploymentType string) (int, string) {
	unit := c.DeploymentTypes[deploymentType].Unit
	if left, limit, ok := c.Remaining(region, model, deploymentType); ok {
		return max(left, 0), fmt.Sprintf("%d (%s) of the subscription's quota of %d is left in %s (per the %s)", max(left, 0), unit, limit, region, c.ProvenanceFor(region))
	}
	q := c.Quota(model, deploymentType)
	return q, fmt.Sprintf("the default quota is %d (%s) per subscription and region", q, unit)
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
// is unknown, when that version of the model is not offered with that deployment type
// in the region (naming where it is offered), or when the capacity is not positive or
// above the default quota.
func (c *Catalog) CheckDeployment(d Deployment) error {
	if err := c.RequireService(d.Region, ServiceOpenAI); err != nil {
		return err
	}
	if _, err := c.ModelVersion(d.Model, d.Version); err != nil {
		return err
	}
	dt, err := c.DeploymentType(d.DeploymentType)
	if err != nil {
		return err
	}
	if p := c.availabilityProblem(d.Model, d.Version, d.DeploymentType, d.Region); p != "" {
		return unavailable(p + " (per the " + c.ProvenanceFor(d.Region) + ")")
	}
	if d.Capacity <= 0 {
		return fmt.Errorf("model %q as %s in %q: capacity %d must be at least 1 (%s)", d.Model, d.DeploymentType, d.Region, d.Capacity, dt.Unit)
	}
	q, what := c.QuotaFor(d.Region, d.Model, d.DeploymentType)
	if _, _, imported := c.Remaining(d.Region, d.Model, d.DeploymentType); (q > 0 || imported) && d.Capacity > q {
		return fmt.Errorf("model %q as %s in %q: capacity %d is %w: %s; request more from Azure support or lower the capacity", d.Model, d.DeploymentType, d.Region, d.Capacity, ErrQuota, what)
	}
	return nil
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
