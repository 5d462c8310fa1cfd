package apimanagement

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	pulumi.RegisterOutputType(ApiManagementServiceIdentityResponsePtrOutput{})
}

// ApiManagementServiceIdentityResponse is a service's managed identity as Azure reports it.
type ApiManagementServiceIdentityResponse struct {
	// PrincipalId is the object id of the system-assigned identity's service principal.
	PrincipalId string `pulumi:"principalId"`
	// TenantId is the identity's Entra ID tenant.
	TenantId string `pulumi:"tenantId"`
	// Type is the identity type.
	Type string `pulumi:"type"`
}

// ApiManagementServiceIdentityResponsePtrOutput is an Output of an optional
// ApiManagementServiceIdentityResponse.
type ApiManagementServiceIdentityResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns the type the Output resolves to.
func (ApiManagementServiceIdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ApiManagementServiceIdentityResponse)(nil)).Elem()
}

// PrincipalId is the object id of the identity's service principal (nil without an identity).
func (o ApiManagementServiceIdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ApiManagementServiceIdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

// TenantId is the identity's tenant (nil without an identity).
func (o ApiManagementServiceIdentityResponsePtrOutput) TenantId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ApiManagementServiceIdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.TenantId
	}).(pulumi.StringPtrOutput)
}
