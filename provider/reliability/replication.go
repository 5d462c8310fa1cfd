package reliability

import (
	"reflect"

	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[AssetReplicationArgs](), reflect.TypeFor[replication.Args]())
	mirror.Pair(reflect.TypeFor[AssetReplication](), reflect.TypeFor[replication.AssetReplication]())
}

// Excluded are the replication.Args fields the provider does not offer: the
// catalog is the embedded one (a custom catalog is a Go program's choice).
var Excluded = []string{"Catalog"}

// Archetype is a built-in landing-zone archetype: the one a user-named archetype of
// an AssetReplication behaves as (archetypeBase).
type Archetype string

// Values are replication.Archetypes().
func (Archetype) Values() []infer.EnumValue[Archetype] {
	return mirror.EnumValues[Archetype]("replication", "Archetype", replication.Archetypes()...)
}

// ReplicationMode is how blob data reaches the secondary region (replication.ReplicationModes).
type ReplicationMode string

// Values are replication.ReplicationModes().
func (ReplicationMode) Values() []infer.EnumValue[ReplicationMode] {
	var values []string
	for _, m := range replication.ReplicationModes() {
		values = append(values, string(m))
	}
	return mirror.EnumValues[ReplicationMode]("replication", "", values...)
}

// AssetReplicationArgs are the inputs of AssetReplication (replication.Args).
type AssetReplicationArgs struct {
	Archetype         string                `pulumi:"archetype,optional"`
	ArchetypeBase     *Archetype            `pulumi:"archetypeBase,optional"`
	Production        bool                  `pulumi:"production,optional"`
	ResourceGroupName pulumi.StringInput    `pulumi:"resourceGroupName"`
	NamePrefix        string                `pulumi:"namePrefix"`
	Primary           Region                `pulumi:"primary"`
	Secondary         *Region               `pulumi:"secondary,optional"`
	Replication       *ReplicationMode      `pulumi:"replication,optional"`
	PrivateDNSZoneIDs pulumi.StringMapInput `pulumi:"privateDnsZoneIds"`
	EndpointRegions   []string              `pulumi:"endpointRegions,optional"`
	CrossRegionReason string                `pulumi:"crossRegionReason,optional"`
	Storage           *Storage              `pulumi:"storage,optional"`
	Search            *Search               `pulumi:"search,optional"`
	Registry          *Registry             `pulumi:"registry,optional"`
	KeyVault          *KeyVault             `pulumi:"keyVault,optional"`
	Tags              map[string]string     `pulumi:"tags,optional"`
}

// Annotate documents the inputs.
func (a *AssetReplicationArgs) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }

// Region mirrors replication.RegionArgs.
type Region struct {
	Location                string             `pulumi:"location"`
	ResourceGroupName       pulumi.StringInput `pulumi:"resourceGroupName,optional"`
	PrivateEndpointSubnetID pulumi.StringInput `pulumi:"privateEndpointSubnetId"`
}

// Annotate documents the type.
func (r *Region) Annotate(an infer.Annotator) { mirror.Describe(an, r, nil) }

// Storage mirrors replication.StorageArgs.
type Storage struct {
	Sku                     string   `pulumi:"sku,optional"`
	Containers              []string `pulumi:"containers,optional"`
	SoftDeleteRetentionDays int      `pulumi:"softDeleteRetentionDays,optional"`
	ChangeFeedRetentionDays int      `pulumi:"changeFeedRetentionDays,optional"`
}

// Annotate documents the type.
func (s *Storage) Annotate(an infer.Annotator) { mirror.Describe(an, s, nil) }

// Search mirrors replication.SearchArgs.
type Search struct {
	Sku                         string `pulumi:"sku,optional"`
	ReplicaCount                int    `pulumi:"replicaCount,optional"`
	PartitionCount              int    `pulumi:"partitionCount,optional"`
	SemanticSearch              string `pulumi:"semanticSearch,optional"`
	DisableIndexerStorageAccess bool   `pulumi:"disableIndexerStorageAccess,optional"`
}

// Annotate documents the type.
func (s *Search) Annotate(an infer.Annotator) { mirror.Describe(an, s, nil) }

// Registry mirrors replication.RegistryArgs.
type Registry struct {
	StorageAccountType string `pulumi:"storageAccountType,optional"`
}

// Annotate documents the type.
func (r *Registry) Annotate(an infer.Annotator) { mirror.Describe(an, r, nil) }

// KeyVault mirrors replication.KeyVaultArgs; an empty object creates the vault
// with the defaults.
type KeyVault struct {
	Sku                     string             `pulumi:"sku,optional"`
	SoftDeleteRetentionDays int                `pulumi:"softDeleteRetentionDays,optional"`
	TenantID                pulumi.StringInput `pulumi:"tenantId,optional"`
}

// Annotate documents the type.
func (k *KeyVault) Annotate(an infer.Annotator) { mirror.Describe(an, k, nil) }

// AssetReplication is the component's outputs; the component itself is the
// library's.
type AssetReplication struct {
	pulumi.ComponentResource

	StorageAccountIDs   pulumi.StringMapOutput   `pulumi:"storageAccountIds"`
	StorageAccountNames pulumi.StringMapOutput   `pulumi:"storageAccountNames"`
	BlobEndpoints       pulumi.StringMapOutput   `pulumi:"blobEndpoints"`
	ContainerNames      pulumi.StringArrayOutput `pulumi:"containerNames"`
	SearchServiceIDs    pulumi.StringMapOutput   `pulumi:"searchServiceIds"`
	SearchServiceNames  pulumi.StringMapOutput   `pulumi:"searchServiceNames"`
	SearchEndpoints     pulumi.StringMapOutput   `pulumi:"searchEndpoints"`
	SearchPrincipalIDs  pulumi.StringMapOutput   `pulumi:"searchPrincipalIds"`
	RegistryID          pulumi.StringOutput      `pulumi:"registryId"`
	RegistryName        pulumi.StringOutput      `pulumi:"registryName"`
	KeyVaultID          pulumi.StringOutput      `pulumi:"keyVaultId"`
	KeyVaultURI         pulumi.StringOutput      `pulumi:"keyVaultUri"`
	CoLocation          pulumi.StringMapOutput   `pulumi:"coLocation"`
	CrossRegionReason   pulumi.StringOutput      `pulumi:"crossRegionReason"`
	Replication         pulumi.StringOutput      `pulumi:"replication"`
}

// Annotate sets the token and documents the outputs.
func (r *AssetReplication) Annotate(an infer.Annotator) {
	an.SetToken("reliability", "AssetReplication")
	mirror.Describe(an, r, nil)
}

// NewAssetReplication builds the component with replication.New.
func NewAssetReplication(ctx *pulumi.Context, name string, args AssetReplicationArgs, opts ...pulumi.ResourceOption) (*AssetReplication, error) {
	return mirror.Construct[AssetReplication](args, func(la *replication.Args) (*replication.AssetReplication, error) {
		return replication.New(ctx, name, la, opts...)
	})
}
