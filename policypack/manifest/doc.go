// Package manifest reads the pack's PulumiPolicy.yaml: the name and version the binary
// reports come from the same file the Pulumi CLI reads, so they cannot drift apart.
package manifest
