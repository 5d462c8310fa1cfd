package rules

import (
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// Stack is every resource of a stack, indexed by type and URN.
type Stack struct {
	// Resources in the order the engine sent them.
	Resources []*Resource
	byType    map[string][]*Resource
	byURN     map[string]*Resource
	memos     map[string]any
}

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

// OfType returns the resources of a normalised type.
func (s *Stack) OfType(t string) []*Resource { return s.byType[t] }

// ByURN returns a resource by URN, or nil.
func (s *Stack) ByURN(urn string) *Resource { return s.byURN[urn] }

// memo returns a value computed once per stack.
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
	if !ok || str == "" {
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
