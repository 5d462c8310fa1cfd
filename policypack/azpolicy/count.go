package azpolicy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// countCond is {"count": {"field"|"value", "name", "where"}, <op>: n}
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#count).
type countCond struct {
	leafBase
	fieldSrc  string    // field count: the [*] alias as written
	alias     *aliasRef // field count, resolved when binding
	value     node      // value count
	valueSrc  string
	name      string // value count: the lower-cased index name ("default" when none)
	whereCond cond   // nil: every member counts
}

func parseCount(base leafBase, raw any) (cond, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s.count: expected an object with field or value, got %s", base.path, kindName(raw))
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	c := &countCond{leafBase: base, name: "default"}
	hasField, hasValue := false, false
	for _, k := range keys {
		var err error
		switch strings.ToLower(k) {
		case "field":
			hasField = true
			err = c.setField(obj[k])
		case "value":
			hasValue = true
			c.valueSrc = Render(obj[k])
			c.value, err = compileValue(obj[k])
		case "name":
			n, ok := obj[k].(string)
			if !ok || n == "" {
				err = fmt.Errorf("name must be a non-empty index name")
			}
			c.name = strings.ToLower(n)
		case "where":
			c.whereCond, err = parseCond(obj[k], base.path+".count.where")
		default:
			err = fmt.Errorf("unknown key %q; a count has field or value, name and where", k)
		}
		if err != nil {
			return nil, fmt.Errorf("%s.count: %w", base.path, err)
		}
	}
	if hasField == hasValue {
		return nil, fmt.Errorf("%s.count: a count has exactly one of field (an array alias) or value (an array)", base.path)
	}
	return c, nil
}

func (c *countCond) setField(raw any) error {
	s, ok := raw.(string)
	if !ok || !strings.HasSuffix(s, "[*]") {
		return fmt.Errorf("field must be an array alias ending in [*], got %s", Render(raw))
	}
	if _, err := newAliasRef(s, nil); err != nil {
		return err
	}
	c.fieldSrc = s
	return nil
}

func (c *countCond) bind(b *binder) (cond, error) {
	out := &countCond{leafBase: c.bindBase(b), fieldSrc: c.fieldSrc, valueSrc: c.valueSrc, name: c.name}
	if c.fieldSrc != "" {
		a, err := newAliasRef(c.fieldSrc, b.aliases)
		if err != nil {
			return nil, fmt.Errorf("%s.count.field: %w", c.path, err)
		}
		out.alias = a
	} else {
		out.value = b.fold(c.value)
	}
	if c.whereCond != nil {
		w, err := c.whereCond.bind(b)
		if err != nil {
			return nil, err
		}
		out.whereCond = w
	}
	return out, nil
}

// tally is a count in progress: n members true, unknown members not known.
type tally struct {
	n, unknown int
	err        error
	detail     *verdict
	detailAt   int
	detailVal  any
	members    int
}

func (t *tally) add(s *state, where cond, member any) {
	i := t.members
	t.members++
	if t.err != nil {
		return
	}
	if where == nil {
		t.n++
		return
	}
	v := where.eval(s)
	switch {
	case v.err != nil:
		t.err = v.err
		t.keep(v, i, member)
	case v.t == triTrue:
		t.n++
		if t.detail == nil || t.detail.t != triTrue {
			t.keep(v, i, member)
		}
	case v.t == triUnknown:
		t.unknown++
		if t.detail == nil {
			t.keep(v, i, member)
		}
	}
}

// keep records the member that details the count; only it is copied to the
// heap, so that members that do not detail it cost no allocation.
func (t *tally) keep(v verdict, i int, member any) {
	d := v
	t.detail, t.detailAt, t.detailVal = &d, i, member
}

