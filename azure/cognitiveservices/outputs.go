package cognitiveservices

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	pulumi.RegisterOutputType(IdentityResponsePtrOutput{})
	pulumi.RegisterOutputType(AccountPropertiesResponseOutput{})
	pulumi.RegisterOutputType(SkuResponsePtrOutput{})
	pulumi.RegisterOutputType(DeploymentPropertiesResponseOutput{})
	pulumi.RegisterOutputType(RaiPolicyPropertiesResponseOutput{})
}

// IdentityResponse is the managed identity of an account as Azure reports it.
type IdentityResponse struct {
	// PrincipalId is the object id of the system-assigned identity's service principal.
	PrincipalId string `pulumi:"principalId"`
	// TenantId is the identity's Entra ID tenant.
	TenantId string `pulumi:"tenantId"`
	// Type is the identity type.
	Type *string `pulumi:"type"`
}

// IdentityResponsePtrOutput is an Output of an optional IdentityResponse.
type IdentityResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (IdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**IdentityResponse)(nil)).Elem()
}

// PrincipalId is the object id of the identity's service principal (nil without an identity).
func (o IdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

// TenantId is the identity's tenant (nil without an identity).
func (o IdentityResponsePtrOutput) TenantId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.TenantId
	}).(pulumi.StringPtrOutput)
}

// Type is the identity type (nil without an identity).
func (o IdentityResponsePtrOutput) Type() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return v.Type
	}).(pulumi.StringPtrOutput)
}

// AccountPropertiesResponse are an account's properties as Azure reports them.
type AccountPropertiesResponse struct {
	// AllowedFqdnList are the host names outbound calls may reach.
	AllowedFqdnList []string `pulumi:"allowedFqdnList"`
	// CustomSubDomainName is the endpoint's subdomain.
	CustomSubDomainName *string `pulumi:"customSubDomainName"`
	// DateCreated is when the account was created.
	DateCreated string `pulumi:"dateCreated"`
	// DisableLocalAuth reports whether key authentication is off.
	DisableLocalAuth *bool `pulumi:"disableLocalAuth"`
	// Endpoint is the account's endpoint, e.g. "https://<subdomain>.openai.azure.com/".
	Endpoint string `pulumi:"endpoint"`
	// Endpoints are the endpoints per API ("OpenAI Language Model Instance API", ...).
	Endpoints map[string]string `pulumi:"endpoints"`
	// ProvisioningState is the provisioning state.
	ProvisioningState string `pulumi:"provisioningState"`
	// PublicNetworkAccess is "Enabled" or "Disabled".
	PublicNetworkAccess *string `pulumi:"publicNetworkAccess"`
	// RestrictOutboundNetworkAccess reports whether outbound calls are limited.
	RestrictOutboundNetworkAccess *bool `pulumi:"restrictOutboundNetworkAccess"`
}

// AccountPropertiesResponseOutput is an Output of AccountPropertiesResponse.
type AccountPropertiesResponseOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (AccountPropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*AccountPropertiesResponse)(nil)).Elem()
}

// Endpoint is the account's endpoint URL, ending with "/".
func (o AccountPropertiesResponseOutput) Endpoint() pulumi.StringOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) string { return v.Endpoint }).(pulumi.StringOutput)
}

// Endpoints are the account's endpoints per API.
func (o AccountPropertiesResponseOutput) Endpoints() pulumi.StringMapOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) map[string]string { return v.Endpoints }).(pulumi.StringMapOutput)
}

// CustomSubDomainName is the endpoint's subdomain.
func (o AccountPropertiesResponseOutput) CustomSubDomainName() pulumi.StringPtrOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) *string { return v.CustomSubDomainName }).(pulumi.StringPtrOutput)
}

// DisableLocalAuth reports whether key authentication is off.
func (o AccountPropertiesResponseOutput) DisableLocalAuth() pulumi.BoolPtrOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) *bool { return v.DisableLocalAuth }).(pulumi.BoolPtrOutput)
}

// PublicNetworkAccess is "Enabled" or "Disabled".
func (o AccountPropertiesResponseOutput) PublicNetworkAccess() pulumi.StringPtrOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) *string { return v.PublicNetworkAccess }).(pulumi.StringPtrOutput)
}

// ProvisioningState is the provisioning state.
func (o AccountPropertiesResponseOutput) ProvisioningState() pulumi.StringOutput {
	return o.ApplyT(func(v AccountPropertiesResponse) string { return v.ProvisioningState }).(pulumi.StringOutput)
}

// SkuResponse is a pricing tier or deployment type as Azure reports it.
type SkuResponse struct {
	// Capacity is the capacity.
	Capacity *int `pulumi:"capacity"`
	// Family is the hardware generation.
	Family *string `pulumi:"family"`
	// Name is the SKU name.
	Name string `pulumi:"name"`
	// Size is the SKU size.
	Size *string `pulumi:"size"`
	// Tier is the SKU tier.
	Tier *string `pulumi:"tier"`
}

