package azure

import (
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type nested struct {
	Name string `pulumi:"name"`
}

type nestedArgs struct{ Name pulumi.StringInput }

func (nestedArgs) ElementType() reflect.Type { return reflect.TypeOf((*nested)(nil)).Elem() }

type plain struct {
	Required string  `pulumi:"required"`
	Optional *string `pulumi:"optional"`
	Shape    nested  `pulumi:"shape"`
	Tags     map[string]string
	List     []string
}

type args struct {
	Required pulumi.StringInput
	Optional pulumi.StringPtrInput
	Shape    *nestedArgs
	Tags     pulumi.StringMapInput
	List     pulumi.StringArrayInput
}

func (args) ElementType() reflect.Type { return reflect.TypeOf((*plain)(nil)).Elem() }

func TestCheckRequired(t *testing.T) {
	full := &args{Required: pulumi.String("x"), Shape: &nestedArgs{}}
	if err := CheckRequired(full); err != nil {
		t.Fatalf("complete args rejected: %v", err)
	}
	if err := CheckRequired(*full); err != nil {
		t.Fatalf("complete args by value rejected: %v", err)
	}
	for _, c := range []struct {
		name string
		args pulumi.Input
		want string
	}{
		{"nil pointer", (*args)(nil), "missing one or more required arguments"},
		{"nil interface", nil, "missing one or more required arguments"},
		{"missing scalar", &args{Shape: &nestedArgs{}}, "invalid value for required argument 'Required'"},
		{"missing shape", &args{Required: pulumi.String("x")}, "invalid value for required argument 'Shape'"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckRequired(c.args)
			if err == nil || err.Error() != c.want {
				t.Fatalf("error = %v, want %q", err, c.want)
			}
		})
	}
}
