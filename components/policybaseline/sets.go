package policybaseline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// PolicySet is a policy set definition (initiative) of the library, created at the
// management group the baseline is applied to. A set that mirrors an Azure landing
// zone set (ALZSet) lists a decision for every member of that set, keyed by the
// member's reference id: the member's identity (a built-in, or the project's own
// custom definition where ALZ uses an ALZ custom one) comes from Azure's facts.
type PolicySet struct {
	// Name is the set definition's name at the group.
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Description string `json:"description"`
	// Category is the portal category (metadata.category).
	Category string `json:"category"`
	// ALZSet names the ALZ set it mirrors (a key of BuiltIns.ALZPolicySets);
	// empty for a set of the library's own.
	ALZSet string `json:"alzSet,omitempty"`
	// Source cites what the set was written from.
	Source string `json:"source,omitempty"`
	// Members are the set's members, one per member of the ALZ set.
	Members []*SetMember `json:"members"`
}

// SetMember is one member of a policy set: assigned with its effect per
// enforcement level and its parameters, or excluded with the reason.
type SetMember struct {
	// Reference is the member's policyDefinitionReferenceId (ALZ's).
	Reference string `json:"reference"`
	// BuiltIn is the built-in definition's GUID, for a set without ALZSet only
	// (an ALZ member's built-in is read from the facts).
	BuiltIn string `json:"builtIn,omitempty"`
	// CustomDefinition names a definition of the library: required for an ALZ
	// member that is an ALZ custom definition (the project writes its own with the
	// same intent).
	CustomDefinition string `json:"customDefinition,omitempty"`
	// Effects maps an enforcement level to the member's effect; empty for a
	// definition with a fixed effect.
	Effects map[string]string `json:"effects,omitempty"`
	// Parameters are the member's parameter values; null marks a value that comes
	// from the default values or an override.
	Parameters map[string]any `json:"parameters,omitempty"`
	// Excluded, when set, is why the member is not assigned.
	Excluded string `json:"excluded,omitempty"`
	// Note says why the member has the effects it has, when that is not obvious.
	Note string `json:"note,omitempty"`

	alz *ALZMember // the ALZ set's member of the same reference, set by Validate
}

// builtInID returns the member's built-in GUID ("" for a custom definition).
func (m *SetMember) builtInID() string {
	if m.BuiltIn != "" {
		return strings.ToLower(m.BuiltIn)
	}
	if m.alz != nil {
		return strings.ToLower(m.alz.BuiltIn)
	}
	return ""
}

// Member returns the set's member of a reference id.
func (s *PolicySet) Member(reference string) (*SetMember, bool) {
	for _, m := range s.Members {
		if m.Reference == reference {
			return m, true
		}
	}
	return nil, false
}

var setNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// validatePolicySet checks a set against the ALZ set it mirrors and each member
// against its definition's facts.
func (l *Library) validatePolicySet(name string, bad complain) {
	s := l.PolicySets[name]
	if !setNameRE.MatchString(name) {
		bad("policy set %q: names are 1-64 letters, digits, '-', '_' and '.'", name)
	}
	var alz *ALZPolicySet
	if s.ALZSet != "" {
		var ok bool
		if alz, ok = l.builtIns().ALZPolicySets[s.ALZSet]; !ok {
			bad("policy set %q: alzSet %q is not an ALZ set of the facts; they have: %s", name, s.ALZSet, strings.Join(sortedKeys(l.builtIns().ALZPolicySets), ", "))
			return
		}
	}
	seen := map[string]bool{}
	for i, m := range s.Members {
		owner := fmt.Sprintf("policy set %q member %q", name, m.Reference)
		switch {
		case m.Reference == "":
			bad("policy set %q: members[%d] has no reference", name, i)
			continue
		case seen[m.Reference]:
			bad("%s: the reference is listed twice", owner)
			continue
		}
		seen[m.Reference] = true
		if l.resolveMember(owner, alz, m, bad) {
			l.validateMember(owner, m, bad)
		}
	}
	if alz != nil {
		for _, am := range alz.Members {
			if !seen[am.Reference] {
				bad("policy set %q: ALZ member %q (%s) has no entry: assign it (effects) or exclude it with the reason", name, am.Reference, describeALZMember(am))
			}
		}
	}
}

func describeALZMember(m ALZMember) string {
	if m.BuiltIn != "" {
		return "built-in " + m.BuiltIn
	}
	return "ALZ custom definition " + m.ALZCustom
}

// resolveMember ties a member to the ALZ member of its reference and checks how its
// definition is named; it reports whether the member's definition is known.
func (l *Library) resolveMember(owner string, alz *ALZPolicySet, m *SetMember, bad complain) bool {
	m.alz = nil
	if alz == nil {
		if (m.BuiltIn == "") == (m.CustomDefinition == "") {
			bad("%s: set exactly one of builtIn and customDefinition", owner)
			return false
		}
		return l.customKnown(owner, m, bad)
	}
	i := slices.IndexFunc(alz.Members, func(am ALZMember) bool { return am.Reference == m.Reference })
	if i < 0 {
		bad("%s: the ALZ set has no member of that reference", owner)
		return false
	}
	m.alz = &alz.Members[i]
	switch {
	case m.BuiltIn != "":
		bad("%s: builtIn is read from the ALZ set's facts (%s); remove it", owner, describeALZMember(*m.alz))
		return false
	case m.alz.BuiltIn != "" && m.CustomDefinition != "":
		bad("%s: the ALZ member is built-in %s; remove customDefinition", owner, m.alz.BuiltIn)
		return false
	case m.alz.ALZCustom != "" && m.CustomDefinition == "" && m.Excluded == "":
		bad("%s: the ALZ member is ALZ custom definition %q: name the library's definition of the same intent in customDefinition, or exclude it with the reason", owner, m.alz.ALZCustom)
		return false
	}
	return l.customKnown(owner, m, bad)
}

