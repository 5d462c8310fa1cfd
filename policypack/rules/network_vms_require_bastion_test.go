package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func TestNetworkVMsRequireBastion(t *testing.T) {
	vm := res(TypeVirtualMachine, "jumpbox", fixture(t, "vm_valid"))
	bastion := res("azure-native:network/v20240501:BastionHost", "bastion", fixture(t, "vnet_valid"))
	runStackCases(t, NetworkVMsRequireBastion, []stackCase{
		{name: "VM and Bastion", resources: []*Resource{vm, bastion}},
		{name: "no VM", resources: []*Resource{res(TypeStorageAccount, "st", fixture(t, "storage_valid"))}},
		{name: "VM without Bastion", resources: []*Resource{vm, res("azure-native:compute/v20240301:VirtualMachine", "vm2", fixture(t, "vm_valid"))},
			want: []string{
				urn(TypeVirtualMachine, "jumpbox") + ": virtual machine \"jumpbox\" has no Azure Bastion host in the stack; add one (network:BastionHost in AzureBastionSubnet), or set externalBastion in the network-vms-require-bastion config when a hub provides it.",
				urn("azure-native:compute/v20240301:VirtualMachine", "vm2") + ": virtual machine \"vm2\" has no Azure Bastion host in the stack; add one (network:BastionHost in AzureBastionSubnet), or set externalBastion in the network-vms-require-bastion config when a hub provides it.",
			}},
		{name: "Bastion in a hub", resources: []*Resource{vm}, ctx: withSettings(NewContext(), func(s *config.Settings) { s.ExternalBastion = true })},
	})
}
