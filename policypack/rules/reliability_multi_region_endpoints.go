package rules

import (
	"fmt"
	"strings"
)

// ReliabilityMultiRegion requires production AI endpoints in two regions, or global deployments only.
var ReliabilityMultiRegion = register(&Rule{
	Name: "reliability-production-multi-region-endpoints",
	Description: "Production AI endpoints are in two or more regions, or every model deployment uses a global or data-zone deployment type " +
		"that routes requests across regions on its own.",
	Section:        SectionReliability,
	Recommendation: "Deploy AI endpoints across multiple regions for production workloads.",
	Mirrors:        "None in Azure Policy: Azure Policy judges one resource, not a workload's regions",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeAccount, TypeDeployment},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		var prod []*Resource
		for _, a := range s.OfType(TypeAccount) {
			if isEndpoint(a) && ctx.Classify(a).Production {
				prod = append(prod, a)
			}
		}
		if len(prod) == 0 {
			return nil
		}
		regions := map[string]bool{}
		var unknownAt string
		for _, a := range prod {
			if region, v, ok := a.Location(); ok {
				regions[region] = true
			} else if v.IsUnknown() && unknownAt == "" {
				unknownAt = a.Label()
			}
		}
		if len(regions) >= 2 {
			return nil
		}
		if unknownAt != "" {
			return []Finding{Unverifiable("location", "the production AI endpoints span two regions (account "+quote(unknownAt)+")")}
		}
		var regional []string
		deployments := 0
		for _, a := range prod {
			ds, maybe := deploymentsOf(s, a)
			if maybe {
				return []Finding{Unverifiable("accountName", "the deployments of account "+quote(a.Label())+" use global deployment types")}
			}
			for _, d := range ds {
				deployments++
				sku := d.Declared("sku.name")
				if sku.IsUnknown() {
					return []Finding{Unverifiable("sku.name", "deployment "+quote(d.Label())+" uses a global deployment type").At(d.URN)}
				}
				name, _ := sku.Str()
				if !ctx.Settings.Catalog.IsGlobal(name) {
					regional = append(regional, fmt.Sprintf("%q (%s)", d.Label(), show(sku)))
				}
			}
		}
		if deployments > 0 && len(regional) == 0 {
			return nil
		}
		where := "one region"
		if len(regions) == 1 {
			where = "one region (" + sortedSet(regions)[0] + ")"
		}
		why := "no model deployment uses a global deployment type"
		if len(regional) > 0 {
			why = "deployments " + strings.Join(regional, ", ") + " are regional"
		}
		return []Finding{Violation("production AI endpoints are all in %s and %s; add an endpoint in a second region behind API Management, or use global deployment types (GlobalStandard, DataZoneStandard) (%s).",
			where, why, ctx.Classify(prod[0]).DescribeEnvironment())}
	},
})
