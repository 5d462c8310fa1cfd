package machinelearningservices

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// RegistryResponse is a registry's properties as Azure reports them.
type RegistryResponse struct {
	DiscoveryUrl                  *string                            `pulumi:"discoveryUrl"`
	IntellectualPropertyPublisher *string                            `pulumi:"intellectualPropertyPublisher"`
	ManagedResourceGroup          *ArmResourceIdResponse             `pulumi:"managedResourceGroup"`
	MlFlowRegistryUri             *string                            `pulumi:"mlFlowRegistryUri"`
	PublicNetworkAccess           *string                            `pulumi:"publicNetworkAccess"`
	RegionDetails                 []RegistryRegionArmDetailsResponse `pulumi:"regionDetails"`
}

// RegistryRegionArmDetailsResponse is one region of a registry as Azure reports it.
type RegistryRegionArmDetailsResponse struct {
	AcrDetails            []AcrDetailsResponse            `pulumi:"acrDetails"`
	Location              *string                         `pulumi:"location"`
	StorageAccountDetails []StorageAccountDetailsResponse `pulumi:"storageAccountDetails"`
}

// AcrDetailsResponse is one container registry of a registry region.
type AcrDetailsResponse struct {
	SystemCreatedAcrAccount *SystemCreatedAcrAccountResponse `pulumi:"systemCreatedAcrAccount"`
}

// SystemCreatedAcrAccountResponse is a container registry Azure created.
type SystemCreatedAcrAccountResponse struct {
	AcrAccountName *string                `pulumi:"acrAccountName"`
	AcrAccountSku  *string                `pulumi:"acrAccountSku"`
	ArmResourceId  *ArmResourceIdResponse `pulumi:"armResourceId"`
}

// StorageAccountDetailsResponse is one storage account of a registry region.
type StorageAccountDetailsResponse struct {
	SystemCreatedStorageAccount *SystemCreatedStorageAccountResponse `pulumi:"systemCreatedStorageAccount"`
}

// SystemCreatedStorageAccountResponse is a storage account Azure created.
type SystemCreatedStorageAccountResponse struct {
	AllowBlobPublicAccess    *bool                  `pulumi:"allowBlobPublicAccess"`
	ArmResourceId            *ArmResourceIdResponse `pulumi:"armResourceId"`
	StorageAccountHnsEnabled *bool                  `pulumi:"storageAccountHnsEnabled"`
	StorageAccountName       *string                `pulumi:"storageAccountName"`
	StorageAccountType       *string                `pulumi:"storageAccountType"`
}

// ArmResourceIdResponse names an Azure resource by id.
type ArmResourceIdResponse struct {
	ResourceId *string `pulumi:"resourceId"`
}

// RegistryResponseOutput is an Output of RegistryResponse.
type RegistryResponseOutput struct{ *pulumi.OutputState }

// ElementType returns RegistryResponse.
func (RegistryResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*RegistryResponse)(nil)).Elem()
}

// DiscoveryUrl is the registry's discovery URL.
func (o RegistryResponseOutput) DiscoveryUrl() pulumi.StringPtrOutput {
	return o.ApplyT(func(v RegistryResponse) *string { return v.DiscoveryUrl }).(pulumi.StringPtrOutput)
}

// MlFlowRegistryUri is the registry's MLflow URI.
func (o RegistryResponseOutput) MlFlowRegistryUri() pulumi.StringPtrOutput {
	return o.ApplyT(func(v RegistryResponse) *string { return v.MlFlowRegistryUri }).(pulumi.StringPtrOutput)
}

// PublicNetworkAccess is "Enabled" or "Disabled".
func (o RegistryResponseOutput) PublicNetworkAccess() pulumi.StringPtrOutput {
	return o.ApplyT(func(v RegistryResponse) *string { return v.PublicNetworkAccess }).(pulumi.StringPtrOutput)
}

