package managementgroups_test

import (
	"fmt"

	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// A corp and an online group for AI workloads under an Azure landing zone's
// "landingzones" group, each with its workload subscription and access groups.
func Example() {
	program := func(ctx *pulumi.Context) error {
		h, err := managementgroups.New(ctx, "ai", &managementgroups.Args{
			ParentID: "landingzones",
			PlatformSubscriptions: managementgroups.PlatformSubscriptions{
				Connectivity: []string{"33333333-3333-3333-3333-333333333333"},
			},
			Groups: []managementgroups.Group{
				{ID: "ai-corp", DisplayName: "AI (internal)", Archetype: managementgroups.ArchetypeCorp,
					Subscriptions: []string{"11111111-1111-1111-1111-111111111111"},
					Access: managementgroups.Access{
						Owners:  managementgroups.EntraGroup{Create: true},
						Readers: managementgroups.EntraGroup{Create: true},
					}},
				{ID: "ai-online", DisplayName: "AI (internet-facing)", Archetype: managementgroups.ArchetypeOnline,
					Subscriptions: []string{"22222222-2222-2222-2222-222222222222"}},
			},
		})
		if err != nil {
			return err
		}
		corp, _ := h.ResourceID("ai-corp")
		fmt.Println(corp)
		ctx.Export("groupIds", h.GroupIDs)
		return nil
	}
	rec, err := pulumitest.Run(program)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Count("azure-native:management:ManagementGroup"), "management groups,",
		rec.Count("azure-native:management:ManagementGroupSubscription"), "subscriptions placed,",
		rec.Count("azuread:index/group:Group"), "Entra ID groups")
	// Output:
	// /providers/Microsoft.Management/managementGroups/ai-corp
	// 2 management groups, 2 subscriptions placed, 2 Entra ID groups
}

// Placing a platform subscription in an AI group fails before anything is created.
func Example_platformSubscription() {
	_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := managementgroups.New(ctx, "ai", &managementgroups.Args{
			ParentID:              "landingzones",
			PlatformSubscriptions: managementgroups.PlatformSubscriptions{Identity: []string{"33333333-3333-3333-3333-333333333333"}},
			Groups: []managementgroups.Group{{ID: "ai-corp", Archetype: "corp",
				Subscriptions: []string{"33333333-3333-3333-3333-333333333333"}}},
		})
		return err
	})
	fmt.Println(err != nil)
	// Output: true
}
