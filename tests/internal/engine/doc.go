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
//
// A stack's config file is copied without the secrets-provider keys `pulumi stack
// init` writes (the run has its own passphrase), and a `secure:` value in it is an
// error naming its key (PortableConfig). Beside preview, up and destroy, a Stack
// refreshes, exports and imports its state, removes a stale lock (`pulumi
// cancel`), resolves the creates a killed run left pending, sets the faults its
// stand-ins inject (SetFaults) and reads what exists in their cloud (Cloud).
package engine
