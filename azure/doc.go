// Package azure is the root of a small typed layer over azure-native 2.90.0
// resources whose generated Go SDK modules cannot be had here (management,
// cognitiveservices, apimanagement, search, machinelearningservices), or whose
// generated SDK resource sits at an API version without what a component needs
// (network: the ErGwScale ExpressRoute gateway).
//
// Each sub-package registers its resources by type token with
// pulumi.Version("2.90.0") through Register, exactly as the generated SDK does, so
// the real azure-native provider serves them. Register derives the required
// arguments from each resource's plain shape (its non-pointer fields), so a
// constructor never lists them by hand. Args structs carry the azure-native input names
// in their `pulumi:"..."` tags; each package's tests check every token and property
// name against the @pulumi/azure-native@2.90.0 type definitions (internal/azschema),
// so a misspelt property fails a test instead of a deployment.
//
// The layer holds only what the components need, but each resource it has is
// complete for the properties the components set.
package azure

// ProviderVersion is the azure-native provider version every resource of the layer
// asks for, and the version of the type definitions internal/azschema checks them
// against. It must match the version of the azure-native Go SDK modules in go.mod,
// or Pulumi loads two azure-native plugins; a test parses go.mod and fails when
// they differ.
const ProviderVersion = "2.90.0"
