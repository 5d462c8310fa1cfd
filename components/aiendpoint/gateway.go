package aiendpoint

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/internal/outputmap"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// AIGatewayTypeToken is the type token of the AIGateway component (Gateway).
const AIGatewayTypeToken = "aiready:ai:AIGateway"

// GatewayType is the type token of Gateway.
//
// Deprecated: use AIGatewayTypeToken, named like every component's token.
const GatewayType = AIGatewayTypeToken

// CognitiveServicesOpenAIUserRoleID is the built-in role "Cognitive Services
// OpenAI User": call the inference APIs of an Azure OpenAI account.
const CognitiveServicesOpenAIUserRoleID = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"

// Names inside the API Management service.
const (
	poolBackendName = "openai-pool"
	openAIApiID     = "azure-openai"
	openAIApiPath   = "openai"
)

// secureCustomProperties turn off TLS 1.0/1.1, SSL 3.0 and 3DES on the gateway,
// towards clients and backends.
var secureCustomProperties = map[string]string{
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10":         "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11":         "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30":         "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30": "false",
	"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168":    "false",
}

// minManagementAPIVersion is the oldest management API version the service
// accepts (ALZ guardrail: at least 2019-12-01).
const minManagementAPIVersion = "2021-08-01"

// Gateway is an API Management gateway that load-balances regional AI endpoints:
// a backend with a circuit breaker per endpoint, a pool over them, and an
// OpenAI-compatible API that routes to the pool with the gateway's managed identity.
type Gateway struct {
	pulumi.ResourceState

	// ServiceID is the API Management service's resource id.
	ServiceID pulumi.StringOutput `pulumi:"serviceId"`
	// ServiceName is the service's name, once it exists.
	ServiceName pulumi.StringOutput `pulumi:"serviceName"`
	// GatewayURL is the service's gateway URL ("https://<name>.azure-api.net").
	GatewayURL pulumi.StringOutput `pulumi:"gatewayUrl"`
	// OpenAIEndpoint is the endpoint OpenAI clients use: GatewayURL + "/openai/"
	// is what an Azure OpenAI SDK calls (it appends "openai/deployments/...").
	OpenAIEndpoint pulumi.StringOutput `pulumi:"openAiEndpoint"`
	// PrincipalID is the object id of the service's system-assigned identity.
	PrincipalID pulumi.StringOutput `pulumi:"principalId"`
	// PrivateIPAddresses are the gateway's private addresses in the network.
	PrivateIPAddresses pulumi.StringArrayOutput `pulumi:"privateIpAddresses"`
	// PoolBackendID is the pool backend's resource id.
	PoolBackendID pulumi.StringOutput `pulumi:"poolBackendId"`
	// BackendIDs are the member backends' resource ids by region.
	BackendIDs pulumi.StringMapOutput `pulumi:"backendIds"`

	// PoolBackendName is the pool's backend id, the backend-id of the API's policy.
	PoolBackendName string
}

// NewGateway builds the AIGateway component.
//
// Deprecated: use NewAIGateway, named like every component's constructor.
func NewGateway(ctx *pulumi.Context, name string, args *GatewayArgs, opts ...pulumi.ResourceOption) (*Gateway, error) {
	return NewAIGateway(ctx, name, args, opts...)
}

// NewAIGateway validates args and builds the AIGateway component. It fails before
// registering anything when the arguments are invalid (see GatewayArgs.Validate),
// among them a gateway over endpoints that serve only global deployment types.
func NewAIGateway(ctx *pulumi.Context, name string, args *GatewayArgs, opts ...pulumi.ResourceOption) (*Gateway, error) {
	if err := args.Validate(); err != nil {
		return nil, fmt.Errorf("Gateway %q: %w", name, err)
	}
	comp := &Gateway{PoolBackendName: poolBackendName}
	if err := ctx.RegisterComponentResourceV2(AIGatewayTypeToken, name, gatewaySummary(args), comp, opts...); err != nil {
		return nil, fmt.Errorf("Gateway %q: %w", name, err)
	}
	b := &gatewayBuilder{ctx: ctx, name: name, args: args, comp: comp,
		tags: tags.Set{Archetype: args.Archetype, Production: args.Production, Component: "AIGateway"}.Merge(args.Tags)}
	if err := b.build(); err != nil {
		return nil, fmt.Errorf("Gateway %q: %w", name, err)
	}
	if err := outputmap.Register(ctx, comp); err != nil {
		return nil, fmt.Errorf("Gateway %q: %w", name, err)
	}
	return comp, nil
}

