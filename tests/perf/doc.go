// Package perf measures the policy pack and the stacks program (issue 8): the
// realistic resource sets the benchmarks run over, and the harnesses that put the
// pack beside the alternatives.
//
// The resource sets come from the stacks themselves: stacks.Program runs under the
// recording mocks (internal/pulumitest) with the shipped Pulumi.corp.yaml and
// Pulumi.online.yaml, every custom resource it registers becomes one resource as the
// engine would describe it to a policy pack (inputs, provider inputs, parent,
// dependencies, property dependencies), and the set is replicated to any size with
// distinct URNs, names and subscriptions (Scale), so that 10,000 resources are
// so many landing zones side by side rather than one resource repeated.
//
// From a set the package builds what each measured path consumes: the pack's own
// rules.Resource list (in-process rules), the engine's AnalyzeRequest and
// AnalyzerResource messages (the gRPC server, ours and policyx's), and a JSON file
// (the TypeScript @pulumi/policy harness in tspack/ and the Go command reading the
// same file). PolicyxPack wraps the pack's rules as policyx policies and
// ServePolicyx and ServeOurs serve each pack on a loopback port in this process.
//
// Speed is measured only by the benchmarks (perf_test.go) and the whole-command
// timings of cmd/perf, run by scripts/bench; the tests of this package check that
// the sets and harnesses are what they claim, never how fast they are.
package perf
