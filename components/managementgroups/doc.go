// Package managementgroups provides ManagementGroupHierarchy, the component for the
// guide's "Establish governance boundaries for AI workloads":
//
//   - "Create separate management groups for internet-facing and internal AI
//     workloads": a tree of management groups described by plain Go data, each node
//     tagged with an archetype (corp = internal, online = internet-facing, sandbox or
//     dev, or a user-named archetype), placed under an existing parent (an Azure
//     landing zone "landingzones" group or the tenant root group). A node is created,
//     or adopted by id: an adopted group is read, never created or deleted. A corp
//     group nested in an online group (or the reverse) is refused.
//   - "Deploy AI resources within workload-specific subscriptions": workload
//     subscriptions are placed in their group; the platform subscriptions
//     (connectivity, management, identity, security) are listed in the args and
//     placing one of them in an AI group is an error.
//   - "Control AI resource access effectively": per group, Entra ID security groups for
//     the AI owners, contributors and readers (created, or adopted by object id), with
//     role assignments at the management group's scope.
//
// Policy assignments per group are the job of the policybaseline package.
package managementgroups
