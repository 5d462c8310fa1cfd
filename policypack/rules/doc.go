// Package rules holds the policy pack's rules: the AI Ready guide's recommendations,
// the Azure built-in policies and the Azure landing zone (ALZ) guardrails that express
// them, checked against a Pulumi program's azure-native resources before they are
// deployed.
//
// Each rule is one file: a pure function over one resource's properties
// (Rule.Check) or over all the stack's resources (Rule.CheckStack), with its metadata
// (name, description, the guide's section, the Azure policy or ALZ assignment it
// mirrors, severity, default enforcement level). All lists every rule, the way
// kube-linter keeps its checks in a registry; the analyzer serves them and the README's
// rule table is generated from the same list.
//
// Rules match a resource type whatever API-version module registered it
// (azure-native:cognitiveservices/v20241001:Account is an Account), read the stack's
// archetype and environment from pack config, resource tags or stack config (and say
// which), report a value unknown at preview as a finding that cannot be verified yet,
// and never panic on an unexpected property shape.
//
// A stack rule's resources carry their outputs overlaid with the inputs Analyze saw
// (Resource.ApplyInputs; Resource.Inputs is nil for a resource that was not analyzed).
// Relations are read from property dependencies first, then from names and ids, the
// names being inputs (accountName, backendId, groupId) that the overlay restores. A
// property only the program sets (a Backend's circuitBreaker, a policy assignment's
// enforcementMode, a management group's parent) is read with Resource.Declared: when
// the program did not set it, it is absent, where the outputs say unknown at preview,
// so that a missing setting is a violation at preview rather than "cannot verify".
// Properties Azure fills in (a location, a name, an endpoint) are read with Get.
//
// A stack rule sees the stack through a view of the types it declares (Rule.Types,
// Rule.RunStack): the analyzer decodes only the types the enabled stack rules
// declare, so a rule reading another type would see it or not depending on which
// rules are enabled. The package's tests make a view panic on such a read and run
// every stack rule alone against the stacks' recorded resources.
package rules

//go:generate go run ../internal/genbuiltins -out testdata/builtins.json
