package rules

import (
	"fmt"
	"sort"
	"strings"
)

// AIDeploymentsWithinQuota keeps deployment capacity within the quota per subscription,
// region, model and deployment type.
var AIDeploymentsWithinQuota = register(&Rule{
	Name: "ai-deployments-within-quota",
	Description: "The model deployments of a subscription and region add up to no more capacity per model and deployment type than the quota " +
		"(what is left of the subscription's, limit - currentValue, when a catalogImport has it; else the catalog's defaults, with config quotas on top).",
	Section:        SectionReliability,
	Recommendation: "Evaluate regional quota limits and capacity requirements.",
	Mirrors:        "None in Azure Policy: Azure enforces quota only when the deployment is created",
	Severity:       Medium,
	Level:          Mandatory,
	Types:          []string{TypeAccount, TypeDeployment},
	Config:         []string{"quotas"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		type key struct{ sub, region, model, dtype string }
		type group struct {
			total int
			names []string
			urn   string
		}
		groups := map[key]*group{}
		var out []Finding
		for _, d := range s.OfType(TypeDeployment) {
			acct, _ := accountOf(s, d)
			if acct == nil {
				continue // unknown links are reported by ai-deployments-available-in-region
			}
			region, _, ok := acct.Location()
			model, okM := d.Declared("properties.model.name").Str()
			dtype, okT := d.Declared("sku.name").Str()
			if !ok || !okM || !okT {
				continue
			}
			// Declared: a capacity the program does not set is Azure's default, though
			// the outputs say unknown at preview.
			capV := d.Declared("sku.capacity")
			if capV.IsUnknown() {
				out = append(out, Unverifiable("sku.capacity", "the capacity is within quota").At(d.URN))
				continue
			}
			capacity := 1 // Azure's default when none is given
			if f, ok := capV.Num(); ok && f >= 0 && f <= 1e9 {
				capacity = int(f)
			}
			sub, _ := acct.Subscription()
			k := key{strings.ToLower(sub), region, model, dtype}
			g := groups[k]
			if g == nil {
				g = &group{}
				groups[k] = g
			}
			g.total += capacity
			g.names = append(g.names, d.Label())
			g.urn = d.URN
		}
		keys := make([]key, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			g := groups[k]
			if f, over := overQuota(ctx, k.sub, k.region, k.model, k.dtype, g.total, g.names); over {
				out = append(out, f.At(g.urn))
			}
		}
		return out
	},
})

// overQuota judges the total capacity of a group of deployments: against what is
// left of the subscription's quota (limit - currentValue) when the catalog import
// of that subscription has it, else against the quota of the catalog and config.
func overQuota(ctx *Context, sub, region, model, dtype string, total int, names []string) (Finding, bool) {
	cat := ctx.Settings.Catalog
	unit := cat.DeploymentTypes[dtype].Unit
	shown := sub
	if shown == "" {
		shown = "the provider's"
	}
	if imp := cat.Imported(); imp != nil && (sub == "" || strings.EqualFold(sub, imp.Subscription)) {
		if left, limit, ok := cat.Remaining(region, model, dtype); ok {
			if total <= left {
				return Finding{}, false
			}
			return Violation("deployments %s of model %q as %s in %s (subscription %s) request capacity %d, above what is left of the subscription's quota: %d of %d (%s) (per the %s); lower the capacity, or raise the quota with Azure and import the listings again.",
				joinQuoted(names), model, dtype, region, shown, total, max(left, 0), limit, unit, imp.Source()), true
		}
	}
	quota := cat.Quota(ctx.Settings.Quotas, model, dtype)
	if quota <= 0 || total <= quota {
		return Finding{}, false
	}
	return Violation("deployments %s of model %q as %s in %s (subscription %s) total capacity %d, above the quota of %d (%s) per subscription and region; lower the capacity, or raise the quota with Azure and set it in the quotas config of ai-deployments-within-quota.",
		joinQuoted(names), model, dtype, region, shown, total, quota, unit), true
}
