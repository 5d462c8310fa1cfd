package readme

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
)

// Markers delimit the generated part of README.md.
const (
	Begin = "<!-- BEGIN GENERATED: go run ./cmd/gendoc -->"
	End   = "<!-- END GENERATED -->"
)

// Update returns the README with its generated part replaced by Generate's output.
func Update(readme []byte) ([]byte, error) {
	start := bytes.Index(readme, []byte(Begin))
	end := bytes.Index(readme, []byte(End))
	if start < 0 || end < start {
		return nil, errors.New("README.md: the generated-section markers are missing or out of order; add " + Begin + " and " + End)
	}
	var out bytes.Buffer
	out.Write(readme[:start+len(Begin)])
	out.WriteString("\n")
	out.WriteString(Generate(rules.All()))
	out.Write(readme[end:])
	return out.Bytes(), nil
}

var sections = []string{rules.SectionGovernance, rules.SectionConnectivity, rules.SectionReliability, rules.SectionFoundation}

// Generate renders the rule list, grouped by guide section, and the config reference.
func Generate(list []*rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Rules\n\n%d policies. Level is the default enforcement level (change it per policy or for \"all\" in config); "+
		"scope says whether the policy judges one resource (at preview and update) or the whole stack (after the resources are planned).\n", len(list))
	for _, sec := range sections {
		var in []*rules.Rule
		for _, r := range list {
			if r.Section == sec {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", sec)
		b.WriteString("| Policy | Level | Severity | Scope | Requires | Mirrors |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, r := range in {
			scope := "resource"
			if r.IsStack() {
				scope = "stack"
			}
			desc := r.Description
			if r.Fix != nil {
				desc += " Offers a remediation (level `remediate`)."
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", r.Name, r.Level, r.Severity, scope, cell(desc), cell(r.MirrorsText()))
		}
	}
	b.WriteString("\n## Config reference\n\nEach key is set on the policy named in the second column; other policies that need it read it from there.\n\n")
	b.WriteString("| Key | Set on policy | Default | Meaning |\n| --- | --- | --- | --- |\n")
	for _, k := range config.Keys {
		home := "?"
		if r := rules.ConfigHome(list, k.Name); r != nil {
			home = "`" + r.Name + "`"
		}
		def := "none"
		switch {
		case k.Name == "allowedModels":
			def = "the catalog's models and versions"
		case k.Name == "catalog":
			def = "the embedded catalog (version " + config.DefaultCatalog().Version + ")"
		case k.Default != nil:
			data, _ := json.Marshal(k.Default())
			def = "`" + string(data) + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", k.Name, home, cell(def), cell(k.Description))
	}
	b.WriteString("\n")
	return b.String()
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
}
