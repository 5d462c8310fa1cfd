// Package azschema reads the @pulumi/azure-native@2.90.0 TypeScript definitions
// (fetched once with `npm pack` and cached) and checks property names against them.
//
// Two users: the typed resource layer under azure/, whose tests check every type
// token, every input and output property name and every nested shape a Go struct
// declares (a misspelt `pulumi:"..."` tag fails the test); and the provider stand-in
// of the end-to-end tests, which rejects unknown input properties and missing
// required ones the way the real provider's Check would.
//
// The definitions are found, in order, in $AIREADY_AZURE_NATIVE_TYPES (a directory
// holding the unpacked package), in the user cache directory
// (<cache>/aiready/azure-native-2.90.0), or fetched there with npm. Only the .d.ts
// files are kept. Namespaces of the large types/input.d.ts and types/output.d.ts are
// parsed on first use, so a check of a few resources costs a fraction of a second.
package azschema
