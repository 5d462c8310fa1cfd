package replication

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/azure/machinelearningservices"
	"github.com/aiready/aiready/azure/search"
	"github.com/aiready/aiready/internal/outputmap"
	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Private-link group ids of the stores.
const (
	groupBlob          = "blob"
	groupBlobSecondary = "blob_secondary"
	groupSearch        = "searchService"
	groupRegistry      = "amlregistry"
	groupVault         = "vault"
)

// storageBlobDataReader is the built-in Storage Blob Data Reader role.
const storageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"

// builder holds what the constructor's steps share.
type builder struct {
	ctx  *pulumi.Context
	name string
	args *Args
	r    *resolved
	comp *AssetReplication
	tags pulumi.StringMap
}

// account is one storage account with its containers.
type account struct {
	region     resolvedRegion
	res        *storage.StorageAccount
	blob       *storage.BlobServiceProperties
	containers map[string]*storage.BlobContainer
}

// opts are the options of every child.
func (b *builder) opts(extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(b.comp)}, extra...)
}

// dataOpts are the options of a data-bearing child: in production it is protected
// and retained on delete, so neither a mistaken destroy nor a rename deletes data.
func (b *builder) dataOpts(extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	if b.args.Production {
		extra = append(extra, pulumi.Protect(true), pulumi.RetainOnDelete(true))
	}
	return b.opts(extra...)
}

func (b *builder) wrap(child string, err error) error {
	return fmt.Errorf("%s %q: %s: %w", ComponentName, b.name, child, err)
}

func (b *builder) build() error {
	accounts, err := b.storage()
	if err != nil {
		return err
	}
	if err := b.searchServices(accounts); err != nil {
		return err
	}
	registry, err := b.registry()
	if err != nil {
		return err
	}
	vaultID, vaultURI := pulumi.String("").ToStringOutput(), pulumi.String("").ToStringOutput()
	if b.args.KeyVault != nil {
		vault, err := b.keyVault()
		if err != nil {
			return err
		}
		vaultID = vault.ID().ToStringOutput()
		vaultURI = vault.Properties.VaultUri()
	}
	b.storageOutputs(accounts)

	c := b.comp
	c.ContainerNames = pulumi.ToStringArray(b.r.containers).ToStringArrayOutput()
	c.RegistryID = registry.ID().ToStringOutput()
	c.RegistryName = registry.Name
	c.KeyVaultID = vaultID
	c.KeyVaultURI = vaultURI
	c.CoLocation = pulumi.ToStringMap(b.r.placement.Stores).ToStringMapOutput()
	c.CrossRegionReason = pulumi.String(b.args.CrossRegionReason).ToStringOutput()
	c.Replication = pulumi.String(string(b.r.mode)).ToStringOutput()
	return b.registerOutputs()
}

// storage creates the storage accounts, the object replication between them and,
// for a read-access geo-redundant account, the secondary region's private endpoint
// to the -secondary endpoint.
func (b *builder) storage() ([]*account, error) {
	accounts := make([]*account, 0, len(b.r.accounts))
	for _, reg := range b.r.accounts {
		acct, err := b.storageAccount(reg)
		if err != nil {
			return nil, err
		}
		accounts = append(accounts, acct)
	}
	if b.r.mode == ObjectReplication {
		if err := b.objectReplication(accounts[0], accounts[1]); err != nil {
			return nil, err
		}
	}
	if b.r.readSecondary {
		// The secondary region reads the geo-redundant copy through the account's
		// -secondary endpoint, which needs its own private endpoint there.
		acct := accounts[0]
		sec := b.r.regions[1]
		if err := b.privateEndpoint("storage-secondary-read", sec, acct.res.ID(), groupBlobSecondary, DNSBlob); err != nil {
			return nil, err
		}
	}
	return accounts, nil
}

