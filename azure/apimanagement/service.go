package apimanagement

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the resources in this package (API version 2024-05-01).
const (
	ApiManagementServiceType = "azure-native:apimanagement/v20240501:ApiManagementService"
	BackendType              = "azure-native:apimanagement/v20240501:Backend"
	ApiType                  = "azure-native:apimanagement/v20240501:Api"
	ApiOperationType         = "azure-native:apimanagement/v20240501:ApiOperation"
	ApiPolicyType            = "azure-native:apimanagement/v20240501:ApiPolicy"
)

// SKU names of an API Management service. Only Developer and Premium (classic
// tiers) support injection into a virtual network (virtualNetworkType Internal or
// External).
const (
	SkuDeveloper   = "Developer"
	SkuBasic       = "Basic"
	SkuStandard    = "Standard"
	SkuPremium     = "Premium"
	SkuConsumption = "Consumption"
	SkuIsolated    = "Isolated"
	SkuBasicV2     = "BasicV2"
	SkuStandardV2  = "StandardV2"
)

// Values of virtualNetworkType.
const (
	VirtualNetworkNone     = "None"
	VirtualNetworkExternal = "External"
	VirtualNetworkInternal = "Internal"
)

// Values of the service's portal status fields and publicNetworkAccess.
const (
	StatusEnabled  = "Enabled"
	StatusDisabled = "Disabled"
)

// IdentitySystemAssigned is the identity.type of a system-assigned managed identity.
const IdentitySystemAssigned = "SystemAssigned"

