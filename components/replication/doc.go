// Package replication provides AssetReplication (aiready:reliability:AssetReplication),
// the guide's "Replicate critical AI assets to secondary regions" and "Optimize data
// placement for retrieval-augmented generation": fine-tuned models, trained models,
// RAG datasets and training data in a primary region, with a copy in a secondary
// region, each data store in the region of the model endpoints it serves.
//
// What it builds, each child named <name>-<role> and parented to the component:
//
//   - Storage (StorageV2): one blob container per asset class (AssetContainers).
//     Replication chooses how blobs reach the secondary region:
//     GeoRedundantStorage keeps one account with a geo-redundant SKU (RA-GZRS by
//     default in production where the region has zones), whose copy lives in the
//     primary's Azure pair, so the secondary region must be that pair; with a
//     read-access SKU the secondary region reads it through a blob_secondary private
//     endpoint. ObjectReplication keeps an account in each region and an object
//     replication policy pair with a rule per container copying every blob,
//     existing ones included (the destination's policy first, with policy id
//     "default"; then the source's, with the policy and rule ids Azure returned), blob
//     versioning on both accounts and the change feed on the source. Every account:
//     HTTPS only, TLS 1.2, no shared key, no public blob access, no cross-tenant
//     replication, public network access disabled, network rules denying by default,
//     blob versioning, soft delete for blobs and containers, a private endpoint
//     (group blob) with a DNS zone group.
//   - AI Search: a service in each region (AI Search has no geo-replication; keep
//     the secondary in sync with indexers or pushes), public network access
//     disabled, API keys disabled, a system-assigned identity, a SKU with private
//     link (never free), at least 2 replicas (3 by default in production), a
//     private endpoint (group searchService) and, unless disabled, a shared private
//     link to the region's storage account plus Storage Blob Data Reader on its RAG
//     container, so its indexers read the region's RAG data privately. The shared
//     private link is a connection request that Azure leaves Pending on the storage
//     account until its owner approves it; the component owns both ends and
//     approves it (a storage PrivateEndpointConnection, found among the account's
//     connections by the link's request message).
//   - An Azure ML registry replicated to both regions (regionDetails with
//     system-created storage and Premium container registries), public network
//     access disabled, a private endpoint (group amlregistry) in the primary region.
//   - If KeyVault is set, a key vault for customer-managed keys: purge protection,
//     soft delete, RBAC authorization, public network access disabled, network ACLs
//     denying by default, a private endpoint (group vault).
//
// Co-location: EndpointRegions names the regions of the model endpoints the data
// serves (e.g. RegionalAIEndpoint's regions); the primary and secondary regions must
// both be among them unless CrossRegionReason records why not. The CoLocation
// output and the Placement accessor say where each store is.
//
// Production: storage accounts, containers, search services, the registry and the
// key vault are created with protect and retainOnDelete, so neither a mistaken
// `pulumi destroy` nor a rename deletes data.
//
// Args.Validate checks everything the catalog and the arguments can
// tell before any resource exists: unknown regions, regions without AI Search or
// Azure ML, a secondary equal to the primary or missing while replication is asked
// for, a geo-redundant SKU whose copy would not land in the secondary region, the
// free search SKU, fewer than 2 replicas, a name prefix Azure would refuse, data
// outside the endpoint regions.
package replication
