// Package cognitiveservices registers azure-native 2.90.0 Azure AI services
// resources (Microsoft.CognitiveServices): Account, Deployment and RaiPolicy.
//
// The resources use the explicit API version 2024-10-01
// (azure-native:cognitiveservices/v20241001:*): the default version of the
// provider, 2023-05-01, has no networkAcls.bypass, which an internet-facing
// account needs to keep trusted Azure services working behind defaultAction Deny,
// and no tags on deployments. All three resources use the same version so an
// account and its children are read and written with one API contract.
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with XArgs
// holding Inputs whose `pulumi` tags are the azure-native input names, nested
// shapes as *NestedArgs / []NestedArgs whose ElementType is the plain struct, and
// typed outputs (an account's properties.endpoint, identity.principalId) through
// registered Output types.
package cognitiveservices
