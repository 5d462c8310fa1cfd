package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestNetworkNoManagementPortsFromInternet(t *testing.T) {
	nsg := fixture(t, "nsg_valid")
	rule := fixture(t, "security_rule_valid")
	const fix = "; remove it, or restrict its source to your management network and reach machines through Azure Bastion."
	runRuleCases(t, NetworkNoManagementPortsFromInternet, []ruleCase{
		{name: "valid NSG", props: nsg},
		{name: "valid NSG, API-version token", token: "azure-native:network/v20240501:NetworkSecurityGroup", props: nsg},
		{name: "valid standalone rule", token: TypeSecurityRule, props: rule},
		{name: "SSH from the internet", props: set(nsg, "securityRules[0].sourceAddressPrefix", "Internet"),
			want: []string{"securityRules[0] (\"allow-bastion-ssh\") allows inbound traffic from the internet to management port 22" + fix}},
		{name: "RDP from any, plural sources", props: set(del(set(nsg, "securityRules[0].sourceAddressPrefixes", []any{"10.0.0.0/8", "0.0.0.0/0"}), "securityRules[0].sourceAddressPrefix"), "securityRules[0].destinationPortRanges", []any{"3389"}),
			want: []string{"securityRules[0] (\"allow-bastion-ssh\") allows inbound traffic from the internet to management port 3389" + fix}},
		{name: "outbound is fine", props: set(set(nsg, "securityRules[0].sourceAddressPrefix", "*"), "securityRules[0].direction", "Outbound")},
		{name: "deny is fine", props: set(set(nsg, "securityRules[0].sourceAddressPrefix", "*"), "securityRules[0].access", "Deny")},
		{name: "ICMP is fine", props: set(set(nsg, "securityRules[0].sourceAddressPrefix", "*"), "securityRules[0].protocol", "Icmp")},
		{name: "standalone rule with a range covering 22", token: TypeSecurityRule, props: set(rule, "destinationPortRanges", []any{"20-30"}),
			want: []string{"the rule allows inbound traffic from the internet to management port 22" + fix}},
		{name: "standalone rule with any port, singular field", token: "azure-native:network/v20240501:SecurityRule",
			props: set(del(rule, "destinationPortRanges"), "destinationPortRange", "*"),
			want:  []string{"the rule allows inbound traffic from the internet to management port 22" + fix}},
		{name: "configured ports", token: TypeSecurityRule, props: rule,
			ctx:  withSettings(NewContext(), func(s *config.Settings) { s.ManagementPorts = []int{443} }),
			want: []string{"the rule allows inbound traffic from the internet to management port 443" + fix}},
		{name: "source unknown", props: set(nsg, "securityRules[0].sourceAddressPrefix", unknown),
			want: []string{"Cannot verify at preview that the rule opens no management port to the internet: securityRules[0].sourceAddressPrefix is not known yet; checked again at update."}},
		{name: "ports unknown", token: TypeSecurityRule, props: set(rule, "destinationPortRanges", unknown),
			want: []string{"Cannot verify at preview that the rule opens no management port to the internet: destinationPortRanges is not known yet; checked again at update."}},
		{name: "unknown that cannot matter", token: TypeSecurityRule, props: set(set(rule, "access", "Deny"), "destinationPortRanges", unknown)},
		{name: "rules unknown", props: set(nsg, "securityRules", unknown),
			want: []string{"Cannot verify at preview that no rule opens a management port to the internet: securityRules is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeSubnet, props: set(nsg, "securityRules[0].sourceAddressPrefix", "*")},
	})
}
