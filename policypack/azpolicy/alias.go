package azpolicy

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// step is one step of a property path: a key, or "[*]" (every element).
type step struct {
	key  string
	wild bool
	// fallback: when the object has no such key but has a "properties" object (a
	// sub-resource in ARM's envelope), read the key there.
	fallback bool
}

// envelopeTop are the names a resource's ARM envelope holds; an alias's first
// name reads there when it is one of them, and under "properties" otherwise.
var envelopeTop = map[string]bool{
	"name": true, "location": true, "tags": true, "kind": true, "sku": true, "identity": true,
	"zones": true, "type": true, "id": true, "plan": true, "extendedlocation": true, "etag": true,
	"managedby": true, "systemdata": true,
}

// envelopeSub are the names a sub-resource keeps beside its "properties".
var envelopeSub = map[string]bool{"name": true, "id": true, "type": true, "etag": true}

// genericSteps maps an alias's property path (after the resource type) to the
// ARM path by the generic rule.
func genericSteps(path string) ([]step, error) {
	raw, err := splitPath(path)
	if err != nil {
		return nil, err
	}
	var out []step
	for i, s := range raw {
		switch {
		case s.wild:
			out = append(out, s)
		case i == 0 && envelopeTop[strings.ToLower(s.key)]:
			out = append(out, s)
		case i == 0:
			out = append(out, step{key: "properties"}, s)
		default:
			s.fallback = !envelopeSub[strings.ToLower(s.key)]
			out = append(out, s)
		}
	}
	return out, nil
}

// literalSteps parses an ARM path as written ("properties.sku.name",
// "properties.securityRules[*].properties.access").
func literalSteps(path string) ([]step, error) { return splitPath(path) }

func splitPath(path string) ([]step, error) {
	var out []step
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, step{key: key})
		}
		if rest == "" && strings.HasSuffix(part, "[") {
			return nil, fmt.Errorf("property path %q: unterminated '['", path)
		}
		for rest != "" {
			if !strings.HasPrefix(rest, "*]") {
				return nil, fmt.Errorf("property path %q: only [*] is supported inside brackets", path)
			}
			out = append(out, step{wild: true})
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "*]"), "[")
		}
		if key == "" && !strings.Contains(part, "[") {
			return nil, fmt.Errorf("property path %q: empty name", path)
		}
	}
	return out, nil
}

// aliasRef is an alias as a condition or function uses it, resolved against an
// alias table.
type aliasRef struct {
	text      string
	typeLower string // the resource type the generic rule applies it to
	steps     []step
	// prefixes[j] is the lower-cased alias up to and including its j-th [*], the
	// key under which a count binds the member being enumerated.
	prefixes []string
	// overrides are the table's paths for this alias, by lower-cased resource type.
	overrides map[string][]step
}

// newAliasRef parses an alias "Namespace/type[/child...]/path".
func newAliasRef(text string, table *AliasTable) (*aliasRef, error) {
	i := strings.LastIndexByte(text, '/')
	if i <= 0 || i == len(text)-1 {
		return nil, fmt.Errorf("field %q is neither a resource field (name, type, location, tags, ...) nor an alias (Namespace/type/property)", text)
	}
	steps, err := genericSteps(text[i+1:])
	if err != nil {
		return nil, fmt.Errorf("alias %q: %w", text, err)
	}
	r := &aliasRef{text: text, typeLower: strings.ToLower(text[:i]), steps: steps}
	lower := strings.ToLower(text)
	for at := 0; ; {
		j := strings.Index(lower[at:], "[*]")
		if j < 0 {
			break
		}
		at += j + 3
		r.prefixes = append(r.prefixes, lower[:at])
	}
	if table != nil {
		r.overrides = table.byAlias[lower]
	}
	for t, s := range r.overrides {
		if wildcards(s) != len(r.prefixes) {
			return nil, fmt.Errorf("alias %q: the alias table's path for %s has %d [*], the alias %d", text, t, wildcards(s), len(r.prefixes))
		}
	}
	return r, nil
}

