package ai

import (
	"reflect"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[AIGatewayArgs](), reflect.TypeFor[aiendpoint.GatewayArgs]())
	mirror.Pair(reflect.TypeFor[AIGateway](), reflect.TypeFor[aiendpoint.Gateway]())
}

// GatewayExcluded are the GatewayArgs fields the provider does not offer: the
// catalog is the embedded one.
var GatewayExcluded = []string{"Catalog"}

// AIGatewayArgs are the inputs of AIGateway (aiendpoint.GatewayArgs).
type AIGatewayArgs struct { //nolint:revive // infer derives the schema token aiready:ai:AIGateway and the SDKs' names from the Go names
	ResourceGroupName          pulumi.StringInput `pulumi:"resourceGroupName"`
	Location                   string             `pulumi:"location"`
	Archetype                  string             `pulumi:"archetype"`
	ArchetypeBase              *Archetype         `pulumi:"archetypeBase,optional"`
	Production                 bool               `pulumi:"production,optional"`
	ServiceName                string             `pulumi:"serviceName"`
	PublisherEmail             string             `pulumi:"publisherEmail"`
	PublisherName              string             `pulumi:"publisherName"`
	SkuName                    string             `pulumi:"skuName,optional"`
	Capacity                   int                `pulumi:"capacity,optional"`
	Zones                      []string           `pulumi:"zones,optional"`
	SubnetID                   pulumi.StringInput `pulumi:"subnetId"`
	PublicIPAddressID          pulumi.StringInput `pulumi:"publicIpAddressId,optional"`
	PrivateDNS                 *GatewayPrivateDNS `pulumi:"privateDns,optional"`
	Members                    []GatewayMember    `pulumi:"members"`
	AllowGlobalOnly            bool               `pulumi:"allowGlobalOnly,optional"`
	CircuitBreaker             *CircuitBreaker    `pulumi:"circuitBreaker,optional"`
	RetryCount                 int                `pulumi:"retryCount,optional"`
	SubscriptionKeyNotRequired bool               `pulumi:"subscriptionKeyNotRequired,optional"`
	LogAnalyticsWorkspaceID    pulumi.StringInput `pulumi:"logAnalyticsWorkspaceId,optional"`
	Tags                       map[string]string  `pulumi:"tags,optional"`
}

// Annotate documents the inputs.
func (a *AIGatewayArgs) Annotate(an infer.Annotator) {
	mirror.Describe(an, a, map[string]string{
		"Members": "Members are the regional endpoints of the pool, in different regions (a RegionalAIEndpoint's endpoint, accountId and its deployments' types). Required: between 2 and 30.",
	})
}

// GatewayPrivateDNS mirrors aiendpoint.GatewayPrivateDNS.
type GatewayPrivateDNS struct {
	VirtualNetworkIDs map[string]pulumi.StringInput `pulumi:"virtualNetworkIds,optional"`
	ResourceGroupName pulumi.StringInput            `pulumi:"resourceGroupName,optional"`
}

// Annotate documents the type.
func (d *GatewayPrivateDNS) Annotate(an infer.Annotator) { mirror.Describe(an, d, nil) }

// GatewayMember mirrors aiendpoint.GatewayMember.
type GatewayMember struct {
	Region          string             `pulumi:"region"`
	Endpoint        pulumi.StringInput `pulumi:"endpoint"`
	AccountID       pulumi.StringInput `pulumi:"accountId"`
	DeploymentTypes []DeploymentType   `pulumi:"deploymentTypes"`
	Priority        int                `pulumi:"priority,optional"`
	Weight          int                `pulumi:"weight,optional"`
	BackendName     string             `pulumi:"backendName,optional"`
}

// Annotate documents the type.
func (m *GatewayMember) Annotate(an infer.Annotator) { mirror.Describe(an, m, nil) }

// CircuitBreaker mirrors aiendpoint.CircuitBreaker, its durations in whole seconds.
type CircuitBreaker struct {
	FailureCount  int `pulumi:"failureCount,optional"`
	FailureWindow int `pulumi:"failureWindowSeconds,optional"`
	TripDuration  int `pulumi:"tripDurationSeconds,optional"`
}

// Annotate documents the type.
func (c *CircuitBreaker) Annotate(an infer.Annotator) {
	mirror.Describe(an, c, map[string]string{
		"FailureWindow": "FailureWindow is the counting window, in seconds. Default 60.",
		"TripDuration":  "TripDuration is how long the circuit stays open without a Retry-After, in seconds. Default 60.",
	})
}

// AIGateway is the component's outputs; the component itself is the library's
// Gateway.
type AIGateway struct { //nolint:revive // infer derives the schema token aiready:ai:AIGateway from the type name
	pulumi.ComponentResource

	ServiceID          pulumi.StringOutput      `pulumi:"serviceId"`
	ServiceName        pulumi.StringOutput      `pulumi:"serviceName"`
	GatewayURL         pulumi.StringOutput      `pulumi:"gatewayUrl"`
	OpenAIEndpoint     pulumi.StringOutput      `pulumi:"openAiEndpoint"`
	PrincipalID        pulumi.StringOutput      `pulumi:"principalId"`
	PrivateIPAddresses pulumi.StringArrayOutput `pulumi:"privateIpAddresses"`
	PoolBackendID      pulumi.StringOutput      `pulumi:"poolBackendId"`
	BackendIDs         pulumi.StringMapOutput   `pulumi:"backendIds"`
}

// Annotate sets the token and documents the outputs.
func (g *AIGateway) Annotate(an infer.Annotator) {
	an.SetToken("ai", "AIGateway")
	mirror.Describe(an, g, nil)
}

// NewAIGateway builds the component with aiendpoint.NewAIGateway.
func NewAIGateway(ctx *pulumi.Context, name string, args AIGatewayArgs, opts ...pulumi.ResourceOption) (*AIGateway, error) {
	return mirror.Construct[AIGateway](args, func(la *aiendpoint.GatewayArgs) (*aiendpoint.Gateway, error) {
		return aiendpoint.NewAIGateway(ctx, name, la, opts...)
	})
}
