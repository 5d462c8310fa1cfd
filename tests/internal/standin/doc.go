// Package standin is a test double of Azure for the Pulumi engine: a resource
// provider that answers to the names azure-native (2.90.0) and azuread (5.17.0),
// validates every resource's inputs the way the real provider's Check does, and
// creates nothing.
//
// What it emulates:
//   - Check: unknown input properties, at every depth the azure-native 2.90.0 type
//     definitions describe, missing required ones, empty required strings, values
//     outside their property's enum (or in another casing than the enum's) and
//     what ARM refuses beyond the definitions (a backend pool with a url or a
//     protocol, directly or in an ARM template deployment; a non-AZ VPN gateway
//     SKU) are CheckFailures naming the property, the value and what is allowed
//     (package azschema says which rule comes from where); a resource's own name
//     property is autonamed (the URN name plus a hash of the URN, or a GUID where
//     Azure wants one) when it is not given, and kept from the previous state when
//     it was; location defaults from provider config.
//   - Diff: no change when the inputs are equal (locations compared the way Azure
//     normalises them); otherwise a detailed diff, with replacement when the
//     location, the resource's name or a parent it is addressed by (a required
//     "...Name" input, or scope) changes.
//   - Create/Update: a deterministic fake ARM id
//     (/subscriptions/<subscription>/resourceGroups/<group>/providers/<namespace>/<type>/<name>)
//     and outputs of the real provider's shape: the inputs that are also outputs,
//     then what Azure computes: name, type (the ARM resource type, even where an
//     input of the same name means something else), azureApiVersion, identity
//     principal and tenant ids, an AI account's endpoint, a vault's URI, storage
//     endpoints, a workspace's customer id, an API Management gateway URL, and a
//     deterministic value for every other output-only property (so that a program
//     reading one is as stable as with Azure). Inputs that are not outputs (the
//     resource group and parent names that address a resource) are not in the state,
//     as with the real provider; policy packs' stack checks see that state. During
//     preview the computed outputs are unknown, as they are with the real provider.
//   - Read returns the state it is given (or, for a read of an existing resource by
//     id, a minimal state derived from the id); Delete forgets; Invoke answers
//     getClientConfig with fixed fake identities.
//
// What it cannot emulate: anything Azure decides at deployment time (quota, region
// capacity, name availability, policy assignments' effects, RBAC, the value rules
// of each API beyond required strings, enums and the ARM rules azschema lists:
// patterns, lengths, ranges), and outputs beyond those listed above (other
// output-only properties are absent after create).
package standin
