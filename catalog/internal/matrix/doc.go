// Package matrix builds the catalog's availability and lifecycle from Microsoft's own
// tables instead of a hand-written list: the model-matrix include files of the Azure
// OpenAI documentation (one table per deployment type: a row per region, a column per
// model and version, ✅ where that version is offered) and the model retirement table
// (lifecycle status, deprecation and retirement dates per version).
//
// The tables are committed under catalog/source with a manifest (tables.json) naming
// the repository, path and commit each was read at, beside base.json, the facts the
// tables do not give (regions with their pairs, data zones and other services,
// deployment types, default quotas, the models the project tracks). Build joins them:
// every version of a tracked model that a table lists, the regions per deployment
// type, the lifecycle where the retirement table has a row, and the openai service on
// every region that a table lists. A region a table names that base.json lacks, a cell
// that is neither ✅ nor -, a row of the wrong width or a date it cannot read is an
// error naming the file and line; nothing is written then.
//
// The gencatalog command (go generate in package catalog) writes the result to
// catalog/catalog.json and the policy pack's copies; a test rebuilds it and fails when
// the committed file differs.
package matrix
