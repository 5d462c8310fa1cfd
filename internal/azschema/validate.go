package azschema

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// ValidateInputs checks resource inputs as the provider's Check, and Azure behind
// it, would (see the package documentation for the rules and their sources): every
// property name, at every depth the definitions describe, must be known; every
// required property present; no required string empty; every value of an enum
// property one of the enum's values, in the enum's casing; and the ARM rules of
// armrules.json kept, by the resource itself and by the resources of an ARM template
// it deploys. Values unknown at preview are accepted as they are. The problems come
// back sorted, joined in one error.
func (s *Schema) ValidateInputs(token string, props resource.PropertyMap) error {
	r, err := s.Resource(token)
	if err != nil {
		return err
	}
	v := &validator{s: s}
	v.object("", props, r.Inputs)
	if err := v.armRules(token, r, props); err != nil {
		return err
	}
	sort.Strings(v.problems)
	if len(v.problems) == 0 {
		return nil
	}
	errs := make([]error, len(v.problems))
	for i, p := range v.problems {
		errs[i] = errors.New(p)
	}
	return errors.Join(errs...)
}

type validator struct {
	s        *Schema
	problems []string
}

func (v *validator) add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *validator) object(path string, props resource.PropertyMap, obj *Object) {
	for k, val := range props {
		name := string(k)
		if strings.HasPrefix(name, "__") {
			continue
		}
		prop, ok := obj.Props[name]
		if !ok {
			v.add("unknown property %q (%s); %s has: %s", join(path, name), obj.Name, obj.Name, strings.Join(obj.PropNames(), ", "))
			continue
		}
		v.value(join(path, name), val, prop, obj.Name)
	}
	for _, name := range obj.PropNames() {
		if !obj.Props[name].Required {
			continue
		}
		if val, ok := props[resource.PropertyKey(name)]; !ok || val.IsNull() {
			v.add("missing required property %q (%s)", join(path, name), obj.Name)
		}
	}
}

// value checks one property's value: a string (empty when required, outside its
// enum), the elements of a list or map, a nested object.
func (v *validator) value(path string, val resource.PropertyValue, prop Prop, owner string) {
	val = unwrap(val)
	if unknown(val) {
		return
	}
	switch {
	case val.IsString():
		if val.StringValue() == "" && prop.Required && prop.IsString() {
			v.add("empty required property %q (%s): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1)%s",
				path, owner, v.allowedSuffix(prop))
			return
		}
		v.enum(path, val.StringValue(), prop, owner)
	case val.IsArray():
		for i, e := range val.ArrayValue() {
			v.element(fmt.Sprintf("%s[%d]", path, i), e, prop, owner)
		}
	case val.IsObject():
		if prop.Ref != "" && !strings.Contains(prop.Type, "[key: string]") {
			if nested, ok := v.nested(path, prop); ok {
				v.object(path, val.ObjectValue(), nested)
			}
			return
		}
		for _, k := range val.ObjectValue().StableKeys() {
			v.element(join(path, string(k)), val.ObjectValue()[k], prop, owner)
		}
	}
}

// element checks one element of a list or map property.
func (v *validator) element(path string, e resource.PropertyValue, prop Prop, owner string) {
	e = unwrap(e)
	switch {
	case unknown(e):
	case e.IsObject() && prop.Ref != "":
		if nested, ok := v.nested(path, prop); ok {
			v.object(path, e.ObjectValue(), nested)
		}
	case e.IsString():
		v.enum(path, e.StringValue(), prop, owner)
	}
}

func (v *validator) nested(path string, prop Prop) (*Object, bool) {
	nested, err := v.s.Input(prop.Ref)
	if err != nil {
		v.add("property %q: cannot check its value: %v", path, err)
		return nil, false
	}
	return nested, true
}

// enum checks a string against the enums of its property. azure-native's Check
// does not judge enum values (pulumi/pulumi-azure-native#525 removed that), but
// Azure refuses most values outside them, and azure-native diffs enum values
// case-sensitively (pulumi/pulumi-azure-native#4772), so a value in another casing
// than the enum's shows as a change at every refresh: both are problems here.
func (v *validator) enum(path, s string, prop Prop, owner string) {
	if len(prop.Enums) == 0 {
		return
	}
	allowed, names, ok := v.allowed(path, prop)
	if !ok {
		return
	}
	for _, a := range allowed {
		if a == s {
			return
		}
	}
	for _, a := range allowed {
		if strings.EqualFold(a, s) {
			v.add("property %q (%s) is %q, which %s spells %q; write %q: Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change",
				path, owner, s, names, a, a)
			return
		}
	}
	if v.open(prop) {
		return
	}
	v.add("property %q (%s) is %q, not a value of %s; allowed: %s", path, owner, s, names, quoteAll(allowed))
}

// open reports whether a value outside the property's enums may still be valid:
// one of them is an open enum of armrules.json.
func (v *validator) open(prop Prop) bool {
	open, err := OpenEnums()
	if err != nil {
		return false
	}
	for _, name := range prop.Enums {
		if _, ok := open[name]; ok {
			return true
		}
	}
	return false
}

// allowed returns the values of a property's enums and their names.
func (v *validator) allowed(path string, prop Prop) ([]string, string, bool) {
	var values []string
	for _, name := range prop.Enums {
		e, err := v.s.Enum(name)
		if err != nil {
			v.add("property %q: cannot check its value: %v", path, err)
			return nil, "", false
		}
		values = append(values, e.Values...)
	}
	return values, strings.Join(prop.Enums, " or "), true
}

func (v *validator) allowedSuffix(prop Prop) string {
	if len(prop.Enums) == 0 {
		return ""
	}
	values, _, ok := v.allowed(prop.Name, prop)
	if !ok {
		return ""
	}
	return "; allowed: " + quoteAll(values)
}

func quoteAll(values []string) string {
	q := make([]string, len(values))
	for i, s := range values {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func unknown(v resource.PropertyValue) bool {
	return v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known)
}

func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput() && v.OutputValue().Known:
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
