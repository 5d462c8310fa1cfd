package azpolicy

import "strings"

// scope is the member a count enumerates: a field count binds an array alias
// prefix ("...securityrules[*]"), a value count its index name.
type scope struct {
	key   string // lower-cased alias prefix, or lower-cased index name
	value any
	field bool
}

// state is one evaluation of a rule against a resource.
type state struct {
	// res is the resource field conditions read; fnRes the one the field()
	// function reads. They differ inside an existenceCondition, where field
	// conditions read the related resource and field() the evaluated one.
	res, fnRes *Resource
	ctx        *Context
	pol        *Policy
	params     map[string]any
	scopes     []scope
}

func (s *state) lookupScope(key string, field bool) (any, bool) {
	for i := len(s.scopes) - 1; i >= 0; i-- {
		sc := s.scopes[i]
		if sc.field == field && sc.key == key {
			return sc.value, true
		}
	}
	return nil, false
}

// selection is what a field selects: one value, or a collection for a [*] alias.
type selection struct {
	one     any
	many    []any
	isMany  bool
	unknown bool // an array on the way is not known
	// single: the collection is the member a count binds, held in one (no
	// slice is allocated for each member a count enumerates).
	single bool
}

// size is the number of values of a collection.
func (sel *selection) size() int {
	if sel.single {
		return 1
	}
	return len(sel.many)
}

// at is a collection's i-th value.
func (sel *selection) at(i int) any {
	if sel.single {
		return sel.one
	}
	return sel.many[i]
}

// values are a collection's values in a slice of their own.
func (sel *selection) values() []any {
	if sel.single {
		return []any{sel.one}
	}
	return append([]any{}, sel.many...)
}

// selectAlias resolves an alias on r. With useScopes, a prefix a count binds
// selects the member being enumerated ("as if it were the only member of the
// array", Author policies for array properties).
func (s *state) selectAlias(r *Resource, a *aliasRef, useScopes bool) selection {
	steps := a.stepsFor(r.lowerType())
	if steps == nil {
		if len(a.prefixes) > 0 {
			return selection{isMany: true}
		}
		return selection{one: absent}
	}
	var start any = r.ARM
	rest := steps
	if useScopes && len(a.prefixes) > 0 && len(s.scopes) > 0 {
		for j := len(a.prefixes) - 1; j >= 0; j-- {
			if v, ok := s.lookupScope(a.prefixes[j], true); ok {
				start, rest = v, afterWildcard(steps, j)
				break
			}
		}
	}
	if !hasWildcard(rest) {
		v := selectSingle(start, rest)
		if len(a.prefixes) > 0 {
			return selection{isMany: true, single: true, one: v}
		}
		return selection{one: v}
	}
	many, unknown := selectAll(start, rest, nil)
	return selection{isMany: true, many: many, unknown: unknown}
}

func hasWildcard(steps []step) bool {
	for _, s := range steps {
		if s.wild {
			return true
		}
	}
	return false
}

// afterWildcard returns the steps after the j-th (0-based) wildcard.
func afterWildcard(steps []step, j int) []step {
	for i, s := range steps {
		if s.wild {
			if j == 0 {
				return steps[i+1:]
			}
			j--
		}
	}
	return nil
}

// walkMembers enumerates the members a field count counts, binding each [*] level
// it passes to the member at that level, and calls fn with the scopes in place.
func (s *state) walkMembers(v any, steps []step, level int, a *aliasRef, fn func()) (unknown bool) {
	for i, st := range steps {
		if !st.wild {
			v = lookupStep(v, st)
			if IsUnknown(v) {
				return true
			}
			continue
		}
		if IsUnknown(v) {
			return true
		}
		arr, _ := v.([]any)
		for _, e := range arr {
			s.scopes = append(s.scopes, scope{key: a.prefixes[level], value: e, field: true})
			u := s.walkMembers(e, steps[i+1:], level+1, a, fn)
			s.scopes = s.scopes[:len(s.scopes)-1]
			unknown = unknown || u
		}
		return unknown
	}
	fn()
	return false
}

// fieldValue is the field() function's value of a field: a [*] alias gives an
// array of the selected values, a missing property "" (as documented in "Author
// policies for array properties").
func (s *state) fieldValue(f *fieldRef) any {
	r := s.fnRes
	if f.kind != fieldAlias {
		v := f.readTop(r)
		if isAbsent(v) {
			return ""
		}
		return v
	}
	sel := s.selectAlias(r, f.alias, r == s.res)
	if !sel.isMany {
		if isAbsent(sel.one) {
			return ""
		}
		return sel.one
	}
	if sel.unknown {
		return Unknown
	}
	out := sel.values()
	for i, v := range out {
		if isAbsent(v) {
			out[i] = nil
		}
	}
	return out
}

// currentValue is current(name): a value count's member by index name, a field
// count's member by its array alias, or a property of that member by an alias
// below it.
func (s *state) currentValue(name, lower string, ref *aliasRef) (any, error) {
	if len(s.scopes) == 0 {
		return nil, errorf("current() is only available inside the where of a count")
	}
	if name == "" {
		return s.scopes[len(s.scopes)-1].value, nil
	}
	if v, ok := s.lookupScope(lower, false); ok {
		return v, nil
	}
	if v, ok := s.lookupScope(lower, true); ok {
		return v, nil
	}
	if ref == nil && strings.Contains(name, "/") {
		r, err := newAliasRef(name, s.aliasTable())
		if err != nil {
			return nil, err
		}
		ref = r
	}
	if ref != nil {
		for j := len(ref.prefixes) - 1; j >= 0; j-- {
			if _, ok := s.lookupScope(ref.prefixes[j], true); ok {
				sel := s.selectAlias(s.res, ref, true)
				if sel.size() == 1 && !hasWildcard(afterWildcard(ref.stepsFor(s.res.lowerType()), j)) {
					v := sel.at(0)
					if isAbsent(v) {
						return nil, nil
					}
					return v, nil
				}
				if sel.unknown {
					return Unknown, nil
				}
				return sel.values(), nil
			}
		}
	}
	return nil, errorf("current('%s'): no enclosing count enumerates %s", name, name)
}

func (s *state) aliasTable() *AliasTable {
	if s.pol != nil && s.pol.aliases != nil {
		return s.pol.aliases
	}
	return defaultAliases
}
