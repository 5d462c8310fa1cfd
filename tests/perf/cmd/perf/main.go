package main

import (
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		usage()
		return 2
	}
	cmds := map[string]func([]string) error{
		"export":      export,
		"startup":     startup,
		"preview":     preview,
		"actiongraph": actiongraph,
		"report":      report,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		usage()
		return 2
	}
	if err := cmd(args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "perf %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: perf export|startup|preview|actiongraph|report [flags] [args]; see the package doc")
}
