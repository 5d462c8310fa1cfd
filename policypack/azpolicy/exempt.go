package azpolicy

import "strings"

// Azure Policy does not evaluate some resource types at all (the Azure/azure-policy
// repository's README, "Known issues", "Resources that are exempt from policy
// evaluation", read 2026-12-03): every type of these namespaces, except resource
// groups and subscriptions (so a template deployment, Microsoft.Resources/deployments,
// is never denied by a policy; the resources it deploys are evaluated), and the
// types listed after them.
var (
	exemptNamespaces  = []string{"microsoft.resources/", "microsoft.billing/", "microsoft.capacity/reservationorders", "microsoft.help/", "microsoft.diagnostics/"}
	evaluatedInExempt = map[string]bool{
		"microsoft.resources/subscriptions": true, "microsoft.resources/resourcegroups": true,
		"microsoft.resources/subscriptions/resourcegroups": true,
	}
	exemptTypes = map[string]bool{
		"microsoft.automation/automationaccounts/jobs":                           true,
		"microsoft.cdn/cdnwebapplicationfirewallmanagedrulesets":                 true,
		"microsoft.cdn/edgenodes":                                                true,
		"microsoft.classicnetwork/expressroutecrossconnections":                  true,
		"microsoft.compute/restorepointcollections/restorepoints":                true,
		"microsoft.databricks/workspaces/dbworkspaces":                           true,
		"microsoft.documentdb/databaseaccounts/privateendpointconnectionproxies": true,
		"microsoft.keyvault/vaults/secrets":                                      true,
		"microsoft.kubernetesconfiguration/extensions":                           true,
		"microsoft.maintenance/configurationassignments":                         true,
		"microsoft.maintenance/applyupdates":                                     true,
		"microsoft.security/assessments":                                         true,
		"microsoft.securityinsights/incidents":                                   true,
		"microsoft.servicebus/namespaces/topics":                                 true,
		"microsoft.sql/servers/databases/recommendedsensitivitylabels":           true,
	}
)

// ExemptFromEvaluation says whether Azure Policy never evaluates resources of an
// ARM type (any case).
func ExemptFromEvaluation(armType string) bool { return exemptLower(strings.ToLower(armType)) }

func exemptLower(lt string) bool {
	if exemptTypes[lt] {
		return true
	}
	if evaluatedInExempt[lt] {
		return false
	}
	for _, ns := range exemptNamespaces {
		if strings.HasPrefix(lt, ns) {
			return true
		}
	}
	return false
}
