// Package props reads azure-native resource properties as the Pulumi engine sends them
// to a policy pack: a resource.PropertyMap whose values may be secret, unknown at
// preview, or of any shape.
//
// A Value says which of these it is (Kind), so that a rule can tell a property that is
// absent from one that is unknown at preview, and never panics on an unexpected shape.
// Paths are walked directly over the map: no JSON round trip, no reflection.
package props
