package azpolicy

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// function is a template function.
type function struct {
	name     string
	min, max int // max < 0: no upper bound
	// call receives evaluated arguments. Unless unknownAware, a call with an
	// Unknown argument returns Unknown without calling it.
	call func(s *state, args []any) (any, error)
	// lazy receives the argument nodes (if, and, or, coalesce, and the
	// context functions that read the evaluation state).
	lazy func(s *state, args []node) (any, error)
	// pure functions depend on their arguments only, so a call whose arguments are
	// constants is folded when a definition's parameters are bound.
	pure         bool
	unknownAware bool
}

var functions = map[string]*function{}

func lookupFunction(name string) *function { return functions[strings.ToLower(name)] }

func register(fns ...*function) {
	for _, f := range fns {
		functions[strings.ToLower(f.name)] = f
	}
}

func pureFn(name string, minArgs, maxArgs int, call func(args []any) (any, error)) *function {
	return &function{name: name, min: minArgs, max: maxArgs, pure: true,
		call: func(_ *state, args []any) (any, error) { return call(args) }}
}

func init() {
	registerLogical()
	registerStrings()
	registerArrays()
	registerConversions()
	registerNumeric()
	registerContext()
}

// registerLogical: if, and, or, not, bool, equals, the comparisons and coalesce
// (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
// and template-functions-comparison). Only if() is documented as evaluating just
// the branch it returns; and() and or() evaluate every argument here, so a guard
// written with and() that relies on short-circuiting is reported, not trusted.
func registerLogical() {
	register(
		&function{name: "if", min: 3, max: 3, pure: true, lazy: fnIf},
		&function{name: "and", min: 1, max: -1, pure: true, lazy: fnAndOr(true)},
		&function{name: "or", min: 1, max: -1, pure: true, lazy: fnAndOr(false)},
		&function{name: "coalesce", min: 1, max: -1, pure: true, lazy: fnCoalesce},
		pureFn("not", 1, 1, func(a []any) (any, error) {
			b, err := boolArg("not", a[0])
			return !b, err
		}),
		&function{name: "equals", min: 2, max: 2, pure: true, unknownAware: true,
			call: func(_ *state, a []any) (any, error) { return triValue(strictEqual(a[0], a[1])), nil }},
		pureFn("less", 2, 2, compareFn("less", func(c int) bool { return c < 0 })),
		pureFn("lessOrEquals", 2, 2, compareFn("lessOrEquals", func(c int) bool { return c <= 0 })),
		pureFn("greater", 2, 2, compareFn("greater", func(c int) bool { return c > 0 })),
		pureFn("greaterOrEquals", 2, 2, compareFn("greaterOrEquals", func(c int) bool { return c >= 0 })),
		pureFn("true", 0, 0, func([]any) (any, error) { return true, nil }),
		pureFn("false", 0, 0, func([]any) (any, error) { return false, nil }),
		pureFn("null", 0, 0, func([]any) (any, error) { return nil, nil }),
	)
}

func triValue(t tri) any {
	switch t {
	case triTrue:
		return true
	case triFalse:
		return false
	}
	return Unknown
}

func fnIf(s *state, args []node) (any, error) {
	c, err := args[0].eval(s)
	if err != nil {
		return nil, err
	}
	if IsUnknown(c) {
		return Unknown, nil
	}
	b, err := boolArg("if", c)
	if err != nil {
		return nil, err
	}
	if b {
		return args[1].eval(s)
	}
	return args[2].eval(s)
}

func fnAndOr(isAnd bool) func(s *state, args []node) (any, error) {
	name := "or"
	if isAnd {
		name = "and"
	}
	return func(s *state, args []node) (any, error) {
		decided, unknown := false, false
		for _, a := range args {
			v, err := a.eval(s)
			if err != nil {
				return nil, err
			}
			if IsUnknown(v) {
				unknown = true
				continue
			}
			b, err := boolArg(name, v)
			if err != nil {
				return nil, err
			}
			if b != isAnd {
				decided = true
			}
		}
		switch {
		case decided:
			return !isAnd, nil
		case unknown:
			return Unknown, nil
		}
		return isAnd, nil
	}
}

