package rules

import (
	"fmt"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// benchFixtures maps each fixture to the type it describes.
var benchFixtures = []struct{ file, token string }{
	{"account_valid", "azure-native:cognitiveservices/v20241001:Account"},
	{"deployment_valid", TypeDeployment},
	{"search_valid", TypeSearchService},
	{"ml_workspace_valid", TypeMLWorkspace},
	{"storage_valid", TypeStorageAccount},
	{"key_vault_valid", TypeKeyVault},
	{"vnet_valid", TypeVirtualNetwork},
	{"subnet_valid", TypeSubnet},
	{"nsg_valid", TypeNSG},
	{"security_rule_valid", TypeSecurityRule},
	{"nic_valid", TypeNetworkInterface},
	{"vm_valid", TypeVirtualMachine},
	{"gateway_er_valid", TypeGateway},
	{"gateway_vpn_valid", TypeGateway},
	{"connection_er_valid", TypeGatewayConnection},
	{"private_endpoint_valid", TypePrivateEndpoint},
	{"backend_member_valid", "azure-native:apimanagement/v20240501:Backend"},
	{"backend_pool_valid", "azure-native:apimanagement/v20240501:Backend"},
	{"management_group_valid", TypeManagementGroup},
	{"policy_assignment_valid", TypePolicyAssignment},
}

// realisticStack returns n resources: the fixtures in turn, each with its own names
// (accounts get their deployment, private endpoint and backend alongside).
func realisticStack(b testing.TB, n int) []*Resource {
	props := make([]resource.PropertyMap, len(benchFixtures))
	for i, f := range benchFixtures {
		props[i] = fixture(b, f.file)
	}
	out := make([]*Resource, 0, n)
	for i := 0; len(out) < n; i++ {
		k := i % len(benchFixtures)
		group := i / len(benchFixtures)
		p := props[k]
		f := benchFixtures[k]
		name := fmt.Sprintf("%s-%d", f.file, group)
		switch f.file {
		case "account_valid":
			p = set(p, "accountName", fmt.Sprintf("aoai-%d", group))
			p = set(p, "location", []string{"eastus2", "swedencentral"}[group%2])
		case "deployment_valid":
			p = set(p, "accountName", fmt.Sprintf("aoai-%d", group))
		case "private_endpoint_valid":
			p = set(p, "privateLinkServiceConnections[0].privateLinkServiceId", fmt.Sprintf("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-%d", group))
		}
		out = append(out, NewResource(f.token, urn(f.token, name), name, p))
	}
	return out
}

// BenchmarkRules times each resource rule on one resource of each type it reads.
func BenchmarkRules(b *testing.B) {
	ctx := NewContext()
	byType := map[string]*Resource{}
	for _, r := range realisticStack(b, len(benchFixtures)) {
		if _, ok := byType[r.Type]; !ok {
			byType[r.Type] = r
		}
	}
	for _, rule := range All() {
		if rule.IsStack() {
			continue
		}
		for _, typ := range rule.Types {
			r, ok := byType[typ]
			if !ok {
				continue
			}
			b.Run(rule.Name+"/"+typ[len("azure-native:"):], func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					r.classCtx = nil
					_ = rule.Run(ctx, r)
				}
			})
		}
	}
}

// BenchmarkPack times every rule (resource rules per resource, stack rules once) over a
// realistic stack; ns/op divided by the size is the cost per resource.
func BenchmarkPack(b *testing.B) {
	for _, n := range []int{100, 10000} {
		list := realisticStack(b, n)
		idx := NewIndex(All())
		var stackRules []*Rule
		for _, r := range All() {
			if r.IsStack() {
				stackRules = append(stackRules, r)
			}
		}
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ctx := NewContext()
				for _, r := range list {
					r.classCtx = nil
					for _, rule := range idx[r.Type] {
						_ = rule.Check(ctx, r)
					}
				}
				s := NewStack(list)
				for _, rule := range stackRules {
					_ = rule.CheckStack(ctx, s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
	}
}
