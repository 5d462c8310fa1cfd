package replication

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestObjectReplicationStorage(t *testing.T) {
	rec, _ := run(t, baseline())

	if n := rec.Count(accountType); n != 2 {
		t.Fatalf("%d storage accounts, want 2 (one per region)", n)
	}
	pri := rec.Named(t, accountType, "assets-storage-primary")
	sec := rec.Named(t, accountType, "assets-storage-secondary")
	for _, c := range []struct {
		res          pulumitest.Resource
		name, region string
		rg, sku      string
	}{
		{pri, "contosoaipri", "eastus2", "rg-ai", "Standard_ZRS"},
		{sec, "contosoaisec", "centralus", "rg-ai-dr", "Standard_ZRS"},
	} {
		for path, want := range map[string]string{
			"accountName":                  c.name,
			"location":                     c.region,
			"resourceGroupName":            c.rg,
			"kind":                         "StorageV2",
			"sku.name":                     c.sku,
			"minimumTlsVersion":            "TLS1_2",
			"publicNetworkAccess":          "Disabled",
			"networkRuleSet.defaultAction": "Deny",
			"networkRuleSet.bypass":        "None",
		} {
			if got := c.res.String(path); got != want {
				t.Errorf("%s %s = %q, want %q", c.res.Name, path, got, want)
			}
		}
		for path, want := range map[string]bool{
			"enableHttpsTrafficOnly":       true,
			"allowSharedKeyAccess":         false,
			"allowBlobPublicAccess":        false,
			"allowCrossTenantReplication":  false,
			"defaultToOAuthAuthentication": true,
		} {
			if got, ok := c.res.Bool(path); !ok || got != want {
				t.Errorf("%s %s = %v (set %v), want %v", c.res.Name, path, got, ok, want)
			}
		}
	}

	// Versioning on both, change feed on the source only, soft delete on both.
	srcBlob := rec.Named(t, blobServiceType, "assets-storage-primary-blob-service")
	dstBlob := rec.Named(t, blobServiceType, "assets-storage-secondary-blob-service")
	for _, b := range []pulumitest.Resource{srcBlob, dstBlob} {
		if v, ok := b.Bool("isVersioningEnabled"); !ok || !v {
			t.Errorf("%s isVersioningEnabled = %v, want true", b.Name, v)
		}
		for _, p := range []string{"deleteRetentionPolicy", "containerDeleteRetentionPolicy"} {
			if v, ok := b.Bool(p + ".enabled"); !ok || !v {
				t.Errorf("%s %s.enabled = %v, want true", b.Name, p, v)
			}
			if d, _ := b.Number(p + ".days"); d != DefaultSoftDeleteRetentionDays {
				t.Errorf("%s %s.days = %v, want %d", b.Name, p, d, DefaultSoftDeleteRetentionDays)
			}
		}
		if got := b.String("blobServicesName"); got != "default" {
			t.Errorf("%s blobServicesName = %q", b.Name, got)
		}
	}
	if v, ok := srcBlob.Bool("changeFeed.enabled"); !ok || !v {
		t.Errorf("source changeFeed.enabled = %v (set %v), want true", v, ok)
	}
	if d, _ := srcBlob.Number("changeFeed.retentionInDays"); d != DefaultChangeFeedRetentionDays {
		t.Errorf("source changeFeed.retentionInDays = %v", d)
	}
	if _, ok := dstBlob.Input("changeFeed"); ok {
		t.Error("the destination has a change feed; only the source needs one")
	}

	// One private container per asset class in each account.
	for _, role := range []string{"primary", "secondary"} {
		for _, c := range AssetContainers() {
			res := rec.Named(t, containerType, "assets-storage-"+role+"-"+c)
			if got := res.String("containerName"); got != c {
				t.Errorf("%s containerName = %q", res.Name, got)
			}
			if got := res.String("publicAccess"); got != "None" {
				t.Errorf("%s publicAccess = %q, want None", res.Name, got)
			}
		}
	}
	if n := rec.Count(containerType); n != 8 {
		t.Errorf("%d containers, want 8", n)
	}

	// The policy pair: destination first with "default", then the source with the
	// returned policy id and rule ids.
	if n := rec.Count(policyType); n != 2 {
		t.Fatalf("%d object replication policies, want 2", n)
	}
	dst := rec.Named(t, policyType, "assets-replication-destination")
	src := rec.Named(t, policyType, "assets-replication-source")
	order := rec.Resources()
	if slices.IndexFunc(order, func(r pulumitest.Resource) bool { return r.Name == dst.Name }) > slices.IndexFunc(order, func(r pulumitest.Resource) bool { return r.Name == src.Name }) {
		t.Error("the source policy was registered before the destination's")
	}
	if got := dst.String("objectReplicationPolicyId"); got != "default" {
		t.Errorf("destination objectReplicationPolicyId = %q, want default", got)
	}
	if got := dst.String("accountName"); got != "contosoaisec" {
		t.Errorf("destination accountName = %q, want the secondary account", got)
	}
	if got := src.String("accountName"); got != "contosoaipri" {
		t.Errorf("source accountName = %q, want the primary account", got)
	}
	if got := src.String("objectReplicationPolicyId"); got != "policy-123" {
		t.Errorf("source objectReplicationPolicyId = %q, want the destination's policy id", got)
	}
	for _, p := range []pulumitest.Resource{dst, src} {
		if got := p.String("sourceAccount"); got != pulumitest.FakeID(accountType, "assets-storage-primary") {
			t.Errorf("%s sourceAccount = %q, want the primary account's full id", p.Name, got)
		}
		if got := p.String("destinationAccount"); got != pulumitest.FakeID(accountType, "assets-storage-secondary") {
			t.Errorf("%s destinationAccount = %q, want the secondary account's full id", p.Name, got)
		}
		if n := p.Len("rules"); n != len(AssetContainers()) {
			t.Errorf("%s has %d rules, want one per container", p.Name, n)
		}
		deps := map[string]bool{}
		for _, d := range p.Dependencies {
			deps[d] = true
		}
		if !deps[srcBlob.URN] || !deps[dstBlob.URN] {
			t.Errorf("%s does not depend on both accounts' blob service properties (versioning, change feed)", p.Name)
		}
	}
	for i, c := range AssetContainers() {
		for _, p := range []pulumitest.Resource{dst, src} {
			if got := p.String("rules[" + strconv.Itoa(i) + "].sourceContainer"); got != c {
				t.Errorf("%s rules[%d].sourceContainer = %q, want %q", p.Name, i, got, c)
			}
			if got := p.String("rules[" + strconv.Itoa(i) + "].destinationContainer"); got != c {
				t.Errorf("%s rules[%d].destinationContainer = %q, want %q", p.Name, i, got, c)
			}
		}
		for _, p := range []pulumitest.Resource{dst, src} {
			if got := p.String("rules[" + strconv.Itoa(i) + "].filters.minCreationTime"); got != "1601-01-01T00:00:00Z" {
				t.Errorf("%s rules[%d].filters.minCreationTime = %q, want 1601-01-01T00:00:00Z (existing blobs too)", p.Name, i, got)
			}
		}
		if _, ok := dst.Input("rules[" + strconv.Itoa(i) + "].ruleId"); ok {
			t.Errorf("destination rules[%d] has a ruleId; Azure generates it", i)
		}
		if got := src.String("rules[" + strconv.Itoa(i) + "].ruleId"); got != "rule-"+c {
			t.Errorf("source rules[%d].ruleId = %q, want the destination's %q", i, got, "rule-"+c)
		}
	}
	for _, pe := range rec.ByType(endpointType) {
		if pe.String("privateLinkServiceConnections[0].groupIds[0]") == "blob_secondary" {
			t.Errorf("%s: a blob_secondary endpoint with object replication; the secondary has its own account", pe.Name)
		}
	}
}

