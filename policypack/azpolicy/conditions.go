package azpolicy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// cond is a compiled condition or logical operator.
type cond interface {
	eval(s *state) verdict
	// bind returns the condition with the definition's parameters folded in and
	// its fields resolved against an alias table.
	bind(b *binder) (cond, error)
}

// verdict is a condition's result and, for the report, the condition that decided
// it with the value found there.
type verdict struct {
	t    tri
	err  error
	at   leaf // the deciding condition
	val  any  // the value found
	opnd any  // the value it was compared with
	// member is the index of the collection member that decided a [*] field
	// condition, or of the count member detail comes from; -1 when none.
	member int
	// detail is, for a count, the where verdict of the first member that matched
	// (or could not be known), memberVal that member.
	detail    *verdict
	memberVal any
}

// leaf is a condition that compares a value: field, value or count.
type leaf interface {
	cond
	where() string
	describe(v *verdict) string
}

// parseCond compiles a condition expression of a policy rule (the `if`, a `where`,
// an existenceCondition). path names it in messages: "policyRule.if.anyOf[1]".
func parseCond(raw any, path string) (cond, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: a condition must be an object, got %s", path, kindName(raw))
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch strings.ToLower(k) {
		case "allof", "anyof":
			if len(obj) != 1 {
				return nil, fmt.Errorf("%s: %s must be the only key of its object, found %s", path, k, strings.Join(keys, ", "))
			}
			return parseLogical(k, obj[k], path)
		case "not":
			if len(obj) != 1 {
				return nil, fmt.Errorf("%s: not must be the only key of its object, found %s", path, strings.Join(keys, ", "))
			}
			inner, err := parseCond(obj[k], path+".not")
			if err != nil {
				return nil, err
			}
			return &notCond{inner: inner}, nil
		}
	}
	return parseLeaf(obj, keys, path)
}

func parseLogical(key string, raw any, path string) (cond, error) {
	items, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("%s.%s: expected an array of conditions, got %s", path, key, kindName(raw))
	}
	isAll := strings.EqualFold(key, "allOf")
	name := "anyOf"
	if isAll {
		name = "allOf"
	}
	out := &logicalCond{all: isAll}
	for i, it := range items {
		c, err := parseCond(it, fmt.Sprintf("%s.%s[%d]", path, name, i))
		if err != nil {
			return nil, err
		}
		out.items = append(out.items, c)
	}
	return out, nil
}

// parseLeaf compiles {field|value|count, <operator>: operand}.
func parseLeaf(obj map[string]any, keys []string, path string) (cond, error) {
	var subject string
	var operator op
	var operand any
	nOps := 0
	for _, k := range keys {
		switch strings.ToLower(k) {
		case "field", "value", "count":
			if subject != "" {
				return nil, fmt.Errorf("%s: a condition has one of field, value or count; found %s and %s", path, subject, k)
			}
			subject = strings.ToLower(k)
		default:
			o, ok := parseOp(k)
			if !ok {
				return nil, fmt.Errorf("%s: %q is not a condition operator; use one of %s", path, k, strings.Join(opNames[:], ", "))
			}
			operator, operand = o, obj[k]
			nOps++
		}
	}
	if subject == "" {
		return nil, fmt.Errorf("%s: a condition needs field, value or count, or a logical operator allOf, anyOf, not; found %s", path, strings.Join(keys, ", "))
	}
	if nOps != 1 {
		return nil, fmt.Errorf("%s: a condition needs exactly one operator (%s), found %d", path, strings.Join(opNames[:], ", "), nOps)
	}
	opnd, err := compileValue(operand)
	if err != nil {
		return nil, fmt.Errorf("%s.%s: %w", path, operator, err)
	}
	base := leafBase{path: path, op: operator, operand: opnd}
	switch subject {
	case "field":
		return parseFieldCond(base, obj, keys)
	case "value":
		v, err := compileValue(valueOf(obj, keys, "value"))
		if err != nil {
			return nil, fmt.Errorf("%s.value: %w", path, err)
		}
		return &valueCond{leafBase: base, value: v, src: Render(valueOf(obj, keys, "value"))}, nil
	}
	return parseCount(base, valueOf(obj, keys, "count"))
}