// searchServices creates a search service per region, each indexing its region's
// account, and sets the component's search outputs.
func (b *builder) searchServices(accounts []*account) error {
	searchIDs, searchNames, searchEndpoints, searchPrincipals := pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}
	for i, reg := range b.r.regions {
		// With one geo-redundant account, both services index it.
		acct := accounts[0]
		if i < len(accounts) {
			acct = accounts[i]
		}
		svc, err := b.searchService(reg, acct)
		if err != nil {
			return err
		}
		searchIDs[reg.Location] = svc.ID().ToStringOutput()
		searchNames[reg.Location] = svc.Name
		searchEndpoints[reg.Location] = svc.Endpoint()
		searchPrincipals[reg.Location] = svc.Identity.Elem().PrincipalId()
	}
	c := b.comp
	c.SearchServiceIDs = searchIDs.ToStringMapOutput()
	c.SearchServiceNames = searchNames.ToStringMapOutput()
	c.SearchEndpoints = searchEndpoints.ToStringMapOutput()
	c.SearchPrincipalIDs = searchPrincipals.ToStringMapOutput()
	return nil
}

// storageOutputs sets the component's storage outputs: each account's id, name and
// blob endpoint by region (the secondary region's endpoint of a read-access
// geo-redundant account is its -secondary endpoint).
func (b *builder) storageOutputs(accounts []*account) {
	accountIDs, accountNames, endpoints := pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}
	for _, acct := range accounts {
		loc := acct.region.Location
		accountIDs[loc] = acct.res.ID().ToStringOutput()
		accountNames[loc] = acct.res.Name
		endpoints[loc] = pulumi.Sprintf("https://%s.blob.core.windows.net/", acct.res.Name)
	}
	if b.r.readSecondary {
		endpoints[b.r.regions[1].Location] = pulumi.Sprintf("https://%s-secondary.blob.core.windows.net/", accounts[0].res.Name)
	}
	c := b.comp
	c.StorageAccountIDs = accountIDs.ToStringMapOutput()
	c.StorageAccountNames = accountNames.ToStringMapOutput()
	c.BlobEndpoints = endpoints.ToStringMapOutput()
}

// registerOutputs registers the component's outputs.
func (b *builder) registerOutputs() error {
	c := b.comp
	if err := outputmap.Register(b.ctx, c); err != nil {
		return fmt.Errorf("%s %q: %w", ComponentName, b.name, err)
	}
	return nil
}

// storageAccountName is the Azure name of a region's storage account.
func (b *builder) storageAccountName(reg resolvedRegion) string {
	if reg.isPrimary() {
		return b.args.NamePrefix + "pri"
	}
	return b.args.NamePrefix + "sec"
}

