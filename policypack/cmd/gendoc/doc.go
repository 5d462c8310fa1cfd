// Command gendoc rewrites the generated part of the pack's README.md (the rule list with
// levels and the config reference) from the rules' metadata. Run it from policypack/:
//
//	go run ./cmd/gendoc
package main
