package azpolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Definition is a parsed policy definition
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics).
type Definition struct {
	// ID is the definition's resource id when the document has one, e.g.
	// "/providers/Microsoft.Authorization/policyDefinitions/<guid>".
	ID string
	// Name is the definition's name (the last segment of its id).
	Name        string
	DisplayName string
	Description string
	// Mode is the mode as written ("All", "Indexed", "Microsoft.Kubernetes.Data",
	// ...; empty is Indexed).
	Mode     string
	Version  string
	Metadata map[string]any
	// Parameters are the declared parameters, by name.
	Parameters map[string]*Parameter

	mode    modeKind
	ifCond  cond
	effect  node
	details details
}

// Parameter is a declared parameter
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-parameters).
type Parameter struct {
	// Type is String, Array, Object, Boolean, Integer, Float or DateTime.
	Type          string
	DefaultValue  any
	HasDefault    bool
	AllowedValues []any
	Metadata      map[string]any
}

// modeKind is how a mode selects resources.
type modeKind uint8

const (
	modeIndexed  modeKind = iota // types that support tags and location
	modeAll                      // every type
	modeProvider                 // a Resource Provider mode: evaluated by the provider, not at deployment
)

// ParseDefinition parses a policy definition in either shape: the Azure/azure-policy
// repository and REST shape ({"name", "properties": {"displayName", "mode",
// "parameters", "policyRule"}}) or the flat shape of `az policy definition show`
// and of the project's library ({"name", "displayName", "mode", "parameters",
// "policyRule"}). Structural errors (a condition without an operator, an unknown
// operator, a malformed expression) are returned; an unknown function or a wrong
// number of arguments is reported when the rule is evaluated, as Azure does.
func ParseDefinition(data []byte) (*Definition, error) {
	var doc map[string]any
	if err := decodeJSON(data, &doc); err != nil {
		return nil, fmt.Errorf("policy definition: %w", err)
	}
	return definitionFromMap(doc)
}

func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("unexpected data after the JSON value")
	}
	return nil
}

// envelope returns the properties of a REST-shaped document, or the document itself
// when it is flat; key is a property only the properties carry.
func envelope(doc map[string]any, key string) map[string]any {
	if _, ok := lookupFold(doc, key); ok {
		return doc
	}
	if p, ok := lookupFold(doc, "properties"); ok {
		if pm, ok := p.(map[string]any); ok {
			if _, ok := lookupFold(pm, key); ok {
				return pm
			}
		}
	}
	return nil
}

func str(m map[string]any, key string) string {
	v, _ := lookupFold(m, key)
	s, _ := v.(string)
	return s
}

func obj(m map[string]any, key string) map[string]any {
	v, _ := lookupFold(m, key)
	o, _ := v.(map[string]any)
	return o
}

func definitionFromMap(doc map[string]any) (*Definition, error) {
	props := envelope(doc, "policyRule")
	if props == nil {
		return nil, fmt.Errorf("policy definition %q: no policyRule (neither at the top nor under properties)", str(doc, "name"))
	}
	d := &Definition{
		ID: str(doc, "id"), Name: str(doc, "name"),
		DisplayName: str(props, "displayName"), Description: str(props, "description"),
		Mode: str(props, "mode"), Version: str(props, "version"), Metadata: obj(props, "metadata"),
	}
	if d.Name == "" && d.ID != "" {
		d.Name = d.ID[strings.LastIndexByte(d.ID, '/')+1:]
	}
	label := d.label()
	var err error
	if d.mode, err = parseMode(d.Mode); err != nil {
		return nil, fmt.Errorf("policy definition %s: %w", label, err)
	}
	if d.Parameters, err = parseParameters(obj(props, "parameters")); err != nil {
		return nil, fmt.Errorf("policy definition %s: %w", label, err)
	}
	if err := d.parseRule(obj(props, "policyRule")); err != nil {
		return nil, fmt.Errorf("policy definition %s: %w", label, err)
	}
	return d, nil
}

func (d *Definition) label() string {
	switch {
	case d.Name != "" && d.DisplayName != "":
		return fmt.Sprintf("%s (%q)", d.Name, d.DisplayName)
	case d.Name != "":
		return d.Name
	}
	return fmt.Sprintf("%q", d.DisplayName)
}

// parseMode reads the mode
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#mode):
// all, indexed (also when empty: a null mode is indexed), or a Resource Provider
// mode ending in ".Data".
func parseMode(m string) (modeKind, error) {
	switch strings.ToLower(m) {
	case "", "indexed":
		return modeIndexed, nil
	case "all":
		return modeAll, nil
	}
	if strings.HasSuffix(strings.ToLower(m), ".data") {
		return modeProvider, nil
	}
	return 0, fmt.Errorf("mode %q is not a mode; use All, Indexed, or a Resource Provider mode (Microsoft.<Provider>.Data)", m)
}

var parameterTypes = []string{"String", "Array", "Object", "Boolean", "Integer", "Float", "DateTime"}

