// Package outputmap derives a component's registered outputs from its struct: every
// exported field with a `pulumi:"name"` tag is the output of that name, so a
// component's outputs are declared once, on the struct the constructor returns (and
// that pulumi-go-provider's infer and the SDKs read), never again in a hand-written
// pulumi.Map.
//
// Register is what every component's constructor calls last; Of returns the map it
// registers and fails for a tagged field that is not a pulumi.Input or holds no
// Output at all; Names lists a component type's output names for the components'
// tests. (Registering a component gives each tagged field an Output of its own, so a
// field the constructor forgets to set is registered as an empty value: the
// components' tests check each output's value.)
package outputmap