// storageAccount builds one region's account, its blob service settings, its
// containers and its private endpoint.
func (b *builder) storageAccount(reg resolvedRegion) (*account, error) {
	role := "storage-" + reg.role
	acct, err := storage.NewStorageAccount(b.ctx, b.name+"-"+role, &storage.StorageAccountArgs{
		AccountName:                  pulumi.String(b.storageAccountName(reg)),
		ResourceGroupName:            reg.rg,
		Location:                     pulumi.String(reg.Location),
		Kind:                         pulumi.String(string(storage.KindStorageV2)),
		Sku:                          &storage.SkuArgs{Name: pulumi.String(reg.storageSku)},
		AccessTier:                   storage.AccessTierHot,
		EnableHttpsTrafficOnly:       pulumi.Bool(true),
		MinimumTlsVersion:            pulumi.String(string(storage.MinimumTlsVersion_TLS1_2)),
		AllowSharedKeyAccess:         pulumi.Bool(false),
		DefaultToOAuthAuthentication: pulumi.Bool(true),
		AllowBlobPublicAccess:        pulumi.Bool(false),
		AllowCrossTenantReplication:  pulumi.Bool(false),
		PublicNetworkAccess:          pulumi.String(string(storage.PublicNetworkAccessDisabled)),
		IsLocalUserEnabled:           pulumi.Bool(false),
		IsSftpEnabled:                pulumi.Bool(false),
		NetworkRuleSet: &storage.NetworkRuleSetArgs{
			DefaultAction: storage.DefaultActionDeny,
			Bypass:        pulumi.String(string(storage.BypassNone)),
		},
		Tags: b.tags,
	}, b.dataOpts()...)
	if err != nil {
		return nil, b.wrap(role, err)
	}
	source := b.r.mode == ObjectReplication && reg.isPrimary()
	blobArgs := &storage.BlobServicePropertiesArgs{
		AccountName:         acct.Name,
		ResourceGroupName:   reg.rg,
		BlobServicesName:    pulumi.String("default"),
		IsVersioningEnabled: pulumi.Bool(true),
		DeleteRetentionPolicy: &storage.DeleteRetentionPolicyArgs{
			Enabled:              pulumi.Bool(true),
			Days:                 pulumi.Int(b.r.softDeleteDays),
			AllowPermanentDelete: pulumi.Bool(false),
		},
		ContainerDeleteRetentionPolicy: &storage.DeleteRetentionPolicyArgs{
			Enabled: pulumi.Bool(true),
			Days:    pulumi.Int(b.r.softDeleteDays),
		},
	}
	if source {
		blobArgs.ChangeFeed = &storage.ChangeFeedArgs{
			Enabled:         pulumi.Bool(true),
			RetentionInDays: pulumi.Int(b.r.changeFeedDays),
		}
	}
	blob, err := storage.NewBlobServiceProperties(b.ctx, b.name+"-"+role+"-blob-service", blobArgs, b.opts()...)
	if err != nil {
		return nil, b.wrap(role+" blob service", err)
	}
	out := &account{region: reg, res: acct, blob: blob, containers: map[string]*storage.BlobContainer{}}
	for _, name := range b.r.containers {
		c, err := storage.NewBlobContainer(b.ctx, b.name+"-"+role+"-"+name, &storage.BlobContainerArgs{
			AccountName:       acct.Name,
			ResourceGroupName: reg.rg,
			ContainerName:     pulumi.String(name),
			PublicAccess:      storage.PublicAccessNone,
			Metadata:          pulumi.StringMap{"assetclass": pulumi.String(name)},
		}, b.dataOpts(pulumi.DependsOn([]pulumi.Resource{blob}))...)
		if err != nil {
			return nil, b.wrap(role+" container "+name, err)
		}
		out.containers[name] = c
	}
	if err := b.privateEndpoint(role, reg, acct.ID(), groupBlob, DNSBlob); err != nil {
		return nil, err
	}
	return out, nil
}

// objectReplication builds the policy pair: the destination's first, with policy
// id "default" and a rule per container copying every blob, existing ones too; then
// the source's, with the same rules and the policy id and rule ids Azure returned
// for the destination's.
func (b *builder) objectReplication(src, dst *account) error {
	deps := []pulumi.Resource{src.blob, dst.blob}
	for _, name := range b.r.containers {
		deps = append(deps, src.containers[name], dst.containers[name])
	}
	rules := storage.ObjectReplicationPolicyRuleArray{}
	for _, name := range b.r.containers {
		rules = append(rules, &storage.ObjectReplicationPolicyRuleArgs{
			SourceContainer:      pulumi.String(name),
			DestinationContainer: pulumi.String(name),
			Filters:              copyAll(),
		})
	}
	dest, err := storage.NewObjectReplicationPolicy(b.ctx, b.name+"-replication-destination", &storage.ObjectReplicationPolicyArgs{
		AccountName:               dst.res.Name,
		ResourceGroupName:         dst.region.rg,
		ObjectReplicationPolicyId: pulumi.String("default"),
		SourceAccount:             src.res.ID().ToStringOutput(),
		DestinationAccount:        dst.res.ID().ToStringOutput(),
		Rules:                     rules,
	}, b.opts(pulumi.DependsOn(deps))...)
	if err != nil {
		return b.wrap("object replication policy (destination)", err)
	}
	srcRules := storage.ObjectReplicationPolicyRuleArray{}
	for _, name := range b.r.containers {
		srcRules = append(srcRules, &storage.ObjectReplicationPolicyRuleArgs{
			SourceContainer:      pulumi.String(name),
			DestinationContainer: pulumi.String(name),
			Filters:              copyAll(),
			RuleId:               ruleID(dest, name),
		})
	}
	_, err = storage.NewObjectReplicationPolicy(b.ctx, b.name+"-replication-source", &storage.ObjectReplicationPolicyArgs{
		AccountName:               src.res.Name,
		ResourceGroupName:         src.region.rg,
		ObjectReplicationPolicyId: dest.PolicyId,
		SourceAccount:             src.res.ID().ToStringOutput(),
		DestinationAccount:        dst.res.ID().ToStringOutput(),
		Rules:                     srcRules,
	}, b.opts(pulumi.DependsOn(deps))...)
	if err != nil {
		return b.wrap("object replication policy (source)", err)
	}
	return nil
}

