package rules

import (
	"github.com/aiready/aiready/policypack/config"
	"slices"
	"strings"
)

// AIDeploymentsApprovedModels allows model deployments only from the approved list.
var AIDeploymentsApprovedModels = register(&Rule{
	Name:           "ai-deployments-approved-models",
	Description:    "Azure OpenAI model deployments use only approved models and versions (config allowedModels; by default the catalog's models).",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "aafe3651-cb78-4f68-9f81-e7e41509110f", DisplayName: "Cognitive Services Deployments should only use approved Registry Models"},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeDeployment},
	Config:   []string{"allowedModels"},
	Check: func(ctx *Context, r *Resource) []Finding {
		nameV := r.Get("properties.model.name")
		if nameV.IsUnknown() {
			return []Finding{Unverifiable("properties.model.name", "the model is approved")}
		}
		name, ok := nameV.Str()
		if !ok || name == "" {
			return []Finding{Violation("properties.model.name is %s; name an approved model.", show(nameV))}
		}
		allowed := ctx.Settings.AllowedModels
		i := slices.IndexFunc(allowed, func(m config.AllowedModel) bool { return strings.EqualFold(m.Name, name) })
		if i < 0 {
			names := make([]string, len(allowed))
			for j, m := range allowed {
				names[j] = m.Name
			}
			return []Finding{Violation("model %q is not approved; approved models: %s. Approve it in the allowedModels config of ai-deployments-approved-models.",
				name, joinQuoted(names))}
		}
		versions := allowed[i].Versions
		if len(versions) == 0 {
			return nil
		}
		verV := r.Get("properties.model.version")
		if verV.IsUnknown() {
			return []Finding{Unverifiable("properties.model.version", "the model version is approved")}
		}
		ver, ok := verV.Str()
		if !ok || ver == "" {
			return []Finding{Violation("properties.model.version is %s, so Azure picks the version of %q; pin one of the approved versions: %s.",
				show(verV), name, joinQuoted(versions))}
		}
		if !slices.Contains(versions, ver) {
			return []Finding{Violation("model %q version %q is not approved; approved versions: %s.", name, ver, joinQuoted(versions))}
		}
		return nil
	},
})
