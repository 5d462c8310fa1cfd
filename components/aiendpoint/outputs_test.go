package aiendpoint

import (
	"testing"

	"github.com/aiready/aiready/internal/outputmap"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestRegionalAIEndpointOutputsAreItsTaggedFields(t *testing.T) {
	var comp *RegionalAIEndpoint
	runOK(t, func(ctx *pulumi.Context) error {
		var err error
		comp, err = NewRegionalAIEndpoint(ctx, "ai-eastus", validEndpointArgs("eastus"))
		return err
	})
	outputmap.CheckComponent(t, comp, "accountId", "accountName", "endpoint", "principalId", "deploymentNames", "location", "privateEndpointId")
}

func TestAIGatewayOutputsAreItsTaggedFields(t *testing.T) {
	var comp *Gateway
	runOK(t, func(ctx *pulumi.Context) error {
		var err error
		comp, err = NewAIGateway(ctx, "gw", validGatewayArgs("eastus", "swedencentral"))
		return err
	})
	outputmap.CheckComponent(t, comp, "serviceId", "serviceName", "gatewayUrl", "openAiEndpoint", "principalId", "privateIpAddresses", "poolBackendId", "backendIds")
}

// The deprecated names keep building the same component.
func TestDeprecatedGatewayNamesAreAliases(t *testing.T) {
	if GatewayType != AIGatewayTypeToken || RegionalAIEndpointType != RegionalAIEndpointTypeToken {
		t.Fatalf("GatewayType %q, RegionalAIEndpointType %q", GatewayType, RegionalAIEndpointType)
	}
	build := func(newGateway func(*pulumi.Context, string, *GatewayArgs, ...pulumi.ResourceOption) (*Gateway, error)) []string {
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := newGateway(ctx, "gw", validGatewayArgs("eastus", "swedencentral"))
			return err
		})
		return childTypes(rec, component(t, rec, AIGatewayTypeToken, "gw"))
	}
	old, current := build(NewGateway), build(NewAIGateway) //nolint:staticcheck // the deprecated alias is what is tested
	if len(current) == 0 || len(old) != len(current) {
		t.Fatalf("NewGateway built %q, NewAIGateway %q", old, current)
	}
	for i := range old {
		if old[i] != current[i] {
			t.Fatalf("NewGateway built %q, NewAIGateway %q", old, current)
		}
	}
}
