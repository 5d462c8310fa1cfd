package rules

import "testing"

func TestNetworkSubnetsHaveNSG(t *testing.T) {
	vnet := fixture(t, "vnet_valid")
	subnet := fixture(t, "subnet_valid")
	runRuleCases(t, NetworkSubnetsHaveNSG, []ruleCase{
		{name: "valid network", props: vnet},
		{name: "valid network, API-version token", token: "azure-native:network/v20240501:VirtualNetwork", props: vnet},
		{name: "valid subnet", token: TypeSubnet, props: subnet},
		{name: "NSG id unknown at preview is an NSG", token: TypeSubnet, props: set(subnet, "networkSecurityGroup.id", unknown)},
		{name: "exempt subnets", token: TypeSubnet, props: set(del(subnet, "networkSecurityGroup"), "subnetName", "AzureFirewallSubnet")},
		{name: "inline subnet without NSG", props: del(vnet, "subnets[0].networkSecurityGroup"),
			want: []string{"subnets[0] (\"snet-pe\") has no network security group; set subnets[0].networkSecurityGroup.id to an NSG that denies what the subnet does not need."}},
		{name: "bastion subnet without NSG", props: del(vnet, "subnets[1].networkSecurityGroup"),
			want: []string{"subnets[1] (\"AzureBastionSubnet\") has no network security group; set subnets[1].networkSecurityGroup.id to an NSG that denies what the subnet does not need."}},
		{name: "standalone subnet without NSG", token: TypeSubnet, props: del(subnet, "networkSecurityGroup"),
			want: []string{"the subnet has no network security group; set networkSecurityGroup.id to an NSG that denies what the subnet does not need."}},
		{name: "NSG unknown", token: TypeSubnet, props: set(subnet, "networkSecurityGroup", unknown),
			want: []string{"Cannot verify at preview that the subnet has a network security group: networkSecurityGroup is not known yet; checked again at update."}},
		{name: "name unknown and no NSG", token: TypeSubnet, props: set(del(subnet, "networkSecurityGroup"), "subnetName", unknown),
			want: []string{"Cannot verify at preview that the subnet is exempt from a network security group: subnetName is not known yet; checked again at update."}},
		{name: "subnets unknown", props: set(vnet, "subnets", unknown),
			want: []string{"Cannot verify at preview that every subnet has a network security group: subnets is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeNSG, props: del(subnet, "networkSecurityGroup")},
	})
}
