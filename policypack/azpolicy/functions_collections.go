package azpolicy

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// registerArrays: the array and object functions
// (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
// and template-functions-object).
func registerArrays() {
	register(
		&function{name: "concat", min: 1, max: -1, pure: true, call: func(_ *state, a []any) (any, error) { return fnConcat(a) }},
		&function{name: "contains", min: 2, max: 2, pure: true, unknownAware: true, call: func(_ *state, a []any) (any, error) { return fnContains(a) }},
		&function{name: "empty", min: 1, max: 1, pure: true, call: func(_ *state, a []any) (any, error) { return fnEmpty(a) }},
		pureFn("length", 1, 1, fnLength),
		pureFn("first", 1, 1, func(a []any) (any, error) { return edge("first", a[0], false) }),
		pureFn("last", 1, 1, func(a []any) (any, error) { return edge("last", a[0], true) }),
		pureFn("take", 2, 2, func(a []any) (any, error) { return slice("take", a, true) }),
		pureFn("skip", 2, 2, func(a []any) (any, error) { return slice("skip", a, false) }),
		pureFn("createArray", 0, -1, func(a []any) (any, error) { return append([]any{}, a...), nil }),
		pureFn("array", 1, 1, func(a []any) (any, error) {
			if x, ok := a[0].([]any); ok {
				return x, nil
			}
			return []any{a[0]}, nil
		}),
		pureFn("createObject", 0, -1, fnCreateObject),
		pureFn("union", 1, -1, fnUnion),
		&function{name: "intersection", min: 1, max: -1, pure: true, unknownAware: true, call: func(_ *state, a []any) (any, error) { return fnIntersection(a) }},
		pureFn("json", 1, 1, fnJSON),
		&function{name: "tryGet", min: 2, max: -1, pure: true, unknownAware: true, call: func(_ *state, a []any) (any, error) { return fnTryGet(a) }},
		pureFn("min", 1, -1, extremum("min", -1)),
		pureFn("max", 1, -1, extremum("max", 1)),
		pureFn("range", 2, 2, fnRange),
	)
}

func fnConcat(a []any) (any, error) {
	if _, isArray := a[0].([]any); isArray {
		var out []any
		for _, e := range a {
			arr, ok := e.([]any)
			if !ok {
				return nil, errorf("concat: cannot concatenate an array with %s", kindName(e))
			}
			out = append(out, arr...)
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	}
	var b strings.Builder
	for _, e := range a {
		switch x := normalize(e).(type) {
		case string:
			b.WriteString(x)
		case float64, bool, absentValue, nil:
			s, _ := toStringValue(x)
			b.WriteString(s)
		default:
			return nil, errorf("concat: cannot concatenate a string with %s", kindName(e))
		}
	}
	return b.String(), nil
}

func fnContains(a []any) (any, error) {
	if IsUnknown(a[0]) || IsUnknown(a[1]) {
		return Unknown, nil
	}
	switch c := a[0].(type) {
	case string:
		f, err := toStringValue(a[1])
		if err != nil {
			return nil, err
		}
		return strings.Contains(c, f), nil
	case []any:
		out := triFalse
		for _, e := range c {
			switch strictEqual(e, a[1]) {
			case triTrue:
				return true, nil
			case triUnknown:
				out = triUnknown
			}
		}
		return triValue(out), nil
	case map[string]any:
		k, err := toStringValue(a[1])
		if err != nil {
			return nil, err
		}
		_, ok := lookupFold(c, k)
		return ok, nil
	case absentValue:
		return false, nil
	}
	return nil, errorf("contains expects an array, an object or a string as container, got %s", kindName(a[0]))
}

func fnEmpty(a []any) (any, error) {
	switch x := a[0].(type) {
	case nil, absentValue:
		return true, nil
	case string:
		return x == "", nil
	case []any:
		return len(x) == 0, nil
	case map[string]any:
		return len(x) == 0, nil
	}
	return nil, errorf("empty expects an array, an object or a string, got %s %s", kindName(a[0]), Render(a[0]))
}

func fnLength(a []any) (any, error) {
	switch x := a[0].(type) {
	case string:
		return float64(utf8.RuneCountInString(x)), nil
	case absentValue:
		return float64(0), nil
	case []any:
		return float64(len(x)), nil
	case map[string]any:
		return float64(len(x)), nil
	}
	return nil, errorf("length expects an array, an object or a string, got %s %s", kindName(a[0]), Render(a[0]))
}

// edge is first() and last(): of an empty array it is null, of a string a character.
func edge(name string, v any, last bool) (any, error) {
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return nil, nil
		}
		if last {
			return x[len(x)-1], nil
		}
		return x[0], nil
	case string:
		r := []rune(x)
		if len(r) == 0 {
			return "", nil
		}
		if last {
			return string(r[len(r)-1]), nil
		}
		return string(r[0]), nil
	case absentValue:
		return "", nil
	}
	return nil, errorf("%s expects an array or a string, got %s %s", name, kindName(v), Render(v))
}

