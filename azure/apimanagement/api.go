package apimanagement

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Values of an API's protocols and type, and of a policy's format.
const (
	ProtocolHTTPS       = "https"
	ApiTypeHTTP         = "http"
	PolicyFormatXML     = "xml"
	PolicyFormatRawXML  = "rawxml"
	PolicyFormatXMLLink = "xml-link"
)

// Api is an API of an API Management service
// (Microsoft.ApiManagement/service/apis, API 2024-05-01).
type Api struct {
	pulumi.CustomResourceState

	// DisplayName is the API's display name.
	DisplayName pulumi.StringPtrOutput `pulumi:"displayName"`
	// IsCurrent reports whether this is the current revision.
	IsCurrent pulumi.BoolPtrOutput `pulumi:"isCurrent"`
	// Name is the API id.
	Name pulumi.StringOutput `pulumi:"name"`
	// Path is the API's URL suffix under the gateway URL.
	Path pulumi.StringOutput `pulumi:"path"`
	// Protocols are the protocols the API is served on.
	Protocols pulumi.StringArrayOutput `pulumi:"protocols"`
	// ServiceUrl is the default backend URL.
	ServiceUrl pulumi.StringPtrOutput `pulumi:"serviceUrl"`
	// SubscriptionRequired reports whether callers need a subscription key.
	SubscriptionRequired pulumi.BoolPtrOutput `pulumi:"subscriptionRequired"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type apiArgs struct {
	ApiId                         *string                                `pulumi:"apiId"`
	ApiRevision                   *string                                `pulumi:"apiRevision"`
	ApiRevisionDescription        *string                                `pulumi:"apiRevisionDescription"`
	ApiType                       *string                                `pulumi:"apiType"`
	ApiVersion                    *string                                `pulumi:"apiVersion"`
	ApiVersionDescription         *string                                `pulumi:"apiVersionDescription"`
	ApiVersionSetId               *string                                `pulumi:"apiVersionSetId"`
	Contact                       *ApiContactInformation                 `pulumi:"contact"`
	Description                   *string                                `pulumi:"description"`
	DisplayName                   *string                                `pulumi:"displayName"`
	Format                        *string                                `pulumi:"format"`
	IsCurrent                     *bool                                  `pulumi:"isCurrent"`
	License                       *ApiLicenseInformation                 `pulumi:"license"`
	Path                          string                                 `pulumi:"path"`
	Protocols                     []string                               `pulumi:"protocols"`
	ResourceGroupName             string                                 `pulumi:"resourceGroupName"`
	ServiceName                   string                                 `pulumi:"serviceName"`
	ServiceUrl                    *string                                `pulumi:"serviceUrl"`
	SourceApiId                   *string                                `pulumi:"sourceApiId"`
	SubscriptionKeyParameterNames *SubscriptionKeyParameterNamesContract `pulumi:"subscriptionKeyParameterNames"`
	SubscriptionRequired          *bool                                  `pulumi:"subscriptionRequired"`
	TermsOfServiceUrl             *string                                `pulumi:"termsOfServiceUrl"`
	Value                         *string                                `pulumi:"value"`
}

// ApiArgs are the inputs of an Api. SOAP/WSDL import and OAuth settings are left out.
type ApiArgs struct {
	// ApiId is the API's id in the service. Optional; auto-named when absent.
	ApiId pulumi.StringPtrInput
	// ApiRevision is the revision ("1" when absent).
	ApiRevision pulumi.StringPtrInput
	// ApiRevisionDescription describes the revision.
	ApiRevisionDescription pulumi.StringPtrInput
	// ApiType is "http", "soap", "websocket", "graphql", ...
	ApiType pulumi.StringPtrInput
	// ApiVersion is the version identifier of a versioned API.
	ApiVersion pulumi.StringPtrInput
	// ApiVersionDescription describes the version.
	ApiVersionDescription pulumi.StringPtrInput
	// ApiVersionSetId is the version set of a versioned API.
	ApiVersionSetId pulumi.StringPtrInput
	// Contact is the API's contact.
	Contact *ApiContactInformationArgs
	// Description may include HTML.
	Description pulumi.StringPtrInput
	// DisplayName is 1-300 characters.
	DisplayName pulumi.StringPtrInput
	// Format is the format of Value when importing ("openapi+json", ...).
	Format pulumi.StringPtrInput
	// IsCurrent marks the current revision.
	IsCurrent pulumi.BoolPtrInput
	// License is the API's license.
	License *ApiLicenseInformationArgs
	// Path is the URL suffix under the gateway URL. Required.
	Path pulumi.StringInput
	// Protocols are "https" (and "http", "ws", "wss").
	Protocols pulumi.StringArrayInput
	// ResourceGroupName is the service's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// ServiceName is the API Management service. Required.
	ServiceName pulumi.StringInput
	// ServiceUrl is the default backend URL (a set-backend-service policy overrides it).
	ServiceUrl pulumi.StringPtrInput
	// SourceApiId is the API a revision or clone derives from.
	SourceApiId pulumi.StringPtrInput
	// SubscriptionKeyParameterNames rename the subscription key header and query parameter.
	SubscriptionKeyParameterNames *SubscriptionKeyParameterNamesContractArgs
	// SubscriptionRequired requires a subscription key on every call.
	SubscriptionRequired pulumi.BoolPtrInput
	// TermsOfServiceUrl is the API's terms of service.
	TermsOfServiceUrl pulumi.StringPtrInput
	// Value is a definition to import, in Format.
	Value pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*apiArgs)(nil)).Elem()
}

// ApiContactInformation is the plain shape of ApiContactInformationArgs.
type ApiContactInformation struct {
	Email *string `pulumi:"email"`
	Name  *string `pulumi:"name"`
	Url   *string `pulumi:"url"`
}

// ApiContactInformationArgs are an API's contact.
type ApiContactInformationArgs struct {
	// Email is the contact's email address.
	Email pulumi.StringPtrInput
	// Name is the contact's name.
	Name pulumi.StringPtrInput
	// Url points to the contact information.
	Url pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiContactInformationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ApiContactInformation)(nil)).Elem()
}

// ApiLicenseInformation is the plain shape of ApiLicenseInformationArgs.
type ApiLicenseInformation struct {
	Name *string `pulumi:"name"`
	Url  *string `pulumi:"url"`
}

// ApiLicenseInformationArgs are an API's license.
type ApiLicenseInformationArgs struct {
	// Name is the license name.
	Name pulumi.StringPtrInput
	// Url points to the license.
	Url pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiLicenseInformationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ApiLicenseInformation)(nil)).Elem()
}

// SubscriptionKeyParameterNamesContract is the plain shape of SubscriptionKeyParameterNamesContractArgs.
type SubscriptionKeyParameterNamesContract struct {
	Header *string `pulumi:"header"`
	Query  *string `pulumi:"query"`
}

// SubscriptionKeyParameterNamesContractArgs name where callers pass the subscription key.
type SubscriptionKeyParameterNamesContractArgs struct {
	// Header is the header name ("Ocp-Apim-Subscription-Key" by default).
	Header pulumi.StringPtrInput
	// Query is the query parameter name ("subscription-key" by default).
	Query pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (SubscriptionKeyParameterNamesContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SubscriptionKeyParameterNamesContract)(nil)).Elem()
}

// NewApi registers an API.
func NewApi(ctx *pulumi.Context, name string, args *ApiArgs, opts ...pulumi.ResourceOption) (*Api, error) {
	var res Api
	if err := azure.Register(ctx, ApiType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// ApiOperation is an operation of an API
// (Microsoft.ApiManagement/service/apis/operations, API 2024-05-01).
type ApiOperation struct {
	pulumi.CustomResourceState

	// DisplayName is the operation's display name.
	DisplayName pulumi.StringOutput `pulumi:"displayName"`
	// Method is the HTTP method.
	Method pulumi.StringOutput `pulumi:"method"`
	// Name is the operation id.
	Name pulumi.StringOutput `pulumi:"name"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
	// UrlTemplate is the operation's URL template.
	UrlTemplate pulumi.StringOutput `pulumi:"urlTemplate"`
}

