package management

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens of the resources in this package.
const (
	ManagementGroupType             = "azure-native:management:ManagementGroup"
	ManagementGroupSubscriptionType = "azure-native:management:ManagementGroupSubscription"
)

// ManagementGroup is a Microsoft.Management/managementGroups resource (API 2021-04-01).
type ManagementGroup struct {
	pulumi.CustomResourceState

	// DisplayName is the friendly name of the group.
	DisplayName pulumi.StringPtrOutput `pulumi:"displayName"`
	// Name is the group id (the last segment of its resource id).
	Name pulumi.StringOutput `pulumi:"name"`
	// TenantId is the Entra ID tenant of the group.
	TenantId pulumi.StringPtrOutput `pulumi:"tenantId"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type managementGroupArgs struct {
	Details     *CreateManagementGroupDetails `pulumi:"details"`
	DisplayName *string                       `pulumi:"displayName"`
	GroupId     *string                       `pulumi:"groupId"`
}

// ManagementGroupArgs are the inputs of a ManagementGroup.
type ManagementGroupArgs struct {
	// Details holds the parent group used at creation.
	Details *CreateManagementGroupDetailsArgs
	// DisplayName is the friendly name; Azure defaults it to the group id.
	DisplayName pulumi.StringPtrInput
	// GroupId is the management group id (1-90 characters: letters, digits, -, _, (, ), .).
	GroupId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ManagementGroupArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementGroupArgs)(nil)).Elem()
}

// CreateManagementGroupDetails is the plain shape of CreateManagementGroupDetailsArgs.
type CreateManagementGroupDetails struct {
	Parent *CreateParentGroupInfo `pulumi:"parent"`
}

// CreateManagementGroupDetailsArgs are the creation details of a management group.
type CreateManagementGroupDetailsArgs struct {
	// Parent is the group to create the new group under.
	Parent *CreateParentGroupInfoArgs
}

// ElementType returns the plain shape the Args marshal to.
func (CreateManagementGroupDetailsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*CreateManagementGroupDetails)(nil)).Elem()
}

// CreateParentGroupInfo is the plain shape of CreateParentGroupInfoArgs.
type CreateParentGroupInfo struct {
	Id *string `pulumi:"id"`
}

// CreateParentGroupInfoArgs names a parent management group.
type CreateParentGroupInfoArgs struct {
	// Id is the parent's full id: /providers/Microsoft.Management/managementGroups/<id>.
	Id pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (CreateParentGroupInfoArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*CreateParentGroupInfo)(nil)).Elem()
}

// NewManagementGroup registers a management group.
func NewManagementGroup(ctx *pulumi.Context, name string, args *ManagementGroupArgs, opts ...pulumi.ResourceOption) (*ManagementGroup, error) {
	if args == nil {
		args = &ManagementGroupArgs{}
	}
	var res ManagementGroup
	if err := azure.Register(ctx, ManagementGroupType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// GetManagementGroup reads an existing management group by its full resource id
// (/providers/Microsoft.Management/managementGroups/<id>) without managing it:
// Pulumi records it in the stack but never creates, updates or deletes it.
func GetManagementGroup(ctx *pulumi.Context, name string, id pulumi.IDInput, opts ...pulumi.ResourceOption) (*ManagementGroup, error) {
	var res ManagementGroup
	if err := azure.Read(ctx, ManagementGroupType, name, id, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// ManagementGroupSubscription places a subscription in a management group
// (Microsoft.Management/managementGroups/subscriptions, API 2021-04-01).
type ManagementGroupSubscription struct {
	pulumi.CustomResourceState

	// DisplayName is the friendly name of the subscription.
	DisplayName pulumi.StringPtrOutput `pulumi:"displayName"`
	// Name is the subscription id.
	Name pulumi.StringOutput `pulumi:"name"`
	// State is the subscription state.
	State pulumi.StringPtrOutput `pulumi:"state"`
	// Tenant is the subscription's Entra ID tenant.
	Tenant pulumi.StringPtrOutput `pulumi:"tenant"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type managementGroupSubscriptionArgs struct {
	GroupId        string  `pulumi:"groupId"`
	SubscriptionId *string `pulumi:"subscriptionId"`
}

// ManagementGroupSubscriptionArgs are the inputs of a ManagementGroupSubscription.
type ManagementGroupSubscriptionArgs struct {
	// GroupId is the id of the management group (not its full resource id). Required.
	GroupId pulumi.StringInput
	// SubscriptionId is the subscription to place in the group.
	SubscriptionId pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ManagementGroupSubscriptionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementGroupSubscriptionArgs)(nil)).Elem()
}

// NewManagementGroupSubscription registers a subscription's placement in a group.
func NewManagementGroupSubscription(ctx *pulumi.Context, name string, args *ManagementGroupSubscriptionArgs, opts ...pulumi.ResourceOption) (*ManagementGroupSubscription, error) {
	var res ManagementGroupSubscription
	if err := azure.Register(ctx, ManagementGroupSubscriptionType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
