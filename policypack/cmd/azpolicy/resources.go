package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aiready/aiready/policypack/azpolicy"
)

// planned is one resource read from -resources.
type planned struct {
	Token, Name, URN string
	Inputs           map[string]any
	// Subscription is what the resource's own entry (or its provider) says;
	// "" when it does not.
	Subscription string
}

// label names the resource in the output: its URN when the file gives one, else
// its name.
func (p *planned) label() string {
	if p.URN != "" {
		return p.URN
	}
	return p.Name
}

// The signatures and the unknown value of Pulumi's JSON encoding of property
// values (pulumi/sdk go/common/resource/sig and plugin.UnknownStringValue).
const (
	sigKey        = "4dabf18193072939515e22adb298388d"
	sigSecret     = "1b47061264138c4ac30d75fd1eb44270"
	sigOutput     = "d0e6a833031e9bbcd3f4e8bde6ca49a4"
	unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
)

// readResources reads a JSON array of {"type", "name", "inputs"} or a `pulumi
// stack export` file, telling them apart by the top-level value.
func readResources(path string) ([]planned, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, azpolicy.JSONError(data, err))
	}
	var list []planned
	switch x := raw.(type) {
	case []any:
		list, err = readArray(x)
	case map[string]any:
		list, err = readStackExport(x)
	default:
		err = fmt.Errorf("$: expected a JSON array of {\"type\", \"name\", \"inputs\"} or a pulumi stack export (an object with deployment.resources), got %s", kindOf(raw))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return list, nil
}

