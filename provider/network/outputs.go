package network

import (
	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// SecureNetwork is the component's outputs; the component itself is the library's.
type SecureNetwork struct {
	pulumi.ComponentResource

	VirtualNetworkIDs       pulumi.StringMapOutput    `pulumi:"virtualNetworkIds"`
	SubnetIDs               pulumi.StringMapMapOutput `pulumi:"subnetIds"`
	NetworkSecurityGroupIDs pulumi.StringMapMapOutput `pulumi:"networkSecurityGroupIds"`
	PrivateDNSZoneIDs       pulumi.StringMapOutput    `pulumi:"privateDnsZoneIds"`
	BastionIDs              pulumi.StringMapOutput    `pulumi:"bastionIds"`
	JumpboxIDs              pulumi.StringMapOutput    `pulumi:"jumpboxIds"`
	JumpboxPrincipalIDs     pulumi.StringMapOutput    `pulumi:"jumpboxPrincipalIds"`
	GatewayIDs              pulumi.StringMapOutput    `pulumi:"gatewayIds"`
	DDoSProtectionPlanID    pulumi.StringOutput       `pulumi:"ddosProtectionPlanId"`
}

// Annotate sets the token and documents the outputs.
func (s *SecureNetwork) Annotate(an infer.Annotator) {
	an.SetToken("network", "SecureNetwork")
	mirror.Describe(an, s, nil)
}

// NewSecureNetwork builds the component with securenetwork.New.
func NewSecureNetwork(ctx *pulumi.Context, name string, args SecureNetworkArgs, opts ...pulumi.ResourceOption) (*SecureNetwork, error) {
	return mirror.Construct[SecureNetwork](args, func(la *securenetwork.Args) (*securenetwork.SecureNetwork, error) {
		return securenetwork.New(ctx, name, la, opts...)
	})
}
