package policybaseline

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aiready/aiready/catalog"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Args describe the baseline of one management group.
type Args struct {
	// ManagementGroupID is the group the assignments are scoped to: its id
	// ("ai-corp") or full resource id. Required.
	ManagementGroupID string
	// Archetype selects the group's assignments: "corp", "online", "sandbox", "dev"
	// or an archetype of a custom Library. Required.
	Archetype string
	// ParentArchetype names what is already assigned above the group (or at it,
	// for an adopted group) in the estate: a parent archetype of the library
	// ("alz-landingzones", "alz-corp", "alz-online", "alz-sandbox") or ParentNone.
	// The baseline then skips every assignment, policy set and set member whose
	// definition the parent already assigns, so nothing is assigned twice. Optional;
	// default ParentNone.
	ParentArchetype string
	// Location is where the managed identities of Modify / DeployIfNotExists
	// assignments live (an Azure region). Required when the archetype has such an
	// assignment.
	Location string
	// DefaultValues are values routed to the assignment parameters that need them,
	// by name (the library's default_values.json): "ddosPlan" (a DDoS plan id;
	// required by online), "allowedLocations" ([]string; required),
	// "allowedModelAssetIds" ([]string; required), "allowedModelPublishers",
	// "privateDnsZoneIds" (zone ids by SecureNetwork's service keys; required by
	// corp). A value is a plain Go value or a pulumi.Input.
	DefaultValues map[string]any
	// Override customises the archetype for this group. Optional.
	Override *Override
	// Library replaces the embedded library (DefaultLibrary). Optional; to extend
	// the default, pass DefaultLibrary().Merge(yours).
	Library *Library
}

// Override customises an archetype without editing the library. A member of a
// policy set assignment is addressed "<assignment>/<member reference>", e.g.
// "Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls".
type Override struct {
	// AssignmentsToAdd are library assignments added to the archetype's.
	AssignmentsToAdd []string
	// AssignmentsToRemove are archetype assignments dropped.
	AssignmentsToRemove []string
	// Parameters set parameters: assignment name (or "<assignment>/<member
	// reference>") → parameter → value (a plain Go value or a pulumi.Input).
	Parameters map[string]map[string]any
	// Effects set the effect of an assignment or of a set member, one of the
	// effects its definition allows ("Disabled" turns a member off).
	Effects map[string]string
	// EnforcementModes set an assignment's enforcement mode (Default or
	// DoNotEnforce); the key "*" sets it for every assignment.
	EnforcementModes map[string]string
}

// PlannedAssignment is one policy assignment as it will be created.
type PlannedAssignment struct {
	// Assignment is the library entry.
	Assignment *Assignment
	// PolicyDefinitionID is the full id of the assigned definition or set.
	PolicyDefinitionID string
	// Effect is the effect set through the effect parameter ("" for fixed effects
	// and for policy sets, whose members have their own).
	Effect string
	// EffectParameter is the definition's effect parameter ("" for fixed effects
	// and policy sets).
	EffectParameter string
	// EnforcementMode is Default or DoNotEnforce.
	EnforcementMode string
	// Parameters are the parameter values, plain or pulumi.Input.
	Parameters map[string]any
	// Identity is true when the assignment needs a managed identity.
	Identity bool
	// RoleDefinitionIDs are the roles its identity is granted at the group: those
	// the definition (every Modify / DeployIfNotExists member of a set) names.
	RoleDefinitionIDs []string
	// Set is the policy set a set assignment assigns; nil for a single definition.
	Set *PlannedSet
}

// SkippedAssignment is an assignment of the archetype the baseline does not make.
type SkippedAssignment struct {
	Name   string
	Reason string
	// Members are, for a policy set the parent assigns, the references of its
	// members the library does not exclude (the parent's set brings them).
	Members []string
}

// Plan is what the baseline of one group holds.
type Plan struct {
	// ManagementGroupID is the group's id (not its full resource id).
	ManagementGroupID string
	// Scope is the group's full resource id.
	Scope string
	// Archetype and Level are the archetype's name and enforcement level.
	Archetype, Level string
	// ParentArchetype is what the estate assigns above the group (ParentNone).
	ParentArchetype string
	// Assignments are single definitions first, then policy sets, each in the
	// archetype's order.
	Assignments []PlannedAssignment
	// Skipped are the archetype's assignments left out: the parent assigns them,
	// or every member of the set is covered, inherited or excluded.
	Skipped []SkippedAssignment
	// Definitions are the custom definitions to create at the group, sorted by name.
	Definitions []*Definition
}

