package cognitiveservices

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the resources in this package (API version 2024-10-01).
const (
	AccountType    = "azure-native:cognitiveservices/v20241001:Account"
	DeploymentType = "azure-native:cognitiveservices/v20241001:Deployment"
	RaiPolicyType  = "azure-native:cognitiveservices/v20241001:RaiPolicy"
)

// Values of an account's kind for the AI endpoints this project builds.
const (
	KindOpenAI     = "OpenAI"
	KindAIServices = "AIServices"
)

// Values of publicNetworkAccess, networkAcls.defaultAction and networkAcls.bypass.
const (
	PublicNetworkAccessEnabled  = "Enabled"
	PublicNetworkAccessDisabled = "Disabled"
	NetworkRuleActionAllow      = "Allow"
	NetworkRuleActionDeny       = "Deny"
	BypassAzureServices         = "AzureServices"
	BypassNone                  = "None"
)

// Values of identity.type.
const (
	IdentitySystemAssigned             = "SystemAssigned"
	IdentityUserAssigned               = "UserAssigned"
	IdentitySystemAndUserAssigned      = "SystemAssigned, UserAssigned"
	KeySourceMicrosoftKeyVault         = "Microsoft.KeyVault"
	KeySourceMicrosoftCognitiveService = "Microsoft.CognitiveServices"
)

