package policybaseline_test

import (
	"fmt"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The corp baseline of an AI management group, with hybrid networking allowed
// because this workload owns its ExpressRoute gateway, and one extra management
// port (WinRM) denied from the internet.
func Example() {
	args := &policybaseline.Args{
		ManagementGroupID: "ai-corp",
		Archetype:         "corp",
		Location:          "swedencentral",
		DefaultValues: map[string]any{
			"allowedLocations":     []string{"swedencentral", "francecentral"},
			"allowedModelAssetIds": []string{"azureml://registries/azure-openai/models/gpt-4o/versions/2024-11-20"},
		},
		Override: &policybaseline.Override{
			AssignmentsToRemove: []string{"Deny-HybridNetworking"},
			Parameters: map[string]map[string]any{
				"Deny-MgmtPorts-Internet": {"ports": []string{"22", "3389", "5986"}},
			},
		},
	}
	plan, err := args.Plan()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range plan.Assignments[:4] {
		fmt.Println(a.Assignment.Name, a.Effect, a.EnforcementMode)
	}
	fmt.Println(len(plan.Assignments), "assignments")

	// In a Pulumi program:
	_ = func(ctx *pulumi.Context) error {
		_, err := policybaseline.New(ctx, "ai-corp-baseline", args)
		return err
	}
	// Output:
	// Audit-AI-PrivateLink Audit Default
	// Audit-Storage-GeoRedund Audit Default
	// Audit-VM-MgmtPorts AuditIfNotExists Default
	// Audit-VPN-BasicSku Audit Default
	// 24 assignments
}
