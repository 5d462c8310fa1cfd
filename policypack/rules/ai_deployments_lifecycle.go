package rules

import (
	"time"
)

// AIDeploymentsLifecycle reports model deployments whose version retired, retires
// soon or is deprecated, per the catalog's lifecycle (Microsoft's retirement table)
// or the subscription's import.
var AIDeploymentsLifecycle = register(&Rule{
	Name: "ai-deployments-lifecycle",
	Description: "No model deployment uses a version that retired, retires within lifecycleWarningDays (default 90) or is deprecated, " +
		"per the catalog's lifecycle (Microsoft's model retirement table) or the catalogImport of the subscription.",
	Section:        SectionReliability,
	Recommendation: "Verify AI service availability in target regions before deployment.",
	Mirrors:        "None in Azure Policy: Azure refuses a retired version only when the deployment is created, and its deployments stop answering",
	Severity:       Medium,
	Level:          Advisory,
	Types:          []string{TypeAccount, TypeDeployment},
	Config:         []string{"lifecycleWarningDays", "lifecycleAsOf"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		cat := ctx.Settings.Catalog
		day := ctx.Settings.LifecycleDay(time.Now())
		var out []Finding
		for _, d := range s.OfType(TypeDeployment) {
			acct, _ := accountOf(s, d)
			if acct == nil {
				continue
			}
			region, _, ok := acct.Location()
			model, okM := d.Declared("properties.model.name").Str()
			version, okV := d.Declared("properties.model.version").Str()
			dtype, okT := d.Declared("sku.name").Str()
			if !ok || !okM || !okV || !okT {
				continue // unknown or missing values are reported by ai-deployments-available-in-region
			}
			if n, _ := cat.LifecycleNotice(model, version, dtype, region, day, ctx.Settings.LifecycleWarningDays); n != "" {
				out = append(out, Violation("%s.", n).At(d.URN))
			}
		}
		return out
	},
})
