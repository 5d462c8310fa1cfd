package replication_test

import (
	"fmt"
	"sort"

	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Example replicates a production workload's AI assets from eastus2 to centralus,
// where its model endpoints are, with object replication between two storage
// accounts and a key vault for customer-managed keys. The subnet and zone ids would
// come from SecureNetwork (its subnet ids by role and PrivateDNSZoneIDs); here the
// program runs under mocks.
func Example() {
	zones := pulumi.StringMap{}
	for _, key := range []string{replication.DNSBlob, replication.DNSSearch, replication.DNSAzureML, replication.DNSVault} {
		zones[key] = pulumi.String("/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/" + key)
	}
	args := &replication.Args{
		Archetype:         replication.ArchetypeCorp,
		Production:        true,
		ResourceGroupName: pulumi.String("rg-ai"),
		NamePrefix:        "contosoai",
		Primary: replication.RegionArgs{
			Location:                "eastus2",
			PrivateEndpointSubnetID: pulumi.String("/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/eastus2/subnets/pe"),
		},
		Secondary: &replication.RegionArgs{
			Location:                "centralus",
			PrivateEndpointSubnetID: pulumi.String("/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/centralus/subnets/pe"),
		},
		Replication:       replication.ObjectReplication,
		PrivateDNSZoneIDs: zones,
		EndpointRegions:   []string{"eastus2", "centralus"},
		KeyVault:          &replication.KeyVaultArgs{},
	}
	// A stack checks its configuration before building anything.
	if err := args.Validate(); err != nil {
		fmt.Println(err)
		return
	}

	var placement replication.Placement
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		assets, err := replication.New(ctx, "assets", args)
		if err != nil {
			return err
		}
		placement = assets.Placement()
		ctx.Export("searchEndpoints", assets.SearchEndpoints)
		ctx.Export("coLocation", assets.CoLocation)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	stores := make([]string, 0, len(placement.Stores))
	for store := range placement.Stores {
		stores = append(stores, store)
	}
	sort.Strings(stores)
	for _, store := range stores {
		fmt.Printf("%-18s %s\n", store, placement.Stores[store])
	}
	fmt.Println("co-located:", placement.CoLocated)
	for _, typ := range []string{
		"azure-native:storage:StorageAccount",
		"azure-native:storage:ObjectReplicationPolicy",
		"azure-native:search/v20231101:Service",
		"azure-native:machinelearningservices:Registry",
		"azure-native:keyvault:Vault",
		"azure-native:network:PrivateEndpoint",
	} {
		fmt.Printf("%d %s\n", rec.Count(typ), typ)
	}
	// Output:
	// keyvault           eastus2
	// registry-primary   eastus2
	// registry-secondary centralus
	// search-primary     eastus2
	// search-secondary   centralus
	// storage-primary    eastus2
	// storage-secondary  centralus
	// co-located: true
	// 2 azure-native:storage:StorageAccount
	// 2 azure-native:storage:ObjectReplicationPolicy
	// 2 azure-native:search/v20231101:Service
	// 1 azure-native:machinelearningservices:Registry
	// 1 azure-native:keyvault:Vault
	// 6 azure-native:network:PrivateEndpoint
}

// ExampleArgs_Validate shows the errors a stack gets before anything
// is built: here a secondary region whose data would not be next to any model
// endpoint, and a search SKU without private link.
func ExampleArgs_Validate() {
	args := &replication.Args{
		ResourceGroupName: pulumi.String("rg-ai"),
		NamePrefix:        "contosoai",
		Primary:           replication.RegionArgs{Location: "eastus2", PrivateEndpointSubnetID: pulumi.String("subnet-a")},
		Secondary:         &replication.RegionArgs{Location: "centralus", PrivateEndpointSubnetID: pulumi.String("subnet-b")},
		PrivateDNSZoneIDs: pulumi.StringMap{"blob": pulumi.String("z1"), "search": pulumi.String("z2"), "azureml": pulumi.String("z3")},
		EndpointRegions:   []string{"eastus2", "westus3"},
		Search:            replication.SearchArgs{Sku: "free"},
	}
	fmt.Println(args.Validate())
	// Output:
	// invalid AssetReplication arguments: Search.Sku "free" has no private link (policy a049bf77 "Azure AI Search service should use a SKU that supports private link") and no SLA: use basic, standard, standard2, standard3, storage_optimized_l1, storage_optimized_l2
	// invalid AssetReplication arguments: Secondary.Location "centralus" has no model endpoint (EndpointRegions: eastus2, westus3): RAG data must be in the region of the endpoints it serves; move it to one of them, or set CrossRegionReason to keep it there on purpose
}
