package catalog

// This file defines the catalog's shape and its validation once. It uses only the
// standard library and names nothing else of its package, because the generator
// (internal/gencatalog) copies it into the policy pack, which must build without the
// library: the two packages judge the same data the same way by construction.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

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

// Lifecycle statuses of a model version: the first two are those of Microsoft's
// retirement tables, the others those a subscription's model listing adds
// (Deprecating: only subscriptions with deployments may deploy it; Deprecated:
// retired, its deployments answer 410; Legacy: to be replaced).
const (
	StatusGenerallyAvailable = "GenerallyAvailable"
	StatusPreview            = "Preview"
	StatusDeprecating        = "Deprecating"
	StatusDeprecated         = "Deprecated"
	StatusLegacy             = "Legacy"
)

// DateLayout is the layout of every date in a catalog (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// Region is one Azure region of the catalog.
type Region struct {
	// DisplayName is the portal name, e.g. "East US 2".
	DisplayName string `json:"displayName"`
	// Pair is the region's Azure pair, if it has one.
	Pair string `json:"pair,omitempty"`
	// DataZone is the data zone ("US", "EU") for data-zone deployment types, if any.
	DataZone string `json:"dataZone,omitempty"`
	// AvailabilityZones is true where the region has availability zones (zone-redundant
	// storage, zonal gateways); from Microsoft's "Azure regions with availability zone
	// support" (source/README.md).
	AvailabilityZones bool `json:"availabilityZones,omitempty"`
	// Services lists the services the region offers (the Service* constants).
	Services []string `json:"services"`
}

