package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// unknown is a value computed at preview, as the engine sends it.
var unknown = resource.MakeComputed(resource.NewProperty(""))

// fixture reads testdata/<name>.json as a property map.
func fixture(t testing.TB, name string) resource.PropertyMap {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	return resource.NewPropertyMapFromMap(m)
}

// set returns a deep copy of m with the value at path set. A path is dotted keys with
// optional [i] indexes ("subnets[0].name"); value may be a resource.PropertyValue.
func set(m resource.PropertyMap, path string, value any) resource.PropertyMap {
	out := deepCopy(resource.NewProperty(m)).ObjectValue()
	pv, ok := value.(resource.PropertyValue)
	if !ok {
		pv = resource.NewPropertyValue(value)
	}
	setIn(out, splitPath(path), pv, false)
	return out
}

// del returns a deep copy of m without the value at path.
func del(m resource.PropertyMap, path string) resource.PropertyMap {
	out := deepCopy(resource.NewProperty(m)).ObjectValue()
	setIn(out, splitPath(path), resource.PropertyValue{}, true)
	return out
}

type step struct {
	key   string
	index int // -1 for a key
}

func splitPath(path string) []step {
	var out []step
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, step{key: key, index: -1})
		}
		for rest != "" {
			n, after, _ := strings.Cut(rest, "]")
			i, _ := strconv.Atoi(n)
			out = append(out, step{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}

func setIn(m resource.PropertyMap, path []step, v resource.PropertyValue, remove bool) {
	cur := resource.NewProperty(m)
	for i, s := range path {
		last := i == len(path)-1
		if s.index < 0 {
			obj := cur.ObjectValue()
			k := resource.PropertyKey(s.key)
			if last {
				if remove {
					delete(obj, k)
				} else {
					obj[k] = v
				}
				return
			}
			next, ok := obj[k]
			if !ok || !(next.IsObject() || next.IsArray()) {
				next = resource.NewProperty(resource.PropertyMap{})
				obj[k] = next
			}
			cur = next
			continue
		}
		arr := cur.ArrayValue()
		if last {
			if remove {
				panic("del of an array element is not supported")
			}
			arr[s.index] = v
			return
		}
		cur = arr[s.index]
	}
}

func deepCopy(v resource.PropertyValue) resource.PropertyValue {
	switch {
	case v.IsObject():
		out := resource.PropertyMap{}
		for k, e := range v.ObjectValue() {
			out[k] = deepCopy(e)
		}
		return resource.NewProperty(out)
	case v.IsArray():
		a := v.ArrayValue()
		out := make([]resource.PropertyValue, len(a))
		for i, e := range a {
			out[i] = deepCopy(e)
		}
		return resource.NewProperty(out)
	}
	return v
}

// ctxWith returns a preview context whose stack config says archetype and environment.
func ctxWith(archetype, environment string) *Context {
	ctx := NewContext()
	ctx.Stack = StackInfo{Project: "ai-ready", Name: "test", Archetype: archetype, Environment: environment}
	return ctx
}

// withSettings returns a context whose settings are changed by f.
func withSettings(ctx *Context, f func(s *config.Settings)) *Context {
	c := *ctx
	c.Settings = ctx.Settings.Clone()
	f(c.Settings)
	return &c
}

// messages renders findings as the user sees them, with their URN when set.
func messages(ctx *Context, fs []Finding) []string {
	var out []string
	for _, f := range fs {
		msg := f.Render(ctx.Preview)
		if f.URN != "" {
			msg = f.URN + ": " + msg
		}
		out = append(out, msg)
	}
	return out
}

// ruleCase is one case of a resource rule's table.
type ruleCase struct {
	name  string
	token string // default: the rule's first type
	props resource.PropertyMap
	ctx   *Context // default: NewContext()
	want  []string
}

// runRuleCases runs a resource rule's table through Rule.Run, as the analyzer does.
func runRuleCases(t *testing.T, rule *Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.ctx
			if ctx == nil {
				ctx = NewContext()
			}
			token := tc.token
			if token == "" {
				token = rule.Types[0]
			}
			got := messages(ctx, rule.Run(ctx, NewResource(token, "urn:pulumi:test::ai-ready::"+token+"::r", "r", tc.props)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("findings:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// urn returns a test URN for a resource.
func urn(token, name string) string { return "urn:pulumi:test::ai-ready::" + token + "::" + name }

// res builds a stack resource.
func res(token, name string, props resource.PropertyMap) *Resource {
	return NewResource(token, urn(token, name), name, props)
}

// stackCase is one case of a stack rule's table.
type stackCase struct {
	name      string
	resources []*Resource
	ctx       *Context
	want      []string
}

func runStackCases(t *testing.T, rule *Rule, cases []stackCase) {
	t.Helper()
	runStackCasesAs(t, rule, cases, messages)
}

// runStackCasesAs runs a stack rule's cases, rendering the findings with render.
func runStackCasesAs(t *testing.T, rule *Rule, cases []stackCase, render func(*Context, []Finding) []string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.ctx
			if ctx == nil {
				ctx = NewContext()
			}
			got := render(ctx, rule.RunStack(ctx, NewStack(tc.resources)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("findings:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

func TestHarnessSetAndDel(t *testing.T) {
	base := fixture(t, "vnet_valid")
	changed := set(base, "subnets[0].name", "x")
	if n, _ := props0(changed, "subnets[0].name"); n != "x" {
		t.Fatalf("set did not set: %v", n)
	}
	if n, _ := props0(base, "subnets[0].name"); n != "snet-pe" {
		t.Fatalf("set changed the original: %v", n)
	}
	if _, ok := del(base, "enableDdosProtection")["enableDdosProtection"]; ok {
		t.Fatal("del did not delete")
	}
}

func props0(m resource.PropertyMap, path string) (string, bool) {
	cur := resource.NewProperty(m)
	for _, s := range splitPath(path) {
		if s.index < 0 {
			cur = cur.ObjectValue()[resource.PropertyKey(s.key)]
		} else {
			cur = cur.ArrayValue()[s.index]
		}
	}
	if !cur.IsString() {
		return "", false
	}
	return cur.StringValue(), true
}

// resourceProps turns a Go map (values may be resource.PropertyValue) into a property map.
func resourceProps(m map[string]any) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range m {
		if pv, ok := v.(resource.PropertyValue); ok {
			out[resource.PropertyKey(k)] = pv
			continue
		}
		out[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
	}
	return out
}