// SkuResponsePtrOutput is an Output of an optional SkuResponse.
type SkuResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (SkuResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**SkuResponse)(nil)).Elem()
}

// Name is the SKU name (nil without a SKU).
func (o SkuResponsePtrOutput) Name() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *SkuResponse) *string {
		if v == nil {
			return nil
		}
		return &v.Name
	}).(pulumi.StringPtrOutput)
}

// Capacity is the SKU capacity (nil without a SKU or capacity).
func (o SkuResponsePtrOutput) Capacity() pulumi.IntPtrOutput {
	return o.ApplyT(func(v *SkuResponse) *int {
		if v == nil {
			return nil
		}
		return v.Capacity
	}).(pulumi.IntPtrOutput)
}

// DeploymentModelResponse is a deployment's model as Azure reports it.
type DeploymentModelResponse struct {
	// Format is the model format ("OpenAI").
	Format *string `pulumi:"format"`
	// Name is the model name.
	Name *string `pulumi:"name"`
	// Publisher is the model publisher.
	Publisher *string `pulumi:"publisher"`
	// Version is the model version.
	Version *string `pulumi:"version"`
}

// DeploymentPropertiesResponse are a deployment's properties as Azure reports them.
type DeploymentPropertiesResponse struct {
	// Model is the deployed model.
	Model *DeploymentModelResponse `pulumi:"model"`
	// ProvisioningState is the provisioning state.
	ProvisioningState string `pulumi:"provisioningState"`
	// RaiPolicyName is the content filter applied to the deployment.
	RaiPolicyName *string `pulumi:"raiPolicyName"`
	// VersionUpgradeOption is the model version upgrade option.
	VersionUpgradeOption *string `pulumi:"versionUpgradeOption"`
}

// DeploymentPropertiesResponseOutput is an Output of DeploymentPropertiesResponse.
type DeploymentPropertiesResponseOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (DeploymentPropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*DeploymentPropertiesResponse)(nil)).Elem()
}

// ModelName is the deployed model's name.
func (o DeploymentPropertiesResponseOutput) ModelName() pulumi.StringPtrOutput {
	return o.ApplyT(func(v DeploymentPropertiesResponse) *string {
		if v.Model == nil {
			return nil
		}
		return v.Model.Name
	}).(pulumi.StringPtrOutput)
}

// ModelVersion is the deployed model's version.
func (o DeploymentPropertiesResponseOutput) ModelVersion() pulumi.StringPtrOutput {
	return o.ApplyT(func(v DeploymentPropertiesResponse) *string {
		if v.Model == nil {
			return nil
		}
		return v.Model.Version
	}).(pulumi.StringPtrOutput)
}

// RaiPolicyName is the content filter applied to the deployment.
func (o DeploymentPropertiesResponseOutput) RaiPolicyName() pulumi.StringPtrOutput {
	return o.ApplyT(func(v DeploymentPropertiesResponse) *string { return v.RaiPolicyName }).(pulumi.StringPtrOutput)
}

// VersionUpgradeOption is the model version upgrade option.
func (o DeploymentPropertiesResponseOutput) VersionUpgradeOption() pulumi.StringPtrOutput {
	return o.ApplyT(func(v DeploymentPropertiesResponse) *string { return v.VersionUpgradeOption }).(pulumi.StringPtrOutput)
}

// ProvisioningState is the provisioning state.
func (o DeploymentPropertiesResponseOutput) ProvisioningState() pulumi.StringOutput {
	return o.ApplyT(func(v DeploymentPropertiesResponse) string { return v.ProvisioningState }).(pulumi.StringOutput)
}

// RaiPolicyPropertiesResponse are a content filter's properties as Azure reports them.
type RaiPolicyPropertiesResponse struct {
	// BasePolicyName is the policy the filter derives from.
	BasePolicyName *string `pulumi:"basePolicyName"`
	// Mode is the filter mode.
	Mode *string `pulumi:"mode"`
	// Type is "UserManaged" or "SystemManaged".
	Type string `pulumi:"type"`
}

// RaiPolicyPropertiesResponseOutput is an Output of RaiPolicyPropertiesResponse.
type RaiPolicyPropertiesResponseOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (RaiPolicyPropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*RaiPolicyPropertiesResponse)(nil)).Elem()
}

// BasePolicyName is the policy the filter derives from.
func (o RaiPolicyPropertiesResponseOutput) BasePolicyName() pulumi.StringPtrOutput {
	return o.ApplyT(func(v RaiPolicyPropertiesResponse) *string { return v.BasePolicyName }).(pulumi.StringPtrOutput)
}

// Mode is the filter mode.
func (o RaiPolicyPropertiesResponseOutput) Mode() pulumi.StringPtrOutput {
	return o.ApplyT(func(v RaiPolicyPropertiesResponse) *string { return v.Mode }).(pulumi.StringPtrOutput)
}
