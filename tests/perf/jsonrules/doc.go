// Package jsonrules is the Go side of the TypeScript comparison: it reads the JSON
// resource file that the TypeScript harness (../tspack) reads, as the pack's
// resources, and runs the pack's rules over them as the analyzer's Analyze dispatches
// them. It imports only the pack's rules and the SDK's property types, so that the
// command built on it (../cmd/rules3) carries no more than a pack binary does: its
// peak memory is the rules' and the data's, not the Pulumi program's or the
// Automation API's.
package jsonrules