func (l *Library) customKnown(owner string, m *SetMember, bad complain) bool {
	if m.CustomDefinition == "" {
		return true
	}
	if _, ok := l.Definitions[m.CustomDefinition]; !ok {
		bad("%s: customDefinition %q is not in definitions", owner, m.CustomDefinition)
		return false
	}
	return true
}

// validateMember checks a member's exclusion, effects and parameters against its
// definition's facts.
func (l *Library) validateMember(owner string, m *SetMember, bad complain) {
	facts, def, err := l.memberFacts(m)
	if m.Excluded != "" {
		if len(m.Effects) > 0 || len(m.Parameters) > 0 {
			bad("%s: an excluded member has no effects or parameters", owner)
		}
		if facts != nil && facts.Deprecated && !strings.Contains(m.Excluded, "deprecated") {
			bad("%s: definition %s is deprecated in the facts; say so in the reason (\"deprecated in the facts\")", owner, def)
		}
		return
	}
	switch {
	case err != nil:
		bad("%s: %v", owner, err)
		return
	case facts == nil:
		bad("%s: the facts do not know definition %s", owner, def)
		return
	case facts.Deprecated:
		bad("%s: definition %s is deprecated in the facts; exclude it with the reason (\"deprecated in the facts\")", owner, def)
		return
	}
	effectSpec{owner: owner, parameter: facts.EffectParameter(), allowed: facts.AllowedEffects(), roles: facts.RoleDefinitionIDs, definition: def}.validate(m.Effects, bad)
	for _, p := range sortedKeys(m.Parameters) {
		pf, ok := facts.Parameters[p]
		switch {
		case !ok:
			bad("%s: parameter %q is not a parameter of definition %s; it declares: %s", owner, p, def, declared(facts))
		case p == facts.EffectParameter():
			bad("%s: parameter %q is the effect parameter; set effects instead", owner, p)
		case m.Parameters[p] != nil:
			if err := pf.check(m.Parameters[p]); err != nil {
				bad("%s: parameter %q: %v", owner, p, err)
			}
		}
	}
	for _, p := range sortedKeys(facts.Parameters) {
		if _, ok := m.Parameters[p]; !ok && !facts.Parameters[p].HasDefault && p != facts.EffectParameter() {
			bad("%s: parameter %q of definition %s has no default value: give it a value, or null to route it from the default values", owner, p, def)
		}
	}
}

// memberFacts returns a member's definition facts and its name for messages (nil
// facts, without error, for a built-in the facts lack).
func (l *Library) memberFacts(m *SetMember) (*DefinitionFacts, string, error) {
	if m.CustomDefinition != "" {
		d, ok := l.Definitions[m.CustomDefinition]
		if !ok {
			return nil, "", fmt.Errorf("customDefinition %q is not in definitions", m.CustomDefinition)
		}
		f, err := d.Facts()
		return f, fmt.Sprintf("%q (custom)", m.CustomDefinition), err
	}
	id := m.builtInID()
	if f, ok := l.builtIns().Definition(id); ok {
		return f, fmt.Sprintf("%s (%q)", id, f.DisplayName), nil
	}
	return nil, id, nil
}

// memberDefinitionID returns the full id of a member's definition at a scope.
func memberDefinitionID(scope string, m *SetMember) string {
	if m.CustomDefinition != "" {
		return scope + "/providers/Microsoft.Authorization/policyDefinitions/" + m.CustomDefinition
	}
	return builtInPrefix + m.builtInID()
}

// alzEquivalents maps each custom definition of the library that stands in for an
// ALZ custom definition (a set member) to that ALZ definition's name.
func (l *Library) alzEquivalents() map[string]string {
	out := map[string]string{}
	for _, s := range l.PolicySets {
		for _, m := range s.Members {
			if m.alz != nil && m.alz.ALZCustom != "" && m.CustomDefinition != "" {
				out[m.CustomDefinition] = m.alz.ALZCustom
			}
		}
	}
	return out
}

// effectSpec is what a definition allows for the effects of an assignment or member.
type effectSpec struct {
	owner, parameter, definition string
	allowed, roles               []string
}

// validate checks effects per enforcement level against what the definition allows.
func (e effectSpec) validate(effects map[string]string, bad complain) {
	if e.parameter == "" {
		if len(effects) > 0 {
			bad("%s: effects are set but definition %s has a fixed effect", e.owner, e.definition)
		}
		return
	}
	if len(e.allowed) == 0 {
		bad("%s: the facts do not know definition %s: list the effects it allows in allowedEffects", e.owner, e.definition)
	}
	for _, level := range []string{LevelEnforce, LevelAudit} {
		v, ok := effects[level]
		switch {
		case !ok:
			bad("%s: effects has no %q entry", e.owner, level)
		case len(e.allowed) > 0 && !slices.Contains(e.allowed, v):
			bad("%s: effect %q for %s is not one of the effects definition %s allows: %s", e.owner, v, level, e.definition, strings.Join(e.allowed, ", "))
		}
	}
	for _, v := range effects {
		if identityEffect(v) && len(e.roles) == 0 {
			bad("%s: effect %s needs a managed identity: the definition names no roles for it (roleDefinitionIds)", e.owner, v)
		}
	}
}
