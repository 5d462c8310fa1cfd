package replication

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the children.
const (
	accountType     = "azure-native:storage:StorageAccount"
	blobServiceType = "azure-native:storage:BlobServiceProperties"
	containerType   = "azure-native:storage:BlobContainer"
	policyType      = "azure-native:storage:ObjectReplicationPolicy"
	searchType      = "azure-native:search/v20231101:Service"
	linkType        = "azure-native:search/v20231101:SharedPrivateLinkResource"
	roleType        = "azure-native:authorization:RoleAssignment"
	registryType    = "azure-native:machinelearningservices:Registry"
	vaultType       = "azure-native:keyvault:Vault"
	endpointType    = "azure-native:network:PrivateEndpoint"
	zoneGroupType   = "azure-native:network:PrivateDnsZoneGroup"
)

const (
	primarySubnet   = "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/eastus2/subnets/pe"
	secondarySubnet = "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/centralus/subnets/pe"
)

func zoneIDs() pulumi.StringMap {
	ids := pulumi.StringMap{}
	for _, k := range []string{DNSBlob, DNSSearch, DNSAzureML, DNSVault} {
		ids[k] = pulumi.String("/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/" + k)
	}
	return ids
}

// baseline is a compliant production configuration: eastus2 with a copy in its pair
// centralus, both endpoint regions, object replication, a key vault.
func baseline() *Args {
	return &Args{
		Archetype:         ArchetypeCorp,
		Production:        true,
		ResourceGroupName: pulumi.String("rg-ai"),
		NamePrefix:        "contosoai",
		Primary:           RegionArgs{Location: "eastus2", PrivateEndpointSubnetID: pulumi.String(primarySubnet)},
		Secondary:         &RegionArgs{Location: "centralus", ResourceGroupName: pulumi.String("rg-ai-dr"), PrivateEndpointSubnetID: pulumi.String(secondarySubnet)},
		Replication:       ObjectReplication,
		PrivateDNSZoneIDs: zoneIDs(),
		EndpointRegions:   []string{"eastus2", "centralus"},
		KeyVault:          &KeyVaultArgs{},
		Tags:              map[string]string{"costcenter": "ai", "aiready-environment": "nonproduction"},
	}
}

// azureOutputs plays Azure's part: names from the explicit name inputs, the policy
// and rule ids of a destination object replication policy, a vault URI.
func azureOutputs(args pulumi.MockResourceArgs, state resource.PropertyMap) {
	for _, key := range []resource.PropertyKey{"accountName", "searchServiceName", "registryName", "vaultName"} {
		if v, ok := args.Inputs[key]; ok && args.TypeToken != blobServiceType && args.TypeToken != containerType && args.TypeToken != policyType && args.TypeToken != linkType {
			state["name"] = v
		}
	}
	switch args.TypeToken {
	case policyType:
		if id := args.Inputs["objectReplicationPolicyId"]; !id.IsString() || id.StringValue() != "default" {
			return
		}
		state["policyId"] = resource.NewProperty("policy-123")
		var rules []resource.PropertyValue
		for _, r := range args.Inputs["rules"].ArrayValue() {
			rule := r.ObjectValue().Copy()
			rule["ruleId"] = resource.NewProperty("rule-" + rule["sourceContainer"].StringValue())
			rules = append(rules, resource.NewProperty(rule))
		}
		state["rules"] = resource.NewProperty(rules)
	case vaultType:
		props := state["properties"].ObjectValue().Copy()
		props["vaultUri"] = resource.NewProperty("https://" + args.Inputs["vaultName"].StringValue() + ".vault.azure.net/")
		state["properties"] = resource.NewProperty(props)
	}
}

// run builds the component under mocks and returns the recorder and the component.
func run(t testing.TB, args *Args) (*pulumitest.Recorder, *AssetReplication) {
	t.Helper()
	var comp *AssetReplication
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		c, err := New(ctx, "assets", args)
		comp = c
		return err
	}, pulumitest.WithOutputs(azureOutputs))
	return rec, comp
}

// errorLines splits a joined validation error into its lines.
func errorLines(err error) []string {
	return strings.Split(err.Error(), "\n")
}
