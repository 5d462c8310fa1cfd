package standin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// TestSharedPrivateLinkConnections: a shared private link leaves a Pending
// connection on its target storage account, which getStorageAccount lists with the
// link's request message, across provider processes (the cloud directory), until a
// storage PrivateEndpointConnection of that name approves it; a deleted link takes
// its connection with it.
func TestSharedPrivateLinkConnections(t *testing.T) {
	cloud := &Cloud{dir: t.TempDir()}
	const account = "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/contosoaipri"
	link := "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/srch/sharedPrivateLinkResources/blob-contosoaipri"
	must(t, cloud.Put(account, "azure-native:storage:StorageAccount", resource.PropertyMap{"accountName": resource.NewProperty("contosoaipri")}))
	must(t, cloud.Put(link, "azure-native:search/v20231101:SharedPrivateLinkResource", resource.NewPropertyMapFromMap(map[string]interface{}{
		"properties": map[string]interface{}{"privateLinkResourceId": account, "groupId": "blob", "requestMessage": "please"},
	})))
	get := getStorageAccount(cloud)
	args := resource.PropertyMap{"accountName": resource.NewProperty("contosoaipri"), "resourceGroupName": resource.NewProperty("rg-ai")}
	conns := connections(t, get, args)
	if len(conns) != 1 {
		t.Fatalf("connections = %v, want the link's one", conns)
	}
	c := conns[0].ObjectValue()
	name := c["name"].StringValue()
	state := c["privateLinkServiceConnectionState"].ObjectValue()
	if state["status"].StringValue() != "Pending" || state["description"].StringValue() != "please" {
		t.Fatalf("state = %v, want Pending with the request message", state)
	}
	must(t, cloud.Put(account+"/privateEndpointConnections/"+name, "azure-native:storage:PrivateEndpointConnection", resource.NewPropertyMapFromMap(map[string]interface{}{
		"accountName": "contosoaipri", "resourceGroupName": "rg-ai", "privateEndpointConnectionName": name,
		"privateLinkServiceConnectionState": map[string]interface{}{"status": "Approved", "description": "please"},
	})))
	reopened := getStorageAccount(&Cloud{dir: cloud.dir})
	if got := connections(t, reopened, args)[0].ObjectValue()["privateLinkServiceConnectionState"].ObjectValue()["status"].StringValue(); got != "Approved" {
		t.Fatalf("status after approval, read by another process = %q", got)
	}
	other := resource.PropertyMap{"accountName": resource.NewProperty("contosoaisec"), "resourceGroupName": resource.NewProperty("rg-ai")}
	if got := connections(t, get, other); len(got) != 0 {
		t.Fatalf("another account lists %v", got)
	}
	must(t, cloud.Delete(link))
	if got := connections(t, get, args); len(got) != 0 {
		t.Fatalf("after the link is deleted: %v", got)
	}
}

func connections(t *testing.T, get func(Config, resource.PropertyMap) (resource.PropertyMap, error), args resource.PropertyMap) []resource.PropertyValue {
	t.Helper()
	out, err := get(Config{SubscriptionID: "s"}, args)
	if err != nil {
		t.Fatal(err)
	}
	return out["privateEndpointConnections"].ArrayValue()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