func wildcards(steps []step) int {
	n := 0
	for _, s := range steps {
		if s.wild {
			n++
		}
	}
	return n
}

// stepsFor returns the path of the alias for a resource type, or nil when the
// alias does not apply to it (its value is then missing).
func (r *aliasRef) stepsFor(typeLower string) []step {
	if s, ok := r.overrides[typeLower]; ok {
		return s
	}
	if typeLower == r.typeLower {
		return r.steps
	}
	return nil
}

// lookupStep reads one key of v: exactly, then (fallback) exactly under its
// properties, then ignoring case in the same order.
func lookupStep(v any, s step) any {
	switch x := v.(type) {
	case UnknownValue:
		return Unknown
	case map[string]any:
		if e, ok := x[s.key]; ok {
			return e
		}
		var pm map[string]any
		if s.fallback {
			switch p := x["properties"].(type) {
			case map[string]any:
				if e, ok := p[s.key]; ok {
					return e
				}
				pm = p
			case UnknownValue:
				if _, direct := lookupFold(x, s.key); !direct {
					return Unknown
				}
			}
		}
		if e, ok := lookupFold(x, s.key); ok {
			return e
		}
		if pm != nil {
			if e, ok := lookupFold(pm, s.key); ok {
				return e
			}
		}
	}
	return absent
}

// selectSingle follows a path without wildcards.
func selectSingle(v any, steps []step) any {
	for _, s := range steps {
		v = lookupStep(v, s)
		if isAbsent(v) || IsUnknown(v) {
			return v
		}
	}
	return v
}

// selectAll follows a path with wildcards and appends every selected value to out;
// unknown is set when an array on the way is not known.
func selectAll(v any, steps []step, out []any) (res []any, unknown bool) {
	for i, s := range steps {
		if !s.wild {
			v = lookupStep(v, s)
			if IsUnknown(v) {
				return out, true
			}
			continue
		}
		switch arr := v.(type) {
		case UnknownValue:
			return out, true
		case []any:
			for _, e := range arr {
				var u bool
				out, u = selectAll(e, steps[i+1:], out)
				unknown = unknown || u
			}
		}
		return out, unknown
	}
	return append(out, v), false
}

// AliasTable maps aliases to ARM paths where the generic rule (strip the resource
// type; envelope names at the top, everything else under properties; sub-resources'
// names under their own properties) is wrong. DefaultAliases holds the exceptions
// for the resource types the project deploys; add a tenant's with AddProviderJSON.
type AliasTable struct {
	// byAlias: lower-cased alias → lower-cased resource type → path.
	byAlias map[string]map[string][]step
	entries []AliasEntry
}

// AliasEntry is one alias of a resource type and the ARM path it reads.
type AliasEntry struct {
	// ResourceType is the ARM type the alias is evaluated on, e.g.
	// "Microsoft.Compute/virtualMachines".
	ResourceType string `json:"resourceType"`
	// Alias is the alias, e.g. "Microsoft.Compute/imagePublisher".
	Alias string `json:"alias"`
	// Path is the ARM path, e.g. "properties.storageProfile.imageReference.publisher".
	Path string `json:"path"`
	// Source says where the mapping comes from.
	Source string `json:"source,omitempty"`
}

// NewAliasTable returns an empty table.
func NewAliasTable() *AliasTable { return &AliasTable{byAlias: map[string]map[string][]step{}} }

// Add records an entry, replacing any earlier one for the same type and alias.
func (t *AliasTable) Add(e AliasEntry) error {
	if !strings.Contains(e.ResourceType, "/") || e.Alias == "" || e.Path == "" {
		return fmt.Errorf("alias entry %+v: resourceType (Namespace/type), alias and path are required", e)
	}
	steps, err := literalSteps(e.Path)
	if err != nil {
		return fmt.Errorf("alias %s on %s: %w", e.Alias, e.ResourceType, err)
	}
	key := strings.ToLower(e.Alias)
	if t.byAlias[key] == nil {
		t.byAlias[key] = map[string][]step{}
	}
	t.byAlias[key][strings.ToLower(e.ResourceType)] = steps
	t.entries = append(t.entries, e)
	return nil
}

