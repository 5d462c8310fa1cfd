// Package constructtest runs a component through the provider's Construct, as the
// engine does for a program in any language, and the same component through the
// library's constructor in a Go program, both against the library's recording mocks
// (internal/pulumitest), so that a test can assert the provider builds exactly what
// the library builds: the same resources with the same inputs.
package constructtest
