package rules

import (
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The types below are written the way the generated azure-native Go SDK declares them
// (an Args struct of Inputs whose ElementType is a plain struct with `pulumi:"..."`
// tags), so that the properties the rules see are exactly what a user's program sends.

type accountArgs struct {
	AccountName       *string            `pulumi:"accountName"`
	Kind              *string            `pulumi:"kind"`
	Location          *string            `pulumi:"location"`
	ResourceGroupName string             `pulumi:"resourceGroupName"`
	Identity          *identity          `pulumi:"identity"`
	Properties        *accountProperties `pulumi:"properties"`
	Tags              map[string]string  `pulumi:"tags"`
}

type identity struct {
	Type *string `pulumi:"type"`
}

type accountProperties struct {
	CustomSubDomainName *string `pulumi:"customSubDomainName"`
	DisableLocalAuth    *bool   `pulumi:"disableLocalAuth"`
	PublicNetworkAccess *string `pulumi:"publicNetworkAccess"`
}

// AccountArgs mirrors cognitiveservices/v20241001.AccountArgs.
type AccountArgs struct {
	AccountName       pulumi.StringPtrInput
	Kind              pulumi.StringPtrInput
	Location          pulumi.StringPtrInput
	ResourceGroupName pulumi.StringInput
	Identity          *IdentityArgs
	Properties        *AccountPropertiesArgs
	Tags              pulumi.StringMapInput
}

// ElementType returns the plain shape.
func (AccountArgs) ElementType() reflect.Type { return reflect.TypeOf((*accountArgs)(nil)).Elem() }

// IdentityArgs mirrors cognitiveservices.IdentityArgs.
type IdentityArgs struct {
	Type pulumi.StringPtrInput
}

// ElementType returns the plain shape.
func (IdentityArgs) ElementType() reflect.Type { return reflect.TypeOf((*identity)(nil)).Elem() }

// AccountPropertiesArgs mirrors cognitiveservices.AccountPropertiesArgs.
type AccountPropertiesArgs struct {
	CustomSubDomainName pulumi.StringPtrInput
	DisableLocalAuth    pulumi.BoolPtrInput
	PublicNetworkAccess pulumi.StringPtrInput
}

// ElementType returns the plain shape.
func (AccountPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*accountProperties)(nil)).Elem()
}

type deploymentArgs struct {
	AccountName       string                `pulumi:"accountName"`
	ResourceGroupName string                `pulumi:"resourceGroupName"`
	Properties        *deploymentProperties `pulumi:"properties"`
	Sku               *sku                  `pulumi:"sku"`
}

type deploymentProperties struct {
	Model         *deploymentModel `pulumi:"model"`
	RaiPolicyName *string          `pulumi:"raiPolicyName"`
}

type deploymentModel struct {
	Format  *string `pulumi:"format"`
	Name    *string `pulumi:"name"`
	Version *string `pulumi:"version"`
}

type sku struct {
	Name     string `pulumi:"name"`
	Capacity *int   `pulumi:"capacity"`
}

// DeploymentArgs mirrors cognitiveservices.DeploymentArgs.
type DeploymentArgs struct {
	AccountName       pulumi.StringInput
	ResourceGroupName pulumi.StringInput
	Properties        *DeploymentPropertiesArgs
	Sku               *SkuArgs
}

// ElementType returns the plain shape.
func (DeploymentArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentArgs)(nil)).Elem()
}

// DeploymentPropertiesArgs mirrors cognitiveservices.DeploymentPropertiesArgs.
type DeploymentPropertiesArgs struct {
	Model         *DeploymentModelArgs
	RaiPolicyName pulumi.StringPtrInput
}

// ElementType returns the plain shape.
func (DeploymentPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentProperties)(nil)).Elem()
}

// DeploymentModelArgs mirrors cognitiveservices.DeploymentModelArgs.
type DeploymentModelArgs struct {
	Format  pulumi.StringPtrInput
	Name    pulumi.StringPtrInput
	Version pulumi.StringPtrInput
}

// ElementType returns the plain shape.
func (DeploymentModelArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deploymentModel)(nil)).Elem()
}

// SkuArgs mirrors cognitiveservices.SkuArgs.
type SkuArgs struct {
	Name     pulumi.StringInput
	Capacity pulumi.IntPtrInput
}

// ElementType returns the plain shape.
func (SkuArgs) ElementType() reflect.Type { return reflect.TypeOf((*sku)(nil)).Elem() }

type securityRuleArgs struct {
	NetworkSecurityGroupName string   `pulumi:"networkSecurityGroupName"`
	ResourceGroupName        string   `pulumi:"resourceGroupName"`
	Access                   string   `pulumi:"access"`
	Direction                string   `pulumi:"direction"`
	Protocol                 string   `pulumi:"protocol"`
	Priority                 *int     `pulumi:"priority"`
	SourceAddressPrefix      *string  `pulumi:"sourceAddressPrefix"`
	DestinationPortRanges    []string `pulumi:"destinationPortRanges"`
}

// SecurityRuleArgs mirrors network.SecurityRuleArgs.
type SecurityRuleArgs struct {
	NetworkSecurityGroupName pulumi.StringInput
	ResourceGroupName        pulumi.StringInput
	Access                   pulumi.StringInput
	Direction                pulumi.StringInput
	Protocol                 pulumi.StringInput
	Priority                 pulumi.IntPtrInput
	SourceAddressPrefix      pulumi.StringPtrInput
	DestinationPortRanges    pulumi.StringArrayInput
}

