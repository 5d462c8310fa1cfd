package search

import (
	"errors"
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the resources in this package.
const (
	// ServiceType is the token of Service (API 2023-11-01).
	ServiceType = "azure-native:search/v20231101:Service"
	// SharedPrivateLinkResourceType is the token of SharedPrivateLinkResource (API 2023-11-01).
	SharedPrivateLinkResourceType = "azure-native:search/v20231101:SharedPrivateLinkResource"
)

// Values of the lower-case enums of API 2023-11-01.
const (
	// PublicNetworkAccessDisabled makes private endpoints the only way in.
	PublicNetworkAccessDisabled = "disabled"
	// PublicNetworkAccessEnabled allows the public interface (Azure's default).
	PublicNetworkAccessEnabled = "enabled"

	// SkuFree is the shared free tier: no private link, no SLA.
	SkuFree = "free"
	// SkuBasic is the smallest dedicated tier (up to 3 replicas, 1 partition).
	SkuBasic = "basic"
	// SkuStandard is the S1 tier.
	SkuStandard = "standard"
	// SkuStandard2 is the S2 tier.
	SkuStandard2 = "standard2"
	// SkuStandard3 is the S3 tier (the only one with hostingMode highDensity).
	SkuStandard3 = "standard3"
	// SkuStorageOptimizedL1 is the L1 storage-optimised tier.
	SkuStorageOptimizedL1 = "storage_optimized_l1"
	// SkuStorageOptimizedL2 is the L2 storage-optimised tier.
	SkuStorageOptimizedL2 = "storage_optimized_l2"

	// HostingModeDefault is the hosting mode of every SKU but standard3 high density.
	HostingModeDefault = "default"
	// HostingModeHighDensity gives standard3 up to 1000 indexes per partition.
	HostingModeHighDensity = "highDensity"

	// SemanticSearchDisabled turns the semantic ranker off.
	SemanticSearchDisabled = "disabled"
	// SemanticSearchFree is the free semantic ranker plan (limited queries).
	SemanticSearchFree = "free"
	// SemanticSearchStandard is the billed semantic ranker plan.
	SemanticSearchStandard = "standard"

	// IdentityTypeSystemAssigned gives the service a system-assigned identity.
	IdentityTypeSystemAssigned = "SystemAssigned"
	// IdentityTypeNone removes the identity.
	IdentityTypeNone = "None"
)

// Service is an Azure AI Search service (Microsoft.Search/searchServices, API
// 2023-11-01). Its data-plane endpoint is https://<name>.search.windows.net; the
// resource has no endpoint output, see Endpoint.
type Service struct {
	pulumi.CustomResourceState

	// DisableLocalAuth is true when API keys are refused.
	DisableLocalAuth pulumi.BoolPtrOutput `pulumi:"disableLocalAuth"`
	// HostingMode is "default" or "highDensity".
	HostingMode pulumi.StringPtrOutput `pulumi:"hostingMode"`
	// Identity is the service's managed identity (principalId, tenantId, type).
	Identity IdentityResponsePtrOutput `pulumi:"identity"`
	// Location is the Azure region of the service.
	Location pulumi.StringOutput `pulumi:"location"`
	// Name is the service name (the first label of its endpoint host).
	Name pulumi.StringOutput `pulumi:"name"`
	// PartitionCount is the number of partitions.
	PartitionCount pulumi.IntPtrOutput `pulumi:"partitionCount"`
	// ProvisioningState is the state of the last provisioning operation.
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	// PublicNetworkAccess is "enabled" or "disabled".
	PublicNetworkAccess pulumi.StringPtrOutput `pulumi:"publicNetworkAccess"`
	// ReplicaCount is the number of replicas.
	ReplicaCount pulumi.IntPtrOutput `pulumi:"replicaCount"`
	// SemanticSearch is the semantic ranker plan.
	SemanticSearch pulumi.StringPtrOutput `pulumi:"semanticSearch"`
	// Sku is the pricing tier.
	Sku SkuResponsePtrOutput `pulumi:"sku"`
	// Status is the service status (running, provisioning, degraded, ...).
	Status pulumi.StringOutput `pulumi:"status"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

// Endpoint returns the service's data-plane URL, https://<name>.search.windows.net.
func (s *Service) Endpoint() pulumi.StringOutput {
	return pulumi.Sprintf("https://%s.search.windows.net", s.Name)
}

type serviceArgs struct {
	AuthOptions         *DataPlaneAuthOptions `pulumi:"authOptions"`
	DisableLocalAuth    *bool                 `pulumi:"disableLocalAuth"`
	EncryptionWithCmk   *EncryptionWithCmk    `pulumi:"encryptionWithCmk"`
	HostingMode         *string               `pulumi:"hostingMode"`
	Identity            *Identity             `pulumi:"identity"`
	Location            *string               `pulumi:"location"`
	NetworkRuleSet      *NetworkRuleSet       `pulumi:"networkRuleSet"`
	PartitionCount      *int                  `pulumi:"partitionCount"`
	PublicNetworkAccess *string               `pulumi:"publicNetworkAccess"`
	ReplicaCount        *int                  `pulumi:"replicaCount"`
	ResourceGroupName   string                `pulumi:"resourceGroupName"`
	SearchServiceName   *string               `pulumi:"searchServiceName"`
	SemanticSearch      *string               `pulumi:"semanticSearch"`
	Sku                 *Sku                  `pulumi:"sku"`
	Tags                map[string]string     `pulumi:"tags"`
}

// ServiceArgs are the inputs of a Service.
type ServiceArgs struct {
	// AuthOptions chooses how the data plane authenticates (API key only, or Entra ID
	// or API key). Mutually exclusive with DisableLocalAuth true.
	AuthOptions *DataPlaneAuthOptionsArgs
	// DisableLocalAuth refuses API keys, leaving Entra ID (RBAC) as the only data-plane
	// authentication (policy 6300012e). Mutually exclusive with AuthOptions.
	DisableLocalAuth pulumi.BoolPtrInput
	// EncryptionWithCmk says whether indexes and synonym maps must use customer-managed keys.
	EncryptionWithCmk *EncryptionWithCmkArgs
	// HostingMode is "default" (all SKUs) or "highDensity" (standard3 only).
	HostingMode pulumi.StringPtrInput
	// Identity is the managed identity; API 2023-11-01 offers SystemAssigned or None.
	Identity *IdentityArgs
	// Location is the Azure region; defaults to the resource group's.
	Location pulumi.StringPtrInput
	// NetworkRuleSet lists the IP addresses allowed when public access is enabled.
	NetworkRuleSet *NetworkRuleSetArgs
	// PartitionCount is 1, 2, 3, 4, 6 or 12 (above 1 for standard SKUs only); Azure defaults to 1.
	PartitionCount pulumi.IntPtrInput
	// PublicNetworkAccess is "enabled" (Azure's default) or "disabled" (lower-case in this API).
	PublicNetworkAccess pulumi.StringPtrInput
	// ReplicaCount is 1-12 for standard SKUs, 1-3 for basic; Azure defaults to 1.
	ReplicaCount pulumi.IntPtrInput
	// ResourceGroupName is the resource group of the service. Required.
	ResourceGroupName pulumi.StringInput
	// SearchServiceName is the globally unique service name (2-60 lower-case letters,
	// digits or dashes); autonamed from the resource name when nil.
	SearchServiceName pulumi.StringPtrInput
	// SemanticSearch is the semantic ranker plan: "disabled", "free" or "standard".
	SemanticSearch pulumi.StringPtrInput
	// Sku is the pricing tier; required by Azure when creating a service.
	Sku *SkuArgs
	// Tags are the resource tags.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (ServiceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*serviceArgs)(nil)).Elem()
}

// NewService registers a search service. Like the generated SDK, it rejects nil args
// and a missing ResourceGroupName; it also rejects AuthOptions together with a
// DisableLocalAuth known to be true, which Azure refuses.
func NewService(ctx *pulumi.Context, name string, args *ServiceArgs, opts ...pulumi.ResourceOption) (*Service, error) {
	if args != nil && args.AuthOptions != nil {
		if b, ok := args.DisableLocalAuth.(pulumi.Bool); ok && bool(b) {
			return nil, errors.New("invalid arguments: 'AuthOptions' cannot be set when 'DisableLocalAuth' is true")
		}
	}
	var res Service
	if err := azure.Register(ctx, ServiceType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// DataPlaneAuthOptions is the plain shape of DataPlaneAuthOptionsArgs.
type DataPlaneAuthOptions struct {
	AadOrApiKey *DataPlaneAadOrApiKeyAuthOption `pulumi:"aadOrApiKey"`
	ApiKeyOnly  interface{}                     `pulumi:"apiKeyOnly"`
}

// DataPlaneAuthOptionsArgs chooses the data-plane authentication. Set exactly one field.
type DataPlaneAuthOptionsArgs struct {
	// AadOrApiKey accepts Entra ID tokens and API keys.
	AadOrApiKey *DataPlaneAadOrApiKeyAuthOptionArgs
	// ApiKeyOnly accepts API keys only; set it to an empty map (map[string]any{}).
	ApiKeyOnly interface{}
}

// ElementType returns the plain shape the Args marshal to.
func (DataPlaneAuthOptionsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*DataPlaneAuthOptions)(nil)).Elem()
}

// DataPlaneAadOrApiKeyAuthOption is the plain shape of DataPlaneAadOrApiKeyAuthOptionArgs.
type DataPlaneAadOrApiKeyAuthOption struct {
	AadAuthFailureMode *string `pulumi:"aadAuthFailureMode"`
}

// DataPlaneAadOrApiKeyAuthOptionArgs accepts Entra ID tokens and API keys.
type DataPlaneAadOrApiKeyAuthOptionArgs struct {
	// AadAuthFailureMode is the response to a failed Entra ID authentication:
	// "http403" or "http401WithBearerChallenge".
	AadAuthFailureMode pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (DataPlaneAadOrApiKeyAuthOptionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*DataPlaneAadOrApiKeyAuthOption)(nil)).Elem()
}

// EncryptionWithCmk is the plain shape of EncryptionWithCmkArgs.
type EncryptionWithCmk struct {
	Enforcement *string `pulumi:"enforcement"`
}

// EncryptionWithCmkArgs is the customer-managed-key policy of a service.
type EncryptionWithCmkArgs struct {
	// Enforcement is "Enabled" (non-CMK resources are refused), "Disabled" or "Unspecified".
	Enforcement pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (EncryptionWithCmkArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*EncryptionWithCmk)(nil)).Elem()
}

// Identity is the plain shape of IdentityArgs.
type Identity struct {
	Type string `pulumi:"type"`
}

// IdentityArgs is the managed identity of a service.
type IdentityArgs struct {
	// Type is "SystemAssigned" or "None". Required.
	Type pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (IdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Identity)(nil)).Elem()
}

// NetworkRuleSet is the plain shape of NetworkRuleSetArgs.
type NetworkRuleSet struct {
	IpRules []IpRule `pulumi:"ipRules"`
}

// NetworkRuleSetArgs are the IP rules of a service with public access enabled.
type NetworkRuleSetArgs struct {
	// IpRules are the allowed IPv4 addresses or CIDR ranges.
	IpRules []IpRuleArgs
}

// ElementType returns the plain shape the Args marshal to.
func (NetworkRuleSetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*NetworkRuleSet)(nil)).Elem()
}

// IpRule is the plain shape of IpRuleArgs.
type IpRule struct {
	Value *string `pulumi:"value"`
}

// IpRuleArgs is one allowed IPv4 address or CIDR range.
type IpRuleArgs struct {
	// Value is the address or range.
	Value pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (IpRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*IpRule)(nil)).Elem()
}

// Sku is the plain shape of SkuArgs.
type Sku struct {
	Name *string `pulumi:"name"`
}

// SkuArgs is the pricing tier of a service.
type SkuArgs struct {
	// Name is one of the Sku* constants ("basic", "standard", ...).
	Name pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*Sku)(nil)).Elem()
}

// IdentityResponse is a service's managed identity as Azure reports it.
type IdentityResponse struct {
	PrincipalId string `pulumi:"principalId"`
	TenantId    string `pulumi:"tenantId"`
	Type        string `pulumi:"type"`
}

// IdentityResponseOutput is an Output of IdentityResponse.
type IdentityResponseOutput struct{ *pulumi.OutputState }

// ElementType returns IdentityResponse.
func (IdentityResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*IdentityResponse)(nil)).Elem()
}

// PrincipalId is the object id of the identity's service principal.
func (o IdentityResponseOutput) PrincipalId() pulumi.StringOutput {
	return o.ApplyT(func(v IdentityResponse) string { return v.PrincipalId }).(pulumi.StringOutput)
}

// TenantId is the identity's Entra ID tenant.
func (o IdentityResponseOutput) TenantId() pulumi.StringOutput {
	return o.ApplyT(func(v IdentityResponse) string { return v.TenantId }).(pulumi.StringOutput)
}

// Type is the identity type.
func (o IdentityResponseOutput) Type() pulumi.StringOutput {
	return o.ApplyT(func(v IdentityResponse) string { return v.Type }).(pulumi.StringOutput)
}

// IdentityResponsePtrOutput is an Output of *IdentityResponse (absent when the
// service has no identity).
type IdentityResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns *IdentityResponse.
func (IdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**IdentityResponse)(nil)).Elem()
}

// Elem dereferences the identity; a missing identity reads as the zero value.
func (o IdentityResponsePtrOutput) Elem() IdentityResponseOutput {
	return o.ApplyT(func(v *IdentityResponse) IdentityResponse {
		if v == nil {
			return IdentityResponse{}
		}
		return *v
	}).(IdentityResponseOutput)
}

// PrincipalId is the object id of the identity's service principal, nil without identity.
func (o IdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

// SkuResponse is a service's pricing tier as Azure reports it.
type SkuResponse struct {
	Name *string `pulumi:"name"`
}

// SkuResponsePtrOutput is an Output of *SkuResponse.
type SkuResponsePtrOutput struct{ *pulumi.OutputState }

// ElementType returns *SkuResponse.
func (SkuResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**SkuResponse)(nil)).Elem()
}

// Name is the tier name, nil when absent.
func (o SkuResponsePtrOutput) Name() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *SkuResponse) *string {
		if v == nil {
			return nil
		}
		return v.Name
	}).(pulumi.StringPtrOutput)
}

func init() {
	pulumi.RegisterOutputType(IdentityResponseOutput{})
	pulumi.RegisterOutputType(IdentityResponsePtrOutput{})
	pulumi.RegisterOutputType(SkuResponsePtrOutput{})
	pulumi.RegisterOutputType(SharedPrivateLinkResourcePropertiesResponseOutput{})
}
