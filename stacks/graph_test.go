package stacks

import (
	"testing"

	"github.com/aiready/aiready/internal/graph"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/stretchr/testify/require"
)

// graphOf runs a shipped stack under mocks, with the outputs Azure computes (account
// endpoints, the gateway's URL and private address), and builds its network graph.
func graphOf(t *testing.T, stack string) *graph.Model {
	t.Helper()
	rec, err := pulumitest.Run(Program, pulumitest.WithStack(stack), pulumitest.WithConfig(shippedConfig(t, stack)), pulumitest.WithOutputs(graph.Outputs()))
	require.NoError(t, err)
	m, err := graph.New(rec.Resources())
	require.NoError(t, err)
	return m
}

// TestGatewayPoolMembersReachable: from the gateway's subnet, every pool member's
// URL resolves (through the zones linked to the gateway's network) to a private
// endpoint that HTTPS reaches: the same network or one peered both ways, NSGs
// allowing it. This is what failover needs.
func TestGatewayPoolMembersReachable(t *testing.T) {
	for _, stack := range []string{"corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			m := graphOf(t, stack)
			require.Len(t, m.Pools, 1, "one gateway pool")
			require.Len(t, m.Pools[0].Members, len(m.Accounts), "a member per regional endpoint")
			for _, err := range m.CheckPools() {
				t.Error(err)
			}
		})
	}
}
