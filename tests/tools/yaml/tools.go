//go:build tools

// Package yaml pins the Pulumi YAML language host the end-to-end tests build and run
// (github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml). It is a module of its
// own so that pulumi-yaml's dependency graph stays apart from the CLI's in the tests
// module; engine.BuildYAMLHost builds it from here.
package yaml

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
