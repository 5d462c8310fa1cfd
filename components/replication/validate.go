package replication

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/aiready/aiready/azure/search"
	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ErrInvalidArgs is wrapped by every error of Args.Validate.
var ErrInvalidArgs = errors.New("invalid AssetReplication arguments")

// Defaults and limits.
const (
	// DefaultSoftDeleteRetentionDays is StorageArgs.SoftDeleteRetentionDays's default.
	DefaultSoftDeleteRetentionDays = 30
	// DefaultChangeFeedRetentionDays is StorageArgs.ChangeFeedRetentionDays's default.
	DefaultChangeFeedRetentionDays = 30
	// DefaultKeyVaultRetentionDays is KeyVaultArgs.SoftDeleteRetentionDays's default.
	DefaultKeyVaultRetentionDays = 90
	// MinSearchReplicas is the fewest replicas AI Search's read SLA allows.
	MinSearchReplicas = 2
	// ProductionSearchReplicas is the replica count of AI Search's read-write SLA.
	ProductionSearchReplicas = 3
)

// Storage SKUs.
const (
	skuLRS    = "Standard_LRS"
	skuZRS    = "Standard_ZRS"
	skuGRS    = "Standard_GRS"
	skuRAGRS  = "Standard_RAGRS"
	skuGZRS   = "Standard_GZRS"
	skuRAGZRS = "Standard_RAGZRS"
)

