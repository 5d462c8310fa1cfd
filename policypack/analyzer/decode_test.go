package analyzer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/archive"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/asset"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
	"google.golang.org/protobuf/types/known/structpb"
)

// TestDecodeMatchesThePlugin checks that decode gives what plugin.UnmarshalProperties
// gives, on every fixture and on the special shapes the engine sends.
func TestDecodeMatchesThePlugin(t *testing.T) {
	var maps []resource.PropertyMap
	files, _ := filepath.Glob("../rules/testdata/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		maps = append(maps, resource.NewPropertyMapFromMap(m))
	}
	text, err := asset.FromText("hello")
	if err != nil {
		t.Fatal(err)
	}
	arch, err := archive.FromAssets(map[string]any{"a": text})
	if err != nil {
		t.Fatal(err)
	}
	maps = append(maps, resource.PropertyMap{
		"unknown":  resource.MakeComputed(resource.NewProperty("")),
		"secret":   resource.MakeSecret(resource.NewProperty(resource.PropertyMap{"a": resource.NewProperty(1.0)})),
		"nested":   resource.NewProperty([]resource.PropertyValue{resource.MakeSecret(resource.MakeComputed(resource.NewProperty("")))}),
		"output":   resource.NewProperty(resource.Output{Element: resource.NewProperty("x"), Known: true, Secret: true, Dependencies: []resource.URN{"urn:a"}}),
		"unknownO": resource.NewProperty(resource.Output{}),
		"ref":      resource.MakeCustomResourceReference("urn:pulumi:s::p::t::n", "id", "1.0.0"),
		"asset":    resource.NewProperty(text),
		"archive":  resource.NewProperty(arch),
		"null":     resource.NewNullProperty(),
		"bool":     resource.NewProperty(false),
	})
	opts := plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true}
	for i, m := range maps {
		s, err := plugin.MarshalProperties(m, opts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := plugin.UnmarshalProperties(s, marshalOptions("analyze"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decode(s)
		if err != nil {
			t.Fatal(err)
		}
		if !got.DeepEquals(want) {
			t.Errorf("map %d: decode = %v, plugin = %v", i, got, want)
		}
	}
	// Every typed unknown sentinel is unknown.
	for _, s := range []string{sig.UnknownBoolValue, sig.UnknownNumberValue, sig.UnknownArrayValue, sig.UnknownObjectValue} {
		got, err := decode(&structpb.Struct{Fields: map[string]*structpb.Value{"v": structpb.NewStringValue(s)}})
		if err != nil || !got["v"].IsComputed() {
			t.Errorf("sentinel %s: %v, %v", s, got, err)
		}
	}
}