// Entries returns the entries in the order they were added.
func (t *AliasTable) Entries() []AliasEntry { return append([]AliasEntry(nil), t.entries...) }

// Clone returns a copy that can be extended without changing t.
func (t *AliasTable) Clone() *AliasTable {
	c := NewAliasTable()
	for _, e := range t.entries {
		_ = c.Add(e) // entries were valid when added
	}
	return c
}

// providerJSON is the part of `az provider show --namespace X --expand
// "resourceTypes/aliases"` (and of `az provider list --expand ...`) the table reads.
type providerJSON struct {
	Namespace     string `json:"namespace"`
	ResourceTypes []struct {
		ResourceType string `json:"resourceType"`
		Aliases      []struct {
			Name        string `json:"name"`
			DefaultPath string `json:"defaultPath"`
			Paths       []struct {
				Path string `json:"path"`
			} `json:"paths"`
		} `json:"aliases"`
	} `json:"resourceTypes"`
}

// AddProviderJSON adds every alias of `az provider show --namespace X --expand
// "resourceTypes/aliases"` output (one provider object, or an array of them as
// `az provider list` prints). An alias without defaultPath takes its first path.
// It returns the number of aliases added.
func (t *AliasTable) AddProviderJSON(data []byte, source string) (int, error) {
	var many []providerJSON
	if err := json.Unmarshal(data, &many); err != nil {
		var one providerJSON
		if err1 := json.Unmarshal(data, &one); err1 != nil {
			return 0, fmt.Errorf("provider aliases: not `az provider show --expand resourceTypes/aliases` JSON: %w", err1)
		}
		many = []providerJSON{one}
	}
	n := 0
	for _, p := range many {
		if p.Namespace == "" {
			return n, fmt.Errorf("provider aliases: an entry has no namespace")
		}
		for _, rt := range p.ResourceTypes {
			for _, a := range rt.Aliases {
				path := a.DefaultPath
				if path == "" && len(a.Paths) > 0 {
					path = a.Paths[0].Path
				}
				if path == "" {
					continue
				}
				err := t.Add(AliasEntry{ResourceType: p.Namespace + "/" + rt.ResourceType, Alias: a.Name, Path: path, Source: source})
				if err != nil {
					return n, err
				}
				n++
			}
		}
	}
	return n, nil
}

//go:embed aliases.json
var defaultAliasesJSON []byte

// defaultAliases is built once; DefaultAliases hands out clones.
var defaultAliases = mustLoadAliases(defaultAliasesJSON)

func mustLoadAliases(data []byte) *AliasTable {
	var file struct {
		Entries []AliasEntry `json:"entries"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		panic(fmt.Sprintf("azpolicy: embedded aliases.json: %v", err))
	}
	t := NewAliasTable()
	for _, e := range file.Entries {
		if err := t.Add(e); err != nil {
			panic(fmt.Sprintf("azpolicy: embedded aliases.json: %v", err))
		}
	}
	return t
}

// DefaultAliases returns a copy of the shipped exceptions table.
func DefaultAliases() *AliasTable { return defaultAliases.Clone() }

// ResolveAlias returns the ARM path an alias reads on a resource type, as the
// evaluator resolves it ("" when the alias does not apply to the type), e.g.
// "properties.securityRules[*].properties.access" for
// Microsoft.Network/networkSecurityGroups/securityRules[*].access. Generic-rule
// steps that may read under a sub-resource's properties are shown with a "?"
// prefix: "properties.ipConfigurations[*].?subnet.?id".
func (t *AliasTable) ResolveAlias(resourceType, alias string) (string, error) {
	r, err := newAliasRef(alias, t)
	if err != nil {
		return "", err
	}
	steps := r.stepsFor(strings.ToLower(resourceType))
	if steps == nil {
		return "", nil
	}
	var b strings.Builder
	for i, s := range steps {
		switch {
		case s.wild:
			b.WriteString("[*]")
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			if s.fallback {
				b.WriteByte('?')
			}
			b.WriteString(s.key)
		}
	}
	return b.String(), nil
}