func TestGeoRedundantStorage(t *testing.T) {
	args := baseline()
	args.Replication = GeoRedundantStorage
	rec, comp := run(t, args)

	if n := rec.Count(accountType); n != 1 {
		t.Fatalf("%d storage accounts, want 1: the SKU keeps the copy", n)
	}
	acct := rec.Named(t, accountType, "assets-storage-primary")
	if got := acct.String("sku.name"); got != "Standard_RAGZRS" {
		t.Errorf("sku.name = %q, want Standard_RAGZRS (production, zonal region)", got)
	}
	if n := rec.Count(policyType); n != 0 {
		t.Errorf("%d object replication policies with a geo-redundant SKU, want 0", n)
	}
	blob := rec.Named(t, blobServiceType, "assets-storage-primary-blob-service")
	if _, ok := blob.Input("changeFeed"); ok {
		t.Error("change feed set without object replication")
	}
	if v, ok := blob.Bool("containerDeleteRetentionPolicy.enabled"); !ok || !v {
		t.Error("container soft delete is off")
	}
	// The secondary region reads the copy through a blob_secondary endpoint in its own subnet.
	read := rec.Named(t, endpointType, "assets-storage-secondary-read-pe")
	for path, want := range map[string]string{
		"privateLinkServiceConnections[0].groupIds[0]":          "blob_secondary",
		"privateLinkServiceConnections[0].privateLinkServiceId": pulumitest.FakeID(accountType, "assets-storage-primary"),
		"subnet.id":         secondarySubnet,
		"location":          "centralus",
		"resourceGroupName": "rg-ai-dr",
	} {
		if got := read.String(path); got != want {
			t.Errorf("secondary read endpoint %s = %q, want %q", path, got, want)
		}
	}
	zg := rec.Named(t, zoneGroupType, "assets-storage-secondary-read-pe-dns")
	if got := zg.String("privateDnsZoneConfigs[0].privateDnsZoneId"); got != "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/blob" {
		t.Errorf("secondary read endpoint zone = %q, want the blob zone", got)
	}

	got := outputs(t, comp)
	wantEndpoints := map[string]string{
		"eastus2":   "https://contosoaipri.blob.core.windows.net/",
		"centralus": "https://contosoaipri-secondary.blob.core.windows.net/",
	}
	if !reflect.DeepEqual(got.blobEndpoints, wantEndpoints) {
		t.Errorf("BlobEndpoints = %v, want %v", got.blobEndpoints, wantEndpoints)
	}
	if !reflect.DeepEqual(keys(got.accountIDs), []string{"eastus2"}) {
		t.Errorf("StorageAccountIDs keys = %v, want only the primary region", keys(got.accountIDs))
	}
	if got.coLocation[StoreStorageSecondary] != "centralus" {
		t.Errorf("CoLocation[storage-secondary] = %q, want the pair centralus", got.coLocation[StoreStorageSecondary])
	}
	// Both search services index the one account.
	for _, l := range rec.ByType(linkType) {
		if got := l.String("properties.privateLinkResourceId"); got != pulumitest.FakeID(accountType, "assets-storage-primary") {
			t.Errorf("%s target = %q, want the geo-redundant account", l.Name, got)
		}
	}
}

