package perf

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/stacks"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"gopkg.in/yaml.v3"
)

// Resource is one resource as the engine describes it to a policy pack: a custom
// resource the program registered, with its provider's inputs.
type Resource struct {
	// Type is the type token as registered.
	Type string
	// URN and Name identify the resource.
	URN, Name string
	// Parent is the parent's URN.
	Parent string
	// Inputs are the resource's inputs (what Analyze sees; at preview AnalyzeStack sees
	// the same values mapped onto the outputs).
	Inputs resource.PropertyMap
	// ProviderURN is the URN of the resource's explicit provider, or "".
	ProviderURN string
	// Provider are the provider's inputs (subscriptionId, ...), or nil.
	Provider resource.PropertyMap
	// Dependencies are the URNs the resource depends on.
	Dependencies []string
	// PropertyDependencies are, per input, the URNs its value came from.
	PropertyDependencies map[string][]string
}

// ShippedConfig reads Pulumi.<stack>.yaml from the repository root as the flat
// "namespace:key" → value map the engine passes to programs (objects as JSON).
func ShippedConfig(root, stack string) (map[string]string, error) {
	path := filepath.Join(root, "Pulumi."+stack+".yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the %s config: %w", stack, err)
	}
	var file struct {
		Config map[string]any `yaml:"config"`
	}
	if err := yaml.Unmarshal(b, &file); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	out := make(map[string]string, len(file.Config))
	for k, v := range file.Config {
		if s, ok := v.(string); ok {
			out[k] = s
			continue
		}
		j, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: encoding %s: %w", path, k, err)
		}
		out[k] = string(j)
	}
	return out, nil
}

// Run runs the stacks program under the recording mocks as the named stack with the
// given config and returns every registration.
func Run(stack string, cfg map[string]string) ([]pulumitest.Resource, error) {
	rec, err := pulumitest.Run(stacks.Program, pulumitest.WithStack(stack), pulumitest.WithConfig(cfg))
	if err != nil {
		return nil, fmt.Errorf("running the %s stack under mocks: %w", stack, err)
	}
	return rec.Resources(), nil
}

// Record runs the stacks program as the named stack and returns its custom resources
// (providers included) as the engine describes them to a policy pack.
func Record(stack string, cfg map[string]string) ([]Resource, error) {
	regs, err := Run(stack, cfg)
	if err != nil {
		return nil, err
	}
	return FromRegistrations(regs), nil
}

// FromRegistrations keeps the custom resources of a recorded run, with their
// providers' inputs.
func FromRegistrations(regs []pulumitest.Resource) []Resource {
	providers := map[string]resource.PropertyMap{}
	for _, r := range regs {
		if strings.HasPrefix(r.Type, "pulumi:providers:") {
			providers[r.URN] = r.Inputs
		}
	}
	out := make([]Resource, 0, len(regs))
	for _, r := range regs {
		if !r.Custom {
			continue
		}
		res := Resource{
			Type: r.Type, URN: r.URN, Name: r.Name, Parent: r.Parent, Inputs: r.Inputs,
			Dependencies: r.Dependencies, PropertyDependencies: r.PropertyDependencies,
		}
		if i := strings.LastIndex(r.Provider, "::"); i > 0 {
			res.ProviderURN = r.Provider[:i]
			res.Provider = providers[res.ProviderURN]
		}
		out = append(out, res)
	}
	return dependencyOrder(out)
}

