// Package components is the root of the ai-ready components: one sub-package per
// pulumi.ComponentResource, each usable alone from another Go Pulumi program.
//
//   - managementgroups: ManagementGroupHierarchy, the management groups for AI
//     workloads, their workload subscriptions and their access groups.
//   - policybaseline: AIPolicyBaseline, the policy assignments each group's
//     archetype calls for.
//   - securenetwork: SecureNetwork, per-region networks with DDoS protection, Bastion,
//     a jumpbox, private DNS and hybrid connectivity.
//   - aiendpoint: RegionalAIEndpoint and the API Management gateway across regions.
//   - replication: AssetReplication, AI assets in a primary and a secondary region.
package components
