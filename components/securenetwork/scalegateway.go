package securenetwork

import (
	"reflect"

	"github.com/aiready/aiready/azure"

	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ScalableGatewayType is the token of an ErGwScale ExpressRoute gateway. The default
// API version of azure-native's VirtualNetworkGateway (2023-02-01) has neither the
// ErGwScale SKU nor autoScaleConfiguration, so that SKU is registered at API
// 2024-05-01; the other SKUs use the default token.
const ScalableGatewayType = "azure-native:network/v20240501:VirtualNetworkGateway"

// GatewayAutoScaleConfiguration is autoScaleConfiguration of an ErGwScale gateway.
type GatewayAutoScaleConfiguration struct {
	// Bounds are the minimum and maximum scale units.
	Bounds *GatewayAutoScaleBounds `pulumi:"bounds"`
}

// GatewayAutoScaleBounds bound an ErGwScale gateway's scale units.
type GatewayAutoScaleBounds struct {
	// Min is the minimum number of scale units.
	Min int `pulumi:"min"`
	// Max is the maximum number of scale units.
	Max int `pulumi:"max"`
}

// scalableGateway is the plain shape of scalableGatewayArgs, with the azure-native
// property names of VirtualNetworkGateway at API 2024-05-01.
type scalableGateway struct {
	ResourceGroupName      string                                         `pulumi:"resourceGroupName"`
	Location               *string                                        `pulumi:"location"`
	GatewayType            *string                                        `pulumi:"gatewayType"`
	Sku                    *network.VirtualNetworkGatewaySku              `pulumi:"sku"`
	IpConfigurations       []network.VirtualNetworkGatewayIPConfiguration `pulumi:"ipConfigurations"` //nolint:revive // azure-native's Go SDK name for the property
	AutoScaleConfiguration *GatewayAutoScaleConfiguration                 `pulumi:"autoScaleConfiguration"`
	Tags                   map[string]string                              `pulumi:"tags"`
}

// scalableGatewayArgs are the inputs of an ErGwScale gateway: the properties the
// component sets, nothing more.
type scalableGatewayArgs struct {
	ResourceGroupName      pulumi.StringInput
	Location               pulumi.StringPtrInput
	GatewayType            pulumi.StringPtrInput
	Sku                    network.VirtualNetworkGatewaySkuPtrInput
	IpConfigurations       network.VirtualNetworkGatewayIPConfigurationArrayInput //nolint:revive // azure-native's Go SDK name for the property
	AutoScaleConfiguration *GatewayAutoScaleConfiguration
	Tags                   pulumi.StringMapInput
}

// ElementType returns the plain shape the args marshal to.
func (scalableGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*scalableGateway)(nil)).Elem()
}

// newScalableGateway registers an ErGwScale gateway. Its outputs are those of
// network.VirtualNetworkGateway (id, name, ...).
func newScalableGateway(ctx *pulumi.Context, name string, args *scalableGatewayArgs, opts ...pulumi.ResourceOption) (*network.VirtualNetworkGateway, error) {
	var gw network.VirtualNetworkGateway
	if err := azure.Register(ctx, ScalableGatewayType, name, args, &gw, opts...); err != nil {
		return nil, err
	}
	return &gw, nil
}
