package rules

import "testing"

func TestAIServicesPrivateEndpoint(t *testing.T) {
	acct := func() *Resource { return res(TypeAccount, "aoai", fixture(t, "account_valid")) }
	pe := func() *Resource { return res(TypePrivateEndpoint, "pe", fixture(t, "private_endpoint_valid")) }
	// At preview the account's id is unknown; the engine says where it came from.
	previewPE := func(a *Resource) *Resource {
		p := res(TypePrivateEndpoint, "pe", set(fixture(t, "private_endpoint_valid"), "privateLinkServiceConnections[0].privateLinkServiceId", unknown))
		p.PropertyDependencies = map[string][]string{"privateLinkServiceConnections": {a.URN}}
		return p
	}
	a := acct()
	other := res("azure-native:cognitiveservices/v20241001:Account", "aoai2", set(fixture(t, "account_valid"), "accountName", "aoai-other"))
	runStackCases(t, AIServicesPrivateEndpoint, []stackCase{
		{name: "endpoint by id", resources: []*Resource{acct(), pe()}},
		{name: "endpoint by dependency at preview", resources: []*Resource{a, previewPE(a)}},
		{name: "no accounts", resources: []*Resource{pe()}},
		{name: "account without endpoint", resources: []*Resource{acct(), pe(), other},
			want: []string{urn("azure-native:cognitiveservices/v20241001:Account", "aoai2") + ": account \"aoai2\" has no private endpoint; add a network:PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account's id, with groupIds [\"account\"]."}},
		{name: "endpoint target unknown without dependency", resources: []*Resource{acct(), res(TypePrivateEndpoint, "pe", set(fixture(t, "private_endpoint_valid"), "privateLinkServiceConnections[0].privateLinkServiceId", unknown))},
			want: []string{urn(TypeAccount, "aoai") + ": Cannot verify at preview that account \"aoai\" has a private endpoint: privateLinkServiceConnections[].privateLinkServiceId is not known yet; checked again at update."}},
	})
}
