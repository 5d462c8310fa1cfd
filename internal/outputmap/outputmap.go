package outputmap

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// field is one tagged output field of a component struct.
type field struct {
	index int
	name  string
}

// fields returns the tagged output fields of a struct type, in field order.
func fields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
		if name == "" {
			continue
		}
		out = append(out, field{index: i, name: name})
	}
	return out
}

// structOf returns the struct a component points to.
func structOf(c any) (reflect.Value, error) {
	v := reflect.ValueOf(c)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("outputmap: %T is not a pointer to a component struct", c)
	}
	return v.Elem(), nil
}

// Names returns the output names of a component struct type (or a pointer to
// one), in field order.
func Names(t reflect.Type) []string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	fs := fields(t)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// Of returns the outputs of a component: each tagged field's value by its tag
// name. It fails when a field is not a pulumi.Input or was never set (an Output
// without state).
func Of(c any) (pulumi.Map, error) {
	v, err := structOf(c)
	if err != nil {
		return nil, err
	}
	out := pulumi.Map{}
	for _, f := range fields(v.Type()) {
		fv := v.Field(f.index)
		in, ok := fv.Interface().(pulumi.Input)
		if !ok {
			return nil, fmt.Errorf("outputmap: %s.%s (output %q) is a %s, not a pulumi.Input", v.Type().Name(), v.Type().Field(f.index).Name, f.name, fv.Type())
		}
		if o, isOutput := in.(pulumi.Output); isOutput && isUnset(fv, o) {
			return nil, fmt.Errorf("outputmap: %s.%s (output %q) was never set", v.Type().Name(), v.Type().Field(f.index).Name, f.name)
		}
		out[f.name] = in
	}
	return out, nil
}

// isUnset reports whether an output field holds the zero Output (no state).
func isUnset(fv reflect.Value, o pulumi.Output) bool {
	if fv.Kind() == reflect.Interface || fv.Kind() == reflect.Pointer {
		return fv.IsNil()
	}
	st := fv.FieldByName("OutputState")
	return st.IsValid() && st.Kind() == reflect.Pointer && st.IsNil() || o == nil
}

// Register registers a component's outputs (Of) with the engine.
func Register(ctx *pulumi.Context, c pulumi.ComponentResource) error {
	m, err := Of(c)
	if err != nil {
		return err
	}
	if err := ctx.RegisterResourceOutputs(c, m); err != nil {
		return fmt.Errorf("registering outputs: %w", err)
	}
	return nil
}
