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
	nic, err := b.jumpboxNIC(prefix, reg, subnetID)
	if err != nil {
		return none, none, err
	}
	vm, err := b.jumpboxVM(prefix, reg, nic)
	if err != nil {
		return none, none, err
	}
	vmID := vm.ID().ToStringOutput()
	if err := b.jumpboxSignIn(prefix, reg, vm.Name, vmID); err != nil {
		return none, none, err
	}
	return vmID, vm.Identity.PrincipalId().Elem(), nil
}

// jumpboxNIC creates the jumpbox's network interface: a dynamic private address in
// the jumpbox subnet, no public IP, no IP forwarding.
func (b *builder) jumpboxNIC(prefix string, reg resolvedRegion, subnetID pulumi.StringOutput) (*network.NetworkInterface, error) {
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
		return nil, b.wrap(nicName, err)
	}
	return nic, nil
}

// jumpboxOSProfile is the jumpbox's Linux profile: platform patching, and either the
// SSH key with password sign-in disabled or the administrator password as a secret.
func (b *builder) jumpboxOSProfile(location string) compute.OSProfileArgs {
	j := b.r.jumpbox
	linux := compute.LinuxConfigurationArgs{
		ProvisionVMAgent: pulumi.Bool(true),
		PatchSettings: compute.LinuxPatchSettingsArgs{
			PatchMode:      pulumi.String("AutomaticByPlatform"),
			AssessmentMode: pulumi.String("AutomaticByPlatform"),
		},
	}
	osProfile := compute.OSProfileArgs{
		ComputerName:  pulumi.String(computerName(location)),
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
	return osProfile
}

// jumpboxVM creates the jumpbox VM on its NIC: a system-assigned identity, managed
// boot diagnostics and Trusted Launch.
func (b *builder) jumpboxVM(prefix string, reg resolvedRegion, nic *network.NetworkInterface) (*compute.VirtualMachine, error) {
	j := b.r.jumpbox
	vmName := prefix + "-jumpbox"
	vm, err := compute.NewVirtualMachine(b.ctx, vmName, &compute.VirtualMachineArgs{
		ResourceGroupName: reg.ResourceGroupName,
		Location:          pulumi.String(reg.Location),
		HardwareProfile:   compute.HardwareProfileArgs{VmSize: pulumi.String(j.Size)},
		OsProfile:         b.jumpboxOSProfile(reg.Location),
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
		return nil, b.wrap(vmName, err)
	}
	return vm, nil
}

// jumpboxSignIn creates the Entra ID sign-in extension on the jumpbox and the
// Virtual Machine Administrator Login role assignment of each administrator group.
func (b *builder) jumpboxSignIn(prefix string, reg resolvedRegion, vmName, vmID pulumi.StringOutput) error {
	extName := prefix + "-jumpbox-aadlogin"
	if _, err := compute.NewVirtualMachineExtension(b.ctx, extName, &compute.VirtualMachineExtensionArgs{
		ResourceGroupName:       reg.ResourceGroupName,
		Location:                pulumi.String(reg.Location),
		VmName:                  vmName,
		Publisher:               pulumi.String("Microsoft.Azure.ActiveDirectory"),
		Type:                    pulumi.String("AADSSHLoginForLinux"),
		TypeHandlerVersion:      pulumi.String("1.0"),
		AutoUpgradeMinorVersion: pulumi.Bool(true),
		Tags:                    b.tags,
	}, b.opts()...); err != nil {
		return b.wrap(extName, err)
	}

	roleDef := vmID.ApplyT(func(id string) string {
		// /subscriptions/<s>/... → the built-in role in that subscription.
		sub := strings.SplitN(strings.TrimPrefix(id, "/"), "/", 3)
		if len(sub) >= 2 {
			return fmt.Sprintf("/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s", sub[1], VirtualMachineAdministratorLoginRoleID)
		}
		return "/providers/Microsoft.Authorization/roleDefinitions/" + VirtualMachineAdministratorLoginRoleID
	}).(pulumi.StringOutput)
	for i, group := range b.r.jumpbox.AdminGroupObjectIDs {
		raName := fmt.Sprintf("%s-jumpbox-admin-%d", prefix, i)
		if _, err := authorization.NewRoleAssignment(b.ctx, raName, &authorization.RoleAssignmentArgs{
			PrincipalId:      group,
			PrincipalType:    pulumi.String("Group"),
			RoleDefinitionId: roleDef,
			Scope:            vmID,
			Description:      pulumi.String("Entra ID administrator sign-in to the AI Ready jumpbox"),
		}, b.opts()...); err != nil {
			return b.wrap(raName, err)
		}
	}
	return nil
}

// computerName is the jumpbox's host name: "jumpbox-<location>", at most 64 characters.
func computerName(location string) string {
	n := "jumpbox-" + location
	if len(n) > 64 {
		n = n[:64]
	}
	return n
}
