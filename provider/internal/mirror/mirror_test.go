package mirror

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// A library shape and the provider shape that mirrors it.
type (
	libRole string
	libArgs struct {
		Name      string
		Count     int
		Enabled   bool
		Window    time.Duration
		ID        pulumi.StringInput
		Region    libRegion
		Optional  *libRegion
		Regions   []libRegion
		ByRole    map[libRole]libRegion
		Values    map[string]any
		Unmirored string
	}
	libRegion struct {
		Location          string
		ResourceGroupName pulumi.StringInput
	}
	provEnum   string
	provValues struct {
		AllowedLocations []string           `pulumi:"allowedLocations,optional"`
		DDoSPlan         pulumi.StringInput `pulumi:"ddosPlan,optional"`
	}
	provArgs struct {
		Name     string                `pulumi:"name"`
		Count    int                   `pulumi:"count,optional"`
		Enabled  *bool                 `pulumi:"enabled,optional"`
		Window   int                   `pulumi:"windowSeconds,optional"`
		ID       pulumi.StringInput    `pulumi:"id,optional"`
		Region   *provRegion           `pulumi:"region,optional"`
		Optional *provRegion           `pulumi:"optional,optional"`
		Regions  []provRegion          `pulumi:"regions"`
		ByRole   map[string]provRegion `pulumi:"byRole,optional"`
		Values   *provValues           `pulumi:"values,optional"`
		Extra    string                `pulumi:"extra,optional"`
	}
	provRegion struct {
		Location          provEnum           `pulumi:"location"`
		ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	}
)

func init() {
	Pair(reflect.TypeFor[provArgs](), reflect.TypeFor[libArgs]())
}

func TestConvert(t *testing.T) {
	on := true
	rg := pulumi.String("rg-net")
	src := provArgs{
		Name: "net", Count: 2, Enabled: &on, Window: 90, ID: pulumi.String("id"),
		Region:  &provRegion{Location: "eastus", ResourceGroupName: rg},
		Regions: []provRegion{{Location: "eastus"}, {Location: "westus"}},
		ByRole:  map[string]provRegion{"apim": {Location: "eastus"}},
		Values:  &provValues{AllowedLocations: []string{"eastus"}},
	}
	var dst libArgs
	if err := Convert(&dst, src); err != nil {
		t.Fatal(err)
	}
	if dst.Name != "net" || dst.Count != 2 || !dst.Enabled || dst.Window != 90*time.Second || dst.ID != src.ID {
		t.Errorf("scalars: %+v", dst)
	}
	if dst.Region.Location != "eastus" || dst.Region.ResourceGroupName != rg {
		t.Errorf("nested struct from a pointer: %+v", dst.Region)
	}
	if dst.Optional != nil {
		t.Errorf("a nil provider pointer gave %+v, want nil", dst.Optional)
	}
	if len(dst.Regions) != 2 || dst.Regions[1].Location != "westus" {
		t.Errorf("slice: %+v", dst.Regions)
	}
	if dst.ByRole[libRole("apim")].Location != "eastus" {
		t.Errorf("map with a named key type: %+v", dst.ByRole)
	}
	if got := dst.Values; len(got) != 1 || !reflect.DeepEqual(got["allowedLocations"], []string{"eastus"}) {
		t.Errorf("named values: %v, want only allowedLocations (unset values left out)", got)
	}
}

func TestConvertRefusesAMismatch(t *testing.T) {
	var dst struct{ Count int }
	err := Convert(&dst, struct{ Count string }{"two"})
	if err == nil || !strings.Contains(err.Error(), "Count: cannot copy a string into a int") {
		t.Errorf("err = %v", err)
	}
	if err := Convert(dst, struct{}{}); err == nil {
		t.Error("Convert into a non-pointer succeeded")
	}
}

func TestRename(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Regions[0].Location: region \"mars\" is unknown", "regions[0].location: region \"mars\" is unknown"},
		{"Name is empty", "name is empty"},
		{"invalid args: Name is empty", "invalid args: name is empty"},
		{"Regions[1].ResourceGroupName is required", "regions[1].resourceGroupName is required"},
		{"set ResourceGroupName or Location", "set resourceGroupName or Location"},
		{"the Name of the Azure Location", "the Name of the Azure Location"},
		{"Regions[0].Nope is unknown", "Regions[0].Nope is unknown"},
		{"a\nWindow too long", "a\nwindowSeconds too long"},
		{"is also the region of Regions[0]", "is also the region of regions[0]"},
	} {
		if got := Rename(c.in); got != c.want {
			t.Errorf("Rename(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	lib := errors.New("Regions[0].Location: bad")
	err := NewInputError(lib)
	if err.Error() != "regions[0].location: bad" || !errors.Is(err, lib) {
		t.Errorf("NewInputError = %v (unwraps to the library's: %v)", err, errors.Is(err, lib))
	}
	if NewInputError(nil) != nil {
		t.Error("NewInputError(nil) is not nil")
	}
}

func TestCoverage(t *testing.T) {
	got := Coverage(reflect.TypeFor[provArgs](), reflect.TypeFor[libArgs]())
	want := []string{
		"library field libArgs.Unmirored (string) has no provider input",
		"provider field provArgs.Extra mirrors no field of mirror.libArgs",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Coverage = %q, want %q", got, want)
	}
	if got := Coverage(reflect.TypeFor[provArgs](), reflect.TypeFor[libArgs](), "Unmirored"); len(got) != 1 {
		t.Errorf("Coverage with an exclusion = %q, want only the provider-only field", got)
	}
}

func TestOutputs(t *testing.T) {
	lib := &struct {
		pulumi.ResourceState
		IDs pulumi.StringMapOutput `pulumi:"ids"`
	}{IDs: pulumi.StringMap{}.ToStringMapOutput()}
	var out struct {
		pulumi.ComponentResource
		IDs pulumi.StringMapOutput `pulumi:"ids"`
	}
	if err := Outputs(&out, lib); err != nil || out.IDs != lib.IDs {
		t.Errorf("Outputs: %v, %v", err, out.IDs)
	}
	var bad struct {
		Missing pulumi.StringOutput `pulumi:"missing"`
	}
	if err := Outputs(&bad, lib); err == nil {
		t.Error("Outputs of a field the component lacks succeeded")
	}
}

func TestOutputCoverage(t *testing.T) {
	type lib struct {
		pulumi.ResourceState
		IDs     pulumi.StringMapOutput `pulumi:"ids"`
		Names   pulumi.StringMapOutput `pulumi:"names"`
		Regions map[string]string
	}
	type prov struct {
		pulumi.ComponentResource
		IDs   pulumi.StringMapOutput `pulumi:"ids"`
		Extra pulumi.StringOutput    `pulumi:"extra"`
	}
	got := OutputCoverage(reflect.TypeFor[prov](), reflect.TypeFor[lib]())
	want := []string{
		`library output lib.Names ("names", pulumi.StringMapOutput) is not a provider output of the same name and type`,
		"provider output prov.Extra is not an output of mirror.lib",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OutputCoverage = %q, want %q", got, want)
	}
}
