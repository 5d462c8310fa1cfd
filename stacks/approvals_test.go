package stacks

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryPrivateEndpointConnectionIsApproved: a connection the stack asks for and
// nobody approves stays Pending and carries no traffic. The stack's own private
// endpoints ask through privateLinkServiceConnections (approved automatically for an
// owner of the target), never manual ones; every AI Search shared private link's
// connection on a storage account is approved by a storage PrivateEndpointConnection
// of the name Azure lists for that link's request.
func TestEveryPrivateEndpointConnectionIsApproved(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			rec, err := runStack(t, stack, shippedConfig(t, stack))
			require.NoError(t, err)
			for _, pe := range rec.ByType("azure-native:network:PrivateEndpoint") {
				assert.Zero(t, pe.Len("manualPrivateLinkServiceConnections"), "%s asks for manual approval", pe.Name)
				assert.Equal(t, 1, pe.Len("privateLinkServiceConnections"), "%s", pe.Name)
			}
			approvals := rec.ByType("azure-native:storage:PrivateEndpointConnection")
			links := rec.ByType(pulumitest.SharedPrivateLinkType)
			if stack != "dev" {
				require.NotEmpty(t, links, "the %s stack's search services read RAG data through shared private links", stack)
			}
			for _, link := range links {
				assert.True(t, approved(rec, link, approvals), "%s: its connection on %s is never approved", link.Name, link.String("properties.privateLinkResourceId"))
			}
		})
	}
}

// approved reports whether one of approvals approves link's connection: on the
// link's target account, with the status Approved and the name the account lists
// for the link's request message.
func approved(rec *pulumitest.Recorder, link pulumitest.Resource, approvals []pulumitest.Resource) bool {
	target := link.String("properties.privateLinkResourceId")
	for _, a := range approvals {
		account, ok := storageAccountNamed(rec, a.String("accountName"), a.String("resourceGroupName"))
		if !ok || account.ID != target || a.String("privateLinkServiceConnectionState.status") != "Approved" {
			continue
		}
		if strings.HasPrefix(a.String("privateEndpointConnectionName"), link.Name+".") &&
			a.String("privateLinkServiceConnectionState.description") == link.String("properties.requestMessage") {
			return true
		}
	}
	return false
}

// storageAccountNamed finds a recorded storage account by its Azure name and group.
func storageAccountNamed(rec *pulumitest.Recorder, name, group string) (pulumitest.Resource, bool) {
	for _, r := range rec.ByType("azure-native:storage:StorageAccount") {
		if r.String("accountName") == name && r.String("resourceGroupName") == group {
			return r, true
		}
	}
	return pulumitest.Resource{}, false
}
