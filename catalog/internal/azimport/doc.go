// Package azimport turns the JSON of a subscription's own Azure listings into a
// catalog import (catalog.Import), so that availability and quota are judged
// against what the subscription really sees rather than the embedded catalog:
//
//   - models-<region>.json: `az cognitiveservices model list --location <region>`,
//     the Cognitive Services "Models - List" response (GET
//     /subscriptions/{id}/providers/Microsoft.CognitiveServices/locations/{location}/models,
//     https://learn.microsoft.com/rest/api/aiservices/accountmanagement/models/list,
//     read 2026-12-02; the spec's example ListLocationModels.json in
//     Azure/azure-rest-api-specs, stable/2024-10-01): per item kind, model.format,
//     model.name, model.version, model.lifecycleStatus, model.deprecation.inference
//     and model.skus[].name (the deployment types) with usageName and deprecationDate;
//   - usages-<region>.json: `az cognitiveservices usage list --location <region>`,
//     "Usages - List" (GET .../locations/{location}/usages; example ListUsages.json):
//     name.value (e.g. OpenAI.Standard.gpt-4o), currentValue, limit;
//   - provider-Microsoft.Search.json and provider-Microsoft.MachineLearningServices.json:
//     `az provider show -n <namespace>`, "Providers - Get"
//     (https://learn.microsoft.com/rest/api/resources/providers/get):
//     resourceTypes[].locations (display names such as "East US 2") of
//     searchServices and workspaces.
//
// A listing may be the az output (a JSON array) or the REST body ({"value": [...]});
// a body with a nextLink is refused, since only its first page was saved. Every
// problem names the file, the JSON path and what is wrong; nothing is returned then.
//
// How the listings map: a model version of format OpenAI offers, in its region, each
// deployment type of its skus that the catalog knows; lifecycleStatus gives the
// status (Stable as GenerallyAvailable), deprecation.inference the retirement date
// and a sku's deprecationDate the retirement of that deployment type. A usage counts
// for the model and deployment type whose sku names it as usageName, or, failing
// that, whose name it spells as OpenAI.<deployment type>.<model>.
package azimport
