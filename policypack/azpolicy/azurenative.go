package azpolicy

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"
)

// nativeType is one entry of azurenative.json: how an azure-native resource's
// inputs map to its ARM shape.
type nativeType struct {
	Token           string   `json:"token"`
	Type            string   `json:"type"`
	Name            string   `json:"name"`
	NameAlias       string   `json:"nameAlias"`
	Parents         []string `json:"parents"`
	Path            []string `json:"path"`
	Properties      string   `json:"properties"`
	Reason          string   `json:"reason"`
	Drop            []string `json:"drop"`
	NotTop          []string `json:"notTop"`
	Top             []string `json:"top"`
	SubResources    []string `json:"subResources"`
	Taggable        bool     `json:"taggable"`
	NotIndexed      bool     `json:"notIndexed"`
	CheckedVersions []string `json:"checkedVersions"`
	// Renames maps a flattened input to the ARM property it is sent as, where
	// azure-native names it by the REST API's client name (x-ms-client-name).
	Renames map[string]string `json:"renames"`

	armType string
	skip    map[string]bool // lower-cased inputs that are not ARM body: path, parents, names, drop
	top     map[string]bool // lower-cased inputs that go to the envelope
	sub     *subNode
}

// defaultTop are the inputs of a flattened resource that are ARM envelope names.
var defaultTop = []string{"location", "tags", "sku", "identity", "kind", "zones", "extendedLocation", "plan", "etag", "managedBy", "id"}

//go:embed azurenative.json
var azureNativeJSON []byte

var nativeTypes, nativeModules = mustLoadNative(azureNativeJSON)