type apiOperationArgs struct {
	ApiId              string              `pulumi:"apiId"`
	Description        *string             `pulumi:"description"`
	DisplayName        string              `pulumi:"displayName"`
	Method             string              `pulumi:"method"`
	OperationId        *string             `pulumi:"operationId"`
	Policies           *string             `pulumi:"policies"`
	Request            *RequestContract    `pulumi:"request"`
	ResourceGroupName  string              `pulumi:"resourceGroupName"`
	Responses          []ResponseContract  `pulumi:"responses"`
	ServiceName        string              `pulumi:"serviceName"`
	TemplateParameters []ParameterContract `pulumi:"templateParameters"`
	UrlTemplate        string              `pulumi:"urlTemplate"`
}

// ApiOperationArgs are the inputs of an ApiOperation.
type ApiOperationArgs struct {
	// ApiId is the API's id. Required.
	ApiId pulumi.StringInput
	// Description may include HTML.
	Description pulumi.StringPtrInput
	// DisplayName is the operation's display name. Required.
	DisplayName pulumi.StringInput
	// Method is the HTTP method ("POST"). Required.
	Method pulumi.StringInput
	// OperationId is the operation's id in the API. Optional; auto-named when absent.
	OperationId pulumi.StringPtrInput
	// Policies are the operation's policies (an ApiOperationPolicy is the usual place).
	Policies pulumi.StringPtrInput
	// Request describes the request's query parameters, headers and bodies.
	Request *RequestContractArgs
	// ResourceGroupName is the service's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// Responses describe the responses.
	Responses []ResponseContractArgs
	// ServiceName is the API Management service. Required.
	ServiceName pulumi.StringInput
	// TemplateParameters describe the {parameters} of UrlTemplate.
	TemplateParameters []ParameterContractArgs
	// UrlTemplate is the path under the API, e.g. "/deployments/{deployment-id}/embeddings". Required.
	UrlTemplate pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiOperationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*apiOperationArgs)(nil)).Elem()
}

