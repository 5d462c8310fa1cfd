package jsonrules

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Resource is one resource of the JSON file the TypeScript harness and the Go
// command read: what @pulumi/policy hands validateResource (type, props, urn, name,
// the provider's props), secrets shown as their plain values as @pulumi/policy
// deserialises them.
type Resource struct {
	Type     string         `json:"type"`
	URN      string         `json:"urn"`
	Name     string         `json:"name"`
	Props    map[string]any `json:"props"`
	Provider *Provider      `json:"provider,omitempty"`
}

// Provider is a resource's provider in the JSON file.
type Provider struct {
	Type  string         `json:"type"`
	URN   string         `json:"urn"`
	Name  string         `json:"name"`
	Props map[string]any `json:"props"`
}

// ThreeRules are the pack's rules the TypeScript pack (tspack/) also implements.
var ThreeRules = []string{
	"ai-services-disable-local-auth",
	"network-online-vnets-ddos-protection",
	"network-no-management-ports-from-internet",
}

// ReadJSON reads a JSON file as the pack's resources, decoding one resource at a time
// (the file's text and each resource's JSON values are garbage once converted).
func ReadJSON(path string) ([]*rules.Resource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the resources: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	providers := map[string]resource.PropertyMap{}
	var out []*rules.Resource
	for dec.More() {
		var j Resource
		if err := dec.Decode(&j); err != nil {
			return nil, fmt.Errorf("%s: resource %d: %w", path, len(out), err)
		}
		r := rules.NewResource(j.Type, j.URN, j.Name, resource.NewPropertyMapFromMap(j.Props))
		if j.Provider != nil {
			p, ok := providers[j.Provider.URN]
			if !ok {
				p = resource.NewPropertyMapFromMap(j.Provider.Props)
				providers[j.Provider.URN] = p
			}
			r.Provider = p
		}
		out = append(out, r)
	}
	return out, nil
}

// RulesNamed returns the pack's rules of the given names, in that order.
func RulesNamed(names ...string) ([]*rules.Rule, error) {
	out := make([]*rules.Rule, len(names))
	for i, n := range names {
		if out[i] = rules.ByName(n); out[i] == nil {
			return nil, fmt.Errorf("the pack has no rule %q", n)
		}
	}
	return out, nil
}

// Evaluate runs resource rules over resources as the analyzer's Analyze does (each
// rule that reads the resource's type) and returns the number of findings.
func Evaluate(ctx *rules.Context, list []*rules.Rule, resources []*rules.Resource) int {
	n := 0
	for _, r := range resources {
		for _, rule := range list {
			n += len(rule.Run(ctx, r))
		}
	}
	return n
}
