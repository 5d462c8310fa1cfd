package policybaseline

import (
	"fmt"
	"strings"
)

// ParentNone is the parent archetype of a group whose parents assign nothing the
// library knows (the tenant root, or a group outside an ALZ estate).
const ParentNone = "none"

// ParentArchetype is what an estate's existing management group already assigns
// (lib/estate), e.g. ALZ's corp group. An AI group placed under it, or adopting it,
// inherits those assignments; the baseline does not assign them again.
type ParentArchetype struct {
	// Name is the parent archetype's name, e.g. "alz-corp".
	Name        string `json:"name"`
	Description string `json:"description"`
	// Extends names the parent archetype of the group above it (ALZ's corp sits
	// under landingzones).
	Extends string `json:"extends,omitempty"`
	// Source cites what the list was read from.
	Source string `json:"source,omitempty"`
	// Assignments are the group's own assignments.
	Assignments []ParentAssignment `json:"assignments"`
}

// ParentAssignment is one assignment of a parent: an ALZ set (its members per the
// facts), a built-in, or an ALZ custom definition.
type ParentAssignment struct {
	// Name is the assignment's name in the estate.
	Name      string `json:"name"`
	ALZSet    string `json:"alzSet,omitempty"`
	BuiltIn   string `json:"builtIn,omitempty"`
	ALZCustom string `json:"alzCustom,omitempty"`
	// EnforcementMode is the mode the estate ships it with, when known.
	EnforcementMode string `json:"enforcementMode,omitempty"`
}

func (l *Library) validateParent(name string, bad complain) {
	p := l.ParentArchetypes[name]
	if name == ParentNone {
		bad("parent archetype %q: the name is reserved for \"no parent assignments\"", name)
	}
	seen := map[string]bool{name: true}
	for cur := p.Extends; cur != ""; {
		next, ok := l.ParentArchetypes[cur]
		if !ok {
			bad("parent archetype %q extends unknown parent archetype %q", name, cur)
			break
		}
		if seen[cur] {
			bad("parent archetype %q: extends chain loops at %q", name, cur)
			break
		}
		seen[cur] = true
		cur = next.Extends
	}
	for _, a := range p.Assignments {
		switch {
		case nonEmpty(a.ALZSet, a.BuiltIn, a.ALZCustom) != 1:
			bad("parent archetype %q assignment %q: set exactly one of alzSet, builtIn and alzCustom", name, a.Name)
		case a.ALZSet != "" && l.builtIns().ALZPolicySets[a.ALZSet] == nil:
			bad("parent archetype %q assignment %q: alzSet %q is not an ALZ set of the facts", name, a.Name, a.ALZSet)
		case a.BuiltIn != "" && !guidRE.MatchString(a.BuiltIn):
			bad("parent archetype %q assignment %q: builtIn %q is not a GUID", name, a.Name, a.BuiltIn)
		}
		if m := a.EnforcementMode; m != "" && m != EnforcementDefault && m != EnforcementDoNotEnforce {
			bad("parent archetype %q assignment %q: enforcementMode %q: use %q or %q", name, a.Name, m, EnforcementDefault, EnforcementDoNotEnforce)
		}
	}
}

// ParentArchetypeNames returns the parent archetypes a group can sit under, sorted,
// with ParentNone first.
func (l *Library) ParentArchetypeNames() []string {
	return append([]string{ParentNone}, sortedKeys(l.ParentArchetypes)...)
}

// inForce is what the parents of a group assign: by ALZ set, by built-in GUID and
// by ALZ custom definition name, each with the assignment that assigns it.
type inForce struct {
	sets, builtIns, customs map[string]string
}

// parentInForce indexes what a parent archetype and the ones it extends assign.
func (l *Library) parentInForce(name string) (*inForce, error) {
	f := &inForce{sets: map[string]string{}, builtIns: map[string]string{}, customs: map[string]string{}}
	if name == "" || name == ParentNone {
		return f, nil
	}
	if _, ok := l.ParentArchetypes[name]; !ok {
		return nil, fmt.Errorf("ParentArchetype %q is not a parent archetype of the library; use one of %s", name, strings.Join(l.ParentArchetypeNames(), ", "))
	}
	for cur := name; cur != ""; cur = l.ParentArchetypes[cur].Extends {
		for _, a := range l.ParentArchetypes[cur].Assignments {
			f.add(l, cur, a)
		}
	}
	return f, nil
}

func (f *inForce) add(l *Library, parent string, a ParentAssignment) {
	by := fmt.Sprintf("%s assigns it (%s", parent, a.Name)
	if a.EnforcementMode != "" {
		by += ", " + a.EnforcementMode
	}
	switch {
	case a.BuiltIn != "":
		f.builtIns[strings.ToLower(a.BuiltIn)] = by + ")"
	case a.ALZCustom != "":
		f.customs[a.ALZCustom] = by + ")"
	default:
		f.sets[a.ALZSet] = by + ")"
		for _, m := range l.builtIns().ALZPolicySets[a.ALZSet].Members {
			within := fmt.Sprintf("%s, member %s)", by, m.Reference)
			if m.BuiltIn != "" {
				f.builtIns[strings.ToLower(m.BuiltIn)] = within
			} else {
				f.customs[m.ALZCustom] = within
			}
		}
	}
}

// covers returns which parent assignment assigns a definition already: a built-in
// by GUID, a custom definition of the library by the ALZ definition it stands in for.
func (f *inForce) covers(builtIn, custom string, equivalents map[string]string) (string, bool) {
	if builtIn != "" {
		by, ok := f.builtIns[strings.ToLower(builtIn)]
		return by, ok
	}
	if alz, ok := equivalents[custom]; ok {
		by, ok := f.customs[alz]
		return by, ok
	}
	return "", false
}
