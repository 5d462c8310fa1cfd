// Package engine runs Pulumi programs through the real Pulumi engine, offline: it
// builds the Pulumi CLI (v3.274.1, from this module's go.mod) into a cache directory
// once, builds the azure-native and azuread provider stand-ins and the ai-ready
// policy pack binary, and runs Automation API inline programs against a temporary
// file backend and PULUMI_HOME, with the stand-ins as project plugins.
//
// The cache directory is $AIREADY_CACHE, else <user cache dir>/aiready. The CLI is
// kept there across runs (<cache>/bin/pulumi) and rebuilt only when missing or of
// another version; builds are serialized across processes with a file lock and
// written to a temporary name then renamed, so parallel test packages are safe.
//
// A Stack collects what the engine reports: policy violations (policy, level,
// message, resource), diagnostics, and the resources of each operation with their
// steps, so tests assert on them and the preview command summarizes them.
package engine
