package catalog

// This file, like facts.go, is copied into the policy pack by the generator: the
// shape of a subscription's imported listings and how they change a catalog.

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// Import is what the import command makes of a subscription's own listings (Models -
// List, Usages - List and the resource providers' locations): per region, the model
// versions and deployment types the subscription may deploy and its quota with the
// current usage. Applied to a catalog (WithImport), it replaces the catalog's
// availability in the regions it covers.
type Import struct {
	// Subscription is the subscription id the listings were read with.
	Subscription string `json:"subscription"`
	// Date is the day the listings were read (YYYY-MM-DD).
	Date string `json:"date"`
	// Regions by name: what the subscription sees there.
	Regions map[string]ImportedRegion `json:"regions"`
	// Services lists, per service (search, ml), the regions whose resource provider
	// offers it; a service not listed keeps the catalog's regions.
	Services map[string][]string `json:"services,omitempty"`
}

// ImportedRegion is one region of an import.
type ImportedRegion struct {
	// Models by name, then by version.
	Models map[string]map[string]ImportedVersion `json:"models"`
	// Quotas by model, then by deployment type.
	Quotas map[string]map[string]ImportedQuota `json:"quotas,omitempty"`
}

// ImportedVersion is one model version a region offers the subscription.
type ImportedVersion struct {
	// Format is the model format (e.g. "OpenAI").
	Format string `json:"format"`
	// DeploymentTypes are the SKUs the version can be deployed with.
	DeploymentTypes []string `json:"deploymentTypes"`
	// Lifecycle is the version's status and dates, as the listing gives them.
	Lifecycle *Lifecycle `json:"lifecycle,omitempty"`
}

// ImportedQuota is the subscription's quota for a model and deployment type in a region.
type ImportedQuota struct {
	// Limit is the quota (the listing's limit).
	Limit int `json:"limit"`
	// Used is the capacity already in use (the listing's currentValue).
	Used int `json:"used"`
}

// Source names the import in verdicts.
func (imp *Import) Source() string {
	return "import from subscription " + imp.Subscription + " on " + imp.Date
}

var guidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Validate checks an import against the catalog it will be applied to: a GUID
// subscription, a date, known regions and deployment types, lifecycles of the
// catalog's shape, and quotas with 0 <= used and 0 <= limit.
func (imp *Import) Validate(c *Catalog) error {
	var errs []string
	add := func(format string, v ...any) { errs = append(errs, fmt.Sprintf(format, v...)) }
	if !guidRE.MatchString(imp.Subscription) {
		add("subscription: %q is not a subscription id (a GUID)", imp.Subscription)
	}
	if _, err := time.Parse(DateLayout, imp.Date); err != nil {
		add("date: %q is not a date (YYYY-MM-DD)", imp.Date)
	}
	if len(imp.Regions) == 0 {
		add("regions: none; import the listings of at least one region")
	}
	for _, r := range sortedKeys(imp.Regions) {
		if _, ok := c.Regions[r]; !ok {
			add("regions.%s: not a region of the catalog; add it to catalog/source/base.json", r)
		}
		imp.validateRegion(c, "regions."+r, imp.Regions[r], add)
	}
	for _, svc := range sortedKeys(imp.Services) {
		for _, r := range imp.Services[svc] {
			if _, ok := c.Regions[r]; !ok {
				add("services.%s: region %q is not a region of the catalog", svc, r)
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return errors.New(strings.Join(errs, "; "))
}

func (imp *Import) validateRegion(c *Catalog, key string, r ImportedRegion, add func(string, ...any)) {
	for _, m := range sortedKeys(r.Models) {
		for _, v := range sortedKeys(r.Models[m]) {
			iv := r.Models[m][v]
			for _, dt := range iv.DeploymentTypes {
				if _, ok := c.DeploymentTypes[dt]; !ok {
					add("%s.models.%s.%s.deploymentTypes: %q is not a deployment type of the catalog", key, m, v, dt)
				}
			}
			if iv.Lifecycle != nil {
				c.validateLifecycle(key+".models."+m+"."+v+".lifecycle", iv.Lifecycle, add)
			}
		}
	}
	for _, m := range sortedKeys(r.Quotas) {
		for _, dt := range sortedKeys(r.Quotas[m]) {
			q := r.Quotas[m][dt]
			if _, ok := c.DeploymentTypes[dt]; !ok {
				add("%s.quotas.%s: %q is not a deployment type of the catalog", key, m, dt)
			}
			if q.Limit < 0 || q.Used < 0 {
				add("%s.quotas.%s.%s: limit %d and used %d must not be negative", key, m, dt, q.Limit, q.Used)
			}
		}
	}
}

// WithImport returns a copy of the catalog in which every region the import covers
// offers exactly the model versions and deployment types the import lists there,
// with the import's lifecycle, and the services the import lists; other regions keep
// the catalog's facts. The import must be valid for the catalog.
func (c *Catalog) WithImport(imp *Import) (*Catalog, error) {
	if err := imp.Validate(c); err != nil {
		return nil, fmt.Errorf("import from subscription %s: %w", imp.Subscription, err)
	}
	out := *c
	out.imported = imp
	out.Models = map[string]Model{}
	for name, m := range c.Models {
		out.Models[name] = m.without(imp.Regions)
	}
	out.Regions = map[string]Region{}
	for name, r := range c.Regions {
		r.Services = slices.Clone(r.Services)
		out.Regions[name] = r
	}
	for _, region := range sortedKeys(imp.Regions) {
		out.addImported(region, imp.Regions[region])
	}
	for svc, regions := range imp.Services {
		for name, r := range out.Regions {
			r.Services = slices.DeleteFunc(r.Services, func(s string) bool { return s == svc })
			if slices.Contains(regions, name) {
				r.Services = append(r.Services, svc)
			}
			sort.Strings(r.Services)
			out.Regions[name] = r
		}
	}
	return &out, nil
}

// without returns the model with the given regions removed from every deployment.
func (m Model) without(regions map[string]ImportedRegion) Model {
	out := Model{Format: m.Format, Versions: map[string]ModelVersion{}}
	for v, mv := range m.Versions {
		nv := ModelVersion{Lifecycle: mv.Lifecycle, Deployments: map[string][]string{}}
		for dt, rs := range mv.Deployments {
			nv.Deployments[dt] = slices.DeleteFunc(slices.Clone(rs), func(r string) bool { _, ok := regions[r]; return ok })
		}
		out.Versions[v] = nv
	}
	return out
}

// addImported adds what an import lists in one region.
func (c *Catalog) addImported(region string, r ImportedRegion) {
	if len(r.Models) > 0 {
		reg := c.Regions[region]
		if !reg.Offers(ServiceOpenAI) {
			reg.Services = append(reg.Services, ServiceOpenAI)
			sort.Strings(reg.Services)
			c.Regions[region] = reg
		}
	}
	for name, versions := range r.Models {
		for v, iv := range versions {
			m, ok := c.Models[name]
			if !ok {
				m = Model{Format: iv.Format, Versions: map[string]ModelVersion{}}
			}
			mv := m.Versions[v]
			if mv.Deployments == nil {
				mv.Deployments = map[string][]string{}
			}
			if iv.Lifecycle != nil {
				mv.Lifecycle = iv.Lifecycle
			}
			for _, dt := range iv.DeploymentTypes {
				mv.Deployments[dt] = append(mv.Deployments[dt], region)
				sort.Strings(mv.Deployments[dt])
			}
			m.Versions[v] = mv
			c.Models[name] = m
		}
	}
}

// ServiceImported reports whether the regions offering a service come from the
// applied import (its provider listing of the service), and names the import.
func (c *Catalog) ServiceImported(service string) (source string, ok bool) {
	if c.imported == nil {
		return "", false
	}
	if _, listed := c.imported.Services[service]; !listed {
		return "", false
	}
	return c.imported.Source(), true
}

// Imported returns the import applied to the catalog, or nil.
func (c *Catalog) Imported() *Import { return c.imported }

// Remaining returns what is left of the subscription's quota for a model and
// deployment type in a region (limit - used), the limit, and whether the import
// has that quota.
func (c *Catalog) Remaining(region, model, deploymentType string) (left, limit int, ok bool) {
	if c.imported == nil {
		return 0, 0, false
	}
	q, ok := c.imported.Regions[region].Quotas[model][deploymentType]
	if !ok {
		return 0, 0, false
	}
	return q.Limit - q.Used, q.Limit, true
}

// decodeImport decodes an import (unknown fields refused) and applies it to the
// catalog.
func (c *Catalog) decodeImport(data []byte) (*Catalog, error) {
	var imp Import
	if err := decodeStrict(data, &imp); err != nil {
		return nil, fmt.Errorf("decoding the import: %w", err)
	}
	return c.WithImport(&imp)
}

// LifecycleNotice reports a model version whose retirement (for the deployment type)
// has passed on asOf or comes within windowDays, or that is deprecated (no longer
// open to new customers); it returns "" otherwise. retired is true when the version
// no longer answers. The text names the model, version, deployment type, the date
// and where the fact comes from.
func (c *Catalog) LifecycleNotice(model, version, deploymentType, region string, asOf time.Time, windowDays int) (notice string, retired bool) {
	l := c.Models[model].Versions[version].Lifecycle
	if l == nil {
		return "", false
	}
	what := fmt.Sprintf("model %q version %q as %s", model, version, deploymentType)
	per := " (per the " + c.ProvenanceFor(region) + ")"
	day := asOf.UTC().Format(DateLayout)
	switch l.Status {
	case StatusDeprecated:
		return fmt.Sprintf("%s is retired (lifecycle status %s)%s: its deployments no longer answer; deploy a current version", what, l.Status, per), true
	case StatusDeprecating:
		return fmt.Sprintf("%s is being retired (lifecycle status %s)%s: only subscriptions that deploy it already may deploy it", what, l.Status, per), false
	}
	if r := l.RetirementFor(deploymentType); r != "" {
		rt, _ := time.Parse(DateLayout, r)
		switch days := int(rt.Sub(asOf.UTC().Truncate(24*time.Hour)).Hours() / 24); {
		case r <= day:
			return fmt.Sprintf("%s retired on %s%s: its deployments no longer answer; deploy a current version", what, r, per), true
		case days <= windowDays:
			return fmt.Sprintf("%s retires on %s, in %d days%s; plan the move to a current version", what, r, days, per), false
		}
	}
	if d := l.Deprecation; d != "" && d <= day {
		return fmt.Sprintf("%s is deprecated since %s%s: subscriptions that never deployed it cannot deploy it", what, d, per), false
	}
	return "", false
}
