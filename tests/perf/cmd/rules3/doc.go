// Command rules3 evaluates the pack's three rules that the TypeScript pack also has
// (jsonrules.ThreeRules) over a JSON resource file as the TypeScript harness does
// (node tspack/dist/bench.js): load, one warm-up pass, timed passes (-passes, default
// 5), and prints the same JSON fields: load time, evaluation time per resource,
// findings per pass, peak resident memory. Passes alternate between two contexts so
// that no pass reuses the previous one's cached classification, as each Analyze call
// builds a new resource. It is its own small binary, not a subcommand of perf, so that
// its memory is the rules' and the data's.
//
//	rules3 [-passes P] file.json
package main
