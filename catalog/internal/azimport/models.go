package azimport

import (
	"fmt"
	"regexp"
	"time"

	"github.com/aiready/aiready/catalog"
)

// modelListing is what one region's Models - List gives.
type modelListing struct {
	// versions by model, then version.
	versions map[string]map[string]catalog.ImportedVersion
	// usage names the deployment type and model a usage name counts for.
	usage map[string]quotaKey
}

type quotaKey struct{ model, deploymentType string }

// lifecycleStatuses maps the listing's lifecycleStatus to the catalog's.
var lifecycleStatuses = map[string]string{
	"GenerallyAvailable": catalog.StatusGenerallyAvailable,
	"Stable":             catalog.StatusGenerallyAvailable,
	"Preview":            catalog.StatusPreview,
	"Deprecating":        catalog.StatusDeprecating,
	"Deprecated":         catalog.StatusDeprecated,
	"Legacy":             catalog.StatusLegacy,
}

// parseModels reads one region's Models - List.
func parseModels(file string, root node, cat *catalog.Catalog) (*modelListing, error) {
	items, err := root.list(file)
	if err != nil {
		return nil, err
	}
	out := &modelListing{versions: map[string]map[string]catalog.ImportedVersion{}, usage: map[string]quotaKey{}}
	for _, it := range items {
		if _, err := it.object(file); err != nil {
			return nil, err
		}
		if err := out.addItem(file, it.field("model"), cat); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// addItem adds one listed model version of format OpenAI.
func (l *modelListing) addItem(file string, m node, cat *catalog.Catalog) error {
	if _, err := m.object(file); err != nil {
		return err
	}
	format, err := m.field("format").str(file, true)
	if err != nil || format != "OpenAI" {
		return err // other formats (Microsoft, Meta, ...) are not Azure OpenAI models
	}
	name, err := m.field("name").str(file, true)
	if err != nil {
		return err
	}
	version, err := m.field("version").str(file, true)
	if err != nil {
		return err
	}
	lc, err := lifecycleOf(file, m)
	if err != nil {
		return err
	}
	iv := catalog.ImportedVersion{Format: format, Lifecycle: lc}
	skus, err := m.field("skus").items(file)
	if err != nil {
		return err
	}
	for _, sku := range skus {
		if err := l.addSKU(file, sku, name, &iv, cat); err != nil {
			return err
		}
	}
	if len(iv.DeploymentTypes) == 0 {
		return nil // no deployment type the catalog knows
	}
	if l.versions[name] == nil {
		l.versions[name] = map[string]catalog.ImportedVersion{}
	}
	if _, dup := l.versions[name][version]; dup {
		return &problem{file, m.path, fmt.Sprintf("%s version %s is listed twice", name, version)}
	}
	l.versions[name][version] = iv
	return nil
}

func (l *modelListing) addSKU(file string, sku node, model string, iv *catalog.ImportedVersion, cat *catalog.Catalog) error {
	if _, err := sku.object(file); err != nil {
		return err
	}
	dt, err := sku.field("name").str(file, true)
	if err != nil {
		return err
	}
	if _, known := cat.DeploymentTypes[dt]; !known {
		return nil // a SKU that is no deployment type of the catalog (e.g. a fine-tuning tier)
	}
	iv.DeploymentTypes = append(iv.DeploymentTypes, dt)
	usage, err := sku.field("usageName").str(file, false)
	if err != nil {
		return err
	}
	if usage != "" {
		l.usage[usage] = quotaKey{model, dt}
	}
	dep, err := dateOf(file, sku.field("deprecationDate"))
	if err != nil || dep == "" {
		return err
	}
	if iv.Lifecycle == nil {
		iv.Lifecycle = &catalog.Lifecycle{Status: catalog.StatusGenerallyAvailable}
	}
	if iv.Lifecycle.RetirementByDeploymentType == nil {
		iv.Lifecycle.RetirementByDeploymentType = map[string]string{}
	}
	iv.Lifecycle.RetirementByDeploymentType[dt] = dep
	return nil
}

// lifecycleOf reads lifecycleStatus and deprecation.inference; nil when neither is given.
func lifecycleOf(file string, m node) (*catalog.Lifecycle, error) {
	status, err := m.field("lifecycleStatus").str(file, false)
	if err != nil {
		return nil, err
	}
	retire, err := dateOf(file, m.field("deprecation").field("inference"))
	if err != nil {
		return nil, err
	}
	if status == "" && retire == "" {
		return nil, nil
	}
	lc := &catalog.Lifecycle{Status: catalog.StatusGenerallyAvailable, Retirement: retire}
	if status != "" {
		s, ok := lifecycleStatuses[status]
		if !ok {
			return nil, &problem{file, m.field("lifecycleStatus").path, fmt.Sprintf("%q is not a lifecycle status (GenerallyAvailable, Stable, Preview, Deprecating, Deprecated, Legacy)", status)}
		}
		lc.Status = s
	}
	return lc, nil
}

var dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// dateOf reads an RFC 3339 date-time (or a date) as YYYY-MM-DD; "" when missing.
func dateOf(file string, n node) (string, error) {
	s, err := n.str(file, false)
	if err != nil || s == "" {
		return "", err
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(catalog.DateLayout), nil
	}
	if dateTimeRE.MatchString(s) {
		if t, err := time.Parse(catalog.DateLayout, s[:10]); err == nil {
			return t.Format(catalog.DateLayout), nil
		}
	}
	return "", &problem{file, n.path, fmt.Sprintf("%q is not a date-time (RFC 3339, e.g. 2026-10-01T00:00:00Z)", s)}
}
