// Package conventions is the policy pack's copy of the library's conventions
// (internal/conventions in the library): tag keys, environment values, the
// policy metadata key, the archetype vocabulary and the private-link DNS
// zones. conventions_gen.go is generated (`go generate ./internal/conventions`
// in the library); a library test fails when it is stale.
package conventions
