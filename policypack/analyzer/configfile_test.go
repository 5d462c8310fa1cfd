package analyzer

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// engineConfigure does what the engine does with a policy config file
// (pkg/v3 resource/analyzer/config.go at v3.274.1): start from each policy's level and
// the pack's initial config, apply "all", then each policy's level and properties
// (top-level keys replace), and send the result to Configure.
func engineConfigure(t *testing.T, c pulumirpc.AnalyzerClient, file string) error {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	info, err := c.GetAnalyzerInfo(context.Background(), &emptypb.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]pulumirpc.EnforcementLevel{}
	props := map[string]map[string]any{}
	for _, p := range info.GetPolicies() {
		levels[p.GetName()] = p.GetEnforcementLevel()
		props[p.GetName()] = map[string]any{}
	}
	for name, ic := range info.GetInitialConfig() {
		levels[name] = ic.GetEnforcementLevel()
		for k, v := range ic.GetProperties().AsMap() {
			props[name][k] = v
		}
	}
	parse := func(s string) pulumirpc.EnforcementLevel {
		return pulumirpc.EnforcementLevel(pulumirpc.EnforcementLevel_value[strings.ToUpper(s)])
	}
	if all, ok := raw["all"].(string); ok {
		for name := range levels {
			levels[name] = parse(all)
		}
	}
	for name, v := range raw {
		if name == "all" {
			continue
		}
		if _, ok := props[name]; !ok {
			props[name] = map[string]any{}
		}
		switch v := v.(type) {
		case string:
			levels[name] = parse(v)
		case map[string]any:
			if l, ok := v["enforcementLevel"].(string); ok {
				levels[name] = parse(l)
				delete(v, "enforcementLevel")
			}
			for k, pv := range v {
				props[name][k] = pv
			}
		}
	}
	req := &pulumirpc.ConfigureAnalyzerRequest{PolicyConfig: map[string]*pulumirpc.PolicyConfig{}}
	for name, lvl := range levels {
		s, err := structpb.NewStruct(props[name])
		if err != nil {
			t.Fatal(err)
		}
		req.PolicyConfig[name] = &pulumirpc.PolicyConfig{EnforcementLevel: lvl, Properties: s}
	}
	_, err = c.Configure(context.Background(), req)
	return err
}

func TestExampleConfigFiles(t *testing.T) {
	c := start(t, Options{})
	if err := engineConfigure(t, c, "../testdata/config/valid.json"); err != nil {
		t.Fatalf("valid.json: %v", err)
	}
	d := analyze(t, c, "azure-native:cognitiveservices:Deployment", map[string]any{
		"sku":        map[string]any{"name": "GlobalStandard", "capacity": 10},
		"properties": map[string]any{"model": map[string]any{"name": "o3-mini", "version": "2025-01-31"}, "raiPolicyName": "Microsoft.DefaultV2"},
	})["ai-deployments-approved-models"]
	if d == nil || !strings.HasPrefix(d.GetMessage(), `model "o3-mini" is not approved`) {
		t.Fatalf("valid.json's allowedModels not applied: %v", d)
	}
	err := engineConfigure(t, start(t, Options{}), "../testdata/config/invalid.json")
	want := `governance-no-ai-in-platform-subscriptions: platformSubscriptions.connectivity[0]: "not-a-subscription" is not a subscription id (a GUID)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("invalid.json: error = %v, want it to contain %q", err, want)
	}
}
