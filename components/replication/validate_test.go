package replication

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const prefix = "invalid AssetReplication arguments: "

// catalogLine is the line Validate writes for a catalog error about a region field.
func catalogLine(t *testing.T, field string, err error, use string) string {
	t.Helper()
	if err == nil {
		t.Fatalf("the catalog accepts what the case expects it to refuse (%s)", field)
	}
	line := prefix + field + ": " + err.Error()
	if use != "" {
		line += "; AssetReplication builds " + use + " there"
	}
	return line
}

// TestValidation starts from the compliant baseline and changes one thing per case;
// each case asserts the exact error lines and that nothing was registered.
func TestValidation(t *testing.T) {
	cat := catalog.Default()
	_, unknownRegion := cat.Region("eastus22")
	for _, c := range []struct {
		name   string
		change func(a *Args)
		want   []string
	}{
		{"primary region equal to secondary", func(a *Args) { a.Secondary.Location = "eastus2" }, []string{
			`Secondary.Location "eastus2" is the same as Primary.Location: the copy must be in another region to survive a regional outage; choose a different region (e.g. the primary's pair "centralus")`,
		}},
		{"replication without a secondary region", func(a *Args) { a.Secondary = nil }, []string{
			`Replication "ObjectReplication" needs a secondary region: set Secondary (Location, PrivateEndpointSubnetID), or set Replication "None" for a single-region, non-production deployment`,
		}},
		{"default replication without a secondary region", func(a *Args) { a.Secondary, a.Replication = nil, "" }, []string{
			`Replication "GeoRedundantStorage" needs a secondary region: set Secondary (Location, PrivateEndpointSubnetID), or set Replication "None" for a single-region, non-production deployment`,
		}},
		{"production without replication", func(a *Args) { a.Secondary, a.Replication = nil, NoReplication }, []string{
			`Replication is "None" but Production is true: production AI assets must be replicated to a secondary region; set Secondary and Replication "GeoRedundantStorage" or "ObjectReplication"`,
		}},
		{"secondary region without replication", func(a *Args) { a.Production, a.Replication = false, NoReplication }, []string{
			`Secondary is set ("centralus") but Replication is "None": choose "GeoRedundantStorage" or "ObjectReplication" to replicate to it, or remove Secondary`,
		}},
		{"unknown replication mode", func(a *Args) { a.Replication = "GRS" }, []string{
			`Replication "GRS": use "GeoRedundantStorage", "ObjectReplication" or "None"`,
		}},
		{"geo-redundant copy outside the secondary region", func(a *Args) {
			a.Replication = GeoRedundantStorage
			a.Secondary.Location = "westus3"
			a.EndpointRegions = []string{"eastus2", "westus3"}
		}, []string{
			`Secondary.Location "westus3" is not the Azure pair of Primary.Location "eastus2" ("centralus"): Replication "GeoRedundantStorage" copies blobs to the pair, not to the secondary region; set Secondary.Location to "centralus" or use Replication "ObjectReplication"`,
		}},
		{"geo-redundant storage in a region without a pair", func(a *Args) {
			a.Replication = GeoRedundantStorage
			a.Primary.Location, a.Secondary.Location = "italynorth", "westeurope"
			a.EndpointRegions = []string{"italynorth", "westeurope"}
		}, []string{
			`Replication "GeoRedundantStorage": Primary.Location "italynorth" has no Azure pair, so a geo-redundant SKU has no region to copy to; use Replication "ObjectReplication" to copy to "westeurope"`,
		}},
		{"local SKU with geo-redundant storage", func(a *Args) { a.Replication, a.Storage.Sku = GeoRedundantStorage, "Standard_ZRS" }, []string{
			`Storage.Sku "Standard_ZRS" is not geo-redundant: Replication "GeoRedundantStorage" needs one of Standard_RAGZRS, Standard_GZRS, Standard_RAGRS, Standard_GRS (or use Replication "ObjectReplication" with a local SKU)`,
		}},
		{"premium storage SKU", func(a *Args) { a.Storage.Sku = "Premium_LRS" }, []string{
			`Storage.Sku "Premium_LRS": use one of Standard_LRS, Standard_ZRS, Standard_GRS, Standard_RAGRS, Standard_GZRS, Standard_RAGZRS`,
		}},
		{"storage name prefix Azure would refuse", func(a *Args) { a.NamePrefix = "Contoso-AI" }, []string{
			`NamePrefix "Contoso-AI" would give storage account names Azure refuses ("Contoso-AIpri"): use 3-21 lower-case letters and digits starting with a letter, no '-', '_' or capitals (the component appends "pri"/"sec"; account names are at most 24 characters)`,
		}},
		{"storage name prefix too long", func(a *Args) { a.NamePrefix = "contosoartificialintel" }, []string{
			`NamePrefix "contosoartificialintel" would give storage account names Azure refuses ("contosoartificialintelpri"): use 3-21 lower-case letters and digits starting with a letter, no '-', '_' or capitals (the component appends "pri"/"sec"; account names are at most 24 characters)`,
		}},
		{"no name prefix", func(a *Args) { a.NamePrefix = "" }, []string{
			`NamePrefix is required: 3-21 lower-case letters and digits starting with a letter, e.g. "contosoai"; it makes the globally unique storage, search, registry and key vault names`,
		}},
		{"unknown region", func(a *Args) { a.Primary.Location = "eastus22" }, []string{
			strings.TrimPrefix(catalogLine(t, "Primary.Location", unknownRegion, ""), prefix),
		}},
		{"secondary region without AI Search", func(a *Args) {
			a.Secondary.Location = "japanwest"
			a.EndpointRegions = []string{"eastus2", "japanwest"}
		}, []string{
			strings.TrimPrefix(catalogLine(t, "Secondary.Location", cat.RequireService("japanwest", catalog.ServiceSearch), "an AI Search service"), prefix),
		}},
		{"secondary region without AI Search or ML", func(a *Args) {
			a.Primary.Location, a.Secondary.Location = "germanywestcentral", "germanynorth"
			a.EndpointRegions = []string{"germanywestcentral", "germanynorth"}
		}, []string{
			strings.TrimPrefix(catalogLine(t, "Secondary.Location", cat.RequireService("germanynorth", catalog.ServiceSearch), "an AI Search service"), prefix),
			strings.TrimPrefix(catalogLine(t, "Secondary.Location", cat.RequireService("germanynorth", catalog.ServiceML), "an Azure ML registry region"), prefix),
		}},
		{"free search SKU", func(a *Args) { a.Search.Sku = "free" }, []string{
			`Search.Sku "free" has no private link (policy a049bf77 "Azure AI Search service should use a SKU that supports private link") and no SLA: use basic, standard, standard2, standard3, storage_optimized_l1, storage_optimized_l2`,
		}},
		{"unknown search SKU", func(a *Args) { a.Search.Sku = "Standard" }, []string{
			`Search.Sku "Standard": use one of basic, standard, standard2, standard3, storage_optimized_l1, storage_optimized_l2 (lower-case, as API 2023-11-01 spells them)`,
		}},
		{"one search replica", func(a *Args) { a.Search.ReplicaCount = 1 }, []string{
			`Search.ReplicaCount 1 is below 2: AI Search's SLA needs 2 replicas for reads and 3 for reads and writes; set 2 or more (default 3 in production, 2 otherwise)`,
		}},
		{"too many replicas for basic", func(a *Args) { a.Search.Sku, a.Search.ReplicaCount = "basic", 4 }, []string{
			`Search.ReplicaCount 4 is above 3, the most the "basic" SKU allows`,
		}},
		{"unsupported partition count", func(a *Args) { a.Search.PartitionCount = 5 }, []string{
			`Search.PartitionCount 5: use 1, 2, 3, 4, 6 or 12`,
		}},
		{"partitions on basic", func(a *Args) { a.Search.Sku, a.Search.PartitionCount = "basic", 2 }, []string{
			`Search.PartitionCount 2: the "basic" SKU has 1 partition; use a standard SKU for more`,
		}},
		{"unknown semantic search plan", func(a *Args) { a.Search.SemanticSearch = "premium" }, []string{
			`Search.SemanticSearch "premium": use one of disabled, free, standard, or leave it empty`,
		}},
		{"data not co-located with the endpoints", func(a *Args) { a.EndpointRegions = []string{"eastus2", "westus3"} }, []string{
			`Secondary.Location "centralus" has no model endpoint (EndpointRegions: eastus2, westus3): RAG data must be in the region of the endpoints it serves; move it to one of them, or set CrossRegionReason to keep it there on purpose`,
		}},
		{"no endpoint regions", func(a *Args) { a.EndpointRegions = nil }, []string{
			`EndpointRegions is empty: name the regions of the model endpoints this data serves, so the data stores go where the models are (RAG co-location); or set CrossRegionReason to place them elsewhere on purpose`,
		}},
		{"unknown endpoint region", func(a *Args) { a.EndpointRegions = append(a.EndpointRegions, "eastus22") }, []string{
			strings.TrimPrefix(catalogLine(t, "EndpointRegions[2]", unknownRegion, ""), prefix),
		}},
		{"no resource group", func(a *Args) { a.ResourceGroupName = nil }, []string{
			`ResourceGroupName is required: the existing resource group of the primary region's resources`,
		}},
		{"no private endpoint subnet", func(a *Args) { a.Secondary.PrivateEndpointSubnetID = nil }, []string{
			`Secondary.PrivateEndpointSubnetID is required: the subnet of the secondary region's private endpoints (e.g. SecureNetwork's private-endpoint subnet in "centralus")`,
		}},
		{"no primary location", func(a *Args) { a.Primary.Location = "" }, []string{
			`Primary.Location is required: an Azure region name such as "eastus2"`,
		}},
		{"no private DNS zone ids", func(a *Args) { a.PrivateDNSZoneIDs = nil }, []string{
			`PrivateDNSZoneIDs is required: the private DNS zone ids by key (blob, search, azureml, vault), e.g. SecureNetwork's PrivateDNSZoneIDs`,
		}},
		{"no vault zone with a key vault", func(a *Args) {
			ids := zoneIDs()
			delete(ids, DNSVault)
			a.PrivateDNSZoneIDs = ids
		}, []string{
			`PrivateDNSZoneIDs has no "vault" key: the private endpoints of the key vault register in that zone; add its id`,
		}},
		{"bad container name", func(a *Args) { a.Storage.Containers = []string{"rag-datasets", "Models--v1"} }, []string{
			`Storage.Containers[1] "Models--v1" is not a blob container name: use 3-63 lower-case letters, digits and single '-', starting and ending with a letter or digit`,
		}},
		{"duplicate container", func(a *Args) { a.Storage.Containers = []string{"rag-datasets", "rag-datasets"} }, []string{
			`Storage.Containers[1] "rag-datasets" duplicates Storage.Containers[0]`,
		}},
		{"soft delete retention too long", func(a *Args) { a.Storage.SoftDeleteRetentionDays = 400 }, []string{
			`Storage.SoftDeleteRetentionDays 400: use 1-365 (default 30)`,
		}},
		{"negative change feed retention", func(a *Args) { a.Storage.ChangeFeedRetentionDays = -1 }, []string{
			`Storage.ChangeFeedRetentionDays -1: use 1-146000 (default 30)`,
		}},
		{"unknown registry storage type", func(a *Args) { a.Registry.StorageAccountType = "Standard_XRS" }, []string{
			`Registry.StorageAccountType "Standard_XRS": use one of Standard_LRS, Standard_ZRS, Standard_GRS, Standard_RAGRS, Standard_GZRS, Standard_RAGZRS, Premium_LRS, Premium_ZRS`,
		}},
		{"unknown key vault SKU", func(a *Args) { a.KeyVault.Sku = "hsm" }, []string{
			`KeyVault.Sku "hsm": use "standard" or "premium"`,
		}},
		{"key vault retention too short", func(a *Args) { a.KeyVault.SoftDeleteRetentionDays = 3 }, []string{
			`KeyVault.SoftDeleteRetentionDays 3: use 7-90 (default 90)`,
		}},
		{"unknown archetype", func(a *Args) { a.Archetype = "Corp" }, []string{
			`Archetype "Corp": use one of corp, online, dev, sandbox`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := baseline()
			c.change(args)
			want := make([]string, len(c.want))
			for i, w := range c.want {
				want[i] = prefix + w
			}

			err := args.Validate()
			if err == nil {
				t.Fatal("Validate accepted the arguments")
			}
			if !errors.Is(err, ErrInvalidArgs) {
				t.Errorf("Validate error does not wrap ErrInvalidArgs: %v", err)
			}
			if got := errorLines(err); !reflect.DeepEqual(got, want) {
				t.Errorf("Validate error lines:\n  got  %q\n  want %q", got, want)
			}

			rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
				_, err := New(ctx, "assets", args)
				return err
			})
			if err == nil {
				t.Fatal("New accepted the arguments")
			}
			if !strings.Contains(err.Error(), `AssetReplication "assets": `+want[0]) {
				t.Errorf("New error = %v, want it to name the component and the problem", err)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered before the error, want none", n)
			}
		})
	}
}

