package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/catalog/internal/azimport"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, time.Now); err != nil {
		fmt.Fprintln(os.Stderr, "import:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer, now func() time.Time) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	in := fs.String("in", "", "the directory of listings (models-<region>.json, usages-<region>.json, provider-<namespace>.json)")
	sub := fs.String("subscription", "", "the subscription id the listings were read with (az account show --query id -o tsv)")
	date := fs.String("date", now().UTC().Format(catalog.DateLayout), "the day the listings were read (YYYY-MM-DD)")
	out := fs.String("out", "", "the import file to write; - for standard output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || *sub == "" || *out == "" {
		return errors.New("-in, -subscription and -out are required")
	}
	imp, err := azimport.Read(*in, catalog.Default(), *sub, *date)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(imp, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the import: %w", err)
	}
	data = append(data, '\n')
	if *out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeFile(*out, data)
}

// writeFile writes through a temporary file, so a failed write leaves no partial file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".catalog-import-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) //nolint:errcheck // cleanup of a temporary: gone already after the rename, else left behind harmlessly
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
