// Command gen records the inputs of the resources the dev, corp and online stacks
// register (the stacks program under the SDK's mocks, with the shipped
// Pulumi.<stack>.yaml) into ../stacks/<stack>.json, as a JSON array of
// {"type", "name", "inputs"}: the shapes the evaluator's tests convert and
// evaluate. It is its own module (under testdata, outside the pack's build) so
// that the pack keeps the Pulumi SDK as its only dependency.
//
//	cd policypack/azpolicy/testdata/gen && go run .
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/stacks"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"gopkg.in/yaml.v3"
)

const root = "../../../.."

// modules are the azure-native modules whose resources are recorded.
var modules = []string{"network", "cognitiveservices", "search", "storage", "keyvault", "apimanagement", "machinelearningservices", "compute"}

type record struct {
	Type   string         `json:"type"`
	Name   string         `json:"name"`
	Inputs map[string]any `json:"inputs"`
}

func main() {
	for _, stack := range []string{"dev", "corp", "online"} {
		if err := generate(stack); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

func generate(stack string) error {
	cfg, err := shippedConfig(stack)
	if err != nil {
		return err
	}
	rec, err := pulumitest.Run(stacks.Program, pulumitest.WithStack(stack), pulumitest.WithConfig(cfg))
	if err != nil {
		return fmt.Errorf("%s: %w", stack, err)
	}
	var out []record
	for _, r := range rec.Resources() {
		if !wanted(r.Type) {
			continue
		}
		out = append(out, record{Type: r.Type, Name: r.Name, Inputs: plain(resource.NewProperty(r.Inputs)).(map[string]any)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Name < out[j].Name
	})
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	path := filepath.Join("..", "stacks", stack+".json")
	fmt.Printf("%s: %d resources\n", path, len(out))
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

func wanted(token string) bool {
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[0] != "azure-native" {
		return false
	}
	module, _, _ := strings.Cut(parts[1], "/")
	for _, m := range modules {
		if m == module {
			return true
		}
	}
	return false
}

// plain converts a property value to JSON; a computed value is the string
// "<unknown>" (the mocks know every input, so none is expected).
func plain(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return plain(v.SecretValue().Element)
	case v.IsOutput():
		if !v.OutputValue().Known {
			return "<unknown>"
		}
		return plain(v.OutputValue().Element)
	case v.IsComputed():
		return "<unknown>"
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = plain(e)
		}
		return out
	case v.IsArray():
		out := []any{}
		for _, e := range v.ArrayValue() {
			out = append(out, plain(e))
		}
		return out
	case v.IsResourceReference():
		return v.ResourceReferenceValue().URN
	}
	return v.V
}

func shippedConfig(stack string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(root, "Pulumi."+stack+".yaml"))
	if err != nil {
		return nil, err
	}
	var file struct {
		Config map[string]any `yaml:"config"`
	}
	if err := yaml.Unmarshal(b, &file); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range file.Config {
		if s, ok := v.(string); ok {
			out[k] = s
			continue
		}
		j, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		out[k] = string(j)
	}
	return out, nil
}
