package rules

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// nsgExemptSubnets are the subnets Azure does not allow (or need) an NSG on.
var nsgExemptSubnets = []string{"GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"}

// NetworkSubnetsHaveNSG requires a network security group on every subnet that may have one.
var NetworkSubnetsHaveNSG = register(&Rule{
	Name: "network-subnets-have-nsg",
	Description: "Every subnet has a network security group, except GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet and RouteServerSubnet, " +
		"which Azure exempts (AzureBastionSubnet may carry one).",
	Section:        SectionConnectivity,
	Recommendation: "Secure operational access to AI workloads with Azure Bastion.",
	Mirrors:        "ALZ Deny-Subnet-Without-Nsg (Subnets should have a Network Security Group)",
	Severity:       High,
	Level:          Mandatory,
	Types:          []string{TypeVirtualNetwork, TypeSubnet},
	Check: func(_ *Context, r *Resource) []Finding {
		if r.Type == TypeSubnet {
			name := r.Get("subnetName")
			if name.IsAbsent() {
				name = r.Get("name")
			}
			return checkSubnet(name, r.Get("networkSecurityGroup"), "subnetName", "networkSecurityGroup", "the subnet")
		}
		subnets := r.Get("subnets")
		if subnets.IsUnknown() {
			return []Finding{Unverifiable("subnets", "every subnet has a network security group")}
		}
		var out []Finding
		for i := 0; i < subnets.Len(); i++ {
			s := subnets.Index(i)
			if nsg := s.Field("networkSecurityGroup"); !nsg.IsUnknown() && !nsg.IsAbsent() && !nsg.Field("id").IsAbsent() {
				continue // compliant: no path or label to build
			}
			p := fmt.Sprintf("subnets[%d]", i)
			if s.IsUnknown() {
				out = append(out, Unverifiable(p, "the subnet has a network security group"))
				continue
			}
			label := p
			if n, ok := s.Field("name").Str(); ok {
				label = fmt.Sprintf("%s (%q)", p, n)
			}
			out = append(out, checkSubnet(s.Field("name"), s.Field("networkSecurityGroup"), p+".name", p+".networkSecurityGroup", label)...)
		}
		return out
	},
})

func checkSubnet(name, nsg props.Value, namePath, nsgPath, label string) []Finding {
	if nsg.IsUnknown() {
		return []Finding{Unverifiable(nsgPath, "the subnet has a network security group")}
	}
	if !nsg.IsAbsent() && !nsg.Field("id").IsAbsent() {
		return nil
	}
	if name.IsUnknown() {
		return []Finding{Unverifiable(namePath, "the subnet is exempt from a network security group")}
	}
	if n, ok := name.Str(); ok {
		for _, exempt := range nsgExemptSubnets {
			if strings.EqualFold(n, exempt) {
				return nil
			}
		}
	}
	return []Finding{Violation("%s has no network security group; set %s.id to an NSG that denies what the subnet does not need.", label, nsgPath)}
}
