package apimanagement

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestSchema checks every token, input and output name of this package against the
// azure-native 2.90.0 type definitions.
func TestSchema(t *testing.T) {
	azschema.CheckLayer(t,
		azschema.Layer{Token: ApiManagementServiceType, Args: ApiManagementServiceArgs{}, Resource: &ApiManagementService{}},
		azschema.Layer{Token: BackendType, Args: BackendArgs{}, Resource: &Backend{}},
		azschema.Layer{Token: ApiType, Args: ApiArgs{}, Resource: &Api{}},
		azschema.Layer{Token: ApiOperationType, Args: ApiOperationArgs{}, Resource: &ApiOperation{}},
		azschema.Layer{Token: ApiPolicyType, Args: ApiPolicyArgs{}, Resource: &ApiPolicy{}},
	)
}

// TestDefaultVersionLacksPoolAndCircuitBreaker documents why the package uses the
// 2024-05-01 tokens.
func TestDefaultVersionLacksPoolAndCircuitBreaker(t *testing.T) {
	s := azschema.ForTest(t)
	errs := s.CheckArgs("azure-native:apimanagement:Backend", BackendArgs{})
	var text []string
	for _, err := range errs {
		text = append(text, err.Error())
	}
	all := strings.Join(text, "\n")
	for _, prop := range []string{`"pool"`, `"circuitBreaker"`} {
		if !strings.Contains(all, prop) {
			t.Errorf("the default Backend version now has %s; the explicit version may no longer be needed", prop)
		}
	}
}

// TestPoolBackendSatisfiesTheSchema runs the provider's own kind of input check (every
// required property present) over a pool built with PoolBackendArgs.
func TestPoolBackendSatisfiesTheSchema(t *testing.T) {
	s := azschema.ForTest(t)
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewBackend(ctx, "pool", PoolBackendArgs(pulumi.String("rg"), pulumi.String("apim"), pulumi.String("openai-pool"), []BackendPoolItemArgs{
			{Id: pulumi.String("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/a"), Priority: pulumi.Int(1), Weight: pulumi.Int(50)},
			{Id: pulumi.String("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/b"), Priority: pulumi.Int(2), Weight: pulumi.Int(50)},
		}))
		return err
	})
	pool := rec.Named(t, BackendType, "pool")
	if err := s.ValidateInputs(BackendType, pool.Inputs); err != nil {
		t.Errorf("pool inputs fail the schema: %v", err)
	}
	if got := pool.String("type"); got != "Pool" {
		t.Errorf("type = %q", got)
	}
	if got := pool.String("url"); got != "" {
		t.Errorf("url = %q, want empty (Azure refuses a URL on a pool)", got)
	}
	if got := pool.Len("pool.services"); got != 2 {
		t.Errorf("pool.services has %d members", got)
	}
	if got, _ := pool.Number("pool.services[1].priority"); got != 2 {
		t.Errorf("second member priority = %v", got)
	}
}

func TestServiceAndBackendRegisterNestedInputs(t *testing.T) {
	var principal string
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		svc, err := NewApiManagementService(ctx, "apim", &ApiManagementServiceArgs{
			ResourceGroupName:           pulumi.String("rg"),
			ServiceName:                 pulumi.String("contoso-ai"),
			PublisherEmail:              pulumi.String("ai@contoso.com"),
			PublisherName:               pulumi.String("Contoso"),
			Sku:                         &ApiManagementServiceSkuPropertiesArgs{Name: pulumi.String(SkuPremium), Capacity: pulumi.Int(2)},
			Identity:                    &ApiManagementServiceIdentityArgs{Type: pulumi.String(IdentitySystemAssigned)},
			VirtualNetworkType:          pulumi.String(VirtualNetworkInternal),
			VirtualNetworkConfiguration: &VirtualNetworkConfigurationArgs{SubnetResourceId: pulumi.String("/subscriptions/s/subnets/apim")},
			CustomProperties:            pulumi.StringMap{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": pulumi.String("false")},
			ApiVersionConstraint:        &ApiVersionConstraintArgs{MinApiVersion: pulumi.String("2021-08-01")},
			Zones:                       pulumi.StringArray{pulumi.String("1"), pulumi.String("2")},
		})
		if err != nil {
			return err
		}
		svc.Identity.PrincipalId().ApplyT(func(p *string) error {
			if p != nil {
				principal = *p
			}
			return nil
		})
		_, err = NewBackend(ctx, "be", &BackendArgs{
			ResourceGroupName: pulumi.String("rg"),
			ServiceName:       svc.Name,
			BackendId:         pulumi.String("openai-eastus2"),
			Type:              pulumi.String(BackendTypeSingle),
			Url:               pulumi.String("https://contoso-eus2.openai.azure.com/openai"),
			Protocol:          pulumi.String(BackendProtocolHTTP),
			CircuitBreaker: &BackendCircuitBreakerArgs{Rules: []CircuitBreakerRuleArgs{{
				Name:             pulumi.String("throttling"),
				AcceptRetryAfter: pulumi.Bool(true),
				TripDuration:     pulumi.String("PT1M"),
				FailureCondition: &CircuitBreakerFailureConditionArgs{
					Count:            pulumi.Int(1),
					Interval:         pulumi.String("PT1M"),
					StatusCodeRanges: []FailureStatusCodeRangeArgs{{Min: pulumi.Int(429), Max: pulumi.Int(429)}, {Min: pulumi.Int(500), Max: pulumi.Int(599)}},
				},
			}}},
		})
		return err
	})
	svc := rec.Named(t, ApiManagementServiceType, "apim")
	if svc.Version != "2.90.0" {
		t.Errorf("version = %q", svc.Version)
	}
	for path, want := range map[string]string{
		"sku.name":           "Premium",
		"identity.type":      "SystemAssigned",
		"virtualNetworkType": "Internal",
		"virtualNetworkConfiguration.subnetResourceId": "/subscriptions/s/subnets/apim",
		"apiVersionConstraint.minApiVersion":           "2021-08-01",
	} {
		if got := svc.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if principal != "principal-apim" {
		t.Errorf("principal id output = %q", principal)
	}
	be := rec.Named(t, BackendType, "be")
	if got, _ := be.Number("circuitBreaker.rules[0].failureCondition.statusCodeRanges[1].max"); got != 599 {
		t.Errorf("second status range max = %v", got)
	}
	if v, ok := be.Bool("circuitBreaker.rules[0].acceptRetryAfter"); !ok || !v {
		t.Error("acceptRetryAfter not true")
	}
}

