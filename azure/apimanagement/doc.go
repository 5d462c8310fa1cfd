// Package apimanagement registers azure-native 2.90.0 API Management resources
// (Microsoft.ApiManagement) for a GenAI gateway: ApiManagementService, Backend,
// Api, ApiOperation and ApiPolicy, and the pool backend NewPoolBackend deploys.
//
// Every resource uses the explicit API version 2024-05-01
// (azure-native:apimanagement/v20240501:*). The provider's default version,
// 2022-08-01, has neither the backend pool (type Pool, pool.services) nor the
// circuit breaker (circuitBreaker.rules) the gateway is built on, and mixing
// versions for a service and its children is avoided.
//
// A load-balanced pool (type Pool, pool.services) is not a Backend resource: the
// REST specification, and with it azure-native's Check, requires a backend's url and
// protocol (url with minLength 1, so an empty string fails Check), while ARM refuses
// both on a pool ("Url is not supported for backend pool. Protocol is not supported
// for backend pool."; Azure/bicep#14097, Azure/azure-rest-api-specs#35713). No value
// passes both. NewPoolBackend declares the pool in an ARM template (API 2024-05-01,
// properties type and pool only) that a resources:Deployment deploys in incremental
// mode; NewPoolBackend's documentation says what an update and a destroy do.
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with XArgs
// holding Inputs whose `pulumi` tags are the azure-native input names, nested
// shapes as *NestedArgs / []NestedArgs whose ElementType is the plain struct, and
// typed outputs (a service's gatewayUrl and identity.principalId).
package apimanagement