// copyAll is the rule filter that replicates every blob, including those written
// before the policy existed (Azure copies only new blobs without it).
func copyAll() *storage.ObjectReplicationPolicyFilterArgs {
	return &storage.ObjectReplicationPolicyFilterArgs{MinCreationTime: pulumi.String(copyAllSince)}
}

// copyAllSince is the minCreationTime Azure documents for "copy all existing blobs".
const copyAllSince = "1601-01-01T00:00:00Z"

// ruleID is the id Azure gave the destination policy's rule for a container.
func ruleID(dest *storage.ObjectReplicationPolicy, container string) pulumi.StringPtrOutput {
	return dest.Rules.ApplyT(func(rules []storage.ObjectReplicationPolicyRuleResponse) (*string, error) {
		for _, r := range rules {
			if r.SourceContainer == container && r.DestinationContainer == container {
				return r.RuleId, nil
			}
		}
		return nil, fmt.Errorf("%s: the destination object replication policy has no rule for container %q", ComponentName, container)
	}).(pulumi.StringPtrOutput)
}

// searchService builds one region's AI Search service, its private endpoint and,
// unless disabled, its indexers' access to the region's blob containers.
func (b *builder) searchService(reg resolvedRegion, acct *account) (*search.Service, error) {
	role := "search-" + reg.role
	args := &search.ServiceArgs{
		ResourceGroupName:   reg.rg,
		SearchServiceName:   pulumi.String(b.args.NamePrefix + "-" + reg.Location),
		Location:            pulumi.String(reg.Location),
		Sku:                 &search.SkuArgs{Name: pulumi.String(b.r.searchSku)},
		ReplicaCount:        pulumi.Int(b.r.replicas),
		PartitionCount:      pulumi.Int(b.r.partitions),
		HostingMode:         pulumi.String(search.HostingModeDefault),
		PublicNetworkAccess: pulumi.String(search.PublicNetworkAccessDisabled),
		DisableLocalAuth:    pulumi.Bool(true),
		Identity:            &search.IdentityArgs{Type: pulumi.String(search.IdentityTypeSystemAssigned)},
		Tags:                b.tags,
	}
	if b.r.semanticSearch != "" {
		args.SemanticSearch = pulumi.String(b.r.semanticSearch)
	}
	svc, err := search.NewService(b.ctx, b.name+"-"+role, args, b.dataOpts()...)
	if err != nil {
		return nil, b.wrap(role, err)
	}
	if err := b.privateEndpoint(role, reg, svc.ID(), groupSearch, DNSSearch); err != nil {
		return nil, err
	}
	if b.args.Search.DisableIndexerStorageAccess {
		return svc, nil
	}
	message := pulumi.Sprintf("AI Search %s indexers read RAG data from %s", svc.Name, acct.res.Name)
	link, err := search.NewSharedPrivateLinkResource(b.ctx, b.name+"-"+role+"-blob-link", &search.SharedPrivateLinkResourceArgs{
		ResourceGroupName:             reg.rg,
		SearchServiceName:             svc.Name,
		SharedPrivateLinkResourceName: pulumi.String("blob-" + b.storageAccountName(acct.region)),
		Properties: &search.SharedPrivateLinkResourcePropertiesArgs{
			GroupId:               pulumi.String(groupBlob),
			PrivateLinkResourceId: acct.res.ID().ToStringOutput(),
			RequestMessage:        message,
		},
	}, b.opts()...)
	if err != nil {
		return nil, b.wrap(role+" shared private link", err)
	}
	if err := b.approveSharedLink(role, acct, link, message); err != nil {
		return nil, err
	}
	// Least privilege: the RAG container when there is one, else the account.
	scope := acct.res.ID().ToStringOutput()
	if c, ok := acct.containers[ContainerRAGDatasets]; ok {
		scope = c.ID().ToStringOutput()
	}
	_, err = authorization.NewRoleAssignment(b.ctx, b.name+"-"+role+"-blob-reader", &authorization.RoleAssignmentArgs{
		PrincipalId:      svc.Identity.Elem().PrincipalId(),
		PrincipalType:    pulumi.String(string(authorization.PrincipalTypeServicePrincipal)),
		RoleDefinitionId: roleDefinitionID(acct.res.ID(), storageBlobDataReader),
		Scope:            scope,
		Description:      pulumi.String("AI Search indexers read the region's RAG data (" + ComponentName + ")"),
	}, b.opts()...)
	if err != nil {
		return nil, b.wrap(role+" role assignment", err)
	}
	return svc, nil
}