func TestApiOperationAndPolicyRegister(t *testing.T) {
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewApi(ctx, "api", &ApiArgs{
			ResourceGroupName:             pulumi.String("rg"),
			ServiceName:                   pulumi.String("apim"),
			ApiId:                         pulumi.String("openai"),
			Path:                          pulumi.String("openai"),
			Protocols:                     pulumi.StringArray{pulumi.String(ProtocolHTTPS)},
			SubscriptionKeyParameterNames: &SubscriptionKeyParameterNamesContractArgs{Header: pulumi.String("api-key")},
		})
		if err != nil {
			return err
		}
		if _, err := NewApiOperation(ctx, "op", &ApiOperationArgs{
			ResourceGroupName: pulumi.String("rg"),
			ServiceName:       pulumi.String("apim"),
			ApiId:             pulumi.String("openai"),
			DisplayName:       pulumi.String("Embeddings"),
			Method:            pulumi.String("POST"),
			UrlTemplate:       pulumi.String("/deployments/{deployment-id}/embeddings"),
			TemplateParameters: []ParameterContractArgs{
				{Name: pulumi.String("deployment-id"), Type: pulumi.String("string"), Required: pulumi.Bool(true)},
			},
			Request: &RequestContractArgs{QueryParameters: []ParameterContractArgs{
				{Name: pulumi.String("api-version"), Type: pulumi.String("string"), Required: pulumi.Bool(true)},
			}},
		}); err != nil {
			return err
		}
		_, err = NewApiPolicy(ctx, "policy", &ApiPolicyArgs{
			ResourceGroupName: pulumi.String("rg"),
			ServiceName:       pulumi.String("apim"),
			ApiId:             pulumi.String("openai"),
			PolicyId:          pulumi.String("policy"),
			Format:            pulumi.String(PolicyFormatRawXML),
			Value:             pulumi.String("<policies/>"),
		})
		return err
	})
	op := rec.Named(t, ApiOperationType, "op")
	if got := op.String("request.queryParameters[0].name"); got != "api-version" {
		t.Errorf("query parameter = %q", got)
	}
	if got := op.String("apiId"); got != "openai" {
		t.Errorf("apiId = %q", got)
	}
	if got := rec.Named(t, ApiPolicyType, "policy").String("format"); got != "rawxml" {
		t.Errorf("format = %q", got)
	}
}

func TestRequiredArguments(t *testing.T) {
	for name, fn := range map[string]func(ctx *pulumi.Context) error{
		"service without sku": func(ctx *pulumi.Context) error {
			_, err := NewApiManagementService(ctx, "s", &ApiManagementServiceArgs{
				ResourceGroupName: pulumi.String("rg"), PublisherEmail: pulumi.String("a@b.c"), PublisherName: pulumi.String("n"),
			})
			return err
		},
		"backend without url": func(ctx *pulumi.Context) error {
			_, err := NewBackend(ctx, "b", &BackendArgs{
				ResourceGroupName: pulumi.String("rg"), ServiceName: pulumi.String("s"), Protocol: pulumi.String("http"),
			})
			return err
		},
		"operation without url template": func(ctx *pulumi.Context) error {
			_, err := NewApiOperation(ctx, "o", &ApiOperationArgs{
				ResourceGroupName: pulumi.String("rg"), ServiceName: pulumi.String("s"), ApiId: pulumi.String("a"),
				DisplayName: pulumi.String("d"), Method: pulumi.String("POST"),
			})
			return err
		},
		"policy without value": func(ctx *pulumi.Context) error {
			_, err := NewApiPolicy(ctx, "p", &ApiPolicyArgs{
				ResourceGroupName: pulumi.String("rg"), ServiceName: pulumi.String("s"), ApiId: pulumi.String("a"),
			})
			return err
		},
		"api without path": func(ctx *pulumi.Context) error {
			_, err := NewApi(ctx, "a", &ApiArgs{ResourceGroupName: pulumi.String("rg"), ServiceName: pulumi.String("s")})
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			rec, err := pulumitest.Run(fn)
			if err == nil || !strings.Contains(err.Error(), "invalid value for required argument") {
				t.Fatalf("err = %v, want a required-argument error", err)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered", n)
			}
		})
	}
}
