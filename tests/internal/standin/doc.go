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
//     (/subscriptions/<subscription>/resourceGroups/<group>/providers/<namespace>/<type>/<name>,
//     an extension resource under its scope or resourceUri) and outputs of the
//     real provider's shape: the inputs that are also outputs, then what Azure
//     computes: name, type (the ARM resource type, even where an input of the same
//     name means something else), azureApiVersion, identity principal and tenant
//     ids, an AI account's endpoint, a vault's URI, storage endpoints, a
//     workspace's customer id, an API Management gateway URL, and a deterministic
//     value for every other output-only property (so that a program reading one is
//     as stable as with Azure). Inputs that are not outputs (the resource group and
//     parent names that address a resource) are not in the state, as with the real
//     provider; policy packs' stack checks see that state. During preview the
//     computed outputs are unknown, as they are with the real provider.
//   - The cloud (Cloud): what exists "in Azure", one record per resource id in
//     $PULUMI_HOME/aiready-standin-cloud (or $AIREADY_STANDIN_CLOUD), shared by the
//     provider processes of a stack and kept across its runs. Create refuses a
//     resource that exists there, as azure-native's Create checks first ("cannot
//     create already existing resource"); Delete forgets it; functions and side
//     effects read it (getStorageAccount's connections); a test changes a record
//     out of band (Cloud.Edit) to make drift.
//   - Read answers from the cloud: a resource whose record differs from the
//     state's inputs (changed out of band) reads back with the record as its
//     inputs and the outputs they make, as azure-native copies what changed in
//     Azure into the inputs; a resource read by id alone (an import) gets its
//     record; otherwise the state it is given (or, for a resource unknown to the
//     cloud read by id, a minimal state derived from the id). Invoke answers
//     getClientConfig with fixed fake identities.
//   - Faults (FaultPlan, per stack in the file $AIREADY_STANDIN_FAULTS): the Nth
//     matching create, update or delete fails with an ARM error body, is accepted
//     then fails (a partial failure: the engine keeps the resource), is throttled
//     (429 or 5xx with Retry-After, retried 3 times as azure-native's client does,
//     each retry logged on the resource), hangs until its timeout or the engine's
//     cancellation, or loses the connection: the provider process exits, or kills
//     the engine first. A stand-in exits by itself when the engine is gone.
//
// What it cannot emulate: anything Azure decides at deployment time (quota, region
// capacity, name availability, policy assignments' effects, RBAC, the value rules
// of each API beyond required strings, enums and the ARM rules azschema lists:
// patterns, lengths, ranges), and outputs beyond those listed above (other
// output-only properties are absent after create).
package standin
