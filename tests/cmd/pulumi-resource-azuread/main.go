// Command pulumi-resource-azuread is the azuread 5.17.0 provider stand-in of the
// end-to-end tests: a test double of Entra ID that validates every resource's
// inputs against the @pulumi/azuread 5.17.0 definitions and creates nothing.
package main

import (
	"fmt"
	"os"

	"github.com/aiready/aiready/tests/internal/standin"
)

func main() {
	s, err := standin.LoadAzureAD()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-azuread (stand-in): loading the azuread %s definitions: %v\n", standin.AzureADVersion, err)
		os.Exit(1)
	}
	if err := standin.Serve(standin.AzureAD(s)); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-azuread (stand-in): %v\n", err)
		os.Exit(1)
	}
}
