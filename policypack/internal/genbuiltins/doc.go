// Command genbuiltins regenerates policypack/rules/testdata/builtins.json, the pack's
// copy of Azure's facts about the built-in definitions its rules mirror.
package main
