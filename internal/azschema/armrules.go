package azschema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

//go:embed armrules.json
var armRulesJSON []byte

// ARMRule is one rule Azure Resource Manager, or the resource provider behind it,
// enforces on a request body beyond the type definitions (armrules.json holds them
// with their sources). It applies to an azure-native resource of its Resource (any
// API version) and to a resource of its ARMType in an ARM template deployment.
type ARMRule struct {
	// ID names the rule.
	ID string `json:"id"`
	// ARMType is the ARM resource type, e.g. "Microsoft.ApiManagement/service/backends".
	ARMType string `json:"armType"`
	// Resource is the azure-native module and type, e.g. "apimanagement:Backend".
	Resource string `json:"resource"`
	// When are the conditions, all of which must hold, for the rule to apply.
	When []ARMMatch `json:"when"`
	// Refuse are what Azure refuses when the rule applies.
	Refuse []ARMRefusal `json:"refuse"`
	// Sources say where the rule comes from.
	Sources []string `json:"sources"`
}

// ARMMatch is a condition: the string at Path is one of Values (any casing).
type ARMMatch struct {
	// Path is an ARM body path, e.g. "properties.type".
	Path string `json:"path"`
	// Values are the values that match.
	Values []string `json:"values"`
}

// ARMRefusal is what Azure refuses: the property at Path set at all (Set), or set to
// one of Values (any casing; each maps to the value to use instead).
type ARMRefusal struct {
	// Path is an ARM body path, e.g. "properties.url".
	Path string `json:"path"`
	// Set refuses any value.
	Set bool `json:"set"`
	// Values are the refused values, each with the value to use instead.
	Values map[string]string `json:"values"`
	// Azure is what Azure answers.
	Azure string `json:"azure"`
	// Fix says what to do instead, when Values does not.
	Fix string `json:"fix"`
}

// OpenEnum is an enum whose values Azure does not restrict to the listed ones.
type OpenEnum struct {
	// Enum is the qualified enum name, e.g. "compute.VirtualMachineSizeTypes".
	Enum string `json:"enum"`
	// Why says why values outside it are valid.
	Why string `json:"why"`
	// Source says where that comes from.
	Source string `json:"source"`
}

type armRulesFile struct {
	About     string     `json:"about"`
	OpenEnums []OpenEnum `json:"openEnums"`
	Rules     []ARMRule  `json:"rules"`
}

// ARMRules returns the rules of armrules.json, checked for shape.
func ARMRules() ([]ARMRule, error) {
	f, err := armRules()
	return f.Rules, err
}

// OpenEnums returns the open enums of armrules.json by name.
func OpenEnums() (map[string]OpenEnum, error) {
	f, err := armRules()
	if err != nil {
		return nil, err
	}
	out := make(map[string]OpenEnum, len(f.OpenEnums))
	for _, e := range f.OpenEnums {
		out[e.Enum] = e
	}
	return out, nil
}

var armRules = sync.OnceValues(func() (armRulesFile, error) {
	return parseARMRules(armRulesJSON)
})

func parseARMRules(data []byte) (armRulesFile, error) {
	var f armRulesFile
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("azschema: armrules.json: %w", err)
	}
	for _, e := range f.OpenEnums {
		if !strings.Contains(e.Enum, ".") || e.Why == "" || e.Source == "" {
			return f, fmt.Errorf("azschema: armrules.json: open enum %q needs a qualified name, why and a source", e.Enum)
		}
	}
	seen := map[string]bool{}
	for i, r := range f.Rules {
		switch {
		case r.ID == "" || seen[r.ID]:
			return f, fmt.Errorf("azschema: armrules.json: rule %d: id %q is empty or repeated", i, r.ID)
		case !strings.Contains(r.ARMType, "/") || !strings.Contains(r.Resource, ":"):
			return f, fmt.Errorf("azschema: armrules.json: rule %s: armType %q and resource %q must be an ARM type and an azure-native module:Type", r.ID, r.ARMType, r.Resource)
		case len(r.Refuse) == 0 || len(r.Sources) == 0:
			return f, fmt.Errorf("azschema: armrules.json: rule %s: needs what Azure refuses and the sources that say so", r.ID)
		}
		for _, ref := range r.Refuse {
			if ref.Path == "" || ref.Set == (len(ref.Values) > 0) || ref.Azure == "" {
				return f, fmt.Errorf("azschema: armrules.json: rule %s: refusal of %q needs a path, either set or values, and what Azure answers", r.ID, ref.Path)
			}
		}
		seen[r.ID] = true
	}
	return f, nil
}

// armBody reads ARM body paths from a resource's inputs or a template resource.
type armBody struct {
	props resource.PropertyMap
	// args are the inputs of an azure-native resource (nil for a template
	// resource): azure-native lifts the body's properties to the top level of most
	// resources' inputs, so "properties.url" is the input "url" where the resource
	// has one.
	args *Object
	// prefix is the reported path of the body (for a template resource).
	prefix string
}

func (b armBody) local(path string) string {
	rest, ok := strings.CutPrefix(path, "properties.")
	if !ok || b.args == nil {
		return path
	}
	first, _, _ := strings.Cut(rest, ".")
	if _, lifted := b.args.Props[first]; lifted {
		return rest
	}
	return path
}

func (b armBody) reported(path string) string { return join(b.prefix, b.local(path)) }

