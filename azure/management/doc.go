// Package management registers azure-native 2.90.0 management-group resources
// (Microsoft.Management): ManagementGroup and ManagementGroupSubscription.
//
// It mirrors the generated SDK's shapes: NewX(ctx, name, args, opts...) with
// XArgs holding Inputs whose `pulumi` tags are the azure-native input names.
package management
