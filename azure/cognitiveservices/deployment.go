package cognitiveservices

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Values of a deployment's properties.versionUpgradeOption.
const (
	UpgradeOnceNewDefaultVersionAvailable = "OnceNewDefaultVersionAvailable"
	UpgradeOnceCurrentVersionExpired      = "OnceCurrentVersionExpired"
	UpgradeNoAutoUpgrade                  = "NoAutoUpgrade"
)

// Deployment is a model deployment of an account
// (Microsoft.CognitiveServices/accounts/deployments, API 2024-10-01). Azure runs
// one deployment operation per account at a time: chain deployments of one
// account with pulumi.DependsOn.
type Deployment struct {
	pulumi.CustomResourceState

	// Name is the deployment name, the {deployment-id} of the OpenAI API paths.
	Name pulumi.StringOutput `pulumi:"name"`
	// Properties are the deployment's model, content filter and upgrade option.
	Properties DeploymentPropertiesResponseOutput `pulumi:"properties"`
	// Sku is the deployment type (sku.name) and capacity.
	Sku SkuResponsePtrOutput `pulumi:"sku"`
	// Tags are the resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type deploymentArgs struct {
	AccountName       string                `pulumi:"accountName"`
	DeploymentName    *string               `pulumi:"deploymentName"`
	Properties        *DeploymentProperties `pulumi:"properties"`
	ResourceGroupName string                `pulumi:"resourceGroupName"`
	Sku               *Sku                  `pulumi:"sku"`
	Tags              map[string]string     `pulumi:"tags"`
}

// DeploymentArgs are the inputs of a Deployment.
type DeploymentArgs struct {
	// AccountName is the account to deploy into. Required.
	AccountName pulumi.StringInput
	// DeploymentName is the deployment name clients call. Optional; the provider
	// auto-names from the logical name when absent.
	DeploymentName pulumi.StringPtrInput
	// Properties are the model, content filter and upgrade option.
	Properties *DeploymentPropertiesArgs
	// ResourceGroupName is the account's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// Sku is the deployment type (Name: "GlobalStandard", "DataZoneStandard",
	// "Standard", "GlobalProvisionedManaged", "DataZoneProvisionedManaged",
	// "ProvisionedManaged", ...) and its capacity.
	Sku *SkuArgs
	// Tags are the resource tags. Optional.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (DeploymentArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentArgs)(nil)).Elem()
}

// DeploymentProperties is the plain shape of DeploymentPropertiesArgs.
type DeploymentProperties struct {
	Model                *DeploymentModel `pulumi:"model"`
	RaiPolicyName        *string          `pulumi:"raiPolicyName"`
	VersionUpgradeOption *string          `pulumi:"versionUpgradeOption"`
}

// DeploymentPropertiesArgs are a deployment's settings. (The deprecated
// scaleSettings is left out: capacity belongs in Sku.)
type DeploymentPropertiesArgs struct {
	// Model is the model to deploy.
	Model *DeploymentModelArgs
	// RaiPolicyName is the content filter, e.g. "Microsoft.DefaultV2" or a custom RaiPolicy.
	RaiPolicyName pulumi.StringPtrInput
	// VersionUpgradeOption is "OnceNewDefaultVersionAvailable",
	// "OnceCurrentVersionExpired" or "NoAutoUpgrade".
	VersionUpgradeOption pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (DeploymentPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*DeploymentProperties)(nil)).Elem()
}

// DeploymentModel is the plain shape of DeploymentModelArgs.
type DeploymentModel struct {
	Format        *string `pulumi:"format"`
	Name          *string `pulumi:"name"`
	Publisher     *string `pulumi:"publisher"`
	Source        *string `pulumi:"source"`
	SourceAccount *string `pulumi:"sourceAccount"`
	Version       *string `pulumi:"version"`
}

// DeploymentModelArgs name the deployed model.
type DeploymentModelArgs struct {
	// Format is the model format ("OpenAI").
	Format pulumi.StringPtrInput
	// Name is the model name ("gpt-4o").
	Name pulumi.StringPtrInput
	// Publisher is the model publisher (Azure Policy aafe3651 checks it).
	Publisher pulumi.StringPtrInput
	// Source is the ARM id of the model's source (fine-tuned models).
	Source pulumi.StringPtrInput
	// SourceAccount is another account the model comes from.
	SourceAccount pulumi.StringPtrInput
	// Version is the model version; Azure picks its default when absent.
	Version pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (DeploymentModelArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*DeploymentModel)(nil)).Elem()
}

// NewDeployment registers a model deployment.
func NewDeployment(ctx *pulumi.Context, name string, args *DeploymentArgs, opts ...pulumi.ResourceOption) (*Deployment, error) {
	var res Deployment
	if err := azure.Register(ctx, DeploymentType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
