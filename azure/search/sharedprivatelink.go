package search

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// SharedPrivateLinkResource is a private endpoint the search service creates and
// manages to reach another resource (e.g. a storage account with public access
// disabled) for its indexers (Microsoft.Search/searchServices/sharedPrivateLinkResources,
// API 2023-11-01). The target resource's owner must approve the connection before
// indexers can use it.
type SharedPrivateLinkResource struct {
	pulumi.CustomResourceState

	// Name is the shared private link resource name.
	Name pulumi.StringOutput `pulumi:"name"`
	// Properties are the target, group and connection status.
	Properties SharedPrivateLinkResourcePropertiesResponseOutput `pulumi:"properties"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type sharedPrivateLinkResourceArgs struct {
	Properties                    *SharedPrivateLinkResourceProperties `pulumi:"properties"`
	ResourceGroupName             string                               `pulumi:"resourceGroupName"`
	SearchServiceName             string                               `pulumi:"searchServiceName"`
	SharedPrivateLinkResourceName *string                              `pulumi:"sharedPrivateLinkResourceName"`
}

// SharedPrivateLinkResourceArgs are the inputs of a SharedPrivateLinkResource.
type SharedPrivateLinkResourceArgs struct {
	// Properties name the target resource and its group.
	Properties *SharedPrivateLinkResourcePropertiesArgs
	// ResourceGroupName is the resource group of the search service. Required.
	ResourceGroupName pulumi.StringInput
	// SearchServiceName is the search service that owns the link. Required.
	SearchServiceName pulumi.StringInput
	// SharedPrivateLinkResourceName is the link's name; autonamed when nil.
	SharedPrivateLinkResourceName pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SharedPrivateLinkResourceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*sharedPrivateLinkResourceArgs)(nil)).Elem()
}

// NewSharedPrivateLinkResource registers a shared private link of a search service.
func NewSharedPrivateLinkResource(ctx *pulumi.Context, name string, args *SharedPrivateLinkResourceArgs, opts ...pulumi.ResourceOption) (*SharedPrivateLinkResource, error) {
	var res SharedPrivateLinkResource
	if err := azure.Register(ctx, SharedPrivateLinkResourceType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// SharedPrivateLinkResourceProperties is the plain shape of SharedPrivateLinkResourcePropertiesArgs.
type SharedPrivateLinkResourceProperties struct {
	GroupId               *string `pulumi:"groupId"`
	PrivateLinkResourceId *string `pulumi:"privateLinkResourceId"`
	RequestMessage        *string `pulumi:"requestMessage"`
	ResourceRegion        *string `pulumi:"resourceRegion"`
}

// SharedPrivateLinkResourcePropertiesArgs describe the target of a shared private link.
type SharedPrivateLinkResourcePropertiesArgs struct {
	// GroupId is the target's private-link group ("blob" for a storage account's blobs).
	GroupId pulumi.StringPtrInput
	// PrivateLinkResourceId is the full resource id of the target.
	PrivateLinkResourceId pulumi.StringPtrInput
	// RequestMessage is shown to whoever approves the connection.
	RequestMessage pulumi.StringPtrInput
	// ResourceRegion is needed only for targets in Azure's regional private-link
	// programme (e.g. Azure Kubernetes Service); leave nil for storage.
	ResourceRegion pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SharedPrivateLinkResourcePropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SharedPrivateLinkResourceProperties)(nil)).Elem()
}

// SharedPrivateLinkResourcePropertiesResponse is a shared private link as Azure reports it.
type SharedPrivateLinkResourcePropertiesResponse struct {
	GroupId               *string `pulumi:"groupId"`
	PrivateLinkResourceId *string `pulumi:"privateLinkResourceId"`
	ProvisioningState     *string `pulumi:"provisioningState"`
	RequestMessage        *string `pulumi:"requestMessage"`
	ResourceRegion        *string `pulumi:"resourceRegion"`
	Status                *string `pulumi:"status"`
}

// SharedPrivateLinkResourcePropertiesResponseOutput is an Output of
// SharedPrivateLinkResourcePropertiesResponse.
type SharedPrivateLinkResourcePropertiesResponseOutput struct{ *pulumi.OutputState }

// ElementType returns SharedPrivateLinkResourcePropertiesResponse.
func (SharedPrivateLinkResourcePropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*SharedPrivateLinkResourcePropertiesResponse)(nil)).Elem()
}

// Status is the connection status: Pending until the target's owner approves it,
// then Approved (or Rejected, Disconnected).
func (o SharedPrivateLinkResourcePropertiesResponseOutput) Status() pulumi.StringPtrOutput {
	return o.ApplyT(func(v SharedPrivateLinkResourcePropertiesResponse) *string { return v.Status }).(pulumi.StringPtrOutput)
}

// PrivateLinkResourceId is the target's resource id.
func (o SharedPrivateLinkResourcePropertiesResponseOutput) PrivateLinkResourceId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v SharedPrivateLinkResourcePropertiesResponse) *string { return v.PrivateLinkResourceId }).(pulumi.StringPtrOutput)
}
