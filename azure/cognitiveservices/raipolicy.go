package cognitiveservices

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Values of a content filter's fields.
const (
	ContentSourcePrompt     = "Prompt"
	ContentSourceCompletion = "Completion"
	SeverityLow             = "Low"
	SeverityMedium          = "Medium"
	SeverityHigh            = "High"
	RaiModeDefault          = "Default"
	RaiModeBlocking         = "Blocking"
	RaiModeAsynchronous     = "Asynchronous_filter"
)

// RaiPolicy is a custom content filter of an account
// (Microsoft.CognitiveServices/accounts/raiPolicies, API 2024-10-01); deployments
// name it in properties.raiPolicyName.
type RaiPolicy struct {
	pulumi.CustomResourceState

	// Name is the content filter's name.
	Name pulumi.StringOutput `pulumi:"name"`
	// Properties are the filter's base policy and mode.
	Properties RaiPolicyPropertiesResponseOutput `pulumi:"properties"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type raiPolicyArgs struct {
	AccountName       string               `pulumi:"accountName"`
	Properties        *RaiPolicyProperties `pulumi:"properties"`
	RaiPolicyName     *string              `pulumi:"raiPolicyName"`
	ResourceGroupName string               `pulumi:"resourceGroupName"`
	Tags              map[string]string    `pulumi:"tags"`
}

// RaiPolicyArgs are the inputs of a RaiPolicy.
type RaiPolicyArgs struct {
	// AccountName is the account the filter belongs to. Required.
	AccountName pulumi.StringInput
	// Properties are the filter's settings.
	Properties *RaiPolicyPropertiesArgs
	// RaiPolicyName is the filter's name. Optional; auto-named when absent.
	RaiPolicyName pulumi.StringPtrInput
	// ResourceGroupName is the account's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// Tags are the resource tags. Optional.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (RaiPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*raiPolicyArgs)(nil)).Elem()
}

// RaiPolicyProperties is the plain shape of RaiPolicyPropertiesArgs.
type RaiPolicyProperties struct {
	BasePolicyName   *string                  `pulumi:"basePolicyName"`
	ContentFilters   []RaiPolicyContentFilter `pulumi:"contentFilters"`
	CustomBlocklists []CustomBlocklistConfig  `pulumi:"customBlocklists"`
	Mode             *string                  `pulumi:"mode"`
}

// RaiPolicyPropertiesArgs are a content filter's settings.
type RaiPolicyPropertiesArgs struct {
	// BasePolicyName is the policy the filter derives from ("Microsoft.DefaultV2").
	BasePolicyName pulumi.StringPtrInput
	// ContentFilters are the per-category settings.
	ContentFilters []RaiPolicyContentFilterArgs
	// CustomBlocklists are blocklists applied to prompts or completions.
	CustomBlocklists []CustomBlocklistConfigArgs
	// Mode is "Default", "Blocking" or "Asynchronous_filter".
	Mode pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (RaiPolicyPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RaiPolicyProperties)(nil)).Elem()
}

// RaiPolicyContentFilter is the plain shape of RaiPolicyContentFilterArgs.
type RaiPolicyContentFilter struct {
	Blocking          *bool   `pulumi:"blocking"`
	Enabled           *bool   `pulumi:"enabled"`
	Name              *string `pulumi:"name"`
	SeverityThreshold *string `pulumi:"severityThreshold"`
	Source            *string `pulumi:"source"`
}

// RaiPolicyContentFilterArgs configure one filter category on one side.
type RaiPolicyContentFilterArgs struct {
	// Blocking blocks content above the threshold (otherwise it is annotated only).
	Blocking pulumi.BoolPtrInput
	// Enabled turns the category on.
	Enabled pulumi.BoolPtrInput
	// Name is the category: "Hate", "Sexual", "Violence", "Selfharm", "Jailbreak",
	// "Protected Material Text", "Protected Material Code", ...
	Name pulumi.StringPtrInput
	// SeverityThreshold is "Low", "Medium" or "High": the lowest severity filtered.
	SeverityThreshold pulumi.StringPtrInput
	// Source is "Prompt" or "Completion".
	Source pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (RaiPolicyContentFilterArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RaiPolicyContentFilter)(nil)).Elem()
}

// CustomBlocklistConfig is the plain shape of CustomBlocklistConfigArgs.
type CustomBlocklistConfig struct {
	Blocking      *bool   `pulumi:"blocking"`
	BlocklistName *string `pulumi:"blocklistName"`
	Source        *string `pulumi:"source"`
}

// CustomBlocklistConfigArgs apply a blocklist of the account to one side.
type CustomBlocklistConfigArgs struct {
	// Blocking blocks matches (otherwise they are annotated only).
	Blocking pulumi.BoolPtrInput
	// BlocklistName is the account's blocklist.
	BlocklistName pulumi.StringPtrInput
	// Source is "Prompt" or "Completion".
	Source pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (CustomBlocklistConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*CustomBlocklistConfig)(nil)).Elem()
}

// NewRaiPolicy registers a content filter.
func NewRaiPolicy(ctx *pulumi.Context, name string, args *RaiPolicyArgs, opts ...pulumi.ResourceOption) (*RaiPolicy, error) {
	var res RaiPolicy
	if err := azure.Register(ctx, RaiPolicyType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
