package rules

import "testing"

func TestNetworkNoPublicIPOnNICs(t *testing.T) {
	nic := fixture(t, "nic_valid")
	vm := fixture(t, "vm_valid")
	vmInline := set(vm, "networkProfile.networkInterfaceConfigurations", []any{
		map[string]any{"name": "nic", "ipConfigurations": []any{map[string]any{"name": "ip"}}},
	})
	runRuleCases(t, NetworkNoPublicIPOnNICs, []ruleCase{
		{name: "valid NIC", props: nic},
		{name: "valid NIC, API-version token", token: "azure-native:network/v20240501:NetworkInterface", props: nic},
		{name: "valid VM", token: TypeVirtualMachine, props: vm},
		{name: "valid VM with inline NICs", token: TypeVirtualMachine, props: vmInline},
		{name: "NIC with public IP (id unknown at preview)", props: set(nic, "ipConfigurations[0].publicIPAddress", map[string]any{"id": unknown}),
			want: []string{"ipConfigurations[0].publicIPAddress is set; remove the public IP address and reach the machine through Azure Bastion."}},
		{name: "VM with inline public IP", token: TypeVirtualMachine,
			props: set(vmInline, "networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration", map[string]any{"name": "pip"}),
			want:  []string{"networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration is set; remove the public IP address and reach the machine through Azure Bastion."}},
		{name: "scale set with public IP", token: TypeVMScaleSet,
			props: set(fixture(t, "vm_valid"), "virtualMachineProfile", map[string]any{"networkProfile": map[string]any{"networkInterfaceConfigurations": []any{
				map[string]any{"name": "nic", "ipConfigurations": []any{map[string]any{"name": "ip", "publicIPAddressConfiguration": map[string]any{"name": "pip"}}}},
			}}}),
			want: []string{"virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration is set; remove the public IP address and reach the machine through Azure Bastion."}},
		{name: "public IP unknown", props: set(nic, "ipConfigurations[0].publicIPAddress", unknown),
			want: []string{"Cannot verify at preview that the IP configuration has no public IP address: ipConfigurations[0].publicIPAddress is not known yet; checked again at update."}},
		{name: "IP configurations unknown", props: set(nic, "ipConfigurations", unknown),
			want: []string{"Cannot verify at preview that no IP configuration has a public IP address: ipConfigurations is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeSubnet, props: set(nic, "ipConfigurations[0].publicIPAddress", map[string]any{"id": "x"})},
	})
}
