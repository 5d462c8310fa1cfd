package policybaseline

import (
	"fmt"
	"slices"
	"strings"
)

// effectTarget resolves a key of Archetype.Effects or Override.Effects,
// "<assignment>" or "<assignment>/<member reference>", to what its definition
// allows for the effect.
func (l *Library) effectTarget(target string) (effectSpec, error) {
	name, ref, isMember := strings.Cut(target, "/")
	a, ok := l.Assignments[name]
	if !ok {
		return effectSpec{}, fmt.Errorf("no assignment %q in the library", name)
	}
	if a.PolicySet == "" {
		if isMember {
			return effectSpec{}, fmt.Errorf("assignment %q assigns a single definition, not a policy set; key it %q", name, name)
		}
		return effectSpec{owner: fmt.Sprintf("assignment %q", name), parameter: l.effectParameter(a), allowed: l.allowedEffects(a), roles: l.roles(a), definition: l.definitionID(a)}, nil
	}
	set := l.PolicySets[a.PolicySet]
	if !isMember {
		return effectSpec{}, fmt.Errorf("assignment %q assigns policy set %q: key the effect of one of its members, %q", name, a.PolicySet, name+"/<member reference>")
	}
	m, ok := set.Member(ref)
	if !ok {
		return effectSpec{}, fmt.Errorf("policy set %q of assignment %q has no member %q", set.Name, name, ref)
	}
	if m.Excluded != "" {
		return effectSpec{}, fmt.Errorf("member %q of policy set %q is excluded (%s)", ref, set.Name, m.Excluded)
	}
	facts, def, err := l.memberFacts(m)
	if err != nil {
		return effectSpec{}, err
	}
	if facts == nil {
		return effectSpec{}, fmt.Errorf("the facts do not know definition %s", def)
	}
	return effectSpec{owner: fmt.Sprintf("member %q of policy set %q", ref, set.Name), parameter: facts.EffectParameter(), allowed: facts.AllowedEffects(), roles: facts.RoleDefinitionIDs, definition: def}, nil
}

// checkEffect reports why an effect cannot be set on a target (nil when it can).
func (l *Library) checkEffect(target, effect string) error {
	spec, err := l.effectTarget(target)
	if err != nil {
		return err
	}
	return spec.allows(effect)
}

// allows reports why a definition does not accept an effect (nil when it does).
func (e effectSpec) allows(effect string) error {
	if e.parameter == "" {
		return fmt.Errorf("%q: definition %s has a fixed effect; set the enforcement mode of its assignment to %q to audit it instead", effect, e.definition, EnforcementDoNotEnforce)
	}
	if !slices.Contains(e.allowed, effect) {
		return fmt.Errorf("%q is not an effect definition %s allows; use one of %s", effect, e.definition, strings.Join(e.allowed, ", "))
	}
	return nil
}

// archetypeEffects returns the effects an archetype and its ancestors set, the
// archetype's own winning over its ancestors'.
func (l *Library) archetypeEffects(a *Archetype) map[string]string {
	out := map[string]string{}
	var chain []*Archetype
	for cur := a; cur != nil; cur = l.Archetypes[cur.Extends] {
		chain = append([]*Archetype{cur}, chain...)
		if cur.Extends == "" {
			break
		}
	}
	for _, c := range chain {
		for k, v := range c.Effects {
			out[k] = v
		}
	}
	return out
}