type gatewayBuilder struct {
	ctx  *pulumi.Context
	name string
	args *GatewayArgs
	comp *Gateway
	tags pulumi.StringMap
}

func (b *gatewayBuilder) parent() pulumi.ResourceOption { return pulumi.Parent(b.comp) }

func (b *gatewayBuilder) build() error {
	svc, err := b.service()
	if err != nil {
		return err
	}
	if b.args.LogAnalyticsWorkspaceID != nil {
		if _, err := newDiagnosticSetting(b.ctx, b.name+"-diagnostics", svc.ID().ToStringOutput(), b.args.LogAnalyticsWorkspaceID, b.parent()); err != nil {
			return fmt.Errorf("diagnostic setting: %w", err)
		}
	}
	if b.args.virtualNetworkType() == apimanagement.VirtualNetworkInternal {
		if err := b.privateDNS(svc); err != nil {
			return err
		}
	}
	principal := orEmpty(svc.Identity.PrincipalId())

	members := make([]apimanagement.PoolMember, len(b.args.Members))
	backendIDs := pulumi.StringMap{}
	for i, m := range b.args.Members {
		be, err := b.memberBackend(svc, m)
		if err != nil {
			return err
		}
		backendIDs[m.Region] = be.ID().ToStringOutput()
		members[i] = apimanagement.PoolMember{BackendID: m.backendName(), Backend: be, Priority: m.Priority, Weight: m.weight()}
		if err := b.roleAssignment(i, m, principal); err != nil {
			return err
		}
	}
	// The pool waits for the service and its member backends.
	pool, err := apimanagement.NewPoolBackend(b.ctx, b.name+"-pool", &apimanagement.PoolArgs{
		ResourceGroupName: b.args.ResourceGroupName,
		ServiceName:       b.args.ServiceName,
		BackendID:         poolBackendName,
		Title:             "Azure OpenAI regional endpoints",
		Description:       "Load-balanced pool of the regional AI endpoints; a member whose circuit breaker trips is skipped",
		Members:           members,
	}, b.parent(), pulumi.DependsOn([]pulumi.Resource{svc}))
	if err != nil {
		return fmt.Errorf("pool backend: %w", err)
	}
	if err := b.api(svc, pool); err != nil {
		return err
	}

	b.comp.ServiceID = svc.ID().ToStringOutput()
	b.comp.ServiceName = nameOnceCreated(svc, b.args.ServiceName)
	b.comp.GatewayURL = svc.GatewayUrl
	b.comp.OpenAIEndpoint = svc.GatewayUrl.ApplyT(func(u string) string { return strings.TrimSuffix(u, "/") + "/" }).(pulumi.StringOutput)
	b.comp.PrincipalID = principal
	b.comp.PrivateIPAddresses = svc.PrivateIPAddresses
	b.comp.PoolBackendID = pool.ID
	b.comp.BackendIDs = backendIDs.ToStringMapOutput()
	return nil
}

