package network

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	sdk "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestScalableGatewayArgsMatchTheSchema checks the typed ErGwScale gateway's Go
// structs (tags, nesting, required inputs) against API 2024-05-01.
func TestScalableGatewayArgsMatchTheSchema(t *testing.T) {
	s := azschema.ForTest(t)
	for _, err := range s.CheckArgs(ScalableGatewayType, &ScalableGatewayArgs{}) {
		t.Error(err)
	}
	r, err := s.Resource(ScalableGatewayType)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Inputs.Props["autoScaleConfiguration"]; !ok {
		t.Errorf("%s has no autoScaleConfiguration input; ErGwScale needs API 2024-05-01 or later", ScalableGatewayType)
	}
}

func TestScalableGatewayRegistersAtItsAPIVersion(t *testing.T) {
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewScalableGateway(ctx, "ergw", &ScalableGatewayArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          pulumi.String("eastus2"),
			GatewayType:       pulumi.String("ExpressRoute"),
			Sku:               sdk.VirtualNetworkGatewaySkuArgs{Name: pulumi.String("ErGwScale"), Tier: pulumi.String("ErGwScale")},
			IpConfigurations: sdk.VirtualNetworkGatewayIPConfigurationArray{sdk.VirtualNetworkGatewayIPConfigurationArgs{
				Name:   pulumi.String("default"),
				Subnet: sdk.SubResourceArgs{Id: pulumi.String("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet")},
			}},
			AutoScaleConfiguration: &GatewayAutoScaleConfiguration{Bounds: &GatewayAutoScaleBounds{Min: 10, Max: 20}},
			Tags:                   pulumi.StringMap{"team": pulumi.String("net")},
		})
		return err
	})
	gw := rec.Named(t, ScalableGatewayType, "ergw")
	if gw.Version != "2.90.0" {
		t.Errorf("version = %q, want 2.90.0", gw.Version)
	}
	for path, want := range map[string]string{"resourceGroupName": "rg", "sku.name": "ErGwScale", "sku.tier": "ErGwScale", "gatewayType": "ExpressRoute",
		"ipConfigurations[0].subnet.id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet", "tags.team": "net"} {
		if got := gw.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	lo, _ := gw.Number("autoScaleConfiguration.bounds.min")
	hi, _ := gw.Number("autoScaleConfiguration.bounds.max")
	if lo != 10 || hi != 20 {
		t.Errorf("scale units %v-%v, want 10-20", lo, hi)
	}
}

func TestScalableGatewayRequiresResourceGroup(t *testing.T) {
	_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := NewScalableGateway(ctx, "ergw", &ScalableGatewayArgs{Location: pulumi.String("eastus2")})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "ResourceGroupName") {
		t.Fatalf("want an error naming the missing ResourceGroupName, got %v", err)
	}
}
