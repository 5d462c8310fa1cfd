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
		"(the catalog's defaults, with config quotas on top).",
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
		cat := ctx.Settings.Catalog
		for _, k := range keys {
			g := groups[k]
			quota := cat.Quota(ctx.Settings.Quotas, k.model, k.dtype)
			if quota <= 0 || g.total <= quota {
				continue
			}
			unit := cat.DeploymentTypes[k.dtype].Unit
			sub := k.sub
			if sub == "" {
				sub = "the provider's"
			}
			out = append(out, Violation("deployments %s of model %q as %s in %s (subscription %s) total capacity %d, above the quota of %d (%s) per subscription and region; lower the capacity, or raise the quota with Azure and set it in the quotas config of ai-deployments-within-quota.",
				joinQuoted(g.names), k.model, k.dtype, k.region, sub, g.total, quota, unit).At(g.urn))
		}
		return out
	},
})
