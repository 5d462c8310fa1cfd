// Package analyzer serves the policy pack over Pulumi's Analyzer gRPC protocol.
//
// It owns the server rather than using sdk/go/pulumi/policyx, whose v3.274.1 server
// dereferences a policy pack that only ConfigureStack creates (so GetAnalyzerInfo and
// GetPluginInfo, which `pulumi policy publish` and `pulumi policy analyze` call first,
// crash), never sends the pack's initial config and drops the pack-level enforcement
// level. Here the rules and their metadata exist from the start: every call may come
// in any order, GetAnalyzerInfo sends each policy's default level and config defaults
// as InitialConfig, and Configure applies the engine's reconciled config (the "all"
// level, each policy's level and properties), validating the properties in Go with
// errors that name the policy, the key and the value.
//
// Rules are pure functions over resource.PropertyMap (package rules); the server
// unmarshals the engine's structs once per resource, dispatches by resource type, and
// turns findings into diagnostics. A finding about a value unknown at preview is
// advisory during a preview ("checked again at update") and takes the policy's own
// level at update, so an unknown value is never a silent pass of a mandatory rule.
package analyzer
