package azurepolicy

import (
	"testing"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/policypack/azpolicy"
)

// The stacks' resources in ARM shape, as the components build them (the source of
// each setting is named). Each definition below is executed against them (all must
// be allowed) and against variants with one property changed (each must be denied).
const (
	subscriptionID = "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01"
	tenantID       = "72f988bf-86f1-41af-91ab-2d7cd011db47"
)

// subscriptionContext is what subscription() returns for the stacks' workload
// subscription.
var subscriptionContext = &azpolicy.Context{Subscription: map[string]any{
	"id": "/subscriptions/" + subscriptionID, "subscriptionId": subscriptionID, "tenantId": tenantID, "displayName": "ai-corp",
}}

// aiAccount is components/aiendpoint's account: outbound restricted to its
// allowed hosts, a default-deny firewall without IP or network rules.
func aiAccount() map[string]any {
	return map[string]any{"type": "Microsoft.CognitiveServices/accounts", "name": "contoso-corp-eastus", "kind": "AIServices", "location": "eastus",
		"identity": map[string]any{"type": "SystemAssigned"},
		"properties": map[string]any{
			"customSubDomainName": "contoso-corp-eastus", "disableLocalAuth": true, "publicNetworkAccess": "Disabled",
			"networkAcls":                   map[string]any{"defaultAction": "Deny", "bypass": "None", "ipRules": []any{}, "virtualNetworkRules": []any{}},
			"restrictOutboundNetworkAccess": true, "allowedFqdnList": []any{"contosoaipri.blob.core.windows.net"},
		}}
}

// onlineAccount is the online archetype's account: the public endpoint exists,
// admits trusted Azure services only, and lists no rule.
func onlineAccount() map[string]any {
	a := aiAccount()
	p := a["properties"].(map[string]any)
	p["publicNetworkAccess"] = "Enabled"
	p["networkAcls"] = map[string]any{"defaultAction": "Deny", "bypass": "AzureServices", "ipRules": []any{}, "virtualNetworkRules": []any{}}
	return a
}

// storageAccount is components/replication's account.
func storageAccount() map[string]any {
	return map[string]any{"type": "Microsoft.Storage/storageAccounts", "name": "contosoaipri", "kind": "StorageV2", "location": "eastus",
		"sku": map[string]any{"name": "Standard_RAGZRS"},
		"properties": map[string]any{
			"accessTier": "Hot", "supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowSharedKeyAccess": false,
			"defaultToOAuthAuthentication": true, "allowBlobPublicAccess": false, "allowCrossTenantReplication": false,
			"publicNetworkAccess": "Disabled", "isLocalUserEnabled": false, "isSftpEnabled": false,
			"networkAcls": map[string]any{"defaultAction": "Deny", "bypass": "None"},
		}}
}

// blobService is the account's blob service: versioning, soft delete of blobs and
// containers for 30 days (replication.DefaultSoftDeleteRetentionDays).
func blobService() map[string]any {
	return map[string]any{"type": "Microsoft.Storage/storageAccounts/blobServices", "name": "default",
		"properties": map[string]any{
			"isVersioningEnabled":            true,
			"deleteRetentionPolicy":          map[string]any{"enabled": true, "days": 30, "allowPermanentDelete": false},
			"containerDeleteRetentionPolicy": map[string]any{"enabled": true, "days": 30},
		}}
}

// apim is components/aiendpoint's gateway: Developer or Premium in a virtual
// network, TLS 1.0/1.1 and SSL 3.0 off on both sides (secureCustomProperties).
func apim() map[string]any {
	custom := map[string]any{}
	for _, side := range []string{"Gateway.Security.Protocols", "Gateway.Security.Backend.Protocols"} {
		for _, p := range []string{"Tls10", "Tls11", "Ssl30"} {
			custom["Microsoft.WindowsAzure.ApiManagement."+side+"."+p] = "false"
		}
	}
	return map[string]any{"type": "Microsoft.ApiManagement/service", "name": "apim-contoso-corp", "location": "eastus",
		"sku": map[string]any{"name": "Developer", "capacity": 1},
		"properties": map[string]any{"publisherEmail": "ai-platform@contoso.example", "publisherName": "Contoso AI platform",
			"virtualNetworkType": "Internal", "customProperties": custom}}
}

// peering is the stacks' spoke-to-hub peering; remote is the remote network's id.
func peering(remote string) map[string]any {
	return map[string]any{"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "name": "contoso-net-eastus-vnet/to-hub",
		"properties": map[string]any{"remoteVirtualNetwork": map[string]any{"id": remote}, "allowVirtualNetworkAccess": true, "useRemoteGateways": false}}
}

func vnetID(subscription, name string) string {
	return "/subscriptions/" + subscription + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/" + name
}

