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
	// Location is where the managed identities of Modify / DeployIfNotExists
	// assignments live (an Azure region). Required when the archetype has such an
	// assignment.
	Location string
	// DefaultValues are values routed to the assignment parameters that need them,
	// by name (the library's default_values.json): "ddosPlan" (a DDoS plan id;
	// required by online), "allowedLocations" ([]string; required),
	// "allowedModelAssetIds" ([]string; required), "allowedModelPublishers". A value
	// is a plain Go value or a pulumi.Input.
	DefaultValues map[string]any
	// Override customises the archetype for this group. Optional.
	Override *Override
	// Library replaces the embedded library (DefaultLibrary). Optional; to extend
	// the default, pass DefaultLibrary().Merge(yours).
	Library *Library
}

// Override customises an archetype without editing the library.
type Override struct {
	// AssignmentsToAdd are library assignments added to the archetype's.
	AssignmentsToAdd []string
	// AssignmentsToRemove are archetype assignments dropped.
	AssignmentsToRemove []string
	// Parameters set assignment parameters: assignment name → parameter → value
	// (a plain Go value or a pulumi.Input).
	Parameters map[string]map[string]any
	// Effects set an assignment's effect, one of its allowed effects.
	Effects map[string]string
	// EnforcementModes set an assignment's enforcement mode (Default or
	// DoNotEnforce); the key "*" sets it for every assignment.
	EnforcementModes map[string]string
}

// PlannedAssignment is one policy assignment as it will be created.
type PlannedAssignment struct {
	// Assignment is the library entry.
	Assignment *Assignment
	// PolicyDefinitionID is the full id of the assigned definition.
	PolicyDefinitionID string
	// Effect is the effect set through the effect parameter ("" for fixed effects).
	Effect string
	// EffectParameter is the definition's effect parameter ("" for fixed effects).
	EffectParameter string
	// EnforcementMode is Default or DoNotEnforce.
	EnforcementMode string
	// Parameters are the parameter values, plain or pulumi.Input.
	Parameters map[string]any
	// Identity is true when the assignment needs a managed identity.
	Identity bool
	// RoleDefinitionIDs are the roles its identity is granted at the group: those
	// the definition names for its Modify / DeployIfNotExists effect.
	RoleDefinitionIDs []string
}

