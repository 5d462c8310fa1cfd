// Package e2e holds the end-to-end tests: Pulumi programs (a small one, and the
// real stacks.Program of dev, corp and online) run through the real Pulumi engine
// with the provider stand-ins and the policy pack, offline. It has no code, only
// tests; see tests/README.md for what each asserts.
package e2e
