// Package governance is the schema module "governance" of the aiready package:
// ManagementGroupHierarchy (aiready:governance:ManagementGroupHierarchy) and
// AIPolicyBaseline (aiready:governance:AIPolicyBaseline), served by the library's
// managementgroups and policybaseline constructors. The input types mirror the
// library's Args field by field (package mirror), with the library's doc comments.
package governance