// Plan is what the baseline of one group holds.
type Plan struct {
	// ManagementGroupID is the group's id (not its full resource id).
	ManagementGroupID string
	// Scope is the group's full resource id.
	Scope string
	// Archetype and Level are the archetype's name and enforcement level.
	Archetype, Level string
	// Assignments are sorted by name.
	Assignments []PlannedAssignment
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

// ErrInvalidArgs is wrapped by every validation error of the args.
var ErrInvalidArgs = errors.New("invalid AIPolicyBaseline args")

const mgPrefix = "/providers/Microsoft.Management/managementGroups/"

// Validate checks the args by planning the baseline.
func (a *Args) Validate() error {
	_, err := a.Plan()
	return err
}

// Plan resolves the archetype, the override and the default values into the
// assignments to create. It registers nothing.
func (a *Args) Plan() (*Plan, error) {
	if a == nil {
		return nil, fmt.Errorf("%w: args are required", ErrInvalidArgs)
	}
	var errs []error
	bad := func(format string, v ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidArgs}, v...)...))
	}
	lib := a.Library
	if lib == nil {
		lib = DefaultLibrary()
	}
	mg := strings.TrimPrefix(a.ManagementGroupID, mgPrefix)
	if mg == "" {
		bad("ManagementGroupID is empty: name the management group to assign the baseline to")
	}
	arch, ok := lib.Archetypes[a.Archetype]
	if !ok || arch.Abstract {
		bad("Archetype %q is not an archetype of the library; use one of %s", a.Archetype, strings.Join(lib.ArchetypeNames(), ", "))
		return nil, errors.Join(errs...)
	}
	plan := &Plan{ManagementGroupID: mg, Scope: mgPrefix + mg, Archetype: arch.Name, Level: arch.Level}

	names := lib.flatten(arch)
	o := a.Override
	if o == nil {
		o = &Override{}
	}
	for i, n := range o.AssignmentsToRemove {
		if !slices.Contains(names, n) {
			bad("Override.AssignmentsToRemove[%d] %q is not an assignment of archetype %q; it has: %s", i, n, arch.Name, strings.Join(names, ", "))
		}
	}
	names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(o.AssignmentsToRemove, n) })
	for i, n := range o.AssignmentsToAdd {
		if _, ok := lib.Assignments[n]; !ok {
			bad("Override.AssignmentsToAdd[%d] %q is not an assignment of the library; it has: %s", i, n, strings.Join(sortedKeys(lib.Assignments), ", "))
			continue
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, target := range sortedKeys(o.Parameters) {
		if !slices.Contains(names, target) {
			bad("Override.Parameters[%q]: no such assignment in archetype %q", target, arch.Name)
		}
	}
	for _, target := range sortedKeys(o.Effects) {
		if !slices.Contains(names, target) {
			bad("Override.Effects[%q]: no such assignment in archetype %q", target, arch.Name)
		}
	}
	for _, target := range sortedKeys(o.EnforcementModes) {
		mode := o.EnforcementModes[target]
		if target != "*" && !slices.Contains(names, target) {
			bad("Override.EnforcementModes[%q]: no such assignment in archetype %q", target, arch.Name)
		}
		if mode != EnforcementDefault && mode != EnforcementDoNotEnforce {
			bad("Override.EnforcementModes[%q] %q: use %q or %q", target, mode, EnforcementDefault, EnforcementDoNotEnforce)
		}
	}
	for _, k := range sortedKeys(a.DefaultValues) {
		if _, ok := lib.DefaultValues[k]; !ok {
			bad("DefaultValues[%q] is not a default value of the library; it has: %s", k, strings.Join(sortedKeys(lib.DefaultValues), ", "))
		}
	}

	needsIdentity := false
	custom := map[string]bool{}
	for _, n := range names {
		as := lib.Assignments[n]
		p := PlannedAssignment{Assignment: as, EnforcementMode: EnforcementDefault, Parameters: map[string]any{}}
		if as.CustomDefinition != "" {
			p.PolicyDefinitionID = plan.Scope + "/providers/Microsoft.Authorization/policyDefinitions/" + as.CustomDefinition
			custom[as.CustomDefinition] = true
		} else {
			p.PolicyDefinitionID = as.PolicyDefinitionID
		}
		effectParameter := lib.effectParameter(as)
		p.EffectParameter = effectParameter
		if effectParameter != "" {
			p.Effect = as.Effects[arch.Level]
		} else if arch.Level == LevelAudit {
			p.EnforcementMode = EnforcementDoNotEnforce
		}
		if e, ok := o.Effects[n]; ok {
			switch {
			case effectParameter == "":
				bad("Override.Effects[%q] %q: the assignment's definition has a fixed effect; set Override.EnforcementModes[%q] to %q to audit it instead", n, e, n, n, EnforcementDoNotEnforce)
			case !slices.Contains(lib.allowedEffects(as), e):
				bad("Override.Effects[%q] %q is not an effect definition %s allows; use one of %s", n, e, lib.definitionID(as), strings.Join(lib.allowedEffects(as), ", "))
			default:
				p.Effect = e
			}
		}
		if m, ok := o.EnforcementModes["*"]; ok {
			p.EnforcementMode = m
		}
		if m, ok := o.EnforcementModes[n]; ok {
			p.EnforcementMode = m
		}
		for k, v := range as.Parameters {
			if v != nil {
				p.Parameters[k] = v
			}
		}
		for _, dv := range sortedKeys(lib.DefaultValues) {
			v, ok := a.DefaultValues[dv]
			if !ok {
				continue
			}
			for _, t := range lib.DefaultValues[dv].Targets {
				if t.Assignment == n {
					p.Parameters[t.Parameter] = v
				}
			}
		}
		for k, v := range o.Parameters[n] {
			if _, ok := as.Parameters[k]; !ok && (as.CustomDefinition == "" || lib.Definitions[as.CustomDefinition].Parameters[k] == nil) {
				bad("Override.Parameters[%q][%q]: the assignment has no parameter %q; it has: %s", n, k, k, strings.Join(sortedKeys(as.Parameters), ", "))
				continue
			}
			p.Parameters[k] = v
		}
		for _, k := range sortedKeys(as.Parameters) {
			if _, ok := p.Parameters[k]; !ok {
				bad("assignment %q of archetype %q: parameter %q has no value; set %s", n, arch.Name, k, lib.sourceOf(n, k))
			}
		}
		if effectParameter != "" && p.Effect != "" {
			p.Parameters[effectParameter] = p.Effect
		}
		p.Identity = identityEffect(p.Effect)
		if p.Identity {
			p.RoleDefinitionIDs = lib.roles(as)
		}
		needsIdentity = needsIdentity || p.Identity
		for _, err := range lib.checkPlanned(p, a.Location) {
			bad("%v", err)
		}
		plan.Assignments = append(plan.Assignments, p)
	}
	for _, d := range sortedKeys(custom) {
		plan.Definitions = append(plan.Definitions, lib.Definitions[d])
	}
	if needsIdentity {
		if a.Location == "" {
			bad("Location is empty, but archetype %q has Modify/DeployIfNotExists assignments whose managed identities need a region", arch.Name)
		} else if _, err := catalog.Default().Region(a.Location); err != nil {
			bad("Location: %v", err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return plan, nil
}

// checkPlanned checks a planned assignment against its definition's facts, as ARM
// will when it is created.
func (l *Library) checkPlanned(p PlannedAssignment, location string) []error {
	facts, err := l.facts(p.Assignment)
	if err != nil || facts == nil {
		return nil
	}
	values := AssignmentValues{
		Name: p.Assignment.Name, DefinitionID: l.definitionID(p.Assignment),
		Parameters: map[string]any{}, Identity: p.Identity, Location: location,
		Roles: p.RoleDefinitionIDs, RolesKnown: true,
	}
	for k, v := range p.Parameters {
		values.Parameters[k] = PlainValue(v)
	}
	return CheckAssignment(facts, values)
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
	return fmt.Sprintf("Override.Parameters[%q][%q]", assignment, parameter)
}
