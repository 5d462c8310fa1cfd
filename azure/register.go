package azure

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Register checks a resource's required arguments and registers it with
// ProviderVersion, as the generated SDK's constructors do. args is the layer's XArgs
// (a struct or a pointer to one); its plain shape (args.ElementType()) says which
// inputs are required: a plain field that is not a pointer, slice, map or interface
// is required, and its XArgs field of the same name must be set. A missing one is
// the generated SDK's error: invalid value for required argument 'X'.
func Register(ctx *pulumi.Context, token, name string, args pulumi.Input, res pulumi.CustomResource, opts ...pulumi.ResourceOption) error {
	if err := CheckRequired(args); err != nil {
		return err
	}
	opts = append([]pulumi.ResourceOption{pulumi.Version(ProviderVersion)}, opts...)
	if err := ctx.RegisterResource(token, name, args, res, opts...); err != nil {
		return fmt.Errorf("registering %s %q: %w", token, name, err)
	}
	return nil
}

// Read reads an existing resource by id with ProviderVersion, without managing it.
func Read(ctx *pulumi.Context, token, name string, id pulumi.IDInput, res pulumi.CustomResource, opts ...pulumi.ResourceOption) error {
	opts = append([]pulumi.ResourceOption{pulumi.Version(ProviderVersion)}, opts...)
	if err := ctx.ReadResource(token, name, id, nil, res, opts...); err != nil {
		return fmt.Errorf("reading %s %q: %w", token, name, err)
	}
	return nil
}

// CheckRequired returns the generated SDK's error for nil args or the first
// required input (in field order) that is not set.
func CheckRequired(args pulumi.Input) error {
	v := reflect.ValueOf(args)
	if args == nil || (v.Kind() == reflect.Pointer && v.IsNil()) {
		return errors.New("missing one or more required arguments")
	}
	v = reflect.Indirect(v)
	plain := args.ElementType()
	for plain.Kind() == reflect.Pointer {
		plain = plain.Elem()
	}
	for i := 0; i < plain.NumField(); i++ {
		f := plain.Field(i)
		switch f.Type.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			continue
		}
		in := v.FieldByName(f.Name)
		if !in.IsValid() {
			continue
		}
		if (in.Kind() == reflect.Interface || in.Kind() == reflect.Pointer) && in.IsNil() {
			return fmt.Errorf("invalid value for required argument '%s'", f.Name)
		}
	}
	return nil
}