func fnCoalesce(s *state, args []node) (any, error) {
	var out any
	found := false
	for _, a := range args {
		v, err := a.eval(s)
		if err != nil {
			return nil, err
		}
		if found {
			continue // every argument is evaluated, as ARM does
		}
		if IsUnknown(v) {
			out, found = Unknown, true
			continue
		}
		if !missing(v) {
			out, found = v, true
		}
	}
	return out, nil
}

func boolArg(fn string, v any) (bool, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	return false, errorf("%s expects a boolean, got %s %s", fn, kindName(v), Render(v))
}

// strictEqual is the equals() function: JSON values compared by kind and value,
// strings case-sensitively (JToken equality), object keys case-insensitively.
func strictEqual(a, b any) tri {
	if IsUnknown(a) || IsUnknown(b) {
		return triUnknown
	}
	a, b = normalize(a), normalize(b)
	if isAbsent(a) {
		a = ""
	}
	if isAbsent(b) {
		b = ""
	}
	switch x := a.(type) {
	case nil:
		return triOf(b == nil)
	case string:
		y, ok := b.(string)
		return triOf(ok && x == y)
	case bool:
		y, ok := b.(bool)
		return triOf(ok && x == y)
	case float64:
		y, ok := b.(float64)
		return triOf(ok && x == y)
	case []any:
		y, ok := b.([]any)
		if !ok {
			return triFalse
		}
		return equalArrays(x, y, strictEqual)
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return triFalse
		}
		return equalObjects(x, y, strictEqual)
	}
	return triFalse
}

// compareFn is less/greater and friends: integers numerically, strings with the
// invariant culture (case-insensitive first, then lower case before upper case, as
// the documented greater('A', 'a') = true shows).
func compareFn(name string, ok func(int) bool) func(a []any) (any, error) {
	return func(a []any) (any, error) {
		x, y := normalize(a[0]), normalize(a[1])
		if xf, isNum := x.(float64); isNum {
			if yf, isNum := y.(float64); isNum {
				return ok(cmpFloat(xf, yf)), nil
			}
		}
		xs, okx := x.(string)
		ys, oky := y.(string)
		if !okx || !oky {
			return nil, errorf("%s expects two integers or two strings, got %s and %s", name, kindName(x), kindName(y))
		}
		return ok(invariantCompare(xs, ys)), nil
	}
}

func invariantCompare(x, y string) int {
	if c := strings.Compare(strings.ToLower(x), strings.ToLower(y)); c != 0 {
		return c
	}
	// Same letters: the invariant culture puts lower case first.
	return -strings.Compare(x, y)
}

func stringArg(fn string, v any) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	if isAbsent(v) {
		return "", nil
	}
	return "", errorf("%s expects a string, got %s %s", fn, kindName(v), Render(v))
}

func intArg(fn string, v any) (int, error) {
	f, ok := toNumber(v)
	if !ok || f != math.Trunc(f) {
		return 0, errorf("%s expects an integer, got %s %s", fn, kindName(v), Render(v))
	}
	return int(f), nil
}

// registerStrings: the string functions
// (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string).
func registerStrings() {
	register(
		pureFn("toLower", 1, 1, strFn("toLower", strings.ToLower)),
		pureFn("toUpper", 1, 1, strFn("toUpper", strings.ToUpper)),
		pureFn("trim", 1, 1, strFn("trim", strings.TrimSpace)),
		pureFn("split", 2, 2, fnSplit),
		pureFn("replace", 3, 3, fnReplace),
		pureFn("substring", 2, 3, fnSubstring),
		pureFn("indexOf", 2, 2, indexFn("indexOf", false)),
		pureFn("lastIndexOf", 2, 2, indexFn("lastIndexOf", true)),
		pureFn("startsWith", 2, 2, affixFn("startsWith", hasPrefixFold)),
		pureFn("endsWith", 2, 2, affixFn("endsWith", hasSuffixFold)),
		pureFn("padLeft", 2, 3, fnPadLeft),
		pureFn("format", 1, -1, fnFormat),
	)
}

func strFn(name string, f func(string) string) func(a []any) (any, error) {
	return func(a []any) (any, error) {
		s, err := stringArg(name, a[0])
		return f(s), err
	}
}

