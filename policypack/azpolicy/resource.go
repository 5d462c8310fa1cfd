package azpolicy

import (
	"strings"
)

// Resource is a resource as Azure Policy sees it: its ARM JSON shape.
type Resource struct {
	// ARM is the resource in ARM JSON shape: type, name, id, location, kind, tags,
	// sku, identity, zones, properties, ... Values are JSON kinds (string, float64
	// or other Go numbers, bool, nil, []any, map[string]any) or Unknown.
	ARM map[string]any
	// FullName is the name with its parents' names ("vnet/subnet"), the fullName
	// field. Empty: derived from the id, or the name.
	FullName string

	typeLower string
}

// NewResource wraps an ARM-shaped resource.
func NewResource(arm map[string]any) *Resource {
	r := &Resource{ARM: arm}
	r.typeLower = strings.ToLower(r.Type())
	return r
}

// Type returns the ARM resource type ("" when it is not a known string).
func (r *Resource) Type() string {
	s, _ := r.ARM["type"].(string)
	return s
}

func (r *Resource) lowerType() string {
	if r.typeLower == "" {
		return strings.ToLower(r.Type())
	}
	return r.typeLower
}

// Name returns the resource's name ("" when it is not a known string).
func (r *Resource) Name() string {
	s, _ := r.ARM["name"].(string)
	return s
}

// fullName is the fullName field: FullName, or the names after "providers/<ns>"
// in the id, or the name.
func (r *Resource) fullName() any {
	if r.FullName != "" {
		return r.FullName
	}
	switch id := r.ARM["id"].(type) {
	case string:
		if n := fullNameFromID(id); n != "" {
			return n
		}
	case UnknownValue:
		return Unknown
	}
	v, ok := lookupFold(r.ARM, "name")
	if !ok {
		return absent
	}
	return v
}

// fullNameFromID returns "parent/child" from
// ".../providers/Namespace/parentType/parent/childType/child".
func fullNameFromID(id string) string {
	i := strings.LastIndex(strings.ToLower(id), "/providers/")
	if i < 0 {
		return ""
	}
	segs := strings.Split(strings.Trim(id[i+len("/providers/"):], "/"), "/")
	if len(segs) < 3 || len(segs)%2 == 0 {
		return ""
	}
	var names []string
	for j := 2; j < len(segs); j += 2 {
		names = append(names, segs[j])
	}
	return strings.Join(names, "/")
}

// fieldKind is what a `field` names
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#fields).
type fieldKind uint8

const (
	fieldTop      fieldKind = iota // name, kind, type, id, tags, identity.type, ...: an envelope path
	fieldFullName                  // fullName
	fieldLocation                  // location, normalized
	fieldTag                       // tags['x'], tags.x, tags[x]
	fieldAlias                     // Namespace/type/path
)

// fieldRef is a parsed field name.
type fieldRef struct {
	text  string
	kind  fieldKind
	path  []string // fieldTop: keys from the envelope
	tag   string
	alias *aliasRef
}

// parseField parses a field name: the resource fields or an alias.
func parseField(text string, table *AliasTable) (*fieldRef, error) {
	lower := strings.ToLower(text)
	switch lower {
	case "name", "kind", "type", "id", "tags":
		return &fieldRef{text: text, kind: fieldTop, path: []string{lower}}, nil
	case "fullname":
		return &fieldRef{text: text, kind: fieldFullName}, nil
	case "location":
		return &fieldRef{text: text, kind: fieldLocation}, nil
	}
	if strings.HasPrefix(lower, "identity.") && !strings.ContainsAny(text, "/[") {
		return &fieldRef{text: text, kind: fieldTop, path: strings.Split(text, ".")}, nil
	}
	if tag, ok := parseTagField(text); ok {
		return &fieldRef{text: text, kind: fieldTag, tag: tag}, nil
	}
	a, err := newAliasRef(text, table)
	if err != nil {
		return nil, err
	}
	return &fieldRef{text: text, kind: fieldAlias, alias: a}, nil
}

// parseTagField reads tags['name'], tags[”'quoted”'], tags[name] and tags.name.
func parseTagField(text string) (string, bool) {
	if len(text) < 6 || !strings.EqualFold(text[:4], "tags") {
		return "", false
	}
	rest := text[4:]
	switch {
	case rest[0] == '.':
		return rest[1:], len(rest) > 1
	case rest[0] == '[' && rest[len(rest)-1] == ']':
		inner := rest[1 : len(rest)-1]
		if len(inner) >= 2 && inner[0] == '\'' && inner[len(inner)-1] == '\'' {
			inner = strings.ReplaceAll(inner[1:len(inner)-1], "''", "'")
		}
		return inner, inner != ""
	}
	return "", false
}

// normalizeLocation folds "East US 2" to "eastus2", as Azure Policy does for the
// location field.
func normalizeLocation(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

// readTop reads a field of the resource that is not an alias.
func (f *fieldRef) readTop(r *Resource) any {
	switch f.kind {
	case fieldFullName:
		return r.fullName()
	case fieldLocation:
		v, ok := lookupFold(r.ARM, "location")
		if !ok {
			return absent
		}
		return normalizeLocation(v)
	case fieldTag:
		tags, ok := lookupFold(r.ARM, "tags")
		if !ok {
			return absent
		}
		return lookupStep(tags, step{key: f.tag})
	}
	var v any = r.ARM
	for _, k := range f.path {
		v = lookupStep(v, step{key: k})
	}
	return v
}
