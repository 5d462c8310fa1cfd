package props

import (
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// Kind classifies a property value once secrets and resolved outputs are unwrapped.
type Kind uint8

// The kinds of a Value.
const (
	// Absent is a key that is not in its map, or a path through a value that is not an object.
	Absent Kind = iota
	// Unknown is a value not known yet: computed at preview, or an unresolved output.
	Unknown
	// Null is an explicit null.
	Null
	// Bool is a boolean.
	Bool
	// Number is a number.
	Number
	// String is a string.
	String
	// Array is a list.
	Array
	// Object is a map.
	Object
	// Other is an asset, an archive or a resource reference.
	Other
)

var kindNames = [...]string{"absent", "unknown", "null", "bool", "number", "string", "array", "object", "other"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is a property value with its kind resolved. The zero Value is Absent.
type Value struct {
	v      resource.PropertyValue
	kind   Kind
	secret bool
}

// Of resolves a property value: secrets are unwrapped (a policy judges their content),
// a known output is its element, an unknown output or a computed value is Unknown, and
// so are the engine's unknown-value sentinel strings.
func Of(pv resource.PropertyValue) Value {
	secret := false
	for range 16 { // bounded: secrets and outputs nest only a few levels
		switch x := pv.V.(type) {
		case nil:
			return Value{kind: Null, secret: secret}
		case bool:
			return Value{v: pv, kind: Bool, secret: secret}
		case float64:
			return Value{v: pv, kind: Number, secret: secret}
		case string:
			if len(x) == 36 && isUnknownSentinel(x) {
				return Value{kind: Unknown, secret: secret}
			}
			return Value{v: pv, kind: String, secret: secret}
		case []resource.PropertyValue:
			return Value{v: pv, kind: Array, secret: secret}
		case resource.PropertyMap:
			return Value{v: pv, kind: Object, secret: secret}
		case resource.Computed:
			return Value{kind: Unknown, secret: secret}
		case *resource.Secret:
			if x == nil {
				return Value{kind: Null, secret: true}
			}
			secret = true
			pv = x.Element
		case resource.Output:
			secret = secret || x.Secret
			if !x.Known {
				return Value{kind: Unknown, secret: secret}
			}
			pv = x.Element
		default:
			return Value{v: pv, kind: Other, secret: secret}
		}
	}
	return Value{kind: Other, secret: secret}
}

// Map wraps a whole property map as an Object value.
func Map(m resource.PropertyMap) Value {
	if m == nil {
		return Value{kind: Null}
	}
	return Value{v: resource.PropertyValue{V: m}, kind: Object}
}

// Get walks a path of keys from a property map. See Value.Get.
func Get(m resource.PropertyMap, keys ...string) Value {
	v := Map(m)
	for _, k := range keys {
		v = v.Field(k)
	}
	return v
}

// Kind returns the value's kind.
func (v Value) Kind() Kind { return v.kind }

// Raw returns the underlying property value (secrets and outputs unwrapped).
func (v Value) Raw() resource.PropertyValue { return v.v }

// IsAbsent reports whether the value is absent or null: not set.
func (v Value) IsAbsent() bool { return v.kind == Absent || v.kind == Null }

// IsSecret reports whether the value is secret or inside a secret: messages must not
// show it.
func (v Value) IsSecret() bool { return v.secret }

// IsUnknown reports whether the value is unknown at preview.
func (v Value) IsUnknown() bool { return v.kind == Unknown }

// Field returns an object's field. The field of an unknown value is Unknown (its
// content will be known at update); the field of anything else that is not an object
// is Absent.
func (v Value) Field(key string) Value {
	switch v.kind {
	case Unknown:
		return v
	case Object:
		pv, ok := v.v.V.(resource.PropertyMap)[resource.PropertyKey(key)]
		if !ok {
			return Value{}
		}
		f := Of(pv)
		f.secret = f.secret || v.secret
		return f
	default:
		return Value{}
	}
}

// Get walks a path of keys. A key may carry a dotted path ("properties.networkAcls").
func (v Value) Get(keys ...string) Value {
	for _, k := range keys {
		for {
			i := strings.IndexByte(k, '.')
			if i < 0 {
				v = v.Field(k)
				break
			}
			v = v.Field(k[:i])
			k = k[i+1:]
		}
	}
	return v
}

// Str returns a string value and whether the value is a string.
func (v Value) Str() (string, bool) {
	if v.kind != String {
		return "", false
	}
	return v.v.V.(string), true
}

// Bool returns a boolean value and whether the value is a boolean. The strings "true"
// and "false" (any case) count as booleans: config-driven programs often pass them.
func (v Value) Bool() (b bool, ok bool) {
	switch v.kind {
	case Bool:
		return v.v.V.(bool), true
	case String:
		s := v.v.V.(string)
		if strings.EqualFold(s, "true") {
			return true, true
		}
		if strings.EqualFold(s, "false") {
			return false, true
		}
	}
	return false, false
}

// Num returns a number and whether the value is a number. Numeric strings count.
func (v Value) Num() (float64, bool) {
	switch v.kind {
	case Number:
		return v.v.V.(float64), true
	case String:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.v.V.(string)), 64)
		return f, err == nil
	}
	return 0, false
}

