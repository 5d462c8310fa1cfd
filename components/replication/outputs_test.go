package replication

import (
	"testing"

	"github.com/aiready/aiready/internal/outputmap"
)

func TestOutputsAreTheTaggedFields(t *testing.T) {
	_, c := run(t, baseline())
	outputmap.CheckComponent(t, c, "storageAccountIds", "storageAccountNames", "blobEndpoints", "containerNames",
		"searchServiceIds", "searchServiceNames", "searchEndpoints", "searchPrincipalIds", "registryId", "registryName",
		"keyVaultId", "keyVaultUri", "coLocation", "crossRegionReason", "replication")
}
