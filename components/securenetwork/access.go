package securenetwork

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/compute/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// VirtualMachineAdministratorLoginRoleID is the built-in role "Virtual Machine
// Administrator Login": sign in to a VM with Entra ID as an administrator.
const VirtualMachineAdministratorLoginRoleID = "1c0163c0-47e6-4577-8991-ea5c82e286e4"

// publicIP creates a Standard, static IPv4 public IP; zones ["1","2","3"] when
// zoneRedundant.
func (b *builder) publicIP(resName string, reg resolvedRegion, zoneRedundant bool) (*network.PublicIPAddress, error) {
	args := &network.PublicIPAddressArgs{
		ResourceGroupName:        reg.ResourceGroupName,
		Location:                 pulumi.String(reg.Location),
		Sku:                      network.PublicIPAddressSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")},
		PublicIPAllocationMethod: pulumi.String("Static"),
		PublicIPAddressVersion:   pulumi.String("IPv4"),
		Tags:                     b.tags,
	}
	if zoneRedundant {
		args.Zones = pulumi.ToStringArray([]string{"1", "2", "3"})
	}
	pip, err := network.NewPublicIPAddress(b.ctx, resName, args, b.opts()...)
	if err != nil {
		return nil, b.wrap(resName, err)
	}
	return pip, nil
}

// bastion creates Azure Bastion (Standard SKU) with its public IP, the only public IP
// of the component apart from the gateways'.
func (b *builder) bastion(prefix string, reg resolvedRegion, subnetID pulumi.StringOutput) (pulumi.StringOutput, error) {
	pip, err := b.publicIP(prefix+"-bastion-pip", reg, false)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	resName := prefix + "-bastion"
	host, err := network.NewBastionHost(b.ctx, resName, &network.BastionHostArgs{
		ResourceGroupName: reg.ResourceGroupName,
		Location:          pulumi.String(reg.Location),
		Sku:               network.SkuArgs{Name: pulumi.String("Standard")},
		ScaleUnits:        pulumi.Int(b.r.bastionUnits),
		// Native client support: `az network bastion ssh --auth-type AAD`.
		EnableTunneling:     pulumi.Bool(true),
		EnableIpConnect:     pulumi.Bool(b.args.Bastion.IPConnect),
		EnableShareableLink: pulumi.Bool(false),
		IpConfigurations: network.BastionHostIPConfigurationArray{network.BastionHostIPConfigurationArgs{
			Name:            pulumi.String("default"),
			Subnet:          network.SubResourceArgs{Id: subnetID},
			PublicIPAddress: network.SubResourceArgs{Id: pip.ID().ToStringOutput()},
		}},
		Tags: b.tags,
	}, b.opts()...)
	if err != nil {
		return pulumi.StringOutput{}, b.wrap(resName, err)
	}
	return host.ID().ToStringOutput(), nil
}