func slice(name string, a []any, take bool) (any, error) {
	n, err := intArg(name, a[1])
	if err != nil {
		return nil, err
	}
	clamp := func(l int) int { return max(0, min(n, l)) }
	switch x := a[0].(type) {
	case []any:
		k := clamp(len(x))
		if take {
			return append([]any{}, x[:k]...), nil
		}
		return append([]any{}, x[k:]...), nil
	case string:
		r := []rune(x)
		k := clamp(len(r))
		if take {
			return string(r[:k]), nil
		}
		return string(r[k:]), nil
	}
	return nil, errorf("%s expects an array or a string, got %s", name, kindName(a[0]))
}

func fnCreateObject(a []any) (any, error) {
	if len(a)%2 != 0 {
		return nil, errorf("createObject takes key and value pairs, got %d arguments", len(a))
	}
	out := make(map[string]any, len(a)/2)
	for i := 0; i < len(a); i += 2 {
		k, ok := a[i].(string)
		if !ok {
			return nil, errorf("createObject: key %d is %s, not a string", i/2, kindName(a[i]))
		}
		out[k] = a[i+1]
	}
	return out, nil
}

// asArrays returns the arguments as arrays, or an error naming the function.
func asArrays(fn string, a []any) ([][]any, error) {
	out := make([][]any, len(a))
	for i, e := range a {
		arr, ok := e.([]any)
		if !ok {
			return nil, errorf("%s: cannot combine an array with %s", fn, kindName(e))
		}
		out[i] = arr
	}
	return out, nil
}

// asObjects returns the arguments as objects, or an error naming the function.
func asObjects(fn string, a []any) ([]map[string]any, error) {
	out := make([]map[string]any, len(a))
	for i, e := range a {
		obj, ok := e.(map[string]any)
		if !ok {
			return nil, errorf("%s: cannot combine an object with %s", fn, kindName(e))
		}
		out[i] = obj
	}
	return out, nil
}

func fnUnion(a []any) (any, error) {
	switch a[0].(type) {
	case []any:
		arrays, err := asArrays("union", a)
		if err != nil {
			return nil, err
		}
		out := []any{}
		for _, arr := range arrays {
			for _, x := range arr {
				if !containsStrict(out, x) {
					out = append(out, x)
				}
			}
		}
		return out, nil
	case map[string]any:
		objects, err := asObjects("union", a)
		if err != nil {
			return nil, err
		}
		out := map[string]any{}
		for _, obj := range objects {
			for k, v := range obj {
				out[k] = v
			}
		}
		return out, nil
	}
	return nil, errorf("union expects arrays or objects, got %s", kindName(a[0]))
}

func containsStrict(arr []any, x any) bool {
	for _, e := range arr {
		if strictEqual(e, x) == triTrue {
			return true
		}
	}
	return false
}

func fnIntersection(a []any) (any, error) {
	for _, e := range a {
		if hasUnknown(e) {
			return Unknown, nil
		}
	}
	switch a[0].(type) {
	case []any:
		arrays, err := asArrays("intersection", a)
		if err != nil {
			return nil, err
		}
		out := []any{}
		for _, x := range arrays[0] {
			in := !containsStrict(out, x)
			for _, arr := range arrays[1:] {
				in = in && containsStrict(arr, x)
			}
			if in {
				out = append(out, x)
			}
		}
		return out, nil
	case map[string]any:
		objects, err := asObjects("intersection", a)
		if err != nil {
			return nil, err
		}
		out := map[string]any{}
		for k, v := range objects[0] {
			in := true
			for _, obj := range objects[1:] {
				ov, has := obj[k]
				in = in && has && strictEqual(ov, v) == triTrue
			}
			if in {
				out[k] = v
			}
		}
		return out, nil
	}
	return nil, errorf("intersection expects arrays or objects, got %s", kindName(a[0]))
}

func fnJSON(a []any) (any, error) {
	s, err := stringArg("json", a[0])
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, errorf("json: %s is not valid JSON: %v", Render(s), err)
	}
	return v, nil
}

