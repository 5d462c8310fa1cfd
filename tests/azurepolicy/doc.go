// Package azurepolicy executes the policy baseline's own custom definitions with the
// Azure Policy evaluator (policypack/azpolicy), as Azure would at deployment: every
// network security group, subnet and virtual network the dev, corp and online
// stacks register must be allowed, and broken variants (management ports open to the
// internet in every way a rule can say so, subnets without a network security group)
// must be denied. It lives in the tests module because it needs both the library and
// the pack's module.
package azurepolicy
