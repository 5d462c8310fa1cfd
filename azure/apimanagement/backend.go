package apimanagement

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Values of a backend's type and protocol.
const (
	BackendTypeSingle   = "Single"
	BackendTypePool     = "Pool"
	BackendProtocolHTTP = "http"
	BackendProtocolSOAP = "soap"
)

// Backend is a Microsoft.ApiManagement/service/backends resource (API 2024-05-01):
// a single backend with a URL and an optional circuit breaker. A load-balanced pool
// of single backends cannot be a Backend resource (see PoolArgs); NewPoolBackend
// declares one.
type Backend struct {
	pulumi.CustomResourceState

	// Description is the backend's description.
	Description pulumi.StringPtrOutput `pulumi:"description"`
	// Name is the backend id, the backend-id a set-backend-service policy names.
	Name pulumi.StringOutput `pulumi:"name"`
	// Protocol is the backend protocol ("http" for a single backend).
	Protocol pulumi.StringOutput `pulumi:"protocol"`
	// Title is the backend's title.
	Title pulumi.StringPtrOutput `pulumi:"title"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
	// Url is the runtime URL of a single backend.
	Url pulumi.StringOutput `pulumi:"url"`
}

type backendArgs struct {
	BackendId         *string                     `pulumi:"backendId"`
	CircuitBreaker    *BackendCircuitBreaker      `pulumi:"circuitBreaker"`
	Credentials       *BackendCredentialsContract `pulumi:"credentials"`
	Description       *string                     `pulumi:"description"`
	Protocol          string                      `pulumi:"protocol"`
	ResourceGroupName string                      `pulumi:"resourceGroupName"`
	ResourceId        *string                     `pulumi:"resourceId"`
	ServiceName       string                      `pulumi:"serviceName"`
	Title             *string                     `pulumi:"title"`
	Tls               *BackendTlsProperties       `pulumi:"tls"`
	Type              *string                     `pulumi:"type"`
	Url               string                      `pulumi:"url"`
}

// BackendArgs are the inputs of a single Backend. Service Fabric and proxy settings
// are left out, and so is pool: a pool is NewPoolBackend's.
type BackendArgs struct {
	// BackendId is the backend's id in the service (the backend-id of
	// set-backend-service). Optional; auto-named when absent.
	BackendId pulumi.StringPtrInput
	// CircuitBreaker trips the backend on failures (Azure honours one rule).
	CircuitBreaker *BackendCircuitBreakerArgs
	// Credentials are headers, query parameters or certificates sent to the backend.
	// Optional; managed identity authentication is a policy instead.
	Credentials *BackendCredentialsContractArgs
	// Description is free text. Optional.
	Description pulumi.StringPtrInput
	// Protocol is "http" (REST) or "soap". Required.
	Protocol pulumi.StringInput
	// ResourceGroupName is the service's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// ResourceId is the management URI of an Azure resource behind the backend. Optional.
	ResourceId pulumi.StringPtrInput
	// ServiceName is the API Management service. Required.
	ServiceName pulumi.StringInput
	// Title is a display title. Optional.
	Title pulumi.StringPtrInput
	// Tls are certificate validation settings. Optional.
	Tls *BackendTlsPropertiesArgs
	// Type is "Single". Optional; Azure defaults to Single. "Pool" is refused: use
	// NewPoolBackend.
	Type pulumi.StringPtrInput
	// Url is the runtime URL of the backend. Required.
	Url pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (BackendArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*backendArgs)(nil)).Elem()
}

// BackendCircuitBreaker is the plain shape of BackendCircuitBreakerArgs.
type BackendCircuitBreaker struct {
	Rules []CircuitBreakerRule `pulumi:"rules"`
}

// BackendCircuitBreakerArgs are a backend's circuit-breaker rules.
type BackendCircuitBreakerArgs struct {
	// Rules are the trip rules; Azure currently accepts one.
	Rules []CircuitBreakerRuleArgs
}

// ElementType returns the plain shape the Args marshal to.
func (BackendCircuitBreakerArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*BackendCircuitBreaker)(nil)).Elem()
}

// CircuitBreakerRule is the plain shape of CircuitBreakerRuleArgs.
type CircuitBreakerRule struct {
	AcceptRetryAfter *bool                           `pulumi:"acceptRetryAfter"`
	FailureCondition *CircuitBreakerFailureCondition `pulumi:"failureCondition"`
	Name             *string                         `pulumi:"name"`
	TripDuration     *string                         `pulumi:"tripDuration"`
}

// CircuitBreakerRuleArgs trip a backend for TripDuration when FailureCondition holds.
type CircuitBreakerRuleArgs struct {
	// AcceptRetryAfter keeps the circuit open for the backend's Retry-After instead
	// of TripDuration when the backend sends one.
	AcceptRetryAfter pulumi.BoolPtrInput
	// FailureCondition says which responses count and how many trip the circuit.
	FailureCondition *CircuitBreakerFailureConditionArgs
	// Name is the rule name.
	Name pulumi.StringPtrInput
	// TripDuration is how long the circuit stays open (ISO 8601, e.g. "PT1M").
	TripDuration pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (CircuitBreakerRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*CircuitBreakerRule)(nil)).Elem()
}

// CircuitBreakerFailureCondition is the plain shape of CircuitBreakerFailureConditionArgs.
type CircuitBreakerFailureCondition struct {
	Count            *int                     `pulumi:"count"`
	ErrorReasons     []string                 `pulumi:"errorReasons"`
	Interval         *string                  `pulumi:"interval"`
	Percentage       *int                     `pulumi:"percentage"`
	StatusCodeRanges []FailureStatusCodeRange `pulumi:"statusCodeRanges"`
}

// CircuitBreakerFailureConditionArgs count failures over an interval. Count and
// Percentage are mutually exclusive.
type CircuitBreakerFailureConditionArgs struct {
	// Count is the number of failures within Interval that trips the circuit.
	Count pulumi.IntPtrInput
	// ErrorReasons are gateway error reasons that count as failures.
	ErrorReasons pulumi.StringArrayInput
	// Interval is the counting window (ISO 8601, e.g. "PT1M").
	Interval pulumi.StringPtrInput
	// Percentage is the failure percentage within Interval that trips the circuit.
	Percentage pulumi.IntPtrInput
	// StatusCodeRanges are the response status codes that count as failures.
	StatusCodeRanges []FailureStatusCodeRangeArgs
}

// ElementType returns the plain shape the Args marshal to.
func (CircuitBreakerFailureConditionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*CircuitBreakerFailureCondition)(nil)).Elem()
}

// FailureStatusCodeRange is the plain shape of FailureStatusCodeRangeArgs.
type FailureStatusCodeRange struct {
	Max *int `pulumi:"max"`
	Min *int `pulumi:"min"`
}

// FailureStatusCodeRangeArgs are an inclusive range of HTTP status codes.
type FailureStatusCodeRangeArgs struct {
	// Max is the highest status code of the range.
	Max pulumi.IntPtrInput
	// Min is the lowest status code of the range.
	Min pulumi.IntPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (FailureStatusCodeRangeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*FailureStatusCodeRange)(nil)).Elem()
}

// BackendCredentialsContract is the plain shape of BackendCredentialsContractArgs.
type BackendCredentialsContract struct {
	Authorization  *BackendAuthorizationHeaderCredentials `pulumi:"authorization"`
	CertificateIds []string                               `pulumi:"certificateIds"`
	Header         map[string][]string                    `pulumi:"header"`
	Query          map[string][]string                    `pulumi:"query"`
}

// BackendCredentialsContractArgs are credentials the gateway sends to a backend.
type BackendCredentialsContractArgs struct {
	// Authorization is an Authorization header scheme and parameter.
	Authorization *BackendAuthorizationHeaderCredentialsArgs
	// CertificateIds are client certificates of the service.
	CertificateIds pulumi.StringArrayInput
	// Header are headers to send, by name.
	Header pulumi.StringArrayMapInput
	// Query are query parameters to send, by name.
	Query pulumi.StringArrayMapInput
}

// ElementType returns the plain shape the Args marshal to.
func (BackendCredentialsContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*BackendCredentialsContract)(nil)).Elem()
}

// BackendAuthorizationHeaderCredentials is the plain shape of BackendAuthorizationHeaderCredentialsArgs.
type BackendAuthorizationHeaderCredentials struct {
	Parameter string `pulumi:"parameter"`
	Scheme    string `pulumi:"scheme"`
}

// BackendAuthorizationHeaderCredentialsArgs are an Authorization header.
type BackendAuthorizationHeaderCredentialsArgs struct {
	// Parameter is the header's parameter. Required.
	Parameter pulumi.StringInput
	// Scheme is the header's scheme. Required.
	Scheme pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (BackendAuthorizationHeaderCredentialsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*BackendAuthorizationHeaderCredentials)(nil)).Elem()
}

// BackendTlsProperties is the plain shape of BackendTlsPropertiesArgs.
type BackendTlsProperties struct {
	ValidateCertificateChain *bool `pulumi:"validateCertificateChain"`
	ValidateCertificateName  *bool `pulumi:"validateCertificateName"`
}

// BackendTlsPropertiesArgs are TLS validation settings; Azure validates both by default.
type BackendTlsPropertiesArgs struct {
	// ValidateCertificateChain checks the backend certificate's chain.
	ValidateCertificateChain pulumi.BoolPtrInput
	// ValidateCertificateName checks the backend certificate's name.
	ValidateCertificateName pulumi.BoolPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (BackendTlsPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*BackendTlsProperties)(nil)).Elem()
}

// NewBackend registers a single backend. It refuses type "Pool", which the Backend
// resource cannot create (see PoolArgs).
func NewBackend(ctx *pulumi.Context, name string, args *BackendArgs, opts ...pulumi.ResourceOption) (*Backend, error) {
	if args != nil {
		if t, ok := args.Type.(pulumi.String); ok && strings.EqualFold(string(t), BackendTypePool) {
			return nil, fmt.Errorf("backend %q: Type %q: the Backend resource cannot create a pool (its schema requires url and protocol, which Azure refuses on a pool); use NewPoolBackend", name, BackendTypePool)
		}
	}
	var res Backend
	if err := azure.Register(ctx, BackendType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
