// Package pulumitest runs Pulumi programs under the SDK's mocks and records every
// resource they register, so that tests can assert the resource tree (types, names,
// parents), the inputs that matter for security, and the resource options
// (protect, retainOnDelete, provider) instead of trusting a component's own outputs.
//
// It is internal: it serves this module's tests and the tests module, and is not
// part of the library's API.
package pulumitest
