package cognitiveservices

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestSchema checks every token, input and output name of this package against the
// azure-native 2.90.0 type definitions.
func TestSchema(t *testing.T) {
	azschema.CheckLayer(t,
		azschema.Layer{Token: AccountType, Args: AccountArgs{}, Resource: &Account{}},
		azschema.Layer{Token: DeploymentType, Args: DeploymentArgs{}, Resource: &Deployment{}},
		azschema.Layer{Token: RaiPolicyType, Args: RaiPolicyArgs{}, Resource: &RaiPolicy{}},
	)
}

// TestDefaultVersionLacksBypass documents why the package uses the 2024-10-01
// tokens: the default API version has no networkAcls.bypass.
func TestDefaultVersionLacksBypass(t *testing.T) {
	s := azschema.ForTest(t)
	errs := s.CheckArgs("azure-native:cognitiveservices:Account", AccountArgs{})
	found := false
	for _, err := range errs {
		if strings.Contains(err.Error(), `"bypass"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("the default Account version now has networkAcls.bypass; the explicit version may no longer be needed (errors: %v)", errs)
	}
}

func TestAccountRegistersNestedInputsAndReadsOutputs(t *testing.T) {
	var endpoint, principal string
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		acct, err := NewAccount(ctx, "acct", &AccountArgs{
			AccountName:       pulumi.String("contoso-eus2"),
			ResourceGroupName: pulumi.String("rg"),
			Kind:              pulumi.String(KindOpenAI),
			Location:          pulumi.String("eastus2"),
			Sku:               &SkuArgs{Name: pulumi.String("S0")},
			Identity:          &IdentityArgs{Type: pulumi.String(IdentitySystemAssigned)},
			Properties: &AccountPropertiesArgs{
				CustomSubDomainName:           pulumi.String("contoso-eus2"),
				DisableLocalAuth:              pulumi.Bool(true),
				PublicNetworkAccess:           pulumi.String(PublicNetworkAccessDisabled),
				RestrictOutboundNetworkAccess: pulumi.Bool(true),
				AllowedFqdnList:               pulumi.StringArray{pulumi.String("contoso.blob.core.windows.net")},
				NetworkAcls: &NetworkRuleSetArgs{
					DefaultAction: pulumi.String(NetworkRuleActionDeny),
					Bypass:        pulumi.String(BypassAzureServices),
					IpRules:       []IpRuleArgs{{Value: pulumi.String("203.0.113.0/24")}},
				},
			},
		})
		if err != nil {
			return err
		}
		pulumi.All(acct.Properties.Endpoint(), acct.Identity.PrincipalId()).ApplyT(func(v []any) error {
			endpoint = v[0].(string)
			if p := v[1].(*string); p != nil {
				principal = *p
			}
			return nil
		})
		return nil
	}, pulumitest.WithOutputs(func(args pulumi.MockResourceArgs, state resource.PropertyMap) {
		if args.TypeToken == AccountType {
			props := state["properties"].ObjectValue().Copy()
			props["endpoint"] = resource.NewProperty("https://contoso-eus2.openai.azure.com/")
			state["properties"] = resource.NewProperty(props)
		}
	}))
	a := rec.Named(t, AccountType, "acct")
	if a.Version != "2.90.0" {
		t.Errorf("version = %q, want 2.90.0", a.Version)
	}
	for path, want := range map[string]string{
		"properties.networkAcls.bypass":           "AzureServices",
		"properties.networkAcls.defaultAction":    "Deny",
		"properties.networkAcls.ipRules[0].value": "203.0.113.0/24",
		"properties.allowedFqdnList[0]":           "contoso.blob.core.windows.net",
		"identity.type":                           "SystemAssigned",
		"sku.name":                                "S0",
	} {
		if got := a.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if v, ok := a.Bool("properties.disableLocalAuth"); !ok || !v {
		t.Errorf("properties.disableLocalAuth = %v, %v", v, ok)
	}
	if endpoint != "https://contoso-eus2.openai.azure.com/" {
		t.Errorf("endpoint output = %q", endpoint)
	}
	if principal != "principal-acct" {
		t.Errorf("principal id output = %q", principal)
	}
}

func TestDeploymentAndRaiPolicyRegister(t *testing.T) {
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		if _, err := NewRaiPolicy(ctx, "filter", &RaiPolicyArgs{
			AccountName:       pulumi.String("contoso"),
			ResourceGroupName: pulumi.String("rg"),
			RaiPolicyName:     pulumi.String("strict"),
			Properties: &RaiPolicyPropertiesArgs{
				BasePolicyName: pulumi.String("Microsoft.DefaultV2"),
				Mode:           pulumi.String(RaiModeBlocking),
				ContentFilters: []RaiPolicyContentFilterArgs{{
					Name: pulumi.String("Hate"), Source: pulumi.String(ContentSourcePrompt),
					SeverityThreshold: pulumi.String(SeverityLow), Blocking: pulumi.Bool(true), Enabled: pulumi.Bool(true),
				}},
			},
		}); err != nil {
			return err
		}
		_, err := NewDeployment(ctx, "dep", &DeploymentArgs{
			AccountName:       pulumi.String("contoso"),
			ResourceGroupName: pulumi.String("rg"),
			DeploymentName:    pulumi.String("gpt-4o"),
			Sku:               &SkuArgs{Name: pulumi.String("Standard"), Capacity: pulumi.Int(50)},
			Properties: &DeploymentPropertiesArgs{
				Model:                &DeploymentModelArgs{Format: pulumi.String("OpenAI"), Name: pulumi.String("gpt-4o"), Version: pulumi.String("2024-11-20")},
				RaiPolicyName:        pulumi.String("strict"),
				VersionUpgradeOption: pulumi.String(UpgradeNoAutoUpgrade),
			},
		})
		return err
	})
	d := rec.Named(t, DeploymentType, "dep")
	if got, _ := d.Number("sku.capacity"); got != 50 {
		t.Errorf("sku.capacity = %v", got)
	}
	if got := d.String("properties.model.version"); got != "2024-11-20" {
		t.Errorf("properties.model.version = %q", got)
	}
	p := rec.Named(t, RaiPolicyType, "filter")
	if got := p.String("properties.contentFilters[0].severityThreshold"); got != "Low" {
		t.Errorf("severityThreshold = %q", got)
	}
}

func TestRequiredArguments(t *testing.T) {
	for name, fn := range map[string]func(ctx *pulumi.Context) error{
		"account without resource group": func(ctx *pulumi.Context) error {
			_, err := NewAccount(ctx, "a", &AccountArgs{})
			return err
		},
		"deployment without account": func(ctx *pulumi.Context) error {
			_, err := NewDeployment(ctx, "d", &DeploymentArgs{ResourceGroupName: pulumi.String("rg")})
			return err
		},
		"policy without resource group": func(ctx *pulumi.Context) error {
			_, err := NewRaiPolicy(ctx, "p", &RaiPolicyArgs{AccountName: pulumi.String("a")})
			return err
		},
		"nil args": func(ctx *pulumi.Context) error {
			_, err := NewAccount(ctx, "a", nil)
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			rec, err := pulumitest.Run(fn)
			if err == nil || !strings.Contains(err.Error(), "required argument") {
				t.Fatalf("err = %v, want a required-argument error", err)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered", n)
			}
		})
	}
}
