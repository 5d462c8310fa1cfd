package ai

import (
	"reflect"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[RegionalAIEndpointArgs](), reflect.TypeFor[aiendpoint.RegionalAIEndpointArgs]())
	mirror.Pair(reflect.TypeFor[RegionalAIEndpoint](), reflect.TypeFor[aiendpoint.RegionalAIEndpoint]())
}

// EndpointExcluded are the RegionalAIEndpointArgs fields the provider does not offer:
// the catalog is the embedded one (a custom catalog is a Go program's choice).
var EndpointExcluded = []string{"Catalog"}

// RegionalAIEndpointArgs are the inputs of RegionalAIEndpoint
// (aiendpoint.RegionalAIEndpointArgs).
type RegionalAIEndpointArgs struct {
	ResourceGroupName       pulumi.StringInput    `pulumi:"resourceGroupName"`
	Location                string                `pulumi:"location"`
	Archetype               string                `pulumi:"archetype"`
	ArchetypeBase           *Archetype            `pulumi:"archetypeBase,optional"`
	Production              bool                  `pulumi:"production,optional"`
	Kind                    *Kind                 `pulumi:"kind,optional"`
	SkuName                 string                `pulumi:"skuName,optional"`
	CustomSubDomainName     string                `pulumi:"customSubDomainName"`
	AccountName             string                `pulumi:"accountName,optional"`
	AllowedFQDNs            []string              `pulumi:"allowedFqdns,optional"`
	PrivateEndpointSubnetID pulumi.StringInput    `pulumi:"privateEndpointSubnetId"`
	PrivateDNSZoneIDs       pulumi.StringMapInput `pulumi:"privateDnsZoneIds"`
	LogAnalyticsWorkspaceID pulumi.StringInput    `pulumi:"logAnalyticsWorkspaceId,optional"`
	Deployments             []ModelDeployment     `pulumi:"deployments"`
	ContentFilters          []ContentFilter       `pulumi:"contentFilters,optional"`
	Encryption              *CustomerManagedKey   `pulumi:"encryption,optional"`
	Tags                    map[string]string     `pulumi:"tags,optional"`
}

// Annotate documents the inputs.
func (a *RegionalAIEndpointArgs) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }

// ModelDeployment mirrors aiendpoint.ModelDeployment.
type ModelDeployment struct {
	Name                 string                `pulumi:"name,optional"`
	Model                string                `pulumi:"model"`
	Version              string                `pulumi:"version"`
	Format               string                `pulumi:"format,optional"`
	DeploymentType       DeploymentType        `pulumi:"deploymentType"`
	Capacity             int                   `pulumi:"capacity"`
	VersionUpgradeOption *VersionUpgradeOption `pulumi:"versionUpgradeOption,optional"`
	ContentFilter        string                `pulumi:"contentFilter,optional"`
}

// Annotate documents the type.
func (m *ModelDeployment) Annotate(an infer.Annotator) { mirror.Describe(an, m, nil) }

// ContentFilter mirrors aiendpoint.ContentFilter.
type ContentFilter struct {
	Name           string              `pulumi:"name"`
	BasePolicyName string              `pulumi:"basePolicyName,optional"`
	Mode           string              `pulumi:"mode,optional"`
	Filters        []ContentFilterRule `pulumi:"filters"`
}

// Annotate documents the type.
func (c *ContentFilter) Annotate(an infer.Annotator) { mirror.Describe(an, c, nil) }

// ContentFilterRule mirrors aiendpoint.ContentFilterRule.
type ContentFilterRule struct {
	Category          string `pulumi:"category"`
	Source            string `pulumi:"source"`
	SeverityThreshold string `pulumi:"severityThreshold,optional"`
	AnnotateOnly      bool   `pulumi:"annotateOnly,optional"`
	Disabled          bool   `pulumi:"disabled,optional"`
}

// Annotate documents the type.
func (c *ContentFilterRule) Annotate(an infer.Annotator) { mirror.Describe(an, c, nil) }

// CustomerManagedKey mirrors aiendpoint.CustomerManagedKey.
type CustomerManagedKey struct {
	KeyVaultURI            pulumi.StringInput    `pulumi:"keyVaultUri"`
	KeyName                pulumi.StringInput    `pulumi:"keyName"`
	KeyVersion             pulumi.StringPtrInput `pulumi:"keyVersion,optional"`
	UserAssignedIdentityID pulumi.StringInput    `pulumi:"userAssignedIdentityId"`
	IdentityClientID       pulumi.StringInput    `pulumi:"identityClientId"`
}

// Annotate documents the type.
func (c *CustomerManagedKey) Annotate(an infer.Annotator) { mirror.Describe(an, c, nil) }

// RegionalAIEndpoint is the component's outputs; the component itself is the
// library's.
type RegionalAIEndpoint struct {
	pulumi.ComponentResource

	AccountID         pulumi.StringOutput      `pulumi:"accountId"`
	AccountName       pulumi.StringOutput      `pulumi:"accountName"`
	Endpoint          pulumi.StringOutput      `pulumi:"endpoint"`
	PrincipalID       pulumi.StringOutput      `pulumi:"principalId"`
	DeploymentNames   pulumi.StringArrayOutput `pulumi:"deploymentNames"`
	Location          pulumi.StringOutput      `pulumi:"location"`
	PrivateEndpointID pulumi.StringOutput      `pulumi:"privateEndpointId"`
}

// Annotate sets the token and documents the outputs.
func (e *RegionalAIEndpoint) Annotate(an infer.Annotator) {
	an.SetToken("ai", "RegionalAIEndpoint")
	mirror.Describe(an, e, nil)
}

// NewRegionalAIEndpoint builds the component with aiendpoint.NewRegionalAIEndpoint.
func NewRegionalAIEndpoint(ctx *pulumi.Context, name string, args RegionalAIEndpointArgs, opts ...pulumi.ResourceOption) (*RegionalAIEndpoint, error) {
	return mirror.Construct[RegionalAIEndpoint](args, func(la *aiendpoint.RegionalAIEndpointArgs) (*aiendpoint.RegionalAIEndpoint, error) {
		return aiendpoint.NewRegionalAIEndpoint(ctx, name, la, opts...)
	})
}
