// Command genbuiltins regenerates components/policybaseline/lib/builtins.json, the
// library's copy of Azure's facts about the built-in policy definitions it uses.
package main
