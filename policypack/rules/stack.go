package rules

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// Stack is every resource of a stack, indexed by type and URN, or a rule's view of
// one (Rule.RunStack): only the resources of the types the rule declares.
type Stack struct {
	// Resources in the order the engine sent them (a view: those of its types).
	Resources []*Resource
	byType    map[string][]*Resource
	byURN     map[string]*Resource
	memos     map[string]any
	// full is the stack a view was cut from; nil for a stack itself.
	full *Stack
	// rule is the rule a view is for and declared its Types; nil for a stack.
	rule     *Rule
	declared map[string]bool
}

// strictViews makes a view panic when its rule reads a type the rule does not
// declare. The package's tests set it, so that such a rule fails them; the pack
// answers nothing for such a type, as the analyzer does when the rules that
// declare it are disabled (it decodes only the types the enabled stack rules
// declare).
var strictViews = false

// NewStack indexes resources.
func NewStack(resources []*Resource) *Stack {
	s := &Stack{
		Resources: resources,
		byType:    make(map[string][]*Resource, 32),
		byURN:     make(map[string]*Resource, len(resources)),
	}
	for _, r := range resources {
		s.byType[r.Type] = append(s.byType[r.Type], r)
		if r.URN != "" {
			s.byURN[r.URN] = r
		}
	}
	return s
}

// view returns the stack as rule sees it: the resources of the rule's Types, so
// that the rule's answer is the same whichever other rules run.
func (s *Stack) view(rule *Rule) *Stack {
	if s.full != nil {
		s = s.full
	}
	declared := make(map[string]bool, len(rule.Types))
	n := 0
	for _, t := range rule.Types {
		if !declared[t] {
			declared[t] = true
			n += len(s.byType[t])
		}
	}
	v := &Stack{Resources: s.Resources, byType: s.byType, byURN: s.byURN, full: s, rule: rule, declared: declared}
	if n < len(s.Resources) {
		v.Resources = make([]*Resource, 0, n)
		for _, r := range s.Resources {
			if declared[r.Type] {
				v.Resources = append(v.Resources, r)
			}
		}
	}
	return v
}

// reads reports whether the stack answers for type t: a stack always, a view for
// its rule's Types. A view asked for another type panics under strictViews.
func (s *Stack) reads(t string) bool {
	if s.declared == nil || s.declared[t] {
		return true
	}
	if strictViews {
		panic(fmt.Sprintf("rules: stack rule %s reads resources of type %s, which its Types do not list (%s); add the type to Types",
			s.rule.Name, t, strings.Join(s.rule.Types, ", ")))
	}
	return false
}

// OfType returns the resources of a normalised type.
func (s *Stack) OfType(t string) []*Resource {
	if !s.reads(t) {
		return nil
	}
	return s.byType[t]
}

// ByURN returns a resource by URN, or nil (in a view, also for a resource whose
// type the rule does not declare).
func (s *Stack) ByURN(urn string) *Resource {
	r := s.byURN[urn]
	if r == nil || s.declared != nil && !s.declared[r.Type] {
		return nil
	}
	return r
}

// memo returns a value computed once per stack (once per view: a value built from
// the types one rule declares is not another's).
func (s *Stack) memo(key string, build func() any) any {
	if s.memos == nil {
		s.memos = map[string]any{}
	}
	if v, ok := s.memos[key]; ok {
		return v
	}
	v := build()
	s.memos[key] = v
	return v
}

// named indexes the resources of a type by lower-case Azure name and by lower-case id.
func (s *Stack) named(t string) map[string]*Resource {
	if !s.reads(t) {
		return nil
	}
	if s.full != nil {
		// The index of one type is the same in every view that reads it.
		return s.full.named(t)
	}
	return s.memo("named:"+t, func() any {
		idx := map[string]*Resource{}
		for _, r := range s.byType[t] {
			if n, ok := r.AzureName().Str(); ok && n != "" {
				if _, dup := idx[strings.ToLower(n)]; !dup {
					idx[strings.ToLower(n)] = r
				}
			}
			if id, ok := r.Get("id").Str(); ok && id != "" {
				idx[strings.ToLower(id)] = r
			}
		}
		return idx
	}).(map[string]*Resource)
}

// Resolve finds the resource of type t that from's top-level property key refers to:
// through a property dependency (AnalyzeStack), else through the value at path below
// key (a name or an ARM id). maybe is true when the value is unknown and no dependency
// tells.
func (s *Stack) Resolve(from *Resource, key, path, t string) (target *Resource, maybe bool) {
	if !s.reads(t) {
		return nil, false
	}
	for _, dep := range from.PropertyDependencies[key] {
		if r := s.byURN[dep]; r != nil && r.Type == t {
			return r, false
		}
	}
	v := from.Get(key)
	if path != "" {
		v = v.Get(path)
	}
	return s.ResolveValue(v, t)
}

// ResolveValue finds the resource of type t a name or ARM id names.
func (s *Stack) ResolveValue(v props.Value, t string) (target *Resource, maybe bool) {
	if v.IsUnknown() {
		return nil, true
	}
	str, ok := v.Str()
	if !ok || str == "" || !s.reads(t) {
		return nil, false
	}
	idx := s.named(t)
	l := strings.ToLower(str)
	if r := idx[l]; r != nil {
		return r, false
	}
	if strings.HasPrefix(l, "/") {
		if r := idx[l[strings.LastIndexByte(l, '/')+1:]]; r != nil {
			return r, false
		}
	}
	return nil, false
}

// Ref says whether one resource refers to another.
type Ref uint8

// The answers a reference check gives.
const (
	// NoRef: the property does not refer to the target.
	NoRef Ref = iota
	// IsRef: the property refers to the target.
	IsRef
	// MaybeRef: the property's value is unknown and no dependency tells.
	MaybeRef
)
