// Command perf is the whole-command side of the benchmarks (scripts/bench runs it):
//
//	perf export -n N [-break K] file.json   the realistic set of N resources as JSON
//	perf startup [-runs R] packbinary        start-up: process start → port → GetAnalyzerInfo
//	perf preview [-runs R] [-stack corp]     engine previews with and without the pack
//	perf actiongraph file.json               compile time per module of a go build -debug-actiongraph
//	perf report -dir results -o BENCHMARKS.md  the figures of a scripts/bench run into the Markdown file
//
// Each prints one JSON object per measurement on stdout. The subcommands live one
// a file: export.go (the JSON file of the TypeScript comparison, whose Go side is the
// rules3 command), startup.go (pack start-up), preview.go (engine previews),
// actiongraph.go (what a cold build spends its time on), report.go (BENCHMARKS.md).
package main
