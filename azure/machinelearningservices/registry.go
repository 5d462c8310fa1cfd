package machinelearningservices

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// RegistryType is the type token of Registry.
const RegistryType = "azure-native:machinelearningservices:Registry"

// Values the registry's properties take.
const (
	// PublicNetworkAccessDisabled makes private endpoints the only way in.
	PublicNetworkAccessDisabled = "Disabled"
	// PublicNetworkAccessEnabled allows the public interface.
	PublicNetworkAccessEnabled = "Enabled"

	// IdentityTypeSystemAssigned gives the registry a system-assigned identity.
	IdentityTypeSystemAssigned = "SystemAssigned"
	// IdentityTypeUserAssigned uses the identities in UserAssignedIdentities.
	IdentityTypeUserAssigned = "UserAssigned"
	// IdentityTypeSystemAssignedUserAssigned uses both.
	IdentityTypeSystemAssignedUserAssigned = "SystemAssigned,UserAssigned"
	// IdentityTypeNone removes the identity.
	IdentityTypeNone = "None"

	// AcrSkuPremium is the container registry SKU a registry region needs for
	// geo-replication and private link.
	AcrSkuPremium = "Premium"
)

// Registry is an Azure Machine Learning registry
// (Microsoft.MachineLearningServices/registries, API 2023-04-01).
type Registry struct {
	pulumi.CustomResourceState

	// Identity is the registry's managed identity.
	Identity ManagedServiceIdentityResponsePtrOutput `pulumi:"identity"`
	// Kind is the metadata kind of the registry.
	Kind pulumi.StringPtrOutput `pulumi:"kind"`
	// Location is the registry's primary region.
	Location pulumi.StringOutput `pulumi:"location"`
	// Name is the registry name.
	Name pulumi.StringOutput `pulumi:"name"`
	// RegistryProperties are the registry's regions, network access and endpoints.
	RegistryProperties RegistryResponseOutput `pulumi:"registryProperties"`
	// Sku is the registry's SKU, if set.
	Sku SkuResponsePtrOutput `pulumi:"sku"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type registryArgs struct {
	Identity           *ManagedServiceIdentity `pulumi:"identity"`
	Kind               *string                 `pulumi:"kind"`
	Location           *string                 `pulumi:"location"`
	RegistryName       *string                 `pulumi:"registryName"`
	RegistryProperties RegistryProperties      `pulumi:"registryProperties"`
	ResourceGroupName  string                  `pulumi:"resourceGroupName"`
	Sku                *Sku                    `pulumi:"sku"`
	Tags               map[string]string       `pulumi:"tags"`
}

// RegistryArgs are the inputs of a Registry.
type RegistryArgs struct {
	// Identity is the registry's managed identity.
	Identity *ManagedServiceIdentityArgs
	// Kind is free-form metadata; Azure leaves it empty.
	Kind pulumi.StringPtrInput
	// Location is the registry's primary region; it must also be the first entry of
	// RegistryProperties.RegionDetails. Defaults to the resource group's region.
	Location pulumi.StringPtrInput
	// RegistryName is the registry name (3-33 letters, digits, '-' or '_', starting
	// with a letter or digit); autonamed from the resource name when nil.
	RegistryName pulumi.StringPtrInput
	// RegistryProperties are the regions, network access and managed resource group.
	// Required.
	RegistryProperties *RegistryPropertiesArgs
	// ResourceGroupName is the resource group of the registry. Required.
	ResourceGroupName pulumi.StringInput
	// Sku is the registry's SKU; Azure does not require one.
	Sku *SkuArgs
	// Tags are the resource tags.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (RegistryArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryArgs)(nil)).Elem()
}

// NewRegistry registers an Azure ML registry. Like the generated SDK it rejects nil
// args and missing RegistryProperties or ResourceGroupName.
func NewRegistry(ctx *pulumi.Context, name string, args *RegistryArgs, opts ...pulumi.ResourceOption) (*Registry, error) {
	var res Registry
	if err := azure.Register(ctx, RegistryType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// RegistryProperties is the plain shape of RegistryPropertiesArgs.
type RegistryProperties struct {
	DiscoveryUrl                  *string                    `pulumi:"discoveryUrl"`
	IntellectualPropertyPublisher *string                    `pulumi:"intellectualPropertyPublisher"`
	ManagedResourceGroup          *ArmResourceId             `pulumi:"managedResourceGroup"`
	MlFlowRegistryUri             *string                    `pulumi:"mlFlowRegistryUri"`
	PublicNetworkAccess           *string                    `pulumi:"publicNetworkAccess"`
	RegionDetails                 []RegistryRegionArmDetails `pulumi:"regionDetails"`
}

// RegistryPropertiesArgs are a registry's properties (azure-native's nested
// machinelearningservices.RegistryArgs).
type RegistryPropertiesArgs struct {
	// DiscoveryUrl is the registry's discovery URL; Azure sets it.
	DiscoveryUrl pulumi.StringPtrInput
	// IntellectualPropertyPublisher is the publisher of the registry's assets, if any.
	IntellectualPropertyPublisher pulumi.StringPtrInput
	// ManagedResourceGroup is the resource group Azure creates for the registry's
	// storage accounts and container registries; Azure names it when nil.
	ManagedResourceGroup *ArmResourceIdArgs
	// MlFlowRegistryUri is the MLflow registry URI; Azure sets it.
	MlFlowRegistryUri pulumi.StringPtrInput
	// PublicNetworkAccess is "Enabled" or "Disabled".
	PublicNetworkAccess pulumi.StringPtrInput
	// RegionDetails lists the regions the registry's assets are replicated to, the
	// registry's own location first, each with its storage and container registry.
	RegionDetails []RegistryRegionArmDetailsArgs
}

// ElementType returns the plain shape the Args marshal to.
func (RegistryPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RegistryProperties)(nil)).Elem()
}

// RegistryRegionArmDetails is the plain shape of RegistryRegionArmDetailsArgs.
type RegistryRegionArmDetails struct {
	AcrDetails            []AcrDetails            `pulumi:"acrDetails"`
	Location              *string                 `pulumi:"location"`
	StorageAccountDetails []StorageAccountDetails `pulumi:"storageAccountDetails"`
}

// RegistryRegionArmDetailsArgs is one region of a registry.
type RegistryRegionArmDetailsArgs struct {
	// AcrDetails are the region's container registries.
	AcrDetails []AcrDetailsArgs
	// Location is the region.
	Location pulumi.StringPtrInput
	// StorageAccountDetails are the region's storage accounts.
	StorageAccountDetails []StorageAccountDetailsArgs
}

// ElementType returns the plain shape the Args marshal to.
func (RegistryRegionArmDetailsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RegistryRegionArmDetails)(nil)).Elem()
}

// AcrDetails is the plain shape of AcrDetailsArgs.
type AcrDetails struct {
	SystemCreatedAcrAccount *SystemCreatedAcrAccount `pulumi:"systemCreatedAcrAccount"`
}

// AcrDetailsArgs is one container registry of a registry region.
type AcrDetailsArgs struct {
	// SystemCreatedAcrAccount has Azure create the container registry.
	SystemCreatedAcrAccount *SystemCreatedAcrAccountArgs
}

// ElementType returns the plain shape the Args marshal to.
func (AcrDetailsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*AcrDetails)(nil)).Elem()
}

// SystemCreatedAcrAccount is the plain shape of SystemCreatedAcrAccountArgs.
type SystemCreatedAcrAccount struct {
	AcrAccountName *string        `pulumi:"acrAccountName"`
	AcrAccountSku  *string        `pulumi:"acrAccountSku"`
	ArmResourceId  *ArmResourceId `pulumi:"armResourceId"`
}

// SystemCreatedAcrAccountArgs is a container registry Azure creates for a region.
type SystemCreatedAcrAccountArgs struct {
	// AcrAccountName is the container registry's name; Azure names it when nil.
	AcrAccountName pulumi.StringPtrInput
	// AcrAccountSku is the container registry SKU ("Premium" for private link).
	AcrAccountSku pulumi.StringPtrInput
	// ArmResourceId is the container registry's id; Azure sets it.
	ArmResourceId *ArmResourceIdArgs
}

// ElementType returns the plain shape the Args marshal to.
func (SystemCreatedAcrAccountArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SystemCreatedAcrAccount)(nil)).Elem()
}

// StorageAccountDetails is the plain shape of StorageAccountDetailsArgs.
type StorageAccountDetails struct {
	SystemCreatedStorageAccount *SystemCreatedStorageAccount `pulumi:"systemCreatedStorageAccount"`
}

// StorageAccountDetailsArgs is one storage account of a registry region.
type StorageAccountDetailsArgs struct {
	// SystemCreatedStorageAccount has Azure create the storage account.
	SystemCreatedStorageAccount *SystemCreatedStorageAccountArgs
}

// ElementType returns the plain shape the Args marshal to.
func (StorageAccountDetailsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*StorageAccountDetails)(nil)).Elem()
}

// SystemCreatedStorageAccount is the plain shape of SystemCreatedStorageAccountArgs.
type SystemCreatedStorageAccount struct {
	AllowBlobPublicAccess    *bool          `pulumi:"allowBlobPublicAccess"`
	ArmResourceId            *ArmResourceId `pulumi:"armResourceId"`
	StorageAccountHnsEnabled *bool          `pulumi:"storageAccountHnsEnabled"`
	StorageAccountName       *string        `pulumi:"storageAccountName"`
	StorageAccountType       *string        `pulumi:"storageAccountType"`
}

// SystemCreatedStorageAccountArgs is a storage account Azure creates for a region.
type SystemCreatedStorageAccountArgs struct {
	// AllowBlobPublicAccess allows anonymous blob access; keep it false.
	AllowBlobPublicAccess pulumi.BoolPtrInput
	// ArmResourceId is the storage account's id; Azure sets it.
	ArmResourceId *ArmResourceIdArgs
	// StorageAccountHnsEnabled enables the hierarchical namespace (Data Lake Gen2).
	StorageAccountHnsEnabled pulumi.BoolPtrInput
	// StorageAccountName is the storage account's name; Azure names it when nil.
	StorageAccountName pulumi.StringPtrInput
	// StorageAccountType is the storage SKU, e.g. "Standard_LRS" or "Standard_ZRS".
	StorageAccountType pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SystemCreatedStorageAccountArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SystemCreatedStorageAccount)(nil)).Elem()
}

// ArmResourceId is the plain shape of ArmResourceIdArgs.
type ArmResourceId struct {
	ResourceId *string `pulumi:"resourceId"`
}

// ArmResourceIdArgs names an Azure resource by id.
type ArmResourceIdArgs struct {
	// ResourceId is the full resource id.
	ResourceId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ArmResourceIdArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ArmResourceId)(nil)).Elem()
}

// ManagedServiceIdentity is the plain shape of ManagedServiceIdentityArgs.
type ManagedServiceIdentity struct {
	Type                   string   `pulumi:"type"`
	UserAssignedIdentities []string `pulumi:"userAssignedIdentities"`
}

// ManagedServiceIdentityArgs is a registry's managed identity.
type ManagedServiceIdentityArgs struct {
	// Type is one of the IdentityType* constants. Required.
	Type pulumi.StringInput
	// UserAssignedIdentities are the resource ids of user-assigned identities.
	UserAssignedIdentities pulumi.StringArrayInput
}

// ElementType returns the plain shape the Args marshal to.
func (ManagedServiceIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ManagedServiceIdentity)(nil)).Elem()
}

// Sku is the plain shape of SkuArgs.
type Sku struct {
	Capacity *int    `pulumi:"capacity"`
	Family   *string `pulumi:"family"`
	Name     string  `pulumi:"name"`
	Size     *string `pulumi:"size"`
	Tier     *string `pulumi:"tier"`
}

// SkuArgs is a registry's SKU.
type SkuArgs struct {
	// Capacity is the SKU capacity, if the SKU scales.
	Capacity pulumi.IntPtrInput
	// Family is the SKU family, if any.
	Family pulumi.StringPtrInput
	// Name is the SKU name. Required.
	Name pulumi.StringInput
	// Size is the SKU size, if any.
	Size pulumi.StringPtrInput
	// Tier is "Free", "Basic", "Standard" or "Premium".
	Tier pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Sku)(nil)).Elem()
}