// RequestContract is the plain shape of RequestContractArgs.
type RequestContract struct {
	Description     *string                  `pulumi:"description"`
	Headers         []ParameterContract      `pulumi:"headers"`
	QueryParameters []ParameterContract      `pulumi:"queryParameters"`
	Representations []RepresentationContract `pulumi:"representations"`
}

// RequestContractArgs describe an operation's request.
type RequestContractArgs struct {
	// Description describes the request.
	Description pulumi.StringPtrInput
	// Headers are the request headers.
	Headers []ParameterContractArgs
	// QueryParameters are the query parameters.
	QueryParameters []ParameterContractArgs
	// Representations are the request bodies by content type.
	Representations []RepresentationContractArgs
}

// ElementType returns the plain shape the Args marshal to.
func (RequestContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RequestContract)(nil)).Elem()
}

// ResponseContract is the plain shape of ResponseContractArgs.
type ResponseContract struct {
	Description     *string                  `pulumi:"description"`
	Headers         []ParameterContract      `pulumi:"headers"`
	Representations []RepresentationContract `pulumi:"representations"`
	StatusCode      int                      `pulumi:"statusCode"`
}

// ResponseContractArgs describe one response of an operation.
type ResponseContractArgs struct {
	// Description describes the response.
	Description pulumi.StringPtrInput
	// Headers are the response headers.
	Headers []ParameterContractArgs
	// Representations are the response bodies by content type.
	Representations []RepresentationContractArgs
	// StatusCode is the HTTP status code. Required.
	StatusCode pulumi.IntInput
}

// ElementType returns the plain shape the Args marshal to.
func (ResponseContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ResponseContract)(nil)).Elem()
}

// ParameterContract is the plain shape of ParameterContractArgs.
type ParameterContract struct {
	DefaultValue *string  `pulumi:"defaultValue"`
	Description  *string  `pulumi:"description"`
	Name         string   `pulumi:"name"`
	Required     *bool    `pulumi:"required"`
	SchemaId     *string  `pulumi:"schemaId"`
	Type         string   `pulumi:"type"`
	TypeName     *string  `pulumi:"typeName"`
	Values       []string `pulumi:"values"`
}

