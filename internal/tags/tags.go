package tags

import (
	"maps"

	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Tag keys stamped on every taggable resource. The policy pack reads the same keys.
const (
	ArchetypeKey   = conventions.ArchetypeTag
	EnvironmentKey = conventions.EnvironmentTag
	ComponentKey   = conventions.ComponentTag
)

// Values of EnvironmentKey.
const (
	Production    = conventions.Production
	NonProduction = conventions.NonProduction
)

// Environment returns the EnvironmentKey value for a production flag.
func Environment(production bool) string {
	if production {
		return Production
	}
	return NonProduction
}

// Set is the convention tags of one component instance.
type Set struct {
	// Archetype is the landing-zone archetype ("corp", "online", "dev", ...). Empty omits the tag.
	Archetype string
	// Production marks production resources.
	Production bool
	// Component is the component's type name, e.g. "SecureNetwork".
	Component string
}

// Merge returns the user's tags plus the convention tags; the convention tags win,
// so a user tag cannot misclassify a resource for the policy pack.
func (s Set) Merge(user map[string]string) pulumi.StringMap {
	out := pulumi.StringMap{}
	for k, v := range user {
		out[k] = pulumi.String(v)
	}
	maps.Copy(out, s.plain())
	return out
}

func (s Set) plain() pulumi.StringMap {
	out := pulumi.StringMap{EnvironmentKey: pulumi.String(Environment(s.Production))}
	if s.Archetype != "" {
		out[ArchetypeKey] = pulumi.String(s.Archetype)
	}
	if s.Component != "" {
		out[ComponentKey] = pulumi.String(s.Component)
	}
	return out
}
