package azpolicy

import (
	"strings"
	"unicode"
)

// op is a condition operator
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions).
type op uint8

const (
	opEquals op = iota
	opNotEquals
	opLike
	opNotLike
	opMatch
	opMatchInsensitively
	opNotMatch
	opNotMatchInsensitively
	opContains
	opNotContains
	opIn
	opNotIn
	opContainsKey
	opNotContainsKey
	opLess
	opLessOrEquals
	opGreater
	opGreaterOrEquals
	opExists
	opCount // number of operators
)

var opNames = [opCount]string{
	"equals", "notEquals", "like", "notLike", "match", "matchInsensitively", "notMatch",
	"notMatchInsensitively", "contains", "notContains", "in", "notIn", "containsKey",
	"notContainsKey", "less", "lessOrEquals", "greater", "greaterOrEquals", "exists",
}

// String returns the operator as written in definitions.
func (o op) String() string { return opNames[o] }

// parseOp returns the operator a condition key names, case-insensitively.
func parseOp(key string) (op, bool) {
	for i, n := range opNames {
		if strings.EqualFold(n, key) {
			return op(i), true
		}
	}
	return 0, false
}

// negation pairs: the "not" operators are the negation of their positive form.
func (o op) positive() (op, bool) {
	switch o {
	case opNotEquals:
		return opEquals, true
	case opNotLike:
		return opLike, true
	case opNotMatch:
		return opMatch, true
	case opNotMatchInsensitively:
		return opMatchInsensitively, true
	case opNotContains:
		return opContains, true
	case opNotIn:
		return opIn, true
	case opNotContainsKey:
		return opContainsKey, true
	}
	return o, false
}

// apply evaluates `x <op> operand`. x may be absent (a missing field).
func (o op) apply(x, operand any) (tri, error) {
	if IsUnknown(operand) {
		return triUnknown, nil
	}
	if pos, neg := o.positive(); neg {
		t, err := pos.apply(x, operand)
		return t.not(), err
	}
	if o == opExists {
		want, ok := asBool(operand)
		if !ok {
			return triFalse, errorf("exists expects true or false, got %s", Render(operand))
		}
		if IsUnknown(x) {
			return triUnknown, nil
		}
		return triOf(!missing(x) == want), nil
	}
	if IsUnknown(x) {
		return triUnknown, nil
	}
	switch o {
	case opEquals:
		return looseEqual(x, operand), nil
	case opLike:
		return stringOp(x, operand, "like", likeFold)
	case opMatch:
		return stringOp(x, operand, "match", func(s, p string) bool { return matchPattern(s, p, false) })
	case opMatchInsensitively:
		return stringOp(x, operand, "matchInsensitively", func(s, p string) bool { return matchPattern(s, p, true) })
	case opContains:
		return containsOp(x, operand)
	case opIn:
		return inOp(x, operand)
	case opContainsKey:
		return containsKeyOp(x, operand)
	}
	return orderOp(o, x, operand)
}

// stringOp applies a pattern operator; a value that is not a string does not match.
func stringOp(x, operand any, name string, f func(s, p string) bool) (tri, error) {
	p, ok := operand.(string)
	if !ok {
		return triFalse, errorf("%s expects a string pattern, got %s %s", name, kindName(operand), Render(operand))
	}
	s, ok := x.(string)
	if !ok {
		return triFalse, nil
	}
	return triOf(f(s, p)), nil
}

// likeFold matches a wildcard pattern ('*' matches any run of characters),
// ignoring case.
func likeFold(s, p string) bool {
	first, rest, wild := strings.Cut(p, "*")
	if !wild {
		return strings.EqualFold(s, p)
	}
	if !hasPrefixFold(s, first) {
		return false
	}
	s = s[len(first):]
	for {
		mid, after, more := strings.Cut(rest, "*")
		if !more {
			return hasSuffixFold(s, rest)
		}
		i := indexFold(s, mid)
		if i < 0 {
			return false
		}
		s, rest = s[i+len(mid):], after
	}
}

// indexFold is strings.Index ignoring ASCII and simple Unicode case.
func indexFold(s, sub string) int {
	if sub == "" {
		return 0
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// matchPattern is match: '#' a digit, '?' a letter, '.' any character, anything
// else itself; the whole value must match.
func matchPattern(s, p string, fold bool) bool {
	sr, pr := []rune(s), []rune(p)
	if len(sr) != len(pr) {
		return false
	}
	for i, c := range pr {
		v := sr[i]
		switch c {
		case '#':
			if !unicode.IsDigit(v) {
				return false
			}
		case '?':
			if !unicode.IsLetter(v) {
				return false
			}
		case '.':
		default:
			if v != c && !(fold && unicode.ToLower(v) == unicode.ToLower(c)) {
				return false
			}
		}
	}
	return true
}

// containsOp: a string contains a substring (ignoring case); an array contains an
// element equal to the operand.
func containsOp(x, operand any) (tri, error) {
	switch v := x.(type) {
	case string:
		p, ok := operand.(string)
		if !ok {
			s, err := toStringValue(operand)
			if err != nil {
				return triFalse, err
			}
			p = s
		}
		return triOf(indexFold(v, p) >= 0), nil
	case []any:
		return inOp(operand, v)
	}
	return triFalse, nil
}

// inOp: x equals one of the operand's elements; the operand must be an array.
func inOp(x, operand any) (tri, error) {
	arr, ok := operand.([]any)
	if !ok {
		return triFalse, errorf("in and notIn expect an array, got %s %s", kindName(operand), Render(operand))
	}
	out := triFalse
	for _, e := range arr {
		switch looseEqual(x, e) {
		case triTrue:
			return triTrue, nil
		case triUnknown:
			out = triUnknown
		}
	}
	return out, nil
}

func containsKeyOp(x, operand any) (tri, error) {
	k, ok := operand.(string)
	if !ok {
		return triFalse, errorf("containsKey expects a key name, got %s", kindName(operand))
	}
	m, ok := x.(map[string]any)
	if !ok {
		return triFalse, nil
	}
	_, has := lookupFold(m, k)
	return triOf(has), nil
}

// orderOp is less, lessOrEquals, greater and greaterOrEquals. A missing value is
// neither less nor greater than anything; other mismatched types are an error.
func orderOp(o op, x, operand any) (tri, error) {
	if missing(x) {
		return triFalse, nil
	}
	c, err := compareOrder(x, operand)
	if err != nil {
		return triFalse, errorf("%s: %w", o, err)
	}
	switch o {
	case opLess:
		return triOf(c < 0), nil
	case opLessOrEquals:
		return triOf(c <= 0), nil
	case opGreater:
		return triOf(c > 0), nil
	}
	return triOf(c >= 0), nil
}
