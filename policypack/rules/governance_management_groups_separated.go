package rules

import (
	"sort"
	"strings"

	"github.com/aiready/aiready/policypack/config"
)

// GovernanceGroupsSeparated keeps the corp and online management groups apart.
var GovernanceGroupsSeparated = register(&Rule{
	Name: "governance-corp-online-management-groups-separated",
	Description: "The corp (internal) and online (internet-facing) AI workloads have distinct management groups, " +
		"neither nested in the other, so that each inherits only its own policies.",
	Section:        SectionGovernance,
	Recommendation: "Create separate management groups for internet-facing and internal AI workloads.",
	Mirrors:        "ALZ management group architecture (landingzones/corp and landingzones/online side by side)",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeManagementGroup, TypePolicyAssignment},
	Config:         []string{"managementGroups"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		g := indexGroups(ctx, s)
		var out []Finding
		for _, m := range g.sorted() {
			bases := map[string][]string{}
			for a, src := range m.archetypes {
				b := ctx.Settings.BaseArchetype(a)
				bases[b] = append(bases[b], a+" (from "+src+")")
			}
			if len(bases[config.Corp]) > 0 && len(bases[config.Online]) > 0 {
				both := append(bases[config.Corp], bases[config.Online]...)
				sort.Strings(both)
				out = append(out, Violation("management group %q is both corp and online: %s; give internal and internet-facing workloads separate management groups.",
					m.id, strings.Join(both, ", ")).At(m.urn()))
				continue
			}
			base := ""
			switch {
			case len(bases[config.Corp]) > 0:
				base = config.Corp
			case len(bases[config.Online]) > 0:
				base = config.Online
			default:
				continue
			}
			other := config.Online
			if base == config.Online {
				other = config.Corp
			}
			// Walk up the parents the stack or the config knows.
			seen := map[string]bool{strings.ToLower(m.id): true}
			cur := m
			for cur != nil {
				if cur.parentUnk {
					out = append(out, Unverifiable("details.parent.id", "management group "+quote(m.id)+" ("+base+") is not nested in the "+other+" group").At(m.urn()))
					break
				}
				if cur.parent == "" || seen[strings.ToLower(cur.parent)] {
					break
				}
				seen[strings.ToLower(cur.parent)] = true
				parent := g.byID[strings.ToLower(cur.parent)]
				parentArch := ctx.Settings.GroupArchetype(cur.parent)
				if parent != nil && parentArch == "" {
					parentArch = parent.archetypeOf()
				}
				if ctx.Settings.BaseArchetype(parentArch) == other {
					out = append(out, Violation("management group %q (%s) is nested under %q (%s); place the corp and online groups side by side, e.g. both under the landing zones group.",
						m.id, base, cur.parent, other).At(m.urn()))
					break
				}
				cur = parent
			}
		}
		return out
	},
})

func quote(s string) string { return "\"" + s + "\"" }
