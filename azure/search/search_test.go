package search

import (
	"strings"
	"sync"
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
		azschema.Layer{Token: ServiceType, Args: ServiceArgs{}, Resource: &Service{}},
		azschema.Layer{Token: SharedPrivateLinkResourceType, Args: SharedPrivateLinkResourceArgs{}, Resource: &SharedPrivateLinkResource{}},
	)
}

// TestAPIVersion pins the API version the tokens resolve to: semanticSearch and the
// lower-case publicNetworkAccess values are those of 2023-11-01.
func TestAPIVersion(t *testing.T) {
	s := azschema.ForTest(t)
	for _, token := range []string{ServiceType, SharedPrivateLinkResourceType} {
		r, err := s.Resource(token)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := r.Inputs.Props["resourceGroupName"]; !ok {
			t.Errorf("%s: no resourceGroupName input", token)
		}
	}
	r, err := s.Resource(ServiceType)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Inputs.Props["semanticSearch"]; !ok {
		t.Errorf("%s has no semanticSearch input; the explicit version must be 2023-11-01 or later", ServiceType)
	}
}

func TestServiceInputsAndOutputs(t *testing.T) {
	var (
		mu        sync.Mutex
		principal string
		endpoint  string
		skuName   string
	)
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		svc, err := NewService(ctx, "search", &ServiceArgs{
			ResourceGroupName:   pulumi.String("rg"),
			SearchServiceName:   pulumi.String("contoso-eastus2"),
			Location:            pulumi.String("eastus2"),
			Sku:                 &SkuArgs{Name: pulumi.String(SkuStandard)},
			ReplicaCount:        pulumi.Int(3),
			PartitionCount:      pulumi.Int(1),
			HostingMode:         pulumi.String(HostingModeDefault),
			PublicNetworkAccess: pulumi.String(PublicNetworkAccessDisabled),
			DisableLocalAuth:    pulumi.Bool(true),
			Identity:            &IdentityArgs{Type: pulumi.String(IdentityTypeSystemAssigned)},
			NetworkRuleSet:      &NetworkRuleSetArgs{IpRules: []IpRuleArgs{{Value: pulumi.String("203.0.113.0/24")}}},
			EncryptionWithCmk:   &EncryptionWithCmkArgs{Enforcement: pulumi.String("Enabled")},
			SemanticSearch:      pulumi.String(SemanticSearchStandard),
			Tags:                pulumi.StringMap{"team": pulumi.String("ai")},
		})
		if err != nil {
			return err
		}
		svc.Identity.Elem().PrincipalId().ApplyT(func(p string) string {
			mu.Lock()
			defer mu.Unlock()
			principal = p
			return p
		})
		svc.Endpoint().ApplyT(func(e string) string {
			mu.Lock()
			defer mu.Unlock()
			endpoint = e
			return e
		})
		svc.Sku.Name().ApplyT(func(n *string) string {
			mu.Lock()
			defer mu.Unlock()
			if n != nil {
				skuName = *n
			}
			return skuName
		})
		_, err = NewSharedPrivateLinkResource(ctx, "spl", &SharedPrivateLinkResourceArgs{
			ResourceGroupName: pulumi.String("rg"),
			SearchServiceName: svc.Name,
			Properties: &SharedPrivateLinkResourcePropertiesArgs{
				GroupId:               pulumi.String("blob"),
				PrivateLinkResourceId: pulumi.String("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa"),
				RequestMessage:        pulumi.String("indexer access"),
			},
		})
		return err
	}, pulumitest.WithOutputs(azureNames))
	svc := rec.Named(t, ServiceType, "search")
	if svc.Version != "2.90.0" {
		t.Errorf("version = %q, want 2.90.0", svc.Version)
	}
	for path, want := range map[string]string{
		"publicNetworkAccess":             "disabled",
		"sku.name":                        "standard",
		"identity.type":                   "SystemAssigned",
		"networkRuleSet.ipRules[0].value": "203.0.113.0/24",
		"encryptionWithCmk.enforcement":   "Enabled",
		"semanticSearch":                  "standard",
		"hostingMode":                     "default",
		"searchServiceName":               "contoso-eastus2",
		"tags.team":                       "ai",
	} {
		if got := svc.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if b, ok := svc.Bool("disableLocalAuth"); !ok || !b {
		t.Errorf("disableLocalAuth = %v (set %v), want true", b, ok)
	}
	if n, _ := svc.Number("replicaCount"); n != 3 {
		t.Errorf("replicaCount = %v, want 3", n)
	}
	if _, ok := svc.Input("authOptions"); ok {
		t.Error("authOptions set although only DisableLocalAuth was given")
	}
	spl := rec.Named(t, SharedPrivateLinkResourceType, "spl")
	if got := spl.String("properties.groupId"); got != "blob" {
		t.Errorf("properties.groupId = %q", got)
	}
	if got := spl.String("searchServiceName"); got != "contoso-eastus2" {
		t.Errorf("searchServiceName = %q, want the service's name output", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if principal != "principal-search" {
		t.Errorf("identity.principalId output = %q, want the mock's principal-search", principal)
	}
	if endpoint != "https://contoso-eastus2.search.windows.net" {
		t.Errorf("Endpoint() = %q", endpoint)
	}
	if skuName != "standard" {
		t.Errorf("sku.name output = %q", skuName)
	}
}

func TestAuthOptions(t *testing.T) {
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewService(ctx, "keys", &ServiceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Sku:               &SkuArgs{Name: pulumi.String(SkuBasic)},
			AuthOptions: &DataPlaneAuthOptionsArgs{
				AadOrApiKey: &DataPlaneAadOrApiKeyAuthOptionArgs{AadAuthFailureMode: pulumi.String("http401WithBearerChallenge")},
			},
		})
		return err
	})
	svc := rec.Named(t, ServiceType, "keys")
	if got := svc.String("authOptions.aadOrApiKey.aadAuthFailureMode"); got != "http401WithBearerChallenge" {
		t.Errorf("authOptions.aadOrApiKey.aadAuthFailureMode = %q", got)
	}

	rec = pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewService(ctx, "keyonly", &ServiceArgs{
			ResourceGroupName: pulumi.String("rg"),
			AuthOptions:       &DataPlaneAuthOptionsArgs{ApiKeyOnly: map[string]any{}},
		})
		return err
	})
	v, ok := rec.Named(t, ServiceType, "keyonly").Input("authOptions.apiKeyOnly")
	if !ok || !v.IsObject() {
		t.Errorf("authOptions.apiKeyOnly = %v (present %v), want an empty object", v, ok)
	}
}