// Len returns the number of elements of an array (0 for anything else).
func (v Value) Len() int {
	if v.kind != Array {
		return 0
	}
	return len(v.v.V.([]resource.PropertyValue))
}

// Index returns an array element (Absent when out of range or not an array).
func (v Value) Index(i int) Value {
	if v.kind != Array {
		return Value{}
	}
	a := v.v.V.([]resource.PropertyValue)
	if i < 0 || i >= len(a) {
		return Value{}
	}
	e := Of(a[i])
	e.secret = e.secret || v.secret
	return e
}

// Object returns the underlying map of an object (nil for anything else).
func (v Value) Object() resource.PropertyMap {
	if v.kind != Object {
		return nil
	}
	return v.v.V.(resource.PropertyMap)
}

// Strings returns the string elements of an array, or a single string as a list of
// one (ARM accepts both shapes in places), and whether any element is unknown.
// Elements that are not strings are skipped.
func (v Value) Strings() (out []string, unknown bool) {
	switch v.kind {
	case Unknown:
		return nil, true
	case String:
		return []string{v.v.V.(string)}, false
	case Array:
		a := v.v.V.([]resource.PropertyValue)
		out = make([]string, 0, len(a))
		for _, e := range a {
			ev := Of(e)
			switch ev.kind {
			case Unknown:
				unknown = true
			case String:
				out = append(out, ev.v.V.(string))
			}
		}
	}
	return out, unknown
}

// HasUnknown reports whether the value is unknown or contains an unknown value at any depth.
func (v Value) HasUnknown() bool {
	switch v.kind {
	case Unknown:
		return true
	case Array:
		for _, e := range v.v.V.([]resource.PropertyValue) {
			if Of(e).HasUnknown() {
				return true
			}
		}
	case Object:
		for _, e := range v.v.V.(resource.PropertyMap) {
			if Of(e).HasUnknown() {
				return true
			}
		}
	}
	return false
}

// Equal reports whether a value is a string equal to s, ignoring case (ARM enums are
// case-insensitive).
func (v Value) Equal(s string) bool {
	got, ok := v.Str()
	return ok && strings.EqualFold(got, s)
}

// isUnknownSentinel reports whether a string is one of the engine's unknown values.
func isUnknownSentinel(s string) bool {
	switch s {
	case sig.UnknownStringValue, sig.UnknownBoolValue, sig.UnknownNumberValue, sig.UnknownArrayValue,
		sig.UnknownAssetValue, sig.UnknownArchiveValue, sig.UnknownObjectValue:
		return true
	}
	return false
}
