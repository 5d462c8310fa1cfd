package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

const importSub = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01"

// corpImport writes a catalog import (the shape go run ./catalog/cmd/import writes)
// of the corp stack's two regions: gpt-5 2025-08-07 as DataZoneStandard in both, with
// chatUsed of 300 in use in eastus, and text-embedding-3-small as Standard only
// where withEmbedding says.
func corpImport(t *testing.T, chatUsed int, withEmbedding map[string]bool) string {
	t.Helper()
	regions := map[string]any{}
	for _, r := range []string{"eastus", "westus"} {
		models := map[string]any{"gpt-5": map[string]any{"2025-08-07": map[string]any{"format": "OpenAI", "deploymentTypes": []string{"DataZoneStandard"}}}}
		quotas := map[string]any{"gpt-5": map[string]any{"DataZoneStandard": map[string]int{"limit": 300, "used": 0}}}
		if withEmbedding[r] {
			models["text-embedding-3-small"] = map[string]any{"1": map[string]any{"format": "OpenAI", "deploymentTypes": []string{"Standard"}}}
			quotas["text-embedding-3-small"] = map[string]any{"Standard": map[string]int{"limit": 350, "used": 0}}
		}
		if r == "eastus" {
			quotas["gpt-5"] = map[string]any{"DataZoneStandard": map[string]int{"limit": 300, "used": chatUsed}}
		}
		regions[r] = map[string]any{"models": models, "quotas": quotas}
	}
	return writeJSON(t, "catalog-import.json", map[string]any{"subscription": importSub, "date": "2026-12-02", "regions": regions})
}

// TestCatalogImportPreview previews the corp stack with ai-ready:catalogImport
// pointing at a subscription's import: a model the import lacks in a region, and a
// capacity above what is left of a nearly used quota, fail the preview before
// anything is registered, naming the import as the source of the verdict.
func TestCatalogImportPreview(t *testing.T) {
	both := map[string]bool{"eastus": true, "westus": true}
	const source = "(per the import from subscription " + importSub + " on 2026-12-02)"
	cases := []struct {
		name string
		file string
		want string
	}{
		{"a model missing from a region", corpImport(t, 0, map[string]bool{"eastus": true}),
			`ai-ready:models[1]: model "text-embedding-3-small" version "1" as Standard is not offered in region "westus"; regions that offer it: `},
		{"a nearly used quota", corpImport(t, 270, both),
			`ai-ready:models[0]: model "gpt-5" as DataZoneStandard in "eastus": capacity 50 is over quota: 30 (1K tokens per minute) of the subscription's quota of 300 is left in eastus ` + source},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := newStack(t, "corp", stackProgram(), func(o *engine.StackOptions) {
				o.Config = map[string]string{"ai-ready:catalogImport": tc.file}
			})
			r, err := st.Preview(context.Background(), engine.PreviewOptions{})
			logResult(t, r)
			if err == nil {
				t.Fatal("the preview succeeded")
			}
			got := err.Error() + "\n" + diagnostics(r)
			if !strings.Contains(got, tc.want) || !strings.Contains(got, source) {
				t.Errorf("preview failure does not say %q %s:\n%s", tc.want, source, got)
			}
			if c := r.Counts(); c.Azure != 0 {
				t.Errorf("the preview registered %d Azure resources before failing", c.Azure)
			}
		})
	}
	t.Run("what the subscription has", func(t *testing.T) {
		t.Parallel()
		st := newStack(t, "corp", stackProgram(), func(o *engine.StackOptions) {
			o.Config = map[string]string{"ai-ready:catalogImport": corpImport(t, 100, both)}
		})
		r, err := st.Preview(context.Background(), engine.PreviewOptions{})
		if err != nil && strings.Contains(err.Error()+diagnostics(r), "catalogImport") {
			logResult(t, r)
			t.Fatalf("an import that offers the corp models with quota left is refused: %v", err)
		}
	})
}
