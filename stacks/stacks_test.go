package stacks

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/azure/management"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// shippedConfig reads Pulumi.<stack>.yaml from the repository root as the flat
// "namespace:key" → value map the engine passes to programs (objects as JSON).
func shippedConfig(t testing.TB, stack string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "Pulumi."+stack+".yaml"))
	require.NoError(t, err)
	var file struct {
		Config map[string]any `yaml:"config"`
	}
	require.NoError(t, yaml.Unmarshal(b, &file))
	out := map[string]string{}
	for k, v := range file.Config {
		if s, ok := v.(string); ok {
			out[k] = s
			continue
		}
		j, err := json.Marshal(v)
		require.NoError(t, err)
		out[k] = string(j)
	}
	return out
}

// mapSource is a Source over a flat config map, for pure config tests.
type mapSource struct {
	values  map[string]string
	secrets map[string]bool
}

func (m mapSource) Get(key string) (string, bool, bool) {
	v, ok := m.values[Namespace+":"+key]
	return v, ok, m.secrets[Namespace+":"+key]
}

func runStack(t testing.TB, stack string, cfg map[string]string, secretKeys ...string) (*pulumitest.Recorder, error) {
	t.Helper()
	return pulumitest.Run(Program, pulumitest.WithStack(stack), pulumitest.WithConfig(cfg), pulumitest.WithSecretConfig(secretKeys...))
}

func TestShippedConfigsLoad(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			cfg, err := LoadConfig(stack, mapSource{values: shippedConfig(t, stack)})
			require.NoError(t, err)
			assert.Equal(t, stack, cfg.Archetype)
			_, err = NewPlan(cfg)
			require.NoError(t, err)
		})
	}
}

func TestStackGovernance(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			cfg := shippedConfig(t, stack)
			rec, err := runStack(t, stack, cfg)
			require.NoError(t, err)

			groups := rec.ByType(management.ManagementGroupType)
			require.Len(t, groups, 1, "each stack has its own management group")
			var mg ManagementGroupConfig
			require.NoError(t, json.Unmarshal([]byte(cfg["ai-ready:managementGroup"]), &mg))
			assert.Equal(t, mg.ID, groups[0].String("groupId"))
			assert.Equal(t, "/providers/Microsoft.Management/managementGroups/"+mg.ParentID, groups[0].String("details.parent.id"))

			subs := rec.ByType(management.ManagementGroupSubscriptionType)
			require.Len(t, subs, 1)
			var s SubscriptionsConfig
			require.NoError(t, json.Unmarshal([]byte(cfg["ai-ready:subscriptions"]), &s))
			assert.Equal(t, s.Workload, subs[0].String("subscriptionId"), "the workload subscription is placed under the stack's group")
			assert.Equal(t, mg.ID, subs[0].String("groupId"))

			for _, a := range rec.ByType("azure-native:authorization:PolicyAssignment") {
				assert.Equal(t, "/providers/Microsoft.Management/managementGroups/"+mg.ID, a.String("scope"), a.Name)
				assert.Equal(t, stack, a.String("metadata.aiready.archetype"), a.Name)
			}
		})
	}
}

func TestExplicitProviderForEveryAzureResource(t *testing.T) {
	rec, err := runStack(t, "corp", shippedConfig(t, "corp"))
	require.NoError(t, err)
	providers := rec.ByType("pulumi:providers:azure-native")
	require.Len(t, providers, 1)
	assert.Equal(t, "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", providers[0].String("subscriptionId"))
	for _, r := range rec.Resources() {
		if !r.Custom || !strings.HasPrefix(r.Type, "azure-native:") {
			continue
		}
		assert.True(t, strings.HasPrefix(r.Provider, providers[0].URN+"::"), "%s %s must use the workload provider, not the default; got %q", r.Type, r.Name, r.Provider)
	}
}

