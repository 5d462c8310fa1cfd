package rules

import (
	"fmt"

	"github.com/aiready/aiready/policypack/props"
)

// NetworkNoPublicIPOnNICs refuses public IP addresses on network interfaces and VMs.
var NetworkNoPublicIPOnNICs = register(&Rule{
	Name:           "network-no-public-ip-on-nics",
	Description:    "Network interfaces, virtual machines and scale sets have no public IP address; operators reach them through Azure Bastion.",
	Section:        SectionConnectivity,
	Recommendation: "Secure operational access to AI workloads with Azure Bastion.",
	BuiltIns: []BuiltIn{
		{ID: "83a86a26-fd1f-447c-b59d-e51f44264114", DisplayName: "Network interfaces should not have public IPs", ALZSets: []string{"Enforce-Guardrails-Network_20250326"}},
	},
	Mirrors:  "ALZ corp assignment Deny-Public-IP-On-NIC",
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeNetworkInterface, TypeVirtualMachine, TypeVMScaleSet},
	Check: func(_ *Context, r *Resource) []Finding {
		switch r.Type {
		case TypeNetworkInterface:
			return checkIPConfigs(r.Get("ipConfigurations"), "ipConfigurations", "publicIPAddress")
		case TypeVirtualMachine:
			return checkNICConfigs(r.Get("networkProfile.networkInterfaceConfigurations"), "networkProfile.networkInterfaceConfigurations")
		default:
			return checkNICConfigs(r.Get("virtualMachineProfile.networkProfile.networkInterfaceConfigurations"),
				"virtualMachineProfile.networkProfile.networkInterfaceConfigurations")
		}
	},
})

func checkNICConfigs(nics props.Value, path string) []Finding {
	if nics.IsUnknown() {
		return []Finding{Unverifiable(path, "no network interface has a public IP address")}
	}
	var out []Finding
	for i := 0; i < nics.Len(); i++ {
		p := fmt.Sprintf("%s[%d]", path, i)
		nic := nics.Index(i)
		if nic.IsUnknown() {
			out = append(out, Unverifiable(p, "no network interface has a public IP address"))
			continue
		}
		out = append(out, checkIPConfigs(nic.Field("ipConfigurations"), p+".ipConfigurations", "publicIPAddressConfiguration")...)
	}
	return out
}

func checkIPConfigs(configs props.Value, path, key string) []Finding {
	if configs.IsUnknown() {
		return []Finding{Unverifiable(path, "no IP configuration has a public IP address")}
	}
	var out []Finding
	for i := 0; i < configs.Len(); i++ {
		p := fmt.Sprintf("%s[%d].%s", path, i, key)
		pip := configs.Index(i).Field(key)
		switch {
		case pip.IsUnknown():
			out = append(out, Unverifiable(p, "the IP configuration has no public IP address"))
		case !pip.IsAbsent():
			out = append(out, Violation("%s is set; remove the public IP address and reach the machine through Azure Bastion.", p))
		}
	}
	return out
}
