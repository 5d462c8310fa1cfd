package standin

import (
	"context"
	"slices"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// TestExtensionResourceIDs: a diagnostic setting lives under the resource it
// extends, so two settings of one name on two accounts are two resources, and
// moving one to another resource replaces it.
func TestExtensionResourceIDs(t *testing.T) {
	p := newAzureNative(t)
	const token = "azure-native:insights:DiagnosticSetting"
	account := func(name string) string {
		return "/subscriptions/" + FakeSubscriptionID + "/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/" + name
	}
	setting := func(target string) map[string]any {
		return map[string]any{"name": "aiready-log-analytics", "resourceUri": target, "workspaceId": "/w"}
	}
	var ids []string
	for _, a := range []string{"oai-eastus", "oai-westus"} {
		resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn(token, a), Properties: mustStruct(t, props(setting(account(a))))})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, resp.GetId())
	}
	want := []string{
		account("oai-eastus") + "/providers/Microsoft.Insights/diagnosticSettings/aiready-log-analytics",
		account("oai-westus") + "/providers/Microsoft.Insights/diagnosticSettings/aiready-log-analytics",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	d, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{Urn: urn(token, "s"),
		OldInputs: mustStruct(t, props(setting(account("oai-eastus")))), News: mustStruct(t, props(setting(account("oai-westus"))))})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.GetReplaces(), []string{"resourceUri"}) {
		t.Errorf("moved setting: replaces %q, want resourceUri", d.GetReplaces())
	}
}
