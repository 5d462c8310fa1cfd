// Package search registers azure-native 2.90.0 Azure AI Search resources
// (Microsoft.Search) at the explicit API version 2023-11-01: Service and
// SharedPrivateLinkResource.
//
// The default azure-native token (search:Service) uses API 2022-09-01, which has no
// semanticSearch; 2023-11-01 is the newest generally available version and has
// every property the components set. The tokens are therefore
// azure-native:search/v20231101:Service and
// azure-native:search/v20231101:SharedPrivateLinkResource.
//
// Enum values of this API are lower-case: publicNetworkAccess "disabled" /
// "enabled", sku.name "basic", "standard", ..., semanticSearch "disabled", "free",
// "standard", hostingMode "default" / "highDensity".
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with XArgs
// holding Inputs whose `pulumi` tags are the azure-native input names, and typed
// outputs (IdentityResponsePtrOutput for identity.principalId).
package search