func mustLoadNative(data []byte) (map[string]*nativeType, map[string]string) {
	var file struct {
		Modules map[string]string `json:"modules"`
		Types   []*nativeType     `json:"types"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		panic(fmt.Sprintf("azpolicy: embedded azurenative.json: %v", err))
	}
	out := make(map[string]*nativeType, len(file.Types))
	for _, t := range file.Types {
		if err := t.prepare(file.Modules); err != nil {
			panic(fmt.Sprintf("azpolicy: embedded azurenative.json: %s: %v", t.Token, err))
		}
		out[strings.ToLower(t.Token)] = t
		taggableTypes[strings.ToLower(t.armType)] = t.Taggable && !t.NotIndexed
	}
	return out, file.Modules
}

func (t *nativeType) prepare(modules map[string]string) error {
	module, resource, ok := strings.Cut(t.Token, ":")
	ns := modules[module]
	if !ok || ns == "" || resource == "" {
		return fmt.Errorf("token must be <module>:<Resource> with a module of the modules table")
	}
	t.armType = ns + "/" + t.Type
	if len(t.Parents)+1 != len(strings.Split(t.Type, "/")) {
		return fmt.Errorf("type %s has %d segments but %d parents", t.Type, len(strings.Split(t.Type, "/")), len(t.Parents))
	}
	switch {
	case t.Properties == "flattened", t.Properties == "kept", strings.HasPrefix(t.Properties, "input:"):
	default:
		return fmt.Errorf("properties %q is not flattened, kept or input:<name>", t.Properties)
	}
	t.skip = lowerSet(append(append(append([]string{t.Name, t.NameAlias}, t.Path...), t.Parents...), t.Drop...))
	delete(t.skip, "@subscription")
	t.top = lowerSet(append(append([]string{}, defaultTop...), t.Top...))
	for _, n := range t.NotTop {
		delete(t.top, strings.ToLower(n))
	}
	t.sub = &subNode{}
	for _, p := range t.SubResources {
		if err := t.sub.add(p); err != nil {
			return err
		}
	}
	return nil
}

func lowerSet(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		if n != "" {
			out[strings.ToLower(n)] = true
		}
	}
	return out
}

// subNode is a trie of the inline sub-resources of an input.
type subNode struct {
	children map[string]*subNode
	elem     *subNode // the elements of an array input
	isSub    bool     // an object that is a sub-resource (fields under properties)
}

func (n *subNode) add(path string) error {
	steps, err := splitPath(path)
	if err != nil {
		return err
	}
	cur := n
	for i, s := range steps {
		if s.wild {
			if cur.elem == nil {
				cur.elem = &subNode{}
			}
			cur = cur.elem
		} else {
			if cur.children == nil {
				cur.children = map[string]*subNode{}
			}
			k := strings.ToLower(s.key)
			if cur.children[k] == nil {
				cur.children[k] = &subNode{}
			}
			cur = cur.children[k]
		}
		if i == len(steps)-1 {
			cur.isSub = true
		}
	}
	return nil
}

func (n *subNode) child(k string) *subNode {
	if n == nil {
		return nil
	}
	return n.children[strings.ToLower(k)]
}

// nest moves a flattened sub-resource's fields (other than name, id, type and
// etag) under its properties, recursively.
func nest(v any, n *subNode, up bool) any {
	if n == nil {
		return v
	}
	if arr, ok := v.([]any); ok && n.elem != nil {
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = nest(e, n.elem, up)
		}
		return out
	}
	m, ok := v.(map[string]any)
	if !ok || !n.isSub {
		return v
	}
	if up {
		return unnestObject(m, n)
	}
	out := map[string]any{}
	props := map[string]any{}
	for k, e := range m {
		if envelopeSub[strings.ToLower(k)] {
			out[k] = e
		} else {
			props[k] = nest(e, n.child(k), false)
		}
	}
	if len(props) > 0 {
		out["properties"] = props
	}
	return out
}

func unnestObject(m map[string]any, n *subNode) map[string]any {
	out := map[string]any{}
	for k, e := range m {
		if strings.EqualFold(k, "properties") {
			if pm, ok := e.(map[string]any); ok {
				for pk, pe := range pm {
					out[pk] = nest(pe, n.child(pk), true)
				}
				continue
			}
		}
		out[k] = e
	}
	return out
}

// ErrNotInTable is returned for a type token the conversion table does not hold.
var ErrNotInTable = errors.New("not in the azure-native conversion table")

// ParseToken splits "azure-native:network/v20240301:SecurityRule" into its module
// ("network"), API-version module ("v20240301", "" for the default) and resource
// ("SecurityRule").
func ParseToken(token string) (module, version, resource string, err error) {
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[0] != "azure-native" || parts[1] == "" || parts[2] == "" {
		return "", "", "", fmt.Errorf("type token %q is not azure-native:<module>[/<version>]:<Resource>", token)
	}
	module, version, _ = strings.Cut(parts[1], "/")
	return module, version, parts[2], nil
}

func lookupNative(token string) (*nativeType, error) {
	module, _, resource, err := ParseToken(token)
	if err != nil {
		return nil, err
	}
	t := nativeTypes[strings.ToLower(module+":"+resource)]
	if t == nil {
		return nil, fmt.Errorf("%s: %w", token, ErrNotInTable)
	}
	return t, nil
}

// ARMType returns the ARM resource type of an azure-native type token, any
// API-version module: "azure-native:network/v20240301:SecurityRule" is
// "Microsoft.Network/networkSecurityGroups/securityRules".
func ARMType(token string) (string, error) {
	t, err := lookupNative(token)
	if err != nil {
		return "", err
	}
	return t.armType, nil
}

// NativeRenames returns the flattened inputs a type sends under another ARM
// property name (input → ARM property; empty for most types).
func NativeRenames(token string) (map[string]string, error) {
	t, err := lookupNative(token)
	if err != nil {
		return nil, err
	}
	return maps.Clone(t.Renames), nil
}

// NativeTokens lists the tokens of the conversion table ("network:SecurityRule").
func NativeTokens() []string {
	out := make([]string, 0, len(nativeTypes))
	for _, t := range nativeTypes {
		out = append(out, t.Token)
	}
	sort.Strings(out)
	return out
}

// ConvertOptions complete what a resource's inputs do not say.
type ConvertOptions struct {
	// Name is the resource's name when its name input is not set (azure-native
	// auto-names resources in Check); empty: Unknown.
	Name string
	// SubscriptionID builds the resource's id; empty: the id is Unknown unless the
	// type's path needs no subscription.
	SubscriptionID string
}

// FromAzureNative converts an azure-native resource (its type token and inputs,
// with Unknown where Pulumi has a computed value) to the ARM shape Azure Policy
// evaluates: the type from the table; the own-name input as name; path parameters
// dropped; the other inputs in the envelope or under properties as the table
// says; inline sub-resources (NSG rules, subnets, IP configurations, ...) with
// their fields back under each one's properties; the id built when its parts are
// known, else Unknown.
func FromAzureNative(token string, inputs map[string]any, opts *ConvertOptions) (*Resource, error) {
	t, err := lookupNative(token)
	if err != nil {
		return nil, err
	}
	if opts == nil {
		opts = &ConvertOptions{}
	}
	arm := map[string]any{"type": t.armType}
	name := t.resourceName(inputs, opts)
	arm["name"] = name
	var props map[string]any
	if t.Properties == "flattened" {
		props = map[string]any{}
		arm["properties"] = props
	}
	for k, v := range inputs {
		lk := strings.ToLower(k)
		switch {
		case t.skip[lk]:
		case t.Properties == "kept" && lk == "properties", t.Properties == "input:"+k:
			arm["properties"] = v
		case t.Properties != "flattened", t.top[lk]:
			if !envelopeKeys[lk] {
				arm[k] = v
			}
		default:
			props[t.armProperty(k)] = nest(v, t.sub.child(k), false)
		}
	}
	names := t.names(inputs, name, opts)
	if _, ok := arm["id"]; !ok {
		arm["id"] = t.resourceID(inputs, names, opts)
	}
	res := NewResource(arm)
	if full, ok := joinNames(t.ownNames(names)); ok {
		res.FullName = full
	}
	return res, nil
}

// envelopeKeys are the ARM envelope's type and name, which the conversion
// derives from the token and the name input, never from a top-level input of
// that name (a flattened resource's "type" input is a property): at preview the engine overlays
// the planned outputs on the inputs, and azure-native's "type" and "name"
// outputs are unknown there (a kept-properties resource such as a Cognitive
// Services account copies its other keys to the top level).
var envelopeKeys = map[string]bool{"type": true, "name": true}

func (t *nativeType) resourceName(inputs map[string]any, opts *ConvertOptions) any {
	for _, in := range []string{t.Name, t.NameAlias} {
		if in == "" {
			continue
		}
		if v, ok := lookupFold(inputs, in); ok && !missing(v) && v != "" {
			return v
		}
	}
	if opts.Name != "" {
		return opts.Name
	}
	return Unknown
}

// names are the parents' names and the resource's, outermost first.
func (t *nativeType) names(inputs map[string]any, name any, opts *ConvertOptions) []any {
	out := make([]any, 0, len(t.Parents)+1)
	for _, p := range t.Parents {
		if lit, ok := strings.CutPrefix(p, "="); ok {
			out = append(out, lit)
			continue
		}
		if p == "@subscription" {
			var sub any = Unknown
			if opts.SubscriptionID != "" {
				sub = opts.SubscriptionID
			}
			out = append(out, sub)
			continue
		}
		v, ok := lookupFold(inputs, p)
		if !ok {
			v = Unknown
		}
		out = append(out, v)
	}
	return append(out, name)
}

// ownNames drops the subscription a resource group's names start with: fullName
// is the names of the resource and its parent resources.
func (t *nativeType) ownNames(names []any) []any {
	if len(t.Parents) > 0 && t.Parents[0] == "@subscription" {
		return names[1:]
	}
	return names
}

func joinNames(names []any) (string, bool) {
	parts := make([]string, len(names))
	for i, n := range names {
		s, ok := n.(string)
		if !ok || s == "" {
			return "", false
		}
		parts[i] = s
	}
	return strings.Join(parts, "/"), true
}

// resourceID builds the ARM id, or Unknown when a part is not known.
func (t *nativeType) resourceID(inputs map[string]any, names []any, opts *ConvertOptions) any {
	segs := strings.Split(t.Type, "/")
	var b strings.Builder
	prefix, ok := t.idPrefix(inputs, opts)
	if !ok {
		return Unknown
	}
	b.WriteString(prefix)
	if len(t.Parents) > 0 && t.Parents[0] == "@subscription" {
		sub, ok1 := names[0].(string)
		n, ok2 := names[len(names)-1].(string)
		if !ok1 || !ok2 || n == "" {
			return Unknown
		}
		return "/subscriptions/" + sub + "/resourceGroups/" + n
	}
	b.WriteString("/providers/" + strings.SplitN(t.armType, "/", 2)[0])
	for i, seg := range segs {
		n, ok := names[i].(string)
		if !ok || n == "" {
			return Unknown
		}
		b.WriteString("/" + seg + "/" + n)
	}
	return b.String()
}

func (t *nativeType) idPrefix(inputs map[string]any, opts *ConvertOptions) (string, bool) {
	str := func(k string) (string, bool) {
		v, _ := lookupFold(inputs, k)
		s, ok := v.(string)
		return s, ok && s != ""
	}
	for _, p := range t.Path {
		switch p {
		case "resourceGroupName":
			rg, ok := str(p)
			if !ok || opts.SubscriptionID == "" {
				return "", false
			}
			return "/subscriptions/" + opts.SubscriptionID + "/resourceGroups/" + rg, true
		case "managementGroupId":
			mg, ok := str(p)
			return "/providers/Microsoft.Management/managementGroups/" + mg, ok
		default: // scope, resourceUri: the id the resource extends
			s, ok := str(p)
			return strings.TrimRight(s, "/"), ok
		}
	}
	return "", true
}

// ToAzureNative converts an ARM-shaped resource back to the inputs of its
// azure-native type, taking the path parameters and parents' names from the
// original inputs: the inverse of FromAzureNative, for applying a Modify to what
// the program declares.
func ToAzureNative(token string, res *Resource, original map[string]any) (map[string]any, error) {
	t, err := lookupNative(token)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for k, v := range original {
		if t.skip[strings.ToLower(k)] {
			out[k] = v
		}
	}
	_, hadID := lookupFold(original, "id")
	for k, v := range res.ARM {
		lk := strings.ToLower(k)
		switch {
		case lk == "type", lk == "name", lk == "id" && !hadID:
		case lk == "properties":
			t.propertiesToInputs(v, out)
		default:
			out[k] = v
		}
	}
	return out, nil
}

// armProperty is the ARM property a flattened input is sent as.
func (t *nativeType) armProperty(input string) string {
	if p, ok := t.Renames[input]; ok {
		return p
	}
	return input
}

// inputOf is the flattened input an ARM property comes from.
func (t *nativeType) inputOf(property string) string {
	for in, p := range t.Renames {
		if p == property {
			return in
		}
	}
	return property
}

func (t *nativeType) propertiesToInputs(v any, out map[string]any) {
	switch {
	case t.Properties == "kept":
		out["properties"] = v
	case strings.HasPrefix(t.Properties, "input:"):
		out[strings.TrimPrefix(t.Properties, "input:")] = v
	default:
		props, _ := v.(map[string]any)
		for k, e := range props {
			in := t.inputOf(k)
			out[in] = nest(e, t.sub.child(in), true)
		}
	}
}

// RemediateInputs applies Modify operations (or Append details) to an azure-native
// resource's inputs: it converts them to ARM, applies the operations as Azure
// would, and converts back. Skipped lists the operations Azure would skip.
func RemediateInputs(token string, inputs map[string]any, ops []Operation, opts *ConvertOptions, aliases *AliasTable) (out map[string]any, skipped []Operation, err error) {
	res, err := FromAzureNative(token, inputs, opts)
	if err != nil {
		return nil, nil, err
	}
	modified, skipped, err := ApplyOperations(res, ops, aliases)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", token, err)
	}
	out, err = ToAzureNative(token, modified, inputs)
	return out, skipped, err
}
