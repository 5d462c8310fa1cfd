package azpolicy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTypes are the ARM types the built-in-style rules target.
var benchTypes = []string{
	"Microsoft.Storage/storageAccounts", "Microsoft.CognitiveServices/accounts", "Microsoft.KeyVault/vaults",
	"Microsoft.Search/searchServices", "Microsoft.MachineLearningServices/workspaces", "Microsoft.MachineLearningServices/registries",
	"Microsoft.ApiManagement/service", "Microsoft.Network/virtualNetworks", "Microsoft.Network/networkSecurityGroups", "Microsoft.Network/privateEndpoints",
}

// builtinStyle are rules written in the patterns Azure's built-ins use (their rule
// text is not in the facts file); %[1]s is a resource type, %[2]d a variant number.
var builtinStyle = []string{
	`{"mode": "Indexed", "parameters": {"locs": {"type": "Array", "defaultValue": ["eastus", "eastus2", "westus", "swedencentral", "loc%[2]d"]}},
	  "policyRule": {"if": {"allOf": [{"field": "location", "notIn": "[parameters('locs')]"}, {"field": "location", "notEquals": "global"}, {"field": "type", "notEquals": "%[1]s"}]}, "then": {"effect": "deny"}}}`,
	`{"mode": "Indexed", "parameters": {"tag": {"type": "String", "defaultValue": "owner%[2]d"}},
	  "policyRule": {"if": {"field": "[concat('tags[', parameters('tag'), ']')]", "exists": "false"}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"field": "%[1]s/publicNetworkAccess", "notEquals": "Disabled"}]}, "then": {"effect": "deny"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"field": "%[1]s/disableLocalAuth", "notEquals": true}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "parameters": {"skus": {"type": "Array", "defaultValue": ["Standard", "Premium", "S0", "standard", "sku%[2]d"]}},
	  "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"not": {"field": "%[1]s/sku.name", "in": "[parameters('skus')]"}}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"count": {"field": "%[1]s/privateEndpointConnections[*]",
	  "where": {"field": "%[1]s/privateEndpointConnections[*].privateLinkServiceConnectionState.status", "equals": "Approved"}}, "less": 1}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "All", "parameters": {"ports": {"type": "Array", "defaultValue": ["22", "3389", "%[2]d"]}}, "policyRule": {"if": {"allOf": [
	  {"field": "type", "equals": "Microsoft.Network/networkSecurityGroups"},
	  {"count": {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*]", "where": {"allOf": [
	    {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].access", "equals": "Allow"},
	    {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].direction", "equals": "Inbound"},
	    {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].sourceAddressPrefix", "in": ["*", "Internet"]},
	    {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange", "in": "[parameters('ports')]"}]}}, "greater": 0}]}, "then": {"effect": "deny"}}}`,
	`{"mode": "All", "parameters": {"patterns": {"type": "Array", "defaultValue": ["contoso*", "app%[2]d-*", "*-test"]}},
	  "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"count": {"value": "[parameters('patterns')]", "name": "p", "where": {"field": "name", "like": "[current('p')]"}}, "equals": 0}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "parameters": {"tag": {"type": "String", "defaultValue": "env%[2]d"}}, "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"},
	  {"field": "[concat('tags[', parameters('tag'), ']')]", "exists": "false"}]}, "then": {"effect": "modify", "details": {"roleDefinitionIds": ["/providers/Microsoft.Authorization/roleDefinitions/4a9ae827-6dc8-4573-8ac7-8239d42aa03f"],
	  "operations": [{"operation": "addOrReplace", "field": "[concat('tags[', parameters('tag'), ']')]", "value": "[resourceGroup().tags[parameters('tag')]]"}]}}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"anyOf": [{"field": "%[1]s/enablePurgeProtection", "exists": "false"}, {"field": "%[1]s/enablePurgeProtection", "equals": "false"}]}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "All", "parameters": {"types": {"type": "Array", "defaultValue": ["Microsoft.Network/expressRouteCircuits", "Microsoft.Network/vpnGateways", "Microsoft.Network/virtualHubs", "Microsoft.Test/t%[2]d"]}},
	  "policyRule": {"if": {"field": "type", "in": "[parameters('types')]"}, "then": {"effect": "deny"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "Microsoft.Network/virtualNetworks"}, {"anyOf": [
	  {"field": "Microsoft.Network/virtualNetworks/enableDdosProtection", "notEquals": true}, {"field": "Microsoft.Network/virtualNetworks/ddosProtectionPlan.id", "exists": false}]}, {"field": "name", "notEquals": "vnet-%[2]d"}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"field": "%[1]s/encryption.keySource", "notEquals": "Microsoft.KeyVault"}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "parameters": {"min": {"type": "Integer", "defaultValue": %[2]d}}, "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"value": "[less(length(field('tags')), parameters('min'))]", "equals": true}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "parameters": {"ranges": {"type": "Array", "defaultValue": ["10.0.0.0/8", "172.16.0.0/12", "192.168.%[2]d.0/24"]}}, "policyRule": {"if": {"allOf": [
	  {"field": "type", "equals": "Microsoft.Network/virtualNetworks"},
	  {"count": {"field": "Microsoft.Network/virtualNetworks/addressSpace.addressPrefixes[*]", "where": {"count": {"value": "[parameters('ranges')]", "name": "r",
	    "where": {"value": "[ipRangeContains(current('r'), current('Microsoft.Network/virtualNetworks/addressSpace.addressPrefixes[*]'))]", "equals": true}}, "equals": 0}}, "greater": 0}]}, "then": {"effect": "deny"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"field": "type", "equals": "%[1]s"}, "then": {"effect": "auditIfNotExists", "details": {"type": "Microsoft.Insights/diagnosticSettings",
	  "existenceCondition": {"field": "Microsoft.Insights/diagnosticSettings/workspaceId", "exists": true}}}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"anyOf": [{"field": "identity.type", "exists": "false"}, {"field": "identity.type", "equals": "None"}]}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "All", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "Microsoft.ApiManagement/service/backends"}, {"field": "Microsoft.ApiManagement/service/backends/url", "notLike": "https://*"}, {"field": "name", "notEquals": "b%[2]d"}]}, "then": {"effect": "audit"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "Microsoft.Network/networkInterfaces"},
	  {"not": {"field": "Microsoft.Network/networkInterfaces/ipconfigurations[*].publicIpAddress.id", "notLike": "*"}}, {"field": "name", "notLike": "nic-%[2]d-*"}]}, "then": {"effect": "deny"}}}`,
	`{"mode": "Indexed", "policyRule": {"if": {"allOf": [{"field": "type", "equals": "%[1]s"}, {"value": "[substring(field('name'), 0, min(3, length(field('name'))))]", "notEquals": "t%[2]d"},
	  {"field": "%[1]s/networkAcls.defaultAction", "notEquals": "Deny"}]}, "then": {"effect": "audit"}}}`,
}

