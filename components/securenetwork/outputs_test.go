package securenetwork

import (
	"testing"

	"github.com/aiready/aiready/internal/outputmap"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestOutputsAreTheTaggedFields(t *testing.T) {
	var c *SecureNetwork
	pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		var err error
		c, err = New(ctx, "net", onlineArgs())
		return err
	})
	outputmap.CheckComponent(t, c, "virtualNetworkIds", "subnetIds", "networkSecurityGroupIds", "privateDnsZoneIds",
		"bastionIds", "jumpboxIds", "jumpboxPrincipalIds", "gatewayIds", "ddosProtectionPlanId")
}
