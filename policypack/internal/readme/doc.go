// Package readme generates the parts of the pack's README.md that come from the rules'
// metadata and the config keys: the rule list with levels and the config reference.
// The generated text sits between marker comments; the prose around it is written by
// hand. `go run ./cmd/gendoc` (or `go generate`) rewrites it, and a test fails when
// README.md is stale.
package readme
