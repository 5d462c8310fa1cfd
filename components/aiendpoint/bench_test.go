package aiendpoint

import (
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// BenchmarkNewRegionalAIEndpoint measures one endpoint (account, private endpoint,
// DNS zone group, two deployments, diagnostics) under mocks.
func BenchmarkNewRegionalAIEndpoint(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pulumitest.Run(func(ctx *pulumi.Context) error {
			_, err := NewRegionalAIEndpoint(ctx, "ai", validEndpointArgs("eastus"))
			return err
		}, pulumitest.WithOutputs(azureOutputs)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewAIGateway measures a gateway over three regions under mocks.
func BenchmarkNewAIGateway(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pulumitest.Run(func(ctx *pulumi.Context) error {
			_, err := NewAIGateway(ctx, "gw", validGatewayArgs("eastus", "swedencentral", "westus3"))
			return err
		}, pulumitest.WithOutputs(azureOutputs)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate measures the validation of an endpoint's arguments alone.
func BenchmarkValidate(b *testing.B) {
	b.ReportAllocs()
	args := validEndpointArgs("eastus")
	for b.Loop() {
		if err := args.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