// dependencyOrder sorts resources so that each comes after its parent and the
// resources it depends on, ties broken by URN: the engine registers a program's
// resources in an order that varies from run to run, and the scaled sets, which
// cut a base set at n resources, must not.
func dependencyOrder(rs []Resource) []Resource {
	byURN := make(map[string]int, len(rs))
	for i, r := range rs {
		byURN[r.URN] = i
	}
	waiting := make([]int, len(rs))
	dependents := make([][]int, len(rs))
	for i, r := range rs {
		for _, d := range prerequisites(r) {
			if j, ok := byURN[d]; ok && j != i {
				waiting[i]++
				dependents[j] = append(dependents[j], i)
			}
		}
	}
	var ready []int
	for i := range rs {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	out := make([]Resource, 0, len(rs))
	for len(ready) > 0 {
		sort.Slice(ready, func(a, b int) bool { return rs[ready[a]].URN < rs[ready[b]].URN })
		i := ready[0]
		ready = ready[1:]
		out = append(out, rs[i])
		for _, d := range dependents[i] {
			if waiting[d]--; waiting[d] == 0 {
				ready = append(ready, d)
			}
		}
	}
	return out
}

// prerequisites are the URNs a resource needs registered before it, each once.
func prerequisites(r Resource) []string {
	seen := map[string]bool{}
	var out []string
	add := func(u string) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	add(r.Parent)
	for _, d := range r.Dependencies {
		add(d)
	}
	for _, deps := range r.PropertyDependencies {
		for _, d := range deps {
			add(d)
		}
	}
	return out
}

// Shipped records the corp and online stacks from their shipped config, the base of
// the realistic sets.
func Shipped(root string) (corp, online []Resource, err error) {
	for _, s := range []struct {
		name string
		dst  *[]Resource
	}{{"corp", &corp}, {"online", &online}} {
		cfg, err := ShippedConfig(root, s.name)
		if err != nil {
			return nil, nil, err
		}
		if *s.dst, err = Record(s.name, cfg); err != nil {
			return nil, nil, err
		}
	}
	return corp, online, nil
}

// Scale returns n resources: copies of the bases in turn (corp, online, corp, ...),
// the first copy of each base as recorded and every further copy k its own landing
// zone: names, URNs, Azure names, resource groups and ARM ids suffixed "-r<k>", its
// own workload subscription, its links (parent, dependencies, property
// dependencies, provider) to its own copies. The last copy is cut at n.
func Scale(n int, bases ...[]Resource) []Resource {
	if len(bases) == 0 {
		return nil
	}
	out := make([]Resource, 0, n)
	for k := 0; len(out) < n; k++ {
		base := bases[k%len(bases)]
		if len(base) == 0 {
			break
		}
		var batch []Resource
		if k < len(bases) {
			batch = base
		} else {
			batch = replicate(base, k)
		}
		for _, r := range batch {
			if len(out) == n {
				break
			}
			out = append(out, r)
		}
	}
	return out
}

// replicate makes copy k of a base set.
func replicate(base []Resource, k int) []Resource {
	suffix := fmt.Sprintf("-r%d", k)
	urns := make(map[string]string, len(base))
	names := map[string]string{}
	for _, r := range base {
		urns[r.URN] = renameURN(r.URN, suffix)
		for key, v := range r.Inputs {
			if isNameKey(string(key)) && v.IsString() && v.StringValue() != "" {
				names[v.StringValue()] = v.StringValue() + suffix
			}
		}
		if s, ok := r.Provider["subscriptionId"]; ok && s.IsString() {
			id := s.StringValue()
			if len(id) == 36 {
				names[id] = id[:24] + fmt.Sprintf("%012x", k)
			}
		}
	}
	remap := func(u string) string {
		if v, ok := urns[u]; ok {
			return v
		}
		return u
	}
	providers := map[string]resource.PropertyMap{}
	out := make([]Resource, len(base))
	for i, r := range base {
		c := Resource{
			Type: r.Type, URN: urns[r.URN], Name: r.Name + suffix, Parent: remap(r.Parent),
			Inputs: rewriteMap(r.Inputs, names, true), ProviderURN: remap(r.ProviderURN),
		}
		if r.Provider != nil {
			p, ok := providers[c.ProviderURN]
			if !ok {
				p = rewriteMap(r.Provider, names, true)
				providers[c.ProviderURN] = p
			}
			c.Provider = p
		}
		for _, d := range r.Dependencies {
			c.Dependencies = append(c.Dependencies, remap(d))
		}
		if r.PropertyDependencies != nil {
			c.PropertyDependencies = make(map[string][]string, len(r.PropertyDependencies))
			for key, deps := range r.PropertyDependencies {
				m := make([]string, len(deps))
				for j, d := range deps {
					m[j] = remap(d)
				}
				c.PropertyDependencies[key] = m
			}
		}
		out[i] = c
	}
	return out
}

// isNameKey reports whether an input names an Azure resource (accountName, groupId,
// resourceGroupName, ...), the values a copy must not share with the original.
func isNameKey(key string) bool {
	switch key {
	case "name", "groupId", "backendId":
		return true
	}
	return strings.HasSuffix(key, "Name") && key != "displayName" && key != "publisherName"
}

// renameURN suffixes the name part of a URN.
func renameURN(urn, suffix string) string {
	if urn == "" {
		return ""
	}
	return urn + suffix
}

// rewriteMap returns a copy of a resource's inputs (top is true) or of a nested
// object with names renamed: a top-level name input (isNameKey) or a subscriptionId
// at any depth whose value is one of names, and every ARM id segment that is.
func rewriteMap(m resource.PropertyMap, names map[string]string, top bool) resource.PropertyMap {
	if m == nil {
		return nil
	}
	out := make(resource.PropertyMap, len(m))
	for k, v := range m {
		exact := k == "subscriptionId" || (top && isNameKey(string(k)))
		out[k] = rewrite(v, names, exact)
	}
	return out
}

// quotedRE matches a string literal of an ARM template expression.
var quotedRE = regexp.MustCompile(`'([^']*)'`)

// rewriteExpression renames the string literals of an ARM template expression that
// are names ("[resourceId('Microsoft.ApiManagement/service/backends', 'apim-x',
// 'openai-eastus')]"), as a copy's template must name the copy's resources.
func rewriteExpression(s string, names map[string]string) string {
	return quotedRE.ReplaceAllStringFunc(s, func(lit string) string {
		if n, ok := names[lit[1:len(lit)-1]]; ok {
			return "'" + n + "'"
		}
		return lit
	})
}

// rewrite returns a deep copy of v with ARM ids renamed and, when exact, a string that
// is one of names renamed.
func rewrite(v resource.PropertyValue, names map[string]string, exact bool) resource.PropertyValue {
	switch {
	case v.IsString():
		s := v.StringValue()
		if n, ok := names[s]; ok && exact {
			return resource.NewProperty(n)
		}
		if strings.HasPrefix(s, "[") {
			return resource.NewProperty(rewriteExpression(s, names))
		}
		if strings.Contains(s, "/") {
			parts := strings.Split(s, "/")
			changed := false
			for i, p := range parts {
				if n, ok := names[p]; ok {
					parts[i], changed = n, true
				}
			}
			if changed {
				return resource.NewProperty(strings.Join(parts, "/"))
			}
		}
		return v
	case v.IsArray():
		a := v.ArrayValue()
		out := make([]resource.PropertyValue, len(a))
		for i, e := range a {
			out[i] = rewrite(e, names, exact)
		}
		return resource.NewProperty(out)
	case v.IsObject():
		return resource.NewProperty(rewriteMap(v.ObjectValue(), names, false))
	case v.IsSecret():
		return resource.MakeSecret(rewrite(v.SecretValue().Element, names, exact))
	case v.IsOutput():
		o := v.OutputValue()
		o.Element = rewrite(o.Element, names, exact)
		return resource.NewProperty(o)
	}
	return v
}
