package rules

import (
	"slices"
	"strings"
)

// geoRedundantSKUs are the storage SKUs that replicate to the paired region.
var geoRedundantSKUs = []string{"Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"}

// ReliabilityAssetReplication requires production AI assets replicated to a second region.
var ReliabilityAssetReplication = register(&Rule{
	Name: "reliability-production-asset-replication",
	Description: "In production, AI asset storage accounts are geo-redundant or replicated by an object replication policy, " +
		"and AI Search services exist in a second region, since AI Search has no geo-replication of its own.",
	Section:        SectionReliability,
	Recommendation: "Replicate critical AI assets to secondary regions for business continuity.",
	BuiltIns: []BuiltIn{
		{ID: "bf045164-79ba-4215-8f95-f8048dc1780b", DisplayName: "Geo-redundant storage should be enabled for Storage Accounts", Effects: "Azure can only audit it (effect Audit or Disabled)"},
	},
	Mirrors:  "object replication to a second account counts as well",
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeStorageAccount, TypeObjectReplication, TypeSearchService, TypeAccount, TypeMLWorkspace},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		if len(s.OfType(TypeAccount))+len(s.OfType(TypeSearchService))+len(s.OfType(TypeMLWorkspace)) == 0 {
			return nil // no AI workload in this stack
		}
		var out []Finding
		repl, maybeRepl := replicated(s)
		for _, r := range s.OfType(TypeStorageAccount) {
			c := ctx.Classify(r)
			if !c.Production || !isAssetStorage(r) || repl[r] {
				continue
			}
			sku := r.Get("sku.name")
			if sku.IsUnknown() {
				out = append(out, Unverifiable("sku.name", "storage account "+quote(r.Label())+" is geo-redundant").At(r.URN))
				continue
			}
			if name, ok := sku.Str(); ok && slices.ContainsFunc(geoRedundantSKUs, func(g string) bool { return strings.EqualFold(g, name) }) {
				continue
			}
			if maybeRepl {
				out = append(out, Unverifiable("sourceAccount", "storage account "+quote(r.Label())+" is replicated").At(r.URN))
				continue
			}
			out = append(out, Violation("storage account %q has sku.name %s and no object replication policy; use %s, or replicate it to an account in the secondary region with a storage:ObjectReplicationPolicy (%s).",
				r.Label(), show(sku), joinQuoted(geoRedundantSKUs), c.DescribeEnvironment()).At(r.URN))
		}
		var prodSearch []*Resource
		for _, r := range s.OfType(TypeSearchService) {
			if ctx.Classify(r).Production {
				prodSearch = append(prodSearch, r)
			}
		}
		if len(prodSearch) == 0 {
			return out
		}
		regions := map[string]bool{}
		for _, r := range prodSearch {
			region, v, ok := r.Location()
			if v.IsUnknown() {
				return append(out, Unverifiable("location", "the production search services span two regions").At(r.URN))
			}
			if ok {
				regions[region] = true
			}
		}
		if len(regions) < 2 {
			where := "one region"
			if len(regions) == 1 {
				where = sortedSet(regions)[0]
			}
			out = append(out, Violation("production AI Search services are all in %s; add a search service in the secondary region and keep it in sync (AI Search has no geo-replication) (%s).",
				where, ctx.Classify(prodSearch[0]).DescribeEnvironment()).At(prodSearch[0].URN))
		}
		return out
	},
})
