// Package azurepolicy executes the policy baseline's own custom definitions with the
// Azure Policy evaluator (policypack/azpolicy), as Azure would at deployment: every
// network security group, subnet and virtual network the dev, corp and online
// stacks register must be allowed, and broken variants (management ports open to the
// internet in every way a rule can say so, subnets without a network security group)
// must be denied. The same holds for every custom definition the baseline's policy
// sets use (the project's own rules of the same intent as ALZ's: AI services'
// firewall and outbound access, storage, API Management TLS, subnets' routes and
// service endpoints, cross-subscription peering): each is executed against the
// stacks' resources in ARM shape and against one change of each. It lives in the tests module because it needs both the library and
// the pack's module.
package azurepolicy
