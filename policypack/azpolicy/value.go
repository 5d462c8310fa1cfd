package azpolicy

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// UnknownValue is the type of Unknown.
type UnknownValue struct{}

// Unknown stands for a value not known yet, such as a Pulumi output computed at
// preview. Put it anywhere in a resource or a parameter value; a condition that reads
// it is unknown unless the logic decides without it, and the outcome is then
// CannotVerify.
var Unknown = UnknownValue{}

// IsUnknown reports whether v is Unknown.
func IsUnknown(v any) bool {
	_, ok := v.(UnknownValue)
	return ok
}

// absentValue is a property that is not in the resource (as opposed to JSON null).
type absentValue struct{}

var absent = absentValue{}

func isAbsent(v any) bool { _, ok := v.(absentValue); return ok }

// missing reports whether v is absent or null: a field that does not exist.
func missing(v any) bool {
	if v == nil {
		return true
	}
	_, ok := v.(absentValue)
	return ok
}

// tri is a three-valued truth: false, true, or unknown.
type tri uint8

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

func (t tri) not() tri {
	switch t {
	case triTrue:
		return triFalse
	case triFalse:
		return triTrue
	}
	return triUnknown
}

// hasUnknown reports whether v is or holds Unknown at any depth.
func hasUnknown(v any) bool {
	switch x := v.(type) {
	case UnknownValue:
		return true
	case []any:
		for _, e := range x {
			if hasUnknown(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if hasUnknown(e) {
				return true
			}
		}
	}
	return false
}

// toNumber returns v as a float64 when it is a number of any Go numeric type.
func toNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case float32:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// normalize converts Go values a caller may put in a resource (ints, typed slices
// are not supported: use []any) into the evaluator's JSON kinds.
func normalize(v any) any {
	if f, ok := toNumber(v); ok {
		if _, isFloat := v.(float64); !isFloat {
			return f
		}
	}
	return v
}

// looseEqual is the equality of the equals condition and the equals() function:
// strings compare case-insensitively, a boolean or a number equals its string form
// ("true", "3389"), arrays element by element, objects key by key (keys
// case-insensitive).
func looseEqual(a, b any) tri {
	if IsUnknown(a) || IsUnknown(b) {
		return triUnknown
	}
	a, b = normalize(a), normalize(b)
	if missing(a) || missing(b) {
		return triOf(missing(a) && missing(b))
	}
	switch x := a.(type) {
	case string:
		return equalString(x, b)
	case bool:
		switch y := b.(type) {
		case bool:
			return triOf(x == y)
		case string:
			return triOf(strings.EqualFold(strconv.FormatBool(x), y))
		}
		return triFalse
	case float64:
		switch y := b.(type) {
		case float64:
			return triOf(x == y)
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(y), 64)
			return triOf(err == nil && f == x)
		}
		return triFalse
	case []any:
		y, ok := b.([]any)
		if !ok {
			return triFalse
		}
		return equalArrays(x, y, looseEqual)
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return triFalse
		}
		return equalObjects(x, y, looseEqual)
	}
	return triFalse
}

func equalString(x string, b any) tri {
	switch y := b.(type) {
	case string:
		return triOf(strings.EqualFold(x, y))
	case bool, float64:
		return looseEqual(b, x)
	}
	return triFalse
}

// equalArrays compares arrays element by element with eq.
func equalArrays(x, y []any, eq func(a, b any) tri) tri {
	if len(x) != len(y) {
		return triFalse
	}
	out := triTrue
	for i := range x {
		switch eq(x[i], y[i]) {
		case triFalse:
			return triFalse
		case triUnknown:
			out = triUnknown
		}
	}
	return out
}

// equalObjects compares objects key by key (keys ignoring case) with eq.
func equalObjects(x, y map[string]any, eq func(a, b any) tri) tri {
	if len(x) != len(y) {
		return triFalse
	}
	out := triTrue
	for k, xv := range x {
		yv, ok := lookupFold(y, k)
		if !ok {
			return triFalse
		}
		switch eq(xv, yv) {
		case triFalse:
			return triFalse
		case triUnknown:
			out = triUnknown
		}
	}
	return out
}

// lookupFold returns m[k], matching the key case-insensitively as ARM does.
func lookupFold(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	for mk, v := range m {
		if strings.EqualFold(mk, k) {
			return v, true
		}
	}
	return nil, false
}

// compareOrder orders a and b for less, lessOrEquals, greater and greaterOrEquals:
// numbers numerically, strings as ISO 8601 dates when both are dates, otherwise
// ordinally ignoring case. Other combinations are a type error, as in Azure.
func compareOrder(a, b any) (int, error) {
	a, b = normalize(a), normalize(b)
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok {
			return cmpFloat(x, y), nil
		}
	}
	xs, okx := a.(string)
	ys, oky := b.(string)
	if okx && oky {
		if tx, ok := parseDate(xs); ok {
			if ty, ok := parseDate(ys); ok {
				return tx.Compare(ty), nil
			}
		}
		return strings.Compare(strings.ToLower(xs), strings.ToLower(ys)), nil
	}
	return 0, errorf("cannot compare %s with %s: both must be numbers, or both strings", kindName(a), kindName(b))
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// parseDate parses the ISO 8601 forms Azure Policy uses (yyyy-MM-dd and
// yyyy-MM-ddTHH:mm:ss[.fffffff]Z).
func parseDate(s string) (time.Time, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	for _, layout := range [...]string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// kindName names the JSON kind of v for messages.
func kindName(v any) string {
	switch normalize(v).(type) {
	case nil:
		return "null"
	case absentValue:
		return "a missing value"
	case UnknownValue:
		return "an unknown value"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "an unsupported value"
}

// Render formats a value for messages: JSON, with Unknown as <unknown> and a
// missing property as <missing>.
func Render(v any) string {
	var b strings.Builder
	render(&b, v)
	return b.String()
}

func render(b *strings.Builder, v any) {
	switch x := normalize(v).(type) {
	case UnknownValue:
		b.WriteString("<unknown>")
	case absentValue:
		b.WriteString("<missing>")
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			render(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			render(b, x[k])
		}
		b.WriteByte('}')
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			b.WriteString(strconv.FormatInt(int64(x), 10))
		} else {
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	default:
		out, err := json.Marshal(x)
		if err != nil {
			b.WriteString("<unrenderable>")
			return
		}
		b.Write(out)
	}
}

// deepCopy copies maps and slices so that a change to the copy leaves v intact.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// truthy converts a function's result to a condition's boolean: a boolean, or the
// strings "true"/"false".
func asBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(x) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}
