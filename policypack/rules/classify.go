package rules

import (
	"strings"

	"github.com/aiready/aiready/policypack/config"
)

// Source says where a classification came from.
type Source string

// Sources of a classification, in the order they are consulted.
const (
	FromPackConfig  Source = "pack config"
	FromStackPack   Source = "pack config for this stack"
	FromTags        Source = "tags"
	FromStackConfig Source = "stack config"
	FromNowhere     Source = ""
)

// Classification is a resource's archetype and environment, and where each came from.
type Classification struct {
	// Archetype is the archetype as declared ("corp", "online", or a user-named one); "" if unknown.
	Archetype string
	// Base is the built-in archetype it behaves as (corp, online, dev, sandbox); "" if unknown.
	Base string
	// ArchetypeFrom says where Archetype came from.
	ArchetypeFrom Source
	// Production is true for the production environment.
	Production bool
	// Environment is "production" or "nonproduction"; "" if unknown.
	Environment string
	// EnvironmentFrom says where Environment came from.
	EnvironmentFrom Source
}

// DescribeArchetype says which archetype applies and where it came from, e.g.
// "archetype corp (from stack config)".
func (c Classification) DescribeArchetype() string {
	switch {
	case c.Archetype == "":
		return "archetype unknown (no aiready-archetype tag, no <project>:archetype stack config, no pack config)"
	case c.Base == "":
		return "archetype " + c.Archetype + " (from " + string(c.ArchetypeFrom) + "; not a built-in archetype nor mapped in the archetypes config)"
	case !strings.EqualFold(c.Base, c.Archetype):
		return "archetype " + c.Archetype + " as " + c.Base + " (from " + string(c.ArchetypeFrom) + ")"
	default:
		return "archetype " + c.Archetype + " (from " + string(c.ArchetypeFrom) + ")"
	}
}

// DescribeEnvironment says which environment applies and where it came from, e.g.
// "environment production (from tags)".
func (c Classification) DescribeEnvironment() string {
	if c.Environment == "" {
		return "environment unknown (no aiready-environment tag, no <project>:environment stack config, no pack config)"
	}
	return "environment " + c.Environment + " (from " + string(c.EnvironmentFrom) + ")"
}

// Classify returns a resource's archetype and environment: pack config first (for
// every stack, then for this stack), then the resource's aiready-* tags, then the
// stack config (<project>:archetype, <project>:environment). The result is cached on
// the resource.
func (ctx *Context) Classify(r *Resource) Classification {
	if r.classCtx == ctx {
		return r.class
	}
	var c Classification
	s := ctx.Settings
	var stackOv config.Override
	if s != nil {
		if ov, ok := s.Stacks[ctx.Stack.Project+"/"+ctx.Stack.Name]; ok && ctx.Stack.Name != "" {
			stackOv = ov
		} else if ov, ok := s.Stacks[ctx.Stack.Name]; ok && ctx.Stack.Name != "" {
			stackOv = ov
		}
	}
	tagArch, _ := r.Tag(TagArchetype)
	tagEnv, _ := r.Tag(TagEnvironment)

	switch {
	case s != nil && s.Archetype != "":
		c.Archetype, c.ArchetypeFrom = s.Archetype, FromPackConfig
	case stackOv.Archetype != "":
		c.Archetype, c.ArchetypeFrom = stackOv.Archetype, FromStackPack
	case tagArch != "":
		c.Archetype, c.ArchetypeFrom = tagArch, FromTags
	case ctx.Stack.Archetype != "":
		c.Archetype, c.ArchetypeFrom = ctx.Stack.Archetype, FromStackConfig
	}
	if c.Archetype != "" {
		c.Base = s.BaseArchetype(c.Archetype)
	}

	switch {
	case s != nil && s.Environment != "":
		c.Environment, c.EnvironmentFrom = s.Environment, FromPackConfig
	case stackOv.Environment != "":
		c.Environment, c.EnvironmentFrom = stackOv.Environment, FromStackPack
	case tagEnv != "":
		c.Environment, c.EnvironmentFrom = normalizeEnvironment(tagEnv), FromTags
	case ctx.Stack.Environment != "":
		c.Environment, c.EnvironmentFrom = normalizeEnvironment(ctx.Stack.Environment), FromStackConfig
	}
	c.Production = c.Environment == config.Production

	r.class, r.classCtx = c, ctx
	return c
}

// normalizeEnvironment maps "production"/"prod" (any case) to production and any other
// value to nonproduction.
func normalizeEnvironment(v string) string {
	if strings.EqualFold(v, "production") || strings.EqualFold(v, "prod") {
		return config.Production
	}
	return config.NonProduction
}
