package stacks

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClientEndpointsResolve: from every network of the stack, the gateway's host
// name and every AI endpoint's host name resolve through the zones linked to that
// network, to an address in a network peered with it (an External gateway is public
// by design).
func TestClientEndpointsResolve(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			m := graphOf(t, stack)
			require.NotEmpty(t, m.StackVNets())
			require.NotEmpty(t, m.Accounts)
			for _, err := range m.CheckClientEndpoints() {
				t.Error(err)
			}
		})
	}
}