// service registers the API Management service, injected into the subnet.
func (b *gatewayBuilder) service() (*apimanagement.ApiManagementService, error) {
	a := b.args
	publicIP := a.PublicIPAddressID
	if publicIP == nil && a.virtualNetworkType() == apimanagement.VirtualNetworkExternal {
		pip, err := network.NewPublicIPAddress(b.ctx, b.name+"-pip", &network.PublicIPAddressArgs{
			PublicIpAddressName:      pulumi.String(a.ServiceName + "-pip"),
			ResourceGroupName:        a.ResourceGroupName,
			Location:                 pulumi.String(a.Location),
			Sku:                      &network.PublicIPAddressSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")},
			PublicIPAllocationMethod: pulumi.String("Static"),
			PublicIPAddressVersion:   pulumi.String("IPv4"),
			DnsSettings:              &network.PublicIPAddressDnsSettingsArgs{DomainNameLabel: pulumi.String(strings.ToLower(a.ServiceName))},
			Zones:                    pulumi.ToStringArray(a.Zones),
			Tags:                     b.tags,
		}, b.parent())
		if err != nil {
			return nil, fmt.Errorf("public IP address: %w", err)
		}
		publicIP = pip.ID().ToStringOutput()
	}
	svcArgs := &apimanagement.ApiManagementServiceArgs{
		ServiceName:       pulumi.String(a.ServiceName),
		ResourceGroupName: a.ResourceGroupName,
		Location:          pulumi.String(a.Location),
		PublisherEmail:    pulumi.String(a.PublisherEmail),
		PublisherName:     pulumi.String(a.PublisherName),
		Sku: &apimanagement.ApiManagementServiceSkuPropertiesArgs{
			Name:     pulumi.String(a.skuName()),
			Capacity: pulumi.Int(a.capacity()),
		},
		Identity:                    &apimanagement.ApiManagementServiceIdentityArgs{Type: pulumi.String(apimanagement.IdentitySystemAssigned)},
		VirtualNetworkType:          pulumi.String(a.virtualNetworkType()),
		VirtualNetworkConfiguration: &apimanagement.VirtualNetworkConfigurationArgs{SubnetResourceId: a.SubnetID},
		CustomProperties:            pulumi.ToStringMap(secureCustomProperties),
		ApiVersionConstraint:        &apimanagement.ApiVersionConstraintArgs{MinApiVersion: pulumi.String(minManagementAPIVersion)},
		DeveloperPortalStatus:       pulumi.String(apimanagement.StatusDisabled),
		LegacyPortalStatus:          pulumi.String(apimanagement.StatusDisabled),
		Tags:                        b.tags,
	}
	if publicIP != nil {
		svcArgs.PublicIpAddressId = publicIP.ToStringOutput()
	}
	if len(a.Zones) > 0 {
		svcArgs.Zones = pulumi.ToStringArray(a.Zones)
	}
	opts := []pulumi.ResourceOption{b.parent()}
	if a.Production {
		opts = append(opts, pulumi.Protect(true))
	}
	svc, err := apimanagement.NewApiManagementService(b.ctx, b.name+"-apim", svcArgs, opts...)
	if err != nil {
		return nil, fmt.Errorf("API Management service: %w", err)
	}
	return svc, nil
}

