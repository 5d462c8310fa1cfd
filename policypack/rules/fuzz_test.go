package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// fuzzValue turns decoded JSON into a property value, with markers for the shapes JSON
// cannot express: the string "$unknown" is a computed value, {"$secret": v} a secret,
// {"$output": v} a known output and {"$output": null} an unknown one.
func fuzzValue(v any, depth int) resource.PropertyValue {
	if depth > 64 {
		return resource.NewNullProperty()
	}
	switch x := v.(type) {
	case string:
		if x == "$unknown" {
			return resource.MakeComputed(resource.NewProperty(""))
		}
		return resource.NewProperty(x)
	case []any:
		out := make([]resource.PropertyValue, len(x))
		for i, e := range x {
			out[i] = fuzzValue(e, depth+1)
		}
		return resource.NewProperty(out)
	case map[string]any:
		if s, ok := x["$secret"]; ok && len(x) == 1 {
			return resource.MakeSecret(fuzzValue(s, depth+1))
		}
		if o, ok := x["$output"]; ok && len(x) == 1 {
			if o == nil {
				return resource.NewProperty(resource.Output{})
			}
			return resource.NewProperty(resource.Output{Element: fuzzValue(o, depth+1), Known: true})
		}
		m := resource.PropertyMap{}
		for k, e := range x {
			m[resource.PropertyKey(k)] = fuzzValue(e, depth+1)
		}
		return resource.NewProperty(m)
	default:
		return resource.NewPropertyValue(x)
	}
}

// fuzzTypes are every type some rule reads.
func fuzzTypes() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range All() {
		for _, t := range r.Types {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// unsetOutputs are outputs a program may leave unset, unknown as at preview.
func unsetOutputs() resource.PropertyMap {
	u := resource.MakeComputed(resource.NewProperty(""))
	return resource.PropertyMap{"type": u, "name": u, "kind": u, "pool": u, "circuitBreaker": u, "details": u, "enforcementMode": u,
		"manualPrivateLinkServiceConnections": u, "privateLinkServiceConnections": u, "sku": u, "properties": u, "tags": u}
}

// FuzzRules runs every rule over property maps built from fuzzed JSON, on every type
// the rules read, at preview and at update, alone and as a stack, as the properties or
// as the analyzed inputs overlaid on unknown outputs. A panic fails.
func FuzzRules(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		`{}`, `null`, `[]`, `"x"`, `42`,
		`{"properties": "$unknown", "tags": {"aiready-archetype": "corp", "aiready-environment": "production"}}`,
		`{"properties": {"networkAcls": {"ipRules": [null, 3, "$unknown"]}}, "tags": {"aiready-archetype": "online"}}`,
		`{"securityRules": [{"direction": "Inbound", "access": "Allow", "sourceAddressPrefix": "*", "destinationPortRange": "1-65535"}, 7, null]}`,
		`{"securityRules": [{"direction": {"$secret": "Inbound"}, "access": {"$output": "Allow"}, "sourceAddressPrefixes": "$unknown", "destinationPortRanges": [{"$output": null}]}]}`,
		`{"subnets": [{"name": null, "networkSecurityGroup": []}, "$unknown"], "ddosProtectionPlan": 1}`,
		`{"sku": {"name": "Standard", "capacity": -1e308}, "properties": {"model": {"name": ["gpt-4o"]}}, "accountName": {"$secret": "a"}}`,
		`{"type": "Pool", "pool": {"services": [{"id": "$unknown"}, {"id": 5}]}, "circuitBreaker": {"rules": [{"failureCondition": {"statusCodeRanges": [{"min": "429", "max": "$unknown"}]}}]}}`,
		`{"groupId": "x", "details": {"parent": {"id": "/providers/Microsoft.Management/managementGroups/x"}}, "scope": "/providers/Microsoft.Management/managementGroups/x", "metadata": {"aiready": {"archetype": 3}}}`,
		`{"location": "East US 2", "id": "/subscriptions/", "vpnClientConfiguration": {"vpnAuthenticationTypes": "AAD"}, "gatewayType": "Vpn"}`,
		`{"a": {"$secret": {"$secret": {"$output": {"$secret": "$unknown"}}}}}`,
	} {
		f.Add([]byte(seed))
	}
	types := fuzzTypes()
	all := All()
	contexts := []*Context{NewContext(), ctxWith("online", "production"), ctxWith("corp", "prod")}
	update := ctxWith("ml-internal", "production")
	update.Preview = false
	update.Settings = update.Settings.Clone()
	update.Settings.Archetypes = map[string]string{"ml-internal": "corp"}
	_ = update.Settings.Set("platformSubscriptions", map[string]any{"connectivity": []any{"11111111-1111-1111-1111-111111111111"}})
	update.Settings.ManagementGroups = map[string][]string{config.Corp: {"x"}, config.Online: {"y"}}
	contexts = append(contexts, update)

	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return
		}
		pv := fuzzValue(v, 0)
		props, ok := pv.V.(resource.PropertyMap)
		if !ok {
			props = resource.PropertyMap{"properties": pv, "location": pv, "securityRules": pv, "subnets": pv}
		}
		for _, ctx := range contexts {
			var stack []*Resource
			for i, typ := range types {
				r := NewResource(typ, urn(typ, "r"), "r", props)
				switch i % 3 {
				case 1: // as AnalyzeStack sees it: unknown outputs under the analyzed inputs
					r = NewResource(typ, urn(typ, "r"), "r", unsetOutputs())
					r.ApplyInputs(props)
				case 2: // analyzed with no inputs at all: the fuzzed map is the state
					r.ApplyInputs(resource.PropertyMap{})
				}
				r.Provider = props
				r.Parent = urn(types[(i+1)%len(types)], "r")
				r.PropertyDependencies = map[string][]string{"accountName": {urn(TypeAccount, "r")}, "details": {urn(TypeManagementGroup, "r")}, "pool": {r.Parent}}
				stack = append(stack, r)
				for _, rule := range all {
					for _, finding := range rule.Run(ctx, r) {
						_ = finding.Render(ctx.Preview)
					}
				}
			}
			s := NewStack(stack)
			for _, rule := range all {
				for _, finding := range rule.RunStack(ctx, s) {
					_ = finding.Render(ctx.Preview)
				}
			}
		}
	})
}