func TestDefaultStorageSkus(t *testing.T) {
	for _, c := range []struct {
		name       string
		production bool
		mode       ReplicationMode
		primary    string
		secondary  string
		want       string
		readPE     bool
	}{
		{"geo, production, zonal", true, GeoRedundantStorage, "eastus2", "centralus", "Standard_RAGZRS", true},
		{"geo, production, no zones", true, GeoRedundantStorage, "northcentralus", "southcentralus", "Standard_RAGRS", true},
		{"geo, not production", false, GeoRedundantStorage, "eastus2", "centralus", "Standard_GRS", false},
		{"object replication, not production", false, ObjectReplication, "eastus2", "centralus", "Standard_LRS", false},
		{"object replication, production, no zones", true, ObjectReplication, "northcentralus", "westus3", "Standard_LRS", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := baseline()
			args.Production = c.production
			args.Replication = c.mode
			args.Primary.Location = c.primary
			args.Secondary.Location = c.secondary
			args.EndpointRegions = []string{c.primary, c.secondary}
			rec, _ := run(t, args)
			if got := rec.Named(t, accountType, "assets-storage-primary").String("sku.name"); got != c.want {
				t.Errorf("sku.name = %q, want %q", got, c.want)
			}
			hasRead := false
			for _, pe := range rec.ByType(endpointType) {
				hasRead = hasRead || pe.Name == "assets-storage-secondary-read-pe"
			}
			if hasRead != c.readPE {
				t.Errorf("blob_secondary endpoint built = %v, want %v", hasRead, c.readPE)
			}
		})
	}
	args := baseline()
	args.Storage.Sku = "Standard_GRS"
	args.Storage.SoftDeleteRetentionDays = 7
	rec, _ := run(t, args)
	for _, a := range rec.ByType(accountType) {
		if got := a.String("sku.name"); got != "Standard_GRS" {
			t.Errorf("%s sku.name = %q, want the explicit Standard_GRS", a.Name, got)
		}
	}
	if d, _ := rec.Named(t, blobServiceType, "assets-storage-secondary-blob-service").Number("deleteRetentionPolicy.days"); d != 7 {
		t.Errorf("deleteRetentionPolicy.days = %v, want 7", d)
	}
}