func parseParameters(raw map[string]any) (map[string]*Parameter, error) {
	out := make(map[string]*Parameter, len(raw))
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		p, ok := raw[name].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("parameter %q: expected an object with type", name)
		}
		param := &Parameter{Type: canonicalType(str(p, "type")), Metadata: obj(p, "metadata")}
		if param.Type == "" {
			return nil, fmt.Errorf("parameter %q: type %q is not one of %s", name, str(p, "type"), strings.Join(parameterTypes, ", "))
		}
		if v, ok := lookupFold(p, "defaultValue"); ok {
			param.DefaultValue, param.HasDefault = normalizeJSON(v), true
		}
		if v, ok := lookupFold(p, "allowedValues"); ok {
			arr, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("parameter %q: allowedValues must be an array", name)
			}
			param.AllowedValues = arr
		}
		out[name] = param
	}
	return out, nil
}

func canonicalType(t string) string {
	for _, c := range parameterTypes {
		if strings.EqualFold(c, t) {
			return c
		}
	}
	return ""
}

// normalizeJSON converts Go numbers in a decoded value to float64.
func normalizeJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeJSON(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeJSON(e)
		}
	default:
		return normalize(v)
	}
	return v
}

func (d *Definition) parseRule(rule map[string]any) error {
	if rule == nil {
		return fmt.Errorf("policyRule must be an object with if and then")
	}
	ifRaw, ok := lookupFold(rule, "if")
	if !ok {
		return fmt.Errorf("policyRule has no if")
	}
	c, err := parseCond(ifRaw, "policyRule.if")
	if err != nil {
		return err
	}
	d.ifCond = c
	then := obj(rule, "then")
	if then == nil {
		return fmt.Errorf("policyRule has no then object")
	}
	eff, ok := lookupFold(then, "effect")
	if !ok {
		return fmt.Errorf("policyRule.then has no effect")
	}
	if d.effect, err = compileValue(eff); err != nil {
		return fmt.Errorf("policyRule.then.effect: %w", err)
	}
	det, _ := lookupFold(then, "details")
	if d.details, err = parseDetails(det); err != nil {
		return fmt.Errorf("policyRule.then.details: %w", err)
	}
	return nil
}

// ResolveParameters checks values given for declared parameters and fills in
// defaults: every given name must be declared, every value of the declared type
// and among allowedValues (compared case-sensitively, as ARM does when it creates
// an assignment), and every parameter without a default must be given. Unknown
// values pass unchecked. owner names the definition or set in errors.
func ResolveParameters(owner string, declared map[string]*Parameter, given map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(declared))
	var problems []string
	names := make([]string, 0, len(given))
	for k := range given {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		p, canonical := lookupParam(declared, name)
		if p == nil {
			problems = append(problems, fmt.Sprintf("parameter %q is not declared by %s; it declares %s", name, owner, declaredNames(declared)))
			continue
		}
		v := normalizeJSON(given[name])
		if err := p.check(v); err != nil {
			problems = append(problems, fmt.Sprintf("parameter %q of %s: %v", name, owner, err))
			continue
		}
		out[canonical] = v
	}
	for _, name := range sortedKeys(declared) {
		if _, ok := out[name]; ok {
			continue
		}
		if _, givenBad := lookupFold(given, name); givenBad {
			continue
		}
		p := declared[name]
		if !p.HasDefault {
			problems = append(problems, fmt.Sprintf("parameter %q of %s has no default value and was not given one", name, owner))
			continue
		}
		out[name] = p.DefaultValue
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return out, nil
}

func lookupParam(declared map[string]*Parameter, name string) (*Parameter, string) {
	if p, ok := declared[name]; ok {
		return p, name
	}
	for k, p := range declared {
		if strings.EqualFold(k, name) {
			return p, k
		}
	}
	return nil, ""
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func declaredNames(declared map[string]*Parameter) string {
	if len(declared) == 0 {
		return "no parameters"
	}
	return strings.Join(sortedKeys(declared), ", ")
}

// check verifies a value against the parameter's type and allowed values.
func (p *Parameter) check(v any) error {
	if hasUnknown(v) {
		return nil
	}
	if err := checkType(p.Type, v); err != nil {
		return err
	}
	if len(p.AllowedValues) == 0 {
		return nil
	}
	if containsStrict(p.AllowedValues, v) {
		return nil
	}
	if arr, ok := v.([]any); ok && p.Type == "Array" {
		for _, e := range arr {
			if !containsStrict(p.AllowedValues, e) {
				return fmt.Errorf("%s is not allowed; allowed values (case-sensitive): %s", Render(e), Render(p.AllowedValues))
			}
		}
		return nil
	}
	return fmt.Errorf("%s is not allowed; allowed values (case-sensitive): %s", Render(v), Render(p.AllowedValues))
}

func checkType(t string, v any) error {
	ok := false
	switch t {
	case "String":
		_, ok = v.(string)
	case "DateTime":
		s, isStr := v.(string)
		_, isDate := parseDate(s)
		ok = isStr && isDate
	case "Array":
		_, ok = v.([]any)
	case "Object":
		_, ok = v.(map[string]any)
	case "Boolean":
		_, ok = v.(bool)
	case "Integer":
		f, isNum := toNumber(v)
		ok = isNum && f == float64(int64(f))
	case "Float":
		_, ok = toNumber(v)
	}
	if !ok {
		return fmt.Errorf("%s is %s, not of type %s", Render(v), kindName(v), t)
	}
	return nil
}
