package reliability_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/provider/internal/constructtest"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/aiready/aiready/provider/reliability"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestCoverage(t *testing.T) {
	for _, line := range mirror.Coverage(reflect.TypeFor[reliability.AssetReplicationArgs](), reflect.TypeFor[replication.Args](), reliability.Excluded...) {
		t.Error(line)
	}
	for _, line := range mirror.OutputCoverage(reflect.TypeFor[reliability.AssetReplication](), reflect.TypeFor[replication.AssetReplication]()) {
		t.Error(line)
	}
}

const (
	zone   = "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/"
	subnet = "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/"
)

// assets are corp assets replicated by object replication, with a key vault.
const assets = `{
  "archetype": "corp", "production": true, "resourceGroupName": "rg-ai", "namePrefix": "contosoai",
  "primary": {"location": "eastus2", "privateEndpointSubnetId": "` + subnet + `eastus2/subnets/pe"},
  "secondary": {"location": "centralus", "resourceGroupName": "rg-ai-centralus", "privateEndpointSubnetId": "` + subnet + `centralus/subnets/pe"},
  "replication": "ObjectReplication",
  "privateDnsZoneIds": {"blob": "` + zone + `blob", "search": "` + zone + `search", "azureml": "` + zone + `azureml", "vault": "` + zone + `vault"},
  "endpointRegions": ["eastus2", "centralus"],
  "storage": {"softDeleteRetentionDays": 14},
  "search": {"sku": "standard", "replicaCount": 3},
  "keyVault": {}
}`

func assetsArgs() *replication.Args {
	zones := pulumi.StringMap{}
	for _, k := range []string{"blob", "search", "azureml", "vault"} {
		zones[k] = pulumi.String(zone + k)
	}
	return &replication.Args{
		Archetype: replication.ArchetypeCorp, Production: true, ResourceGroupName: pulumi.String("rg-ai"), NamePrefix: "contosoai",
		Primary: replication.RegionArgs{Location: "eastus2", PrivateEndpointSubnetID: pulumi.String(subnet + "eastus2/subnets/pe")},
		Secondary: &replication.RegionArgs{Location: "centralus", ResourceGroupName: pulumi.String("rg-ai-centralus"),
			PrivateEndpointSubnetID: pulumi.String(subnet + "centralus/subnets/pe")},
		Replication:       replication.ObjectReplication,
		PrivateDNSZoneIDs: zones,
		EndpointRegions:   []string{"eastus2", "centralus"},
		Storage:           replication.StorageArgs{SoftDeleteRetentionDays: 14},
		Search:            replication.SearchArgs{Sku: "standard", ReplicaCount: 3},
		KeyVault:          &replication.KeyVaultArgs{},
	}
}

// TestAssetReplicationIsTheLibrarys constructs the assets through the provider and
// through replication.New.
func TestAssetReplicationIsTheLibrarys(t *testing.T) {
	got, err := constructtest.Provider(t, replication.TypeToken, "assets", assets)
	if err != nil {
		t.Fatal(err)
	}
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := replication.New(ctx, "assets", assetsArgs())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)
}

func TestAssetReplicationErrorsNameTheInputs(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"location": "centralus"`, `"location": "eastus2"`, `secondary.location`},
		{`"namePrefix": "contosoai"`, `"namePrefix": "Contoso-AI"`, `namePrefix`},
		{`"endpointRegions": ["eastus2", "centralus"]`, `"endpointRegions": ["westus"]`, `endpointRegions`},
		{`"replication": "ObjectReplication"`, `"replication": "None"`, `replication`},
	} {
		inputs := strings.Replace(assets, c.from, c.to, 1)
		got, err := constructtest.Provider(t, replication.TypeToken, "assets", inputs)
		t.Logf("%s: %v", c.to, err)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.to, err, c.want)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %d resources before failing", c.to, len(got.Resources))
		}
	}
}
