package stacks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlacementInAnALZEstate checks the shipped placements: each AI group sits
// under its ALZ group, and its baseline assigns only what the estate does not
// (recorded in every assignment's metadata for the policy pack).
func TestPlacementInAnALZEstate(t *testing.T) {
	cases := map[string]struct {
		parent, parentArchetype string
		inherited               []string // a few of the names the estate covers
		sets                    int      // policy set definitions the baseline still registers
	}{
		"corp":   {"corp", "alz-corp", []string{"Deny-HybridNetworking", "Deny-Public-Endpoints", "Enforce-GR-OpenAI", "Deploy-Private-DNS-Zones"}, 0},
		"online": {"online", "alz-online", []string{"Enable-DDoS-VNET", "Enforce-GR-Network", "Enforce-GR-Storage"}, 0},
		"dev":    {"sandbox", "alz-sandbox", []string{"Enforce-ALZ-Sandbox"}, 9},
	}
	for stack, want := range cases {
		t.Run(stack, func(t *testing.T) {
			rec, err := runStack(t, stack, shippedConfig(t, stack))
			require.NoError(t, err)
			group := rec.ByType("azure-native:management:ManagementGroup")
			require.Len(t, group, 1)
			assert.Equal(t, groupPrefix+want.parent, group[0].String("details.parent.id"))
			assert.Len(t, rec.ByType(typePolicySet), want.sets)
			assignments := rec.ByType(typePolicyAssignment)
			require.NotEmpty(t, assignments)
			for _, a := range assignments {
				assert.Equal(t, want.parentArchetype, a.String("metadata.aiready.parentArchetype"), a.Name)
				inherited, _ := plainValue(mustInput(a, "metadata")).(map[string]any)["aiready"].(map[string]any)["inherited"].([]any)
				for _, name := range want.inherited {
					assert.Contains(t, inherited, name, "%s: the estate assigns %s", a.Name, name)
					assert.NotEqual(t, name, a.String("policyAssignmentName"), "%s is not assigned again under %s", name, want.parentArchetype)
				}
			}
		})
	}
}

func TestBadPlacement(t *testing.T) {
	cases := []struct {
		name, stack, parentArchetype, hybrid, want string
	}{
		{"corp under online", "corp", "alz-online", "", `ai-ready:managementGroup.parentArchetype: "alz-online" for the corp stack: use one of none, alz-landingzones, alz-corp (what the estate assigns above the group: corp AI belongs under alz-corp)`},
		{"online under corp", "online", "alz-corp", "", `ai-ready:managementGroup.parentArchetype: "alz-corp" for the online stack: use one of none, alz-landingzones, alz-online`},
		{"unknown", "dev", "alz-playground", "", `ai-ready:managementGroup.parentArchetype: "alz-playground" for the dev stack: use one of none, alz-landingzones, alz-sandbox`},
		{"own gateway under ALZ corp", "corp", "alz-corp", `{"mode":"VPN","onPremisesDeviceIp":"203.0.113.10","onPremisesPrefixes":["192.168.0.0/16"]}`,
			"ai-ready:managementGroup.parentArchetype: alz-corp with hybrid.mode VPN: the estate's corp group denies gateways in workload subscriptions (ALZ's Deny-HybridNetworking)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := shippedConfig(t, tc.stack)
			cfg["ai-ready:managementGroup"] = withParentArchetype(t, cfg["ai-ready:managementGroup"], tc.parentArchetype)
			if tc.hybrid != "" {
				cfg["ai-ready:hybrid"] = tc.hybrid
			}
			rec, err := runStack(t, tc.stack, cfg)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, rec.ByType(typePolicyAssignment), "nothing is registered")
		})
	}
}