// ApiManagementService is a Microsoft.ApiManagement/service resource (API 2024-05-01).
type ApiManagementService struct {
	pulumi.CustomResourceState

	// GatewayRegionalUrl is the gateway URL of the primary region.
	GatewayRegionalUrl pulumi.StringOutput `pulumi:"gatewayRegionalUrl"`
	// GatewayUrl is the gateway URL, e.g. "https://<name>.azure-api.net".
	GatewayUrl pulumi.StringOutput `pulumi:"gatewayUrl"`
	// Identity is the service's managed identity.
	Identity ApiManagementServiceIdentityResponsePtrOutput `pulumi:"identity"`
	// Location is the service's region.
	Location pulumi.StringOutput `pulumi:"location"`
	// Name is the service name.
	Name pulumi.StringOutput `pulumi:"name"`
	// PlatformVersion is the compute platform ("stv2", ...).
	PlatformVersion pulumi.StringOutput `pulumi:"platformVersion"`
	// PrivateIPAddresses are the gateway's private addresses in a virtual network.
	PrivateIPAddresses pulumi.StringArrayOutput `pulumi:"privateIPAddresses"`
	// PublicIPAddresses are the gateway's public addresses.
	PublicIPAddresses pulumi.StringArrayOutput `pulumi:"publicIPAddresses"`
	// PublisherEmail is the publisher's email address.
	PublisherEmail pulumi.StringOutput `pulumi:"publisherEmail"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
	// VirtualNetworkType is "None", "External" or "Internal".
	VirtualNetworkType pulumi.StringPtrOutput `pulumi:"virtualNetworkType"`
}

type apiManagementServiceArgs struct {
	ApiVersionConstraint        *ApiVersionConstraint             `pulumi:"apiVersionConstraint"`
	CustomProperties            map[string]string                 `pulumi:"customProperties"`
	DeveloperPortalStatus       *string                           `pulumi:"developerPortalStatus"`
	DisableGateway              *bool                             `pulumi:"disableGateway"`
	Identity                    *ApiManagementServiceIdentity     `pulumi:"identity"`
	LegacyPortalStatus          *string                           `pulumi:"legacyPortalStatus"`
	Location                    *string                           `pulumi:"location"`
	NatGatewayState             *string                           `pulumi:"natGatewayState"`
	NotificationSenderEmail     *string                           `pulumi:"notificationSenderEmail"`
	PublicIpAddressId           *string                           `pulumi:"publicIpAddressId"`
	PublicNetworkAccess         *string                           `pulumi:"publicNetworkAccess"`
	PublisherEmail              string                            `pulumi:"publisherEmail"`
	PublisherName               string                            `pulumi:"publisherName"`
	ResourceGroupName           string                            `pulumi:"resourceGroupName"`
	Restore                     *bool                             `pulumi:"restore"`
	ServiceName                 *string                           `pulumi:"serviceName"`
	Sku                         ApiManagementServiceSkuProperties `pulumi:"sku"`
	Tags                        map[string]string                 `pulumi:"tags"`
	VirtualNetworkConfiguration *VirtualNetworkConfiguration      `pulumi:"virtualNetworkConfiguration"`
	VirtualNetworkType          *string                           `pulumi:"virtualNetworkType"`
	Zones                       []string                          `pulumi:"zones"`
}

// ApiManagementServiceArgs are the inputs of an ApiManagementService. Custom
// hostnames, certificates and additional regions are left out: the gateway
// components use the default hostname in one region.
type ApiManagementServiceArgs struct {
	// ApiVersionConstraint limits management-plane calls to recent API versions
	// (ALZ guardrail: minimum API version 2019-12-01). Optional.
	ApiVersionConstraint *ApiVersionConstraintArgs
	// CustomProperties are gateway settings, e.g. disabling TLS 1.0/1.1 and 3DES
	// ("Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "false"). Optional.
	CustomProperties pulumi.StringMapInput
	// DeveloperPortalStatus is "Enabled" or "Disabled". Optional.
	DeveloperPortalStatus pulumi.StringPtrInput
	// DisableGateway turns off the gateway of the primary region (multi-region only). Optional.
	DisableGateway pulumi.BoolPtrInput
	// Identity is the service's managed identity. Optional.
	Identity *ApiManagementServiceIdentityArgs
	// LegacyPortalStatus is "Enabled" or "Disabled". Optional.
	LegacyPortalStatus pulumi.StringPtrInput
	// Location is the region. Optional; defaults to the resource group's region.
	Location pulumi.StringPtrInput
	// NatGatewayState is "Enabled" or "Disabled". Optional.
	NatGatewayState pulumi.StringPtrInput
	// NotificationSenderEmail is the sender of notifications. Optional.
	NotificationSenderEmail pulumi.StringPtrInput
	// PublicIpAddressId is a Standard static public IPv4 address (with a DNS label)
	// for a service in a virtual network (Developer and Premium). Optional.
	PublicIpAddressId pulumi.StringPtrInput
	// PublicNetworkAccess is "Enabled" or "Disabled" (Disabled only for services
	// reached through private endpoints, never at creation). Optional.
	PublicNetworkAccess pulumi.StringPtrInput
	// PublisherEmail receives system notifications. Required.
	PublisherEmail pulumi.StringInput
	// PublisherName is the organisation's name. Required.
	PublisherName pulumi.StringInput
	// ResourceGroupName is the service's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// Restore undeletes a soft-deleted service of the same name. Optional.
	Restore pulumi.BoolPtrInput
	// ServiceName is the globally unique service name. Optional; auto-named when absent.
	ServiceName pulumi.StringPtrInput
	// Sku is the tier and unit count. Required.
	Sku *ApiManagementServiceSkuPropertiesArgs
	// Tags are the resource tags. Optional.
	Tags pulumi.StringMapInput
	// VirtualNetworkConfiguration names the subnet the service is injected into.
	VirtualNetworkConfiguration *VirtualNetworkConfigurationArgs
	// VirtualNetworkType is "None", "External" or "Internal". Optional; Azure defaults to None.
	VirtualNetworkType pulumi.StringPtrInput
	// Zones are the availability zones (Premium). Optional.
	Zones pulumi.StringArrayInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiManagementServiceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*apiManagementServiceArgs)(nil)).Elem()
}

// ApiVersionConstraint is the plain shape of ApiVersionConstraintArgs.
type ApiVersionConstraint struct {
	MinApiVersion *string `pulumi:"minApiVersion"`
}

// ApiVersionConstraintArgs limit the management API versions a service accepts.
type ApiVersionConstraintArgs struct {
	// MinApiVersion is the oldest accepted version, e.g. "2021-08-01".
	MinApiVersion pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiVersionConstraintArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ApiVersionConstraint)(nil)).Elem()
}

// ApiManagementServiceIdentity is the plain shape of ApiManagementServiceIdentityArgs.
type ApiManagementServiceIdentity struct {
	Type                   string                            `pulumi:"type"`
	UserAssignedIdentities map[string]UserIdentityProperties `pulumi:"userAssignedIdentities"`
}

// ApiManagementServiceIdentityArgs are the service's managed identities.
type ApiManagementServiceIdentityArgs struct {
	// Type is "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned" or "None". Required.
	Type pulumi.StringInput
	// UserAssignedIdentities are keyed by the identities' resource ids (values empty).
	UserAssignedIdentities map[string]UserIdentityPropertiesArgs
}

// ElementType returns the plain shape the Args marshal to.
func (ApiManagementServiceIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ApiManagementServiceIdentity)(nil)).Elem()
}

// UserIdentityProperties is the plain shape of UserIdentityPropertiesArgs.
type UserIdentityProperties struct {
	ClientId    *string `pulumi:"clientId"`
	PrincipalId *string `pulumi:"principalId"`
}

// UserIdentityPropertiesArgs describe a user-assigned identity (normally left empty).
type UserIdentityPropertiesArgs struct {
	// ClientId is the identity's client id.
	ClientId pulumi.StringPtrInput
	// PrincipalId is the identity's principal id.
	PrincipalId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (UserIdentityPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*UserIdentityProperties)(nil)).Elem()
}

// ApiManagementServiceSkuProperties is the plain shape of ApiManagementServiceSkuPropertiesArgs.
type ApiManagementServiceSkuProperties struct {
	Capacity int    `pulumi:"capacity"`
	Name     string `pulumi:"name"`
}

// ApiManagementServiceSkuPropertiesArgs are a service's tier and size.
type ApiManagementServiceSkuPropertiesArgs struct {
	// Capacity is the number of units (1 for Developer, 0 for Consumption). Required.
	Capacity pulumi.IntInput
	// Name is the tier (Sku* constants). Required.
	Name pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiManagementServiceSkuPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ApiManagementServiceSkuProperties)(nil)).Elem()
}

// VirtualNetworkConfiguration is the plain shape of VirtualNetworkConfigurationArgs.
type VirtualNetworkConfiguration struct {
	SubnetResourceId *string `pulumi:"subnetResourceId"`
}

// VirtualNetworkConfigurationArgs name the subnet a service is injected into.
type VirtualNetworkConfigurationArgs struct {
	// SubnetResourceId is the subnet's resource id.
	SubnetResourceId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (VirtualNetworkConfigurationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*VirtualNetworkConfiguration)(nil)).Elem()
}

// NewApiManagementService registers an API Management service.
func NewApiManagementService(ctx *pulumi.Context, name string, args *ApiManagementServiceArgs, opts ...pulumi.ResourceOption) (*ApiManagementService, error) {
	var res ApiManagementService
	if err := azure.Register(ctx, ApiManagementServiceType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
