// Command gencatalog writes the catalog from the committed tables: catalog.json in
// the catalog package (from source/, see package matrix), and the policy pack's
// copies, which must build without the library: config/catalog.json (the same bytes)
// and the shared Go files (matrix.PackFiles) in package config. Run it with go
// generate in the catalog package. It writes nothing unless everything builds.
package main
