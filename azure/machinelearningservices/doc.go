// Package machinelearningservices registers azure-native 2.90.0 Azure Machine
// Learning resources (Microsoft.MachineLearningServices): Registry, at the default
// token azure-native:machinelearningservices:Registry (API 2023-04-01, which has
// every property of a multi-region registry: registryProperties.regionDetails with
// system-created storage and container registries, publicNetworkAccess, a managed
// resource group).
//
// A registry holds models, environments, components and data that workspaces in any
// region can use; each entry of regionDetails replicates its assets to one region.
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with XArgs
// holding Inputs whose `pulumi` tags are the azure-native input names, and typed
// outputs (ManagedServiceIdentityResponsePtrOutput, RegistryResponseOutput).
package machinelearningservices