// Assignment returns the planned assignment of a name.
func (p *Plan) Assignment(name string) (PlannedAssignment, bool) {
	for _, a := range p.Assignments {
		if a.Assignment.Name == name {
			return a, true
		}
	}
	return PlannedAssignment{}, false
}

// Inherited returns the names the parent archetype covers: skipped assignments and
// inherited set members ("<assignment>/<reference>"), sorted.
func (p *Plan) Inherited() []string {
	var out []string
	for _, s := range p.Skipped {
		out = append(out, s.Name)
		for _, ref := range s.Members {
			out = append(out, s.Name+"/"+ref)
		}
	}
	for _, a := range p.Assignments {
		if a.Set == nil {
			continue
		}
		for _, m := range a.Set.Members {
			if m.Status == MemberInherited {
				out = append(out, a.Assignment.Name+"/"+m.Member.Reference)
			}
		}
	}
	slices.Sort(out)
	return out
}

// ErrInvalidArgs is wrapped by every validation error of the args.
var ErrInvalidArgs = errors.New("invalid AIPolicyBaseline args")

const mgPrefix = "/providers/Microsoft.Management/managementGroups/"

// Validate checks the args by planning the baseline.
func (a *Args) Validate() error {
	_, err := a.Plan()
	return err
}

// planner holds the state of one Plan call.
type planner struct {
	args    *Args
	lib     *Library
	arch    *Archetype
	o       *Override
	plan    *Plan
	parent  *inForce
	equiv   map[string]string // library custom definition → ALZ custom it stands in for
	effects map[string]string // the archetype chain's effects
	seen    map[string]string // lower-case definition id → who assigns it at the group
	custom  map[string]bool
	missing map[string][]string // where to set them → member parameters without a value
	errs    []error
}

func (p *planner) bad(format string, v ...any) {
	p.errs = append(p.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidArgs}, v...)...))
}

// Plan resolves the archetype, the parent archetype, the override and the default
// values into the assignments to create. It registers nothing.
func (a *Args) Plan() (*Plan, error) {
	if a == nil {
		return nil, fmt.Errorf("%w: args are required", ErrInvalidArgs)
	}
	p := &planner{args: a, lib: a.Library, o: a.Override, seen: map[string]string{}, custom: map[string]bool{}}
	if p.lib == nil {
		p.lib = DefaultLibrary()
	}
	if p.o == nil {
		p.o = &Override{}
	}
	if !p.resolve() {
		return nil, errors.Join(p.errs...)
	}
	names := p.assignmentNames()
	p.checkOverrideTargets(names)
	for _, n := range names {
		if as := p.lib.Assignments[n]; as.PolicySet != "" {
			p.planSet(as)
		} else {
			p.planSingle(as)
		}
	}
	for _, d := range sortedKeys(p.custom) {
		p.plan.Definitions = append(p.plan.Definitions, p.lib.Definitions[d])
	}
	p.checkLocation()
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.plan, nil
}

// resolve finds the group, the archetype and the parent archetype; it reports
// whether planning can go on.
func (p *planner) resolve() bool {
	mg := strings.TrimPrefix(p.args.ManagementGroupID, mgPrefix)
	if mg == "" {
		p.bad("ManagementGroupID is empty: name the management group to assign the baseline to")
	}
	arch, ok := p.lib.Archetypes[p.args.Archetype]
	if !ok || arch.Abstract {
		p.bad("Archetype %q is not an archetype of the library; use one of %s", p.args.Archetype, strings.Join(p.lib.ArchetypeNames(), ", "))
		return false
	}
	parent, err := p.lib.parentInForce(p.args.ParentArchetype)
	if err != nil {
		p.bad("%v", err)
		return false
	}
	parentName := p.args.ParentArchetype
	if parentName == "" {
		parentName = ParentNone
	}
	p.arch, p.parent, p.equiv, p.effects = arch, parent, p.lib.alzEquivalents(), p.lib.archetypeEffects(arch)
	p.plan = &Plan{ManagementGroupID: mg, Scope: mgPrefix + mg, Archetype: arch.Name, Level: arch.Level, ParentArchetype: parentName}
	for _, k := range sortedKeys(p.args.DefaultValues) {
		if _, ok := p.lib.DefaultValues[k]; !ok {
			p.bad("DefaultValues[%q] is not a default value of the library; it has: %s", k, strings.Join(sortedKeys(p.lib.DefaultValues), ", "))
		}
	}
	return true
}

