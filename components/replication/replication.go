package replication

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TypeToken is the type token of the AssetReplication component.
const TypeToken = "aiready:reliability:AssetReplication"

// ComponentName is the value of the aiready-component tag on the component's resources.
const ComponentName = "AssetReplication"

// Keys of Placement.Stores and of the CoLocation output.
const (
	// StoreStoragePrimary is the primary region's storage account.
	StoreStoragePrimary = "storage-primary"
	// StoreStorageSecondary is where the blob copy is: the secondary account with
	// ObjectReplication, the geo-redundant SKU's pair region otherwise.
	StoreStorageSecondary = "storage-secondary"
	// StoreSearchPrimary is the primary region's AI Search service.
	StoreSearchPrimary = "search-primary"
	// StoreSearchSecondary is the secondary region's AI Search service.
	StoreSearchSecondary = "search-secondary"
	// StoreRegistryPrimary is the ML registry's primary region.
	StoreRegistryPrimary = "registry-primary"
	// StoreRegistrySecondary is the ML registry's replica region.
	StoreRegistrySecondary = "registry-secondary"
	// StoreKeyVault is the key vault (with KeyVault only).
	StoreKeyVault = "keyvault"
)

// AssetReplication holds the AI assets the guide names (fine-tuned models, trained
// models, RAG datasets, training data) in a primary region with a copy in a
// secondary region: storage replicated by a geo-redundant SKU or by object
// replication, an AI Search service per region, an Azure ML registry replicated to
// both regions and, if asked, a key vault for customer-managed keys. Every store is
// private (public network access disabled, a private endpoint with its DNS zone
// group) and, in production, protected against deletion.
type AssetReplication struct {
	pulumi.ResourceState

	// StorageAccountIDs are the storage account ids by region: the primary's, and the
	// secondary's with ObjectReplication.
	StorageAccountIDs pulumi.StringMapOutput `pulumi:"storageAccountIds"`
	// StorageAccountNames are the storage account names by region.
	StorageAccountNames pulumi.StringMapOutput `pulumi:"storageAccountNames"`
	// BlobEndpoints are, by region, the blob endpoint that region's consumers read:
	// each account's own, or with a read-access geo-redundant SKU the account's
	// "-secondary" endpoint for the secondary region.
	BlobEndpoints pulumi.StringMapOutput `pulumi:"blobEndpoints"`
	// ContainerNames are the blob containers of every account.
	ContainerNames pulumi.StringArrayOutput `pulumi:"containerNames"`
	// SearchServiceIDs are the AI Search service ids by region.
	SearchServiceIDs pulumi.StringMapOutput `pulumi:"searchServiceIds"`
	// SearchServiceNames are the AI Search service names by region.
	SearchServiceNames pulumi.StringMapOutput `pulumi:"searchServiceNames"`
	// SearchEndpoints are the AI Search data-plane URLs by region.
	SearchEndpoints pulumi.StringMapOutput `pulumi:"searchEndpoints"`
	// SearchPrincipalIDs are the search services' managed identity principal ids by
	// region (to grant them access to embedding models, for example).
	SearchPrincipalIDs pulumi.StringMapOutput `pulumi:"searchPrincipalIds"`
	// RegistryID is the Azure ML registry's id.
	RegistryID pulumi.StringOutput `pulumi:"registryId"`
	// RegistryName is the Azure ML registry's name.
	RegistryName pulumi.StringOutput `pulumi:"registryName"`
	// KeyVaultID is the key vault's id ("" without KeyVault).
	KeyVaultID pulumi.StringOutput `pulumi:"keyVaultId"`
	// KeyVaultURI is the key vault's URI ("" without KeyVault).
	KeyVaultURI pulumi.StringOutput `pulumi:"keyVaultUri"`
	// CoLocation maps each data store (Store* constants) to its region.
	CoLocation pulumi.StringMapOutput `pulumi:"coLocation"`
	// CrossRegionReason is the reason given for data outside the endpoint regions
	// ("" when co-location was enforced).
	CrossRegionReason pulumi.StringOutput `pulumi:"crossRegionReason"`
	// Replication is the replication mode used.
	Replication pulumi.StringOutput `pulumi:"replication"`

	placement Placement
}

// Placement says where the data stores are, for plain Go programs (stacks, reports)
// that must not wait for outputs.
type Placement struct {
	// Stores maps each data store (Store* constants) to its region. With
	// GeoRedundantStorage, storage-secondary is the primary's Azure pair, where the
	// SKU keeps the copy.
	Stores map[string]string
	// EndpointRegions are the model endpoint regions the data serves.
	EndpointRegions []string
	// CoLocated is true when every storage and search store is in an endpoint region.
	CoLocated bool
	// CrossRegionReason is the reason given for data outside the endpoint regions.
	CrossRegionReason string
}

// Placement returns where the component put each data store.
func (a *AssetReplication) Placement() Placement { return a.placement.clone() }

func (p Placement) clone() Placement {
	p.Stores = maps.Clone(p.Stores)
	p.EndpointRegions = slices.Clone(p.EndpointRegions)
	return p
}

// place computes the placement of validated arguments.
func (r *resolved) place(a *Args) Placement {
	p := Placement{
		Stores:            map[string]string{},
		EndpointRegions:   slices.Clone(a.EndpointRegions),
		CrossRegionReason: a.CrossRegionReason,
	}
	for _, reg := range r.regions {
		p.Stores["storage-"+reg.role] = reg.Location
		p.Stores["search-"+reg.role] = reg.Location
		p.Stores["registry-"+reg.role] = reg.Location
	}
	if a.KeyVault != nil {
		p.Stores[StoreKeyVault] = r.regions[0].Location
	}
	p.CoLocated = true
	for store, region := range p.Stores {
		if store == StoreKeyVault || store == StoreRegistryPrimary || store == StoreRegistrySecondary {
			continue
		}
		if !slices.Contains(a.EndpointRegions, region) {
			p.CoLocated = false
		}
	}
	return p
}

// New validates args and builds the component. It fails before
// registering anything when the arguments are invalid (see
// Args.Validate).
func New(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*AssetReplication, error) {
	r, err := args.resolve()
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", ComponentName, name, err)
	}
	comp := &AssetReplication{placement: r.placement}
	if err := ctx.RegisterComponentResourceV2(TypeToken, name, summary(args, r), comp, opts...); err != nil {
		return nil, fmt.Errorf("%s %q: registering the component: %w", ComponentName, name, err)
	}
	b := &builder{
		ctx:  ctx,
		name: name,
		args: args,
		r:    r,
		comp: comp,
		tags: tags.Set{Archetype: r.archetype, Production: args.Production, Component: ComponentName}.Merge(args.Tags),
	}
	if err := b.build(); err != nil {
		return nil, err
	}
	return comp, nil
}

// summary is what the component records as its inputs: the plain decisions.
func summary(a *Args, r *resolved) pulumi.Map {
	regions := pulumi.StringMap{}
	for _, reg := range r.regions {
		regions[reg.role] = pulumi.String(reg.Location)
	}
	return pulumi.Map{
		"archetype":         pulumi.String(r.archetype),
		"production":        pulumi.Bool(a.Production),
		"replication":       pulumi.String(string(r.mode)),
		"regions":           regions,
		"endpointRegions":   pulumi.ToStringArray(a.EndpointRegions),
		"crossRegionReason": pulumi.String(a.CrossRegionReason),
		"containers":        pulumi.ToStringArray(r.containers),
		"keyVault":          pulumi.Bool(a.KeyVault != nil),
	}
}
