package policybaseline

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed lib
var embedded embed.FS

// Enforcement levels of an archetype.
const (
	// LevelEnforce applies each assignment's enforcing effect (Deny, Modify, ...).
	LevelEnforce = "enforce"
	// LevelAudit applies each assignment's audit effect, and DoNotEnforce to
	// assignments whose definition has a fixed effect.
	LevelAudit = "audit"
)

// Enforcement modes of a policy assignment.
const (
	EnforcementDefault      = "Default"
	EnforcementDoNotEnforce = "DoNotEnforce"
)

// Archetype is a named set of policy assignments.
type Archetype struct {
	// Name is the archetype's name, e.g. "corp".
	Name string `json:"name"`
	// Description says what the archetype is for.
	Description string `json:"description"`
	// Extends names the archetype whose assignments this one inherits.
	Extends string `json:"extends,omitempty"`
	// Abstract archetypes are only extended, never assigned.
	Abstract bool `json:"abstract,omitempty"`
	// Level is LevelEnforce or LevelAudit.
	Level string `json:"level"`
	// PolicyAssignments are the names of the assignments it adds.
	PolicyAssignments []string `json:"policyAssignments"`
	// PolicyAssignmentsToRemove are inherited assignments it drops.
	PolicyAssignmentsToRemove []string `json:"policyAssignmentsToRemove,omitempty"`
	// Effects set effects for this archetype (and those extending it), keyed like
	// Override.Effects: "<assignment>" or "<assignment>/<member reference>".
	Effects map[string]string `json:"effects,omitempty"`
}

// Assignment is a policy assignment of the library.
type Assignment struct {
	// Name is the assignment name (at most 24 characters at management group scope).
	Name string `json:"name"`
	// DisplayName and Description are shown in the portal.
	DisplayName string `json:"displayName"`
	Description string `json:"description"`
	// Guide is the section of the AI Ready guide the assignment implements.
	Guide string `json:"guide"`
	// PolicyDefinitionID is the built-in definition it assigns. Exactly one of
	// PolicyDefinitionID, CustomDefinition and PolicySet is set.
	PolicyDefinitionID string `json:"policyDefinitionId,omitempty"`
	// CustomDefinition names a definition of the library, created at the
	// management group the baseline is applied to.
	CustomDefinition string `json:"customDefinition,omitempty"`
	// PolicySet names a policy set of the library (lib/policySets), created at the
	// management group with the custom definitions of its members; the effects
	// and parameters of its members are the set's.
	PolicySet string `json:"policySet,omitempty"`
	// EffectParameter is the definition's effect parameter; empty for definitions
	// with a fixed effect. Derived from the definition (Azure's facts about a
	// built-in, or the library's custom definition); set it only for a built-in the
	// facts do not know.
	EffectParameter string `json:"effectParameter,omitempty"`
	// Effects maps an enforcement level to the effect it sets.
	Effects map[string]string `json:"effects,omitempty"`
	// AllowedEffects are the values the definition accepts for its effect. Derived
	// like EffectParameter; set it only for a built-in the facts do not know.
	AllowedEffects []string `json:"allowedEffects,omitempty"`
	// Parameters are the assignment's parameter values; null marks a value that
	// must come from the default values or an override.
	Parameters map[string]any `json:"parameters,omitempty"`
	// RoleDefinitionIDs are the roles a Modify / DeployIfNotExists identity needs.
	// Derived like EffectParameter; set it only for a built-in the facts do not know.
	RoleDefinitionIDs []string `json:"roleDefinitionIds,omitempty"`
	// NonComplianceMessage is shown when a resource is denied or non-compliant.
	NonComplianceMessage string `json:"nonComplianceMessage"`
}

// Definition is a custom policy definition of the library.
type Definition struct {
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Description string `json:"description"`
	// Category is the portal category of the definition (metadata.category).
	Category string `json:"category,omitempty"`
	// Source cites what the definition was written from (e.g. the ALZ definition
	// of the same intent, read as reference).
	Source     string         `json:"source,omitempty"`
	Mode       string         `json:"mode"`
	Parameters map[string]any `json:"parameters"`
	PolicyRule map[string]any `json:"policyRule"`
}

