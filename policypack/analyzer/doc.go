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
//
// Stack rules see what the program declared, not only the state. The engine calls
// Analyze with every resource's inputs during a preview or update, then AnalyzeStack
// with the resources' outputs, on the same process (`pulumi policy analyze` does the
// same with a state file's recorded inputs and outputs). The outputs of azure-native
// lack the input-only properties (a Deployment's accountName, a resource's own name
// input), hold an unknown at preview for every output the program did not set, and may
// give an input's name another meaning (an API Management Backend's output type is the
// ARM resource type, its input type "Single" or "Pool"). So Analyze remembers, per URN,
// the inputs of the resources whose types the enabled stack rules read (nothing else;
// the store is safe for the engine's parallel Analyze calls and is emptied by
// ConfigureStack, which starts a deployment), and AnalyzeStack overlays them on the
// outputs: each input replaces the output of its name, output-only values stay, and the
// raw inputs are rules.Resource.Inputs, from which a rule tells an input the program
// did not set from one not known yet. A resource that was not analyzed (an
// AnalyzeStack call without Analyze calls before it) is judged on its outputs alone, as
// before.
package analyzer