// ParameterContractArgs describe a template, query or header parameter.
type ParameterContractArgs struct {
	// DefaultValue is the parameter's default.
	DefaultValue pulumi.StringPtrInput
	// Description describes the parameter.
	Description pulumi.StringPtrInput
	// Name is the parameter's name. Required.
	Name pulumi.StringInput
	// Required marks a mandatory parameter.
	Required pulumi.BoolPtrInput
	// SchemaId is the schema of the parameter.
	SchemaId pulumi.StringPtrInput
	// Type is the parameter type ("string"). Required.
	Type pulumi.StringInput
	// TypeName is the type's name in the schema.
	TypeName pulumi.StringPtrInput
	// Values are the allowed values.
	Values pulumi.StringArrayInput
}

// ElementType returns the plain shape the Args marshal to.
func (ParameterContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ParameterContract)(nil)).Elem()
}

// RepresentationContract is the plain shape of RepresentationContractArgs.
type RepresentationContract struct {
	ContentType    string              `pulumi:"contentType"`
	FormParameters []ParameterContract `pulumi:"formParameters"`
	SchemaId       *string             `pulumi:"schemaId"`
	TypeName       *string             `pulumi:"typeName"`
}

// RepresentationContractArgs describe a body of one content type.
type RepresentationContractArgs struct {
	// ContentType is the body's content type ("application/json"). Required.
	ContentType pulumi.StringInput
	// FormParameters are the fields of a form body.
	FormParameters []ParameterContractArgs
	// SchemaId is the schema of the body.
	SchemaId pulumi.StringPtrInput
	// TypeName is the type's name in the schema.
	TypeName pulumi.StringPtrInput
}

// ElementType returns the plain shape the Args marshal to.
func (RepresentationContractArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*RepresentationContract)(nil)).Elem()
}

// NewApiOperation registers an API operation.
func NewApiOperation(ctx *pulumi.Context, name string, args *ApiOperationArgs, opts ...pulumi.ResourceOption) (*ApiOperation, error) {
	var res ApiOperation
	if err := azure.Register(ctx, ApiOperationType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}

// ApiPolicy is the policy of an API
// (Microsoft.ApiManagement/service/apis/policies, API 2024-05-01).
type ApiPolicy struct {
	pulumi.CustomResourceState

	// Format is the format of Value.
	Format pulumi.StringPtrOutput `pulumi:"format"`
	// Name is the policy id ("policy").
	Name pulumi.StringOutput `pulumi:"name"`
	// Type is the ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
	// Value is the policy document.
	Value pulumi.StringOutput `pulumi:"value"`
}

type apiPolicyArgs struct {
	ApiId             string  `pulumi:"apiId"`
	Format            *string `pulumi:"format"`
	PolicyId          *string `pulumi:"policyId"`
	ResourceGroupName string  `pulumi:"resourceGroupName"`
	ServiceName       string  `pulumi:"serviceName"`
	Value             string  `pulumi:"value"`
}

// ApiPolicyArgs are the inputs of an ApiPolicy.
type ApiPolicyArgs struct {
	// ApiId is the API's id. Required.
	ApiId pulumi.StringInput
	// Format is "xml" (XML-encoded policy expressions), "rawxml" (expressions as
	// written), "xml-link" or "rawxml-link". Optional; Azure defaults to xml.
	Format pulumi.StringPtrInput
	// PolicyId is the policy's id; Azure accepts only "policy". Optional.
	PolicyId pulumi.StringPtrInput
	// ResourceGroupName is the service's resource group. Required.
	ResourceGroupName pulumi.StringInput
	// ServiceName is the API Management service. Required.
	ServiceName pulumi.StringInput
	// Value is the policy document. Required.
	Value pulumi.StringInput
}

// ElementType returns the plain shape the Args marshal to.
func (ApiPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*apiPolicyArgs)(nil)).Elem()
}

// NewApiPolicy registers an API's policy.
func NewApiPolicy(ctx *pulumi.Context, name string, args *ApiPolicyArgs, opts ...pulumi.ResourceOption) (*ApiPolicy, error) {
	var res ApiPolicy
	if err := azure.Register(ctx, ApiPolicyType, name, args, &res, opts...); err != nil {
		return nil, err
	}
	return &res, nil
}
