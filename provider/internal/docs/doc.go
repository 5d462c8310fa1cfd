// Package docs holds the documentation the provider's schema gives every component,
// input, output and enum value: the library's own Go doc comments, extracted from
// the component packages' source (Extract) into library.json, which is generated
// (`go generate ./internal/docs` in the provider module) and embedded. A test fails
// when library.json differs from what the library's source gives, so a comment
// changed in the library reaches the schema and the SDKs on the next regeneration
// and never drifts.
package docs