func TestSearchServices(t *testing.T) {
	rec, comp := run(t, baseline())
	if n := rec.Count(searchType); n != 2 {
		t.Fatalf("%d search services, want 2 (AI Search has no geo-replication)", n)
	}
	for _, c := range []struct {
		role, region, rg, subnet, account string
	}{
		{"primary", "eastus2", "rg-ai", primarySubnet, "assets-storage-primary"},
		{"secondary", "centralus", "rg-ai-dr", secondarySubnet, "assets-storage-secondary"},
	} {
		svc := rec.Named(t, searchType, "assets-search-"+c.role)
		for path, want := range map[string]string{
			"searchServiceName":   "contosoai-" + c.region,
			"location":            c.region,
			"resourceGroupName":   c.rg,
			"sku.name":            "standard",
			"publicNetworkAccess": "disabled",
			"identity.type":       "SystemAssigned",
			"hostingMode":         "default",
		} {
			if got := svc.String(path); got != want {
				t.Errorf("%s %s = %q, want %q", svc.Name, path, got, want)
			}
		}
		if v, ok := svc.Bool("disableLocalAuth"); !ok || !v {
			t.Errorf("%s disableLocalAuth = %v, want true", svc.Name, v)
		}
		if n, _ := svc.Number("replicaCount"); n != ProductionSearchReplicas {
			t.Errorf("%s replicaCount = %v, want %d in production", svc.Name, n, ProductionSearchReplicas)
		}
		if n, _ := svc.Number("partitionCount"); n != 1 {
			t.Errorf("%s partitionCount = %v, want 1", svc.Name, n)
		}
		if _, ok := svc.Input("authOptions"); ok {
			t.Errorf("%s has authOptions although local auth is disabled", svc.Name)
		}
		if _, ok := svc.Input("semanticSearch"); ok {
			t.Errorf("%s has semanticSearch although none was asked", svc.Name)
		}

		pe := rec.Named(t, endpointType, "assets-search-"+c.role+"-pe")
		for path, want := range map[string]string{
			"privateLinkServiceConnections[0].groupIds[0]":          "searchService",
			"privateLinkServiceConnections[0].privateLinkServiceId": pulumitest.FakeID(searchType, svc.Name),
			"subnet.id": c.subnet,
			"location":  c.region,
		} {
			if got := pe.String(path); got != want {
				t.Errorf("%s %s = %q, want %q", pe.Name, path, got, want)
			}
		}
		zg := rec.Named(t, zoneGroupType, "assets-search-"+c.role+"-pe-dns")
		if got := zg.String("privateDnsZoneConfigs[0].privateDnsZoneId"); got != "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/search" {
			t.Errorf("%s zone = %q", zg.Name, got)
		}
		if got := zg.String("privateEndpointName"); got != pe.Name {
			t.Errorf("%s privateEndpointName = %q, want %q", zg.Name, got, pe.Name)
		}

		link := rec.Named(t, linkType, "assets-search-"+c.role+"-blob-link")
		if got := link.String("properties.groupId"); got != "blob" {
			t.Errorf("%s groupId = %q", link.Name, got)
		}
		if got := link.String("properties.privateLinkResourceId"); got != pulumitest.FakeID(accountType, c.account) {
			t.Errorf("%s target = %q, want the region's own account %s", link.Name, got, c.account)
		}
		if got := link.String("searchServiceName"); got != "contosoai-"+c.region {
			t.Errorf("%s searchServiceName = %q", link.Name, got)
		}
		approval := rec.Named(t, "azure-native:storage:PrivateEndpointConnection", "assets-search-"+c.role+"-blob-link-approval")
		account := rec.Named(t, accountType, c.account)
		for path, want := range map[string]string{
			"accountName":                                   account.String("accountName"),
			"resourceGroupName":                             account.String("resourceGroupName"),
			"privateEndpointConnectionName":                 link.Name + ".0f8fad5b-d9cb-469f-a165-70867728950e",
			"privateLinkServiceConnectionState.status":      "Approved",
			"privateLinkServiceConnectionState.description": link.String("properties.requestMessage"),
		} {
			if got := approval.String(path); got != want {
				t.Errorf("%s %s = %q, want %q (the connection the shared private link requested, approved)", approval.Name, path, got, want)
			}
		}
		if !slices.Contains(approval.Dependencies, link.URN) {
			t.Errorf("%s does not wait for %s", approval.Name, link.Name)
		}
		role := rec.Named(t, roleType, "assets-search-"+c.role+"-blob-reader")
		if got := role.String("principalId"); got != "principal-"+svc.Name {
			t.Errorf("%s principalId = %q, want the service's identity", role.Name, got)
		}
		if got := role.String("scope"); got != pulumitest.FakeID(containerType, c.account+"-rag-datasets") {
			t.Errorf("%s scope = %q, want the region's RAG container", role.Name, got)
		}
		if got := role.String("roleDefinitionId"); got != "/subscriptions/"+pulumitest.FakeSubscriptionID+"/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1" {
			t.Errorf("%s roleDefinitionId = %q, want Storage Blob Data Reader", role.Name, got)
		}
	}
	got := outputs(t, comp)
	want := map[string]string{
		"eastus2":   "https://contosoai-eastus2.search.windows.net",
		"centralus": "https://contosoai-centralus.search.windows.net",
	}
	if !reflect.DeepEqual(got.searchEndpoints, want) {
		t.Errorf("SearchEndpoints = %v, want %v", got.searchEndpoints, want)
	}
	if got.searchPrincipals["centralus"] != "principal-assets-search-secondary" {
		t.Errorf("SearchPrincipalIDs = %v", got.searchPrincipals)
	}

	args := baseline()
	args.Production = false
	args.Search = SearchArgs{Sku: "basic", SemanticSearch: "free", DisableIndexerStorageAccess: true}
	rec, _ = run(t, args)
	svc := rec.Named(t, searchType, "assets-search-secondary")
	if n, _ := svc.Number("replicaCount"); n != MinSearchReplicas {
		t.Errorf("replicaCount = %v, want %d outside production", n, MinSearchReplicas)
	}
	if got := svc.String("sku.name"); got != "basic" {
		t.Errorf("sku.name = %q", got)
	}
	if got := svc.String("semanticSearch"); got != "free" {
		t.Errorf("semanticSearch = %q", got)
	}
	if rec.Count(linkType)+rec.Count(roleType) != 0 {
		t.Error("indexer storage access built although disabled")
	}
}

