// Package consistency holds the checks that span the repository's modules: facts
// kept in two places because the policy pack must build on its own (it cannot
// import the library) have to stay identical. The catalog's copies are generated
// (catalog/internal/gencatalog writes the pack's catalog.json and its loader,
// catalog_facts_gen.go, from the library's); these tests check the copies and feed
// the same catalogs through both loaders. It has no code, only tests.
package consistency