func fnSplit(a []any) (any, error) {
	s, err := stringArg("split", a[0])
	if err != nil {
		return nil, err
	}
	var seps []string
	switch d := a[1].(type) {
	case string:
		seps = []string{d}
	case []any:
		for _, e := range d {
			es, err := stringArg("split", e)
			if err != nil {
				return nil, err
			}
			seps = append(seps, es)
		}
	default:
		return nil, errorf("split expects a string or an array of strings as delimiter, got %s", kindName(a[1]))
	}
	parts := []string{s}
	for _, sep := range seps {
		if sep == "" {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

func fnReplace(a []any) (any, error) {
	var s [3]string
	for i := range s {
		v, err := stringArg("replace", a[i])
		if err != nil {
			return nil, err
		}
		s[i] = v
	}
	if s[1] == "" {
		return nil, errorf("replace: the string to replace is empty")
	}
	return strings.ReplaceAll(s[0], s[1], s[2]), nil
}

func fnSubstring(a []any) (any, error) {
	s, err := stringArg("substring", a[0])
	if err != nil {
		return nil, err
	}
	r := []rune(s)
	start, err := intArg("substring", a[1])
	if err != nil {
		return nil, err
	}
	n := len(r) - start
	if len(a) == 3 {
		if n, err = intArg("substring", a[2]); err != nil {
			return nil, err
		}
	}
	if start < 0 || n < 0 || start+n > len(r) {
		return nil, errorf("substring(%s, %d, %d): the index and length must refer to a location within the string of length %d", Render(s), start, n, len(r))
	}
	return string(r[start : start+n]), nil
}

func indexFn(name string, last bool) func(a []any) (any, error) {
	return func(a []any) (any, error) {
		s, err := stringArg(name, a[0])
		if err != nil {
			return nil, err
		}
		f, err := stringArg(name, a[1])
		if err != nil {
			return nil, err
		}
		ls, lf := strings.ToLower(s), strings.ToLower(f)
		i := strings.Index(ls, lf)
		if last {
			i = strings.LastIndex(ls, lf)
		}
		if i > 0 {
			i = utf8.RuneCountInString(ls[:i])
		}
		return float64(i), nil
	}
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }
func hasSuffixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p)
}

func affixFn(name string, f func(s, p string) bool) func(a []any) (any, error) {
	return func(a []any) (any, error) {
		s, err := stringArg(name, a[0])
		if err != nil {
			return nil, err
		}
		p, err := stringArg(name, a[1])
		return f(s, p), err
	}
}

func fnPadLeft(a []any) (any, error) {
	s, err := toStringValue(a[0])
	if err != nil {
		return nil, err
	}
	n, err := intArg("padLeft", a[1])
	if err != nil {
		return nil, err
	}
	pad := " "
	if len(a) == 3 {
		if pad, err = stringArg("padLeft", a[2]); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(pad) != 1 {
			return nil, errorf("padLeft: the padding must be a single character, got %s", Render(pad))
		}
	}
	if c := utf8.RuneCountInString(s); c < n {
		s = strings.Repeat(pad, n-c) + s
	}
	return s, nil
}

// fnFormat supports the composite format items {0}, {1}, ... without format specifiers.
func fnFormat(a []any) (any, error) {
	f, err := stringArg("format", a[0])
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '{' {
			b.WriteByte(f[i])
			continue
		}
		end := strings.IndexByte(f[i:], '}')
		if end < 0 {
			return nil, errorf("format: unterminated '{' in %s", Render(f))
		}
		k, err := strconv.Atoi(f[i+1 : i+end])
		if err != nil || k < 0 || k+1 >= len(a) {
			return nil, errorf("format: %s refers to no argument", f[i:i+end+1])
		}
		s, err := toStringValue(a[k+1])
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
		i += end
	}
	return b.String(), nil
}

// toStringValue is string(): strings as they are, other values as JSON.
func toStringValue(v any) (string, error) {
	switch x := normalize(v).(type) {
	case string:
		return x, nil
	case absentValue:
		return "", nil
	case nil:
		return "", nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	out, err := json.Marshal(v)
	if err != nil {
		return "", errorf("string: %w", err)
	}
	return string(out), nil
}