// Account is a Microsoft.CognitiveServices/accounts resource: an Azure OpenAI or
// AI Services account (API 2024-10-01).
type Account struct {
	pulumi.CustomResourceState

	// Identity is the account's managed identity; its PrincipalId is what role
	// assignments on other resources grant to.
	Identity IdentityResponsePtrOutput `pulumi:"identity"`
	// Kind is the account kind ("OpenAI", "AIServices", ...).
	Kind pulumi.StringPtrOutput `pulumi:"kind"`
	// Location is the account's region.
	Location pulumi.StringPtrOutput `pulumi:"location"`
	// Name is the account name.
	Name pulumi.StringOutput `pulumi:"name"`
	// Properties holds the account's computed properties, among them Endpoint.
	Properties AccountPropertiesResponseOutput `pulumi:"properties"`
	// Sku is the account's pricing tier.
	Sku SkuResponsePtrOutput `pulumi:"sku"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type accountArgs struct {
	AccountName       *string            `pulumi:"accountName"`
	Identity          *Identity          `pulumi:"identity"`
	Kind              *string            `pulumi:"kind"`
	Location          *string            `pulumi:"location"`
	Properties        *AccountProperties `pulumi:"properties"`
	ResourceGroupName string             `pulumi:"resourceGroupName"`
	Sku               *Sku               `pulumi:"sku"`
	Tags              map[string]string  `pulumi:"tags"`
}

// AccountArgs are the inputs of an Account.
type AccountArgs struct {
	// AccountName is the account name (2-64 characters: letters, digits, hyphens).
	// Optional; the provider auto-names from the logical name when absent.
	AccountName pulumi.StringPtrInput
	// Identity is the managed identity of the account. Optional.
	Identity *IdentityArgs
	// Kind is "OpenAI", "AIServices" or another Cognitive Services kind. Optional for
	// the schema; Azure requires it on creation.
	Kind pulumi.StringPtrInput
	// Location is the region. Optional; defaults to the resource group's region.
	Location pulumi.StringPtrInput
	// Properties are the account's settings (subdomain, network rules, auth, encryption).
	Properties *AccountPropertiesArgs
	// ResourceGroupName is the resource group of the account. Required.
	ResourceGroupName pulumi.StringInput
	// Sku is the pricing tier ("S0" for OpenAI and AI Services). Optional for the schema.
	Sku *SkuArgs
	// Tags are the resource tags. Optional.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (AccountArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*accountArgs)(nil)).Elem()
}

// Identity is the plain shape of IdentityArgs.
type Identity struct {
	Type                   *string  `pulumi:"type"`
	UserAssignedIdentities []string `pulumi:"userAssignedIdentities"`
}

// IdentityArgs is the managed identity of an account.
type IdentityArgs struct {
	// Type is "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned" or "None".
	Type pulumi.StringPtrInput
	// UserAssignedIdentities are the resource ids of user-assigned identities to attach.
	UserAssignedIdentities pulumi.StringArrayInput
}

// ElementType returns the plain shape the Args marshal to.
func (IdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Identity)(nil)).Elem()
}

// AccountProperties is the plain shape of AccountPropertiesArgs.
type AccountProperties struct {
	AllowedFqdnList               []string               `pulumi:"allowedFqdnList"`
	AmlWorkspace                  *UserOwnedAmlWorkspace `pulumi:"amlWorkspace"`
	CustomSubDomainName           *string                `pulumi:"customSubDomainName"`
	DisableLocalAuth              *bool                  `pulumi:"disableLocalAuth"`
	DynamicThrottlingEnabled      *bool                  `pulumi:"dynamicThrottlingEnabled"`
	Encryption                    *Encryption            `pulumi:"encryption"`
	NetworkAcls                   *NetworkRuleSet        `pulumi:"networkAcls"`
	PublicNetworkAccess           *string                `pulumi:"publicNetworkAccess"`
	Restore                       *bool                  `pulumi:"restore"`
	RestrictOutboundNetworkAccess *bool                  `pulumi:"restrictOutboundNetworkAccess"`
	UserOwnedStorage              []UserOwnedStorage     `pulumi:"userOwnedStorage"`
}

// AccountPropertiesArgs are the settings of an account.
type AccountPropertiesArgs struct {
	// AllowedFqdnList lists the host names the account may reach when
	// RestrictOutboundNetworkAccess is true (e.g. a storage account for batch or
	// fine-tuning data). Optional.
	AllowedFqdnList pulumi.StringArrayInput
	// AmlWorkspace links a user-owned Azure ML workspace. Optional.
	AmlWorkspace *UserOwnedAmlWorkspaceArgs
	// CustomSubDomainName is the globally unique subdomain of the endpoint
	// (https://<name>.openai.azure.com/); required for Entra ID authentication and
	// private endpoints. Optional for the schema.
	CustomSubDomainName pulumi.StringPtrInput
	// DisableLocalAuth turns off key authentication (Azure Policy 71ef260a). Optional;
	// Azure defaults to false.
	DisableLocalAuth pulumi.BoolPtrInput
	// DynamicThrottlingEnabled lets the account exceed its rate limit when capacity
	// allows. Optional.
	DynamicThrottlingEnabled pulumi.BoolPtrInput
	// Encryption selects customer-managed keys (Azure Policy 67121cc7). Optional;
	// Microsoft-managed keys otherwise.
	Encryption *EncryptionArgs
	// NetworkAcls are the network rules of the public endpoint. Optional.
	NetworkAcls *NetworkRuleSetArgs
	// PublicNetworkAccess is "Enabled" or "Disabled". Optional; Azure defaults to Enabled.
	PublicNetworkAccess pulumi.StringPtrInput
	// Restore recovers a soft-deleted account of the same name. Optional.
	Restore pulumi.BoolPtrInput
	// RestrictOutboundNetworkAccess limits outbound calls to AllowedFqdnList
	// (data-exfiltration protection). Optional; Azure defaults to false.
	RestrictOutboundNetworkAccess pulumi.BoolPtrInput
	// UserOwnedStorage are storage accounts the service keeps its data in (Azure
	// Policy 46aa9b05). Optional.
	UserOwnedStorage []UserOwnedStorageArgs
}

// ElementType returns the plain shape the Args marshal to.
func (AccountPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AccountProperties)(nil)).Elem()
}

// NetworkRuleSet is the plain shape of NetworkRuleSetArgs.
type NetworkRuleSet struct {
	Bypass              *string              `pulumi:"bypass"`
	DefaultAction       *string              `pulumi:"defaultAction"`
	IpRules             []IpRule             `pulumi:"ipRules"`
	VirtualNetworkRules []VirtualNetworkRule `pulumi:"virtualNetworkRules"`
}

// NetworkRuleSetArgs are the network rules of an account's public endpoint.
type NetworkRuleSetArgs struct {
	// Bypass is "AzureServices" (trusted Azure services pass the rules) or "None".
	Bypass pulumi.StringPtrInput
	// DefaultAction is "Allow" or "Deny" for traffic no rule matches.
	DefaultAction pulumi.StringPtrInput
	// IpRules allow IPv4 addresses or CIDR ranges.
	IpRules []IpRuleArgs
	// VirtualNetworkRules allow subnets with a Microsoft.CognitiveServices service endpoint.
	VirtualNetworkRules []VirtualNetworkRuleArgs
}

// ElementType returns the plain shape the Args marshal to.
func (NetworkRuleSetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*NetworkRuleSet)(nil)).Elem()
}

// IpRule is the plain shape of IpRuleArgs.
type IpRule struct {
	Value string `pulumi:"value"`
}

// IpRuleArgs allows an IPv4 address or range.
type IpRuleArgs struct {
	// Value is an IPv4 address or CIDR range. Required.
	Value pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (IpRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*IpRule)(nil)).Elem()
}

// VirtualNetworkRule is the plain shape of VirtualNetworkRuleArgs.
type VirtualNetworkRule struct {
	Id                               string  `pulumi:"id"`
	IgnoreMissingVnetServiceEndpoint *bool   `pulumi:"ignoreMissingVnetServiceEndpoint"`
	State                            *string `pulumi:"state"`
}

// VirtualNetworkRuleArgs allows a subnet.
type VirtualNetworkRuleArgs struct {
	// Id is the subnet's resource id. Required.
	Id pulumi.StringInput
	// IgnoreMissingVnetServiceEndpoint accepts a subnet without the service endpoint.
	IgnoreMissingVnetServiceEndpoint pulumi.BoolPtrInput
	// State is the state of the rule.
	State pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (VirtualNetworkRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualNetworkRule)(nil)).Elem()
}

// Encryption is the plain shape of EncryptionArgs.
type Encryption struct {
	KeySource          *string             `pulumi:"keySource"`
	KeyVaultProperties *KeyVaultProperties `pulumi:"keyVaultProperties"`
}

// EncryptionArgs select the key that encrypts the account's data at rest.
type EncryptionArgs struct {
	// KeySource is "Microsoft.KeyVault" (customer-managed) or
	// "Microsoft.CognitiveServices" (Microsoft-managed, the default).
	KeySource pulumi.StringPtrInput
	// KeyVaultProperties name the customer-managed key.
	KeyVaultProperties *KeyVaultPropertiesArgs
}

// ElementType returns the plain shape the Args marshal to.
func (EncryptionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Encryption)(nil)).Elem()
}

// KeyVaultProperties is the plain shape of KeyVaultPropertiesArgs.
type KeyVaultProperties struct {
	IdentityClientId *string `pulumi:"identityClientId"`
	KeyName          *string `pulumi:"keyName"`
	KeyVaultUri      *string `pulumi:"keyVaultUri"`
	KeyVersion       *string `pulumi:"keyVersion"`
}

// KeyVaultPropertiesArgs name a customer-managed key in Key Vault.
type KeyVaultPropertiesArgs struct {
	// IdentityClientId is the client id of the user-assigned identity that reads the key.
	IdentityClientId pulumi.StringPtrInput
	// KeyName is the key's name.
	KeyName pulumi.StringPtrInput
	// KeyVaultUri is the vault's URI (https://<vault>.vault.azure.net/).
	KeyVaultUri pulumi.StringPtrInput
	// KeyVersion is the key version; empty follows the latest version.
	KeyVersion pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (KeyVaultPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*KeyVaultProperties)(nil)).Elem()
}

// UserOwnedStorage is the plain shape of UserOwnedStorageArgs.
type UserOwnedStorage struct {
	IdentityClientId *string `pulumi:"identityClientId"`
	ResourceId       *string `pulumi:"resourceId"`
}

// UserOwnedStorageArgs name a storage account the service keeps data in.
type UserOwnedStorageArgs struct {
	// IdentityClientId is the client id of the identity that accesses the storage.
	IdentityClientId pulumi.StringPtrInput
	// ResourceId is the storage account's resource id.
	ResourceId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (UserOwnedStorageArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*UserOwnedStorage)(nil)).Elem()
}

// UserOwnedAmlWorkspace is the plain shape of UserOwnedAmlWorkspaceArgs.
type UserOwnedAmlWorkspace struct {
	IdentityClientId *string `pulumi:"identityClientId"`
	ResourceId       *string `pulumi:"resourceId"`
}

// UserOwnedAmlWorkspaceArgs link an Azure ML workspace to the account.
type UserOwnedAmlWorkspaceArgs struct {
	// IdentityClientId is the client id of the identity that accesses the workspace.
	IdentityClientId pulumi.StringPtrInput
	// ResourceId is the workspace's resource id.
	ResourceId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (UserOwnedAmlWorkspaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*UserOwnedAmlWorkspace)(nil)).Elem()
}

// Sku is the plain shape of SkuArgs.
type Sku struct {
	Capacity *int    `pulumi:"capacity"`
	Family   *string `pulumi:"family"`
	Name     string  `pulumi:"name"`
	Size     *string `pulumi:"size"`
	Tier     *string `pulumi:"tier"`
}

// SkuArgs are a pricing tier. On an account, Name is the tier ("S0"); on a
// deployment, Name is the deployment type ("GlobalStandard", "Standard",
// "ProvisionedManaged", ...) and Capacity its size (thousands of tokens per minute,
// or PTUs).
type SkuArgs struct {
	// Capacity is the deployment's capacity. Optional.
	Capacity pulumi.IntPtrInput
	// Family is the hardware generation. Optional.
	Family pulumi.StringPtrInput
	// Name is the SKU name. Required.
	Name pulumi.StringInput
	// Size is the SKU size. Optional.
	Size pulumi.StringPtrInput
	// Tier is the SKU tier. Optional.
	Tier pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Sku)(nil)).Elem()
}

// NewAccount registers an account.
func NewAccount(ctx *pulumi.Context, name string, args *AccountArgs, opts ...pulumi.ResourceOption) (*Account, error) {
	var res Account
	if err := azure.Register(ctx, AccountType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
