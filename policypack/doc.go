// Command aiready-guardrails is the AI Ready policy pack. The same main serves
// `pulumi preview --policy-pack <this directory>` (the Go language host builds and
// starts it) and a prebuilt binary passed as `--policy-pack <binary>`: in both cases
// the engine starts the program with its own address as the argument and reads the
// port the analyzer listens on from the first line of stdout.
//
// The pack's name and version come from the embedded PulumiPolicy.yaml, and its README
// (embedded too) is what Pulumi Cloud shows.
package main
