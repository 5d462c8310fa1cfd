package matrix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/aiready/aiready/catalog"
)

// Manifest is tables.json: where each committed table was read.
type Manifest struct {
	// Repository is the source repository of the tables.
	Repository string `json:"repository"`
	// Read is the date the tables were read (YYYY-MM-DD).
	Read string `json:"read"`
	// Availability lists the model-matrix tables, one per deployment type.
	Availability []ManifestTable `json:"availability"`
	// Lifecycle is the model retirement table.
	Lifecycle ManifestTable `json:"lifecycle"`
}

// ManifestTable is one committed table.
type ManifestTable struct {
	// File is the committed copy, relative to the source directory.
	File string `json:"file"`
	// Path is the table's path in the repository.
	Path string `json:"path"`
	// Commit is the commit the table was read at.
	Commit string `json:"commit"`
	// DeploymentType is the deployment type the table lists (availability tables only).
	DeploymentType string `json:"deploymentType,omitempty"`
}

// Base is base.json: the facts the tables do not give.
type Base struct {
	Version         string                            `json:"version"`
	Description     string                            `json:"description"`
	Regions         map[string]catalog.Region         `json:"regions"`
	DeploymentTypes map[string]catalog.DeploymentType `json:"deploymentTypes"`
	// Models are the models the catalog tracks, with their format.
	Models map[string]struct {
		Format string `json:"format"`
	} `json:"models"`
	Quotas catalog.Quotas `json:"quotas"`
}

// Build reads the source directory (tables.json, base.json and the tables they name)
// and returns the catalog's JSON, validated by the catalog's own loader.
func Build(dir string) ([]byte, error) {
	var man Manifest
	if err := readJSON(filepath.Join(dir, "tables.json"), &man); err != nil {
		return nil, err
	}
	var base Base
	if err := readJSON(filepath.Join(dir, "base.json"), &base); err != nil {
		return nil, err
	}
	c, err := assemble(dir, man, base)
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the catalog: %w", err)
	}
	out = append(out, '\n')
	if _, err := catalog.Load(bytes.NewReader(out)); err != nil {
		return nil, fmt.Errorf("the generated catalog is invalid: %w", err)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// assemble joins the base facts, the availability tables and the lifecycle table.
func assemble(dir string, man Manifest, base Base) (*catalog.Catalog, error) {
	c := &catalog.Catalog{
		Version: base.Version, Description: base.Description,
		Source:  &catalog.Source{Repository: man.Repository, Read: man.Read},
		Regions: map[string]catalog.Region{}, DeploymentTypes: base.DeploymentTypes,
		Models: map[string]catalog.Model{}, Quotas: base.Quotas,
	}
	for name, r := range base.Regions {
		if r.Offers(catalog.ServiceOpenAI) {
			return nil, fmt.Errorf("base.json: regions.%s lists %q; the tables decide which regions offer it, so leave it out", name, catalog.ServiceOpenAI)
		}
		r.Services = slices.Clone(r.Services)
		c.Regions[name] = r
	}
	for name, m := range base.Models {
		c.Models[name] = catalog.Model{Format: m.Format, Versions: map[string]catalog.ModelVersion{}}
	}
	seenTypes := map[string]string{}
	for _, mt := range man.Availability {
		if prev, dup := seenTypes[mt.DeploymentType]; dup {
			return nil, fmt.Errorf("tables.json: %s and %s both list deployment type %q; keep one table per type", prev, mt.File, mt.DeploymentType)
		}
		seenTypes[mt.DeploymentType] = mt.File
		if err := addTable(dir, mt, c); err != nil {
			return nil, err
		}
	}
	if err := addLifecycle(dir, man.Lifecycle, c); err != nil {
		return nil, err
	}
	for name, m := range c.Models {
		if len(m.Versions) == 0 {
			return nil, fmt.Errorf("base.json: model %q is in no availability table; drop it or add the table that lists it", name)
		}
	}
	for name, r := range c.Regions {
		sort.Strings(r.Services)
		c.Regions[name] = r
	}
	return c, nil
}

// addTable adds one availability table: the versions of tracked models it lists,
// their regions, and the openai service on every region it lists with any model.
func addTable(dir string, mt ManifestTable, c *catalog.Catalog) error {
	if _, ok := c.DeploymentTypes[mt.DeploymentType]; !ok {
		return fmt.Errorf("tables.json: %s: deployment type %q is not in base.json's deploymentTypes", mt.File, mt.DeploymentType)
	}
	data, err := os.ReadFile(filepath.Join(dir, mt.File))
	if err != nil {
		return fmt.Errorf("reading %s: %w", mt.File, err)
	}
	t, err := ParseTable(mt.File, data)
	if err != nil {
		return err
	}
	c.Source.Tables = append(c.Source.Tables, catalog.SourceTable{Path: mt.Path, Commit: mt.Commit, Date: t.Date, DeploymentType: mt.DeploymentType})
	for _, row := range t.Rows {
		reg, ok := c.Regions[row.Region]
		if !ok {
			return fmt.Errorf("%s:%d: region %q is not in base.json's regions; add it with its display name, pair, data zone and services", mt.File, row.Line, row.Region)
		}
		if slices.Contains(row.Offered, true) && !reg.Offers(catalog.ServiceOpenAI) {
			reg.Services = append(reg.Services, catalog.ServiceOpenAI)
			c.Regions[row.Region] = reg
		}
		for i, col := range t.Columns {
			m, tracked := c.Models[col.Model]
			if !tracked || !row.Offered[i] {
				continue
			}
			mv := m.Versions[col.Version]
			if mv.Deployments == nil {
				mv.Deployments = map[string][]string{}
			}
			mv.Deployments[mt.DeploymentType] = append(mv.Deployments[mt.DeploymentType], row.Region)
			sort.Strings(mv.Deployments[mt.DeploymentType])
			m.Versions[col.Version] = mv
		}
	}
	return nil
}

// addLifecycle sets the lifecycle of every catalog version the retirement table lists.
func addLifecycle(dir string, mt ManifestTable, c *catalog.Catalog) error {
	data, err := os.ReadFile(filepath.Join(dir, mt.File))
	if err != nil {
		return fmt.Errorf("reading %s: %w", mt.File, err)
	}
	date, _, err := frontMatterDate(mt.File, data)
	if err != nil {
		return err
	}
	lcs, err := ParseLifecycle(mt.File, data)
	if err != nil {
		return err
	}
	c.Source.Tables = append(c.Source.Tables, catalog.SourceTable{Path: mt.Path, Commit: mt.Commit, Date: date})
	for k, lc := range lcs {
		m, ok := c.Models[k.Model]
		if !ok {
			continue
		}
		mv, ok := m.Versions[k.Version]
		if !ok {
			continue // a version no availability table lists
		}
		lc := lc
		mv.Lifecycle = &lc
		m.Versions[k.Version] = mv
	}
	return nil
}
