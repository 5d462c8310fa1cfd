// Package apimanagement registers azure-native 2.90.0 API Management resources
// (Microsoft.ApiManagement) for a GenAI gateway: ApiManagementService, Backend,
// Api, ApiOperation and ApiPolicy.
//
// Every resource uses the explicit API version 2024-05-01
// (azure-native:apimanagement/v20240501:*). The provider's default version,
// 2022-08-01, has neither the backend pool (type Pool, pool.services) nor the
// circuit breaker (circuitBreaker.rules) the gateway is built on, and mixing
// versions for a service and its children is avoided.
//
// Known schema friction: the REST specification, and with it the provider's Check,
// marks a backend's url and protocol required even for a pool, while Azure refuses
// both on a pool ("Url is not supported for backend pool";
// Azure/azure-rest-api-specs#35713). Backend keeps the schema's contract (Url and
// Protocol are required arguments); for a pool, pass empty strings
// (PoolBackendArgs does): the provider's Check only tests that the properties are
// present, and an empty value is what a pool has.
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with XArgs
// holding Inputs whose `pulumi` tags are the azure-native input names, nested
// shapes as *NestedArgs / []NestedArgs whose ElementType is the plain struct, and
// typed outputs (a service's gatewayUrl and identity.principalId).
package apimanagement
