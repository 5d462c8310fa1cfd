// Package network registers the azure-native 2.90.0 network resource the Go SDK's
// default API version cannot express: an ExpressRoute gateway of the ErGwScale SKU.
//
// azure-native's VirtualNetworkGateway defaults to API 2023-02-01, which has neither
// the ErGwScale SKU nor autoScaleConfiguration; ScalableGateway registers the gateway
// at API 2024-05-01 (token azure-native:network/v20240501:VirtualNetworkGateway)
// through azure.Register, with the properties SecureNetwork sets, and returns the
// generated SDK's VirtualNetworkGateway for its outputs (id, name, ...). Every other
// network resource comes from the generated SDK module.
//
// The package's tests check the token and every input name and nesting against the
// @pulumi/azure-native@2.90.0 definitions (internal/azschema) and what a registration
// sends.
package network
