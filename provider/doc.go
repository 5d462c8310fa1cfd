// Package provider serves the ai-ready components as a Pulumi multi-language
// package: the component provider pulumi-resource-aiready (cmd/pulumi-resource-aiready),
// built with pulumi-go-provider's infer package. Each component is the library's
// own constructor (components/*): the provider converts its inputs into the
// library's Args (internal/mirror), calls the library's New and returns the
// component the library registered, under the library's type token. Nothing is
// implemented twice; the library's validation errors are the provider's errors,
// naming the inputs by their schema names.
//
// The schema (schema.json, from `pulumi package get-schema` on the plugin) and the
// SDKs generated from it (../sdk) are committed; `scripts/gen-sdk` regenerates
// both and the tests fail when either is stale.
package provider
