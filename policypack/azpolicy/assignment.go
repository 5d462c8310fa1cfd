package azpolicy

import (
	"fmt"
	"sort"
	"strings"
)

// SetDefinition is a policy set definition (initiative)
// (learn.microsoft.com/azure/governance/policy/concepts/initiative-definition-structure).
type SetDefinition struct {
	ID, Name, DisplayName, Description string
	Parameters                         map[string]*Parameter
	Members                            []SetMember
}

// SetMember is one entry of policyDefinitions.
type SetMember struct {
	// DefinitionID is policyDefinitionId.
	DefinitionID string
	// ReferenceID is policyDefinitionReferenceId.
	ReferenceID string
	// Parameters map the member definition's parameters to values, usually
	// "[parameters('setParameter')]"; expressions are evaluated with the set's
	// parameter values.
	Parameters map[string]any
	GroupNames []string
}

// ParseSetDefinition parses a policy set definition in the REST shape
// ({"properties": {"policyDefinitions": [...]}}) or the flat shape of
// `az policy set-definition show`.
func ParseSetDefinition(data []byte) (*SetDefinition, error) {
	var doc map[string]any
	if err := decodeJSON(data, &doc); err != nil {
		return nil, fmt.Errorf("policy set definition: %w", err)
	}
	return setFromMap(doc)
}

func setFromMap(doc map[string]any) (*SetDefinition, error) {
	props := envelope(doc, "policyDefinitions")
	if props == nil {
		return nil, fmt.Errorf("policy set definition %q: no policyDefinitions", str(doc, "name"))
	}
	s := &SetDefinition{ID: str(doc, "id"), Name: str(doc, "name"), DisplayName: str(props, "displayName"), Description: str(props, "description")}
	if s.Name == "" && s.ID != "" {
		s.Name = lastSegment(s.ID)
	}
	var err error
	if s.Parameters, err = parseParameters(obj(props, "parameters")); err != nil {
		return nil, fmt.Errorf("policy set definition %s: %w", s.Name, err)
	}
	members, _ := lookupFold(props, "policyDefinitions")
	arr, ok := members.([]any)
	if !ok {
		return nil, fmt.Errorf("policy set definition %s: policyDefinitions must be an array", s.Name)
	}
	for i, m := range arr {
		mm, ok := m.(map[string]any)
		if !ok || str(mm, "policyDefinitionId") == "" {
			return nil, fmt.Errorf("policy set definition %s: policyDefinitions[%d] needs a policyDefinitionId", s.Name, i)
		}
		member := SetMember{DefinitionID: str(mm, "policyDefinitionId"), ReferenceID: str(mm, "policyDefinitionReferenceId"), Parameters: valuesOf(obj(mm, "parameters"))}
		if g, ok := lookupFold(mm, "groupNames"); ok {
			for _, n := range asArray(g) {
				if ns, ok := n.(string); ok {
					member.GroupNames = append(member.GroupNames, ns)
				}
			}
		}
		s.Members = append(s.Members, member)
	}
	return s, nil
}

func asArray(v any) []any {
	a, _ := v.([]any)
	return a
}

// valuesOf turns {"name": {"value": v}} into {"name": v}.
func valuesOf(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if vm, ok := v.(map[string]any); ok {
			if inner, ok := lookupFold(vm, "value"); ok {
				out[k] = normalizeJSON(inner)
				continue
			}
		}
		out[k] = normalizeJSON(v)
	}
	return out
}

func lastSegment(id string) string { return id[strings.LastIndexByte(id, '/')+1:] }

