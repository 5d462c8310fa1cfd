// Command import reads a subscription's Azure listings (the JSON of
// `az cognitiveservices model list`, `az cognitiveservices usage list` per region and
// `az provider show` for Microsoft.Search and Microsoft.MachineLearningServices; see
// package catalog/internal/azimport for the file names and how they map) and writes
// a catalog import: the model versions, deployment types, lifecycle and quota the
// subscription sees per region, which the stacks (ai-ready:catalogImport) and the
// policy pack (catalogImport) then judge deployments against.
//
//	go run ./catalog/cmd/import -in listings -subscription <id> -out catalog-import.json
//
// A malformed listing is an error naming the file, the JSON path and the problem;
// nothing is written then.
package main