// Locations are the regions the registry replicates to, in regionDetails order.
func (o RegistryResponseOutput) Locations() pulumi.StringArrayOutput {
	return o.ApplyT(func(v RegistryResponse) []string {
		out := make([]string, 0, len(v.RegionDetails))
		for _, r := range v.RegionDetails {
			if r.Location != nil {
				out = append(out, *r.Location)
			}
		}
		return out
	}).(pulumi.StringArrayOutput)
}

// ManagedResourceGroupId is the id of the resource group Azure manages for the
// registry ("" until Azure reports it).
func (o RegistryResponseOutput) ManagedResourceGroupId() pulumi.StringOutput {
	return o.ApplyT(func(v RegistryResponse) string {
		if v.ManagedResourceGroup == nil || v.ManagedResourceGroup.ResourceId == nil {
			return ""
		}
		return *v.ManagedResourceGroup.ResourceId
	}).(pulumi.StringOutput)
}

// ManagedServiceIdentityResponse is a registry's system-assigned identity as Azure
// reports it (the user-assigned identities map is not read).
type ManagedServiceIdentityResponse struct {
	PrincipalId string `pulumi:"principalId"`
	TenantId    string `pulumi:"tenantId"`
	Type        string `pulumi:"type"`
}

// ManagedServiceIdentityResponseOutput is an Output of ManagedServiceIdentityResponse.
type ManagedServiceIdentityResponseOutput struct{ *pulumi.OutputState }

// ElementType returns ManagedServiceIdentityResponse.
func (ManagedServiceIdentityResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ManagedServiceIdentityResponse)(nil)).Elem()
}

// PrincipalId is the object id of the system-assigned identity.
func (o ManagedServiceIdentityResponseOutput) PrincipalId() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.PrincipalId }).(pulumi.StringOutput)
}

// TenantId is the identity's Entra ID tenant.
func (o ManagedServiceIdentityResponseOutput) TenantId() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.TenantId }).(pulumi.StringOutput)
}

// Type is the identity type.
func (o ManagedServiceIdentityResponseOutput) Type() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.Type }).(pulumi.StringOutput)
}

// ManagedServiceIdentityResponsePtrOutput is an Output of *ManagedServiceIdentityResponse.
type ManagedServiceIdentityResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns *ManagedServiceIdentityResponse.
func (ManagedServiceIdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ManagedServiceIdentityResponse)(nil)).Elem()
}

// Elem dereferences the identity; a missing identity reads as the zero value.
func (o ManagedServiceIdentityResponsePtrOutput) Elem() ManagedServiceIdentityResponseOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) ManagedServiceIdentityResponse {
		if v == nil {
			return ManagedServiceIdentityResponse{}
		}
		return *v
	}).(ManagedServiceIdentityResponseOutput)
}

// PrincipalId is the object id of the system-assigned identity, nil without identity.
func (o ManagedServiceIdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

// SkuResponse is a registry's SKU as Azure reports it.
type SkuResponse struct {
	Capacity *int    `pulumi:"capacity"`
	Family   *string `pulumi:"family"`
	Name     string  `pulumi:"name"`
	Size     *string `pulumi:"size"`
	Tier     *string `pulumi:"tier"`
}

// SkuResponsePtrOutput is an Output of *SkuResponse.
type SkuResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns *SkuResponse.
func (SkuResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**SkuResponse)(nil)).Elem()
}

// Name is the SKU name, nil when the registry has no SKU.
func (o SkuResponsePtrOutput) Name() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *SkuResponse) *string {
		if v == nil {
			return nil
		}
		return &v.Name
	}).(pulumi.StringPtrOutput)
}

func init() {
	pulumi.RegisterOutputType(RegistryResponseOutput{})
	pulumi.RegisterOutputType(ManagedServiceIdentityResponseOutput{})
	pulumi.RegisterOutputType(ManagedServiceIdentityResponsePtrOutput{})
	pulumi.RegisterOutputType(SkuResponsePtrOutput{})
}
