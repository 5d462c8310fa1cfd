package props

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
)

func TestOfResolvesEveryShape(t *testing.T) {
	cases := []struct {
		name string
		in   resource.PropertyValue
		want Kind
	}{
		{"null", resource.NewNullProperty(), Null},
		{"bool", resource.NewProperty(true), Bool},
		{"number", resource.NewProperty(1.5), Number},
		{"string", resource.NewProperty("x"), String},
		{"unknown sentinel", resource.NewProperty(plugin.UnknownStringValue), Unknown},
		{"array", resource.NewProperty([]resource.PropertyValue{}), Array},
		{"object", resource.NewProperty(resource.PropertyMap{}), Object},
		{"computed", resource.MakeComputed(resource.NewProperty("")), Unknown},
		{"secret", resource.MakeSecret(resource.NewProperty("s")), String},
		{"nil secret", resource.PropertyValue{V: (*resource.Secret)(nil)}, Null},
		{"known output", resource.NewProperty(resource.Output{Element: resource.NewProperty(true), Known: true}), Bool},
		{"unknown output", resource.NewProperty(resource.Output{}), Unknown},
		{"secret output of a secret", resource.MakeSecret(resource.NewProperty(resource.Output{Element: resource.MakeSecret(resource.NewProperty(2.0)), Known: true})), Number},
		{"resource reference", resource.NewProperty(resource.ResourceReference{URN: "urn:x"}), Other},
	}
	for _, tc := range cases {
		if got := Of(tc.in).Kind(); got != tc.want {
			t.Errorf("%s: kind %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestGetWalksPaths(t *testing.T) {
	m := resource.NewPropertyMapFromMap(map[string]any{
		"properties": map[string]any{"networkAcls": map[string]any{"defaultAction": "Deny", "ipRules": []any{"a", 3.0}}},
		"flag":       "TRUE",
		"count":      " 7 ",
		"list":       []any{"x", "y"},
	})
	m["secret"] = resource.MakeSecret(resource.NewProperty(resource.PropertyMap{"inner": resource.NewProperty("v")}))
	m["later"] = resource.MakeComputed(resource.NewProperty(""))

	if s, ok := Get(m, "properties", "networkAcls", "defaultAction").Str(); !ok || s != "Deny" {
		t.Fatalf("keys: %q %v", s, ok)
	}
	if !Map(m).Get("properties.networkAcls.defaultAction").Equal("deny") {
		t.Fatal("dotted path or Equal failed")
	}
	if s, _ := Get(m, "secret", "inner").Str(); s != "v" {
		t.Fatal("secret not unwrapped")
	}
	if !Get(m, "later", "any", "depth").IsUnknown() {
		t.Fatal("the field of an unknown value must be unknown")
	}
	if k := Get(m, "flag", "x").Kind(); k != Absent {
		t.Fatalf("the field of a string is %v, want absent", k)
	}
	if b, ok := Get(m, "flag").Bool(); !ok || !b {
		t.Fatal("\"TRUE\" is a boolean")
	}
	if n, ok := Get(m, "count").Num(); !ok || n != 7 {
		t.Fatal("\" 7 \" is a number")
	}
	rules := Get(m, "properties", "networkAcls", "ipRules")
	if rules.Len() != 2 || rules.Index(5).Kind() != Absent || rules.Index(-1).Kind() != Absent {
		t.Fatal("Len or Index out of range")
	}
	if got, unknown := rules.Strings(); len(got) != 1 || got[0] != "a" || unknown {
		t.Fatalf("Strings skips non-strings: %v %v", got, unknown)
	}
	if got, _ := Get(m, "flag").Strings(); len(got) != 1 {
		t.Fatal("a single string is a list of one")
	}
	if _, unknown := Get(m, "later").Strings(); !unknown {
		t.Fatal("Strings of an unknown value")
	}
	if !Map(m).HasUnknown() || Get(m, "properties").HasUnknown() {
		t.Fatal("HasUnknown")
	}
	if Get(nil, "x").Kind() != Absent || Map(nil).Kind() != Null || !Map(nil).IsAbsent() {
		t.Fatal("nil maps")
	}
	if Get(m, "list").Object() != nil || Get(m, "properties").Object() == nil {
		t.Fatal("Object")
	}
	if Kind(200).String() != "kind(200)" || Unknown.String() != "unknown" {
		t.Fatal("Kind.String")
	}
}

func TestSecretsAreMarked(t *testing.T) {
	m := resource.PropertyMap{
		"s":    resource.MakeSecret(resource.NewProperty(resource.PropertyMap{"inner": resource.NewProperty("v")})),
		"o":    resource.NewProperty(resource.Output{Element: resource.NewProperty("x"), Known: true, Secret: true}),
		"list": resource.MakeSecret(resource.NewProperty([]resource.PropertyValue{resource.NewProperty("a")})),
		"p":    resource.NewProperty("plain"),
	}
	if !Get(m, "s", "inner").IsSecret() || !Get(m, "o").IsSecret() || !Get(m, "list").Index(0).IsSecret() || Get(m, "p").IsSecret() {
		t.Fatal("secretness is not carried to the values read")
	}
}
