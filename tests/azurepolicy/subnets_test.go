package azurepolicy

import (
	"testing"

	"github.com/aiready/aiready/policypack/azpolicy"
)

func subnet(name string, nsg bool) map[string]any {
	props := map[string]any{"addressPrefix": "10.20.0.0/24"}
	if nsg {
		props["networkSecurityGroup"] = map[string]any{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/" + name + "-nsg"}
	}
	return map[string]any{"name": name, "properties": props}
}

func vnet(subnets ...map[string]any) map[string]any {
	members := make([]any, len(subnets))
	for i, s := range subnets {
		members[i] = s
	}
	return map[string]any{"type": "Microsoft.Network/virtualNetworks", "name": "vnet", "location": "eastus2",
		"properties": map[string]any{"addressSpace": map[string]any{"addressPrefixes": []any{"10.20.0.0/22"}}, "subnets": members}}
}

func standaloneSubnet(s map[string]any) map[string]any {
	return map[string]any{"type": "Microsoft.Network/virtualNetworks/subnets", "name": s["name"], "properties": s["properties"]}
}

// TestSubnetsWithoutNSG: a virtual network whose subnets all carry an NSG (or are
// ones Azure forbids one on) is allowed; one subnet without an NSG, inline or
// standalone, is denied. Counting subnets matters: a bare [*] condition would hold
// for a network without subnets too.
func TestSubnetsWithoutNSG(t *testing.T) {
	pol := libraryPolicy(t, "Deny-Subnet-Without-Nsg", nil)
	allowed := map[string]map[string]any{
		"every subnet with an NSG":           vnet(subnet("privateEndpoints", true), subnet("AzureBastionSubnet", true), subnet("jumpbox", true)),
		"GatewaySubnet without an NSG":       vnet(subnet("privateEndpoints", true), subnet("GatewaySubnet", false)),
		"AzureFirewallSubnet without an NSG": vnet(subnet("AzureFirewallSubnet", false)),
		"no subnets":                         vnet(),
		"standalone subnet with an NSG":      standaloneSubnet(subnet("apim", true)),
		"standalone GatewaySubnet":           standaloneSubnet(subnet("GatewaySubnet", false)),
	}
	for name, res := range allowed {
		if got := verdict(pol, res); got.Outcome != azpolicy.Compliant {
			t.Errorf("%s: %s, want compliant: %s", name, got.Outcome, got.Reason())
		}
	}
	denied := map[string]map[string]any{
		"one subnet without an NSG":          vnet(subnet("privateEndpoints", true), subnet("jumpbox", false)),
		"Bastion subnet without an NSG":      vnet(subnet("AzureBastionSubnet", false)),
		"standalone subnet without an NSG":   standaloneSubnet(subnet("apim", false)),
		"gateway name in another case (ARM)": vnet(subnet("gatewaysubnet2", false)),
	}
	for name, res := range denied {
		if got := verdict(pol, res); got.Outcome != azpolicy.NonCompliant || got.Effect != azpolicy.EffectDeny {
			t.Errorf("%s: %s (%s), want denied: %s", name, got.Outcome, got.Effect, got.Reason())
		}
	}
}