var (
	geoSkus      = []string{skuRAGZRS, skuGZRS, skuRAGRS, skuGRS}
	standardSkus = []string{skuLRS, skuZRS, skuGRS, skuRAGRS, skuGZRS, skuRAGZRS}
	registrySkus = []string{skuLRS, skuZRS, skuGRS, skuRAGRS, skuGZRS, skuRAGZRS, "Premium_LRS", "Premium_ZRS"}
	searchSkus   = []string{search.SkuBasic, search.SkuStandard, search.SkuStandard2, search.SkuStandard3, search.SkuStorageOptimizedL1, search.SkuStorageOptimizedL2}
	partitions   = []int{1, 2, 3, 4, 6, 12}
	semantic     = []string{search.SemanticSearchDisabled, search.SemanticSearchFree, search.SemanticSearchStandard}

	prefixRE    = regexp.MustCompile(`^[a-z][a-z0-9]{2,20}$`)
	containerRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`)
)

// resolved is a validated Args with its defaults applied; the args
// themselves are not changed.
type resolved struct {
	// cat is the catalog the arguments are judged by (Args.Catalog or the embedded one).
	cat       *catalog.Catalog
	archetype string
	mode      ReplicationMode
	regions   []resolvedRegion // primary first; secondary second unless mode is None
	// accounts are the storage accounts: the primary's, and the secondary's with
	// ObjectReplication.
	accounts []resolvedRegion
	// readSecondary is true for a read-access geo-redundant SKU: the secondary region
	// reads the copy through a blob_secondary private endpoint.
	readSecondary  bool
	containers     []string
	softDeleteDays int
	changeFeedDays int
	searchSku      string
	replicas       int
	partitions     int
	semanticSearch string
	vaultSku       string
	vaultDays      int
	placement      Placement
}

// resolvedRegion is one validated region.
type resolvedRegion struct {
	RegionArgs
	// role is "primary" or "secondary".
	role string
	rg   pulumi.StringInput
	// storageSku is the SKU of the region's storage account.
	storageSku string
	// registryStorage is the SKU of the registry's storage account in the region.
	registryStorage string
}

func (r resolvedRegion) isPrimary() bool { return r.role == rolePrimary }

const (
	rolePrimary   = "primary"
	roleSecondary = "secondary"
)

// Validate checks the arguments without creating anything and reports every
// problem, each naming the field, the value and what is allowed. Each error wraps
// ErrInvalidArgs. A stack can call it to check its whole configuration before any
// resource exists; New calls it first.
func (a *Args) Validate() error {
	_, err := a.resolve()
	return err
}

// Placement returns where each data store of these arguments goes (see
// AssetReplication.Placement). It returns the Validate error for invalid arguments.
func (a *Args) Placement() (Placement, error) {
	r, err := a.resolve()
	if err != nil {
		return Placement{}, err
	}
	return r.placement, nil
}

func (a *Args) resolve() (*resolved, error) {
	if a == nil {
		return nil, fmt.Errorf("%w: args are required", ErrInvalidArgs)
	}
	var errs []error
	bad := func(format string, v ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidArgs}, v...)...))
	}
	cat := a.Catalog
	if cat == nil {
		cat = catalog.Default()
	}
	r := &resolved{cat: cat, archetype: a.Archetype, mode: a.Replication}
	a.resolveNames(r, bad)
	a.resolveMode(r, bad)
	a.resolveRegions(cat, r, bad)
	a.checkZones(bad)
	a.resolveStorage(r, bad)
	a.resolveSearch(r, bad)
	a.resolveRegistry(r, bad)
	a.resolveKeyVault(r, bad)
	a.checkCoLocation(cat, r, bad)

	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	r.placement = r.place(a)
	return r, nil
}

// resolveNames resolves the archetype (default corp) and checks it, the resource
// group and the name prefix.
func (a *Args) resolveNames(r *resolved, bad func(string, ...any)) {
	if r.archetype == "" {
		r.archetype = ArchetypeCorp
	}
	if _, err := conventions.Resolve("Archetype", "ArchetypeBase", r.archetype, a.ArchetypeBase); err != nil {
		if a.ArchetypeBase == "" || !conventions.ValidName(r.archetype) {
			bad("Archetype %q: use one of %s", a.Archetype, strings.Join(Archetypes(), ", "))
		} else {
			bad("%s", err)
		}
	}
	if a.ResourceGroupName == nil {
		bad("ResourceGroupName is required: the existing resource group of the primary region's resources")
	}
	switch {
	case a.NamePrefix == "":
		bad("NamePrefix is required: 3-21 lower-case letters and digits starting with a letter, e.g. \"contosoai\"; it makes the globally unique storage, search, registry and key vault names")
	case !prefixRE.MatchString(a.NamePrefix):
		bad("NamePrefix %q would give storage account names Azure refuses (%q): use 3-21 lower-case letters and digits starting with a letter, no '-', '_' or capitals (the component appends \"pri\"/\"sec\"; account names are at most 24 characters)", a.NamePrefix, a.NamePrefix+"pri")
	}
}

// resolveMode resolves the replication mode (default GeoRedundantStorage) and checks
// it against Production and Secondary.
func (a *Args) resolveMode(r *resolved, bad func(string, ...any)) {
	if r.mode == "" {
		r.mode = GeoRedundantStorage
	}
	if !slices.Contains(ReplicationModes(), r.mode) {
		bad("Replication %q: use %q, %q or %q", a.Replication, GeoRedundantStorage, ObjectReplication, NoReplication)
	}
	switch {
	case r.mode == NoReplication && a.Production:
		bad("Replication is %q but Production is true: production AI assets must be replicated to a secondary region; set Secondary and Replication %q or %q", NoReplication, GeoRedundantStorage, ObjectReplication)
	case r.mode == NoReplication && a.Secondary != nil:
		bad("Secondary is set (%q) but Replication is %q: choose %q or %q to replicate to it, or remove Secondary", a.Secondary.Location, NoReplication, GeoRedundantStorage, ObjectReplication)
	case r.mode != NoReplication && a.Secondary == nil:
		bad("Replication %q needs a secondary region: set Secondary (Location, PrivateEndpointSubnetID), or set Replication %q for a single-region, non-production deployment", r.mode, NoReplication)
	}
}

// resolveRegions checks the primary region and, when the mode replicates, the
// secondary: another region, the primary's Azure pair for geo-redundant storage.
func (a *Args) resolveRegions(cat *catalog.Catalog, r *resolved, bad func(string, ...any)) {
	primary := a.checkRegion(cat, "Primary", a.Primary, rolePrimary, bad)
	r.regions = []resolvedRegion{primary}
	if a.Secondary == nil || r.mode == NoReplication {
		return
	}
	var primaryRegion catalog.Region
	primaryKnown := false
	if pr, err := cat.Region(a.Primary.Location); err == nil {
		primaryRegion, primaryKnown = pr, true
	}
	secondary := a.checkRegion(cat, "Secondary", *a.Secondary, roleSecondary, bad)
	if a.Secondary.Location != "" && a.Secondary.Location == a.Primary.Location {
		bad("Secondary.Location %q is the same as Primary.Location: the copy must be in another region to survive a regional outage; choose a different region (e.g. the primary's pair %q)", a.Secondary.Location, primaryRegion.Pair)
	}
	if r.mode == GeoRedundantStorage && primaryKnown && a.Secondary.Location != a.Primary.Location {
		switch {
		case primaryRegion.Pair == "":
			bad("Replication %q: Primary.Location %q has no Azure pair, so a geo-redundant SKU has no region to copy to; use Replication %q to copy to %q", r.mode, a.Primary.Location, ObjectReplication, a.Secondary.Location)
		case primaryRegion.Pair != a.Secondary.Location:
			bad("Secondary.Location %q is not the Azure pair of Primary.Location %q (%q): Replication %q copies blobs to the pair, not to the secondary region; set Secondary.Location to %q or use Replication %q", a.Secondary.Location, a.Primary.Location, primaryRegion.Pair, r.mode, primaryRegion.Pair, ObjectReplication)
		}
	}
	r.regions = append(r.regions, secondary)
}

// checkZones checks that PrivateDNSZoneIDs has every zone the private endpoints
// register in (when the map is known before deployment).
func (a *Args) checkZones(bad func(string, ...any)) {
	if a.PrivateDNSZoneIDs == nil {
		bad("PrivateDNSZoneIDs is required: the private DNS zone ids by key (%s), e.g. SecureNetwork's PrivateDNSZoneIDs", strings.Join(a.zoneKeys(), ", "))
	} else if m, ok := a.PrivateDNSZoneIDs.(pulumi.StringMap); ok {
		for _, k := range a.zoneKeys() {
			if m[k] == nil {
				bad("PrivateDNSZoneIDs has no %q key: the private endpoints of %s register in that zone; add its id", k, zoneUser(k))
			}
		}
	}
}

// zoneKeys are the PrivateDNSZoneIDs keys the arguments need.
func (a *Args) zoneKeys() []string {
	keys := []string{DNSBlob, DNSSearch, DNSAzureML}
	if a.KeyVault != nil {
		keys = append(keys, DNSVault)
	}
	return keys
}

func zoneUser(key string) string {
	switch key {
	case DNSBlob:
		return "the storage accounts"
	case DNSSearch:
		return "the search services"
	case DNSAzureML:
		return "the ML registry"
	default:
		return "the key vault"
	}
}

// checkRegion checks one region's placement and services.
func (a *Args) checkRegion(cat *catalog.Catalog, field string, reg RegionArgs, role string, bad func(string, ...any)) resolvedRegion {
	out := resolvedRegion{RegionArgs: reg, role: role, rg: reg.ResourceGroupName}
	if out.rg == nil {
		out.rg = a.ResourceGroupName
	}
	if reg.PrivateEndpointSubnetID == nil {
		bad("%s.PrivateEndpointSubnetID is required: the subnet of the %s region's private endpoints (e.g. SecureNetwork's private-endpoint subnet in %q)", field, role, reg.Location)
	}
	if reg.Location == "" {
		bad("%s.Location is required: an Azure region name such as \"eastus2\"", field)
		return out
	}
	if _, err := cat.Region(reg.Location); err != nil {
		bad("%s.Location: %v", field, err)
		return out
	}
	services := []string{catalog.ServiceStorage, catalog.ServiceSearch, catalog.ServiceML}
	if role == rolePrimary && a.KeyVault != nil {
		services = append(services, catalog.ServiceKeyVault)
	}
	for _, s := range services {
		if err := cat.RequireService(reg.Location, s); err != nil {
			bad("%s.Location: %v; AssetReplication builds %s there", field, err, serviceUse(s))
		}
	}
	return out
}

func serviceUse(service string) string {
	switch service {
	case catalog.ServiceSearch:
		return "an AI Search service"
	case catalog.ServiceML:
		return "an Azure ML registry region"
	case catalog.ServiceKeyVault:
		return "the key vault"
	default:
		return "a storage account"
	}
}

func (a *Args) resolveStorage(r *resolved, bad func(string, ...any)) {
	s := a.Storage
	if s.Sku != "" {
		allowed := standardSkus
		if r.mode == GeoRedundantStorage {
			allowed = geoSkus
		}
		if !slices.Contains(allowed, s.Sku) {
			if r.mode == GeoRedundantStorage {
				bad("Storage.Sku %q is not geo-redundant: Replication %q needs one of %s (or use Replication %q with a local SKU)", s.Sku, r.mode, strings.Join(allowed, ", "), ObjectReplication)
			} else {
				bad("Storage.Sku %q: use one of %s", s.Sku, strings.Join(allowed, ", "))
			}
		}
	}
	r.accounts = nil
	for i, reg := range r.regions {
		if i > 0 && r.mode != ObjectReplication {
			break
		}
		reg.storageSku = s.Sku
		if reg.storageSku == "" {
			reg.storageSku = defaultStorageSku(r.mode, a.Production, r.cat.HasAvailabilityZones(reg.Location))
		}
		r.regions[i].storageSku = reg.storageSku
		r.accounts = append(r.accounts, r.regions[i])
	}
	r.readSecondary = r.mode == GeoRedundantStorage && len(r.accounts) > 0 && strings.HasPrefix(r.accounts[0].storageSku, "Standard_RA")

	r.containers = s.Containers
	if len(r.containers) == 0 {
		r.containers = AssetContainers()
	}
	seen := map[string]int{}
	for i, c := range r.containers {
		if !containerRE.MatchString(c) || strings.Contains(c, "--") {
			bad("Storage.Containers[%d] %q is not a blob container name: use 3-63 lower-case letters, digits and single '-', starting and ending with a letter or digit", i, c)
		}
		if j, dup := seen[c]; dup {
			bad("Storage.Containers[%d] %q duplicates Storage.Containers[%d]", i, c, j)
		}
		seen[c] = i
	}
	r.softDeleteDays = s.SoftDeleteRetentionDays
	if r.softDeleteDays == 0 {
		r.softDeleteDays = DefaultSoftDeleteRetentionDays
	}
	if r.softDeleteDays < 1 || r.softDeleteDays > 365 {
		bad("Storage.SoftDeleteRetentionDays %d: use 1-365 (default %d)", s.SoftDeleteRetentionDays, DefaultSoftDeleteRetentionDays)
	}
	r.changeFeedDays = s.ChangeFeedRetentionDays
	if r.changeFeedDays == 0 {
		r.changeFeedDays = DefaultChangeFeedRetentionDays
	}
	if r.changeFeedDays < 1 || r.changeFeedDays > 146000 {
		bad("Storage.ChangeFeedRetentionDays %d: use 1-146000 (default %d)", s.ChangeFeedRetentionDays, DefaultChangeFeedRetentionDays)
	}
}

// defaultStorageSku is the SKU of a region's storage account when Storage.Sku is empty.
// zonal says whether the region has availability zones.
func defaultStorageSku(mode ReplicationMode, production, zonal bool) string {
	switch {
	case mode == GeoRedundantStorage && production && zonal:
		return skuRAGZRS
	case mode == GeoRedundantStorage && production:
		return skuRAGRS
	case mode == GeoRedundantStorage:
		return skuGRS
	case production && zonal:
		return skuZRS
	default:
		return skuLRS
	}
}

func (a *Args) resolveSearch(r *resolved, bad func(string, ...any)) {
	s := a.Search
	r.searchSku = s.Sku
	if r.searchSku == "" {
		r.searchSku = search.SkuStandard
	}
	switch {
	case r.searchSku == search.SkuFree:
		bad("Search.Sku %q has no private link (policy a049bf77 \"Azure AI Search service should use a SKU that supports private link\") and no SLA: use %s", s.Sku, strings.Join(searchSkus, ", "))
	case !slices.Contains(searchSkus, r.searchSku):
		bad("Search.Sku %q: use one of %s (lower-case, as API 2023-11-01 spells them)", s.Sku, strings.Join(searchSkus, ", "))
	}
	r.replicas = s.ReplicaCount
	if r.replicas == 0 {
		r.replicas = MinSearchReplicas
		if a.Production {
			r.replicas = ProductionSearchReplicas
		}
	}
	maxReplicas := 12
	if r.searchSku == search.SkuBasic {
		maxReplicas = 3
	}
	switch {
	case r.replicas < MinSearchReplicas:
		bad("Search.ReplicaCount %d is below %d: AI Search's SLA needs 2 replicas for reads and 3 for reads and writes; set 2 or more (default %d in production, %d otherwise)", s.ReplicaCount, MinSearchReplicas, ProductionSearchReplicas, MinSearchReplicas)
	case r.replicas > maxReplicas:
		bad("Search.ReplicaCount %d is above %d, the most the %q SKU allows", s.ReplicaCount, maxReplicas, r.searchSku)
	}
	r.partitions = s.PartitionCount
	if r.partitions == 0 {
		r.partitions = 1
	}
	switch {
	case !slices.Contains(partitions, r.partitions):
		bad("Search.PartitionCount %d: use 1, 2, 3, 4, 6 or 12", s.PartitionCount)
	case r.searchSku == search.SkuBasic && r.partitions > 1:
		bad("Search.PartitionCount %d: the %q SKU has 1 partition; use a standard SKU for more", s.PartitionCount, r.searchSku)
	}
	r.semanticSearch = s.SemanticSearch
	if r.semanticSearch != "" && !slices.Contains(semantic, r.semanticSearch) {
		bad("Search.SemanticSearch %q: use one of %s, or leave it empty", s.SemanticSearch, strings.Join(semantic, ", "))
	}
}

func (a *Args) resolveRegistry(r *resolved, bad func(string, ...any)) {
	t := a.Registry.StorageAccountType
	if t != "" && !slices.Contains(registrySkus, t) {
		bad("Registry.StorageAccountType %q: use one of %s", t, strings.Join(registrySkus, ", "))
	}
	for i := range r.regions {
		r.regions[i].registryStorage = t
		if t == "" {
			r.regions[i].registryStorage = skuLRS
			if a.Production && r.cat.HasAvailabilityZones(r.regions[i].Location) {
				r.regions[i].registryStorage = skuZRS
			}
		}
	}
}

func (a *Args) resolveKeyVault(r *resolved, bad func(string, ...any)) {
	kv := a.KeyVault
	if kv == nil {
		return
	}
	r.vaultSku = kv.Sku
	if r.vaultSku == "" {
		r.vaultSku = "standard"
		if a.Production {
			r.vaultSku = "premium"
		}
	}
	if r.vaultSku != "standard" && r.vaultSku != "premium" {
		bad("KeyVault.Sku %q: use \"standard\" or \"premium\"", kv.Sku)
	}
	r.vaultDays = kv.SoftDeleteRetentionDays
	if r.vaultDays == 0 {
		r.vaultDays = DefaultKeyVaultRetentionDays
	}
	if r.vaultDays < 7 || r.vaultDays > 90 {
		bad("KeyVault.SoftDeleteRetentionDays %d: use 7-90 (default %d)", kv.SoftDeleteRetentionDays, DefaultKeyVaultRetentionDays)
	}
}

// checkCoLocation enforces the guide's RAG co-location: data stores in the regions
// of the model endpoints they serve, unless CrossRegionReason says otherwise.
func (a *Args) checkCoLocation(cat *catalog.Catalog, r *resolved, bad func(string, ...any)) {
	for i, e := range a.EndpointRegions {
		if _, err := cat.Region(e); err != nil {
			bad("EndpointRegions[%d]: %v", i, err)
		}
	}
	if strings.TrimSpace(a.CrossRegionReason) != "" {
		return
	}
	if len(a.EndpointRegions) == 0 {
		bad("EndpointRegions is empty: name the regions of the model endpoints this data serves, so the data stores go where the models are (RAG co-location); or set CrossRegionReason to place them elsewhere on purpose")
		return
	}
	for _, reg := range r.regions {
		if _, err := cat.Region(reg.Location); err != nil || slices.Contains(a.EndpointRegions, reg.Location) {
			continue // an unknown region is reported once, by checkRegion
		}
		field := "Primary.Location"
		if !reg.isPrimary() {
			field = "Secondary.Location"
		}
		bad("%s %q has no model endpoint (EndpointRegions: %s): RAG data must be in the region of the endpoints it serves; move it to one of them, or set CrossRegionReason to keep it there on purpose", field, reg.Location, strings.Join(a.EndpointRegions, ", "))
	}
}
