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

// Ref says whether one resource's property refers to another.
type Ref uint8

// The answers of Refers.
const (
	// NoRef: the property does not refer to the target.
	NoRef Ref = iota
	// IsRef: the property refers to the target.
	IsRef
	// MaybeRef: the property's value is unknown and no dependency tells.
	MaybeRef
)

// Refers reports whether from's property (a top-level key, with an optional dotted
// path below it) refers to target: by property dependency on the target's URN
// (AnalyzeStack), by the target's Azure name, or by an ARM id ending in that name or
// equal to the target's id.
func Refers(from *Resource, key, path string, target *Resource) Ref {
	if from.DependsOn(key, target.URN) {
		return IsRef
	}
	v := from.Get(key)
	if path != "" {
		v = v.Get(path)
	}
	return refersValue(v, target)
}

func refersValue(v props.Value, target *Resource) Ref {
	if v.IsUnknown() {
		return MaybeRef
	}
	s, ok := v.Str()
	if !ok || s == "" {
		return NoRef
	}
	if id, ok := target.Get("id").Str(); ok && id != "" && strings.EqualFold(id, s) {
		return IsRef
	}
	name, ok := target.AzureName().Str()
	if !ok || name == "" {
		return NoRef
	}
	if strings.EqualFold(s, name) {
		return IsRef
	}
	if strings.HasPrefix(s, "/") {
		last := s[strings.LastIndexByte(s, '/')+1:]
		if strings.EqualFold(last, name) {
			return IsRef
		}
	}
	return NoRef
}
