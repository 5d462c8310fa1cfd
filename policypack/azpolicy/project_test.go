package azpolicy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// projectDefinition reads a custom definition of the project's policy library
// (components/policybaseline/lib/definitions, beside the pack in the repository).
func projectDefinition(t testing.TB, name string) *Policy {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "components", "policybaseline", "lib", "definitions", name+".json"))
	if err != nil {
		t.Skipf("the project's policy library is not beside the pack (the pack built alone): %v", err)
	}
	return mustBind(t, mustParse(t, string(data)), nil)
}

func nativeResource(t testing.TB, token string, inputs map[string]any) *Resource {
	t.Helper()
	res, err := FromAzureNative(token, inputs, &ConvertOptions{SubscriptionID: fakeSubscription})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The project's custom definitions allow every network security group and virtual
// network the three stacks register.
func TestProjectDefinitionsAllowTheStacks(t *testing.T) {
	mgmt, subnets := projectDefinition(t, "Deny-MgmtPorts-Internet"), projectDefinition(t, "Deny-Subnet-Without-Nsg")
	checked := 0
	for _, stack := range []string{"dev", "corp", "online"} {
		for _, r := range readStack(t, stack) {
			if !strings.HasSuffix(r.Type, ":NetworkSecurityGroup") && !strings.HasSuffix(r.Type, ":VirtualNetwork") {
				continue
			}
			res := nativeResource(t, r.Type, r.Inputs)
			for _, p := range []*Policy{mgmt, subnets} {
				if got := p.Evaluate(res, nil); got.Outcome != Compliant {
					t.Errorf("%s %s, %s: %v: %s", stack, r.Name, p.Definition.Name, got.Outcome, got.Reason())
				}
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d networks and NSGs checked", checked)
	}
}

func rule(name, source, port string) map[string]any {
	return map[string]any{"name": name, "priority": 100.0, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"sourcePortRange": "*", "sourceAddressPrefix": source, "destinationAddressPrefix": "*", "destinationPortRange": port}
}

// ruleVariants are inbound Allow rules: exposed to the internet on a management
// port (true) or not (false), singly, in lists and in ranges.
func ruleVariants() []struct {
	name    string
	rule    map[string]any
	exposed bool
} {
	list := func(name string, sources, ports []any) map[string]any {
		r := rule(name, "", "")
		delete(r, "sourceAddressPrefix")
		delete(r, "destinationPortRange")
		if sources != nil {
			r["sourceAddressPrefixes"] = sources
		} else {
			r["sourceAddressPrefix"] = "Internet"
		}
		if ports != nil {
			r["destinationPortRanges"] = ports
		} else {
			r["destinationPortRange"] = "22"
		}
		return r
	}
	return []struct {
		name    string
		rule    map[string]any
		exposed bool
	}{
		{"Internet to 3389", rule("rdp", "Internet", "3389"), true},
		{"* to 22", rule("ssh", "*", "22"), true},
		{"0.0.0.0/0 to 22", rule("ssh", "0.0.0.0/0", "22"), true},
		{"Any to *", rule("all", "Any", "*"), true},
		{"Internet to 20-30", rule("range", "Internet", "20-30"), true},
		{"Internet to 3000-4000", rule("range", "Internet", "3000-4000"), true},
		{"Internet to [443, 3389]", list("list", nil, []any{"443", "3389"}), true},
		{"Internet to [20-30]", list("list", nil, []any{"20-30"}), true},
		{"[10.0.0.0/8, 0.0.0.0/0] to 22", list("list", []any{"10.0.0.0/8", "0.0.0.0/0"}, nil), true},
		{"Internet to 443", rule("https", "Internet", "443"), false},
		{"GatewayManager to 443", rule("gm", "GatewayManager", "443"), false},
		{"bastion subnet to 22", rule("jump", "10.10.1.0/26", "22"), false},
		{"ApiManagement to 3443", rule("apim", "ApiManagement", "3443"), false},
		{"Internet to 3390-3400", rule("near", "Internet", "3390-3400"), false},
		{"Internet to [443, 8080]", list("list", nil, []any{"443", "8080"}), false},
		{"[10.0.0.0/8] to 22", list("list", []any{"10.0.0.0/8"}, nil), false},
	}
}

// Deny-MgmtPorts-Internet denies an exposure inline in an NSG (beside the stack's
// own rules) and as a standalone rule, and allows the rest.
func TestProjectMgmtPortsDefinition(t *testing.T) {
	p := projectDefinition(t, "Deny-MgmtPorts-Internet")
	var base map[string]any
	for _, r := range readStack(t, "dev") {
		if strings.HasSuffix(r.Type, ":NetworkSecurityGroup") && strings.Contains(r.Name, "bastion") {
			base = r.Inputs
		}
	}
	if base == nil {
		t.Fatal("no Bastion NSG in the dev stack")
	}
	for _, v := range ruleVariants() {
		want := map[bool]Outcome{true: NonCompliant, false: Compliant}[v.exposed]
		nsg := deepCopy(base).(map[string]any)
		nsg["securityRules"] = append(nsg["securityRules"].([]any), v.rule)
		if got := p.Evaluate(nativeResource(t, "azure-native:network:NetworkSecurityGroup", nsg), nil); got.Outcome != want {
			t.Errorf("inline %s: got %v, want %v: %s", v.name, got.Outcome, want, got.Reason())
		}
		standalone := deepCopy(v.rule).(map[string]any)
		standalone["resourceGroupName"], standalone["networkSecurityGroupName"] = "rg", "nsg"
		if got := p.Evaluate(nativeResource(t, "azure-native:network:SecurityRule", standalone), nil); got.Outcome != want {
			t.Errorf("standalone %s: got %v, want %v: %s", v.name, got.Outcome, want, got.Reason())
		}
	}
}

// Deny-Subnet-Without-Nsg denies a subnet without an NSG, inline and standalone,
// except the subnets Azure forbids or manages one on.
func TestProjectSubnetDefinition(t *testing.T) {
	p := projectDefinition(t, "Deny-Subnet-Without-Nsg")
	vnet := func(subnets ...any) map[string]any {
		return map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "location": "eastus", "subnets": subnets}
	}
	withNSG := map[string]any{"name": "apps", "addressPrefix": "10.0.0.0/24", "networkSecurityGroup": map[string]any{"id": "nsg-id"}}
	for _, tc := range []struct {
		name string
		res  *Resource
		want Outcome
	}{
		{"inline, with NSG", nativeResource(t, "azure-native:network:VirtualNetwork", vnet(withNSG)), Compliant},
		{"inline GatewaySubnet", nativeResource(t, "azure-native:network:VirtualNetwork", vnet(withNSG, map[string]any{"name": "GatewaySubnet", "addressPrefix": "10.0.1.0/27"})), Compliant},
		{"inline, without NSG", nativeResource(t, "azure-native:network:VirtualNetwork", vnet(withNSG, map[string]any{"name": "data", "addressPrefix": "10.0.2.0/24"})), NonCompliant},
		{"standalone, with NSG", nativeResource(t, "azure-native:network:Subnet", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "apps", "networkSecurityGroup": map[string]any{"id": "nsg-id"}}), Compliant},
		{"standalone, without NSG", nativeResource(t, "azure-native:network:Subnet", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "data"}), NonCompliant},
		{"standalone AzureFirewallSubnet", nativeResource(t, "azure-native:network:Subnet", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "AzureFirewallSubnet"}), Compliant},
		{"standalone, NSG not known yet", nativeResource(t, "azure-native:network:Subnet", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "data", "networkSecurityGroup": map[string]any{"id": Unknown}}), CannotVerify},
	} {
		if got := p.Evaluate(tc.res, nil); got.Outcome != tc.want {
			t.Errorf("%s: got %v, want %v: %s", tc.name, got.Outcome, tc.want, got.Reason())
		}
	}
}
