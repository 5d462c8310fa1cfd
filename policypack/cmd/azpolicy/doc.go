// Command azpolicy evaluates a tenant's Azure Policy assignments, with their
// definitions, set definitions and exemptions, on the resources of a Pulumi
// program, as Azure would when they are deployed: what the pack's
// azure-policy-assignments policy does at preview, for people and CI, from files.
//
//	go run ./cmd/azpolicy eval \
//	    -definitions DIR -assignments FILE [-exemptions FILE] \
//	    -resources FILE [-subscription ID] [-management-groups FILE] \
//	    [-aliases FILE] [-format json|text]
//
// (in policypack/, built with the pack's module and the standard library).
//
// # Inputs
//
//   - -definitions: a directory (read recursively, every .json file in sorted
//     order) or a file of policy definitions and set definitions: the output of
//     `az policy definition list` and `az policy set-definition list` (flat
//     objects), the REST shape ({"id", "name", "properties": {...}}), and the
//     Azure/azure-policy repository's files (a built-in's file; a sample's
//     azurepolicy.json, or azurepolicy.rules.json with azurepolicy.parameters.json,
//     named for its directory).
//   - -assignments: `az policy assignment list` JSON (scope, notScopes,
//     parameters, enforcementMode, overrides, nonComplianceMessages).
//   - -exemptions: `az policy exemption list` JSON (scope from the id,
//     policyDefinitionReferenceIds, expiresOn).
//   - -resources: a JSON array of {"type": "<pulumi token>", "name": "...",
//     "inputs": {...}} (optional "urn", "subscriptionId" and "provider":
//     {"inputs": {"subscriptionId"}}; "props" is read as "inputs", the shape
//     @pulumi/policy harnesses write, such as tests/perf's export), or a `pulumi stack
//     export` file (an object with deployment.resources), told apart by the
//     top-level value. From a stack export the custom resources are read with
//     their inputs and their provider's subscriptionId; components, providers and
//     resources pending deletion are not. Pulumi's unknown value
//     (04da6b54-80e4-46f7-96ec-b56ff0331ba9) and unknown outputs read as unknown;
//     a secret reads as its plaintext (`pulumi stack export --show-secrets`), and
//     as unknown when only its ciphertext is exported.
//   - -subscription: the subscription of the resources whose entry (or provider,
//     or id or scope input) does not say.
//   - -management-groups: {"<subscription or group id>": "<group above it>", ...}
//     ("" for the tenant root group), the shape of pack config
//     azurePolicyManagementGroups; the stack's own azure-native ManagementGroup
//     (details.parent.id) and ManagementGroupSubscription resources add to it.
//   - -aliases: `az provider show --expand resourceTypes/aliases` JSON added to
//     the evaluator's alias table.
//
// # Evaluation
//
// The evaluator is package azpolicy, as the pack's policy uses it: the
// assignments are resolved against the definitions once (azpolicy.Assess: set
// members with their parameter mapping, the assignment's parameters checked as
// ARM checks them), each azure-native resource is converted to its ARM shape
// (azpolicy.FromAzureNative) and placed (its id, the management groups above
// its subscription from azpolicy.Hierarchy), and every assignment that covers
// it (scope, notScopes) is evaluated, with exemptions applied. resourceGroup()
// reads the file's resource group of the resource, subscription() its
// subscription, and AuditIfNotExists / DeployIfNotExists look for related
// resources among the file's. Types outside the azure-native conversion table
// are listed in a warning; other providers' resources, management groups and
// policy objects are not evaluated. An assignment whose definitions are not
// supplied, or whose parameters ARM would refuse, is named in a warning and not
// evaluated; a resource with no known subscription is counted in a warning.
// Warnings go to stderr.
//
// # Output
//
// -format json writes an array, one object a line, with one object per
// resource and policy of each assignment that covers it (a set assignment has
// one per member), written as they are evaluated (a large stack's report is
// never held in memory): resource
// (the URN, or the name), type (the Pulumi token), assignment (its id),
// definition (its id, else its name), displayName, set and
// policyDefinitionReferenceId (for a set's member), effect, enforced (false for
// enforcementMode DoNotEnforce), compliant (true; false; null when it cannot be
// verified at preview: a value unknown, a scope that cannot be told, a Resource
// Provider mode), outcome (compliant, non-compliant, cannot verify, implicit
// deny, not applicable, not evaluable at deployment, disabled, exempt),
// exemption (the exemption's id), reason (the deciding condition and the value
// found, or the error), message (the assignment's non-compliance message) and
// denied (Azure would deny the request).
//
// -format text (the default) writes one line per non-compliant or
// cannot-verify verdict: DENIED (with the effect, or implicit deny), IMPLICIT
// DENY (not enforced), NON-COMPLIANT or CANNOT VERIFY with the effect, marked
// [DoNotEnforce] for such an assignment, then the resource, the assignment, the
// definition, the reason and the assignment's non-compliance message; and a
// summary line counting the verdicts by outcome.
//
// # Exit status
//
// 1 when an enforced, not exempted Deny or DenyAction is non-compliant, or an
// evaluation fails (an implicit deny); 2 on bad usage or input (each error names
// the file and the JSON path or field, or the line and column of malformed
// JSON); 0 otherwise, advisories and cannot-verify verdicts included.
package main