// with returns a copy of a resource with one property path changed (nil deletes it).
func with(res map[string]any, path []string, value any) map[string]any {
	out := clone(res)
	m := out
	for _, k := range path[:len(path)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	if value == nil {
		delete(m, path[len(path)-1])
	} else {
		m[path[len(path)-1]] = value
	}
	return out
}

func props(p ...string) []string { return append([]string{"properties"}, p...) }

// definitionCase is one custom definition: the stacks' resources it must allow and
// the variants it must deny.
type definitionCase struct {
	definition string
	params     map[string]any
	allowed    map[string]map[string]any
	denied     map[string]map[string]any
}

func definitionCases() []definitionCase {
	storage, blob := storageAccount(), blobService()
	rule := func(tenant, resourceID string) []any {
		return []any{map[string]any{"tenantId": tenant, "resourceId": resourceID}}
	}
	search := "/subscriptions/" + subscriptionID + "/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/contoso-search"
	return []definitionCase{
		{"Deny-CognitiveServices-NetworkAcls", nil,
			map[string]map[string]any{"corp account": aiAccount(), "online account": onlineAccount(), "no firewall at all": with(aiAccount(), props("networkAcls"), nil)},
			map[string]map[string]any{
				"an IP rule":              with(onlineAccount(), props("networkAcls", "ipRules"), []any{map[string]any{"value": "203.0.113.0/24"}}),
				"a virtual network rule":  with(aiAccount(), props("networkAcls", "virtualNetworkRules"), []any{map[string]any{"id": vnetID(subscriptionID, "v") + "/subnets/s"}}),
				"both, beside each other": with(with(aiAccount(), props("networkAcls", "ipRules"), []any{map[string]any{"value": "1.2.3.4"}}), props("networkAcls", "virtualNetworkRules"), []any{map[string]any{"id": "x"}}),
			}},
		{"Deny-CognitiveServices-RestrictOutboundNetworkAccess", nil,
			map[string]map[string]any{"corp account": aiAccount(), "online account": onlineAccount()},
			map[string]map[string]any{
				"outbound not restricted":  with(aiAccount(), props("restrictOutboundNetworkAccess"), false),
				"outbound not stated":      with(aiAccount(), props("restrictOutboundNetworkAccess"), nil),
				"restricted as the string": with(aiAccount(), props("restrictOutboundNetworkAccess"), "yes"),
			}},
		{"Deny-Storage-LocalUser", nil, map[string]map[string]any{"account": storage},
			map[string]map[string]any{"local users on": with(storage, props("isLocalUserEnabled"), true), "not stated": with(storage, props("isLocalUserEnabled"), nil)}},
		{"Deny-Storage-SFTP", nil, map[string]map[string]any{"account": storage, "not stated": with(storage, props("isSftpEnabled"), nil)},
			map[string]map[string]any{"SFTP on": with(storage, props("isSftpEnabled"), true)}},
		{"Deny-Storage-NetworkAclsBypass", nil,
			map[string]map[string]any{"no bypass": storage, "trusted Azure services": with(storage, props("networkAcls", "bypass"), "AzureServices")},
			map[string]map[string]any{
				"logging and metrics":  with(storage, props("networkAcls", "bypass"), "Logging, Metrics, AzureServices"),
				"metrics":              with(storage, props("networkAcls", "bypass"), "Metrics"),
				"bypass not stated":    with(storage, props("networkAcls", "bypass"), nil),
				"no firewall rule set": with(storage, props("networkAcls"), nil),
			}},
		{"Deny-Storage-NetworkAclsVirtualNetworkRules", nil,
			map[string]map[string]any{"account": storage, "empty list": with(storage, props("networkAcls", "virtualNetworkRules"), []any{})},
			map[string]map[string]any{"a network rule": with(storage, props("networkAcls", "virtualNetworkRules"), []any{map[string]any{"id": vnetID(subscriptionID, "v") + "/subnets/s", "action": "Allow"}})}},
		{"Deny-Storage-ResourceAccessRulesTenantId", nil,
			map[string]map[string]any{"account": storage, "a rule in the tenant": with(storage, props("networkAcls", "resourceAccessRules"), rule(tenantID, search))},
			map[string]map[string]any{
				"a rule of another tenant": with(storage, props("networkAcls", "resourceAccessRules"), rule("00000000-0000-4000-8000-000000000001", search)),
				"a foreign rule beside a good one": with(storage, props("networkAcls", "resourceAccessRules"),
					append(rule(tenantID, search), rule("00000000-0000-4000-8000-000000000001", search)...)),
			}},
		{"Deny-Storage-ResourceAccessRulesResourceId", nil,
			map[string]map[string]any{"account": storage, "a named resource": with(storage, props("networkAcls", "resourceAccessRules"), rule(tenantID, search)),
				"every search service of the subscription": with(storage, props("networkAcls", "resourceAccessRules"), rule(tenantID, "/subscriptions/"+subscriptionID+"/resourceGroups/*/providers/Microsoft.Search/searchServices/*"))},
			map[string]map[string]any{
				"every subscription": with(storage, props("networkAcls", "resourceAccessRules"), rule(tenantID, "/subscriptions/*/resourceGroups/*/providers/Microsoft.Search/searchServices/*")),
				"wildcard beside a named one": with(storage, props("networkAcls", "resourceAccessRules"),
					append(rule(tenantID, search), rule(tenantID, "/subscriptions/*/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/*")...)),
			}},
		{"Deny-Storage-CopyScope", nil,
			map[string]map[string]any{"the tenant": with(storage, props("allowedCopyScope"), "AAD"), "private links": with(storage, props("allowedCopyScope"), "PrivateLink")},
			map[string]map[string]any{"not stated (the stacks' accounts: audited)": storage, "another value": with(storage, props("allowedCopyScope"), "Any")}},
		{"Deny-Storage-ServicesEncryption", nil,
			map[string]map[string]any{"every service stated": with(storage, props("encryption"), map[string]any{"keySource": "Microsoft.Storage", "services": map[string]any{
				"blob": map[string]any{"enabled": true}, "file": map[string]any{"enabled": true},
				"queue": map[string]any{"keyType": "Account"}, "table": map[string]any{"keyType": "Account"}}})},
			map[string]map[string]any{
				"not stated (the stacks' accounts: audited)": storage,
				"queue with a service key": with(storage, props("encryption"), map[string]any{"services": map[string]any{
					"blob": map[string]any{"enabled": true}, "file": map[string]any{"enabled": true},
					"queue": map[string]any{"keyType": "Service"}, "table": map[string]any{"keyType": "Account"}}}),
			}},
		{"Deny-Storage-ContainerDeleteRetentionPolicy", nil,
			map[string]map[string]any{"blob service": blob, "enabled without days (Azure's 7)": with(blob, props("containerDeleteRetentionPolicy", "days"), nil), "an account": storage},
			map[string]map[string]any{
				"off":             with(blob, props("containerDeleteRetentionPolicy", "enabled"), false),
				"not stated":      with(blob, props("containerDeleteRetentionPolicy"), nil),
				"three days only": with(blob, props("containerDeleteRetentionPolicy", "days"), 3),
			}},
		{"Deny-Storage-CorsRules", nil,
			map[string]map[string]any{"blob service": blob, "no rules": with(blob, props("cors"), map[string]any{"corsRules": []any{}}),
				"a file service": {"type": "Microsoft.Storage/storageAccounts/fileServices", "name": "default", "properties": map[string]any{}}},
			map[string]map[string]any{
				"a blob CORS rule": with(blob, props("cors"), map[string]any{"corsRules": []any{map[string]any{"allowedOrigins": []any{"*"}, "allowedMethods": []any{"GET"}}}}),
				"a queue CORS rule": {"type": "Microsoft.Storage/storageAccounts/queueServices", "name": "default",
					"properties": map[string]any{"cors": map[string]any{"corsRules": []any{map[string]any{"allowedOrigins": []any{"https://contoso.example"}}}}}},
			}},
		{"Deny-APIM-TLS", nil,
			map[string]map[string]any{"the gateway": apim(), "no custom properties": with(apim(), props("customProperties"), nil)},
			map[string]map[string]any{
				"TLS 1.0 on":                  with(apim(), props("customProperties", "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10"), "true"),
				"TLS 1.1 on, as a boolean":    with(apim(), props("customProperties", "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11"), true),
				"TLS 1.0 to the backends":     with(apim(), props("customProperties", "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10"), "True"),
				"TLS 1.1 on, key in any case": with(apim(), props("customProperties"), map[string]any{"microsoft.windowsazure.apimanagement.gateway.security.protocols.tls11": "true"}),
			}},
		{"Deny-Service-Endpoints", nil,
			map[string]map[string]any{"the stacks' network": vnet(subnet("privateEndpoints", true), subnet("apim", true)), "a standalone subnet": standaloneSubnet(subnet("jumpbox", true))},
			map[string]map[string]any{
				"an inline subnet with a service endpoint": vnet(subnet("privateEndpoints", true), with(subnet("apim", true), props("serviceEndpoints"), []any{map[string]any{"service": "Microsoft.Storage"}})),
				"a standalone subnet with one":             standaloneSubnet(with(subnet("jumpbox", true), props("serviceEndpoints"), []any{map[string]any{"service": "Microsoft.KeyVault"}})),
			}},
		{"Deny-Subnet-Without-Udr", nil,
			map[string]map[string]any{
				"routed subnets and exempt ones": vnet(with(subnet("privateEndpoints", true), props("routeTable"), map[string]any{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt"}),
					subnet("AzureBastionSubnet", true), subnet("GatewaySubnet", false)),
				"a standalone Bastion subnet": standaloneSubnet(subnet("AzureBastionSubnet", true)),
			},
			map[string]map[string]any{
				"the stacks' network (audited)": vnet(subnet("privateEndpoints", true), subnet("AzureBastionSubnet", true)),
				"a standalone subnet":           standaloneSubnet(subnet("jumpbox", true)),
			}},
		{"Deny-VNET-Peer-Cross-Sub", nil,
			map[string]map[string]any{"a peering in the subscription": peering(vnetID(subscriptionID, "contoso-net-westus-vnet")),
				"the subscription id in another case": peering(vnetID("7D1F3C2A-5B6E-4F80-9A1B-2C3D4E5F6A01", "v"))},
			map[string]map[string]any{
				"the hub in the connectivity subscription": peering(vnetID("0a1b2c3d-0000-4000-8000-000000000001", "vnet-hub-eastus")),
				"an inline peering to another subscription": {"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": map[string]any{
					"virtualNetworkPeerings": []any{peering(vnetID(subscriptionID, "same")), peering(vnetID("0a1b2c3d-0000-4000-8000-000000000001", "hub"))}}},
				"a subscription whose id starts with ours": peering(vnetID(subscriptionID+"0", "v")),
			}},
	}
}

// TestLibraryDefinitionsAllowTheStacksAndDenyBrokenVariants executes every custom
// definition the policy sets use against the stacks' resources (allowed) and one
// change of each (denied, with the Deny the enforce level sets). The variants the
// stacks themselves hit are marked "audited": their members are Audit in the sets.
func TestLibraryDefinitionsAllowTheStacksAndDenyBrokenVariants(t *testing.T) {
	tested := map[string]bool{"Deny-MgmtPorts-Internet": true, "Deny-Subnet-Without-Nsg": true} // mgmtports_test.go, subnets_test.go
	for _, tc := range definitionCases() {
		tested[tc.definition] = true
		t.Run(tc.definition, func(t *testing.T) {
			pol := libraryPolicy(t, tc.definition, tc.params)
			for name, res := range tc.allowed {
				if got := pol.Evaluate(azpolicy.NewResource(res), subscriptionContext); got.Outcome != azpolicy.Compliant {
					t.Errorf("%s: %s, want compliant: %s", name, got.Outcome, got.Reason())
				}
			}
			for name, res := range tc.denied {
				if got := pol.Evaluate(azpolicy.NewResource(res), subscriptionContext); got.Outcome != azpolicy.NonCompliant || got.Effect != azpolicy.EffectDeny {
					t.Errorf("%s: %s (%s), want denied: %s", name, got.Outcome, got.Effect, got.Reason())
				}
			}
		})
	}
	for name := range policybaseline.DefaultLibrary().Definitions {
		if !tested[name] {
			t.Errorf("custom definition %s is not executed by any test", name)
		}
	}
}

// TestAuditedMembersMatchTheStacks: the members whose definitions deny the stacks'
// own resources (copy scope, services encryption, route tables) are planned with an
// audit effect in every archetype, never Deny.
func TestAuditedMembersMatchTheStacks(t *testing.T) {
	zones := map[string]string{}
	for _, k := range []string{"cognitiveservices", "search", "blob", "vault", "azureml", "notebooks"} {
		zones[k] = "/subscriptions/" + subscriptionID + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/" + k
	}
	for _, archetype := range policybaseline.DefaultLibrary().ArchetypeNames() {
		plan, err := (&policybaseline.Args{ManagementGroupID: "ai", Archetype: archetype, Location: "eastus", DefaultValues: map[string]any{
			"allowedLocations": []string{"eastus"}, "allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
			"ddosPlan": "/subscriptions/" + subscriptionID + "/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/p", "privateDnsZoneIds": zones,
		}}).Plan()
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range [][2]string{{"Enforce-GR-Storage", "Deny-Storage-CopyScope"}, {"Enforce-GR-Storage", "Deny-Storage-ServicesEncryption"}, {"Enforce-GR-Network", "Deny-Subnet-Without-Udr"}} {
			a, ok := plan.Assignment(target[0])
			if !ok {
				t.Fatalf("%s: no assignment %s", archetype, target[0])
			}
			for _, m := range a.Set.Assigned() {
				if m.Member.Reference == target[1] && m.Effect != "Audit" {
					t.Errorf("%s: %s/%s has effect %s: it would deny the stacks' own resources", archetype, target[0], target[1], m.Effect)
				}
			}
		}
	}
}
