// Package stacks composes the ai-ready components into the three stacks of the
// "ai-ready" Pulumi project, selected by the stack's archetype:
//
//   - corp: an internal AI landing zone: its own corp management group under the
//     configured parent with the corp policy baseline, the workload subscription
//     placed under it, SecureNetwork in a primary and a secondary region with
//     private DNS and the configured hybrid connectivity (hub peering, ExpressRoute
//     or VPN), a RegionalAIEndpoint per region behind an internal API Management
//     gateway, and AI assets replicated primary → secondary, co-located with the
//     endpoints.
//   - online: an internet-facing AI landing zone: its own online management group
//     and baseline, networks with DDoS protection, endpoints in two or more regions
//     behind an external gateway, and replication.
//   - dev: an AI development environment: a dev (sandbox) management group with
//     audit-level policies, one region, Bastion and a jumpbox to manage AI resources
//     and data, and a small endpoint.
//
// Program is the Pulumi program (main.go runs it; the Automation API can run it
// inline). LoadConfig reads the stack's typed configuration (the "ai-ready"
// namespace of Pulumi.<stack>.yaml) once and validates all of it, and every
// component's arguments, before a single resource is registered: an error names
// the configuration key, the value and the fix.
//
// Every resource goes through an explicit azure-native provider bound to the
// workload subscription, never the ambient default, so a stack cannot deploy into
// the wrong subscription by accident.
package stacks