// approveSharedLink approves, on the storage account, the private endpoint connection
// a search service's shared private link creates there: Azure leaves it Pending until
// the account's owner approves it, and indexers cannot read the RAG data before
// ("Make outbound connections through a shared private link", Azure AI Search docs,
// read 2026-12-02). The stack owns both ends, so it approves its own request.
//
// Azure names the connection itself; it is found among the account's connections by
// its description, which is the link's request message. The approval keeps that
// message as its description, so the same connection is found on every later run.
func (b *builder) approveSharedLink(role string, acct *account, link *search.SharedPrivateLinkResource, message pulumi.StringOutput) error {
	found := storage.LookupStorageAccountOutput(b.ctx, storage.LookupStorageAccountOutputArgs{
		AccountName:       acct.res.Name,
		ResourceGroupName: acct.region.rg,
	}, pulumi.Parent(b.comp), pulumi.DependsOn([]pulumi.Resource{link}))
	name := pulumi.All(found.PrivateEndpointConnections(), message, acct.res.Name).ApplyT(func(v []any) (string, error) {
		return connectionNamed(v[0].([]storage.PrivateEndpointConnectionResponse), v[1].(string), v[2].(string))
	}).(pulumi.StringOutput)
	_, err := storage.NewPrivateEndpointConnection(b.ctx, b.name+"-"+role+"-blob-link-approval", &storage.PrivateEndpointConnectionArgs{
		AccountName:                   acct.res.Name,
		ResourceGroupName:             acct.region.rg,
		PrivateEndpointConnectionName: name,
		PrivateLinkServiceConnectionState: &storage.PrivateLinkServiceConnectionStateArgs{
			Status:      pulumi.String(string(storage.PrivateEndpointServiceConnectionStatusApproved)),
			Description: message,
		},
	}, b.opts(pulumi.DependsOn([]pulumi.Resource{link}))...)
	if err != nil {
		return b.wrap(role+" shared private link approval", err)
	}
	return nil
}

