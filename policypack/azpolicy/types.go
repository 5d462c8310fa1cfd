package azpolicy

import "strings"

// AppliesToType reports whether the policy's if condition can be true for a
// resource of the ARM type: false only when the condition decides on the type
// first (an if, or the first member of an allOf, or every member of an anyOf,
// that is a `field: type` condition with equals or in a literal), so that a
// resource of another type is Compliant without reaching any other condition,
// and no evaluation error, as Azure evaluates it. Callers use it to skip
// evaluations (and conversions) that cannot report anything.
func (p *Policy) AppliesToType(armType string) bool { return p.appliesLower(strings.ToLower(armType)) }

// appliesLower is AppliesToType for a lower-cased type.
func (p *Policy) appliesLower(lt string) bool { return !exemptLower(lt) && (p.anyType || p.types[lt]) }

// condTypes returns the lower-cased types a condition can be true for; all is
// true when it can be true for any type.
func condTypes(c cond) (types map[string]bool, all bool) {
	switch x := c.(type) {
	case *fieldCond:
		return fieldTypes(x)
	case *logicalCond:
		if x.all {
			if len(x.items) == 0 {
				return nil, true
			}
			// Members are evaluated in order: only the first decides before any
			// other member can fail.
			return condTypes(x.items[0])
		}
		union := map[string]bool{}
		for _, it := range x.items {
			t, all := condTypes(it)
			if all {
				return nil, true
			}
			for k := range t {
				union[k] = true
			}
		}
		return union, false
	}
	return nil, true
}

// fieldTypes reads {"field": "type", "equals"|"in": literal}.
func fieldTypes(c *fieldCond) (map[string]bool, bool) {
	if c.field == nil || c.field.kind != fieldTop || len(c.field.path) != 1 || c.field.path[0] != "type" {
		return nil, true
	}
	lit, ok := c.operand.(litNode)
	if !ok {
		return nil, true
	}
	switch c.op {
	case opEquals:
		if s, ok := lit.v.(string); ok {
			return map[string]bool{strings.ToLower(s): true}, false
		}
	case opIn:
		arr, ok := lit.v.([]any)
		if !ok {
			return nil, true // in without an array is an error: evaluate it
		}
		out := make(map[string]bool, len(arr))
		for _, e := range arr {
			s, ok := e.(string)
			if !ok {
				return nil, true
			}
			out[strings.ToLower(s)] = true
		}
		return out, false
	}
	return nil, true
}