func TestValidateBaselines(t *testing.T) {
	if err := baseline().Validate(); err != nil {
		t.Fatalf("the baseline is invalid: %v", err)
	}
	var nilArgs *Args
	if err := nilArgs.Validate(); err == nil || err.Error() != prefix+"args are required" {
		t.Errorf("nil args: %v", err)
	}
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := New(ctx, "assets", nil)
		return err
	})
	if err == nil || len(rec.Resources()) != 0 {
		t.Errorf("nil args: err %v, %d resources", err, len(rec.Resources()))
	}
	// Cross-region on purpose is accepted.
	a := baseline()
	a.EndpointRegions = nil
	a.CrossRegionReason = "the models are global deployments; data stays in the EU"
	if err := a.Validate(); err != nil {
		t.Errorf("CrossRegionReason not honoured: %v", err)
	}
	// Validate does not change the arguments.
	a = baseline()
	before := *a
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if a.Replication != before.Replication || a.Archetype != before.Archetype || a.Search != before.Search || !reflect.DeepEqual(a.Storage, before.Storage) {
		t.Error("Validate changed the arguments")
	}
}

// TestValidationReportsEveryProblem changes several things at once.
func TestValidationReportsEveryProblem(t *testing.T) {
	a := baseline()
	a.NamePrefix = "AI"
	a.Search.Sku = "free"
	a.Search.ReplicaCount = 1
	a.Secondary.Location = "eastus2"
	err := a.Validate()
	if err == nil {
		t.Fatal("accepted")
	}
	if n := len(errorLines(err)); n != 4 {
		t.Errorf("%d problems reported, want 4:\n%v", n, err)
	}
}

// TestConnectionNamedNamesWhatIsMissing: an approval that cannot find the connection
// its shared private link requested fails naming the account and the request.
func TestConnectionNamedNamesWhatIsMissing(t *testing.T) {
	msg := "AI Search s indexers read RAG data from a"
	other := "someone else's request"
	conns := []storage.PrivateEndpointConnectionResponse{{Name: "other.1", PrivateLinkServiceConnectionState: storage.PrivateLinkServiceConnectionStateResponse{Description: &other}}}
	_, err := connectionNamed(conns, msg, "a")
	if err == nil || !strings.Contains(err.Error(), `storage account a has no private endpoint connection requested with "AI Search s indexers read RAG data from a" (of 1 connections)`) {
		t.Fatalf("error = %v", err)
	}
	conns = append(conns, storage.PrivateEndpointConnectionResponse{Name: "s.2", PrivateLinkServiceConnectionState: storage.PrivateLinkServiceConnectionStateResponse{Description: &msg}})
	if name, err := connectionNamed(conns, msg, "a"); err != nil || name != "s.2" {
		t.Fatalf("connectionNamed = %q, %v; want s.2", name, err)
	}
}