// readArray reads the array shape: each element {"type": token, "name": name,
// "inputs": {...}}, with "urn", "subscriptionId" and "provider" ({"inputs":
// {"subscriptionId"}}) optional ("props" is read as "inputs" too: the JSON file
// @pulumi/policy harnesses use).
func readArray(items []any) ([]planned, error) {
	out := make([]planned, 0, len(items))
	for i, it := range items {
		path := fmt.Sprintf("$[%d]", i)
		m, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: expected an object {\"type\", \"name\", \"inputs\"}, got %s", path, kindOf(it))
		}
		p := planned{}
		var err error
		if p.Token, err = requiredString(m, path, "type", "a Pulumi type token such as azure-native:storage:StorageAccount"); err != nil {
			return nil, err
		}
		if p.Name, err = requiredString(m, path, "name", "the resource's name"); err != nil {
			return nil, err
		}
		if p.URN, err = optionalString(m, path, "urn"); err != nil {
			return nil, err
		}
		if p.Subscription, err = optionalString(m, path, "subscriptionId"); err != nil {
			return nil, err
		}
		if p.Inputs, err = inputsOf(m, path, inputsKey(m)); err != nil {
			return nil, err
		}
		if p.Subscription == "" {
			if p.Subscription, err = providerSubscription(m, path); err != nil {
				return nil, err
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// inputsKey is "inputs", or "props" when only that is given.
func inputsKey(m map[string]any) string {
	if _, has := m["inputs"]; !has {
		if _, has := m["props"]; has {
			return "props"
		}
	}
	return "inputs"
}

// providerSubscription reads an array entry's "provider": {"inputs" (or
// "props"): {"subscriptionId"}}, "" when it has none.
func providerSubscription(m map[string]any, path string) (string, error) {
	v, ok := m["provider"]
	if !ok || v == nil {
		return "", nil
	}
	pm, ok := v.(map[string]any)
	if !ok {
		return "", fmt.Errorf("%s.provider: expected an object with the provider's inputs, got %s", path, kindOf(v))
	}
	inputs, err := inputsOf(pm, path+".provider", inputsKey(pm))
	if err != nil {
		return "", err
	}
	sub, _ := inputs["subscriptionId"].(string)
	return sub, nil
}

// readStackExport reads deployment.resources of a `pulumi stack export`: the
// custom resources with their inputs, each with its provider's subscriptionId;
// components, providers and resources pending deletion are not evaluated.
func readStackExport(doc map[string]any) ([]planned, error) {
	dep, ok := doc["deployment"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$.deployment: missing or not an object: expected a JSON array of {\"type\", \"name\", \"inputs\"} or a pulumi stack export ({\"version\": 3, \"deployment\": {\"resources\": [...]}})")
	}
	items, ok := dep["resources"].([]any)
	if !ok && dep["resources"] != nil {
		return nil, fmt.Errorf("$.deployment.resources: expected an array, got %s", kindOf(dep["resources"]))
	}
	providers := map[string]map[string]any{}
	var out []planned
	for i, it := range items {
		path := fmt.Sprintf("$.deployment.resources[%d]", i)
		p, provider, err := stateResource(it, path)
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(p.Token, "pulumi:providers:") {
			id, _ := it.(map[string]any)["id"].(string)
			providers[p.URN+"::"+id] = p.Inputs
			continue
		}
		if p.Token == "" {
			continue
		}
		if sub, ok := providers[provider]["subscriptionId"].(string); ok {
			p.Subscription = sub
		}
		out = append(out, p)
	}
	return out, nil
}

// stateResource reads one entry of a checkpoint; a zero Token means it is not
// evaluated (a component, or pending deletion).
func stateResource(it any, path string) (planned, string, error) {
	m, ok := it.(map[string]any)
	if !ok {
		return planned{}, "", fmt.Errorf("%s: expected an object, got %s", path, kindOf(it))
	}
	var p planned
	var err error
	if p.URN, err = requiredString(m, path, "urn", "the resource's URN"); err != nil {
		return planned{}, "", err
	}
	if p.Token, err = requiredString(m, path, "type", "a Pulumi type token"); err != nil {
		return planned{}, "", err
	}
	if custom, _ := m["custom"].(bool); !custom || m["delete"] == true {
		return planned{}, "", nil
	}
	p.Name = p.URN[strings.LastIndex(p.URN, "::")+2:]
	if p.Inputs, err = inputsOf(m, path, "inputs"); err != nil {
		return planned{}, "", err
	}
	provider, err := optionalString(m, path, "provider")
	return p, provider, err
}

func requiredString(m map[string]any, path, key, what string) (string, error) {
	v, ok := m[key]
	if !ok {
		return "", fmt.Errorf("%s.%s: missing; give %s", path, key, what)
	}
	s, ok := v.(string)
	if !ok || s == "" {
		return "", fmt.Errorf("%s.%s: %s is not %s", path, key, show(v), what)
	}
	return s, nil
}

func optionalString(m map[string]any, path, key string) (string, error) {
	v, ok := m[key]
	if !ok || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s.%s: expected a string, got %s", path, key, kindOf(v))
	}
	return s, nil
}

// inputsOf reads an object of Pulumi property values as the evaluator's values.
func inputsOf(m map[string]any, path, key string) (map[string]any, error) {
	v, ok := m[key]
	if !ok || v == nil {
		return map[string]any{}, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s.%s: expected an object of input properties, got %s", path, key, kindOf(v))
	}
	out, err := pulumiValue(obj, path+"."+key)
	if err != nil {
		return nil, err
	}
	return out.(map[string]any), nil
}

// pulumiValue decodes Pulumi's JSON encoding of a property value: the unknown
// value and an unknown output as azpolicy.Unknown, a secret as its plaintext
// (Unknown when only its ciphertext is exported), a known output as its value.
func pulumiValue(v any, path string) (any, error) {
	switch x := v.(type) {
	case string:
		if x == unknownString {
			return azpolicy.Unknown, nil
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			d, err := pulumiValue(e, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = d
		}
		return out, nil
	case map[string]any:
		return pulumiObject(x, path)
	}
	return v, nil
}

func pulumiObject(m map[string]any, path string) (any, error) {
	switch m[sigKey] {
	case sigSecret:
		text, ok := m["plaintext"].(string)
		if !ok {
			return azpolicy.Unknown, nil
		}
		var inner any
		if err := json.NewDecoder(bytes.NewReader([]byte(text))).Decode(&inner); err != nil {
			return nil, fmt.Errorf("%s.plaintext: a secret's plaintext is not JSON: %w", path, err)
		}
		return pulumiValue(inner, path)
	case sigOutput:
		inner, known := m["value"]
		if !known {
			return azpolicy.Unknown, nil
		}
		return pulumiValue(inner, path+".value")
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		d, err := pulumiValue(e, path+"."+k)
		if err != nil {
			return nil, err
		}
		out[k] = d
	}
	return out, nil
}

// kindOf names a decoded JSON value's kind for errors.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// show renders a decoded JSON value for errors.
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
