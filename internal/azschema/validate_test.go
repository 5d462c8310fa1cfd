package azschema

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

func TestEnums(t *testing.T) {
	s := ForTest(t)
	e, err := s.Enum("network.SecurityRuleAccess")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Values, []string{"Allow", "Deny"}) {
		t.Errorf("network.SecurityRuleAccess = %q, want Allow, Deny", e.Values)
	}
	// A version sub-module's enum, with doc comments between the values.
	e, err = s.Enum("apimanagement.v20240501.BackendType")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Values, []string{"Single", "Pool"}) {
		t.Errorf("apimanagement.v20240501.BackendType = %q, want Single, Pool", e.Values)
	}
	// A value that is not its key.
	e, err = s.Enum("network.SecurityRuleProtocol")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(e.Values, "*") {
		t.Errorf("network.SecurityRuleProtocol = %q, want it to hold \"*\"", e.Values)
	}
	for name, want := range map[string]string{
		"network.NoSuchEnum":  "has no enum NoSuchEnum",
		"nosuchmodule.Access": "enums of nosuchmodule",
		"Access":              "not a qualified enum name",
	} {
		if _, err := s.Enum(name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Enum(%q): error %v, want it to mention %q", name, err, want)
		}
	}
}

func TestPropEnumsAndStrings(t *testing.T) {
	s := ForTest(t)
	r, err := s.Resource("azure-native:network:SecurityRule")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		enums    []string
		isString bool
	}{
		"access":                          {[]string{"network.SecurityRuleAccess"}, true},
		"resourceGroupName":               {nil, true},
		"priority":                        {nil, false},
		"sourceAddressPrefixes":           {nil, false},
		"destinationPortRange":            {nil, true},
		"sourceApplicationSecurityGroups": {nil, false},
	}
	for name, want := range cases {
		p := r.Inputs.Props[name]
		if !slices.Equal(p.Enums, want.enums) || p.IsString() != want.isString {
			t.Errorf("%s (%s): enums %q, string %v; want %q, %v", name, p.Type, p.Enums, p.IsString(), want.enums, want.isString)
		}
	}
	api, err := s.Resource("azure-native:apimanagement/v20240501:Api")
	if err != nil {
		t.Fatal(err)
	}
	if p := api.Inputs.Props["protocols"]; !slices.Equal(p.Enums, []string{"apimanagement.v20240501.Protocol"}) || p.IsString() {
		t.Errorf("Api protocols: enums %q, string %v; want the Protocol enum on a list", p.Enums, p.IsString())
	}
}

const ruleToken = "azure-native:network:SecurityRule"

func validRule() resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName":        "rg-ai",
		"networkSecurityGroupName": "nsg-pe",
		"access":                   "Deny",
		"direction":                "Inbound",
		"protocol":                 "*",
		"priority":                 4096,
		"sourceAddressPrefix":      "Internet",
		"destinationPortRanges":    []any{"22", "3389"},
	})
}

// problems returns the problems ValidateInputs reports, one string each.
func problems(t *testing.T, s *Schema, token string, props resource.PropertyMap) []string {
	t.Helper()
	err := s.ValidateInputs(token, props)
	if err == nil {
		return nil
	}
	var out []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{err.Error()}
}

