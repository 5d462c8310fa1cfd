package policybaseline

import (
	"fmt"
	"slices"
	"strings"
)

// Statuses of a policy set member in a plan.
const (
	// MemberAssigned: the member is in the set definition with its effect.
	MemberAssigned = "assigned"
	// MemberExcluded: the library excludes it (PlannedMember.Reason says why).
	MemberExcluded = "excluded"
	// MemberCovered: another assignment or member of the group assigns the same
	// definition (Reason names it).
	MemberCovered = "covered"
	// MemberInherited: the parent archetype assigns the definition (Reason names it).
	MemberInherited = "inherited"
)

// PlannedSet is the policy set of a set assignment as it will be created at the group.
type PlannedSet struct {
	// Set is the library entry.
	Set *PolicySet
	// DefinitionID is the set definition's full id at the group.
	DefinitionID string
	// Members are every member of the set, in the set's order, with its status.
	Members []PlannedMember
	// Parameters are the set definition's parameters: one per assigned member's
	// effect ("<reference>-effect") and one per member parameter it passes on
	// ("<reference>-<parameter>").
	Parameters map[string]ParameterFacts
}

// PlannedMember is one member of a planned set.
type PlannedMember struct {
	// Member is the library entry.
	Member *SetMember
	// Status is MemberAssigned, MemberExcluded, MemberCovered or MemberInherited.
	Status string
	// Reason says why a member is not assigned.
	Reason string
	// DefinitionID is the member definition's full id; DisplayName its name.
	DefinitionID, DisplayName string
	// Effect is the member's effect (a fixed effect as its definition spells it).
	Effect string
	// EffectParameter is the member definition's effect parameter ("" for fixed).
	EffectParameter string
	// ParameterNames maps the member definition's parameters to the set parameters
	// that carry their values.
	ParameterNames map[string]string
	// Roles are the roles the member's Modify / DeployIfNotExists effect needs.
	Roles []string
}

// Assigned returns the set's assigned members.
func (s *PlannedSet) Assigned() []PlannedMember {
	var out []PlannedMember
	for _, m := range s.Members {
		if m.Status == MemberAssigned {
			out = append(out, m)
		}
	}
	return out
}

// Values returns the set definition as ARM receives it, for CheckSetAssignment.
func (s *PlannedSet) Values() SetValues {
	v := SetValues{Name: s.Set.Name, Parameters: s.Parameters}
	for _, m := range s.Assigned() {
		mv := SetMemberValues{Reference: m.Member.Reference, DefinitionID: m.DefinitionID, Parameters: map[string]any{}}
		for param, setParam := range m.ParameterNames {
			mv.Parameters[param] = "[parameters('" + setParam + "')]"
		}
		v.Members = append(v.Members, mv)
	}
	return v
}

