package policybaseline_test

import (
	"fmt"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The corp baseline of an AI management group, with hybrid networking allowed
// because this workload owns its ExpressRoute gateway, one extra management port
// (WinRM) denied from the internet by the network set's member, and the OpenAI
// set's firewall-rule deny only audited for now.
func Example() {
	zone := func(name string) string {
		return "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/" + name
	}
	args := &policybaseline.Args{
		ManagementGroupID: "ai-corp",
		Archetype:         "corp",
		Location:          "swedencentral",
		DefaultValues: map[string]any{
			"allowedLocations":     []string{"swedencentral", "francecentral"},
			"allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
			"privateDnsZoneIds": map[string]string{
				"cognitiveservices": zone("privatelink.cognitiveservices.azure.com"), "search": zone("privatelink.search.windows.net"),
				"blob": zone("privatelink.blob.core.windows.net"), "vault": zone("privatelink.vaultcore.azure.net"),
				"azureml": zone("privatelink.api.azureml.ms"), "notebooks": zone("privatelink.notebooks.azure.net"),
			},
		},
		Override: &policybaseline.Override{
			AssignmentsToRemove: []string{"Deny-HybridNetworking"},
			Parameters: map[string]map[string]any{
				"Enforce-GR-Network/Deny-Mgmt-From-Internet": {"ports": []string{"22", "3389", "5986"}},
			},
			Effects: map[string]string{"Enforce-GR-OpenAI/Deny-OpenAi-NetworkAcls": "Audit"},
		},
	}
	plan, err := args.Plan()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range plan.Assignments {
		if a.Set == nil {
			fmt.Println(a.Assignment.Name, a.Effect, a.EnforcementMode)
			continue
		}
		fmt.Printf("%s %s: %d of %d members\n", a.Assignment.Name, a.EnforcementMode, len(a.Set.Assigned()), len(a.Set.Members))
	}

	// In a Pulumi program:
	_ = func(ctx *pulumi.Context) error {
		_, err := policybaseline.New(ctx, "ai-corp-baseline", args)
		return err
	}
	// Output:
	// Audit-VM-MgmtPorts AuditIfNotExists Default
	// Audit-VPN-BasicSku Audit Default
	// Enforce-AI-ApprovedModel Deny Default
	// Deny-ML-PublicAccess Deny Default
	// Audit-Storage-GeoRedund Audit Default
	// Deny-Resource-Locations Deny Default
	// Enforce-GR-OpenAI Default: 11 of 11 members
	// Enforce-GR-CogServ Default: 6 of 9 members
	// Enforce-GR-MachLearn Default: 10 of 14 members
	// Enforce-GR-KeyVault Default: 23 of 29 members
	// Enforce-GR-KeyVaultSup Default: 1 of 2 members
	// Enforce-GR-Storage Default: 21 of 22 members
	// Enforce-GR-APIM Default: 10 of 11 members
	// Enforce-GR-Network Default: 12 of 17 members
	// Enforce-GR-ContReg Default: 12 of 12 members
	// Deny-Public-Endpoints Default: 40 of 45 members
	// Deploy-Private-DNS-Zones Default: 5 of 59 members
}