// assignmentNames returns the archetype's assignments after the override: single
// definitions first, then policy sets, each in the archetype's order, so that a set
// member a single assignment already assigns counts as covered.
func (p *planner) assignmentNames() []string {
	names := p.lib.flatten(p.arch)
	for i, n := range p.o.AssignmentsToRemove {
		if !slices.Contains(names, n) {
			p.bad("Override.AssignmentsToRemove[%d] %q is not an assignment of archetype %q; it has: %s", i, n, p.arch.Name, strings.Join(names, ", "))
		}
	}
	names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(p.o.AssignmentsToRemove, n) })
	for i, n := range p.o.AssignmentsToAdd {
		if _, ok := p.lib.Assignments[n]; !ok {
			p.bad("Override.AssignmentsToAdd[%d] %q is not an assignment of the library; it has: %s", i, n, strings.Join(sortedKeys(p.lib.Assignments), ", "))
			continue
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	isSet := func(n string) bool { return p.lib.Assignments[n].PolicySet != "" }
	return append(slices.DeleteFunc(slices.Clone(names), isSet), slices.DeleteFunc(slices.Clone(names), func(n string) bool { return !isSet(n) })...)
}

// checkOverrideTargets refuses override keys that name nothing of the archetype.
func (p *planner) checkOverrideTargets(names []string) {
	for _, target := range sortedKeys(p.o.Parameters) {
		if err := p.targetOf(names, target); err != nil {
			p.bad("Override.Parameters[%q]: %v", target, err)
		}
	}
	for _, target := range sortedKeys(p.o.Effects) {
		if err := p.targetOf(names, target); err != nil {
			p.bad("Override.Effects[%q]: %v", target, err)
		} else if err := p.lib.checkEffect(target, p.o.Effects[target]); err != nil {
			p.bad("Override.Effects[%q] %v", target, err)
		}
	}
	for _, target := range sortedKeys(p.o.EnforcementModes) {
		mode := p.o.EnforcementModes[target]
		if target != "*" && !slices.Contains(names, target) {
			p.bad("Override.EnforcementModes[%q]: no such assignment in archetype %q", target, p.arch.Name)
		}
		if mode != EnforcementDefault && mode != EnforcementDoNotEnforce {
			p.bad("Override.EnforcementModes[%q] %q: use %q or %q", target, mode, EnforcementDefault, EnforcementDoNotEnforce)
		}
	}
}

// targetOf checks an override key, "<assignment>" or "<assignment>/<member
// reference>", against the archetype's assignments.
func (p *planner) targetOf(names []string, target string) error {
	name, ref, isMember := strings.Cut(target, "/")
	if !slices.Contains(names, name) {
		return fmt.Errorf("no such assignment in archetype %q", p.arch.Name)
	}
	set := p.lib.PolicySets[p.lib.Assignments[name].PolicySet]
	switch {
	case set == nil && isMember:
		return fmt.Errorf("assignment %q assigns a single definition, not a policy set; key it %q", name, name)
	case set != nil && !isMember:
		return fmt.Errorf("assignment %q assigns policy set %q: key one of its members, %q", name, set.Name, name+"/<member reference>")
	case set != nil:
		if _, ok := set.Member(ref); !ok {
			return fmt.Errorf("policy set %q of assignment %q has no member %q", set.Name, name, ref)
		}
	}
	return nil
}

// effectOf returns an assignment's or member's effect at the archetype's level,
// after the archetype's and the override's effects.
func (p *planner) effectOf(target string, levels map[string]string) string {
	e := levels[p.arch.Level]
	if v, ok := p.effects[target]; ok {
		e = v
	}
	if v, ok := p.o.Effects[target]; ok {
		e = v
	}
	return e
}

// enforcementMode applies the override's enforcement modes to a default.
func (p *planner) enforcementMode(name, mode string) string {
	if m, ok := p.o.EnforcementModes["*"]; ok {
		mode = m
	}
	if m, ok := p.o.EnforcementModes[name]; ok {
		mode = m
	}
	return mode
}

// planSingle plans an assignment of one definition.
func (p *planner) planSingle(as *Assignment) {
	lib := p.lib
	if by, ok := p.parent.covers(strings.TrimPrefix(as.PolicyDefinitionID, builtInPrefix), as.CustomDefinition, p.equiv); ok {
		p.plan.Skipped = append(p.plan.Skipped, SkippedAssignment{Name: as.Name, Reason: "inherited: " + by})
		return
	}
	pa := PlannedAssignment{Assignment: as, EnforcementMode: EnforcementDefault, Parameters: map[string]any{}, PolicyDefinitionID: as.PolicyDefinitionID}
	if as.CustomDefinition != "" {
		pa.PolicyDefinitionID = p.plan.Scope + "/providers/Microsoft.Authorization/policyDefinitions/" + as.CustomDefinition
		p.custom[as.CustomDefinition] = true
	}
	p.claim(pa.PolicyDefinitionID, as.Name)
	pa.EffectParameter = lib.effectParameter(as)
	if pa.EffectParameter != "" {
		pa.Effect = p.effectOf(as.Name, as.Effects)
	} else if p.arch.Level == LevelAudit {
		pa.EnforcementMode = EnforcementDoNotEnforce
	}
	pa.EnforcementMode = p.enforcementMode(as.Name, pa.EnforcementMode)
	p.singleParameters(as, pa.Parameters)
	if pa.EffectParameter != "" && pa.Effect != "" {
		pa.Parameters[pa.EffectParameter] = pa.Effect
	}
	pa.Identity = identityEffect(pa.Effect)
	if pa.Identity {
		pa.RoleDefinitionIDs = lib.roles(as)
	}
	for _, err := range lib.checkPlanned(pa, p.args.Location) {
		p.bad("%v", err)
	}
	p.plan.Assignments = append(p.plan.Assignments, pa)
}

// claim records that an assignment assigns a definition at the group; a second
// single assignment of the same definition is refused.
func (p *planner) claim(id, by string) {
	key := strings.ToLower(id)
	if prev, ok := p.seen[key]; ok {
		p.bad("assignments %q and %q of archetype %q assign the same definition %s at one scope; remove one (Override.AssignmentsToRemove)", prev, by, p.arch.Name, id)
		return
	}
	p.seen[key] = by
}

// singleParameters fills an assignment's parameters from the library, the default
// values and the override.
func (p *planner) singleParameters(as *Assignment, into map[string]any) {
	for k, v := range as.Parameters {
		if v != nil {
			into[k] = v
		}
	}
	for _, t := range p.routed(as.Name, "") {
		into[t.parameter] = t.value
	}
	for _, k := range sortedKeys(p.o.Parameters[as.Name]) {
		if _, known := as.Parameters[k]; !known && (as.CustomDefinition == "" || p.lib.Definitions[as.CustomDefinition].Parameters[k] == nil) {
			p.bad("Override.Parameters[%q][%q]: the assignment has no parameter %q; it has: %s", as.Name, k, k, strings.Join(sortedKeys(as.Parameters), ", "))
			continue
		}
		into[k] = p.o.Parameters[as.Name][k]
	}
	for _, k := range sortedKeys(as.Parameters) {
		if _, ok := into[k]; !ok {
			p.bad("assignment %q of archetype %q: parameter %q has no value; set %s", as.Name, p.arch.Name, k, p.lib.sourceOf(as.Name, k))
		}
	}
}

// routedValue is a default value routed to one parameter.
type routedValue struct {
	parameter string // the assignment's parameter, or the member's for a member
	value     any
}

// routed returns the default values given in the args that target an assignment
// (member "" ) or one member of a set assignment.
func (p *planner) routed(assignment, member string) []routedValue {
	var out []routedValue
	for _, dv := range sortedKeys(p.lib.DefaultValues) {
		v, ok := p.args.DefaultValues[dv]
		if !ok {
			continue
		}
		for _, t := range p.lib.DefaultValues[dv].Targets {
			param := t.Parameter
			if member != "" {
				ref, rest, _ := strings.Cut(t.Parameter, "/")
				if ref != member {
					continue
				}
				param = rest
			}
			if t.Assignment != assignment || (member == "" && strings.Contains(param, "/")) {
				continue
			}
			value := v
			if t.Key != "" {
				var err error
				if value, err = keyOf(v, t.Key); err != nil {
					p.bad("DefaultValues[%q]: %v", dv, err)
					continue
				}
			}
			out = append(out, routedValue{parameter: param, value: value})
		}
	}
	return out
}

// keyOf returns one key of a map value: a plain map, or a pulumi map input (whose
// key is read when the value is known).
func keyOf(v any, key string) (any, error) {
	switch m := v.(type) {
	case map[string]string:
		if x, ok := m[key]; ok {
			return x, nil
		}
	case map[string]any:
		if x, ok := m[key]; ok {
			return x, nil
		}
	case pulumi.StringMap:
		if x, ok := m[key]; ok {
			return x, nil
		}
	case pulumi.StringMapInput:
		return m.ToStringMapOutput().MapIndex(pulumi.String(key)), nil
	default:
		return nil, fmt.Errorf("is a %T; give a map of values by key (it needs key %q)", v, key)
	}
	return nil, fmt.Errorf("has no key %q", key)
}

// checkLocation requires a region for the managed identities of the plan.
func (p *planner) checkLocation() {
	for _, a := range p.plan.Assignments {
		if !a.Identity {
			continue
		}
		if p.args.Location == "" {
			p.bad("Location is empty, but archetype %q has Modify/DeployIfNotExists assignments whose managed identities need a region", p.arch.Name)
		} else if _, err := catalog.Default().Region(p.args.Location); err != nil {
			p.bad("Location: %v", err)
		}
		return
	}
}

// checkPlanned checks a planned single assignment against its definition's facts,
// as ARM will when it is created.
func (l *Library) checkPlanned(p PlannedAssignment, location string) []error {
	facts, err := l.facts(p.Assignment)
	if err != nil || facts == nil {
		return nil
	}
	values := AssignmentValues{
		Name: p.Assignment.Name, DefinitionID: l.definitionID(p.Assignment),
		Parameters: plainValues(p.Parameters), Identity: p.Identity, Location: location,
		Roles: p.RoleDefinitionIDs, RolesKnown: true,
	}
	return CheckAssignment(facts, values)
}

// plainValues maps PlainValue over parameter values.
func plainValues(in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		out[k] = PlainValue(v)
	}
	return out
}