// planSet plans a policy set assignment: the set definition's members, their
// effects and parameters, the identity and roles of the assignment.
func (p *planner) planSet(as *Assignment) {
	set := p.lib.PolicySets[as.PolicySet]
	if by, ok := p.parent.sets[set.ALZSet]; ok && set.ALZSet != "" {
		skipped := SkippedAssignment{Name: as.Name, Reason: "inherited: " + by}
		for _, m := range set.Members {
			if m.Excluded == "" {
				skipped.Members = append(skipped.Members, m.Reference)
			}
		}
		p.plan.Skipped = append(p.plan.Skipped, skipped)
		return
	}
	ps := &PlannedSet{Set: set, DefinitionID: p.plan.Scope + "/providers/Microsoft.Authorization/policySetDefinitions/" + set.Name, Parameters: map[string]ParameterFacts{}}
	pa := PlannedAssignment{Assignment: as, PolicyDefinitionID: ps.DefinitionID, Parameters: map[string]any{}, Set: ps}
	same := map[string]string{}
	p.missing = map[string][]string{}
	for _, m := range set.Members {
		ps.Members = append(ps.Members, p.planMember(&pa, m, same))
	}
	complete := p.reportMissing(as.Name)
	assigned := ps.Assigned()
	if len(assigned) == 0 {
		p.plan.Skipped = append(p.plan.Skipped, SkippedAssignment{Name: as.Name, Reason: "every member of policy set " + set.Name + " is excluded, covered or inherited"})
		return
	}
	mode := EnforcementDefault
	if p.arch.Level == LevelAudit && slices.ContainsFunc(assigned, func(m PlannedMember) bool { return m.EffectParameter == "" }) {
		// A fixed effect cannot be set to Audit: the whole set reports instead.
		mode = EnforcementDoNotEnforce
	}
	pa.EnforcementMode = p.enforcementMode(as.Name, mode)
	for _, m := range assigned {
		if !identityEffect(m.Effect) {
			continue
		}
		pa.Identity = true
		for _, r := range m.Roles {
			if !slices.Contains(pa.RoleDefinitionIDs, r) {
				pa.RoleDefinitionIDs = append(pa.RoleDefinitionIDs, r)
			}
		}
	}
	slices.Sort(pa.RoleDefinitionIDs)
	if complete {
		for _, err := range p.lib.checkSet(pa, p.plan.Scope, p.args.Location) {
			p.bad("%v", err)
		}
	}
	p.plan.Assignments = append(p.plan.Assignments, pa)
}

// planMember decides one member's status and, for an assigned member, its effect
// and parameters. same indexes the set's own members by definition and parameters.
func (p *planner) planMember(pa *PlannedAssignment, m *SetMember, same map[string]string) PlannedMember {
	target := pa.Assignment.Name + "/" + m.Reference
	pm := PlannedMember{Member: m, DefinitionID: memberDefinitionID(p.plan.Scope, m)}
	facts, _, _ := p.lib.memberFacts(m)
	if facts != nil {
		pm.DisplayName = facts.DisplayName
	}
	key := strings.ToLower(pm.DefinitionID)
	sameKey := key + "|" + render(m.Parameters)
	by, seen := p.seen[key]
	switch {
	case m.Excluded != "":
		pm.Status, pm.Reason = MemberExcluded, m.Excluded
		return pm
	case facts == nil:
		pm.Status, pm.Reason = MemberExcluded, "the facts do not know the definition"
		return pm
	}
	if inherited, ok := p.parent.covers(m.builtInID(), m.CustomDefinition, p.equiv); ok {
		pm.Status, pm.Reason = MemberInherited, inherited
		return pm
	}
	if seen && !strings.HasPrefix(by, pa.Assignment.Name+"/") {
		pm.Status, pm.Reason = MemberCovered, "assigned by "+by
		return pm
	}
	if twin, ok := same[sameKey]; ok {
		pm.Status, pm.Reason = MemberCovered, "assigned by "+twin+" (the same definition with the same parameters)"
		return pm
	}
	same[sameKey] = target
	if !seen {
		p.seen[key] = target
	}
	pm.Status, pm.EffectParameter, pm.Roles = MemberAssigned, facts.EffectParameter(), facts.RoleDefinitionIDs
	if m.CustomDefinition != "" {
		p.custom[m.CustomDefinition] = true
	}
	pm.ParameterNames = map[string]string{}
	if pm.EffectParameter == "" {
		pm.Effect = facts.Effect
	} else {
		pm.Effect = p.effectOf(target, m.Effects)
		name := m.Reference + "-effect"
		ps := pa.Set
		ps.Parameters[name] = ParameterFacts{Type: "String", AllowedValues: anyValues(facts.AllowedEffects()), DefaultValue: m.Effects[LevelEnforce], HasDefault: true}
		pm.ParameterNames[pm.EffectParameter] = name
		pa.Parameters[name] = pm.Effect
	}
	p.memberParameters(pa, &pm, facts)
	return pm
}