// DefaultValue routes one value to the assignment parameters that need it.
type DefaultValue struct {
	Description string          `json:"description"`
	Targets     []DefaultTarget `json:"targets"`
}

// DefaultTarget is one parameter a default value is routed to.
type DefaultTarget struct {
	// Assignment is the assignment's name.
	Assignment string `json:"assignment"`
	// Parameter is the assignment's parameter, or "<member reference>/<parameter>"
	// for a member of a policy set assignment.
	Parameter string `json:"parameter"`
	// Key, when set, takes that key of the value (a map) instead of the value.
	Key string `json:"key,omitempty"`
}

// Library is a set of archetypes, assignments, custom definitions, policy sets,
// default values and the archetypes of the groups an AI group may sit under.
type Library struct {
	Archetypes    map[string]*Archetype
	Assignments   map[string]*Assignment
	Definitions   map[string]*Definition
	PolicySets    map[string]*PolicySet
	DefaultValues map[string]*DefaultValue
	// ParentArchetypes are what an estate's existing groups already assign
	// (lib/estate: ALZ's landingzones, corp, online, sandbox), by name.
	ParentArchetypes map[string]*ParentArchetype
	// BuiltIns are Azure's facts about built-in definitions the assignments are
	// checked against; nil means DefaultBuiltIns().
	BuiltIns *BuiltIns
}

var (
	defaultOnce sync.Once
	defaultLib  *Library
	defaultErr  error
)

// DefaultLibrary returns the embedded library. A test keeps it valid.
func DefaultLibrary() *Library {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(embedded, "lib")
		if err != nil {
			defaultErr = err
			return
		}
		defaultLib, defaultErr = LoadLibrary(sub)
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("policybaseline: the embedded library is invalid: %v", defaultErr))
	}
	return defaultLib
}

// ErrLibrary is wrapped by every error about an invalid library.
var ErrLibrary = errors.New("invalid policy library")

// LoadLibrary reads a library from a file system holding archetypes/*.json,
// assignments/*.json and optionally definitions/*.json, policySets/*.json,
// estate/*.json and default_values.json, and validates it.
func LoadLibrary(fsys fs.FS) (*Library, error) {
	l := newLibrary()
	dirs := []error{
		loadDir(fsys, "archetypes", l.Archetypes, func(a *Archetype) string { return a.Name }),
		loadDir(fsys, "assignments", l.Assignments, func(a *Assignment) string { return a.Name }),
		loadDir(fsys, "definitions", l.Definitions, func(d *Definition) string { return d.Name }),
		loadDir(fsys, "policySets", l.PolicySets, func(s *PolicySet) string { return s.Name }),
		loadDir(fsys, "estate", l.ParentArchetypes, func(p *ParentArchetype) string { return p.Name }),
	}
	if err := errors.Join(dirs...); err != nil {
		return nil, err
	}
	if b, err := fs.ReadFile(fsys, "default_values.json"); err == nil {
		if err := decode(b, &l.DefaultValues); err != nil {
			return nil, fmt.Errorf("%w: default_values.json: %v", ErrLibrary, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: default_values.json: %v", ErrLibrary, err)
	}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return l, nil
}

func newLibrary() *Library {
	return &Library{
		Archetypes:       map[string]*Archetype{},
		Assignments:      map[string]*Assignment{},
		Definitions:      map[string]*Definition{},
		PolicySets:       map[string]*PolicySet{},
		DefaultValues:    map[string]*DefaultValue{},
		ParentArchetypes: map[string]*ParentArchetype{},
	}
}

func loadDir[T any](fsys fs.FS, dir string, into map[string]*T, name func(*T) string) error {
	files, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrLibrary, dir, err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrLibrary, f, err)
		}
		v := new(T)
		if err := decode(b, v); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrLibrary, f, err)
		}
		n := name(v)
		if want := strings.TrimSuffix(path.Base(f), ".json"); n != want {
			return fmt.Errorf("%w: %s: name %q does not match the file name %q", ErrLibrary, f, n, want)
		}
		into[n] = v
	}
	return nil
}

