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
// 2024-05-01 tokens: the default Backend version has neither pool nor
// circuitBreaker.
func TestDefaultVersionLacksPoolAndCircuitBreaker(t *testing.T) {
	s := azschema.ForTest(t)
	for token, want := range map[string]bool{"azure-native:apimanagement:Backend": false, BackendType: true} {
		r, err := s.Resource(token)
		if err != nil {
			t.Fatal(err)
		}
		for _, prop := range []string{"pool", "circuitBreaker"} {
			if _, has := r.Inputs.Props[prop]; has != want {
				t.Errorf("%s has %s: %v, want %v", token, prop, has, want)
			}
		}
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
