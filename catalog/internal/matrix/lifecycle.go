package matrix

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/aiready/aiready/catalog"
)

// Key names one model version.
type Key struct {
	Model   string
	Version string
}

// lifecycle columns, by the start of their header.
var lifecycleColumns = []string{"Model Name", "Model Version", "Lifecycle Status", "Deprecation Date", "Retirement Date"}

var (
	isoDateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	notBeforeRE = regexp.MustCompile(`^(?:No earlier than|No retirement scheduled\. Will not retire before) (.+)$`)
	byTypeRE    = regexp.MustCompile(`^(\w+) deployment type retires on \*\*(\d{4}-\d{2}-\d{2})\*\*, .* the retirement date has been moved to \*\*(\d{4}-\d{2}-\d{2})\*\*\.$`)
)

// ParseLifecycle reads the model retirement include file: every table whose header
// starts with "Model Name" gives, per model version, its status, deprecation and
// retirement. Other tables (fine-tuned models, default versions) are skipped.
func ParseLifecycle(name string, data []byte) (map[Key]catalog.Lifecycle, error) {
	_, body, err := frontMatterDate(name, data)
	if err != nil {
		return nil, err
	}
	out := map[Key]catalog.Lifecycle{}
	var cols []int // cell index per lifecycleColumns entry; nil outside a lifecycle table
	for i := 0; i < len(body); i++ {
		l := body[i]
		if !strings.HasPrefix(strings.TrimSpace(l.text), "|") {
			cols = nil
			continue
		}
		cells := splitRow(l.text)
		if cols == nil {
			if cells[0] != "Model Name" {
				for i+1 < len(body) && strings.HasPrefix(strings.TrimSpace(body[i+1].text), "|") {
					i++ // skip the rest of another table
				}
				continue
			}
			if cols, err = lifecycleHeader(name, l.n, cells); err != nil {
				return nil, err
			}
			i++ // the alignment row
			continue
		}
		k, lc, err := lifecycleRow(name, l.n, cells, cols)
		if err != nil {
			return nil, err
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s version %s is listed twice", name, l.n, k.Model, k.Version)
		}
		out[k] = lc
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no table with a Model Name column", name)
	}
	return out, nil
}

func lifecycleHeader(name string, n int, cells []string) ([]int, error) {
	cols := make([]int, len(lifecycleColumns))
	for j, want := range lifecycleColumns {
		cols[j] = -1
		for i, c := range cells {
			if strings.HasPrefix(c, want) {
				cols[j] = i
			}
		}
		if cols[j] < 0 {
			return nil, fmt.Errorf("%s:%d: lifecycle table has no %q column", name, n, want)
		}
	}
	return cols, nil
}

func lifecycleRow(name string, n int, cells []string, cols []int) (Key, catalog.Lifecycle, error) {
	var lc catalog.Lifecycle
	for _, c := range cols {
		if c >= len(cells) {
			return Key{}, lc, fmt.Errorf("%s:%d: row has %d cells; the header names column %d", name, n, len(cells), c+1)
		}
	}
	k := Key{Model: strings.Trim(cells[cols[0]], "`"), Version: cells[cols[1]]}
	if k.Model == "" || k.Version == "" {
		return k, lc, fmt.Errorf("%s:%d: row without a model name and version", name, n)
	}
	where := fmt.Sprintf("%s:%d: %s version %s", name, n, k.Model, k.Version)
	switch s := strings.Trim(cells[cols[2]], "`"); s {
	case "Generally Available":
		lc.Status = catalog.StatusGenerallyAvailable
	case "Preview":
		lc.Status = catalog.StatusPreview
	default:
		return k, lc, fmt.Errorf("%s: lifecycle status %q is neither Generally Available nor Preview", where, s)
	}
	var err error
	if lc.Deprecation, lc.DeprecationNotBefore, err = parseWhen(cells[cols[3]]); err != nil {
		return k, lc, fmt.Errorf("%s: deprecation: %w", where, err)
	}
	if m := byTypeRE.FindStringSubmatch(cells[cols[4]]); m != nil {
		lc.RetirementByDeploymentType = map[string]string{m[1]: m[2]}
		lc.Retirement = m[3]
	} else if lc.Retirement, lc.RetirementNotBefore, err = parseWhen(cells[cols[4]]); err != nil {
		return k, lc, fmt.Errorf("%s: retirement: %w", where, err)
	}
	return k, lc, nil
}

// parseWhen reads a lifecycle cell: empty or n/a (none), a date, or a "no earlier
// than" date, written YYYY-MM-DD or "Month D, YYYY".
func parseWhen(cell string) (date, notBefore string, err error) {
	switch {
	case cell == "" || cell == "n/a":
		return "", "", nil
	case isoDateRE.MatchString(cell):
		d, err := parseDate(cell)
		return d, "", err
	}
	if m := notBeforeRE.FindStringSubmatch(cell); m != nil {
		d, err := parseDate(m[1])
		return "", d, err
	}
	return "", "", fmt.Errorf("%q is neither a date, \"No earlier than <date>\", nor n/a", cell)
}

func parseDate(s string) (string, error) {
	for _, layout := range []string{catalog.DateLayout, "January 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(catalog.DateLayout), nil
		}
	}
	return "", fmt.Errorf("%q is not a date (YYYY-MM-DD or Month D, YYYY)", s)
}
