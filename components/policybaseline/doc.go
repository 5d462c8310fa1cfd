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
// LoadLibrary reads a library of the same shape (an organisation's own, or an
// extension merged over the default with Library.Merge). Users customise an
// archetype with an Override (assignments to add or remove, parameters, effects,
// enforcement modes), never by editing the library. Assignments whose effect is
// Modify or DeployIfNotExists get a system-assigned identity, a location and the
// role assignments their definition needs.
package policybaseline
