//go:build tools

// Package tools pins what the tests module builds but does not import: the Pulumi
// CLI the end-to-end tests build and run, and the modules the library may use.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
