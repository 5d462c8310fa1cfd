// Package catalog holds the Azure facts that decide whether a deployment plan can
// work before anything is sent to Azure: the regions (their pairs, data zones and the
// services each offers), the Azure OpenAI models with the deployment types each region
// offers them in, and the default quota per subscription, region, model and
// deployment type.
//
// The facts are data (catalog.json, embedded), loaded and validated by Go, so an
// organisation can replace them with its own figures without a release: Load reads a
// catalog of the same shape. The policy pack embeds the same file; a test in the tests
// module keeps the two copies identical.
//
// The guide asks to "verify AI service availability in target regions before
// deployment" and to "evaluate regional quota limits": the components and stacks call
// Catalog.Region and Catalog.CheckDeployment while they validate their arguments, so
// an unknown region, an unavailable model or a capacity above quota is an error that
// names the value and the allowed ones before any resource is registered.
package catalog
