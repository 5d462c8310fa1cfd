// Package azfacts copies, from the Azure facts file (every built-in policy
// definition's display name, parameters, effect, deprecation and the ALZ guardrail
// sets), the entries of the built-in definitions the pack's rules mirror, into
// rules/testdata/builtins.json. The generator (../genbuiltins) and the rules' test
// that keeps the copy equal to Azure's facts both call Generate, so the copy is never
// kept by hand; the rules' metadata (display names, ALZ sets) is tested against it.
package azfacts
