// Package consistency holds the checks that span the repository's modules: facts
// kept in two places because the policy pack must build on its own (it cannot
// import the library) have to stay identical. It has no code, only tests.
package consistency
