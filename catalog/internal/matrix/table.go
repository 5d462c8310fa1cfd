package matrix

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Column is one model version of an availability table.
type Column struct {
	Model   string
	Version string
}

// Row is one region of an availability table: Offered[i] is true where the table
// has ✅ in column i.
type Row struct {
	Region  string
	Offered []bool
	// Line is the row's line in the file, for messages.
	Line int
}

// Table is one availability table (a model-matrix include file).
type Table struct {
	// Date is the page's ms.date, YYYY-MM-DD.
	Date    string
	Columns []Column
	Rows    []Row
}

var (
	regionRE   = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	headerRE   = regexp.MustCompile(`^\*\*([^*]+)\*\*, \*\*([^*]+)\*\*$`)
	alignRE    = regexp.MustCompile(`^:?-+:?$`)
	msDateLine = regexp.MustCompile(`^ms\.date:\s*(\S+)\s*$`)
)

// ParseTable reads a model-matrix include file: YAML front matter with ms.date, then
// one markdown table whose first column is the region and whose other headers are
// "**model**, **version**". name is used in errors.
func ParseTable(name string, data []byte) (*Table, error) {
	date, body, err := frontMatterDate(name, data)
	if err != nil {
		return nil, err
	}
	t := &Table{Date: date}
	state := 0 // 0 before the header, 1 after the header, 2 in the rows
	for _, l := range body {
		if !strings.HasPrefix(strings.TrimSpace(l.text), "|") {
			if state == 2 && strings.TrimSpace(l.text) != "" {
				return nil, fmt.Errorf("%s:%d: text after the table; the file holds one table", name, l.n)
			}
			continue
		}
		cells := splitRow(l.text)
		switch state {
		case 0:
			if t.Columns, err = parseHeader(name, l.n, cells); err != nil {
				return nil, err
			}
		case 1:
			if err := checkAlign(name, l.n, cells, len(t.Columns)); err != nil {
				return nil, err
			}
		default:
			row, err := parseRow(name, l.n, cells, len(t.Columns))
			if err != nil {
				return nil, err
			}
			t.Rows = append(t.Rows, row)
		}
		state = min(state+1, 2)
	}
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("%s: no table rows; want a markdown table with a row per region", name)
	}
	return t, nil
}

type line struct {
	n    int
	text string
}

// frontMatterDate returns the ms.date of the front matter (as YYYY-MM-DD) and the
// lines after it.
func frontMatterDate(name string, data []byte) (string, []line, error) {
	var lines []line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		lines = append(lines, line{n, strings.TrimRight(sc.Text(), "\r")})
	}
	if err := sc.Err(); err != nil {
		return "", nil, fmt.Errorf("%s: reading: %w", name, err)
	}
	if len(lines) == 0 || lines[0].text != "---" {
		return "", nil, fmt.Errorf("%s:1: no front matter; the file must start with ---", name)
	}
	date := ""
	for i := 1; i < len(lines); i++ {
		if lines[i].text == "---" {
			if date == "" {
				return "", nil, fmt.Errorf("%s: front matter has no ms.date", name)
			}
			return date, lines[i+1:], nil
		}
		if m := msDateLine.FindStringSubmatch(lines[i].text); m != nil {
			d, err := time.Parse("01/02/2006", m[1])
			if err != nil {
				return "", nil, fmt.Errorf("%s:%d: ms.date %q is not MM/DD/YYYY", name, lines[i].n, m[1])
			}
			date = d.Format("2006-01-02")
		}
	}
	return "", nil, fmt.Errorf("%s: front matter is not closed by ---", name)
}

// splitRow returns the trimmed cells of a markdown table row.
func splitRow(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func parseHeader(name string, n int, cells []string) ([]Column, error) {
	if len(cells) < 2 || cells[0] != "**Region**" {
		return nil, fmt.Errorf("%s:%d: header starts with %q; want **Region** and a column per model version", name, n, first(cells))
	}
	cols := make([]Column, 0, len(cells)-1)
	seen := map[Column]int{}
	for i, c := range cells[1:] {
		m := headerRE.FindStringSubmatch(c)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: column %d header %q is not **model**, **version**", name, n, i+2, c)
		}
		col := Column{Model: m[1], Version: m[2]}
		if j, dup := seen[col]; dup {
			return nil, fmt.Errorf("%s:%d: column %d repeats %s version %s of column %d", name, n, i+2, col.Model, col.Version, j)
		}
		seen[col] = i + 2
		cols = append(cols, col)
	}
	return cols, nil
}

func checkAlign(name string, n int, cells []string, width int) error {
	if len(cells) != width+1 {
		return fmt.Errorf("%s:%d: alignment row has %d cells; the header has %d", name, n, len(cells), width+1)
	}
	for _, c := range cells {
		if !alignRE.MatchString(c) {
			return fmt.Errorf("%s:%d: %q is not an alignment cell (---, :--, :-:)", name, n, c)
		}
	}
	return nil
}

func parseRow(name string, n int, cells []string, width int) (Row, error) {
	if len(cells) != width+1 {
		return Row{}, fmt.Errorf("%s:%d: row %q has %d cells; the header has %d", name, n, first(cells), len(cells), width+1)
	}
	if !regionRE.MatchString(cells[0]) {
		return Row{}, fmt.Errorf("%s:%d: %q is not a region name (lower-case letters and digits)", name, n, cells[0])
	}
	row := Row{Region: cells[0], Offered: make([]bool, width), Line: n}
	for i, c := range cells[1:] {
		switch c {
		case "✅":
			row.Offered[i] = true
		case "-":
		default:
			return Row{}, fmt.Errorf("%s:%d: region %s, column %d: cell %q is neither ✅ nor -", name, n, row.Region, i+2, c)
		}
	}
	return row, nil
}

func first(cells []string) string {
	if len(cells) == 0 {
		return ""
	}
	return cells[0]
}
