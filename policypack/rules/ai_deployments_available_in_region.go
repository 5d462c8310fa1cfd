package rules

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/props"
)

// AIDeploymentsAvailable requires every AI service, model and deployment type to be
// available in its region, per the catalog.
var AIDeploymentsAvailable = register(&Rule{
	Name: "ai-deployments-available-in-region",
	Description: "Every AI service (Azure OpenAI / AI services, AI Search, Machine Learning) is in a region that offers it, and every model deployment's model " +
		"version and deployment type are offered in its account's region, per the availability catalog (config catalog; embedded by default) or, in the regions it covers, the subscription's catalogImport.",
	Section:        SectionReliability,
	Recommendation: "Verify AI service availability in target regions before deployment.",
	BuiltIns: []BuiltIn{
		{ID: "e56962a6-4747-49cd-b67b-bf8b01975c4c", DisplayName: "Allowed locations"},
	},
	Mirrors:  "narrowed to where each service and model is offered",
	Severity: Medium,
	Level:    Mandatory,
	Types:    []string{TypeAccount, TypeDeployment, TypeSearchService, TypeMLWorkspace},
	Config:   []string{"catalog", "catalogImport"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		cat := ctx.Settings.Catalog
		var out []Finding
		services := [...]struct{ typ, service, what string }{
			{TypeAccount, config.ServiceOpenAI, "Azure OpenAI / AI services account"},
			{TypeSearchService, config.ServiceSearch, "AI Search service"},
			{TypeMLWorkspace, config.ServiceML, "Machine Learning workspace"},
		}
		for _, svc := range services {
			for _, r := range s.OfType(svc.typ) {
				if svc.typ == TypeAccount && !isEndpoint(r) {
					continue
				}
				if f, ok := regionOffers(cat, r, svc.service, svc.what); !ok {
					out = append(out, f.At(r.URN))
				}
			}
		}
		for _, d := range s.OfType(TypeDeployment) {
			if f, ok := deploymentAvailable(ctx, s, d); !ok {
				out = append(out, f.At(d.URN))
			}
		}
		return out
	},
})

// regionOffers checks a resource's location against the catalog.
func regionOffers(cat *config.Catalog, r *Resource, service, what string) (Finding, bool) {
	region, v, ok := r.Location()
	switch {
	case v.IsUnknown():
		return Unverifiable("location", "the region offers the "+what), false
	case !ok:
		return Violation("location is %s, so the %s takes its resource group's region, which cannot be checked; set location explicitly.", show(v), what), false
	}
	reg, known := cat.Regions[region]
	if !known {
		return Violation("location %q is not a region of the availability catalog (version %s); use one of %s, or add it to the catalog config of ai-deployments-available-in-region.",
			region, cat.Version, strings.Join(config.SortedKeys(cat.Regions), ", ")), false
	}
	if !reg.Offers(service) {
		source := "catalog version " + cat.Version
		if src, imported := cat.ServiceImported(service); imported {
			source = "per the " + src
		}
		return Violation("region %q does not offer the %s (%s); use one of %s.",
			region, what, source, strings.Join(cat.RegionsOffering(service), ", ")), false
	}
	return Finding{}, true
}

// deploymentAvailable checks a deployment's model, version and deployment type in
// its account's region.
func deploymentAvailable(ctx *Context, s *Stack, d *Resource) (Finding, bool) {
	cat := ctx.Settings.Catalog
	acct, maybe := accountOf(s, d)
	if acct == nil {
		if maybe {
			return Unverifiable("accountName", "the deployment's model is offered in its account's region"), false
		}
		return Finding{}, true // the account is in another stack: its region is not known here
	}
	region, v, ok := acct.Location()
	if !ok {
		if v.IsUnknown() {
			return Unverifiable("location", "the deployment's model is offered in the region of account "+quote(acct.Label())), false
		}
		return Finding{}, true // reported on the account
	}
	// Declared: a model, version or deployment type the program does not set is
	// missing, though the outputs say unknown at preview.
	modelV, versionV, skuV := d.Declared("properties.model.name"), d.Declared("properties.model.version"), d.Declared("sku.name")
	for _, x := range []struct {
		v    props.Value
		path string
		what string
	}{{modelV, "properties.model.name", "the model"}, {versionV, "properties.model.version", "the model version"}, {skuV, "sku.name", "the deployment type"}} {
		if x.v.IsUnknown() {
			return Unverifiable(x.path, x.what+" is offered in "+region), false
		}
	}
	model, _ := modelV.Str()
	version, _ := versionV.Str()
	dtype, ok := skuV.Str()
	if !ok || dtype == "" {
		return Violation("sku.name is %s; name the deployment type (e.g. \"GlobalStandard\", \"DataZoneStandard\", \"Standard\").", show(skuV)), false
	}
	if _, known := cat.DeploymentTypes[dtype]; !known {
		return Violation("sku.name %q is not a deployment type; use one of %s.", dtype, strings.Join(config.SortedKeys(cat.DeploymentTypes), ", ")), false
	}
	m, known := cat.Models[model]
	if !known {
		return Violation("model %q is not in the availability catalog (version %s); use one of %s, or add it to the catalog config of ai-deployments-available-in-region.",
			model, cat.Version, strings.Join(config.SortedKeys(cat.Models), ", ")), false
	}
	return versionAvailable(cat, acct, m, model, version, dtype, region)
}

// versionAvailable checks one version of a known model; a deployment without a
// version gets the version Azure picks, so any version offered there passes.
func versionAvailable(cat *config.Catalog, acct *Resource, m config.Model, model, version, dtype, region string) (Finding, bool) {
	where := fmt.Sprintf(" (the region of account %q; per the %s).", acct.Label(), cat.ProvenanceFor(region))
	if version == "" {
		if len(cat.VersionsOffered(model, dtype, region)) > 0 {
			return Finding{}, true
		}
		return Violation("no version of model %q is offered as %s in %s%s", model, dtype, region, strings.TrimSuffix(where, ".")+"; pin a version offered in the region."), false
	}
	if _, known := m.Versions[version]; !known {
		return Violation("model %q version %q is not in the availability catalog (version %s); use one of %s.",
			model, version, cat.Version, strings.Join(m.VersionNames(), ", ")), false
	}
	if p := cat.AvailabilityProblem(model, version, dtype, region); p != "" {
		return Violation("%s%s", p, where), false
	}
	return Finding{}, true
}
