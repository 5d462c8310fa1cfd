// Command gen regenerates library.json from the library's source: run it with
// `go generate ./internal/docs` in the provider module.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/aiready/aiready/provider/internal/docs"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	// go generate runs in the package directory, provider/internal/docs.
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		return err
	}
	l, err := docs.Extract(root)
	if err != nil {
		return err
	}
	b, err := l.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile("library.json", b, 0o644)
}
