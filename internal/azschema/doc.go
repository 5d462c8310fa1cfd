// Package azschema reads the @pulumi/azure-native@2.90.0 TypeScript definitions
// (fetched once with `npm pack` and cached) and checks resource inputs against them
// and against the rules Azure enforces beyond them.
//
// Two users: the typed resource layer under azure/, whose tests check every type
// token, every input and output property name and every nested shape a Go struct
// declares (a misspelt `pulumi:"..."` tag fails the test); and the provider stand-in
// of the end-to-end tests (and the components' schema tests), which refuse through
// ValidateInputs what the real provider's Check, or Azure behind it, would refuse:
//
//   - Unknown input properties, at every depth the definitions describe, and missing
//     required ones (azure-native's Check validates inputs against the PUT
//     parameters of the resource's API; pulumi/pulumi-azure-native
//     provider/pkg/provider/provider.go, Check and validateType).
//   - A required string that is empty. azure-native's Check enforces each string
//     property's minLength, maxLength and pattern from the Azure REST specs, empty
//     strings included (provider.go, validateProperty: "'%s' is too short (%d): at
//     least %d characters required"). The .d.ts files do not carry minLength, so the
//     rule here is the one the specs use for required names and values: a required
//     string has minLength 1. An optional empty string is not judged.
//   - A value outside the enum of its property. The enums are the definitions'
//     types/enums/<module>[/<version>]/index.d.ts; a property names them in its type
//     (`pulumi.Input<string | enums.network.SecurityRuleAccess>`), for a list or a
//     map per element. azure-native's Check itself no longer judges enum values
//     (pulumi/pulumi-azure-native#525, 2021, removed that), but Azure refuses most
//     values outside them; armrules.json lists the open enums whose other values are
//     valid (compute.VirtualMachineSizeTypes, which the definitions call frozen).
//     Values compare case-sensitively: Azure accepts most enum strings in any
//     casing, but azure-native diffs enum values case-sensitively
//     (pulumi/pulumi-azure-native#4772, fixed there for a few properties only), so
//     a value in another casing than the enum's reads back as a change at every
//     refresh. Such a value is reported with the enum's spelling to write instead.
//   - The ARM rules of armrules.json: what ARM refuses on a request body the
//     definitions allow, each with its sources (a backend pool with a url or a
//     protocol, Azure/bicep#14097 and Azure/azure-rest-api-specs#35713; a VPN
//     gateway with a non-AZ SKU, Microsoft's VPN Gateway SKU consolidation page).
//     A rule names the azure-native resource (module:Type, every API version) and
//     the ARM type, and applies to both the resource and the resources of an ARM
//     template that a resources:Deployment deploys. A condition on a value unknown
//     at preview makes the rule wait; a property that is set, known or not, is set.
//
// Values unknown at preview are accepted as they are. Each problem names the
// property path, the value and what is allowed.
//
// The definitions are found, in order, in $AIREADY_AZURE_NATIVE_TYPES (a directory
// holding the unpacked package), in the user cache directory
// (<cache>/aiready/azure-native-2.90.0), or fetched there with npm. Only the .d.ts
// files are kept. Namespaces of the large types/input.d.ts and types/output.d.ts,
// and each module's enum file, are parsed on first use, so a check of a few
// resources costs a fraction of a second.
package azschema