func (c *countCond) eval(s *state) verdict {
	var t tally
	unknownArray := false
	if c.alias != nil {
		unknownArray = c.countField(s, &t)
	} else {
		arr, err := c.value.eval(s)
		if err != nil {
			return verdict{err: err, at: c, member: -1}
		}
		switch x := arr.(type) {
		case UnknownValue:
			unknownArray = true
		case []any:
			for _, e := range x {
				s.scopes = append(s.scopes, scope{key: c.name, value: e})
				t.add(s, c.whereCond, e)
				s.scopes = s.scopes[:len(s.scopes)-1]
			}
		default:
			return verdict{err: fmt.Errorf("count.value must be an array, got %s %s", kindName(arr), Render(arr)), at: c, member: -1}
		}
	}
	if t.err != nil {
		return verdict{err: t.err, at: c, member: t.detailAt, detail: t.detail, memberVal: t.detailVal}
	}
	opnd, err := c.operand.eval(s)
	if err != nil {
		return verdict{err: err, at: c, member: -1}
	}
	if unknownArray {
		return verdict{t: triUnknown, at: c, val: Unknown, opnd: opnd, member: -1}
	}
	res, err := c.decide(t, opnd)
	v := verdict{t: res, err: err, at: c, val: float64(t.n), opnd: opnd, member: -1}
	if t.detail != nil {
		v.member, v.detail, v.memberVal = t.detailAt, t.detail, t.detailVal
	}
	return v
}

// countField enumerates the members of the counted array alias.
func (c *countCond) countField(s *state, t *tally) (unknown bool) {
	steps := c.alias.stepsFor(s.res.lowerType())
	if steps == nil {
		return false
	}
	var start any = s.res.ARM
	level := 0
	for j := len(c.alias.prefixes) - 2; j >= 0; j-- {
		if v, ok := s.lookupScope(c.alias.prefixes[j], true); ok {
			start, steps, level = v, afterWildcard(steps, j), j+1
			break
		}
	}
	return s.walkMembers(start, steps, level, c.alias, func() { t.add(s, c.whereCond, s.scopes[len(s.scopes)-1].value) })
}

// decide compares the count with the operand; with members that cannot be known
// the count is a range, decided only when every count in it gives the same answer.
func (c *countCond) decide(t tally, opnd any) (tri, error) {
	var out tri
	for n := t.n; n <= t.n+t.unknown; n++ {
		r, err := c.op.apply(float64(n), opnd)
		if err != nil {
			return triFalse, err
		}
		if n == t.n {
			out = r
		} else if r != out {
			return triUnknown, nil
		}
	}
	return out, nil
}

func (c *countCond) describe(v *verdict) string {
	what := "value " + short(c.valueSrc)
	if c.fieldSrc != "" {
		what = c.fieldSrc
	}
	cond := ""
	if c.whereCond != nil {
		cond = " where"
	}
	out := "count of " + what + cond + " = " + Render(v.val) + " " + c.op.String() + " " + Render(v.opnd)
	if v.detail != nil && v.detail.at != nil {
		state := "did not match"
		switch {
		case v.detail.err != nil:
			state = "failed"
		case v.detail.t == triTrue:
			state = "matched"
		case v.detail.t == triUnknown:
			state = "cannot be known"
		}
		out += "; member " + strconv.Itoa(v.member) + " " + memberLabel(v.memberVal) + " " + state + ": " + explain(v.detail)
	}
	return out
}

// explain renders a verdict as "path: description".
func explain(v *verdict) string {
	if v.at == nil {
		return "(no condition)"
	}
	if v.err != nil {
		return fmt.Sprintf("%s: %v", v.at.where(), v.err)
	}
	return v.at.where() + ": " + v.at.describe(v)
}

// memberLabel names a counted member: a sub-resource by its name, a value as it is.
func memberLabel(v any) string {
	if m, ok := v.(map[string]any); ok {
		if n, ok := lookupFold(m, "name"); ok {
			return "(name " + Render(n) + ")"
		}
	}
	return "(" + short(Render(v)) + ")"
}

// short truncates long expressions and values in messages.
func short(s string) string {
	const limit = 120
	if len(s) <= limit {
		return s
	}
	return s[:limit-3] + "..."
}