func decode(b []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Merge returns a library with other's entries added to (or replacing) l's,
// validated as a whole; l and other are unchanged.
func (l *Library) Merge(other *Library) (*Library, error) {
	out := &Library{
		Archetypes:       mergeMaps(l.Archetypes, other.Archetypes),
		Assignments:      mergeMaps(l.Assignments, other.Assignments),
		Definitions:      mergeMaps(l.Definitions, other.Definitions),
		PolicySets:       mergeMaps(l.PolicySets, other.PolicySets),
		DefaultValues:    mergeMaps(l.DefaultValues, other.DefaultValues),
		ParentArchetypes: mergeMaps(l.ParentArchetypes, other.ParentArchetypes),
		BuiltIns:         l.BuiltIns,
	}
	if other.BuiltIns != nil {
		out.BuiltIns = other.BuiltIns
	}
	if err := out.Validate(); err != nil {
		return nil, err
	}
	return out, nil
}

// mergeMaps returns a copy of base with extra's entries added or replaced.
func mergeMaps[T any](base, extra map[string]*T) map[string]*T {
	out := cloneMap(base)
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func cloneMap[T any](m map[string]*T) map[string]*T {
	out := make(map[string]*T, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

var (
	assignmentNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{0,23}$`)
	definitionIDRE   = regexp.MustCompile(`^/providers/Microsoft\.Authorization/(policyDefinitions|policySetDefinitions)/[0-9a-f-]{36}$`)
	guidRE           = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// identityEffects are the effects that act on resources and need a managed identity.
var identityEffects = []string{"Modify", "DeployIfNotExists"}

// Validate checks the library's references and shapes, and every assignment against
// its definition's facts (Azure's for a built-in, the library's for a custom one),
// every policy set against the ALZ set it mirrors and its members' facts.
func (l *Library) Validate() error {
	var errs []error
	bad := func(format string, v ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrLibrary}, v...)...))
	}
	// Sets first: validating a set ties its members to the ALZ set's, which
	// the archetypes' effects and the default values refer to.
	for _, name := range sortedKeys(l.PolicySets) {
		l.validatePolicySet(name, bad)
	}
	for _, name := range sortedKeys(l.Archetypes) {
		l.validateArchetype(name, bad)
	}
	for _, name := range sortedKeys(l.Assignments) {
		l.validateAssignment(name, bad)
	}
	for _, name := range sortedKeys(l.ParentArchetypes) {
		l.validateParent(name, bad)
	}
	for _, name := range sortedKeys(l.DefaultValues) {
		l.validateDefaultValue(name, bad)
	}
	for _, name := range sortedKeys(l.Definitions) {
		l.validateDefinition(name, bad)
	}
	return errors.Join(errs...)
}

// validateDefinition checks that a custom definition's policy rule has an if and
// a then.
func (l *Library) validateDefinition(name string, bad complain) {
	d := l.Definitions[name]
	if len(d.PolicyRule) == 0 || d.PolicyRule["if"] == nil || d.PolicyRule["then"] == nil {
		bad("definition %q: policyRule needs \"if\" and \"then\"", name)
	}
}

// complain records one problem of a library.
type complain func(format string, v ...any)

func (l *Library) validateArchetype(name string, bad complain) {
	a := l.Archetypes[name]
	if a.Level != LevelEnforce && a.Level != LevelAudit {
		bad("archetype %q: level %q is not %q or %q", name, a.Level, LevelEnforce, LevelAudit)
	}
	if a.Extends != "" {
		if _, ok := l.Archetypes[a.Extends]; !ok {
			bad("archetype %q extends unknown archetype %q", name, a.Extends)
		}
	}
	seen := map[string]bool{name: true}
	for cur := a.Extends; cur != ""; {
		if seen[cur] {
			bad("archetype %q: extends chain loops at %q", name, cur)
			break
		}
		seen[cur] = true
		next, ok := l.Archetypes[cur]
		if !ok {
			break
		}
		cur = next.Extends
	}
	for _, as := range append(slices.Clone(a.PolicyAssignments), a.PolicyAssignmentsToRemove...) {
		if _, ok := l.Assignments[as]; !ok {
			bad("archetype %q names unknown assignment %q", name, as)
		}
	}
	for _, target := range sortedKeys(a.Effects) {
		if err := l.checkEffect(target, a.Effects[target]); err != nil {
			bad("archetype %q: effects[%q]: %v", name, target, err)
		}
	}
}

func (l *Library) validateAssignment(name string, bad complain) {
	a := l.Assignments[name]
	if !assignmentNameRE.MatchString(name) {
		bad("assignment %q: names at management group scope are 1-24 letters, digits and '-'", name)
	}
	if !l.validateTarget(a, bad) {
		return
	}
	if a.PolicySet != "" {
		if a.EffectParameter != "" || len(a.Effects) > 0 || len(a.AllowedEffects) > 0 || len(a.Parameters) > 0 || len(a.RoleDefinitionIDs) > 0 {
			bad("assignment %q: the effects, parameters and roles of a policy set assignment are its members' (lib/policySets/%s.json); remove them from the assignment", name, a.PolicySet)
		}
		return
	}
	facts, err := l.facts(a)
	if err != nil {
		bad("assignment %q: %v", name, err)
		return
	}
	l.validateDerived(a, facts, bad)
	effectSpec{owner: fmt.Sprintf("assignment %q", name), parameter: l.effectParameter(a), allowed: l.allowedEffects(a), roles: l.roles(a), definition: l.definitionID(a)}.validate(a.Effects, bad)
	for p := range a.Parameters {
		if facts != nil {
			if _, ok := facts.Parameters[p]; !ok {
				bad("assignment %q: parameter %q is not a parameter of definition %s; it declares: %s", name, p, l.definitionID(a), declared(facts))
			}
		}
	}
	for _, r := range l.roles(a) {
		if !guidRE.MatchString(r) {
			bad("assignment %q: role definition id %q is not a GUID", name, r)
		}
	}
}

// validateTarget checks what an assignment assigns; it reports whether that exists.
func (l *Library) validateTarget(a *Assignment, bad complain) bool {
	switch {
	case nonEmpty(a.PolicyDefinitionID, a.CustomDefinition, a.PolicySet) != 1:
		bad("assignment %q: set exactly one of policyDefinitionId, customDefinition and policySet", a.Name)
	case a.PolicyDefinitionID != "" && !definitionIDRE.MatchString(a.PolicyDefinitionID):
		bad("assignment %q: policyDefinitionId %q is not a built-in definition id (/providers/Microsoft.Authorization/policyDefinitions/<guid>)", a.Name, a.PolicyDefinitionID)
	case a.CustomDefinition != "" && l.Definitions[a.CustomDefinition] == nil:
		bad("assignment %q: customDefinition %q is not in definitions", a.Name, a.CustomDefinition)
	case a.PolicySet != "" && l.PolicySets[a.PolicySet] == nil:
		bad("assignment %q: policySet %q is not in policySets", a.Name, a.PolicySet)
	default:
		return true
	}
	return false
}

// validateDerived refuses facts written in an assignment that its definition already
// states (one source of truth), and requires them for a built-in the facts lack.
func (l *Library) validateDerived(a *Assignment, facts *DefinitionFacts, bad complain) {
	if facts == nil {
		return
	}
	for field, set := range map[string]bool{
		"effectParameter":   a.EffectParameter != "",
		"allowedEffects":    len(a.AllowedEffects) > 0,
		"roleDefinitionIds": len(a.RoleDefinitionIDs) > 0,
	} {
		if set {
			bad("assignment %q: %s is derived from definition %s; remove it from the assignment", a.Name, field, l.definitionID(a))
		}
	}
}

func (l *Library) validateDefaultValue(name string, bad complain) {
	for _, t := range l.DefaultValues[name].Targets {
		a, ok := l.Assignments[t.Assignment]
		switch {
		case !ok:
			bad("default value %q targets unknown assignment %q", name, t.Assignment)
		case a.PolicySet != "":
			if err := l.setTarget(a, t.Parameter); err != nil {
				bad("default value %q targets %s", name, err)
			}
		default:
			if _, ok := a.Parameters[t.Parameter]; !ok {
				bad("default value %q targets parameter %q, which assignment %q does not have", name, t.Parameter, t.Assignment)
			}
		}
	}
}

// setTarget checks a "<member reference>/<parameter>" target of a set assignment:
// the member's data names the parameter (null or a value).
func (l *Library) setTarget(a *Assignment, target string) error {
	ref, param, ok := strings.Cut(target, "/")
	set := l.PolicySets[a.PolicySet]
	if set == nil {
		return fmt.Errorf("assignment %q of unknown policy set %q", a.Name, a.PolicySet)
	}
	if !ok {
		return fmt.Errorf("parameter %q of policy set assignment %q: name a member's parameter as \"<member reference>/<parameter>\"", target, a.Name)
	}
	m, found := set.Member(ref)
	if !found {
		return fmt.Errorf("parameter %q of assignment %q: policy set %q has no member %q", target, a.Name, set.Name, ref)
	}
	if _, has := m.Parameters[param]; !has {
		return fmt.Errorf("parameter %q of assignment %q: member %q of policy set %q does not list parameter %q", target, a.Name, ref, set.Name, param)
	}
	return nil
}

// builtIns returns the library's facts about built-ins.
func (l *Library) builtIns() *BuiltIns {
	if l.BuiltIns != nil {
		return l.BuiltIns
	}
	return DefaultBuiltIns()
}

// facts returns the facts of an assignment's definition: the custom definition's,
// or Azure's for a built-in (nil, without error, for a built-in the facts lack).
func (l *Library) facts(a *Assignment) (*DefinitionFacts, error) {
	if a.CustomDefinition != "" {
		d, ok := l.Definitions[a.CustomDefinition]
		if !ok {
			return nil, fmt.Errorf("customDefinition %q is not in definitions", a.CustomDefinition)
		}
		return d.Facts()
	}
	f, _ := l.builtIns().Definition(a.PolicyDefinitionID)
	return f, nil
}

// definitionID names an assignment's definition in messages.
func (l *Library) definitionID(a *Assignment) string {
	if a.CustomDefinition != "" {
		return fmt.Sprintf("%q (custom)", a.CustomDefinition)
	}
	id := strings.TrimPrefix(a.PolicyDefinitionID, builtInPrefix)
	if f, ok := l.builtIns().Definition(id); ok {
		return fmt.Sprintf("%s (%q)", id, f.DisplayName)
	}
	return id
}

// effectParameter is the assignment's effect parameter, from its definition's facts.
func (l *Library) effectParameter(a *Assignment) string {
	if f, err := l.facts(a); err == nil && f != nil {
		return f.EffectParameter()
	}
	return a.EffectParameter
}

// allowedEffects are the effects the assignment's definition accepts.
func (l *Library) allowedEffects(a *Assignment) []string {
	if f, err := l.facts(a); err == nil && f != nil {
		return f.AllowedEffects()
	}
	return a.AllowedEffects
}

// roles are the roles a Modify / DeployIfNotExists identity of the assignment needs.
func (l *Library) roles(a *Assignment) []string {
	if f, err := l.facts(a); err == nil && f != nil {
		return f.RoleDefinitionIDs
	}
	return a.RoleDefinitionIDs
}

// ArchetypeNames returns the archetypes that can be assigned (not abstract), sorted.
func (l *Library) ArchetypeNames() []string {
	var names []string
	for _, n := range sortedKeys(l.Archetypes) {
		if !l.Archetypes[n].Abstract {
			names = append(names, n)
		}
	}
	return names
}

// nonEmpty counts the values that are set.
func nonEmpty(values ...string) int {
	n := 0
	for _, v := range values {
		if v != "" {
			n++
		}
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
