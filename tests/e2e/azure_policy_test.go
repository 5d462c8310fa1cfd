package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
)

// tenantPolicyConfig writes the example policy config with the pack's
// azure-policy-assignments policy enforced and pointed at the tenant exports
// of tests/testdata/azure-policy named by dirs, the estate's groups above the
// stacks' own given as hierarchy.
func tenantPolicyConfig(t *testing.T, hierarchy map[string]string, dirs ...string) string {
	t.Helper()
	b, err := os.ReadFile(engine.ExamplePolicyConfig(env.Root))
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	files := make([]string, 0, len(dirs))
	for _, d := range dirs {
		files = append(files, filepath.Join(env.Root, "tests", "testdata", "azure-policy", d))
	}
	cfg["azure-policy-assignments"] = map[string]any{
		"enforcementLevel":            "mandatory",
		"azurePolicyFiles":            files,
		"azurePolicyManagementGroups": hierarchy,
	}
	return writeJSON(t, "policy-config.json", cfg)
}

// writeJSON writes v as a JSON file of the test's temporary directory.
func writeJSON(t *testing.T, name string, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTenantPolicyStopsPreview previews the shipped dev stack through the real
// engine with the pack judging it by a tenant's exported policy: a tenant that
// allows only EU regions at its root group (built-in Allowed locations, Deny)
// stops the preview of a stack in swedencentral, on the AI account, naming the
// assignment and the definition, before anything is created; no other policy
// is mandatory-violated.
func TestTenantPolicyStopsPreview(t *testing.T) {
	cfg := tenantPolicyConfig(t, map[string]string{"sandbox": "alz", "alz": ""}, "builtins", "eu-only")
	st := newStack(t, "dev", stackProgram())
	r, err := st.Preview(context.Background(), engine.PreviewOptions{PolicyPacks: []string{policyPack(t)}, PolicyConfigs: []string{cfg}})
	logResult(t, r)
	if err == nil {
		t.Fatal("the preview succeeded; want it stopped by the tenant's Allowed-Locations-EU")
	}
	account := false
	for _, v := range r.Mandatory() {
		if v.Policy != "azure-policy-assignments" {
			t.Errorf("mandatory %s on %s: %s; want only the tenant's Deny", v.Policy, v.URN, v.Message)
			continue
		}
		if !strings.Contains(v.Message, `policy assignment "Allowed-Locations-EU"`) || !strings.Contains(v.Message, "e56962a6-4747-49cd-b67b-bf8b01975c4c") {
			t.Errorf("mandatory on %s does not name the assignment and the definition: %s", v.URN, v.Message)
		}
		if strings.Contains(v.URN, ":cognitiveservices") && strings.HasSuffix(v.URN, "-account") {
			account = true
			t.Logf("the AI account: %s", v.Message)
		}
	}
	if !account {
		t.Errorf("no mandatory violation on the AI account; mandatory: %v", describeAll(r.Mandatory()))
	}
}
