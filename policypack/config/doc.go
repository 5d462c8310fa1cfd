// Package config is the policy pack's configuration: the keys an organisation sets in
// a policy config file (`--policy-pack-config`) or in a Pulumi Cloud policy group,
// their JSON schema (sent to the engine, which validates the config before it reaches
// the pack), their defaults (sent as the pack's initial config), and their validation
// in Go, whose errors name the policy, the key and the value.
//
// Pulumi policy config is per policy. Each key therefore has one home policy (Key.Policy)
// where it is set; other rules that need the same fact read it from there. For
// example the catalog of regions, models and deployment types is set on
// ai-deployments-available-in-region and also read by ai-deployments-within-quota.
//
// The catalog (catalog.json) is an embedded, byte-for-byte copy of the library's
// catalog/catalog.json: the regions with their services, the Azure OpenAI models with,
// per version, the regions per deployment type and the lifecycle, the deployment
// types and the default quotas. Its types and validation (catalog_facts_gen.go) are
// generated from the library's catalog/facts.go, so both judge a catalog alike; the
// library's gencatalog command writes both files.
package config