// memberParameters adds a set parameter for each parameter an assigned member's
// data names or the override sets, and passes the routed and overridden values.
func (p *planner) memberParameters(pa *PlannedAssignment, pm *PlannedMember, facts *DefinitionFacts) {
	m := pm.Member
	target := pa.Assignment.Name + "/" + m.Reference
	values := map[string]any{}
	for _, rv := range p.routed(pa.Assignment.Name, m.Reference) {
		values[rv.parameter] = rv.value
	}
	for _, k := range sortedKeys(p.o.Parameters[target]) {
		if _, ok := facts.Parameters[k]; !ok || k == pm.EffectParameter {
			p.bad("Override.Parameters[%q][%q]: the member's definition has no parameter %q (its effect is set with Override.Effects); it declares: %s", target, k, k, declared(facts))
			continue
		}
		values[k] = p.o.Parameters[target][k]
	}
	names := sortedKeys(m.Parameters)
	for _, k := range sortedKeys(values) {
		if !slices.Contains(names, k) {
			names = append(names, k)
		}
	}
	for _, k := range names {
		name := m.Reference + "-" + k
		pf := facts.Parameters[k]
		sp := ParameterFacts{Type: canonicalType(pf.Type), AllowedValues: pf.AllowedValues}
		if v := m.Parameters[k]; v != nil {
			sp.DefaultValue, sp.HasDefault = v, true
		}
		pa.Set.Parameters[name] = sp
		pm.ParameterNames[k] = name
		if v, ok := values[k]; ok {
			pa.Parameters[name] = v
		} else if !sp.HasDefault {
			source := p.lib.sourceOf(pa.Assignment.Name, m.Reference+"/"+k)
			p.missing[source] = append(p.missing[source], m.Reference+"/"+k)
		}
	}
}

// reportMissing reports the member parameters of a set assignment that have no
// value, one problem per place to set them; it reports whether there were none.
func (p *planner) reportMissing(assignment string) bool {
	for _, source := range sortedKeys(p.missing) {
		p.bad("assignment %q of archetype %q: member parameters %s have no value; set %s", assignment, p.arch.Name, strings.Join(p.missing[source], ", "), source)
	}
	return len(p.missing) == 0
}

// checkSet checks a planned set assignment and every assigned member against the
// members' facts, as ARM will when they are created.
func (l *Library) checkSet(pa PlannedAssignment, scope, location string) []error {
	values := AssignmentValues{
		Name: pa.Assignment.Name, DefinitionID: fmt.Sprintf("policy set %q", pa.Set.Set.Name),
		Parameters: plainValues(pa.Parameters), Identity: pa.Identity, Location: location,
		Roles: pa.RoleDefinitionIDs, RolesKnown: true,
	}
	return CheckSetAssignment(pa.Set.Values(), values, l.lookup(scope))
}

// lookup returns the facts of a definition id: a custom definition of the library
// at scope, or a built-in.
func (l *Library) lookup(scope string) func(id string) (*DefinitionFacts, bool) {
	prefix := strings.ToLower(scope + "/providers/Microsoft.Authorization/policyDefinitions/")
	return func(id string) (*DefinitionFacts, bool) {
		if strings.HasPrefix(strings.ToLower(id), prefix) {
			d, ok := l.Definitions[id[len(prefix):]]
			if !ok {
				return nil, false
			}
			f, err := d.Facts()
			return f, err == nil
		}
		return l.builtIns().Definition(id)
	}
}

// parameterTypes are the parameter types ARM accepts, in azure-native's spelling.
var parameterTypes = []string{"String", "Array", "Object", "Boolean", "Integer", "Float", "DateTime"}

// canonicalType spells a parameter type as azure-native's enum does (definitions
// spell it in any casing; Azure compares types case-insensitively).
func canonicalType(t string) string {
	for _, c := range parameterTypes {
		if strings.EqualFold(c, t) {
			return c
		}
	}
	return t
}

func anyValues(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