func TestRegistry(t *testing.T) {
	rec, comp := run(t, baseline())
	reg := rec.Named(t, registryType, "assets-registry")
	for path, want := range map[string]string{
		"registryName":                           "contosoai-registry",
		"location":                               "eastus2",
		"resourceGroupName":                      "rg-ai",
		"identity.type":                          "SystemAssigned",
		"registryProperties.publicNetworkAccess": "Disabled",
	} {
		if got := reg.String(path); got != want {
			t.Errorf("registry %s = %q, want %q", path, got, want)
		}
	}
	if n := reg.Len("registryProperties.regionDetails"); n != 2 {
		t.Fatalf("%d registry regions, want 2", n)
	}
	for i, region := range []string{"eastus2", "centralus"} {
		p := "registryProperties.regionDetails[" + strconv.Itoa(i) + "]"
		if got := reg.String(p + ".location"); got != region {
			t.Errorf("%s.location = %q, want %q", p, got, region)
		}
		if got := reg.String(p + ".storageAccountDetails[0].systemCreatedStorageAccount.storageAccountType"); got != "Standard_ZRS" {
			t.Errorf("%s storageAccountType = %q, want Standard_ZRS", p, got)
		}
		if v, ok := reg.Bool(p + ".storageAccountDetails[0].systemCreatedStorageAccount.allowBlobPublicAccess"); !ok || v {
			t.Errorf("%s allowBlobPublicAccess = %v (set %v), want false", p, v, ok)
		}
		if got := reg.String(p + ".acrDetails[0].systemCreatedAcrAccount.acrAccountSku"); got != "Premium" {
			t.Errorf("%s acrAccountSku = %q, want Premium", p, got)
		}
	}
	pe := rec.Named(t, endpointType, "assets-registry-pe")
	if got := pe.String("privateLinkServiceConnections[0].groupIds[0]"); got != "amlregistry" {
		t.Errorf("registry endpoint group = %q", got)
	}
	if got := pe.String("subnet.id"); got != primarySubnet {
		t.Errorf("registry endpoint subnet = %q, want the primary's", got)
	}
	zg := rec.Named(t, zoneGroupType, "assets-registry-pe-dns")
	if got := zg.String("privateDnsZoneConfigs[0].privateDnsZoneId"); got != "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/azureml" {
		t.Errorf("registry zone = %q", got)
	}
	if got := outputs(t, comp).registryID; got != pulumitest.FakeID(registryType, "assets-registry") {
		t.Errorf("RegistryID = %q", got)
	}
}