// jumpbox creates the jumpbox: a NIC without public IP, a Linux VM with a managed
// identity, boot diagnostics and Trusted Launch, the Entra ID sign-in extension and
// the administrator role assignments. It returns the VM id and its principal id.
func (b *builder) jumpbox(prefix string, reg resolvedRegion, subnetID pulumi.StringOutput) (pulumi.StringOutput, pulumi.StringOutput, error) {
	var none pulumi.StringOutput
	j := b.r.jumpbox

	nicName := prefix + "-jumpbox-nic"
	nic, err := network.NewNetworkInterface(b.ctx, nicName, &network.NetworkInterfaceArgs{
		ResourceGroupName:  reg.ResourceGroupName,
		Location:           pulumi.String(reg.Location),
		EnableIPForwarding: pulumi.Bool(false),
		IpConfigurations: network.NetworkInterfaceIPConfigurationArray{network.NetworkInterfaceIPConfigurationArgs{
			Name:                      pulumi.String("ipconfig1"),
			Primary:                   pulumi.Bool(true),
			PrivateIPAllocationMethod: pulumi.String("Dynamic"),
			Subnet:                    network.SubnetTypeArgs{Id: subnetID},
		}},
		Tags: b.tags,
	}, b.opts()...)
	if err != nil {
		return none, none, b.wrap(nicName, err)
	}

	linux := compute.LinuxConfigurationArgs{
		ProvisionVMAgent: pulumi.Bool(true),
		PatchSettings: compute.LinuxPatchSettingsArgs{
			PatchMode:      pulumi.String("AutomaticByPlatform"),
			AssessmentMode: pulumi.String("AutomaticByPlatform"),
		},
	}
	osProfile := compute.OSProfileArgs{
		ComputerName:  pulumi.String(computerName(reg.Location)),
		AdminUsername: pulumi.String(j.AdminUsername),
	}
	if j.SSHPublicKey != nil {
		linux.DisablePasswordAuthentication = pulumi.Bool(true)
		linux.Ssh = compute.SshConfigurationArgs{PublicKeys: compute.SshPublicKeyTypeArray{compute.SshPublicKeyTypeArgs{
			Path:    pulumi.String("/home/" + j.AdminUsername + "/.ssh/authorized_keys"),
			KeyData: j.SSHPublicKey,
		}}}
	} else {
		linux.DisablePasswordAuthentication = pulumi.Bool(false)
		osProfile.AdminPassword = pulumi.ToSecret(j.AdminPassword.ToStringOutput()).(pulumi.StringOutput)
	}
	osProfile.LinuxConfiguration = linux

	vmName := prefix + "-jumpbox"
	vm, err := compute.NewVirtualMachine(b.ctx, vmName, &compute.VirtualMachineArgs{
		ResourceGroupName: reg.ResourceGroupName,
		Location:          pulumi.String(reg.Location),
		HardwareProfile:   compute.HardwareProfileArgs{VmSize: pulumi.String(j.Size)},
		OsProfile:         osProfile,
		StorageProfile: compute.StorageProfileArgs{
			ImageReference: compute.ImageReferenceArgs{
				Publisher: pulumi.String(b.r.image.Publisher),
				Offer:     pulumi.String(b.r.image.Offer),
				Sku:       pulumi.String(b.r.image.SKU),
				Version:   pulumi.String(b.r.image.Version),
			},
			OsDisk: compute.OSDiskArgs{
				CreateOption: pulumi.String("FromImage"),
				Caching:      compute.CachingTypesReadWrite,
				DeleteOption: pulumi.String("Delete"),
				ManagedDisk:  compute.ManagedDiskParametersArgs{StorageAccountType: pulumi.String(j.OSDiskType)},
			},
		},
		NetworkProfile: compute.NetworkProfileArgs{NetworkInterfaces: compute.NetworkInterfaceReferenceArray{
			compute.NetworkInterfaceReferenceArgs{Id: nic.ID().ToStringOutput(), Primary: pulumi.Bool(true)},
		}},
		Identity: compute.VirtualMachineIdentityArgs{Type: compute.ResourceIdentityTypeSystemAssigned},
		// Boot diagnostics without a storage URI use managed storage.
		DiagnosticsProfile: compute.DiagnosticsProfileArgs{BootDiagnostics: compute.BootDiagnosticsArgs{Enabled: pulumi.Bool(true)}},
		SecurityProfile: compute.SecurityProfileArgs{
			SecurityType: pulumi.String("TrustedLaunch"),
			UefiSettings: compute.UefiSettingsArgs{SecureBootEnabled: pulumi.Bool(true), VTpmEnabled: pulumi.Bool(true)},
		},
		Tags: b.tags,
	}, b.opts()...)
	if err != nil {
		return none, none, b.wrap(vmName, err)
	}

	extName := prefix + "-jumpbox-aadlogin"
	if _, err := compute.NewVirtualMachineExtension(b.ctx, extName, &compute.VirtualMachineExtensionArgs{
		ResourceGroupName:       reg.ResourceGroupName,
		Location:                pulumi.String(reg.Location),
		VmName:                  vm.Name,
		Publisher:               pulumi.String("Microsoft.Azure.ActiveDirectory"),
		Type:                    pulumi.String("AADSSHLoginForLinux"),
		TypeHandlerVersion:      pulumi.String("1.0"),
		AutoUpgradeMinorVersion: pulumi.Bool(true),
		Tags:                    b.tags,
	}, b.opts()...); err != nil {
		return none, none, b.wrap(extName, err)
	}

	vmID := vm.ID().ToStringOutput()
	roleDef := vmID.ApplyT(func(id string) string {
		// /subscriptions/<s>/... → the built-in role in that subscription.
		sub := strings.SplitN(strings.TrimPrefix(id, "/"), "/", 3)
		if len(sub) >= 2 {
			return fmt.Sprintf("/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s", sub[1], VirtualMachineAdministratorLoginRoleID)
		}
		return "/providers/Microsoft.Authorization/roleDefinitions/" + VirtualMachineAdministratorLoginRoleID
	}).(pulumi.StringOutput)
	for i, group := range j.AdminGroupObjectIDs {
		raName := fmt.Sprintf("%s-jumpbox-admin-%d", prefix, i)
		if _, err := authorization.NewRoleAssignment(b.ctx, raName, &authorization.RoleAssignmentArgs{
			PrincipalId:      group,
			PrincipalType:    pulumi.String("Group"),
			RoleDefinitionId: roleDef,
			Scope:            vmID,
			Description:      pulumi.String("Entra ID administrator sign-in to the AI Ready jumpbox"),
		}, b.opts()...); err != nil {
			return none, none, b.wrap(raName, err)
		}
	}
	return vmID, vm.Identity.PrincipalId().Elem(), nil
}

// computerName is the jumpbox's host name: "jumpbox-<location>", at most 64 characters.
func computerName(location string) string {
	n := "jumpbox-" + location
	if len(n) > 64 {
		n = n[:64]
	}
	return n
}
