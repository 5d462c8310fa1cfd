package rules

import "testing"

func TestMLWorkspacesDisablePublicNetwork(t *testing.T) {
	base := fixture(t, "ml_workspace_valid")
	const fix = "; set it to \"Disabled\" and reach the workspace through a private endpoint."
	runRuleCases(t, MLWorkspacesDisablePublicNetwork, []ruleCase{
		{name: "valid", props: base},
		{name: "valid, API-version token", token: "azure-native:machinelearningservices/v20250401:Workspace", props: base},
		{name: "enabled", props: set(base, "publicNetworkAccess", "Enabled"), want: []string{"publicNetworkAccess is \"Enabled\"" + fix}},
		{name: "not set", props: del(base, "publicNetworkAccess"), want: []string{"publicNetworkAccess is not set" + fix}},
		{name: "unknown", props: set(base, "publicNetworkAccess", unknown),
			want: []string{"Cannot verify at preview that public network access is disabled: publicNetworkAccess is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeSearchService, props: set(base, "publicNetworkAccess", "Enabled")},
	})
}

func TestMLWorkspacesManagedNetwork(t *testing.T) {
	base := fixture(t, "ml_workspace_valid")
	const fix = "; set it to \"AllowOnlyApprovedOutbound\" and list the outbound rules the workspace needs."
	runRuleCases(t, MLWorkspacesManagedNetwork, []ruleCase{
		{name: "valid", props: base},
		{name: "internet outbound", props: set(base, "managedNetwork.isolationMode", "AllowInternetOutbound"),
			want: []string{"managedNetwork.isolationMode is \"AllowInternetOutbound\"" + fix}},
		{name: "no managed network", props: del(base, "managedNetwork"), want: []string{"managedNetwork.isolationMode is not set" + fix}},
		{name: "unknown", props: set(base, "managedNetwork", unknown),
			want: []string{"Cannot verify at preview that the managed network allows only approved outbound traffic: managedNetwork.isolationMode is not known yet; checked again at update."}},
		{name: "another type is ignored", token: TypeAccount, props: del(base, "managedNetwork")},
	})
}