func TestRequiredArguments(t *testing.T) {
	for _, c := range []struct {
		name string
		fn   func(ctx *pulumi.Context) error
		want string
	}{
		{"nil service args", func(ctx *pulumi.Context) error {
			_, err := NewService(ctx, "s", nil)
			return err
		}, "missing one or more required arguments"},
		{"service without resource group", func(ctx *pulumi.Context) error {
			_, err := NewService(ctx, "s", &ServiceArgs{})
			return err
		}, "invalid value for required argument 'ResourceGroupName'"},
		{"auth options with local auth disabled", func(ctx *pulumi.Context) error {
			_, err := NewService(ctx, "s", &ServiceArgs{
				ResourceGroupName: pulumi.String("rg"),
				DisableLocalAuth:  pulumi.Bool(true),
				AuthOptions:       &DataPlaneAuthOptionsArgs{ApiKeyOnly: map[string]any{}},
			})
			return err
		}, "'AuthOptions' cannot be set when 'DisableLocalAuth' is true"},
		{"link without service", func(ctx *pulumi.Context) error {
			_, err := NewSharedPrivateLinkResource(ctx, "l", &SharedPrivateLinkResourceArgs{ResourceGroupName: pulumi.String("rg")})
			return err
		}, "invalid value for required argument 'SearchServiceName'"},
		{"link without resource group", func(ctx *pulumi.Context) error {
			_, err := NewSharedPrivateLinkResource(ctx, "l", &SharedPrivateLinkResourceArgs{SearchServiceName: pulumi.String("s")})
			return err
		}, "invalid value for required argument 'ResourceGroupName'"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec, err := pulumitest.Run(c.fn)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want one containing %q", err, c.want)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered, want none", n)
			}
		})
	}
}

// azureNames makes the mock's name output the explicit Azure name, as the provider does.
func azureNames(args pulumi.MockResourceArgs, state resource.PropertyMap) {
	if v, ok := args.Inputs["searchServiceName"]; ok && args.TypeToken == ServiceType {
		state["name"] = v
	}
}

// TestSharedPrivateLinkStatusOutput reads the connection status Azure reports.
func TestSharedPrivateLinkStatusOutput(t *testing.T) {
	var (
		mu     sync.Mutex
		status string
	)
	pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		l, err := NewSharedPrivateLinkResource(ctx, "l", &SharedPrivateLinkResourceArgs{
			ResourceGroupName: pulumi.String("rg"),
			SearchServiceName: pulumi.String("s"),
			Properties:        &SharedPrivateLinkResourcePropertiesArgs{GroupId: pulumi.String("blob")},
		})
		if err != nil {
			return err
		}
		l.Properties.Status().ApplyT(func(s *string) string {
			mu.Lock()
			defer mu.Unlock()
			if s != nil {
				status = *s
			}
			return status
		})
		return nil
	}, pulumitest.WithOutputs(func(args pulumi.MockResourceArgs, state resource.PropertyMap) {
		if args.TypeToken == SharedPrivateLinkResourceType {
			props := state["properties"].ObjectValue().Copy()
			props["status"] = resource.NewProperty("Pending")
			state["properties"] = resource.NewProperty(props)
		}
	}))
	mu.Lock()
	defer mu.Unlock()
	if status != "Pending" {
		t.Errorf("properties.status = %q, want Pending", status)
	}
}
