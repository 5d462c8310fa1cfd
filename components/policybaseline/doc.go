// Package policybaseline provides AIPolicyBaseline, the component for the guide's
// "Apply AI-specific policies to each management group": per management group, the
// policy assignments its archetype calls for.
//
// The archetypes are data, kept apart from the code in the shape of the Azure
// landing zone library: lib/archetypes (an archetype extends another and lists
// assignments), lib/assignments (one file per policy assignment: the built-in
// definition it assigns or a custom definition of lib/definitions, its effect per
// enforcement level, its parameters, the roles its managed identity needs) and
// lib/default_values.json (values such as the DDoS plan or the allowed regions,
// routed to the parameters that need them). The embedded library holds:
//
//   - landingzones (abstract): the Azure landing zone guardrails (management ports
//     from the internet, subnets without NSG, IP forwarding, VPN SKU and
//     authentication) and the built-in definitions for Azure AI services and AI
//     Foundry (key access, network access, managed identity, private link,
//     approved models), AI Search (local auth, SKU), Machine Learning (public
//     access), Key Vault and storage hardening, allowed locations;
//   - corp: plus no public IPs on network interfaces and no public endpoints for
//     AI services, AI Search, storage and Key Vault, and hybrid networking kept in
//     the connectivity subscription;
//   - online: plus DDoS Protection on every virtual network;
//   - sandbox and dev: the landing-zone guardrails at audit level.
//
// Every assignment is checked against its definition's facts, as ARM will check it:
// Azure's facts about the built-ins (lib/builtins.json, generated from the Azure facts
// file by go generate and compared with it by a test) or the library's own custom
// definition. The effect parameter, the allowed effects and the roles a Modify /
// DeployIfNotExists identity needs are read from those facts, never written twice;
// Plan refuses a parameter the definition does not declare, a value outside its
// allowedValues (case-sensitive, as ARM compares), a required parameter without a
// value and a deprecated definition, before anything is registered. CheckAssignment
// applies the same checks to assignments registered by any program.
//
// LoadLibrary reads a library of the same shape (an organisation's own, or an
// extension merged over the default with Library.Merge). Users customise an
// archetype with an Override (assignments to add or remove, parameters, effects,
// enforcement modes), never by editing the library. Assignments whose effect is
// Modify or DeployIfNotExists get a system-assigned identity, a location and the
// role assignments their definition needs.
package policybaseline
