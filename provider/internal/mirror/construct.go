package mirror

import (
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Construct converts the provider's args into the library's (LA), calls the
// library's constructor and returns the provider's output type (PO) over the
// component it registered: PO embeds pulumi.ComponentResource, set to the library's
// component, and its output fields are the library component's (Outputs). A
// library error is returned with its field paths in schema names (InputError).
func Construct[PO any, LA any, LC pulumi.ComponentResource, PA any](args PA, build func(*LA) (LC, error)) (*PO, error) {
	var la LA
	if err := Convert(&la, args); err != nil {
		return nil, err
	}
	comp, err := build(&la)
	if err != nil {
		return nil, NewInputError(err)
	}
	out := new(PO)
	if err := setComponent(out, comp); err != nil {
		return nil, err
	}
	if err := Outputs(out, comp); err != nil {
		return nil, err
	}
	return out, nil
}

// setComponent sets the embedded pulumi.ComponentResource of out.
func setComponent(out any, comp pulumi.ComponentResource) error {
	v := reflect.ValueOf(out).Elem()
	f := v.FieldByName("ComponentResource")
	if !f.IsValid() || !f.CanSet() || f.Type() != componentType {
		return fmt.Errorf("mirror.Construct: %s does not embed pulumi.ComponentResource", v.Type())
	}
	f.Set(reflect.ValueOf(comp))
	return nil
}

var componentType = reflect.TypeFor[pulumi.ComponentResource]()