func TestKeyVault(t *testing.T) {
	rec, comp := run(t, baseline())
	kv := rec.Named(t, vaultType, "assets-keyvault")
	for path, want := range map[string]string{
		"vaultName":                            "contosoai-kv",
		"location":                             "eastus2",
		"properties.tenantId":                  pulumitest.FakeTenantID,
		"properties.sku.name":                  "premium",
		"properties.sku.family":                "A",
		"properties.publicNetworkAccess":       "Disabled",
		"properties.networkAcls.defaultAction": "Deny",
		"properties.networkAcls.bypass":        "AzureServices",
	} {
		if got := kv.String(path); got != want {
			t.Errorf("vault %s = %q, want %q", path, got, want)
		}
	}
	for path, want := range map[string]bool{
		"properties.enablePurgeProtection":   true,
		"properties.enableSoftDelete":        true,
		"properties.enableRbacAuthorization": true,
		"properties.enabledForDeployment":    false,
	} {
		if got, ok := kv.Bool(path); !ok || got != want {
			t.Errorf("vault %s = %v (set %v), want %v", path, got, ok, want)
		}
	}
	if d, _ := kv.Number("properties.softDeleteRetentionInDays"); d != DefaultKeyVaultRetentionDays {
		t.Errorf("softDeleteRetentionInDays = %v", d)
	}
	pe := rec.Named(t, endpointType, "assets-keyvault-pe")
	if got := pe.String("privateLinkServiceConnections[0].groupIds[0]"); got != "vault" {
		t.Errorf("vault endpoint group = %q", got)
	}
	zg := rec.Named(t, zoneGroupType, "assets-keyvault-pe-dns")
	if got := zg.String("privateDnsZoneConfigs[0].privateDnsZoneId"); got != "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/vault" {
		t.Errorf("vault zone = %q", got)
	}
	got := outputs(t, comp)
	if got.vaultURI != "https://contosoai-kv.vault.azure.net/" || got.vaultID != pulumitest.FakeID(vaultType, "assets-keyvault") {
		t.Errorf("KeyVaultID, KeyVaultURI = %q, %q", got.vaultID, got.vaultURI)
	}

	// An explicit tenant, and no vault when not asked (nor its zone).
	args := baseline()
	args.KeyVault = &KeyVaultArgs{TenantID: pulumi.String("tenant-x"), Sku: "standard", SoftDeleteRetentionDays: 30}
	rec, _ = run(t, args)
	kv = rec.Named(t, vaultType, "assets-keyvault")
	if got := kv.String("properties.tenantId"); got != "tenant-x" {
		t.Errorf("tenantId = %q, want the explicit tenant", got)
	}
	if got := kv.String("properties.sku.name"); got != "standard" {
		t.Errorf("sku.name = %q", got)
	}
	args = baseline()
	args.KeyVault = nil
	ids := zoneIDs()
	delete(ids, DNSVault)
	args.PrivateDNSZoneIDs = ids
	rec, comp = run(t, args)
	if n := rec.Count(vaultType); n != 0 {
		t.Errorf("%d vaults without KeyVault", n)
	}
	if got := outputs(t, comp); got.vaultID != "" || got.vaultURI != "" {
		t.Errorf("KeyVaultID, KeyVaultURI = %q, %q without a vault, want empty", got.vaultID, got.vaultURI)
	}
}

func TestPrivateEndpoints(t *testing.T) {
	rec, _ := run(t, baseline())
	want := map[string]string{
		"assets-storage-primary-pe":   "blob",
		"assets-storage-secondary-pe": "blob",
		"assets-search-primary-pe":    "searchService",
		"assets-search-secondary-pe":  "searchService",
		"assets-registry-pe":          "amlregistry",
		"assets-keyvault-pe":          "vault",
	}
	got := map[string]string{}
	for _, pe := range rec.ByType(endpointType) {
		got[pe.Name] = pe.String("privateLinkServiceConnections[0].groupIds[0]")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("private endpoints = %v, want %v", got, want)
	}
	if n := rec.Count(zoneGroupType); n != len(want) {
		t.Errorf("%d DNS zone groups, want one per endpoint (%d)", n, len(want))
	}
	sec := rec.Named(t, endpointType, "assets-storage-secondary-pe")
	if sec.String("subnet.id") != secondarySubnet || sec.String("location") != "centralus" || sec.String("resourceGroupName") != "rg-ai-dr" {
		t.Errorf("secondary storage endpoint placed in %q/%q/%q", sec.String("subnet.id"), sec.String("location"), sec.String("resourceGroupName"))
	}
}

// TestTagsAndParents checks the tree: every child is parented to the component and
// named <name>-<role>; every taggable resource carries the convention tags, which a
// user tag cannot override.
func TestTagsAndParents(t *testing.T) {
	rec, _ := run(t, baseline())
	comps := rec.ByType(TypeToken)
	if len(comps) != 1 {
		t.Fatalf("%d components", len(comps))
	}
	comp := comps[0]
	taggable := map[string]bool{accountType: true, searchType: true, registryType: true, vaultType: true, endpointType: true}
	for _, res := range rec.Resources() {
		if res.Type == TypeToken {
			continue
		}
		if res.Parent != comp.URN {
			t.Errorf("%s %s: parent %q, want the component", res.Type, res.Name, res.Parent)
		}
		if len(res.Name) < len("assets-") || res.Name[:len("assets-")] != "assets-" {
			t.Errorf("%s %s: not named assets-<role>", res.Type, res.Name)
		}
		if res.Version != "2.90.0" {
			t.Errorf("%s %s: provider version %q, want 2.90.0", res.Type, res.Name, res.Version)
		}
		if !taggable[res.Type] {
			continue
		}
		for k, want := range map[string]string{
			tags.ArchetypeKey:   "corp",
			tags.EnvironmentKey: "production",
			tags.ComponentKey:   ComponentName,
			"costcenter":        "ai",
		} {
			if got := res.String("tags." + k); got != want {
				t.Errorf("%s %s: tag %s = %q, want %q", res.Type, res.Name, k, got, want)
			}
		}
	}
	for _, typ := range []string{accountType, searchType, registryType, vaultType, endpointType} {
		if rec.Count(typ) == 0 {
			t.Errorf("no %s built", typ)
		}
	}
}

