// Package mirror connects the provider's input and output types to the library's
// Args and component types they mirror, so that the provider adds no second
// implementation of a component:
//
//   - Convert copies a provider input value into the library's Args, field by field
//     under the same Go name (nested structs, pointers, slices, maps, named string
//     types, pulumi Inputs; whole seconds into a time.Duration; a struct of named
//     values into a map[string]any keyed by their schema names).
//   - Outputs copies the library component's outputs into the provider's output
//     type, again by Go name.
//   - Pair records which library type each provider type mirrors; Describe uses it
//     to document every schema property with the library field's own doc comment
//     (package docs), with Go field names rewritten to schema names (Rename).
//   - Rename rewrites the Go field paths the library's validation errors name
//     ("Regions[0].Location") into the schema's ("regions[0].location"), so a
//     provider error names the input the user wrote.
//   - Coverage reports library fields no provider field mirrors (and provider
//     fields that mirror nothing), for the tests that keep both sides in step.
package mirror
