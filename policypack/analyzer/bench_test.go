package analyzer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

var benchTokens = map[string]string{
	"account_valid":           "azure-native:cognitiveservices/v20241001:Account",
	"deployment_valid":        "azure-native:cognitiveservices:Deployment",
	"search_valid":            "azure-native:search:Service",
	"ml_workspace_valid":      "azure-native:machinelearningservices:Workspace",
	"storage_valid":           "azure-native:storage:StorageAccount",
	"key_vault_valid":         "azure-native:keyvault:Vault",
	"vnet_valid":              "azure-native:network:VirtualNetwork",
	"subnet_valid":            "azure-native:network:Subnet",
	"nsg_valid":               "azure-native:network:NetworkSecurityGroup",
	"security_rule_valid":     "azure-native:network:SecurityRule",
	"nic_valid":               "azure-native:network:NetworkInterface",
	"vm_valid":                "azure-native:compute:VirtualMachine",
	"gateway_er_valid":        "azure-native:network:VirtualNetworkGateway",
	"gateway_vpn_valid":       "azure-native:network:VirtualNetworkGateway",
	"connection_er_valid":     "azure-native:network:VirtualNetworkGatewayConnection",
	"private_endpoint_valid":  "azure-native:network:PrivateEndpoint",
	"backend_member_valid":    "azure-native:apimanagement/v20240501:Backend",
	"backend_pool_valid":      "azure-native:apimanagement/v20240501:Backend",
	"management_group_valid":  "azure-native:management:ManagementGroup",
	"policy_assignment_valid": "azure-native:authorization:PolicyAssignment",
}

// benchResources returns n engine-shaped resources built from the rules' fixtures, each
// with an explicit provider, as AnalyzeStack receives them.
func benchResources(b *testing.B, n int) []*pulumirpc.AnalyzerResource {
	files, err := filepath.Glob("../rules/testdata/*.json")
	if err != nil || len(files) == 0 {
		b.Fatalf("fixtures: %v", err)
	}
	provider := &pulumirpc.AnalyzerProviderResource{
		Type: "pulumi:providers:azure-native", Urn: "urn:pulumi:prod::ai-ready::pulumi:providers:azure-native::workload",
		Properties: marshal(b, map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222", "location": "eastus2"}),
	}
	var out []*pulumirpc.AnalyzerResource
	for i := 0; len(out) < n; i++ {
		f := files[i%len(files)]
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
		token := benchTokens[name]
		urn := fmt.Sprintf("urn:pulumi:prod::ai-ready::%s::%s-%d", token, name, i)
		out = append(out, &pulumirpc.AnalyzerResource{Type: token, Urn: urn, Name: fmt.Sprintf("%s-%d", name, i), Properties: marshal(b, m), Provider: provider})
	}
	return out
}

func marshal(b *testing.B, m map[string]any) *structpb.Struct {
	s, err := plugin.MarshalProperties(resource.NewPropertyMapFromMap(m), plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkAnalyze times the server's Analyze per resource: decoding the engine's struct,
// dispatching, every applicable rule.
func BenchmarkAnalyze(b *testing.B) {
	srv, err := New(Options{Name: packName, Version: packVersion})
	if err != nil {
		b.Fatal(err)
	}
	res := benchResources(b, 20)
	reqs := make([]*pulumirpc.AnalyzeRequest, len(res))
	for i, r := range res {
		reqs[i] = &pulumirpc.AnalyzeRequest{Type: r.Type, Urn: r.Urn, Name: r.Name, Properties: r.Properties, Provider: r.Provider}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := srv.Analyze(context.Background(), reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAnalyzeStack times AnalyzeStack over 10,000 resources, decoding included.
func BenchmarkAnalyzeStack(b *testing.B) {
	srv, err := New(Options{Name: packName, Version: packVersion})
	if err != nil {
		b.Fatal(err)
	}
	req := &pulumirpc.AnalyzeStackRequest{Resources: benchResources(b, 10000)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := srv.AnalyzeStack(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