func TestProductionProtectsData(t *testing.T) {
	dataBearing := map[string]bool{accountType: true, containerType: true, searchType: true, registryType: true, vaultType: true}
	for _, production := range []bool{true, false} {
		args := baseline()
		args.Production = production
		rec, _ := run(t, args)
		for _, res := range rec.Resources() {
			if res.Type == TypeToken {
				continue
			}
			want := production && dataBearing[res.Type]
			if res.Protect != want || res.RetainOnDelete != want {
				t.Errorf("production=%v: %s %s protect=%v retainOnDelete=%v, want %v", production, res.Type, res.Name, res.Protect, res.RetainOnDelete, want)
			}
		}
	}
}

func TestNoReplication(t *testing.T) {
	args := baseline()
	args.Production = false
	args.Archetype = ArchetypeDev
	args.Replication = NoReplication
	args.Secondary = nil
	args.KeyVault = nil
	args.EndpointRegions = []string{"eastus2"}
	rec, comp := run(t, args)
	if rec.Count(accountType) != 1 || rec.Count(searchType) != 1 || rec.Count(policyType) != 0 {
		t.Errorf("accounts, search services, policies = %d, %d, %d; want 1, 1, 0", rec.Count(accountType), rec.Count(searchType), rec.Count(policyType))
	}
	if got := rec.Named(t, accountType, "assets-storage-primary").String("sku.name"); got != "Standard_LRS" {
		t.Errorf("sku.name = %q, want Standard_LRS", got)
	}
	if n := rec.Named(t, registryType, "assets-registry").Len("registryProperties.regionDetails"); n != 1 {
		t.Errorf("%d registry regions, want 1", n)
	}
	if got := rec.Named(t, accountType, "assets-storage-primary").String("tags." + tags.ArchetypeKey); got != "dev" {
		t.Errorf("archetype tag = %q, want dev", got)
	}
	p := comp.Placement()
	want := map[string]string{StoreStoragePrimary: "eastus2", StoreSearchPrimary: "eastus2", StoreRegistryPrimary: "eastus2"}
	if !reflect.DeepEqual(p.Stores, want) || !p.CoLocated {
		t.Errorf("Placement = %+v, want stores %v, co-located", p, want)
	}
}

func TestCoLocationOutputs(t *testing.T) {
	_, comp := run(t, baseline())
	want := map[string]string{
		StoreStoragePrimary:    "eastus2",
		StoreStorageSecondary:  "centralus",
		StoreSearchPrimary:     "eastus2",
		StoreSearchSecondary:   "centralus",
		StoreRegistryPrimary:   "eastus2",
		StoreRegistrySecondary: "centralus",
		StoreKeyVault:          "eastus2",
	}
	got := outputs(t, comp)
	if !reflect.DeepEqual(got.coLocation, want) {
		t.Errorf("CoLocation = %v, want %v", got.coLocation, want)
	}
	if got.replication != string(ObjectReplication) || got.crossRegionReason != "" {
		t.Errorf("Replication, CrossRegionReason = %q, %q", got.replication, got.crossRegionReason)
	}
	if !reflect.DeepEqual(got.accountNames, map[string]string{"eastus2": "contosoaipri", "centralus": "contosoaisec"}) {
		t.Errorf("StorageAccountNames = %v", got.accountNames)
	}
	if !reflect.DeepEqual(got.containers, AssetContainers()) {
		t.Errorf("ContainerNames = %v", got.containers)
	}
	p := comp.Placement()
	if !reflect.DeepEqual(p.Stores, want) || !p.CoLocated || p.CrossRegionReason != "" {
		t.Errorf("Placement() = %+v", p)
	}
	p.Stores[StoreKeyVault] = "changed"
	if comp.Placement().Stores[StoreKeyVault] != "eastus2" {
		t.Error("Placement() returned the component's own map")
	}

	// Cross-region on purpose: allowed, recorded, and not co-located.
	args := baseline()
	args.EndpointRegions = []string{"westus3"}
	args.CrossRegionReason = "data residency: the corpus may not leave eastus2/centralus"
	_, comp = run(t, args)
	p = comp.Placement()
	if p.CoLocated || p.CrossRegionReason != args.CrossRegionReason {
		t.Errorf("Placement() = %+v, want not co-located with the reason", p)
	}
	if got := outputs(t, comp).crossRegionReason; got != args.CrossRegionReason {
		t.Errorf("CrossRegionReason output = %q", got)
	}
	fromArgs, err := args.Placement()
	if err != nil || !reflect.DeepEqual(fromArgs, p) {
		t.Errorf("Args.Placement() = %+v, %v; want %+v", fromArgs, err, p)
	}
}

