// Package catalog holds the Azure facts that decide whether a deployment plan can
// work before anything is sent to Azure: the regions (their pairs, data zones and the
// services each offers), the Azure OpenAI models with, per version, the deployment
// types and regions that offer it and its lifecycle (deprecation and retirement
// dates), and the default quota per subscription, region, model and deployment type.
//
// The facts are data (catalog.json, embedded), loaded and validated by Go, so an
// organisation can replace them with its own figures without a release: Load reads a
// catalog of the same shape. Availability and lifecycle are not written by hand:
// go generate runs internal/gencatalog, which builds catalog.json from Microsoft's
// model-matrix and retirement tables committed under source/ (see source/README.md
// for the repository, paths, commits and the date they were read) plus source/base.json
// for what the tables do not give; the file's "source" field names the tables, and a
// test fails when the committed file differs from what the tables give.
//
// The catalog's types and validation are written once, in facts.go, which uses only
// the standard library; the generator copies it into the policy pack
// (policypack/config/catalog_facts_gen.go) with the same catalog.json, so the pack
// builds on its own and judges a catalog exactly as the library does.
//
// The guide asks to "verify AI service availability in target regions before
// deployment" and to "evaluate regional quota limits": the components and stacks call
// Catalog.Region and Catalog.CheckDeployment while they validate their arguments, so
// an unknown region, a model version not offered there with that deployment type
// (the error names where it is offered), or a capacity above quota is an error that
// names the value and the allowed ones before any resource is registered.
package catalog
