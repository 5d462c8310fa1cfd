package rules

// MLWorkspacesManagedNetwork advises the approved-outbound-only managed network.
var MLWorkspacesManagedNetwork = register(&Rule{
	Name:           "ml-workspaces-managed-network-isolation",
	Description:    "Azure Machine Learning and AI Foundry workspaces use a managed network that allows only approved outbound traffic.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "6ddb1705-c8cf-450e-aa4b-19ad6703c440", DisplayName: "Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode"},
	},
	Severity: Medium,
	Level:    Advisory,
	Types:    []string{TypeMLWorkspace},
	Check: func(_ *Context, r *Resource) []Finding {
		return requireString(r, "managedNetwork.isolationMode", []string{"AllowOnlyApprovedOutbound"}, "the managed network allows only approved outbound traffic",
			"set it to \"AllowOnlyApprovedOutbound\" and list the outbound rules the workspace needs.")
	},
})