// memberBackend registers one endpoint's backend with its circuit breaker.
func (b *gatewayBuilder) memberBackend(svc *apimanagement.ApiManagementService, m GatewayMember) (*apimanagement.Backend, error) {
	cb := b.args.CircuitBreaker.withDefaults()
	url := m.Endpoint.ToStringOutput().ApplyT(func(e string) string {
		return strings.TrimSuffix(e, "/") + "/openai"
	}).(pulumi.StringOutput)
	be, err := apimanagement.NewBackend(b.ctx, b.name+"-backend-"+m.Region, &apimanagement.BackendArgs{
		ResourceGroupName: b.args.ResourceGroupName,
		ServiceName:       pulumi.String(b.args.ServiceName),
		BackendId:         pulumi.String(m.backendName()),
		Title:             pulumi.String("Azure OpenAI " + m.Region),
		Description:       pulumi.String("Regional AI endpoint in " + m.Region + ", a member of " + poolBackendName),
		Type:              pulumi.String(apimanagement.BackendTypeSingle),
		Url:               url,
		Protocol:          pulumi.String(apimanagement.BackendProtocolHTTP),
		Tls: &apimanagement.BackendTlsPropertiesArgs{
			ValidateCertificateChain: pulumi.Bool(true),
			ValidateCertificateName:  pulumi.Bool(true),
		},
		CircuitBreaker: &apimanagement.BackendCircuitBreakerArgs{Rules: []apimanagement.CircuitBreakerRuleArgs{{
			Name:             pulumi.String("openai-throttling-and-errors"),
			AcceptRetryAfter: pulumi.Bool(true),
			TripDuration:     pulumi.String(isoDuration(cb.TripDuration)),
			FailureCondition: &apimanagement.CircuitBreakerFailureConditionArgs{
				Count:    pulumi.Int(cb.FailureCount),
				Interval: pulumi.String(isoDuration(cb.FailureWindow)),
				StatusCodeRanges: []apimanagement.FailureStatusCodeRangeArgs{
					{Min: pulumi.Int(429), Max: pulumi.Int(429)},
					{Min: pulumi.Int(500), Max: pulumi.Int(599)},
				},
			},
		}}},
	}, b.parent(), pulumi.DependsOn([]pulumi.Resource{svc}),
		// Deleting the service deletes its backends: a destroy leaves them to it
		// rather than deleting a member the pool (which only the service's
		// deletion removes) still lists.
		pulumi.DeletedWith(svc))
	if err != nil {
		return nil, fmt.Errorf("backend for %s: %w", m.Region, err)
	}
	return be, nil
}

// roleAssignment lets the gateway's identity call the member's account.
func (b *gatewayBuilder) roleAssignment(i int, m GatewayMember, principal pulumi.StringOutput) error {
	scope := m.AccountID.ToStringOutput()
	roleDefinition := scope.ApplyT(func(id string) (string, error) {
		sub, err := subscriptionOf(id)
		if err != nil {
			return "", fmt.Errorf("Gateway %q: Members[%d].AccountID: %w", b.name, i, err)
		}
		return sub + "/providers/Microsoft.Authorization/roleDefinitions/" + CognitiveServicesOpenAIUserRoleID, nil
	}).(pulumi.StringOutput)
	if _, err := authorization.NewRoleAssignment(b.ctx, b.name+"-openai-user-"+m.Region, &authorization.RoleAssignmentArgs{
		PrincipalId:      principal,
		PrincipalType:    pulumi.String("ServicePrincipal"),
		RoleDefinitionId: roleDefinition,
		Scope:            scope,
		Description:      pulumi.String("API Management gateway " + b.args.ServiceName + " calls this Azure OpenAI account with its managed identity"),
	}, b.parent()); err != nil {
		return fmt.Errorf("role assignment for %s: %w", m.Region, err)
	}
	return nil
}

// subscriptionOf returns the "/subscriptions/<id>" prefix of a resource id.
func subscriptionOf(id string) (string, error) {
	parts := strings.Split(strings.TrimPrefix(id, "/"), "/")
	if len(parts) < 2 || !strings.EqualFold(parts[0], "subscriptions") || parts[1] == "" {
		return "", fmt.Errorf("%q is not a resource id (/subscriptions/<id>/resourceGroups/...)", id)
	}
	return "/subscriptions/" + parts[1], nil
}