// ElementType returns the plain shape.
func (SecurityRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*securityRuleArgs)(nil)).Elem()
}

type plainResource struct {
	pulumi.CustomResourceState
	Name pulumi.StringOutput `pulumi:"name"`
}

// recorder is a mock monitor that keeps every resource's inputs, as the engine would
// send them to the pack.
type recorder struct {
	mu  sync.Mutex
	got []*Resource
}

func (m *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	// The mock monitor drops unknown values from args.Inputs; the engine keeps them, so
	// decode the registration the engine's way.
	inputs, err := plugin.UnmarshalProperties(args.RegisterRPC.GetObject(), plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true})
	if err != nil {
		return "", nil, err
	}
	r := NewResource(args.TypeToken, "urn:pulumi:dev::ai-ready::"+args.TypeToken+"::"+args.Name, args.Name, inputs)
	r.PropertyDependencies = map[string][]string{}
	for k, deps := range args.RegisterRPC.GetPropertyDependencies() {
		r.PropertyDependencies[k] = deps.GetUrns()
	}
	m.got = append(m.got, r)
	return args.Name + "-id", resource.PropertyMap{}, nil // outputs not echoed: unknown at preview
}

func (m *recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func TestRulesOnResourcesWrittenWithTheGeneratedSDK(t *testing.T) {
	rec := &recorder{}
	preview := func(info *pulumi.RunInfo) { info.DryRun = true }
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		var acct plainResource
		if err := ctx.RegisterResource("azure-native:cognitiveservices/v20241001:Account", "aoai", &AccountArgs{
			AccountName:       pulumi.String("aoai-app"),
			Kind:              pulumi.String("OpenAI"),
			Location:          pulumi.String("eastus2"),
			ResourceGroupName: pulumi.String("rg"),
			Identity:          &IdentityArgs{Type: pulumi.String("SystemAssigned")},
			Properties: &AccountPropertiesArgs{
				CustomSubDomainName: pulumi.String("aoai-app"),
				DisableLocalAuth:    pulumi.Bool(false),
				PublicNetworkAccess: pulumi.String("Disabled"),
			},
			Tags: pulumi.StringMap{"aiready-archetype": pulumi.String("corp")},
		}, &acct); err != nil {
			return err
		}
		var rai plainResource
		if err := ctx.RegisterResource("azure-native:cognitiveservices:RaiPolicy", "filter", pulumi.Map{}, &rai); err != nil {
			return err
		}
		var dep plainResource
		if err := ctx.RegisterResource("azure-native:cognitiveservices:Deployment", "chat", &DeploymentArgs{
			AccountName:       acct.Name,
			ResourceGroupName: pulumi.String("rg"),
			Sku:               &SkuArgs{Name: pulumi.String("GlobalStandard"), Capacity: pulumi.Int(50)},
			Properties: &DeploymentPropertiesArgs{
				Model:         &DeploymentModelArgs{Format: pulumi.String("OpenAI"), Name: pulumi.String("gpt-4o"), Version: pulumi.String("2024-11-20")},
				RaiPolicyName: rai.Name, // an output: unknown at preview
			},
		}, &dep); err != nil {
			return err
		}
		var rule plainResource
		return ctx.RegisterResource("azure-native:network/v20240501:SecurityRule", "ssh", &SecurityRuleArgs{
			NetworkSecurityGroupName: pulumi.String("nsg"),
			ResourceGroupName:        pulumi.String("rg"),
			Access:                   pulumi.String("Allow"),
			Direction:                pulumi.String("Inbound"),
			Protocol:                 pulumi.String("Tcp"),
			Priority:                 pulumi.Int(100),
			SourceAddressPrefix:      pulumi.String("Internet"),
			DestinationPortRanges:    pulumi.StringArray{pulumi.String("20-25")},
		}, &rule)
	}, pulumi.WithMocks("ai-ready", "dev", rec), preview)
	if err != nil {
		t.Fatal(err)
	}
	ctx := NewContext()
	var got []string
	for _, r := range rec.got {
		for _, rule := range All() {
			for _, f := range rule.Run(ctx, r) {
				got = append(got, rule.Name+" on "+r.Name+": "+f.Render(true))
			}
		}
	}
	want := []string{
		"ai-services-disable-local-auth on aoai: properties.disableLocalAuth is false; set it to true so that the account accepts Microsoft Entra ID tokens only, not keys.",
		"ai-deployments-content-filter on chat: Cannot verify at preview that the deployment has a content filter: properties.raiPolicyName is not known yet; checked again at update.",
		"network-no-management-ports-from-internet on ssh: the rule allows inbound traffic from the internet to management port 22; remove it, or restrict its source to your management network and reach machines through Azure Bastion.",
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings:\n got  %q\n want %q", got, want)
	}
	// The deployment's accountName came from the account: the engine records it.
	for _, r := range rec.got {
		if r.Type == TypeDeployment && !r.DependsOn("accountName", "urn:pulumi:dev::ai-ready::azure-native:cognitiveservices/v20241001:Account::aoai") {
			t.Errorf("deployment dependencies = %v", r.PropertyDependencies)
		}
	}
}
