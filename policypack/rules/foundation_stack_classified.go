package rules

import (
	"fmt"
	"sort"
	"strings"
)

// classifiedTypes are the resources whose rules depend on the archetype or environment.
var classifiedTypes = []string{TypeAccount, TypeDeployment, TypeSearchService, TypeMLWorkspace, TypeStorageAccount, TypeKeyVault, TypeVirtualNetwork}

// FoundationStackClassified reports resources whose archetype or environment the pack cannot tell.
var FoundationStackClassified = register(&Rule{
	Name: "foundation-stack-classified",
	Description: "The stack's AI and network resources have a known archetype and environment (pack config, aiready-archetype and aiready-environment tags, " +
		"or <project>:archetype and <project>:environment stack config), so that the archetype- and environment-specific rules apply.",
	Section:        SectionFoundation,
	Recommendation: "Build an AI environment: segment internal and internet-facing AI workloads.",
	Mirrors:        "ALZ archetypes (corp, online, sandbox) as management-group policy sets",
	Severity:       Low,
	Level:          Advisory,
	Types:          classifiedTypes,
	Config:         []string{"archetype", "environment", "stacks", "archetypes"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		var noArch, noEnv, unmapped []string
		var out []Finding
		for _, t := range classifiedTypes {
			for _, r := range s.OfType(t) {
				c := ctx.Classify(r)
				switch {
				case c.Archetype == "":
					noArch = append(noArch, r.Label())
				case c.Base == "":
					unmapped = append(unmapped, c.Archetype)
				}
				if c.Environment == "" {
					noEnv = append(noEnv, r.Label())
				}
				if tag, ok := r.Tag(TagArchetype); ok && ctx.Stack.Archetype != "" && c.ArchetypeFrom == FromTags && !strings.EqualFold(tag, ctx.Stack.Archetype) {
					out = append(out, Violation("the %s tag says %q but the stack config says %q; the tag is used. Make them agree.",
						TagArchetype, tag, ctx.Stack.Archetype).At(r.URN))
				}
			}
		}
		if len(noArch) > 0 {
			out = append(out, Violation("%s have no archetype, so the rules apply their baseline; set <project>:archetype in the stack config (corp, online, dev, sandbox), tag them %s, or set archetype in the foundation-stack-classified config.",
				countOf(noArch, "resource"), TagArchetype))
		}
		if len(noEnv) > 0 {
			out = append(out, Violation("%s have no environment, so they are treated as nonproduction; set <project>:environment in the stack config (production or nonproduction), tag them %s, or set environment in the foundation-stack-classified config.",
				countOf(noEnv, "resource"), TagEnvironment))
		}
		if len(unmapped) > 0 {
			sort.Strings(unmapped)
			unmapped = compactStrings(unmapped)
			out = append(out, Violation("archetypes %s are neither built in (corp, online, dev, sandbox) nor mapped; map them in the archetypes config of foundation-stack-classified, e.g. {%q: \"corp\"}.",
				joinQuoted(unmapped), unmapped[0]))
		}
		return out
	},
})

func countOf(names []string, what string) string {
	sort.Strings(names)
	if len(names) > 5 {
		return fmt.Sprintf("%d %ss (%s, ...)", len(names), what, joinQuoted(names[:5]))
	}
	return fmt.Sprintf("%d %s(s) (%s)", len(names), what, joinQuoted(names))
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
