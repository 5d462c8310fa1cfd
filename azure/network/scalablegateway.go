package network

import (
	"reflect"

	"github.com/aiready/aiready/azure"
	sdk "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
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

// scalableGateway is the plain shape of ScalableGatewayArgs, with the azure-native
// property names of VirtualNetworkGateway at API 2024-05-01.
type scalableGateway struct {
	ResourceGroupName      string                                     `pulumi:"resourceGroupName"`
	Location               *string                                    `pulumi:"location"`
	GatewayType            *string                                    `pulumi:"gatewayType"`
	Sku                    *sdk.VirtualNetworkGatewaySku              `pulumi:"sku"`
	IpConfigurations       []sdk.VirtualNetworkGatewayIPConfiguration `pulumi:"ipConfigurations"` //nolint:revive // azure-native's Go SDK name for the property
	AutoScaleConfiguration *GatewayAutoScaleConfiguration             `pulumi:"autoScaleConfiguration"`
	Tags                   map[string]string                          `pulumi:"tags"`
}

// ScalableGatewayArgs are the inputs of an ErGwScale gateway: the properties
// SecureNetwork sets, nothing more.
type ScalableGatewayArgs struct {
	// ResourceGroupName is the gateway's resource group (required).
	ResourceGroupName pulumi.StringInput
	// Location is the gateway's Azure region.
	Location pulumi.StringPtrInput
	// GatewayType is "ExpressRoute".
	GatewayType pulumi.StringPtrInput
	// Sku is the gateway SKU: name and tier ErGwScale.
	Sku sdk.VirtualNetworkGatewaySkuPtrInput
	// IpConfigurations are the gateway's IP configurations (its GatewaySubnet and public IP).
	IpConfigurations sdk.VirtualNetworkGatewayIPConfigurationArrayInput //nolint:revive // azure-native's Go SDK name for the property
	// AutoScaleConfiguration bounds the gateway's scale units.
	AutoScaleConfiguration *GatewayAutoScaleConfiguration
	// Tags are the resource tags.
	Tags pulumi.StringMapInput
}

// ElementType returns the plain shape the args marshal to.
func (ScalableGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*scalableGateway)(nil)).Elem()
}

// NewScalableGateway registers an ErGwScale gateway at ScalableGatewayType. Its
// outputs are those of the generated SDK's VirtualNetworkGateway (id, name, ...).
func NewScalableGateway(ctx *pulumi.Context, name string, args *ScalableGatewayArgs, opts ...pulumi.ResourceOption) (*sdk.VirtualNetworkGateway, error) {
	var gw sdk.VirtualNetworkGateway
	if err := azure.Register(ctx, ScalableGatewayType, name, args, &gw, opts...); err != nil {
		return nil, err
	}
	return &gw, nil
}