func valueOf(obj map[string]any, keys []string, name string) any {
	for _, k := range keys {
		if strings.EqualFold(k, name) {
			return obj[k]
		}
	}
	return nil
}

// leafBase is what every leaf has: where it is, its operator and operand.
type leafBase struct {
	path    string
	op      op
	operand node
}

func (l *leafBase) where() string { return l.path }

func (l *leafBase) bindBase(b *binder) leafBase {
	return leafBase{path: l.path, op: l.op, operand: b.fold(l.operand)}
}

// fieldCond is {"field": ..., <op>: ...}.
type fieldCond struct {
	leafBase
	src   string // the field as written (possibly an expression)
	expr  node   // set when the field is an expression, resolved when binding
	field *fieldRef
}

func parseFieldCond(base leafBase, obj map[string]any, keys []string) (cond, error) {
	raw, ok := valueOf(obj, keys, "field").(string)
	if !ok {
		return nil, fmt.Errorf("%s.field: expected a field name (string)", base.path)
	}
	c := &fieldCond{leafBase: base, src: raw}
	if isExpression(raw) {
		e, err := parseExpression(raw)
		if err != nil {
			return nil, fmt.Errorf("%s.field: %w", base.path, err)
		}
		c.expr = e
		return c, nil
	}
	f, err := parseField(raw, nil)
	if err != nil {
		return nil, fmt.Errorf("%s.field: %w", base.path, err)
	}
	c.field = f
	return c, nil
}

func (c *fieldCond) bind(b *binder) (cond, error) {
	out := &fieldCond{leafBase: c.bindBase(b), src: c.src}
	name := c.src
	if c.expr != nil {
		lit, ok := b.fold(c.expr).(litNode)
		s, isStr := lit.v.(string)
		if !ok || !isStr {
			return nil, fmt.Errorf("%s.field: %s must evaluate to a field name from parameters and literals alone", c.path, c.src)
		}
		name = s
	}
	f, err := parseField(name, b.aliases)
	if err != nil {
		return nil, fmt.Errorf("%s.field: %w", c.path, err)
	}
	out.field = f
	if f.kind == fieldLocation {
		out.operand = locationOperand{out.operand}
		if lit, ok := out.operand.(locationOperand).n.(litNode); ok {
			out.operand = litNode{normalizeOperand(lit.v)} // folded once, not per resource
		}
	}
	return out, nil
}

// locationOperand normalizes the operand of a location condition the way the
// field is ("East US 2" is "eastus2").
type locationOperand struct{ n node }

func (l locationOperand) eval(s *state) (any, error) {
	v, err := l.n.eval(s)
	if err != nil {
		return nil, err
	}
	return normalizeOperand(v), nil
}

// normalizeOperand normalizes a location or each location of an array.
func normalizeOperand(v any) any {
	if arr, ok := v.([]any); ok {
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = normalizeLocation(e)
		}
		return out
	}
	return normalizeLocation(v)
}

func (c *fieldCond) eval(s *state) verdict {
	opnd, err := c.operand.eval(s)
	if err != nil {
		return verdict{err: err, at: c, member: -1}
	}
	if c.field.kind != fieldAlias {
		v := c.field.readTop(s.res)
		t, err := c.op.apply(v, opnd)
		return verdict{t: t, err: err, at: c, val: v, opnd: opnd, member: -1}
	}
	sel := s.selectAlias(s.res, c.field.alias, true)
	if !sel.isMany {
		t, err := c.op.apply(sel.one, opnd)
		return verdict{t: t, err: err, at: c, val: sel.one, opnd: opnd, member: -1}
	}
	if sel.unknown {
		return verdict{t: triUnknown, at: c, val: Unknown, opnd: opnd, member: -1}
	}
	return allMembers(c, &sel, opnd)
}