// PlainValue returns v's plain Go value when it is known before deployment (a plain
// value or a pulumi.String-like constant), and UnknownValue for an Output.
func PlainValue(v any) any {
	switch x := v.(type) {
	case pulumi.String:
		return string(x)
	case pulumi.StringArray:
		out := make([]any, len(x))
		for i, e := range x {
			if out[i] = PlainValue(e); out[i] == (UnknownValue{}) {
				return UnknownValue{}
			}
		}
		return out
	case pulumi.Bool:
		return bool(x)
	case pulumi.Int:
		return int(x)
	case pulumi.Input:
		return UnknownValue{}
	}
	return v
}

// flatten returns the assignment names of an archetype and its ancestors.
func (l *Library) flatten(a *Archetype) []string {
	var chain []*Archetype
	for cur := a; cur != nil; cur = l.Archetypes[cur.Extends] {
		chain = append([]*Archetype{cur}, chain...)
		if cur.Extends == "" {
			break
		}
	}
	var names []string
	for _, c := range chain {
		for _, n := range c.PolicyAssignments {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(c.PolicyAssignmentsToRemove, n) })
	}
	return names
}

// sourceOf says where a required parameter's value comes from.
func (l *Library) sourceOf(assignment, parameter string) string {
	for _, dv := range sortedKeys(l.DefaultValues) {
		for _, t := range l.DefaultValues[dv].Targets {
			if t.Assignment == assignment && t.Parameter == parameter {
				return fmt.Sprintf("Args.DefaultValues[%q] (%s)", dv, l.DefaultValues[dv].Description)
			}
		}
	}
	target, param := assignment, parameter
	if ref, rest, ok := strings.Cut(parameter, "/"); ok {
		target, param = assignment+"/"+ref, rest
	}
	return fmt.Sprintf("Override.Parameters[%q][%q]", target, param)
}
