// Command pulumi-resource-aiready is the ai-ready component provider: a Pulumi
// plugin serving the components to programs in any language (see package provider).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aiready/aiready/provider"
	p "github.com/pulumi/pulumi-go-provider"
)

func main() {
	prov, err := provider.New()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-%s: %v\n", provider.Name, err)
		os.Exit(1)
	}
	if err := p.RunProvider(context.Background(), provider.Name, provider.Version, prov); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-%s: %v\n", provider.Name, err)
		os.Exit(1)
	}
}
