package standin

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Tokens of the resources whose side effects the stand-in models.
const (
	sharedPrivateLinkToken    = "azure-native:search:SharedPrivateLinkResource"
	storageConnectionToken    = "azure-native:storage:PrivateEndpointConnection"
	getStorageAccountFunction = "azure-native:storage:getStorageAccount"
)

// getStorageAccount answers azure-native:storage:getStorageAccount from the cloud:
// the account with the private endpoint connections Azure would list on it. A search
// service's shared private link that targets the account creates a connection there,
// Pending and described by the link's request message, named by Azure (here
// "<link name>.<hash>"); a storage PrivateEndpointConnection of that name sets its
// state ("Make outbound connections through a shared private link", Azure AI Search
// docs, read 2026-12-02).
func getStorageAccount(c *Cloud) func(Config, resource.PropertyMap) (resource.PropertyMap, error) {
	return func(cfg Config, args resource.PropertyMap) (resource.PropertyMap, error) {
		account, _ := knownString(args, "accountName")
		group, _ := knownString(args, "resourceGroupName")
		if account == "" || group == "" {
			return nil, fmt.Errorf("accountName and resourceGroupName are required")
		}
		id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Storage/storageAccounts/%s", cfg.SubscriptionID, group, account)
		conns, err := storageConnections(c, id)
		if err != nil {
			return nil, err
		}
		return resource.PropertyMap{
			"id":                         resource.NewProperty(id),
			"name":                       resource.NewProperty(account),
			"type":                       resource.NewProperty("Microsoft.Storage/storageAccounts"),
			"privateEndpointConnections": resource.NewProperty(conns),
		}, nil
	}
}

// storageConnections lists the connections the cloud's shared private links made on
// the account with the given id, with the state their approvals set.
func storageConnections(c *Cloud, accountID string) ([]resource.PropertyValue, error) {
	links, err := c.List(sharedPrivateLinkToken)
	if err != nil {
		return nil, err
	}
	approvals, err := c.List(storageConnectionToken)
	if err != nil {
		return nil, err
	}
	var out []resource.PropertyValue
	for _, l := range links {
		props, _ := l.Inputs["properties"].(map[string]interface{})
		target, _ := props["privateLinkResourceId"].(string)
		if !sameResource(target, accountID) {
			continue
		}
		message, _ := props["requestMessage"].(string)
		name := l.ID[strings.LastIndex(l.ID, "/")+1:] + "." + guid(l.ID)
		state := resource.PropertyMap{"status": resource.NewProperty("Pending"), "description": resource.NewProperty(message)}
		for _, a := range approvals {
			if a.Inputs["privateEndpointConnectionName"] == name {
				if s, ok := a.Inputs["privateLinkServiceConnectionState"].(map[string]interface{}); ok {
					state = resource.NewPropertyMapFromMap(s)
				}
			}
		}
		out = append(out, resource.NewProperty(resource.PropertyMap{
			"id":                                resource.NewProperty(accountID + "/privateEndpointConnections/" + name),
			"name":                              resource.NewProperty(name),
			"type":                              resource.NewProperty("Microsoft.Storage/storageAccounts/privateEndpointConnections"),
			"privateLinkServiceConnectionState": resource.NewProperty(state),
		}))
	}
	return out, nil
}

// sameResource compares two resource ids the way ARM does: case-insensitively, and
// here without the subscription, which the stand-in's ids take from provider config.
func sameResource(a, b string) bool {
	strip := func(id string) string {
		if i := strings.Index(strings.ToLower(id), "/resourcegroups/"); i >= 0 {
			return id[i:]
		}
		return id
	}
	return strings.EqualFold(strip(a), strip(b))
}
