package manifest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Manifest is the part of PulumiPolicy.yaml the pack reports.
type Manifest struct {
	// Name is the policy pack's name.
	Name string
	// Version is the pack's semantic version.
	Version string
	// Description is the pack's description (folded to one line).
	Description string
}

var (
	nameRE    = regexp.MustCompile(`^[a-zA-Z0-9._-]{1,100}$`)
	versionRE = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)
)

// Parse reads the top-level name, version and description of a PulumiPolicy.yaml
// (plain scalars, or a folded ">-" block for the description) and checks them.
func Parse(data []byte) (Manifest, error) {
	var m Manifest
	sc := bufio.NewScanner(bytes.NewReader(data))
	var folding bool
	var desc []string
	for sc.Scan() {
		line := sc.Text()
		if folding {
			if strings.HasPrefix(line, " ") || strings.TrimSpace(line) == "" {
				if t := strings.TrimSpace(line); t != "" {
					desc = append(desc, t)
				}
				continue
			}
			folding = false
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(key, " ") || strings.HasPrefix(key, "#") {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch key {
		case "name":
			m.Name = value
		case "version":
			m.Version = value
		case "description":
			if value == ">-" || value == ">" || value == "|" {
				folding = true
			} else {
				desc = append(desc, value)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return m, fmt.Errorf("reading: %w", err)
	}
	m.Description = strings.Join(desc, " ")
	var errs []error
	if !nameRE.MatchString(m.Name) {
		errs = append(errs, fmt.Errorf("name %q: use 1-100 letters, digits, '.', '_' or '-'", m.Name))
	}
	if !versionRE.MatchString(m.Version) {
		errs = append(errs, fmt.Errorf("version %q: use a semantic version such as 0.1.0", m.Version))
	}
	return m, errors.Join(errs...)
}