// fnTryGet reads a property path and returns null where it is missing.
func fnTryGet(a []any) (any, error) {
	v := a[0]
	for _, k := range a[1:] {
		if IsUnknown(v) || IsUnknown(k) {
			return Unknown, nil
		}
		switch x := v.(type) {
		case map[string]any:
			ks, err := toStringValue(k)
			if err != nil {
				return nil, err
			}
			e, ok := lookupFold(x, ks)
			if !ok {
				return nil, nil
			}
			v = e
		case []any:
			i, err := intArg("tryGet", k)
			if err != nil {
				return nil, err
			}
			if i < 0 || i >= len(x) {
				return nil, nil
			}
			v = x[i]
		default:
			return nil, nil
		}
	}
	return v, nil
}

func extremum(name string, sign int) func(a []any) (any, error) {
	return func(a []any) (any, error) {
		vals := a
		if len(a) == 1 {
			if arr, ok := a[0].([]any); ok {
				vals = arr
			}
		}
		if len(vals) == 0 {
			return nil, errorf("%s of an empty array", name)
		}
		best := math.NaN()
		for _, v := range vals {
			f, err := intArg(name, v)
			if err != nil {
				return nil, err
			}
			if math.IsNaN(best) || cmpFloat(float64(f), best) == sign {
				best = float64(f)
			}
		}
		return best, nil
	}
}

func fnRange(a []any) (any, error) {
	start, err := intArg("range", a[0])
	if err != nil {
		return nil, err
	}
	n, err := intArg("range", a[1])
	if err != nil {
		return nil, err
	}
	if n < 0 || n > 10000 {
		return nil, errorf("range: count %d must be between 0 and 10000", n)
	}
	out := make([]any, n)
	for i := range out {
		out[i] = float64(start + i)
	}
	return out, nil
}

// registerConversions: int, float, string, bool
// (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric,
// template-functions-string#string, template-functions-logical#bool).
func registerConversions() {
	register(
		pureFn("int", 1, 1, fnInt),
		pureFn("float", 1, 1, fnFloat),
		&function{name: "string", min: 1, max: 1, pure: true, unknownAware: true, call: func(_ *state, a []any) (any, error) {
			if hasUnknown(a[0]) {
				return Unknown, nil
			}
			return toStringValue(a[0])
		}},
		pureFn("bool", 1, 1, fnBool),
	)
}

func fnInt(a []any) (any, error) {
	switch x := normalize(a[0]).(type) {
	case float64:
		return math.Trunc(x), nil
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		if err != nil {
			return nil, errorf("int: %s is not an integer", Render(x))
		}
		return float64(i), nil
	}
	return nil, errorf("int expects a string or a number, got %s %s", kindName(a[0]), Render(a[0]))
}

func fnFloat(a []any) (any, error) {
	switch x := normalize(a[0]).(type) {
	case float64:
		return x, nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return nil, errorf("float: %s is not a number", Render(x))
		}
		return f, nil
	}
	return nil, errorf("float expects a string or a number, got %s", kindName(a[0]))
}

func fnBool(a []any) (any, error) {
	switch x := normalize(a[0]).(type) {
	case bool:
		return x, nil
	case float64:
		return x != 0, nil
	case string:
		if b, ok := asBool(x); ok {
			return b, nil
		}
		return nil, errorf("bool: %s is neither 'true' nor 'false'", Render(x))
	}
	return nil, errorf("bool expects a string or an integer, got %s", kindName(a[0]))
}

// registerNumeric: add, sub, mul, div, mod
// (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric).
func registerNumeric() {
	arith := func(name string, f func(x, y int) (int, error)) *function {
		return pureFn(name, 2, 2, func(a []any) (any, error) {
			x, err := intArg(name, a[0])
			if err != nil {
				return nil, err
			}
			y, err := intArg(name, a[1])
			if err != nil {
				return nil, err
			}
			r, err := f(x, y)
			return float64(r), err
		})
	}
	divide := func(x, y int) (int, error) {
		if y == 0 {
			return 0, errorf("division by zero")
		}
		return x / y, nil
	}
	register(
		arith("add", func(x, y int) (int, error) { return x + y, nil }),
		arith("sub", func(x, y int) (int, error) { return x - y, nil }),
		arith("mul", func(x, y int) (int, error) { return x * y, nil }),
		arith("div", divide),
		arith("mod", func(x, y int) (int, error) {
			if y == 0 {
				return 0, errorf("division by zero")
			}
			return x % y, nil
		}),
	)
}
