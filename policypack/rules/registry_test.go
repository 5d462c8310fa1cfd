package rules

import (
	"slices"
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestRegistryIsValid(t *testing.T) {
	if err := Validate(All()); err != nil {
		t.Fatal(err)
	}
}

func TestEveryConfigKeyHasOneHome(t *testing.T) {
	for _, k := range config.Keys {
		if ConfigHome(All(), k.Name) == nil {
			t.Errorf("config key %q has no home rule", k.Name)
		}
	}
	for _, r := range All() {
		for _, k := range r.Config {
			if _, ok := config.LookupKey(k); !ok {
				t.Errorf("rule %s owns config key %q, which config does not define", r.Name, k)
			}
		}
	}
}

func TestValidateRejectsBadRules(t *testing.T) {
	ok := *AIServicesDisableLocalAuth
	cases := map[string]func(r *Rule){
		"not kebab":               func(r *Rule) { r.Name = "Bad_Name" },
		"no sentence":             func(r *Rule) { r.Description = "lower case and no period" },
		"no mirrors":              func(r *Rule) { r.Mirrors, r.BuiltIns = "", nil },
		"built-in without a name": func(r *Rule) { r.BuiltIns = []BuiltIn{{ID: r.BuiltIns[0].ID}} },
		"built-in id not a GUID":  func(r *Rule) { r.BuiltIns = []BuiltIn{{ID: "71ef260a", DisplayName: "x"}} },
		"bad level":               func(r *Rule) { r.Level = "loud" },
		"check and stack":         func(r *Rule) { r.CheckStack = func(*Context, *Stack) []Finding { return nil } },
		"neither function":        func(r *Rule) { r.Check = nil },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			r := ok
			change(&r)
			if err := Validate([]*Rule{&r}); err == nil {
				t.Fatal("Validate accepted a broken rule")
			}
		})
	}
	dup := ok
	if err := Validate([]*Rule{&ok, &dup}); err == nil {
		t.Fatal("Validate accepted a duplicate name")
	}
}

func TestAllIsSortedAndComplete(t *testing.T) {
	all := All()
	if len(all) < 30 {
		t.Fatalf("%d rules registered, want at least 30", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b *Rule) int {
		if a.Name < b.Name {
			return -1
		}
		return 1
	}) {
		t.Fatal("All is not sorted by name")
	}
	if ByName("ai-services-disable-local-auth") != AIServicesDisableLocalAuth || ByName("nope") != nil {
		t.Fatal("ByName does not find rules by name")
	}
}

func TestNormalizeType(t *testing.T) {
	cases := map[string]string{
		"azure-native:cognitiveservices/v20241001:Account":   TypeAccount,
		"azure-native:cognitiveservices:Account":             TypeAccount,
		"azure-native:apimanagement/v20240501:Backend":       TypeAPIMBackend,
		"azure-native:network/v20240501preview:SecurityRule": TypeSecurityRule,
		"azure-native:cognitiveservices/vNext:Account":       "azure-native:cognitiveservices/vNext:Account",
		"aiready:ai:RegionalAIEndpoint":                      "aiready:ai:RegionalAIEndpoint",
		"pulumi:providers:azure-native":                      "pulumi:providers:azure-native",
		"nocolon":                                            "nocolon",
		"a:b/c:d":                                            "a:b/c:d",
	}
	for in, want := range cases {
		if got := NormalizeType(in); got != want {
			t.Errorf("NormalizeType(%q) = %q, want %q", in, got, want)
		}
	}
}
