package azschema

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var (
	inputType  = reflect.TypeOf((*pulumi.Input)(nil)).Elem()
	outputType = reflect.TypeOf((*pulumi.Output)(nil)).Elem()
)

// CheckArgs checks a resource's Args value (an Input whose ElementType is the plain
// struct the SDK marshals): the token names a resource of the package; every
// `pulumi` tag, at every depth, names a property of the matching definition; every
// nested Go struct sits where the definition has an object type; every required
// input has a field; and every field of every Args struct has a same-named field in
// its plain struct (the SDK panics at marshal time otherwise).
func (s *Schema) CheckArgs(token string, args pulumi.Input) []error {
	r, err := s.Resource(token)
	if err != nil {
		return []error{err}
	}
	c := &checker{s: s, token: token, lookup: s.Input, seen: map[string]bool{}}
	plain := args.ElementType()
	c.object(token, deref(plain), r.Inputs, true)
	c.mapping(reflect.TypeOf(args))
	return c.errs
}

// CheckOutputs checks a resource struct (a pointer to a struct embedding
// pulumi.CustomResourceState): every exported output field's tag names an output of
// the resource, and nested output structs match the output types.
func (s *Schema) CheckOutputs(token string, res any) []error {
	r, err := s.Resource(token)
	if err != nil {
		return []error{err}
	}
	c := &checker{s: s, token: token, lookup: s.Output, seen: map[string]bool{}}
	t := deref(reflect.TypeOf(res))
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := tagName(f)
		if f.Anonymous || name == "" || !f.IsExported() {
			continue
		}
		prop, ok := r.Outputs.Props[name]
		if !ok {
			c.fail("output %s.%s: %s has no output %q; outputs are: %s", t.Name(), f.Name, token, name, strings.Join(r.Outputs.PropNames(), ", "))
			continue
		}
		if !f.Type.Implements(outputType) {
			c.fail("output %s.%s: type %s is not a pulumi.Output", t.Name(), f.Name, f.Type)
			continue
		}
		elem := reflect.Zero(f.Type).Interface().(pulumi.Output).ElementType()
		c.value(token+"."+name, elem, prop, false)
	}
	return c.errs
}

type checker struct {
	s      *Schema
	token  string
	lookup func(string) (*Object, error)
	seen   map[string]bool
	errs   []error
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{c.token}, args...)...))
}

// object checks a plain Go struct against a definition.
func (c *checker) object(path string, t reflect.Type, obj *Object, required bool) {
	key := t.String() + "=" + obj.Name
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	if t.Kind() != reflect.Struct {
		c.fail("%s: Go type %s is not a struct but the definition %s is an object", path, t, obj.Name)
		return
	}
	have := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := tagName(f)
		if name == "" {
			continue
		}
		have[name] = true
		prop, ok := obj.Props[name]
		if !ok {
			c.fail("%s: %s has no property %q (Go field %s.%s); properties are: %s", path, obj.Name, name, t.Name(), f.Name, strings.Join(obj.PropNames(), ", "))
			continue
		}
		c.value(path+"."+name, f.Type, prop, required)
	}
	if required {
		for _, name := range obj.PropNames() {
			if obj.Props[name].Required && !have[name] {
				c.fail("%s: required property %q of %s has no field in %s", path, name, obj.Name, t)
			}
		}
	}
}

// value checks the Go type of one property against its definition.
func (c *checker) value(path string, t reflect.Type, prop Prop, required bool) {
	elem := deref(t)
	for elem.Kind() == reflect.Slice || elem.Kind() == reflect.Array || elem.Kind() == reflect.Map {
		elem = deref(elem.Elem())
	}
	if elem.Kind() != reflect.Struct {
		return
	}
	if prop.Ref == "" {
		c.fail("%s: Go type %s is a struct but the definition's type is %s", path, t, prop.Type)
		return
	}
	nested, err := c.lookup(prop.Ref)
	if err != nil {
		c.fail("%s: %v", path, err)
		return
	}
	c.object(path, elem, nested, required)
}

// mapping checks that every field of an Args struct (and of the Args structs it
// holds) exists by name in the plain struct its ElementType returns.
func (c *checker) mapping(t reflect.Type) {
	t = deref(t)
	if t.Kind() != reflect.Struct || c.seen["mapping:"+t.String()] {
		return
	}
	c.seen["mapping:"+t.String()] = true
	if !reflect.PointerTo(t).Implements(inputType) {
		return
	}
	plain := deref(reflect.New(t).Interface().(pulumi.Input).ElementType())
	if plain.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if _, ok := plain.FieldByName(f.Name); !ok {
			c.fail("Go field %s.%s has no field of the same name in %s, so the SDK cannot marshal it", t.Name(), f.Name, plain)
		}
		inner := deref(f.Type)
		for inner.Kind() == reflect.Slice || inner.Kind() == reflect.Array || inner.Kind() == reflect.Map {
			inner = deref(inner.Elem())
		}
		c.mapping(inner)
	}
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
	return name
}