// HasAvailabilityZones reports whether a region of the catalog has availability
// zones; false for a region the catalog does not know.
func (c *Catalog) HasAvailabilityZones(region string) bool {
	r, ok := c.Regions[region]
	return ok && r.AvailabilityZones
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

// Lifecycle is what Microsoft's retirement table says of one model version. Dates
// are YYYY-MM-DD; a "not before" date is a promise, not a schedule.
type Lifecycle struct {
	// Status is GenerallyAvailable or Preview.
	Status string `json:"status"`
	// Deprecation is the date from which new customers can no longer deploy the version.
	Deprecation string `json:"deprecation,omitempty"`
	// DeprecationNotBefore is the earliest date a deprecation may come, when none is scheduled.
	DeprecationNotBefore string `json:"deprecationNotBefore,omitempty"`
	// Retirement is the date from which deployments of the version stop answering.
	Retirement string `json:"retirement,omitempty"`
	// RetirementNotBefore is the earliest date a retirement may come, when none is scheduled.
	RetirementNotBefore string `json:"retirementNotBefore,omitempty"`
	// RetirementByDeploymentType overrides Retirement for some deployment types.
	RetirementByDeploymentType map[string]string `json:"retirementByDeploymentType,omitempty"`
}

// RetirementFor returns the scheduled retirement date of the version with a
// deployment type ("" when none is scheduled).
func (l *Lifecycle) RetirementFor(deploymentType string) string {
	if l == nil {
		return ""
	}
	if d, ok := l.RetirementByDeploymentType[deploymentType]; ok {
		return d
	}
	return l.Retirement
}

// ModelVersion is one version of a model: its lifecycle and where it is offered.
type ModelVersion struct {
	// Lifecycle is the version's deprecation and retirement, when Microsoft lists it.
	Lifecycle *Lifecycle `json:"lifecycle,omitempty"`
	// Deployments lists, per deployment type, the regions that offer this version.
	Deployments map[string][]string `json:"deployments"`
}

// Model is an Azure OpenAI model of the catalog.
type Model struct {
	// Format is the model format of a deployment (e.g. "OpenAI").
	Format string `json:"format"`
	// Versions are the versions that may be deployed, by version name.
	Versions map[string]ModelVersion `json:"versions"`
}

// VersionNames returns the model's versions, sorted.
func (m Model) VersionNames() []string { return sortedKeys(m.Versions) }

// Quotas are capacity limits per subscription and region.
type Quotas struct {
	// Default is the limit per deployment type for models without their own entry.
	Default map[string]int `json:"default"`
	// Models overrides Default per model and deployment type.
	Models map[string]map[string]int `json:"models"`
}

// SourceTable is one table the catalog was generated from.
type SourceTable struct {
	// Path is the table's path in the source repository.
	Path string `json:"path"`
	// Commit is the commit the table was read at.
	Commit string `json:"commit"`
	// Date is the page's own date (its ms.date), YYYY-MM-DD.
	Date string `json:"date"`
	// DeploymentType is the deployment type the table lists; empty for the lifecycle table.
	DeploymentType string `json:"deploymentType,omitempty"`
}

// Source says where the catalog's availability and lifecycle come from.
type Source struct {
	// Repository is the repository of the tables (e.g. "MicrosoftDocs/azure-ai-docs").
	Repository string `json:"repository"`
	// Read is the date the tables were read, YYYY-MM-DD.
	Read string `json:"read"`
	// Tables are the tables used.
	Tables []SourceTable `json:"tables"`
}

// Catalog is the set of facts: regions, deployment types, models and quotas.
type Catalog struct {
	// Version is the date the facts were read.
	Version string `json:"version"`
	// Description says what the facts are.
	Description string `json:"description"`
	// Source names the tables the availability was generated from.
	Source *Source `json:"source,omitempty"`
	// Regions by name (e.g. "eastus2").
	Regions map[string]Region `json:"regions"`
	// DeploymentTypes by name (e.g. "GlobalStandard").
	DeploymentTypes map[string]DeploymentType `json:"deploymentTypes"`
	// Models by name (e.g. "gpt-4o").
	Models map[string]Model `json:"models"`
	// Quotas are the default capacity limits.
	Quotas Quotas `json:"quotas"`
	// Origin names where the facts come from in verdicts, e.g. "embedded catalog of
	// 2026-12-02"; it is set by the loader, not read from the file.
	Origin string `json:"-"`
	// imported is the subscription's data applied by WithImport, if any.
	imported *Import
}

// Provenance names where the catalog's facts come from, for messages: Origin, or
// "catalog of <Version>" when no loader set it.
func (c *Catalog) Provenance() string {
	if c.Origin != "" {
		return c.Origin
	}
	return "catalog of " + c.Version
}

// ProvenanceFor names where the facts about one region come from: the import when
// it covers the region, the catalog otherwise.
func (c *Catalog) ProvenanceFor(region string) string {
	if c.imported != nil {
		if _, ok := c.imported.Regions[region]; ok {
			return c.imported.Source()
		}
	}
	return c.Provenance()
}

// regionNameRE is the shape of an ARM region name.
var regionNameRE = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// decodeCatalog decodes and validates a catalog; unknown fields are refused.
func decodeCatalog(data []byte) (*Catalog, error) {
	var c Catalog
	if err := decodeStrict(data, &c); err != nil {
		return nil, fmt.Errorf("decoding catalog: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// decodeStrict decodes one JSON value, refusing unknown fields and trailing data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON value")
	}
	return nil
}

// Validate checks that the catalog refers only to names it defines, that names and
// dates have their shape and that quotas are positive. Every problem is reported,
// sorted, each naming its key.
func (c *Catalog) Validate() error {
	var errs []string
	add := func(format string, v ...any) { errs = append(errs, fmt.Sprintf(format, v...)) }
	c.validateRegions(add)
	for name, dt := range c.DeploymentTypes {
		switch dt.Scope {
		case ScopeGlobal, ScopeDataZone, ScopeRegional:
		default:
			add("deploymentTypes.%s.scope: %q is not one of global, datazone, regional", name, dt.Scope)
		}
	}
	for _, name := range sortedKeys(c.Models) {
		c.validateModel(name, c.Models[name], add)
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

func (c *Catalog) validateRegions(add func(string, ...any)) {
	if len(c.Regions) == 0 {
		add("regions: none; list at least one region")
	}
	for name, r := range c.Regions {
		if !regionNameRE.MatchString(name) {
			add("regions.%s: region names are lower-case letters and digits (e.g. \"eastus2\")", name)
		}
		if r.Pair != "" {
			if _, ok := c.Regions[r.Pair]; !ok {
				add("regions.%s.pair: %q is not a region of the catalog", name, r.Pair)
			}
		}
	}
}

func (c *Catalog) validateModel(name string, m Model, add func(string, ...any)) {
	if len(m.Versions) == 0 {
		add("models.%s.versions: empty; list the versions that may be deployed", name)
	}
	for _, v := range sortedKeys(m.Versions) {
		key := "models." + name + ".versions." + v
		mv := m.Versions[v]
		for dt, regions := range mv.Deployments {
			typ, ok := c.DeploymentTypes[dt]
			if !ok {
				add("%s.deployments: deployment type %q is not in deploymentTypes", key, dt)
			}
			for _, r := range regions {
				reg, ok := c.Regions[r]
				switch {
				case !ok:
					add("%s.deployments.%s: region %q is not in regions", key, dt, r)
				case !reg.Offers(ServiceOpenAI):
					add("%s.deployments.%s: region %q does not list the service %q", key, dt, r, ServiceOpenAI)
				case typ.Scope == ScopeDataZone && reg.DataZone == "":
					add("%s.deployments.%s: region %q has no dataZone, which a data-zone deployment type needs", key, dt, r)
				}
			}
		}
		if mv.Lifecycle != nil {
			c.validateLifecycle(key+".lifecycle", mv.Lifecycle, add)
		}
	}
}

func (c *Catalog) validateLifecycle(key string, l *Lifecycle, add func(string, ...any)) {
	switch l.Status {
	case StatusGenerallyAvailable, StatusPreview, StatusDeprecating, StatusDeprecated, StatusLegacy:
	default:
		add("%s.status: %q is not one of %s, %s, %s, %s, %s", key, l.Status, StatusGenerallyAvailable, StatusPreview, StatusDeprecating, StatusDeprecated, StatusLegacy)
	}
	dates := map[string]string{"deprecation": l.Deprecation, "deprecationNotBefore": l.DeprecationNotBefore,
		"retirement": l.Retirement, "retirementNotBefore": l.RetirementNotBefore}
	for dt, d := range l.RetirementByDeploymentType {
		if _, ok := c.DeploymentTypes[dt]; !ok {
			add("%s.retirementByDeploymentType: deployment type %q is not in deploymentTypes", key, dt)
		}
		dates["retirementByDeploymentType."+dt] = d
	}
	for field, d := range dates {
		if d == "" {
			continue
		}
		if _, err := time.Parse(DateLayout, d); err != nil {
			add("%s.%s: %q is not a date (YYYY-MM-DD)", key, field, d)
		}
	}
}

// validate checks quotas against the catalog's models and deployment types; key is
// the config key the quotas come from.
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

// lookup returns a quota set for a model and deployment type: the model's own
// entry first, then the default.
func (q *Quotas) lookup(model, deploymentType string) (n int, modelEntry, found bool) {
	if q == nil {
		return 0, false, false
	}
	if n, ok := q.Models[model][deploymentType]; ok {
		return n, true, true
	}
	n, ok := q.Default[deploymentType]
	return n, false, ok
}

// IsGlobal reports whether a deployment type routes requests across regions on its
// own (global and data-zone scopes), so that it needs no second region of its own.
func (c *Catalog) IsGlobal(deploymentType string) bool {
	dt, ok := c.DeploymentTypes[deploymentType]
	return ok && dt.Scope != ScopeRegional
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

// Offered reports whether a model version is offered with a deployment type in a region.
func (c *Catalog) Offered(model, version, deploymentType, region string) bool {
	return slices.Contains(c.Models[model].Versions[version].Deployments[deploymentType], region)
}

// VersionsOffered returns the sorted versions of a model offered with a deployment
// type in a region.
func (c *Catalog) VersionsOffered(model, deploymentType, region string) []string {
	var out []string
	m := c.Models[model]
	for _, v := range m.VersionNames() {
		if slices.Contains(m.Versions[v].Deployments[deploymentType], region) {
			out = append(out, v)
		}
	}
	return out
}

// availabilityProblem explains why a model version is not offered with a deployment
// type in a region, or returns "" when it is. The model, version and deployment type
// must be known. The text names the model, version, deployment type, region and
// where the version is offered instead.
func (c *Catalog) availabilityProblem(model, version, deploymentType, region string) string {
	mv := c.Models[model].Versions[version]
	regions, ok := mv.Deployments[deploymentType]
	if !ok {
		return fmt.Sprintf("model %q version %q is not offered as %s in any region; this version is offered as %s",
			model, version, deploymentType, strings.Join(sortedKeys(mv.Deployments), ", "))
	}
	if slices.Contains(regions, region) {
		return ""
	}
	msg := fmt.Sprintf("model %q version %q as %s is not offered in region %q; regions that offer it: %s",
		model, version, deploymentType, region, strings.Join(regions, ", "))
	if others := c.VersionsOffered(model, deploymentType, region); len(others) > 0 {
		msg += fmt.Sprintf(" (in %s, %s offers %s as %s)", region, model, joinVersions(others), deploymentType)
	}
	return msg
}

func joinVersions(vs []string) string {
	if len(vs) == 1 {
		return "version " + vs[0]
	}
	return "versions " + strings.Join(vs, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
