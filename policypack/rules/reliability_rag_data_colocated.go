package rules

import "strings"

// ReliabilityRAGColocated advises RAG data stores in the region of the AI endpoints.
var ReliabilityRAGColocated = register(&Rule{
	Name: "reliability-rag-data-colocated",
	Description: "AI Search services and AI asset storage accounts (retrieval-augmented generation data) are in a region of the stack's AI endpoints, " +
		"so that retrieval does not cross regions; replicas written by object replication are exempt.",
	Section:        SectionReliability,
	Recommendation: "Optimize data placement for retrieval-augmented generation applications.",
	Mirrors:        "None in Azure Policy: the guide's data-placement recommendation",
	Severity:       Low,
	Level:          Advisory,
	Types:          []string{TypeAccount, TypeSearchService, TypeStorageAccount, TypeObjectReplication},
	CheckStack: func(_ *Context, s *Stack) []Finding {
		regions := map[string]bool{}
		for _, a := range s.OfType(TypeAccount) {
			if !isEndpoint(a) {
				continue
			}
			if region, v, ok := a.Location(); ok {
				regions[region] = true
			} else if v.IsUnknown() {
				return nil // cannot tell the endpoints' regions yet; advisory, so say nothing until update
			}
		}
		if len(regions) == 0 {
			return nil
		}
		where := strings.Join(sortedSet(regions), ", ")
		replicas := replicationTargets(s)
		var out []Finding
		check := func(r *Resource, what string) {
			region, v, ok := r.Location()
			switch {
			case v.IsUnknown():
				out = append(out, Unverifiable("location", what+" "+quote(r.Label())+" is in a region of the AI endpoints").At(r.URN))
			case ok && !regions[region]:
				out = append(out, Violation("%s %q is in %s but the AI endpoints are in %s; keep retrieval data in the endpoint's region to avoid cross-region latency.",
					what, r.Label(), region, where).At(r.URN))
			}
		}
		for _, r := range s.OfType(TypeSearchService) {
			check(r, "search service")
		}
		for _, r := range s.OfType(TypeStorageAccount) {
			if isAssetStorage(r) && !replicas[r] {
				check(r, "storage account")
			}
		}
		return out
	},
})

// isAssetStorage reports whether a storage account holds AI assets: one tagged by the
// AssetReplication component, or one no component of ours tagged (a user's account).
func isAssetStorage(r *Resource) bool {
	c, ok := r.Tag(TagComponent)
	return !ok || c == "" || strings.EqualFold(c, "AssetReplication")
}

// replicationTargets returns the storage accounts that object replication policies
// write to (their destination accounts).
func replicationTargets(s *Stack) map[*Resource]bool {
	out := map[*Resource]bool{}
	for _, p := range s.OfType(TypeObjectReplication) {
		if dst, _ := s.Resolve(p, "destinationAccount", "", TypeStorageAccount); dst != nil {
			out[dst] = true
		}
	}
	return out
}

// replicated returns the storage accounts that are the source or the destination of an
// object replication policy, and whether some policy's accounts are unknown at preview.
func replicated(s *Stack) (map[*Resource]bool, bool) {
	out := map[*Resource]bool{}
	maybe := false
	for _, p := range s.OfType(TypeObjectReplication) {
		for _, key := range [...]string{"sourceAccount", "destinationAccount", "accountName"} {
			r, unknown := s.Resolve(p, key, "", TypeStorageAccount)
			if r != nil {
				out[r] = true
			} else if unknown {
				maybe = true
			}
		}
	}
	return out, maybe
}
