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
//
// Every package has the same skeleton (skeleton_test.go checks it): the type token
// "aiready:<module>:<Component>" as TypeToken and the constructor New, or, in a
// package with several components (aiendpoint), <Component>TypeToken and
// New<Component>; registration with RegisterComponentResourceV2 and a summary of
// the inputs; the outputs declared once, as the component struct's `pulumi:"..."`
// fields, and registered from them (internal/outputmap).
package components