// api registers the OpenAI-compatible API, its operations and its policy.
func (b *gatewayBuilder) api(svc *apimanagement.ApiManagementService, pool *apimanagement.PoolBackend) error {
	a := b.args
	api, err := apimanagement.NewApi(b.ctx, b.name+"-api", &apimanagement.ApiArgs{
		ResourceGroupName:    a.ResourceGroupName,
		ServiceName:          pulumi.String(a.ServiceName),
		ApiId:                pulumi.String(openAIApiID),
		DisplayName:          pulumi.String("Azure OpenAI"),
		Description:          pulumi.String("Azure OpenAI inference API, load-balanced across regional endpoints"),
		Path:                 pulumi.String(openAIApiPath),
		Protocols:            pulumi.StringArray{pulumi.String(apimanagement.ProtocolHTTPS)},
		ApiType:              pulumi.String(apimanagement.ApiTypeHTTP),
		SubscriptionRequired: pulumi.Bool(!a.SubscriptionKeyNotRequired),
		SubscriptionKeyParameterNames: &apimanagement.SubscriptionKeyParameterNamesContractArgs{
			Header: pulumi.String("api-key"),
			Query:  pulumi.String("api-key"),
		},
	}, b.parent(), pulumi.DependsOn([]pulumi.Resource{svc}))
	if err != nil {
		return fmt.Errorf("API: %w", err)
	}
	for _, op := range openAIOperations {
		if _, err := apimanagement.NewApiOperation(b.ctx, b.name+"-op-"+op.id, &apimanagement.ApiOperationArgs{
			ResourceGroupName: a.ResourceGroupName,
			ServiceName:       pulumi.String(a.ServiceName),
			ApiId:             pulumi.String(openAIApiID),
			OperationId:       pulumi.String(op.id),
			DisplayName:       pulumi.String(op.displayName),
			Method:            pulumi.String("POST"),
			UrlTemplate:       pulumi.String(op.urlTemplate),
			TemplateParameters: []apimanagement.ParameterContractArgs{{
				Name:        pulumi.String("deployment-id"),
				Type:        pulumi.String("string"),
				Required:    pulumi.Bool(true),
				Description: pulumi.String("The model deployment's name, the same in every region"),
			}},
			Request: &apimanagement.RequestContractArgs{
				QueryParameters: []apimanagement.ParameterContractArgs{{
					Name:     pulumi.String("api-version"),
					Type:     pulumi.String("string"),
					Required: pulumi.Bool(true),
				}},
				Representations: []apimanagement.RepresentationContractArgs{{ContentType: pulumi.String("application/json")}},
			},
		}, b.parent(), pulumi.DependsOn([]pulumi.Resource{api})); err != nil {
			return fmt.Errorf("API operation %s: %w", op.id, err)
		}
	}
	if _, err := apimanagement.NewApiPolicy(b.ctx, b.name+"-api-policy", &apimanagement.ApiPolicyArgs{
		ResourceGroupName: a.ResourceGroupName,
		ServiceName:       pulumi.String(a.ServiceName),
		ApiId:             pulumi.String(openAIApiID),
		PolicyId:          pulumi.String("policy"),
		Format:            pulumi.String(apimanagement.PolicyFormatRawXML),
		Value:             pulumi.String(apiPolicyXML(poolBackendName, a.retryCount())),
	}, b.parent(), pulumi.DependsOn([]pulumi.Resource{api, pool.Deployment})); err != nil {
		return fmt.Errorf("API policy: %w", err)
	}
	return nil
}

// gatewaySummary is the component's recorded inputs: what decides what is built.
func gatewaySummary(a *GatewayArgs) pulumi.Map {
	members := pulumi.Array{}
	for _, m := range a.Members {
		members = append(members, pulumi.Map{
			"region":          pulumi.String(m.Region),
			"backend":         pulumi.String(m.backendName()),
			"priority":        pulumi.Int(m.Priority),
			"weight":          pulumi.Int(m.weight()),
			"deploymentTypes": pulumi.ToStringArray(m.DeploymentTypes),
		})
	}
	return pulumi.Map{
		"location":           pulumi.String(a.Location),
		"archetype":          pulumi.String(a.Archetype),
		"production":         pulumi.Bool(a.Production),
		"serviceName":        pulumi.String(a.ServiceName),
		"sku":                pulumi.String(a.skuName()),
		"virtualNetworkType": pulumi.String(a.virtualNetworkType()),
		"members":            members,
	}
}
