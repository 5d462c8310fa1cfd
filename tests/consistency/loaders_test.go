package consistency

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/policypack/config"
)

// mutate returns the embedded catalog with one change applied to its JSON form.
func mutate(t *testing.T, change func(c map[string]any)) []byte {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(catalog.DefaultJSON(), &c); err != nil {
		t.Fatal(err)
	}
	change(c)
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func obj(v any, keys ...string) map[string]any {
	m := v.(map[string]any)
	for _, k := range keys {
		m = m[k].(map[string]any)
	}
	return m
}

// TestLoadersAgree feeds the same catalogs, valid and broken, through the library's
// loader and the policy pack's (generated from the same facts.go): both must accept
// or refuse each, with the same message. The two once disagreed (a quota of 0 passed
// the library, a region named east-us-3 passed the pack).
func TestLoadersAgree(t *testing.T) {
	cases := map[string]func(c map[string]any){
		"unchanged":  func(map[string]any) {},
		"quota zero": func(c map[string]any) { obj(c, "quotas", "default")["Standard"] = 0 },
		"region with hyphens": func(c map[string]any) {
			obj(c, "regions")["east-us-3"] = map[string]any{"displayName": "x", "services": []any{}}
		},
		"unknown pair": func(c map[string]any) { obj(c, "regions", "eastus")["pair"] = "nowhere" },
		"version region": func(c map[string]any) {
			obj(c, "models", "gpt-4o", "versions", "2024-11-20", "deployments")["Standard"] = []any{"mars"}
		},
		"region without openai": func(c map[string]any) {
			obj(c, "models", "gpt-4o", "versions", "2024-11-20", "deployments")["Standard"] = []any{"westus2"}
		},
		"lifecycle date": func(c map[string]any) {
			obj(c, "models", "gpt-4o", "versions", "2024-11-20", "lifecycle")["retirement"] = "2026-13-01"
		},
		"unknown field": func(c map[string]any) { c["extra"] = true },
		"no versions":   func(c map[string]any) { obj(c, "models", "gpt-4o")["versions"] = map[string]any{} },
		"bad scope":     func(c map[string]any) { obj(c, "deploymentTypes", "Standard")["scope"] = "planet" },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			data := mutate(t, change)
			_, libErr := catalog.Load(bytes.NewReader(data))
			_, packErr := config.LoadCatalog(data)
			if (libErr == nil) != (packErr == nil) {
				t.Fatalf("verdicts differ: library %v, pack %v", libErr, packErr)
			}
			if name == "unchanged" && libErr != nil {
				t.Fatalf("the embedded catalog is refused: %v", libErr)
			}
			if name != "unchanged" && libErr == nil {
				t.Fatal("both loaders accept a broken catalog")
			}
			if libErr != nil && strings.TrimPrefix(libErr.Error(), "catalog: ") != packErr.Error() {
				t.Errorf("messages differ:\n library %v\n pack    %v", libErr, packErr)
			}
		})
	}
}

// TestImportLoadersAgree: a subscription's import, valid or broken, gets the same
// verdict from the library (ai-ready:catalogImport) and from the pack (its
// catalogImport config key), which share the generated import code.
func TestImportLoadersAgree(t *testing.T) {
	const sub = `"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02"`
	cases := map[string]string{
		"valid":          `{` + sub + `, "regions": {"eastus": {"models": {"gpt-4o": {"2024-11-20": {"format": "OpenAI", "deploymentTypes": ["Standard"]}}}}}}`,
		"unknown region": `{` + sub + `, "regions": {"mars": {"models": {}}}}`,
		"unknown type":   `{` + sub + `, "regions": {"eastus": {"models": {"m": {"1": {"deploymentTypes": ["Premium"]}}}}}}`,
		"negative quota": `{` + sub + `, "regions": {"eastus": {"models": {}, "quotas": {"m": {"Standard": {"limit": -1, "used": 0}}}}}}`,
		"bad date":       `{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-13-01", "regions": {"eastus": {"models": {}}}}`,
		"unknown field":  `{` + sub + `, "regions": {}, "extra": 1}`,
	}
	for name, js := range cases {
		t.Run(name, func(t *testing.T) {
			_, libErr := catalog.Default().LoadImport(strings.NewReader(js))
			var v any
			if err := json.Unmarshal([]byte(js), &v); err != nil {
				t.Fatal(err)
			}
			packErr := config.Default().Set("catalogImport", v)
			if (libErr == nil) != (packErr == nil) || (name == "valid") != (libErr == nil) {
				t.Fatalf("verdicts: library %v, pack %v", libErr, packErr)
			}
			if libErr != nil && strings.TrimPrefix(libErr.Error(), "catalog import: ") != strings.TrimPrefix(packErr.Error(), "catalogImport: ") {
				t.Errorf("messages differ:\n library %v\n pack    %v", libErr, packErr)
			}
		})
	}
}