// connectionNamed returns the name of the connection whose description is message.
func connectionNamed(conns []storage.PrivateEndpointConnectionResponse, message, account string) (string, error) {
	for _, c := range conns {
		if c.PrivateLinkServiceConnectionState.Description != nil && *c.PrivateLinkServiceConnectionState.Description == message {
			return c.Name, nil
		}
	}
	return "", fmt.Errorf("%s: storage account %s has no private endpoint connection requested with %q (of %d connections); "+
		"the shared private link has not reached it yet: run pulumi up again", ComponentName, account, message, len(conns))
}

// roleDefinitionID is the subscription-scoped id of a built-in role, in the
// subscription of a resource id.
func roleDefinitionID(resourceID pulumi.IDOutput, role string) pulumi.StringOutput {
	return resourceID.ApplyT(func(id pulumi.ID) (string, error) {
		parts := strings.Split(string(id), "/")
		if len(parts) < 3 || !strings.EqualFold(parts[1], "subscriptions") {
			return "", fmt.Errorf("%s: %q is not an Azure resource id", ComponentName, id)
		}
		return fmt.Sprintf("/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s", parts[2], role), nil
	}).(pulumi.StringOutput)
}

// registry builds the Azure ML registry, replicated to every region, and its private
// endpoint in the primary region (one endpoint per registry: both regions' networks
// resolve the same private DNS zone).
func (b *builder) registry() (*machinelearningservices.Registry, error) {
	primary := b.r.regions[0]
	var regions []machinelearningservices.RegistryRegionArmDetailsArgs
	for _, reg := range b.r.regions {
		regions = append(regions, machinelearningservices.RegistryRegionArmDetailsArgs{
			Location: pulumi.String(reg.Location),
			StorageAccountDetails: []machinelearningservices.StorageAccountDetailsArgs{{
				SystemCreatedStorageAccount: &machinelearningservices.SystemCreatedStorageAccountArgs{
					StorageAccountType:       pulumi.String(reg.registryStorage),
					StorageAccountHnsEnabled: pulumi.Bool(false),
					AllowBlobPublicAccess:    pulumi.Bool(false),
				},
			}},
			AcrDetails: []machinelearningservices.AcrDetailsArgs{{
				SystemCreatedAcrAccount: &machinelearningservices.SystemCreatedAcrAccountArgs{
					AcrAccountSku: pulumi.String(machinelearningservices.AcrSkuPremium),
				},
			}},
		})
	}
	reg, err := machinelearningservices.NewRegistry(b.ctx, b.name+"-registry", &machinelearningservices.RegistryArgs{
		ResourceGroupName: primary.rg,
		RegistryName:      pulumi.String(b.args.NamePrefix + "-registry"),
		Location:          pulumi.String(primary.Location),
		Identity:          &machinelearningservices.ManagedServiceIdentityArgs{Type: pulumi.String(machinelearningservices.IdentityTypeSystemAssigned)},
		RegistryProperties: &machinelearningservices.RegistryPropertiesArgs{
			PublicNetworkAccess: pulumi.String(machinelearningservices.PublicNetworkAccessDisabled),
			RegionDetails:       regions,
		},
		Tags: b.tags,
	}, b.dataOpts()...)
	if err != nil {
		return nil, b.wrap("registry", err)
	}
	if err := b.privateEndpoint("registry", primary, reg.ID(), groupRegistry, DNSAzureML); err != nil {
		return nil, err
	}
	return reg, nil
}