// Assignment is a policy assignment
// (learn.microsoft.com/azure/governance/policy/concepts/assignment-structure).
type Assignment struct {
	ID, Name, DisplayName string
	// Scope is the assigned scope (a management group, subscription or resource
	// group id).
	Scope string
	// DefinitionID is policyDefinitionId: a definition or a set definition.
	DefinitionID string
	// Parameters are the assignment's values ({"name": {"value": v}} flattened).
	Parameters map[string]any
	// EnforcementMode is Default or DoNotEnforce.
	EnforcementMode string
	NotScopes       []string
	// Overrides are the policyEffect overrides (kind policyEffect).
	Overrides []Override
	// NonComplianceMessages by policyDefinitionReferenceId ("" for the default).
	NonComplianceMessages map[string]string
}

// Override is an assignment's effect override.
type Override struct {
	Effect Effect
	// ReferenceIDs limit it to set members (policyDefinitionReferenceId selectors);
	// empty: every member. NotReferenceIDs exclude members.
	ReferenceIDs, NotReferenceIDs []string
}

// Enforced reports whether the assignment's effects are enforced (enforcementMode
// is not DoNotEnforce).
func (a *Assignment) Enforced() bool { return !strings.EqualFold(a.EnforcementMode, "DoNotEnforce") }

