package rules

// NetworkVMsRequireBastion requires Azure Bastion wherever there are virtual machines.
var NetworkVMsRequireBastion = register(&Rule{
	Name:           "network-vms-require-bastion",
	Description:    "A stack with virtual machines also has an Azure Bastion host (or config externalBastion says a hub provides one), so that operators never reach machines from the internet.",
	Section:        SectionConnectivity,
	Recommendation: "Secure operational access to AI workloads with Azure Bastion.",
	Mirrors:        "None in Azure Policy: the guide's jumpbox and Azure Bastion recommendation",
	Severity:       Medium,
	Level:          Mandatory,
	Types:          []string{TypeVirtualMachine, TypeVMScaleSet, TypeBastionHost},
	Config:         []string{"externalBastion"},
	CheckStack: func(ctx *Context, s *Stack) []Finding {
		if ctx.Settings.ExternalBastion || len(s.OfType(TypeBastionHost)) > 0 {
			return nil
		}
		var out []Finding
		for _, t := range [...]string{TypeVirtualMachine, TypeVMScaleSet} {
			for _, vm := range s.OfType(t) {
				out = append(out, Violation("virtual machine %q has no Azure Bastion host in the stack; add one (network:BastionHost in AzureBastionSubnet), or set externalBastion in the network-vms-require-bastion config when a hub provides it.",
					vm.Label()).At(vm.URN))
			}
		}
		return out
	},
})