// allMembers applies a [*] field condition to every selected value: true when all
// are true, and for an empty collection ("Author policies for array properties").
func allMembers(c *fieldCond, sel *selection, opnd any) verdict {
	firstUnknown := -1
	for i := range sel.size() {
		v := sel.at(i)
		t, err := c.op.apply(v, opnd)
		if err != nil {
			return verdict{err: err, at: c, val: v, opnd: opnd, member: i}
		}
		if t == triFalse {
			return verdict{t: triFalse, at: c, val: v, opnd: opnd, member: i}
		}
		if t == triUnknown && firstUnknown < 0 {
			firstUnknown = i
		}
	}
	if firstUnknown >= 0 {
		return verdict{t: triUnknown, at: c, val: sel.at(firstUnknown), opnd: opnd, member: firstUnknown}
	}
	return verdict{t: triTrue, at: c, val: sel.values(), opnd: opnd, member: -1}
}

func (c *fieldCond) describe(v *verdict) string {
	name := c.src
	if c.field != nil {
		name = c.field.text
	}
	if v.member >= 0 {
		name += " (member " + strconv.Itoa(v.member) + ")"
	}
	return "field " + name + " = " + short(Render(v.val)) + " " + c.op.String() + " " + short(Render(v.opnd))
}

// valueCond is {"value": ..., <op>: ...}.
type valueCond struct {
	leafBase
	value node
	src   string
}

func (c *valueCond) bind(b *binder) (cond, error) {
	return &valueCond{leafBase: c.bindBase(b), value: b.fold(c.value), src: c.src}, nil
}

func (c *valueCond) eval(s *state) verdict {
	v, err := c.value.eval(s)
	if err != nil {
		return verdict{err: err, at: c, member: -1}
	}
	opnd, err := c.operand.eval(s)
	if err != nil {
		return verdict{err: err, at: c, val: v, member: -1}
	}
	t, err := c.op.apply(v, opnd)
	return verdict{t: t, err: err, at: c, val: v, opnd: opnd, member: -1}
}

func (c *valueCond) describe(v *verdict) string {
	return "value " + short(c.src) + " = " + short(Render(v.val)) + " " + c.op.String() + " " + short(Render(v.opnd))
}

// logicalCond is allOf (all) or anyOf. Members are evaluated in order and the
// first deciding member decides; a member that cannot be known does not decide,
// so a later false (allOf) or true (anyOf) member still does.
type logicalCond struct {
	all   bool
	items []cond
}

func (c *logicalCond) bind(b *binder) (cond, error) {
	out := &logicalCond{all: c.all, items: make([]cond, len(c.items))}
	for i, it := range c.items {
		bc, err := it.bind(b)
		if err != nil {
			return nil, err
		}
		out.items[i] = bc
	}
	return out, nil
}

func (c *logicalCond) eval(s *state) verdict {
	decide := triFalse // allOf is decided by a false member, anyOf by a true one
	if !c.all {
		decide = triTrue
	}
	var first, last, unknown verdict
	seenUnknown := false
	for i, it := range c.items {
		v := it.eval(s)
		if i == 0 {
			first = v
		}
		switch {
		case v.err != nil && seenUnknown:
			// Whether Azure reaches this error depends on the unknown member.
			return unknown
		case v.err != nil, v.t == decide:
			return v
		case v.t == triUnknown:
			if !seenUnknown {
				unknown, seenUnknown = v, true
			}
			continue
		}
		last = v
	}
	if seenUnknown {
		return unknown
	}
	if len(c.items) == 0 {
		return verdict{t: decide.not(), member: -1}
	}
	if !c.all {
		// anyOf with no true member: report the first member.
		return first
	}
	return last
}

// notCond inverts its condition.
type notCond struct{ inner cond }

func (c *notCond) bind(b *binder) (cond, error) {
	inner, err := c.inner.bind(b)
	if err != nil {
		return nil, err
	}
	return &notCond{inner: inner}, nil
}

func (c *notCond) eval(s *state) verdict {
	v := c.inner.eval(s)
	v.t = v.t.not()
	return v
}