// ParseAssignments parses a policy assignment or an array of them, in the REST
// shape or the flat shape of `az policy assignment list`.
func ParseAssignments(data []byte) ([]*Assignment, error) {
	var raw any
	if err := decodeJSON(data, &raw); err != nil {
		return nil, fmt.Errorf("policy assignments: %w", err)
	}
	var items []any
	switch x := raw.(type) {
	case []any:
		items = x
	case map[string]any:
		items = []any{x}
	default:
		return nil, fmt.Errorf("policy assignments: expected an object or an array")
	}
	out := make([]*Assignment, 0, len(items))
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("policy assignments[%d]: expected an object", i)
		}
		a, err := assignmentFromMap(m)
		if err != nil {
			return nil, fmt.Errorf("policy assignments[%d]: %w", i, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func assignmentFromMap(doc map[string]any) (*Assignment, error) {
	props := envelope(doc, "policyDefinitionId")
	if props == nil {
		return nil, fmt.Errorf("assignment %q: no policyDefinitionId", str(doc, "name"))
	}
	a := &Assignment{ID: str(doc, "id"), Name: str(doc, "name"), DisplayName: str(props, "displayName"),
		Scope: str(props, "scope"), DefinitionID: str(props, "policyDefinitionId"),
		Parameters: valuesOf(obj(props, "parameters")), EnforcementMode: str(props, "enforcementMode")}
	if a.Name == "" && a.ID != "" {
		a.Name = lastSegment(a.ID)
	}
	if a.Scope == "" && a.ID != "" {
		if i := strings.Index(strings.ToLower(a.ID), "/providers/microsoft.authorization/policyassignments/"); i >= 0 {
			a.Scope = a.ID[:i]
		}
	}
	if m := a.EnforcementMode; m != "" && !strings.EqualFold(m, "Default") && !strings.EqualFold(m, "DoNotEnforce") {
		return nil, fmt.Errorf("assignment %s: enforcementMode %q is not Default or DoNotEnforce", a.Name, a.EnforcementMode)
	}
	for _, n := range asArray(mustLookup(props, "notScopes")) {
		if s, ok := n.(string); ok {
			a.NotScopes = append(a.NotScopes, s)
		}
	}
	var err error
	if a.Overrides, err = parseOverrides(mustLookup(props, "overrides")); err != nil {
		return nil, fmt.Errorf("assignment %s: %w", a.Name, err)
	}
	for _, m := range asArray(mustLookup(props, "nonComplianceMessages")) {
		if mm, ok := m.(map[string]any); ok {
			if a.NonComplianceMessages == nil {
				a.NonComplianceMessages = map[string]string{}
			}
			a.NonComplianceMessages[str(mm, "policyDefinitionReferenceId")] = str(mm, "message")
		}
	}
	return a, nil
}

func mustLookup(m map[string]any, k string) any {
	v, _ := lookupFold(m, k)
	return v
}

func parseOverrides(raw any) ([]Override, error) {
	var out []Override
	for i, it := range asArray(raw) {
		m, ok := it.(map[string]any)
		if !ok || !strings.EqualFold(str(m, "kind"), "policyEffect") {
			continue // policyVersion overrides do not change evaluation here
		}
		e, err := ParseEffect(str(m, "value"))
		if err != nil {
			return nil, fmt.Errorf("overrides[%d].value: %w", i, err)
		}
		o := Override{Effect: e}
		for _, sel := range asArray(mustLookup(m, "selectors")) {
			sm, ok := sel.(map[string]any)
			if !ok || !strings.EqualFold(str(sm, "kind"), "policyDefinitionReferenceId") {
				return nil, fmt.Errorf("overrides[%d]: only policyDefinitionReferenceId selectors are supported", i)
			}
			o.ReferenceIDs = append(o.ReferenceIDs, stringsOf(mustLookup(sm, "in"))...)
			o.NotReferenceIDs = append(o.NotReferenceIDs, stringsOf(mustLookup(sm, "notIn"))...)
		}
		out = append(out, o)
	}
	return out, nil
}

func stringsOf(v any) []string {
	var out []string
	for _, e := range asArray(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Covers reports whether the assignment applies to a resource: its scope is the
// resource's id or a parent of it, or one of the resource's containers (the
// management groups above its subscription, which the caller knows), and no
// notScope is. Comparisons ignore case and stop at path segments.
func (a *Assignment) Covers(resourceID string, containers []string) bool {
	if !inScope(a.Scope, resourceID, containers) {
		return false
	}
	for _, n := range a.NotScopes {
		if inScope(n, resourceID, containers) {
			return false
		}
	}
	return true
}

// inScope reports whether a scope is the resource's id, a parent of it, or one
// of its containers.
func inScope(scope, resourceID string, containers []string) bool {
	w := placeOf(resourceID, containers)
	return w.holds(lowerScope(scope))
}

// Library holds definitions and set definitions by id and by name, to resolve
// assignments.
type Library struct {
	defs map[string]*Definition
	sets map[string]*SetDefinition
	base *Library // consulted for what this library does not hold
}

// NewLibrary returns an empty library.
func NewLibrary() *Library {
	return &Library{defs: map[string]*Definition{}, sets: map[string]*SetDefinition{}}
}

// NewLibraryOver returns an empty library layered over base: what it does not
// hold is looked up in base, which it never changes (a stack's own definitions
// over a tenant's export, without copying the export).
func NewLibraryOver(base *Library) *Library {
	l := NewLibrary()
	l.base = base
	return l
}

// AddDefinition adds a definition; it is found by its id and by its name.
func (l *Library) AddDefinition(d *Definition) {
	for _, k := range libraryKeys("policydefinitions", d.ID, d.Name) {
		l.defs[k] = d
	}
}

// AddSet adds a set definition; it is found by its id and by its name.
func (l *Library) AddSet(s *SetDefinition) {
	for _, k := range libraryKeys("policysetdefinitions", s.ID, s.Name) {
		l.sets[k] = s
	}
}

func libraryKeys(kind, id, name string) []string {
	var out []string
	if id != "" {
		out = append(out, strings.ToLower(id))
	}
	if name != "" {
		out = append(out, kind+"/"+strings.ToLower(name))
	}
	return out
}

// lookup finds a definition or set by id: the full id, else its kind and name (a
// custom definition's id names the scope it was created at).
func (l *Library) lookup(id string) (*Definition, *SetDefinition) {
	d, s := l.lookupOwn(id)
	if d == nil && s == nil && l.base != nil {
		return l.base.lookup(id)
	}
	return d, s
}

func (l *Library) lookupOwn(id string) (*Definition, *SetDefinition) {
	lower := strings.ToLower(id)
	if d := l.defs[lower]; d != nil {
		return d, nil
	}
	if s := l.sets[lower]; s != nil {
		return nil, s
	}
	name := strings.ToLower(lastSegment(id))
	switch {
	case strings.Contains(lower, "/policysetdefinitions/"):
		return nil, l.sets["policysetdefinitions/"+name]
	case strings.Contains(lower, "/policydefinitions/"):
		return l.defs["policydefinitions/"+name], nil
	}
	if d := l.defs["policydefinitions/"+name]; d != nil {
		return d, nil
	}
	return nil, l.sets["policysetdefinitions/"+name]
}

// Resolve binds an assignment: its definition, or every member of its set with
// the set's parameter mapping evaluated, parameters checked (declared, of their
// type, allowed, required ones given) and defaults filled in, and the
// assignment's effect overrides applied. aliases nil means DefaultAliases.
func (l *Library) Resolve(a *Assignment, aliases *AliasTable) ([]*Policy, error) {
	policies, missing, err := l.resolve(a, aliases, false)
	if err == nil && len(missing) > 0 {
		err = fmt.Errorf("assignment %s: policyDefinitionId %s is neither a definition nor a set definition of the library", a.Name, a.DefinitionID)
	}
	return policies, err
}

// ResolveSupplied is Resolve for a library that holds only part of what a
// tenant assigns (custom definitions, but not every built-in): it binds the
// members the library holds and returns the ids of the definitions (or the set)
// it does not hold in missing, instead of failing. An error is what ARM would
// refuse of the members it holds (a parameter value not allowed, a required
// parameter without a value).
func (l *Library) ResolveSupplied(a *Assignment, aliases *AliasTable) (policies []*Policy, missing []string, err error) {
	return l.resolve(a, aliases, true)
}

func (l *Library) resolve(a *Assignment, aliases *AliasTable, partial bool) ([]*Policy, []string, error) {
	def, set := l.lookup(a.DefinitionID)
	switch {
	case def != nil:
		p, err := def.Bind(a.Parameters, aliases)
		if err != nil {
			return nil, nil, fmt.Errorf("assignment %s: %w", a.Name, err)
		}
		p.Assignment = a
		if p, err = a.override(p); err != nil {
			return nil, nil, err
		}
		return []*Policy{p}, nil, nil
	case set != nil:
		return l.resolveSet(a, set, aliases, partial)
	}
	return nil, []string{a.DefinitionID}, nil
}

func (l *Library) resolveSet(a *Assignment, set *SetDefinition, aliases *AliasTable, partial bool) ([]*Policy, []string, error) {
	values, err := ResolveParameters("set definition "+set.Name, set.Parameters, a.Parameters)
	if err != nil {
		return nil, nil, fmt.Errorf("assignment %s: %w", a.Name, err)
	}
	st := &state{params: values}
	b := &binder{st: st, aliases: aliases}
	var out []*Policy
	var problems, missing []string
	for i, m := range set.Members {
		label := m.ReferenceID
		if label == "" {
			label = fmt.Sprintf("policyDefinitions[%d]", i)
		}
		def, _ := l.lookup(m.DefinitionID)
		if def == nil {
			if partial {
				missing = append(missing, m.DefinitionID)
			} else {
				problems = append(problems, fmt.Sprintf("%s: policyDefinitionId %s is not a definition of the library", label, m.DefinitionID))
			}
			continue
		}
		p, err := bindMember(b, def, m, aliases)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", label, err))
			continue
		}
		p.Assignment, p.Set, p.ReferenceID = a, set, m.ReferenceID
		if p, err = a.override(p); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", label, err))
			continue
		}
		out = append(out, p)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, nil, fmt.Errorf("assignment %s of set %s: %s", a.Name, set.Name, strings.Join(problems, "; "))
	}
	return out, missing, nil
}

// bindMember evaluates a member's parameter mapping with the set's values.
func bindMember(b *binder, def *Definition, m SetMember, aliases *AliasTable) (*Policy, error) {
	given := make(map[string]any, len(m.Parameters))
	for name, raw := range m.Parameters {
		n, err := compileValue(raw)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", name, err)
		}
		lit, ok := b.fold(n).(litNode)
		if !ok {
			return nil, fmt.Errorf("parameter %s: %s must evaluate from the set's parameters alone", name, Render(raw))
		}
		given[name] = lit.v
	}
	return def.Bind(given, aliases)
}

// override applies the assignment's effect overrides (the last that selects the
// policy wins).
func (a *Assignment) override(p *Policy) (*Policy, error) {
	for _, o := range a.Overrides {
		if len(o.ReferenceIDs) > 0 && !containsFold(o.ReferenceIDs, p.ReferenceID) {
			continue
		}
		if containsFold(o.NotReferenceIDs, p.ReferenceID) {
			continue
		}
		np, err := p.WithEffect(o.Effect)
		if err != nil {
			return nil, fmt.Errorf("assignment %s: override to %s: %w", a.Name, o.Effect, err)
		}
		p = np
	}
	return p, nil
}

func containsFold(list []string, s string) bool {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}

// Load adds every definition and set definition of a JSON document (one object,
// or an array as `az policy definition list` prints) and returns the assignments
// it holds. Each object is recognised by what it has: policyRule (a definition),
// policyDefinitions (a set definition) or policyDefinitionId (an assignment);
// exemptions are read by Export.Add.
func (l *Library) Load(data []byte) ([]*Assignment, error) {
	var out []*Assignment
	err := eachObject(data, func(_ int, m map[string]any) error {
		switch kind := kindOf(m); kind {
		case kindAssignment:
			a, err := assignmentFromMap(m)
			if err != nil {
				return err
			}
			out = append(out, a)
		case kindExemption:
			return fmt.Errorf("%q is a policy exemption (policyAssignmentId and exemptionCategory); read exemptions with Export.Add", str(m, "name"))
		default:
			return l.add(kind, m)
		}
		return nil
	})
	return out, err
}

// docKind is what a JSON object of a policy export is.
type docKind uint8

const (
	kindUnknown docKind = iota
	kindDefinition
	kindSet
	kindAssignment
	kindExemption
)

// kindOf recognises an object by what only its kind has.
func kindOf(m map[string]any) docKind {
	switch {
	case envelope(m, "policyRule") != nil:
		return kindDefinition
	case envelope(m, "policyDefinitions") != nil:
		return kindSet
	case envelope(m, "policyDefinitionId") != nil:
		return kindAssignment
	case envelope(m, "policyAssignmentId") != nil && envelope(m, "exemptionCategory") != nil:
		return kindExemption
	}
	return kindUnknown
}

// add adds a definition or a set definition object.
func (l *Library) add(kind docKind, m map[string]any) error {
	switch kind {
	case kindDefinition:
		d, err := definitionFromMap(m)
		if err != nil {
			return err
		}
		l.AddDefinition(d)
	case kindSet:
		s, err := setFromMap(m)
		if err != nil {
			return err
		}
		l.AddSet(s)
	default:
		return fmt.Errorf("%q: neither a policy definition (policyRule), a set definition (policyDefinitions), an assignment (policyDefinitionId) nor an exemption (policyAssignmentId and exemptionCategory)", str(m, "name"))
	}
	return nil
}

// eachObject decodes a JSON document (one object or an array of them) and calls
// fn with each object; an error is prefixed with the object's index "[i]: ".
func eachObject(data []byte, fn func(i int, m map[string]any) error) error {
	var raw any
	if err := decodeJSON(data, &raw); err != nil {
		return err
	}
	items, ok := raw.([]any)
	if !ok {
		items = []any{raw}
	}
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			return fmt.Errorf("[%d]: expected an object, got %s", i, kindName(it))
		}
		if err := fn(i, m); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}