// keyVault builds the key vault for customer-managed keys and its private endpoint.
func (b *builder) keyVault() (*keyvault.Vault, error) {
	primary := b.r.regions[0]
	tenant := b.args.KeyVault.TenantID
	if tenant == nil {
		tenant = authorization.GetClientConfigOutput(b.ctx, pulumi.Parent(b.comp)).TenantId()
	}
	vault, err := keyvault.NewVault(b.ctx, b.name+"-keyvault", &keyvault.VaultArgs{
		ResourceGroupName: primary.rg,
		VaultName:         pulumi.String(b.args.NamePrefix + "-kv"),
		Location:          pulumi.String(primary.Location),
		Properties: keyvault.VaultPropertiesArgs{
			TenantId:                     tenant,
			Sku:                          keyvault.SkuArgs{Family: pulumi.String("A"), Name: keyvault.SkuName(b.r.vaultSku)},
			EnableRbacAuthorization:      pulumi.Bool(true),
			EnablePurgeProtection:        pulumi.Bool(true),
			EnableSoftDelete:             pulumi.Bool(true),
			SoftDeleteRetentionInDays:    pulumi.Int(b.r.vaultDays),
			PublicNetworkAccess:          pulumi.String("Disabled"),
			EnabledForDeployment:         pulumi.Bool(false),
			EnabledForDiskEncryption:     pulumi.Bool(false),
			EnabledForTemplateDeployment: pulumi.Bool(false),
			// Storage and AI Search reach their customer-managed keys as trusted
			// Azure services; everything else needs the private endpoint.
			NetworkAcls: &keyvault.NetworkRuleSetArgs{
				DefaultAction: pulumi.String(string(keyvault.NetworkRuleActionDeny)),
				Bypass:        pulumi.String(string(keyvault.NetworkRuleBypassOptionsAzureServices)),
			},
		},
		Tags: b.tags,
	}, b.dataOpts()...)
	if err != nil {
		return nil, b.wrap("key vault", err)
	}
	if err := b.privateEndpoint("keyvault", primary, vault.ID(), groupVault, DNSVault); err != nil {
		return nil, err
	}
	return vault, nil
}

// privateEndpoint builds a private endpoint to a target in a region's subnet, and
// its DNS zone group registering it in the zone of a key of PrivateDNSZoneIDs.
func (b *builder) privateEndpoint(role string, reg resolvedRegion, target pulumi.IDOutput, group, zoneKey string) error {
	name := b.name + "-" + role + "-pe"
	pe, err := network.NewPrivateEndpoint(b.ctx, name, &network.PrivateEndpointArgs{
		ResourceGroupName: reg.rg,
		Location:          pulumi.String(reg.Location),
		Subnet:            &network.SubnetTypeArgs{Id: reg.PrivateEndpointSubnetID},
		PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
			&network.PrivateLinkServiceConnectionArgs{
				Name:                 pulumi.String(role + "-" + group),
				PrivateLinkServiceId: target.ToStringOutput(),
				GroupIds:             pulumi.StringArray{pulumi.String(group)},
			},
		},
		Tags: b.tags,
	}, b.opts()...)
	if err != nil {
		return b.wrap(role+" private endpoint", err)
	}
	_, err = network.NewPrivateDnsZoneGroup(b.ctx, name+"-dns", &network.PrivateDnsZoneGroupArgs{
		ResourceGroupName:       reg.rg,
		PrivateEndpointName:     pe.Name,
		PrivateDnsZoneGroupName: pulumi.String("default"),
		PrivateDnsZoneConfigs: network.PrivateDnsZoneConfigArray{
			&network.PrivateDnsZoneConfigArgs{
				Name:             pulumi.String(zoneKey),
				PrivateDnsZoneId: b.zoneID(zoneKey),
			},
		},
	}, b.opts()...)
	if err != nil {
		return b.wrap(role+" private DNS zone group", err)
	}
	return nil
}

// zoneID is the id of a private DNS zone by key. A missing key of a plain map is
// caught by Validate; of an Output, when the value is known.
func (b *builder) zoneID(key string) pulumi.StringInput {
	if m, ok := b.args.PrivateDNSZoneIDs.(pulumi.StringMap); ok {
		return m[key]
	}
	return b.args.PrivateDNSZoneIDs.ToStringMapOutput().ApplyT(func(m map[string]string) (string, error) {
		id := m[key]
		if id == "" {
			return "", fmt.Errorf("%s %q: PrivateDNSZoneIDs has no %q zone id; the private endpoints of %s register in it", ComponentName, b.name, key, zoneUser(key))
		}
		return id, nil
	}).(pulumi.StringOutput)
}