func TestValidateInputsValues(t *testing.T) {
	s := ForTest(t)
	if got := problems(t, s, ruleToken, validRule()); len(got) != 0 {
		t.Fatalf("a compliant security rule was refused: %q", got)
	}
	cases := []struct {
		name string
		edit func(resource.PropertyMap)
		want string
	}{
		{
			name: "a value outside the enum",
			edit: func(m resource.PropertyMap) { m["access"] = resource.NewProperty("Block") },
			want: `property "access" (SecurityRuleArgs) is "Block", not a value of network.SecurityRuleAccess; allowed: "Allow", "Deny"`,
		},
		{
			name: "an enum value in another casing",
			edit: func(m resource.PropertyMap) { m["direction"] = resource.NewProperty("inbound") },
			want: `property "direction" (SecurityRuleArgs) is "inbound", which network.SecurityRuleDirection spells "Inbound"; write "Inbound": Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change`,
		},
		{
			name: "an empty required string",
			edit: func(m resource.PropertyMap) { m["networkSecurityGroupName"] = resource.NewProperty("") },
			want: `empty required property "networkSecurityGroupName" (SecurityRuleArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1)`,
		},
		{
			name: "an empty required enum string names the allowed values",
			edit: func(m resource.PropertyMap) { m["protocol"] = resource.NewProperty("") },
			want: `empty required property "protocol" (SecurityRuleArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1); allowed: "Tcp", "Udp", "Icmp", "Esp", "*", "Ah"`,
		},
		{
			name: "a secret value is judged by what it holds",
			edit: func(m resource.PropertyMap) { m["access"] = resource.MakeSecret(resource.NewProperty("allow")) },
			want: `property "access" (SecurityRuleArgs) is "allow", which network.SecurityRuleAccess spells "Allow"; write "Allow": Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := validRule()
			c.edit(m)
			if got := problems(t, s, ruleToken, m); !slices.Equal(got, []string{c.want}) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.want)
			}
		})
	}
	t.Run("an optional empty string is not judged by minLength", func(t *testing.T) {
		m := validRule()
		m["description"] = resource.NewProperty("")
		if got := problems(t, s, ruleToken, m); len(got) != 0 {
			t.Errorf("problems %q, want none", got)
		}
	})
	t.Run("unknown values are not judged", func(t *testing.T) {
		m := validRule()
		m["access"] = resource.MakeComputed(resource.NewProperty(""))
		m["networkSecurityGroupName"] = resource.MakeComputed(resource.NewProperty(""))
		if got := problems(t, s, ruleToken, m); len(got) != 0 {
			t.Errorf("problems %q, want none", got)
		}
	})
}

func TestValidateInputsNestedEnums(t *testing.T) {
	s := ForTest(t)
	nsg := func(access string) resource.PropertyMap {
		return resource.NewPropertyMapFromMap(map[string]any{
			"resourceGroupName": "rg-ai",
			"securityRules": []any{map[string]any{
				"name": "deny-ssh", "access": access, "direction": "Inbound", "protocol": "Tcp", "priority": 100,
			}},
		})
	}
	if got := problems(t, s, "azure-native:network:NetworkSecurityGroup", nsg("Deny")); len(got) != 0 {
		t.Fatalf("a compliant NSG was refused: %q", got)
	}
	want := `property "securityRules[0].access" (network.SecurityRuleArgs) is "Denied", not a value of network.SecurityRuleAccess; allowed: "Allow", "Deny"`
	if got := problems(t, s, "azure-native:network:NetworkSecurityGroup", nsg("Denied")); !slices.Equal(got, []string{want}) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}

	api := resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg-ai", "serviceName": "apim", "path": "openai", "protocols": []any{"https"},
	})
	if got := problems(t, s, "azure-native:apimanagement/v20240501:Api", api); len(got) != 0 {
		t.Fatalf("a compliant API was refused: %q", got)
	}
	api["protocols"] = resource.NewProperty([]resource.PropertyValue{resource.NewProperty("https"), resource.NewProperty("h2")})
	want = `property "protocols[1]" (ApiArgs) is "h2", not a value of apimanagement.v20240501.Protocol; allowed: "http", "https", "ws", "wss"`
	if got := problems(t, s, "azure-native:apimanagement/v20240501:Api", api); !slices.Equal(got, []string{want}) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

const backendToken = "azure-native:apimanagement/v20240501:Backend"

func poolBackend() resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg-ai", "serviceName": "apim", "backendId": "openai-pool",
		"type": "Pool",
		"pool": map[string]any{"services": []any{map[string]any{"id": "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.ApiManagement/service/apim/backends/eastus"}}},
	})
}

// TestARMRulesPoolBackend: ARM refuses url and protocol on a pool, and the
// 2024-05-01 definitions require both, so no azure-native Backend of type Pool
// passes: the pool has to reach ARM another way (an ARM template deployment).
func TestARMRulesPoolBackend(t *testing.T) {
	s := ForTest(t)
	refusedURL := `property "url" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Url is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool routes to its members' URLs`
	refusedProtocol := `property "protocol" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Protocol is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool uses its members' protocols`
	cases := []struct {
		name string
		edit func(resource.PropertyMap)
		want []string
	}{
		{"without url and protocol, the definitions want them", func(resource.PropertyMap) {}, []string{
			`missing required property "protocol" (BackendArgs)`, `missing required property "url" (BackendArgs)`,
		}},
		{"with url and protocol, Azure refuses them", func(m resource.PropertyMap) {
			m["url"] = resource.NewProperty("https://ai-eastus.openai.azure.com/openai")
			m["protocol"] = resource.NewProperty("http")
		}, []string{refusedProtocol, refusedURL}},
		{"empty strings are refused twice over", func(m resource.PropertyMap) {
			m["url"] = resource.NewProperty("")
			m["protocol"] = resource.NewProperty("")
		}, []string{
			`empty required property "protocol" (BackendArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1); allowed: "http", "soap"`,
			`empty required property "url" (BackendArgs): an empty string is too short; azure-native's Check wants at least 1 character (minLength 1)`,
			refusedProtocol, refusedURL,
		}},
		{"an unknown url is still a url", func(m resource.PropertyMap) {
			m["url"] = resource.MakeComputed(resource.NewProperty(""))
			m["protocol"] = resource.NewProperty("http")
		}, []string{refusedProtocol, refusedURL}},
		{"type in another casing is the same type to ARM", func(m resource.PropertyMap) {
			m["type"] = resource.NewProperty("pool")
			m["url"] = resource.NewProperty("https://x")
			m["protocol"] = resource.NewProperty("http")
		}, []string{
			strings.Replace(refusedProtocol, `type "Pool"`, `type "pool"`, 1),
			`property "type" (BackendArgs) is "pool", which apimanagement.v20240501.BackendType spells "Pool"; write "Pool": Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change`,
			strings.Replace(refusedURL, `type "Pool"`, `type "pool"`, 1),
		}},
		{"a single backend may have both", func(m resource.PropertyMap) {
			m["type"] = resource.NewProperty("Single")
			delete(m, "pool")
			m["url"] = resource.NewProperty("https://ai-eastus.openai.azure.com/openai")
			m["protocol"] = resource.NewProperty("http")
		}, nil},
		{"an unknown type is not judged", func(m resource.PropertyMap) {
			m["type"] = resource.MakeComputed(resource.NewProperty(""))
			m["url"] = resource.NewProperty("https://x")
			m["protocol"] = resource.NewProperty("http")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := poolBackend()
			c.edit(m)
			if got := problems(t, s, backendToken, m); !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func deployment(resources any) resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg-ai",
		"properties": map[string]any{
			"mode": "Incremental",
			"template": map[string]any{
				"$schema":        "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
				"contentVersion": "1.0.0.0",
				"resources":      resources,
			},
		},
	})
}

func templatePool(extra map[string]any) map[string]any {
	props := map[string]any{"type": "Pool", "pool": map[string]any{"services": []any{map[string]any{"id": "[resourceId('Microsoft.ApiManagement/service/backends', 'apim', 'eastus')]"}}}}
	for k, v := range extra {
		props[k] = v
	}
	return map[string]any{"type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2024-05-01", "name": "apim/openai-pool", "properties": props}
}

// TestARMRulesTemplateDeployment: the same rules hold for a resource an ARM
// template deployment creates, found by its ARM type.
func TestARMRulesTemplateDeployment(t *testing.T) {
	s := ForTest(t)
	const token = "azure-native:resources:Deployment"
	if got := problems(t, s, token, deployment([]any{templatePool(nil)})); len(got) != 0 {
		t.Fatalf("a template with a compliant pool was refused: %q", got)
	}
	want := `property "properties.template.resources[0].properties.url" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Url is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool routes to its members' URLs`
	if got := problems(t, s, token, deployment([]any{templatePool(map[string]any{"url": ""})})); !slices.Equal(got, []string{want}) {
		t.Errorf("a list of resources:\n got %q\nwant %q", got, want)
	}
	want = strings.Replace(want, "resources[0]", "resources.pool", 1)
	if got := problems(t, s, token, deployment(map[string]any{"pool": templatePool(map[string]any{"url": "https://x"})})); !slices.Equal(got, []string{want}) {
		t.Errorf("symbolic names:\n got %q\nwant %q", got, want)
	}
	child := map[string]any{"type": "Microsoft.ApiManagement/service", "apiVersion": "2024-05-01", "name": "apim",
		"resources": []any{map[string]any{"type": "backends", "apiVersion": "2024-05-01", "name": "openai-pool",
			"properties": map[string]any{"type": "Pool", "protocol": "http"}}}}
	want = `property "properties.template.resources[0].resources[0].properties.protocol" is set on a Microsoft.ApiManagement/service/backends with type "Pool"; Azure refuses it (ValidationError: Protocol is not supported for backend pool.) [apim-backend-pool-no-url-protocol]; leave it unset: a pool uses its members' protocols`
	if got := problems(t, s, token, deployment([]any{child})); !slices.Equal(got, []string{want}) {
		t.Errorf("a child resource:\n got %q\nwant %q", got, want)
	}
	bad := deployment([]any{templatePool(nil)})
	bad["properties"].ObjectValue()["mode"] = resource.NewProperty("Partial")
	want = `property "properties.mode" (resources.DeploymentPropertiesArgs) is "Partial", not a value of resources.DeploymentMode; allowed: "Incremental", "Complete"`
	if got := problems(t, s, token, bad); !slices.Equal(got, []string{want}) {
		t.Errorf("deployment mode:\n got %q\nwant %q", got, want)
	}
}

func vpnGateway(gatewayType, sku string) resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg-net", "gatewayType": gatewayType, "vpnType": "RouteBased",
		"sku": map[string]any{"name": sku, "tier": sku},
	})
}