// benchPolicies are 200 bound policies: the project's two custom definitions (when
// the library is beside the pack) and built-in-style rules over the benchmark types.
func benchPolicies(b *testing.B) []*Policy {
	b.Helper()
	var out []*Policy
	for _, name := range []string{"Deny-MgmtPorts-Internet", "Deny-Subnet-Without-Nsg"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "components", "policybaseline", "lib", "definitions", name+".json"))
		if err != nil {
			b.Logf("the project's %s is not beside the pack; using built-in-style rules only", name)
			continue
		}
		out = append(out, mustBind(b, mustParse(b, string(data)), nil))
	}
	for i := 0; len(out) < 200; i++ {
		tmpl := builtinStyle[i%len(builtinStyle)]
		variant := i / len(builtinStyle)
		doc := fmt.Sprintf(tmpl, benchTypes[(i+variant)%len(benchTypes)], variant)
		doc = `{"name": "builtin-style-` + fmt.Sprint(i) + `", ` + strings.TrimPrefix(strings.TrimSpace(doc), "{")
		out = append(out, mustBind(b, mustParse(b, doc), nil))
	}
	return out
}

// benchResources are n resources: the corp and online stacks' recorded resources,
// repeated with distinct names, converted to ARM once.
func benchResources(b *testing.B, n int) []*Resource {
	b.Helper()
	var records []stackRecord
	for _, stack := range []string{"corp", "online"} {
		data, err := os.ReadFile(filepath.Join("testdata", "stacks", stack+".json"))
		if err != nil {
			b.Fatal(err)
		}
		records = append(records, mustStack(b, data)...)
	}
	out := make([]*Resource, 0, n)
	for i := 0; len(out) < n; i++ {
		r := records[i%len(records)]
		res, err := FromAzureNative(r.Type, r.Inputs, &ConvertOptions{Name: fmt.Sprintf("%s-%d", r.Name, i), SubscriptionID: fakeSubscription})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, res)
	}
	return out
}

func BenchmarkOneDefinitionOneResource(b *testing.B) {
	p := benchPolicies(b)[0]
	var nsg *Resource
	for _, r := range benchResources(b, 200) {
		if r.Type() == "Microsoft.Network/networkSecurityGroups" && strings.Contains(r.Name(), "bastion") {
			nsg = r
			break
		}
	}
	if nsg == nil {
		b.Fatal("no bastion NSG")
	}
	ctx := &Context{}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := p.Evaluate(nsg, ctx); r.Outcome != Compliant {
			b.Fatalf("%v: %s", r.Outcome, r.Reason())
		}
	}
}

func BenchmarkDefinitions200(b *testing.B) {
	policies := benchPolicies(b)
	ctx := &Context{ResourceGroup: map[string]any{"name": "rg", "tags": map[string]any{}}}
	for _, n := range []int{1000, 10000} {
		resources := benchResources(b, n)
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			matched := 0
			for b.Loop() {
				matched = 0
				for _, r := range resources {
					for _, p := range policies {
						if p.Evaluate(r, ctx).Outcome == NonCompliant {
							matched++
						}
					}
				}
			}
			pairs := float64(len(policies) * len(resources))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pairs, "ns/pair")
			b.ReportMetric(float64(matched), "non-compliant")
		})
	}
}
