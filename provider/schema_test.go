package provider

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
)

// schemaFile is the committed schema: `pulumi package get-schema` of the plugin
// (scripts/gen-sdk writes it; tests/e2e checks the built plugin's against it too).
const schemaFile = "schema.json"

// liveSchema is the provider's schema, as the plugin serves it.
func liveSchema(t *testing.T) map[string]any {
	t.Helper()
	prov, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := integration.NewServer(context.Background(), Name, semver.MustParse(Version), integration.WithProvider(prov))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.GetSchema(p.GetSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(resp.Schema), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSchemaIsCurrent fails when the committed schema.json differs from the
// provider's: run scripts/gen-sdk and commit schema.json and sdk/.
func TestSchemaIsCurrent(t *testing.T) {
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v: run scripts/gen-sdk", err)
	}
	var committed map[string]any
	if err := json.Unmarshal(b, &committed); err != nil {
		t.Fatal(err)
	}
	live := liveSchema(t)
	if !reflect.DeepEqual(committed, live) {
		t.Fatalf("%s is stale (%s): run scripts/gen-sdk and commit provider/schema.json and sdk/", schemaFile, firstDifference("", committed, live))
	}
}

// firstDifference names the first path where two decoded JSON values differ.
func firstDifference(path string, a, b any) string {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			if !reflect.DeepEqual(am[k], bm[k]) {
				return firstDifference(path+"/"+k, am[k], bm[k])
			}
		}
	}
	return path
}

// TestSchemaMetadata checks the package's name, version, description, repository,
// keywords and the SDK package name of every language.
func TestSchemaMetadata(t *testing.T) {
	s := liveSchema(t)
	for key, want := range map[string]string{"name": Name, "version": Version, "description": Description, "repository": Repository} {
		if s[key] != want {
			t.Errorf("schema %s = %v, want %q", key, s[key], want)
		}
	}
	if kw, _ := s["keywords"].([]any); len(kw) != len(Keywords) {
		t.Errorf("keywords = %v, want %v", s["keywords"], Keywords)
	}
	lang, _ := s["language"].(map[string]any)
	for l, key := range map[string]string{"nodejs": "packageName", "python": "packageName", "csharp": "rootNamespace", "go": "importBasePath"} {
		section, _ := lang[l].(map[string]any)
		if v, _ := section[key].(string); v == "" {
			t.Errorf("language.%s.%s is not set: %v", l, key, lang[l])
		}
	}
}

// TestSchemaComponents checks every resource: one of the library's components under
// its token, a component resource, documented with every input and output, and the
// credentials secret.
func TestSchemaComponents(t *testing.T) {
	s := liveSchema(t)
	resources, _ := s["resources"].(map[string]any)
	want := []string{
		"aiready:ai:AIGateway", "aiready:ai:RegionalAIEndpoint",
		"aiready:governance:AIPolicyBaseline", "aiready:governance:ManagementGroupHierarchy",
		"aiready:network:SecureNetwork", "aiready:reliability:AssetReplication",
	}
	var got []string
	for tok, raw := range resources {
		got = append(got, tok)
		r := raw.(map[string]any)
		if r["isComponent"] != true {
			t.Errorf("%s is not a component resource", tok)
		}
		if d, _ := r["description"].(string); d == "" {
			t.Errorf("%s has no description", tok)
		}
		for _, section := range []string{"inputProperties", "properties"} {
			props, _ := r[section].(map[string]any)
			if len(props) == 0 {
				t.Errorf("%s has no %s", tok, section)
			}
			undocumented(t, tok+"."+section, props)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("resources = %v, want %v", got, want)
	}
	types, _ := s["types"].(map[string]any)
	for tok, raw := range types {
		ty := raw.(map[string]any)
		if d, _ := ty["description"].(string); d == "" && ty["enum"] == nil {
			t.Errorf("type %s has no description", tok)
		}
		props, _ := ty["properties"].(map[string]any)
		undocumented(t, tok, props)
	}
	for _, secret := range []string{
		"aiready:network:SiteToSite/sharedKey",
		"aiready:network:ExpressRoute/authorizationKey",
		"aiready:network:Jumpbox/adminPassword",
	} {
		tok, prop, _ := strings.Cut(secret, "/")
		ty, _ := types[tok].(map[string]any)
		props, _ := ty["properties"].(map[string]any)
		if p, _ := props[prop].(map[string]any); p["secret"] != true {
			t.Errorf("%s is not secret: %v", secret, props[prop])
		}
	}
}

func undocumented(t *testing.T, where string, props map[string]any) {
	t.Helper()
	for name, raw := range props {
		if d, _ := raw.(map[string]any)["description"].(string); d == "" {
			t.Errorf("%s.%s has no description", where, name)
		}
	}
}