func TestARMRulesVPNGatewaySku(t *testing.T) {
	s := ForTest(t)
	const token = "azure-native:network:VirtualNetworkGateway"
	if got := problems(t, s, token, vpnGateway("Vpn", "VpnGw2AZ")); len(got) != 0 {
		t.Fatalf("an AZ VPN gateway was refused: %q", got)
	}
	if got := problems(t, s, token, vpnGateway("ExpressRoute", "Standard")); len(got) != 0 {
		t.Errorf("the VPN rule judged an ExpressRoute gateway: %q", got)
	}
	why := `Azure refuses it (NonAzSkusNotAllowedForVPNGateway: no new VPN gateway with a non-AZ VpnGw1-5 SKU since 2025-01-01, nor with Standard or HighPerformance since 2023-12-01) [vpn-gateway-az-sku-only]; use "VpnGw2AZ"`
	want := []string{
		`property "sku.name" is "VpnGw2" on a Microsoft.Network/virtualNetworkGateways with gatewayType "Vpn"; ` + why,
		`property "sku.tier" is "VpnGw2" on a Microsoft.Network/virtualNetworkGateways with gatewayType "Vpn"; ` + why,
	}
	if got := problems(t, s, token, vpnGateway("Vpn", "VpnGw2")); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestARMRulesFileIsChecked(t *testing.T) {
	rules, err := ARMRules()
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 {
		t.Fatal("armrules.json holds no rules")
	}
	for name, data := range map[string]string{
		"repeated id":              `{"rules":[{"id":"a","armType":"M/x","resource":"m:X","refuse":[{"path":"p","set":true,"azure":"no"}],"sources":["s"]},{"id":"a","armType":"M/x","resource":"m:X","refuse":[{"path":"p","set":true,"azure":"no"}],"sources":["s"]}]}`,
		"no sources":               `{"rules":[{"id":"a","armType":"M/x","resource":"m:X","refuse":[{"path":"p","set":true,"azure":"no"}]}]}`,
		"set and values":           `{"rules":[{"id":"a","armType":"M/x","resource":"m:X","refuse":[{"path":"p","set":true,"values":{"a":"b"},"azure":"no"}],"sources":["s"]}]}`,
		"no azure answer":          `{"rules":[{"id":"a","armType":"M/x","resource":"m:X","refuse":[{"path":"p","set":true}],"sources":["s"]}]}`,
		"not an azure-native type": `{"rules":[{"id":"a","armType":"M/x","resource":"Backend","refuse":[{"path":"p","set":true,"azure":"no"}],"sources":["s"]}]}`,
	} {
		if _, err := parseARMRules([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !strings.Contains(err.Error(), "armrules.json: rule ") {
			t.Errorf("%s: error %v does not say which rule", name, err)
		}
	}
}

// TestOpenEnums: a value outside an open enum (armrules.json) is valid, a listed
// value in another casing is still reported.
func TestOpenEnums(t *testing.T) {
	s := ForTest(t)
	vm := func(size string) resource.PropertyMap {
		return resource.NewPropertyMapFromMap(map[string]any{
			"resourceGroupName": "rg-ai", "hardwareProfile": map[string]any{"vmSize": size},
		})
	}
	const token = "azure-native:compute:VirtualMachine"
	if got := problems(t, s, token, vm("Standard_D2s_v5")); len(got) != 0 {
		t.Errorf("a VM size the frozen enum lacks was refused: %q", got)
	}
	want := `property "hardwareProfile.vmSize" (compute.HardwareProfileArgs) is "standard_b2s", which compute.VirtualMachineSizeTypes spells "Standard_B2s"; write "Standard_B2s": Azure keeps its own casing and azure-native compares enum values case-sensitively, so every refresh would show a change`
	if got := problems(t, s, token, vm("standard_b2s")); !slices.Equal(got, []string{want}) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	open, err := OpenEnums()
	if err != nil {
		t.Fatal(err)
	}
	for name := range open {
		if _, err := s.Enum(name); err != nil {
			t.Errorf("open enum %s: %v", name, err)
		}
	}
}
