package replication

import (
	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Archetypes AssetReplication accepts (the landing-zone management group its
// subscription sits in). They are stamped on every resource as the
// aiready-archetype tag; the resources are private in every archetype.
const (
	// ArchetypeCorp is an internal workload.
	ArchetypeCorp = string(conventions.Corp)
	// ArchetypeOnline is an internet-facing workload.
	ArchetypeOnline = string(conventions.Online)
	// ArchetypeDev is an AI development workload.
	ArchetypeDev = string(conventions.Dev)
	// ArchetypeSandbox is a sandbox workload.
	ArchetypeSandbox = string(conventions.Sandbox)
)

// Archetypes returns the archetypes Args.Archetype accepts.
func Archetypes() []string {
	return []string{ArchetypeCorp, ArchetypeOnline, ArchetypeDev, ArchetypeSandbox}
}

// ReplicationMode chooses how blob data reaches the secondary region.
type ReplicationMode string //nolint:revive // the library's exported API (stacks, the provider, user programs); renaming it breaks their callers

const (
	// GeoRedundantStorage keeps one storage account with a geo-redundant SKU
	// (RA-GZRS, GZRS, RA-GRS or GRS): Azure copies every write to the primary
	// region's Azure pair, which must then be the secondary region. Failover is an
	// account failover; with a read-access SKU the secondary region reads the copy
	// through the account's "-secondary" endpoint.
	GeoRedundantStorage ReplicationMode = "GeoRedundantStorage"
	// ObjectReplication keeps a storage account in each region and an object
	// replication policy copying every asset container from the primary (source) to
	// the secondary (destination), asynchronously. The secondary may be any region.
	// Blob versioning is on in both accounts and the change feed on the source.
	ObjectReplication ReplicationMode = "ObjectReplication"
	// NoReplication builds the primary region only (dev and sandbox). Production
	// refuses it.
	NoReplication ReplicationMode = "None"
)

// ReplicationModes returns the modes Args.Replication accepts.
func ReplicationModes() []ReplicationMode { //nolint:revive // named after ReplicationMode, the exported API
	return []ReplicationMode{GeoRedundantStorage, ObjectReplication, NoReplication}
}

// Blob containers, one per asset class the guide names.
const (
	// ContainerFineTunedModels holds fine-tuned models.
	ContainerFineTunedModels = "fine-tuned-models"
	// ContainerTrainedModels holds trained models.
	ContainerTrainedModels = "trained-models"
	// ContainerRAGDatasets holds the datasets retrieval-augmented generation indexes.
	ContainerRAGDatasets = "rag-datasets"
	// ContainerTrainingData holds training data.
	ContainerTrainingData = "training-data"
)

// AssetContainers returns the default containers: one per asset class.
func AssetContainers() []string {
	return []string{ContainerFineTunedModels, ContainerTrainedModels, ContainerRAGDatasets, ContainerTrainingData}
}

// Keys of Args.PrivateDNSZoneIDs, the same as SecureNetwork's
// PrivateDNSZoneIDs.
const (
	// DNSBlob is privatelink.blob.core.windows.net, for the storage accounts.
	DNSBlob = "blob"
	// DNSSearch is privatelink.search.windows.net, for the search services.
	DNSSearch = "search"
	// DNSAzureML is privatelink.api.azureml.ms, for the ML registry.
	DNSAzureML = "azureml"
	// DNSVault is privatelink.vaultcore.azure.net, for the key vault.
	DNSVault = "vault"
)

// Args are the arguments of an AssetReplication. Plain Go values
// decide what is built and are checked by Validate; pulumi Inputs carry values into
// resources.
type Args struct {
	// Archetype is the landing-zone archetype: "corp", "online", "dev" or "sandbox"
	// (the Archetype* constants). Optional; default "corp". Stamped on every resource
	// as the aiready-archetype tag. A user-named archetype (as
	// ManagementGroupHierarchy accepts one) needs ArchetypeBase.
	Archetype string
	// ArchetypeBase is the built-in archetype a user-named Archetype behaves as
	// (corp, online, dev or sandbox); the resources are private in every one.
	// Required for a user-named Archetype, empty for a built-in one.
	ArchetypeBase string
	// Production marks production resources: every data-bearing resource (storage
	// accounts, containers, search services, registry, key vault) is then created
	// with protect and retainOnDelete, the defaults pick zone- and geo-redundant
	// SKUs, and Replication may not be None. Optional; default false.
	Production bool
	// ResourceGroupName is the existing resource group of the primary region's
	// resources, the registry and the key vault, and of the secondary region's
	// unless Secondary.ResourceGroupName is set. Required.
	ResourceGroupName pulumi.StringInput
	// NamePrefix makes the globally unique Azure names: storage accounts
	// <prefix>pri and <prefix>sec, search services <prefix>-<region>, the registry
	// <prefix>-registry, the key vault <prefix>-kv. Required: 3-21 characters,
	// lower-case letters and digits, starting with a letter (storage account names
	// allow nothing else and at most 24 characters).
	NamePrefix string
	// Primary is the primary region: where the assets are written. Required.
	Primary RegionArgs
	// Secondary is the region holding the copy. Required unless Replication is None
	// (and then it must be nil); must differ from Primary.Location. With
	// GeoRedundantStorage it must be the primary region's Azure pair.
	Secondary *RegionArgs
	// Replication chooses how blob data is copied: GeoRedundantStorage,
	// ObjectReplication or NoReplication. Optional; default GeoRedundantStorage.
	// The search services and the registry are built in both regions whatever the
	// mode (except None).
	Replication ReplicationMode
	// PrivateDNSZoneIDs are the private DNS zone ids by key (DNS* constants), e.g.
	// SecureNetwork's PrivateDNSZoneIDs: "blob", "search" and "azureml" always,
	// "vault" when KeyVault is set. Required. The zones are global: every region's
	// private endpoints register in them.
	PrivateDNSZoneIDs pulumi.StringMapInput
	// EndpointRegions are the regions of the model endpoints this data serves (RAG
	// co-location). Required unless CrossRegionReason is set: Primary.Location and
	// Secondary.Location must each be one of them, so that retrieval reads data in
	// the model's region.
	EndpointRegions []string
	// CrossRegionReason allows data stores outside the endpoint regions, for a
	// business requirement the guide accepts (e.g. data residency); it is recorded
	// in the outputs. Optional; default "" (co-location enforced).
	CrossRegionReason string
	// Storage configures the storage accounts. Optional.
	Storage StorageArgs
	// Search configures the AI Search services. Optional.
	Search SearchArgs
	// Registry configures the Azure ML registry. Optional.
	Registry RegistryArgs
	// KeyVault, when set, creates a key vault for customer-managed keys in the
	// primary region. Optional; default nil: no vault.
	KeyVault *KeyVaultArgs
	// Catalog holds the regions and the services each offers (storage, AI Search,
	// Azure ML, Key Vault), which both regions are checked against; a stack's
	// catalog with its subscription's import applied (ai-ready:catalogImport)
	// judges the services by the import's provider listings. Optional; default
	// catalog.Default().
	Catalog *catalog.Catalog
	// Tags are added to every taggable resource. Optional. The convention tags
	// (aiready-archetype, aiready-environment, aiready-component) win over a user
	// tag of the same key.
	Tags map[string]string
}

// RegionArgs place one region's data stores.
type RegionArgs struct {
	// Location is the Azure region name, e.g. "eastus2". Required; must be a region of
	// the catalog that offers storage, AI Search and Azure ML (and Key Vault when
	// KeyVault is set, for the primary).
	Location string
	// ResourceGroupName is the region's resource group. Optional; default
	// Args.ResourceGroupName.
	ResourceGroupName pulumi.StringInput
	// PrivateEndpointSubnetID is the subnet of the region's private endpoints (e.g.
	// SecureNetwork's private-endpoint subnet of the region). Required.
	PrivateEndpointSubnetID pulumi.StringInput
}

// StorageArgs configure the storage accounts.
type StorageArgs struct {
	// Sku is the storage SKU. Optional. With GeoRedundantStorage it must be
	// geo-redundant (Standard_RAGZRS, Standard_GZRS, Standard_RAGRS, Standard_GRS);
	// the default is Standard_RAGZRS in production where the primary region has
	// availability zones, Standard_RAGRS in production elsewhere, Standard_GRS
	// outside production. With ObjectReplication or None any Standard_ SKU is
	// accepted; the default is Standard_ZRS in production where the region has
	// zones, Standard_LRS otherwise.
	Sku string
	// Containers are the blob containers, one per asset class. Optional; default
	// AssetContainers(). Names are 3-63 lower-case letters, digits and single '-',
	// starting and ending with a letter or digit, unique.
	Containers []string
	// SoftDeleteRetentionDays keeps deleted blobs and containers recoverable. Optional;
	// default 30; 1-365.
	SoftDeleteRetentionDays int
	// ChangeFeedRetentionDays is how long the source account's change feed is kept
	// (ObjectReplication only). Optional; default 30; 1-146000.
	ChangeFeedRetentionDays int
}

// SearchArgs configure the AI Search services, one per region.
type SearchArgs struct {
	// Sku is the pricing tier: "basic", "standard", "standard2", "standard3",
	// "storage_optimized_l1" or "storage_optimized_l2". Optional; default
	// "standard". "free" is refused: it has no private link (policy a049bf77).
	Sku string
	// ReplicaCount is the replicas per service. Optional; default 3 in production
	// (the read-write SLA), 2 otherwise (the read SLA). At least 2; at most 3 for
	// basic, 12 otherwise.
	ReplicaCount int
	// PartitionCount is the partitions per service: 1, 2, 3, 4, 6 or 12 (1 for
	// basic). Optional; default 1.
	PartitionCount int
	// SemanticSearch is the semantic ranker plan: "disabled", "free" or "standard".
	// Optional; default "" (Azure's default).
	SemanticSearch string
	// DisableIndexerStorageAccess leaves out what lets each service's indexers read
	// the blob containers of its region: a shared private link to the storage
	// account (group "blob"; the storage owner must approve the connection) and the
	// Storage Blob Data Reader role for the service's identity. Optional; default
	// false (access built).
	DisableIndexerStorageAccess bool
}

// RegistryArgs configure the Azure ML registry, replicated to both regions.
type RegistryArgs struct {
	// StorageAccountType is the SKU of the storage account Azure creates in each
	// registry region: Standard_LRS, Standard_ZRS, Standard_GRS, Standard_RAGRS,
	// Standard_GZRS, Standard_RAGZRS, Premium_LRS or Premium_ZRS. Optional; default
	// Standard_ZRS in production where the region has availability zones,
	// Standard_LRS otherwise (the registry itself replicates across regions).
	StorageAccountType string
}

// KeyVaultArgs configure the key vault for customer-managed keys.
type KeyVaultArgs struct {
	// Sku is "standard" or "premium" (HSM-backed keys). Optional; default "premium"
	// in production, "standard" otherwise.
	Sku string
	// SoftDeleteRetentionDays keeps deleted vaults, keys and secrets recoverable.
	// Optional; default 90; 7-90. Purge protection is always on.
	SoftDeleteRetentionDays int
	// TenantID is the Entra ID tenant that authenticates requests to the vault.
	// Optional; default the tenant of the deployment's credentials.
	TenantID pulumi.StringInput
}