// TestZoneIDsFromAnOutput takes the zone ids as an Output (as SecureNetwork gives
// them) and fails clearly when a key is missing.
func TestZoneIDsFromAnOutput(t *testing.T) {
	args := baseline()
	args.PrivateDNSZoneIDs = zoneIDs().ToStringMapOutput()
	rec, _ := run(t, args)
	if got := rec.Named(t, zoneGroupType, "assets-keyvault-pe-dns").String("privateDnsZoneConfigs[0].privateDnsZoneId"); got != "/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/vault" {
		t.Errorf("zone from an Output = %q", got)
	}

	ids := zoneIDs()
	delete(ids, DNSSearch)
	args.PrivateDNSZoneIDs = ids.ToStringMapOutput()
	_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := New(ctx, "assets", args)
		return err
	}, pulumitest.WithOutputs(azureOutputs))
	want := `AssetReplication "assets": PrivateDNSZoneIDs has no "search" zone id; the private endpoints of the search services register in it`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want one containing %q", err, want)
	}
}

// resolvedOutputs are the component's outputs, awaited.
type resolvedOutputs struct {
	accountIDs, accountNames, blobEndpoints map[string]string
	searchEndpoints, searchPrincipals       map[string]string
	coLocation                              map[string]string
	containers                              []string
	registryID, vaultID, vaultURI           string
	crossRegionReason, replication          string
}

// outputs awaits the component's outputs (the mock run has finished, so they are
// resolved).
func outputs(t *testing.T, c *AssetReplication) resolvedOutputs {
	t.Helper()
	var (
		mu  sync.Mutex
		out resolvedOutputs
		wg  sync.WaitGroup
	)
	wg.Add(1)
	pulumi.All(c.StorageAccountIDs, c.StorageAccountNames, c.BlobEndpoints, c.SearchEndpoints, c.SearchPrincipalIDs,
		c.CoLocation, c.ContainerNames, c.RegistryID, c.KeyVaultID, c.KeyVaultURI, c.CrossRegionReason, c.Replication,
	).ApplyT(func(v []any) error {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		out = resolvedOutputs{
			accountIDs: v[0].(map[string]string), accountNames: v[1].(map[string]string), blobEndpoints: v[2].(map[string]string),
			searchEndpoints: v[3].(map[string]string), searchPrincipals: v[4].(map[string]string), coLocation: v[5].(map[string]string),
			containers: v[6].([]string), registryID: v[7].(string), vaultID: v[8].(string), vaultURI: v[9].(string),
			crossRegionReason: v[10].(string), replication: v[11].(string),
		}
		return nil
	})
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return out
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func BenchmarkNew(b *testing.B) {
	for _, mode := range []ReplicationMode{ObjectReplication, GeoRedundantStorage} {
		b.Run(string(mode), func(b *testing.B) {
			args := baseline()
			args.Replication = mode
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := pulumitest.Run(func(ctx *pulumi.Context) error {
					_, err := New(ctx, "assets", args)
					return err
				}, pulumitest.WithOutputs(azureOutputs)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	args := baseline()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := args.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInputsMatchSchema checks every property the component writes, on every child,
// against the azure-native 2.90.0 definitions, as the provider's Check would.
func TestInputsMatchSchema(t *testing.T) {
	s := azschema.ForTest(t)
	for _, mode := range []ReplicationMode{ObjectReplication, GeoRedundantStorage} {
		args := baseline()
		args.Replication = mode
		args.Search.SemanticSearch = "standard"
		rec, _ := run(t, args)
		for _, res := range rec.Resources() {
			if !res.Custom {
				continue
			}
			if err := s.ValidateInputs(res.Type, res.Inputs); err != nil {
				t.Errorf("%s %s: %v", res.Type, res.Name, err)
			}
		}
	}
}