func TestBadConfig(t *testing.T) {
	cases := []struct {
		name   string
		stack  string
		change func(cfg map[string]string)
		want   string
	}{
		{"missing subscription id", "corp", func(c map[string]string) {
			c["ai-ready:subscriptions"] = `{"platform":{"connectivity":["0a1b2c3d-0000-4000-8000-000000000001"]}}`
		}, "ai-ready:subscriptions.workload: is not set; set it to the id of the workload"},
		{"platform subscription as workload", "corp", func(c map[string]string) {
			c["ai-ready:subscriptions"] = `{"workload":"0a1b2c3d-0000-4000-8000-000000000001","platform":{"connectivity":["0a1b2c3d-0000-4000-8000-000000000001"]}}`
		}, `ai-ready:subscriptions.workload: "0a1b2c3d-0000-4000-8000-000000000001" is the platform connectivity subscription`},
		{"production with one region", "corp", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"eastus2","addressSpace":"10.20.0.0/22"}]`
		}, "ai-ready:regions: has one region (eastus2) but environment is production: production AI endpoints need at least two regions; add a secondary region (e.g. centralus)"},
		{"secondary equal to primary", "corp", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"eastus2","addressSpace":"10.20.0.0/22"},{"location":"eastus2","addressSpace":"10.21.0.0/22"}]`
		}, `ai-ready:regions[1].location: "eastus2" is the secondary region, equal to the primary regions[0]`},
		{"overlapping address spaces", "online", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"swedencentral","addressSpace":"10.30.0.0/22"},{"location":"eastus2","addressSpace":"10.30.2.0/23"}]`
		}, "ai-ready:regions[1].addressSpace: 10.30.2.0/23 overlaps regions[0].addressSpace 10.30.0.0/22"},
		{"unknown archetype", "corp", func(c map[string]string) { c["ai-ready:archetype"] = "internal" }, `ai-ready:archetype: "internal" is not a stack archetype; use corp (internal), online (internet-facing) or dev`},
		{"model with zero capacity", "online", func(c map[string]string) {
			c["ai-ready:models"] = `[{"name":"gpt-4o","version":"2024-11-20","deploymentType":"Standard","capacity":0}]`
		}, `ai-ready:models[0].capacity: 0 for model "gpt-4o": capacity must be at least 1 (in 1K tokens per minute)`},
		{"unknown region", "dev", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"swedencentrall","addressSpace":"10.40.0.0/22"}]`
		}, `ai-ready:regions[0].location: region "swedencentrall": unknown region`},
		{"model not in region", "corp", func(c map[string]string) {
			c["ai-ready:models"] = `[{"name":"gpt-4o","version":"2024-11-20","deploymentType":"Standard","capacity":10}]`
			c["ai-ready:regions"] = `[{"location":"eastus2","addressSpace":"10.20.0.0/22"},{"location":"koreacentral","addressSpace":"10.21.0.0/22"}]`
		}, `ai-ready:models[0]: model "gpt-4o" version "2024-11-20" as Standard is not offered in region "koreacentral"`},
		{"dev with two regions", "dev", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"swedencentral","addressSpace":"10.40.0.0/22"},{"location":"francecentral","addressSpace":"10.41.0.0/22"}]`
		}, "ai-ready:regions: has 2 regions; the dev stack allows one region"},
		{"misspelt key", "corp", func(c map[string]string) {
			c["ai-ready:hybrid"] = `{"mode":"HubPeering","hubVnetId":"x"}`
		}, `ai-ready:hybrid: unknown field "hubVnetId"`},
		{"vpn without shared key", "corp", func(c map[string]string) {
			c["ai-ready:hybrid"] = `{"mode":"VPN","onPremisesDeviceIp":"203.0.113.10","onPremisesPrefixes":["192.168.0.0/16"]}`
		}, "ai-ready:vpnSharedKey: is not set but hybrid.onPremisesDeviceIp is: set the site-to-site shared key as a secret"},
		{"secret in plain text", "corp", func(c map[string]string) {
			c["ai-ready:jumpboxAdminPassword"] = "hunter2"
		}, "ai-ready:jumpboxAdminPassword is stored in plain text; store it encrypted: pulumi config set --secret"},
		{"component args invalid", "online", func(c map[string]string) {
			c["ai-ready:regions"] = `[{"location":"swedencentral","addressSpace":"10.30.0.0/26"},{"location":"eastus2","addressSpace":"10.31.0.0/22"}]`
		}, "the configuration gives SecureNetwork invalid arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := shippedConfig(t, tc.stack)
			tc.change(cfg)
			rec, err := runStack(t, tc.stack, cfg)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrConfig), "error should wrap ErrConfig: %v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, rec.Resources(), "bad config must stop the program before any resource is registered")
		})
	}
}

func TestSecretsStaySecret(t *testing.T) {
	cfg := shippedConfig(t, "corp")
	cfg["ai-ready:hybrid"] = `{"mode":"VPN","onPremisesDeviceIp":"203.0.113.10","onPremisesPrefixes":["192.168.0.0/16"]}`
	// ALZ's corp group denies gateways in workload subscriptions: a stack with its
	// own gateway sits under landingzones.
	cfg["ai-ready:managementGroup"] = withParentArchetype(t, cfg["ai-ready:managementGroup"], "alz-landingzones")
	cfg["ai-ready:vpnSharedKey"] = "correct-horse-battery-staple"
	rec, err := runStack(t, "corp", cfg, "ai-ready:vpnSharedKey")
	require.NoError(t, err)
	conns := rec.ByType("azure-native:network:VirtualNetworkGatewayConnection")
	require.NotEmpty(t, conns)
	for _, c := range conns {
		assert.True(t, c.IsSecret("sharedKey"), "%s: the shared key must reach the provider as a secret", c.Name)
	}
	// With a workload gateway, the corp guardrail keeping gateways in the
	// connectivity subscription is removed so Azure Policy does not deny it.
	for _, a := range rec.ByType("azure-native:authorization:PolicyAssignment") {
		assert.NotEqual(t, "Deny-HybridNetworking", a.String("policyAssignmentName"))
	}
}

func TestReplicationPerStack(t *testing.T) {
	corp, err := runStack(t, "corp", shippedConfig(t, "corp"))
	require.NoError(t, err)
	accounts := corp.ByType("azure-native:storage:StorageAccount")
	require.Len(t, accounts, 1, "geo-redundant mode keeps one account; Azure copies it to the pair")
	assert.Equal(t, "Standard_RAGZRS", accounts[0].String("sku.name"))
	assert.Equal(t, "eastus", accounts[0].String("location"))
	assert.True(t, accounts[0].Protect && accounts[0].RetainOnDelete, "production data is protected from destroy")
	searches := corp.ByType("azure-native:search:Service")
	require.Len(t, searches, 2, "AI Search has no geo-replication: a second service in the secondary region")
	locations := []string{searches[0].String("location"), searches[1].String("location")}
	assert.ElementsMatch(t, []string{"eastus", "westus"}, locations)
	assert.Equal(t, 1, corp.Count("azure-native:machinelearningservices:Registry"))
	assert.Equal(t, 1, corp.Count("azure-native:keyvault:Vault"), "production gets a key vault for customer-managed keys")

	online, err := runStack(t, "online", shippedConfig(t, "online"))
	require.NoError(t, err)
	assert.Len(t, online.ByType("azure-native:storage:StorageAccount"), 2, "object replication keeps an account per region")
	assert.Equal(t, 2, online.Count("azure-native:storage:ObjectReplicationPolicy"), "the destination's policy, then the source's")

	dev, err := runStack(t, "dev", shippedConfig(t, "dev"))
	require.NoError(t, err)
	assert.Zero(t, dev.Count("aiready:reliability:AssetReplication"), "the dev stack replicates nothing")
}

const (
	accountType = "azure-native:cognitiveservices:Account"
	apimType    = "azure-native:apimanagement:ApiManagementService"
	backendType = "azure-native:apimanagement:Backend"
	vnetType    = "azure-native:network:VirtualNetwork"
)

func TestCorpStackTree(t *testing.T) {
	rec, err := runStack(t, "corp", shippedConfig(t, "corp"))
	require.NoError(t, err)

	accounts := rec.ByType(accountType)
	require.Len(t, accounts, 2, "one AI endpoint per region")
	for _, a := range accounts {
		assert.Equal(t, "Disabled", a.String("properties.publicNetworkAccess"), "%s: every AI account is private in corp", a.Name)
		local, _ := a.Bool("properties.disableLocalAuth")
		assert.True(t, local, "%s: key access disabled", a.Name)
		assert.Equal(t, "SystemAssigned", a.String("identity.type"), a.Name)
	}
	assert.Equal(t, 2, rec.Count("azure-native:network:PrivateEndpoint")-privateEndpointsOfData(rec), "a private endpoint per account")
	assert.Equal(t, 4, rec.Count("azure-native:cognitiveservices:Deployment"), "two models in each of two regions")

	apims := rec.ByType(apimType)
	require.Len(t, apims, 1, "one gateway across the regions")
	assert.Equal(t, "Internal", apims[0].String("virtualNetworkType"))
	assertPoolWithBreakers(t, rec, 2)

	assert.Len(t, rec.ByType(vnetType), 2, "a network per region")
	assert.Equal(t, 4, rec.Count("azure-native:network:VirtualNetworkPeering"), "each region peers with the hub and with the other region, both ways")
	assert.Equal(t, 1, rec.Count("azure-native:network:BastionHost"))
	assert.Zero(t, rec.Count("azure-native:network:VirtualNetworkGateway"), "hub peering: the gateways stay in the connectivity subscription")
}

func TestOnlineStackTree(t *testing.T) {
	rec, err := runStack(t, "online", shippedConfig(t, "online"))
	require.NoError(t, err)
	vnets := rec.ByType(vnetType)
	require.Len(t, vnets, 2)
	plans := rec.ByType("azure-native:network:DdosProtectionPlan")
	require.Len(t, plans, 1)
	for _, v := range vnets {
		on, _ := v.Bool("enableDdosProtection")
		assert.True(t, on, "%s: every online VNet is DDoS-protected", v.Name)
		_, hasPlan := v.Input("ddosProtectionPlan.id")
		assert.True(t, hasPlan, "%s names the DDoS plan", v.Name)
	}
	for _, a := range rec.ByType(accountType) {
		assert.Equal(t, "Deny", a.String("properties.networkAcls.defaultAction"), "%s: online accounts restrict network access", a.Name)
		assert.Zero(t, a.Len("properties.networkAcls.ipRules"), a.Name)
	}
	apims := rec.ByType(apimType)
	require.Len(t, apims, 1)
	assert.Equal(t, "External", apims[0].String("virtualNetworkType"))
	assertPoolWithBreakers(t, rec, 2)
	// Under ALZ's online group (shipped) the estate's Enable-DDoS-VNET applies; a
	// group outside an ALZ estate gets its own, naming the stack's plan.
	cfg := shippedConfig(t, "online")
	cfg["ai-ready:managementGroup"] = withParentArchetype(t, cfg["ai-ready:managementGroup"], "none")
	own, err := runStack(t, "online", cfg)
	require.NoError(t, err)
	ddos := own.Named(t, "azure-native:authorization:PolicyAssignment", "contoso-baseline-Enable-DDoS-VNET")
	_, set := ddos.Input("parameters.ddosPlan.value")
	assert.True(t, set, "the online baseline's DDoS policy names the stack's plan")
}

func TestDevStackTree(t *testing.T) {
	rec, err := runStack(t, "dev", shippedConfig(t, "dev"))
	require.NoError(t, err)
	assert.Len(t, rec.ByType(accountType), 1, "a small endpoint")
	assert.Zero(t, rec.Count(apimType), "one region needs no gateway")
	assert.Equal(t, 1, rec.Count("azure-native:network:BastionHost"))
	assert.Equal(t, 1, rec.Count("azure-native:compute:VirtualMachine"), "a jumpbox to manage AI resources and data")
	for _, nic := range rec.ByType("azure-native:network:NetworkInterface") {
		_, public := nic.Input("ipConfigurations[0].publicIPAddress")
		assert.False(t, public, "%s: the jumpbox has no public IP", nic.Name)
	}
	for _, a := range rec.ByType("azure-native:authorization:PolicyAssignment") {
		if e := a.String("parameters.effect.value"); e != "" {
			assert.NotEqual(t, "Deny", e, "%s: dev policies are audit-level", a.Name)
		}
	}
	locs := rec.Named(t, "azure-native:authorization:PolicyAssignment", "contosodev-baseline-Deny-Resource-Locations")
	assert.Equal(t, "swedencentral", locs.String("parameters.listOfAllowedLocations.value[0]"))
	assert.Equal(t, 1, locs.Len("parameters.listOfAllowedLocations.value"), "one region allowed")
}

// assertPoolWithBreakers checks the gateway's pool: one member per region, each a
// Single backend with a circuit breaker that trips on 429.
func assertPoolWithBreakers(t *testing.T, rec *pulumitest.Recorder, members int) {
	t.Helper()
	var singles []pulumitest.Resource
	for _, b := range rec.ByType(backendType) {
		if b.String("type") == "Single" {
			singles = append(singles, b)
		}
	}
	// The pool is the one backend of an ARM deployment's template (a Backend
	// resource cannot be a pool; see azure/apimanagement).
	pools := rec.ByType("azure-native:resources:Deployment")
	require.Len(t, pools, 1)
	assert.Equal(t, "Pool", pools[0].String("properties.template.resources[0].properties.type"))
	assert.Equal(t, members, pools[0].Len("properties.template.resources[0].properties.pool.services"))
	require.Len(t, singles, members)
	for _, b := range singles {
		found := false
		for i := 0; i < b.Len("circuitBreaker.rules"); i++ {
			for j := 0; j < b.Len(fmt.Sprintf("circuitBreaker.rules[%d].failureCondition.statusCodeRanges", i)); j++ {
				lo, _ := b.Number(fmt.Sprintf("circuitBreaker.rules[%d].failureCondition.statusCodeRanges[%d].min", i, j))
				hi, _ := b.Number(fmt.Sprintf("circuitBreaker.rules[%d].failureCondition.statusCodeRanges[%d].max", i, j))
				found = found || (lo <= 429 && 429 <= hi)
			}
		}
		assert.True(t, found, "%s: the circuit breaker must trip on 429", b.Name)
	}
}

// privateEndpointsOfData counts the private endpoints of the replicated data stores.
func privateEndpointsOfData(rec *pulumitest.Recorder) int {
	n := 0
	for _, pe := range rec.ByType("azure-native:network:PrivateEndpoint") {
		if strings.Contains(pe.Name, "-assets") {
			n++
		}
	}
	return n
}