// get returns the value at an ARM path: set is false when it is missing or null,
// known is false while it is unknown (it may still be set).
func (b armBody) get(path string) (v resource.PropertyValue, set, known bool) {
	cur := resource.NewProperty(b.props)
	for _, seg := range strings.Split(b.local(path), ".") {
		cur = unwrap(cur)
		if unknown(cur) {
			return cur, true, false
		}
		if !cur.IsObject() {
			return resource.PropertyValue{}, false, false
		}
		next, ok := cur.ObjectValue()[resource.PropertyKey(seg)]
		if !ok {
			return resource.PropertyValue{}, false, false
		}
		cur = next
	}
	cur = unwrap(cur)
	if cur.IsNull() {
		return cur, false, false
	}
	return cur, true, !unknown(cur)
}

// str returns the known string at an ARM path.
func (b armBody) str(path string) (string, bool) {
	v, _, known := b.get(path)
	if !known || !v.IsString() {
		return "", false
	}
	return v.StringValue(), true
}

// known returns the known value at an ARM path.
func (b armBody) known(path string) (resource.PropertyValue, bool) {
	v, _, known := b.get(path)
	return v, known
}

// applies reports whether every condition holds, and describes them.
func (r ARMRule) applies(b armBody) (string, bool) {
	var conds []string
	for _, w := range r.When {
		s, ok := b.str(w.Path)
		if !ok || !containsFold(w.Values, s) {
			return "", false
		}
		conds = append(conds, fmt.Sprintf("%s %q", w.Path[strings.LastIndexByte(w.Path, '.')+1:], s))
	}
	desc := "a " + r.ARMType
	if len(conds) > 0 {
		desc += " with " + strings.Join(conds, " and ")
	}
	return desc, true
}

// check adds a problem for every refusal the body runs into.
func (r ARMRule) check(v *validator, b armBody) {
	desc, ok := r.applies(b)
	if !ok {
		return
	}
	for _, ref := range r.Refuse {
		if ref.Set {
			if _, set, _ := b.get(ref.Path); set {
				v.add("property %q is set on %s; Azure refuses it (%s) [%s]; %s", b.reported(ref.Path), desc, ref.Azure, r.ID, ref.Fix)
			}
			continue
		}
		s, ok := b.str(ref.Path)
		if !ok {
			continue
		}
		for refused, use := range ref.Values {
			if strings.EqualFold(refused, s) {
				v.add("property %q is %q on %s; Azure refuses it (%s) [%s]; use %q", b.reported(ref.Path), s, desc, ref.Azure, r.ID, use)
			}
		}
	}
}

// armRules applies the ARM rules to a resource's inputs and, for an ARM template
// deployment, to each resource of its template.
func (v *validator) armRules(token string, r *Resource, props resource.PropertyMap) error {
	rules, err := ARMRules()
	if err != nil {
		return err
	}
	key := moduleType(token)
	body := armBody{props: props, args: r.Inputs}
	for _, rule := range rules {
		if rule.Resource == key {
			rule.check(v, body)
		}
	}
	if mod, typ, _ := strings.Cut(key, ":"); mod == "resources" && strings.HasPrefix(typ, "Deployment") {
		v.template(rules, props)
	}
	return nil
}

// template applies the rules to the resources of a deployment's template
// (properties.template.resources: a list, or an object of symbolic names).
func (v *validator) template(rules []ARMRule, props resource.PropertyMap) {
	tpl, ok := armBody{props: props}.known("properties.template")
	if !ok {
		return
	}
	if tpl.IsString() {
		var m map[string]any
		if err := json.Unmarshal([]byte(tpl.StringValue()), &m); err != nil {
			v.add("property %q is not a JSON template: %v", "properties.template", err)
			return
		}
		tpl = resource.NewProperty(resource.NewPropertyMapFromMap(m))
	}
	if !tpl.IsObject() {
		return
	}
	list, ok := armBody{props: tpl.ObjectValue()}.known("resources")
	if !ok {
		return
	}
	v.templateResources(rules, "properties.template.resources", "", list)
}

func (v *validator) templateResources(rules []ARMRule, prefix, parentType string, list resource.PropertyValue) {
	each := func(path string, e resource.PropertyValue) {
		if e = unwrap(e); !e.IsObject() {
			return
		}
		res := e.ObjectValue()
		full, ok := armBody{props: res}.str("type")
		if !ok {
			return
		}
		if parentType != "" && !strings.Contains(full, "/") {
			full = parentType + "/" + full // a child resource's type is relative to its parent's
		}
		for _, rule := range rules {
			if strings.EqualFold(rule.ARMType, full) {
				rule.check(v, armBody{props: res, prefix: path})
			}
		}
		if children, ok := (armBody{props: res}).known("resources"); ok {
			v.templateResources(rules, path+".resources", full, children)
		}
	}
	switch {
	case list.IsArray():
		for i, e := range list.ArrayValue() {
			each(fmt.Sprintf("%s[%d]", prefix, i), e)
		}
	case list.IsObject():
		for _, k := range list.ObjectValue().StableKeys() {
			each(prefix+"."+string(k), list.ObjectValue()[k])
		}
	}
}

// moduleType returns "module:Type" of an azure-native token, without the API version.
func moduleType(token string) string {
	m := tokenParts.FindStringSubmatch(token)
	if m == nil {
		return ""
	}
	module, _, _ := strings.Cut(m[1], "/")
	return module + ":" + m[2]
}

func containsFold(values []string, s string) bool {
	for _, v := range values {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
