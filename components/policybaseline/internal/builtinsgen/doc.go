// Package builtinsgen selects, from the Azure facts file (every built-in policy
// definition's parameters, effect, mode, deprecation and roles, and the ALZ guardrail
// sets), the part the policy baseline library uses, and renders it as the library's
// embedded lib/builtins.json. The generator command (../genbuiltins) and the test that
// keeps the embedded copy equal to Azure's facts both call Generate, so the copy is
// never kept by hand.
package builtinsgen
