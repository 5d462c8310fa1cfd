// Command pulumi-resource-azure-native is the azure-native 2.90.0 provider stand-in
// of the end-to-end tests: a test double of Azure that validates every resource's
// inputs against the azure-native type definitions and creates nothing. See
// package standin for what it emulates.
package main

import (
	"fmt"
	"os"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/tests/internal/standin"
)

func main() {
	s, err := azschema.Load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-azure-native (stand-in): loading the azure-native %s definitions: %v\n", azschema.PackageVersion, err)
		os.Exit(1)
	}
	if err := standin.Serve(standin.AzureNative(s)); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-azure-native (stand-in): %v\n", err)
		os.Exit(1)
	}
}
