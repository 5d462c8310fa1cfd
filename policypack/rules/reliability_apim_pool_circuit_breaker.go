package rules

import (
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// ReliabilityAPIMPool requires an API Management pool with circuit breakers in front of regional endpoints.
var ReliabilityAPIMPool = register(&Rule{
	Name: "reliability-apim-pool-circuit-breaker",
	Description: "When two or more AI endpoints serve regional deployments, an API Management pool backend load-balances them, " +
		"and every member backend has a circuit breaker that trips on HTTP 429.",
	Section:        SectionReliability,
	Recommendation: "Deploy AI endpoints across multiple regions for production workloads (API Management load balancing and circuit breaker).",
	Mirrors:        "None in Azure Policy: API Management's GenAI gateway backend pool and circuit breaker guidance",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeAccount, TypeDeployment, TypeAPIMBackend, TypeARMDeployment},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		endpoints := regionalEndpoints(ctx, s)
		if len(endpoints) < 2 {
			return nil
		}
		pools, maybePool := apimPools(s)
		if len(pools) == 0 {
			if maybePool != nil {
				return []Finding{*maybePool}
			}
			names := make([]string, len(endpoints))
			for i, e := range endpoints {
				names[i] = e.Label()
			}
			return []Finding{Violation("%d AI endpoints serve regional deployments (%s) but no API Management backend is a pool; add a backend of type \"Pool\" whose pool.services are a backend per endpoint (declare it in the ARM template of a resources:Deployment: azure-native's Backend cannot create a pool).",
				len(endpoints), joinQuoted(names))}
		}
		members, maybeMembers := poolMembers(s, pools)
		// The endpoints some member's url came from (AnalyzeStack's property
		// dependencies, a component standing for the resources inside it): those
		// need no search through every member's url.
		served := map[string]bool{}
		for _, m := range members {
			for _, d := range m.PropertyDependencies["url"] {
				for _, u := range s.within(d) {
					served[u] = true
				}
			}
		}
		var out []Finding
		for _, e := range endpoints {
			best := NoRef
			if served[e.URN] {
				best = IsRef
			}
			for _, m := range members {
				if best == IsRef {
					break
				}
				if r := backendServes(m, e); r == IsRef {
					best = IsRef
					break
				} else if r == MaybeRef {
					best = MaybeRef
				}
			}
			switch {
			case best == IsRef:
			case best == MaybeRef || maybeMembers:
				out = append(out, Unverifiable("url", "endpoint "+quote(e.Label())+" is a member of an API Management pool").At(e.URN))
			default:
				out = append(out, Violation("endpoint %q is not a member of an API Management pool; add a backend whose url is the endpoint's and list it in the pool's pool.services.",
					e.Label()).At(e.URN))
			}
		}
		for _, b := range members {
			// The circuit breaker is the program's to set: one it did not set is
			// missing, though the outputs say unknown at preview.
			breaker := b.Declared("circuitBreaker")
			if breaker.IsAbsent() {
				out = append(out, Violation("pool member backend %q has no circuit breaker; add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true.",
					b.Label()).At(b.URN))
				continue
			}
			switch trips429(breaker.Field("rules")) {
			case no:
				out = append(out, Violation("pool member backend %q has no circuit breaker rule that trips on 429; add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true.",
					b.Label()).At(b.URN))
			case maybe:
				out = append(out, Unverifiable("circuitBreaker.rules", "pool member backend "+quote(b.Label())+" trips on 429").At(b.URN))
			}
		}
		return out
	},
})

// regionalEndpoints returns the AI endpoints (accounts of kind OpenAI or AIServices)
// with at least one model deployment of a regional deployment type, in stack order.
func regionalEndpoints(ctx *Context, s *Stack) []*Resource {
	var out []*Resource
	for _, a := range s.OfType(TypeAccount) {
		if !isEndpoint(a) {
			continue
		}
		ds, _ := deploymentsOf(s, a)
		for _, d := range ds {
			sku, ok := d.Declared("sku.name").Str()
			if ok && !ctx.Settings.Catalog.IsGlobal(sku) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// isPool says whether a backend is a load-balanced pool: its declared type is "Pool"
// or it declares a pool. Without analyzed inputs the outputs tell, where the type is
// the ARM resource type: a pool is then a backend with pool.services; maybe when
// neither the type nor the pool is known yet.
func isPool(b *Resource) tri {
	if b.Declared("type").Equal("Pool") {
		return yes
	}
	if v, analyzed := b.Input("pool"); analyzed {
		if v.IsAbsent() {
			return no
		}
		return yes
	}
	services := b.Get("pool.services")
	switch {
	case services.Len() > 0:
		return yes
	case services.IsUnknown() && b.Get("type").IsUnknown():
		return maybe
	}
	return no
}

// poolMembers returns the member backends of the pools, in stack order: the backends
// the pools' declaring property depends on, and those their pool.services[].id name
// (names, ARM ids, resourceId expressions); maybe is true when some pool's members
// cannot be told at preview.
func poolMembers(s *Stack, pools []*apimPool) (members []*Resource, maybe bool) {
	in := map[*Resource]bool{}
	for _, p := range pools {
		for _, dep := range p.deps {
			if b := s.ByURN(dep); b != nil && b.Type == TypeAPIMBackend {
				in[b] = true
			}
		}
		if p.services.IsUnknown() {
			if len(p.deps) == 0 {
				maybe = true
			}
			continue
		}
		for i := 0; i < p.services.Len(); i++ {
			b, unknown := poolMember(s, p, p.services.Index(i).Field("id"))
			if b != nil {
				in[b] = true
			} else if unknown && len(p.deps) == 0 {
				maybe = true
			}
		}
	}
	for _, b := range s.OfType(TypeAPIMBackend) {
		if in[b] {
			members = append(members, b)
		}
	}
	return members, maybe
}

// backendServes reports whether a backend's url points at an endpoint.
func backendServes(b, e *Resource) Ref {
	if b.DependsOn("url", e.URN) {
		return IsRef
	}
	url := b.Get("url")
	if url.IsUnknown() {
		return MaybeRef
	}
	u, ok := url.Str()
	if !ok || u == "" {
		return NoRef
	}
	u = strings.ToLower(u)
	for _, v := range []props.Value{e.Get("properties.customSubDomainName"), e.AzureName()} {
		if name, ok := v.Str(); ok && name != "" && strings.Contains(u, "//"+strings.ToLower(name)+".") {
			return IsRef
		}
	}
	if ep, ok := e.Get("properties.endpoint").Str(); ok && ep != "" && strings.HasPrefix(u, strings.ToLower(strings.TrimSuffix(ep, "/"))) {
		return IsRef
	}
	return NoRef
}

// trips429 reports whether circuit breaker rules trip on HTTP 429.
func trips429(rules props.Value) tri {
	if rules.IsUnknown() {
		return maybe
	}
	result := no
	for i := 0; i < rules.Len(); i++ {
		ranges := rules.Index(i).Get("failureCondition.statusCodeRanges")
		if ranges.IsUnknown() {
			result = maybe
			continue
		}
		for j := 0; j < ranges.Len(); j++ {
			rg := ranges.Index(j)
			lo, okLo := rg.Field("min").Num()
			hi, okHi := rg.Field("max").Num()
			if rg.Field("min").IsUnknown() || rg.Field("max").IsUnknown() {
				result = maybe
				continue
			}
			if okLo && okHi && lo <= 429 && 429 <= hi {
				return yes
			}
		}
	}
	return result
}
