// Package conventions defines once what the components and the policy pack
// must agree on: the tag keys the components stamp and the pack reads, the
// environment values, the policy metadata key, the archetype vocabulary (the
// built-in archetypes, what each means, user-named archetypes and the base
// they behave as) and the private-link DNS zones of the AI landing zone.
//
// conventions.go uses only the standard library; `go generate` copies it into
// the policy pack (policypack/internal/conventions, marked generated), and a
// test fails when the copy differs from a regeneration.
package conventions
