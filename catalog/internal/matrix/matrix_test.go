package matrix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
)

// TestCommittedCatalogIsCurrent: catalog/catalog.json is what the generator makes of
// the committed tables; edit the tables or base.json and run go generate in catalog.
func TestCommittedCatalogIsCurrent(t *testing.T) {
	got, err := Build(filepath.Join("..", "..", "source"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("catalog/catalog.json differs from what the tables in catalog/source give; run go generate in catalog")
	}
}

const front = "---\ntitle: t\nms.date: 08/12/2025\n---\n\n"

func TestParseTable(t *testing.T) {
	tb, err := ParseTable("t.md", []byte(front+"| **Region** | **gpt-4o**, **2024-11-20** | **text-embedding-3-large**, **1** |\n|:--|:-:|:-:|\n| eastus | ✅ | - |\n| westus | - | ✅ |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Date != "2025-08-12" || len(tb.Columns) != 2 || tb.Columns[1] != (Column{"text-embedding-3-large", "1"}) {
		t.Fatalf("table = %+v", tb)
	}
	if len(tb.Rows) != 2 || !tb.Rows[0].Offered[0] || tb.Rows[0].Offered[1] || tb.Rows[1].Region != "westus" || tb.Rows[1].Line != 9 {
		t.Fatalf("rows = %+v", tb.Rows)
	}
}

func TestParseTableRejects(t *testing.T) {
	const head = "| **Region** | **gpt-4o**, **2024-11-20** |\n|:--|:-:|\n"
	cases := map[string]struct{ text, want string }{
		"no front matter":  {head + "| eastus | ✅ |\n", "t.md:1: no front matter"},
		"no date":          {"---\ntitle: t\n---\n" + head, "front matter has no ms.date"},
		"bad date":         {"---\nms.date: 2025-08-12\n---\n" + head, `t.md:2: ms.date "2025-08-12" is not MM/DD/YYYY`},
		"header":           {front + "| Region | gpt-4o |\n|:--|:-:|\n| eastus | ✅ |\n", `t.md:6: header starts with "Region"`},
		"column header":    {front + "| **Region** | gpt-4o 2024-11-20 |\n|:--|:-:|\n| eastus | ✅ |\n", `t.md:6: column 2 header "gpt-4o 2024-11-20" is not **model**, **version**`},
		"repeated column":  {front + "| **Region** | **a**, **1** | **a**, **1** |\n|:--|:-:|:-:|\n| eastus | ✅ | - |\n", "column 3 repeats a version 1 of column 2"},
		"alignment":        {front + "| **Region** | **a**, **1** |\n|:--|\n| eastus | ✅ |\n", "t.md:7: alignment row has 1 cells; the header has 2"},
		"short row":        {front + head + "| eastus |\n", `t.md:8: row "eastus" has 1 cells; the header has 2`},
		"bad cell":         {front + head + "| eastus | yes |\n", `t.md:8: region eastus, column 2: cell "yes" is neither ✅ nor -`},
		"bad region":       {front + head + "| East US | ✅ |\n", `t.md:8: "East US" is not a region name`},
		"no rows":          {front + head, "t.md: no table rows"},
		"text after table": {front + head + "| eastus | ✅ |\nA note.\n", "t.md:9: text after the table"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseTable("t.md", []byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

const lifecycleHead = "| Model Name | Model Version<sup>1</sup> | Lifecycle Status | Deprecation Date (No New Customers) | Retirement Date | Replacement Model |\n|:--|:--|:--|:--|:--|:--|\n"

func TestParseLifecycle(t *testing.T) {
	text := front + lifecycleHead +
		"| `gpt-4o` | 2024-08-06 | `Generally Available` | 2025-08-06 | Standard deployment type retires on **2026-03-31**, with auto-upgrades scheduled to start on **2026-03-09**. For other deployment types, including ALL Provisioned, the retirement date has been moved to **2026-10-01**. | `gpt-5.1` |\n" +
		"| `gpt-5.2` | 2025-12-11 | `Generally Available` | No earlier than 2026-12-12 | No earlier than 2027-05-12 | |\n" +
		"| `whisper` | 001 | `Preview` | No earlier than June 18, 2026 |  |  |\n" +
		"\n| Model | Version | Training retirement date |\n|--|--|--|\n| `gpt-4o` | 2024-08-06 | Base model retirement |\n"
	got, err := ParseLifecycle("r.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[Key]catalog.Lifecycle{
		{"gpt-4o", "2024-08-06"}:  {Status: catalog.StatusGenerallyAvailable, Deprecation: "2025-08-06", Retirement: "2026-10-01", RetirementByDeploymentType: map[string]string{"Standard": "2026-03-31"}},
		{"gpt-5.2", "2025-12-11"}: {Status: catalog.StatusGenerallyAvailable, DeprecationNotBefore: "2026-12-12", RetirementNotBefore: "2027-05-12"},
		{"whisper", "001"}:        {Status: catalog.StatusPreview, DeprecationNotBefore: "2026-06-18"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(got), len(want), got)
	}
	for k, w := range want {
		g := got[k]
		if g.Status != w.Status || g.Deprecation != w.Deprecation || g.DeprecationNotBefore != w.DeprecationNotBefore ||
			g.Retirement != w.Retirement || g.RetirementNotBefore != w.RetirementNotBefore || g.RetirementFor("Standard") != w.RetirementFor("Standard") {
			t.Errorf("%v = %+v, want %+v", k, g, w)
		}
	}
}

func TestParseLifecycleRejects(t *testing.T) {
	row := func(status, dep, ret string) string {
		return front + lifecycleHead + "| `m` | 1 | `" + status + "` | " + dep + " | " + ret + " | |\n"
	}
	cases := map[string]struct{ text, want string }{
		"status":    {row("Beta", "n/a", "2026-01-01"), `r.md:8: m version 1: lifecycle status "Beta"`},
		"retire":    {row("Preview", "n/a", "soon"), `r.md:8: m version 1: retirement: "soon" is neither a date`},
		"deprecate": {row("Preview", "2026-13-01", ""), `r.md:8: m version 1: deprecation: "2026-13-01" is not a date`},
		"twice":     {row("Preview", "n/a", "") + "| `m` | 1 | `Preview` | n/a | | |\n", "r.md:9: m version 1 is listed twice"},
		"column":    {front + "| Model Name | Model Version | Lifecycle Status | Retirement Date |\n|--|--|--|--|\n", `lifecycle table has no "Deprecation Date" column`},
		"no table":  {front + "Nothing.\n", "r.md: no table with a Model Name column"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseLifecycle("r.md", []byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// writeSource writes a small source directory: one Standard table and a lifecycle table.
func writeSource(t *testing.T, base, table string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"tables.json": `{"repository":"r","read":"2026-12-02","availability":[{"file":"s.md","path":"p/s.md","commit":"c1","deploymentType":"Standard"}],"lifecycle":{"file":"l.md","path":"p/l.md","commit":"c2"}}`,
		"base.json":   base,
		"s.md":        table,
		"l.md":        front + lifecycleHead + "| `gpt-4o` | 2024-11-20 | `Generally Available` | 2025-11-20 | 2026-10-01 | |\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	smallBase  = `{"version":"2026-12-02","description":"d","regions":{"eastus":{"displayName":"East US","services":["search"]},"westus":{"displayName":"West US","services":[]}},"deploymentTypes":{"Standard":{"scope":"regional"}},"models":{"gpt-4o":{"format":"OpenAI"}},"quotas":{"default":{"Standard":150}}}`
	smallTable = front + "| **Region** | **gpt-4o**, **2024-11-20** | **dall-e-3**, **3.0** |\n|:--|:-:|:-:|\n| eastus | ✅ | - |\n| westus | - | ✅ |\n"
)

func TestBuild(t *testing.T) {
	js, err := Build(writeSource(t, smallBase, smallTable))
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	v := c.Models["gpt-4o"].Versions["2024-11-20"]
	if got := v.Deployments["Standard"]; len(got) != 1 || got[0] != "eastus" {
		t.Errorf("regions = %v", got)
	}
	if v.Lifecycle == nil || v.Lifecycle.Retirement != "2026-10-01" {
		t.Errorf("lifecycle = %+v", v.Lifecycle)
	}
	// westus lists only an untracked model: it offers Azure OpenAI all the same.
	if !c.Regions["eastus"].Offers(catalog.ServiceOpenAI) || !c.Regions["westus"].Offers(catalog.ServiceOpenAI) || !c.Regions["eastus"].Offers(catalog.ServiceSearch) {
		t.Errorf("regions = %+v", c.Regions)
	}
	if _, tracked := c.Models["dall-e-3"]; tracked {
		t.Error("an untracked model is in the catalog")
	}
	if s := c.Source; s == nil || len(s.Tables) != 2 || s.Tables[0] != (catalog.SourceTable{Path: "p/s.md", Commit: "c1", Date: "2025-08-12", DeploymentType: "Standard"}) {
		t.Errorf("source = %+v", c.Source)
	}
}

func TestBuildRejects(t *testing.T) {
	cases := map[string]struct{ base, table, want string }{
		"unknown region":  {smallBase, smallTable + "| northpole | ✅ | - |\n", `s.md:10: region "northpole" is not in base.json's regions`},
		"openai by hand":  {strings.Replace(smallBase, `"services":["search"]`, `"services":["openai"]`, 1), smallTable, `base.json: regions.eastus lists "openai"`},
		"untabled model":  {strings.Replace(smallBase, `"gpt-4o":{"format":"OpenAI"}`, `"gpt-4o":{"format":"OpenAI"},"gpt-9":{"format":"OpenAI"}`, 1), smallTable, `base.json: model "gpt-9" is in no availability table`},
		"unknown type":    {strings.Replace(smallBase, `"Standard":{"scope":"regional"}`, `"Other":{"scope":"regional"}`, 1), smallTable, `tables.json: s.md: deployment type "Standard" is not in base.json's deploymentTypes`},
		"base field":      {strings.Replace(smallBase, `"version"`, `"versoin"`, 1), smallTable, `base.json: json: unknown field "versoin"`}, //nolint:misspell // a field misspelt on purpose: the unknown-field error
		"bad table":       {smallBase, smallTable + "| eastus | ✅ |\n", `s.md:10: row "eastus" has 2 cells`},
		"invalid catalog": {strings.Replace(smallBase, `"Standard":150`, `"Standard":0`, 1), smallTable, `the generated catalog is invalid: catalog: quotas.default.Standard: 0 must be at least 1`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Build(writeSource(t, tc.base, tc.table))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestPackFacts(t *testing.T) {
	out, err := PackFacts([]byte("package catalog\n\nconst X = 1\n"), "config")
	if err != nil {
		t.Fatal(err)
	}
	if want := GeneratedHeader + "package config\n\nconst X = 1\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if _, err := PackFacts([]byte("package other\n"), "config"); err == nil || !strings.Contains(err.Error(), `found 0`) {
		t.Errorf("error = %v", err)
	}
	if _, err := PackFacts([]byte("package catalog\nconst  X=1\n"), "config"); err == nil || !strings.Contains(err.Error(), "not gofmt-formatted") {
		t.Errorf("error = %v", err)
	}
}

// TestPackCopiesAreCurrent: the policy pack builds without the library, so it keeps
// generated copies of catalog.json and facts.go; they must be what the generator
// writes. Skipped where the pack's directory is absent (the library used as a module).
func TestPackCopiesAreCurrent(t *testing.T) {
	pack := filepath.Join("..", "..", "..", "policypack", "config")
	if _, err := os.Stat(pack); err != nil {
		t.Skipf("no policy pack beside the library (%v)", err)
	}
	wantJSON, err := os.ReadFile(filepath.Join("..", "..", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{"catalog.json": wantJSON}
	for src, dst := range PackFiles {
		code, err := os.ReadFile(filepath.Join("..", "..", src))
		if err != nil {
			t.Fatal(err)
		}
		if want[dst], err = PackFacts(code, "config"); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range want {
		got, err := os.ReadFile(filepath.Join(pack, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("policypack/config/%s is not what the generator writes; run go generate in catalog", name)
		}
	}
}
