package securenetwork

import (
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Priorities of the rules every network security group of the component carries. A
// lower number wins: the jumpbox's allow from Bastion (AllowBastionPriority) comes
// before the two denies of the management ports.
const (
	// AllowBastionPriority is the jumpbox subnet's rule allowing SSH from Bastion.
	AllowBastionPriority = 100
	// DenyManagementInternetPriority is the rule denying 22/3389 inbound from Internet.
	DenyManagementInternetPriority = 4000
	// DenyManagementAnyPriority is the rule denying 22/3389 inbound from any source.
	DenyManagementAnyPriority = 4010
)

// Names of the rules every network security group of the component carries.
const (
	DenyManagementInternetRule = "Deny-MgmtPorts-Internet-Inbound"
	DenyManagementAnyRule      = "Deny-MgmtPorts-Any-Inbound"
	AllowBastionRule           = "Allow-Bastion-SSH-Inbound"
)

// ManagementPorts are the ports denied inbound from the internet and from anywhere
// else: SSH and RDP.
func ManagementPorts() []string { return []string{"22", "3389"} }

// rule is one security rule of a network security group.
type rule struct {
	name        string
	priority    int
	direction   string // Inbound | Outbound
	access      string // Allow | Deny
	protocol    string // Tcp | Udp | *
	sources     []string
	dests       []string
	ports       []string
	description string
}

func (r rule) args() network.SecurityRuleTypeArgs {
	a := network.SecurityRuleTypeArgs{
		Name:            pulumi.String(r.name),
		Priority:        pulumi.Int(r.priority),
		Direction:       pulumi.String(r.direction),
		Access:          pulumi.String(r.access),
		Protocol:        pulumi.String(r.protocol),
		SourcePortRange: pulumi.String("*"),
		Description:     pulumi.String(r.description),
	}
	// Azure rejects a rule that sets both the single and the plural field.
	if len(r.sources) == 1 {
		a.SourceAddressPrefix = pulumi.String(r.sources[0])
	} else {
		a.SourceAddressPrefixes = pulumi.ToStringArray(r.sources)
	}
	if len(r.dests) == 1 {
		a.DestinationAddressPrefix = pulumi.String(r.dests[0])
	} else {
		a.DestinationAddressPrefixes = pulumi.ToStringArray(r.dests)
	}
	if len(r.ports) == 1 {
		a.DestinationPortRange = pulumi.String(r.ports[0])
	} else {
		a.DestinationPortRanges = pulumi.ToStringArray(r.ports)
	}
	return a
}

func rulesArgs(rules []rule) network.SecurityRuleTypeArray {
	out := make(network.SecurityRuleTypeArray, 0, len(rules))
	for _, r := range rules {
		out = append(out, r.args())
	}
	return out
}

// denyManagementRules deny SSH and RDP inbound from the Internet service tag and from
// any source, on every protocol (RDP also uses UDP). Explicit rules, so that the
// NSG default AllowVnetInBound cannot let a peered or on-premises network reach the
// ports either; only the jumpbox subnet's higher-priority allow from Bastion does.
func denyManagementRules() []rule {
	return []rule{
		{
			name: DenyManagementInternetRule, priority: DenyManagementInternetPriority,
			direction: "Inbound", access: "Deny", protocol: "*",
			sources: []string{"Internet"}, dests: []string{"*"}, ports: ManagementPorts(),
			description: "Deny SSH and RDP from the internet (AI Ready: no management ports exposed).",
		},
		{
			name: DenyManagementAnyRule, priority: DenyManagementAnyPriority,
			direction: "Inbound", access: "Deny", protocol: "*",
			sources: []string{"*"}, dests: []string{"*"}, ports: ManagementPorts(),
			description: "Deny SSH and RDP from any source; operators come through Azure Bastion.",
		},
	}
}

// privateEndpointRules are the private endpoint subnet's rules (its endpoints enforce
// them: privateEndpointNetworkPolicies is Enabled).
func privateEndpointRules() []rule { return denyManagementRules() }

// apimRules are the rules API Management needs in virtual network mode (stv2), from
// the "Virtual network configuration reference: API Management": inbound management
// on 3443 from the ApiManagement tag and the load balancer's health probe on 6390;
// outbound to Storage, SQL, Key Vault and Azure Monitor. External mode adds HTTPS
// from the internet and Traffic Manager; internal mode allows HTTPS from the
// virtual network. Plain HTTP (80) is not opened.
func apimRules(external bool) []rule {
	rules := []rule{
		{name: "Allow-APIM-Management-Inbound", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp",
			sources: []string{"ApiManagement"}, dests: []string{"VirtualNetwork"}, ports: []string{"3443"},
			description: "API Management control plane (management endpoint)."},
		{name: "Allow-AzureLoadBalancer-Inbound", priority: 110, direction: "Inbound", access: "Allow", protocol: "Tcp",
			sources: []string{"AzureLoadBalancer"}, dests: []string{"VirtualNetwork"}, ports: []string{"6390"},
			description: "Azure infrastructure load balancer health probe."},
	}
	if external {
		rules = append(rules,
			rule{name: "Allow-Client-HTTPS-Inbound", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp",
				sources: []string{"Internet"}, dests: []string{"VirtualNetwork"}, ports: []string{"443"},
				description: "Clients of the external API Management gateway (HTTPS only)."},
			rule{name: "Allow-TrafficManager-Inbound", priority: 130, direction: "Inbound", access: "Allow", protocol: "Tcp",
				sources: []string{"AzureTrafficManager"}, dests: []string{"VirtualNetwork"}, ports: []string{"443"},
				description: "Traffic Manager routing of a multi-region API Management."})
	} else {
		rules = append(rules,
			rule{name: "Allow-VNet-HTTPS-Inbound", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp",
				sources: []string{"VirtualNetwork"}, dests: []string{"VirtualNetwork"}, ports: []string{"443"},
				description: "Clients of the internal API Management gateway (HTTPS only)."})
	}
	rules = append(rules,
		rule{name: "Allow-Storage-Outbound", priority: 100, direction: "Outbound", access: "Allow", protocol: "Tcp",
			sources: []string{"VirtualNetwork"}, dests: []string{"Storage"}, ports: []string{"443"},
			description: "API Management dependency on Azure Storage."},
		rule{name: "Allow-Sql-Outbound", priority: 110, direction: "Outbound", access: "Allow", protocol: "Tcp",
			sources: []string{"VirtualNetwork"}, dests: []string{"Sql"}, ports: []string{"1433"},
			description: "API Management dependency on Azure SQL."},
		rule{name: "Allow-KeyVault-Outbound", priority: 120, direction: "Outbound", access: "Allow", protocol: "Tcp",
			sources: []string{"VirtualNetwork"}, dests: []string{"AzureKeyVault"}, ports: []string{"443"},
			description: "API Management dependency on Azure Key Vault."},
		rule{name: "Allow-AzureMonitor-Outbound", priority: 130, direction: "Outbound", access: "Allow", protocol: "Tcp",
			sources: []string{"VirtualNetwork"}, dests: []string{"AzureMonitor"}, ports: []string{"1886", "443"},
			description: "API Management diagnostics, metrics and Application Insights."},
	)
	return append(rules, denyManagementRules()...)
}

// bastionRules are the rules Azure Bastion requires on AzureBastionSubnet ("Working
// with NSG access and Azure Bastion"), plus the management-port denies (Bastion
// needs no inbound 22/3389; it connects out to them).
func bastionRules() []rule {
	rules := []rule{
		{name: "Allow-HTTPS-Internet-Inbound", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp",
			sources: []string{"Internet"}, dests: []string{"*"}, ports: []string{"443"},
			description: "Operators reach Azure Bastion over HTTPS."},
		{name: "Allow-GatewayManager-Inbound", priority: 130, direction: "Inbound", access: "Allow", protocol: "Tcp",
			sources: []string{"GatewayManager"}, dests: []string{"*"}, ports: []string{"443"},
			description: "Azure Bastion control plane."},
		{name: "Allow-AzureLoadBalancer-Inbound", priority: 140, direction: "Inbound", access: "Allow", protocol: "Tcp",
			sources: []string{"AzureLoadBalancer"}, dests: []string{"*"}, ports: []string{"443"},
			description: "Azure load balancer health probes."},
		{name: "Allow-BastionHostCommunication-Inbound", priority: 150, direction: "Inbound", access: "Allow", protocol: "*",
			sources: []string{"VirtualNetwork"}, dests: []string{"VirtualNetwork"}, ports: []string{"8080", "5701"},
			description: "Data plane between Bastion instances."},
		{name: "Allow-SSH-RDP-Outbound", priority: 100, direction: "Outbound", access: "Allow", protocol: "*",
			sources: []string{"*"}, dests: []string{"VirtualNetwork"}, ports: ManagementPorts(),
			description: "Bastion connects to the target VMs' private IPs."},
		{name: "Allow-AzureCloud-Outbound", priority: 110, direction: "Outbound", access: "Allow", protocol: "Tcp",
			sources: []string{"*"}, dests: []string{"AzureCloud"}, ports: []string{"443"},
			description: "Bastion diagnostics and metering."},
		{name: "Allow-BastionCommunication-Outbound", priority: 120, direction: "Outbound", access: "Allow", protocol: "*",
			sources: []string{"VirtualNetwork"}, dests: []string{"VirtualNetwork"}, ports: []string{"8080", "5701"},
			description: "Data plane between Bastion instances."},
		{name: "Allow-GetSessionInformation-Outbound", priority: 130, direction: "Outbound", access: "Allow", protocol: "*",
			sources: []string{"*"}, dests: []string{"Internet"}, ports: []string{"80"},
			description: "Session and certificate validation."},
	}
	return append(rules, denyManagementRules()...)
}

// jumpboxRules allow SSH to the jumpbox subnet from Bastion's subnet (and any other
// allowed prefixes) before the management-port denies.
func jumpboxRules(sources []string, jumpboxPrefix string) []rule {
	rules := []rule{{
		name: AllowBastionRule, priority: AllowBastionPriority, direction: "Inbound", access: "Allow", protocol: "Tcp",
		sources: sources, dests: []string{jumpboxPrefix}, ports: []string{"22"},
		description: "SSH to the jumpbox from Azure Bastion only.",
	}}
	return append(rules, denyManagementRules()...)
}
