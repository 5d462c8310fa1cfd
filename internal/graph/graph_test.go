package graph

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// r builds a recorded custom resource.
func r(token, name string, inputs map[string]any) pulumitest.Resource {
	return pulumitest.Resource{Type: token, Name: name, URN: "urn:" + token + "::" + name, Custom: true,
		ID: pulumitest.FakeID(token, name), Inputs: resource.NewPropertyMapFromMap(inputs)}
}

func id(token, name string) string { return pulumitest.FakeID(token, name) }

// world is a gateway network "a" (subnet snet-apim, NSG nsg-apim) and an endpoint
// network "b" (subnet snet-pe, NSG nsg-pe, private endpoint policies Enabled) holding
// an OpenAI account's private endpoint, the privatelink zone linked to both, peered
// both ways; an Internal gateway in a with a pool over a backend of the account, and
// its private zone with the gateway's record, linked to both.
type world map[string]pulumitest.Resource

func newWorld() world {
	vnet := func(name, space string, subnets ...map[string]any) pulumitest.Resource {
		list := make([]any, len(subnets))
		for i, s := range subnets {
			list[i] = s
		}
		return r(TypeVirtualNetwork, name, map[string]any{"resourceGroupName": "rg", "addressSpace": map[string]any{"addressPrefixes": []any{space}}, "subnets": list})
	}
	rule := func(name string, priority int, direction, access, source string, port string) map[string]any {
		return map[string]any{"name": name, "priority": priority, "direction": direction, "access": access, "protocol": "Tcp",
			"sourceAddressPrefix": source, "destinationAddressPrefix": "*", "sourcePortRange": "*", "destinationPortRange": port}
	}
	w := world{
		"nsg-apim": r(TypeNSG, "nsg-apim", map[string]any{"securityRules": []any{rule("deny-ssh", 4000, "Inbound", "Deny", "*", "22")}}),
		"nsg-pe":   r(TypeNSG, "nsg-pe", map[string]any{"securityRules": []any{rule("deny-ssh", 4000, "Inbound", "Deny", "*", "22")}}),
		"a":        vnet("a", "10.1.0.0/16", map[string]any{"name": "snet-apim", "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": map[string]any{"id": id(TypeNSG, "nsg-apim")}}),
		"b":        vnet("b", "10.2.0.0/16", map[string]any{"name": "snet-pe", "addressPrefix": "10.2.2.0/24", "networkSecurityGroup": map[string]any{"id": id(TypeNSG, "nsg-pe")}, "privateEndpointNetworkPolicies": "Enabled"}),
		"a-b":      r(TypePeering, "a-b", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "a", "remoteVirtualNetwork": map[string]any{"id": id(TypeVirtualNetwork, "b")}, "allowVirtualNetworkAccess": true}),
		"b-a":      r(TypePeering, "b-a", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "b", "remoteVirtualNetwork": map[string]any{"id": id(TypeVirtualNetwork, "a")}, "allowVirtualNetworkAccess": true}),
		"acct":     r(TypeAccount, "acct", map[string]any{"accountName": "acct", "kind": "OpenAI", "properties": map[string]any{"customSubDomainName": "acct-b"}}),
		"pe": r(TypePrivateEndpoint, "pe", map[string]any{"privateEndpointName": "pe", "resourceGroupName": "rg", "subnet": map[string]any{"id": id(TypeVirtualNetwork, "b") + "/subnets/snet-pe"},
			"privateLinkServiceConnections": []any{map[string]any{"privateLinkServiceId": id(TypeAccount, "acct")}}}),
		"zone":   r(TypePrivateZone, "zone", map[string]any{"privateZoneName": "privatelink.openai.azure.com", "resourceGroupName": "rg"}),
		"zone-a": link("zone-a", "privatelink.openai.azure.com", "a"),
		"zone-b": link("zone-b", "privatelink.openai.azure.com", "b"),
		"pe-dns": r(TypeZoneGroup, "pe-dns", map[string]any{"privateEndpointName": "pe", "resourceGroupName": "rg",
			"privateDnsZoneConfigs": []any{map[string]any{"privateDnsZoneId": id(TypePrivateZone, "zone")}}}),
		"apim": r(TypeAPIMService, "apim", map[string]any{"serviceName": "gw", "virtualNetworkType": "Internal",
			"virtualNetworkConfiguration": map[string]any{"subnetResourceId": id(TypeVirtualNetwork, "a") + "/subnets/snet-apim"}}),
		"member": r(TypeAPIMBackend, "member", map[string]any{"serviceName": "gw", "backendId": "openai-b", "type": "Single", "url": "https://acct-b.openai.azure.com/openai"}),
		"pool": r(TypeARMDeployment, "pool", map[string]any{"properties": map[string]any{"template": map[string]any{"resources": []any{map[string]any{
			"type": "Microsoft.ApiManagement/service/backends", "name": "gw/openai-pool",
			"properties": map[string]any{"type": "Pool", "pool": map[string]any{"services": []any{map[string]any{"id": "[resourceId('Microsoft.ApiManagement/service/backends', 'gw', 'openai-b')]"}}}},
		}}}}}),
		"gwzone":   r(TypePrivateZone, "gwzone", map[string]any{"privateZoneName": "gw.azure-api.net", "resourceGroupName": "rg"}),
		"gwzone-a": link("gwzone-a", "gw.azure-api.net", "a"),
		"gwzone-b": link("gwzone-b", "gw.azure-api.net", "b"),
		"gwrecord": r(TypeRecordSet, "gwrecord", map[string]any{"privateZoneName": "gw.azure-api.net", "resourceGroupName": "rg", "recordType": "A", "relativeRecordSetName": "@",
			"aRecords": []any{map[string]any{"ipv4Address": "10.1.1.4"}}}),
	}
	return w
}

func link(name, zone, vnet string) pulumitest.Resource {
	return r(TypeZoneLink, name, map[string]any{"privateZoneName": zone, "resourceGroupName": "rg", "virtualNetwork": map[string]any{"id": id(TypeVirtualNetwork, vnet)}})
}

// with returns the world's resources with edits applied (a nil value removes one).
func (w world) with(t *testing.T, edits map[string]*pulumitest.Resource) *Model {
	t.Helper()
	var list []pulumitest.Resource
	order := []string{"nsg-apim", "nsg-pe", "a", "b", "a-b", "b-a", "acct", "pe", "zone", "zone-a", "zone-b", "pe-dns", "apim", "member", "pool", "gwzone", "gwzone-a", "gwzone-b", "gwrecord"}
	for k := range edits {
		if _, known := w[k]; !known {
			order = append(order, k)
		}
	}
	for _, k := range order {
		res, ok := w[k]
		if e, edited := edits[k]; edited {
			if e == nil {
				continue
			}
			res, ok = *e, true
		}
		if ok {
			list = append(list, res)
		}
	}
	m, err := New(list)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func set(res pulumitest.Resource, key string, v any) *pulumitest.Resource {
	res.Inputs = res.Inputs.Copy()
	res.Inputs[resource.PropertyKey(key)] = resource.NewPropertyValue(v)
	return &res
}

func errs(list []error) string {
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return strings.Join(out, "\n")
}

// TestChecksPassOnTheBaseline and fail for each broken variant, with the reason.
func TestChecks(t *testing.T) {
	w := newWorld()
	if e := errs(append(w.with(t, nil).CheckPools(), w.with(t, nil).CheckClientEndpoints()...)); e != "" {
		t.Fatalf("the compliant world fails:\n%s", e)
	}
	deny443 := map[string]any{"name": "deny-vnet-https", "priority": 200, "direction": "Inbound", "access": "Deny", "protocol": "*",
		"sourceAddressPrefix": "VirtualNetwork", "destinationAddressPrefix": "*", "sourcePortRange": "*", "destinationPortRange": "443"}
	denyOut := map[string]any{"name": "deny-out", "priority": 200, "direction": "Outbound", "access": "Deny", "protocol": "Tcp",
		"sourceAddressPrefix": "*", "destinationAddressPrefix": "10.2.0.0/16", "sourcePortRange": "*", "destinationPortRanges": []any{"80", "400-500"}}
	cases := []struct {
		name  string
		edits map[string]*pulumitest.Resource
		want  string
	}{
		{"one-way peering", map[string]*pulumitest.Resource{"b-a": nil},
			"pool pool/openai-pool member openai-b: 10.2.2.4 (subnet snet-pe of b) is not reachable from subnet snet-apim of a: the networks are not peered in both directions"},
		{"peering without network access", map[string]*pulumitest.Resource{"a-b": set(w["a-b"], "allowVirtualNetworkAccess", false)},
			"is not reachable from subnet snet-apim of a: the networks are not peered in both directions"},
		{"endpoint NSG denies HTTPS from peered networks", map[string]*pulumitest.Resource{"nsg-pe": set(w["nsg-pe"], "securityRules", []any{deny443})},
			"the NSG of subnet snet-pe denies TCP 443 from 10.1.1.4 to 10.2.2.4: Inbound rule deny-vnet-https (priority 200)"},
		{"gateway NSG denies HTTPS out", map[string]*pulumitest.Resource{"nsg-apim": set(w["nsg-apim"], "securityRules", []any{denyOut})},
			"the NSG of subnet snet-apim denies TCP 443 from 10.1.1.4 to 10.2.2.4: Outbound rule deny-out (priority 200)"},
		{"manual private endpoint connection", map[string]*pulumitest.Resource{"pe": func() *pulumitest.Resource {
			pe := set(w["pe"], "manualPrivateLinkServiceConnections", w["pe"].Inputs["privateLinkServiceConnections"].Mappable())
			delete(pe.Inputs, "privateLinkServiceConnections")
			return pe
		}()}, "private endpoint pe: its connection is manual and awaits approval"},
		{"privatelink zone not linked to the gateway's network", map[string]*pulumitest.Resource{"zone-a": nil},
			"acct-b.openai.azure.com resolves to the public endpoint of account acct, not to a private address"},
		{"no zone group", map[string]*pulumitest.Resource{"pe-dns": nil},
			`acct-b.privatelink.openai.azure.com: NXDOMAIN (zone privatelink.openai.azure.com, linked to a, has no record "acct-b")`},
		{"gateway zone missing", map[string]*pulumitest.Resource{"gwzone": nil, "gwzone-a": nil, "gwzone-b": nil, "gwrecord": nil},
			"from a, gateway gw: gw.azure-api.net does not resolve: gw.azure-api.net: NXDOMAIN (public DNS: API Management in Internal mode registers none of its endpoints)"},
		{"gateway zone not linked to a client network", map[string]*pulumitest.Resource{"gwzone-b": nil},
			"from b, gateway gw: gw.azure-api.net does not resolve"},
		{"gateway record points elsewhere", map[string]*pulumitest.Resource{"gwrecord": set(w["gwrecord"], "aRecords", []any{map[string]any{"ipv4Address": "10.1.1.9"}})},
			"from a, gateway gw: resolves to [10.1.1.9], want the gateway's private address 10.1.1.4 in snet-apim"},
		{"custom DNS servers", map[string]*pulumitest.Resource{"a": set(w["a"], "dhcpOptions", map[string]any{"dnsServers": []any{"10.0.0.4"}})},
			"a uses custom DNS servers [10.0.0.4]: the private DNS zones linked to it are not queried"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := w.with(t, c.edits)
			got := errs(append(m.CheckPools(), m.CheckClientEndpoints()...))
			if !strings.Contains(got, c.want) {
				t.Errorf("errors:\n%s\nwant one containing:\n%s", got, c.want)
			}
		})
	}
}

// TestResolveLikeAzureDNS: the most specific linked zone answers alone; a link may
// fall back to public DNS; an unlinked zone is not consulted; CNAMEs are followed.
func TestResolveLikeAzureDNS(t *testing.T) {
	w := newWorld()
	broad := r(TypePrivateZone, "broad", map[string]any{"privateZoneName": "azure-api.net", "resourceGroupName": "rg"})
	broadLink := link("broad-a", "azure-api.net", "a")
	m := w.with(t, map[string]*pulumitest.Resource{"broad": &broad, "broad-a": &broadLink})
	a := m.VNet(id(TypeVirtualNetwork, "a"))
	if ans, err := m.Resolve(a, "GW.azure-api.net."); err != nil || len(ans.Targets) != 1 || ans.Targets[0].IP != netip.MustParseAddr("10.1.1.4") {
		t.Errorf("the service's own zone is the longest match: %v, %v", ans, err)
	}
	if _, err := m.Resolve(a, "other.azure-api.net"); err == nil || !strings.Contains(err.Error(), `NXDOMAIN (zone azure-api.net, linked to a, has no record "other")`) {
		t.Errorf("a linked zone answers alone: %v", err)
	}
	fallback := link("broad-a", "azure-api.net", "a")
	fallback.Inputs["resolutionPolicy"] = resource.NewProperty("NxDomainRedirect")
	m = w.with(t, map[string]*pulumitest.Resource{"broad": &broad, "broad-a": &fallback})
	if _, err := m.Resolve(m.VNet(id(TypeVirtualNetwork, "a")), "other.azure-api.net"); err == nil || !strings.Contains(err.Error(), "falls back to public DNS") {
		t.Errorf("NxDomainRedirect falls back to public DNS: %v", err)
	}
	alias := r(TypeRecordSet, "alias", map[string]any{"privateZoneName": "gw.azure-api.net", "resourceGroupName": "rg", "recordType": "CNAME", "relativeRecordSetName": "api",
		"cnameRecord": map[string]any{"cname": "acct-b.openai.azure.com."}})
	m = w.with(t, map[string]*pulumitest.Resource{"alias": &alias})
	ans, err := m.Resolve(m.VNet(id(TypeVirtualNetwork, "a")), "api.gw.azure-api.net")
	if err != nil || len(ans.Targets) != 1 || ans.Targets[0].Endpoint == nil || ans.Targets[0].Endpoint.Name != "pe" || len(ans.Chain) != 3 {
		t.Errorf("CNAME chain to the private endpoint: %s, %v", ans, err)
	}
	external := set(w["apim"], "virtualNetworkType", "External")
	m = w.with(t, map[string]*pulumitest.Resource{"apim": external, "gwzone-a": nil})
	if ans, err := m.Resolve(m.VNet(id(TypeVirtualNetwork, "a")), "gw.azure-api.net"); err != nil || ans.Public == "" {
		t.Errorf("an External gateway is public: %s, %v", ans, err)
	}
	if _, err := m.Resolve(a, "example.com"); err == nil || !strings.Contains(err.Error(), "the model knows no public record") {
		t.Errorf("an unknown public name is an error, not a guess: %v", err)
	}
}

func TestNewRejectsBrokenReferences(t *testing.T) {
	w := newWorld()
	for name, c := range map[string]struct {
		edits map[string]*pulumitest.Resource
		want  string
	}{
		"link to an unknown zone":   {map[string]*pulumitest.Resource{"zone": nil, "pe-dns": nil}, `virtual network link zone-a: zone "privatelink.openai.azure.com" in "rg" is not in the stack`},
		"pool member not a backend": {map[string]*pulumitest.Resource{"pool": set(w["pool"], "properties", map[string]any{"template": map[string]any{"resources": []any{map[string]any{"type": "Microsoft.ApiManagement/service/backends", "name": "gw/p", "properties": map[string]any{"type": "Pool", "pool": map[string]any{"services": []any{map[string]any{"id": "[parameters('x')]"}}}}}}}})}, `pool properties.template.resources[0] pool.services[0]: id "[parameters('x')]" names no backend`},
		"two zones of one name on a network": {func() map[string]*pulumitest.Resource {
			z := r(TypePrivateZone, "zone2", map[string]any{"privateZoneName": "privatelink.openai.azure.com", "resourceGroupName": "rg2"})
			l := r(TypeZoneLink, "zone2-a", map[string]any{"privateZoneName": "privatelink.openai.azure.com", "resourceGroupName": "rg2", "virtualNetwork": map[string]any{"id": id(TypeVirtualNetwork, "a")}})
			return map[string]*pulumitest.Resource{"zone2": &z, "zone2-a": &l}
		}(), "is already linked to another zone named privatelink.openai.azure.com; Azure refuses a second"},
	} {
		t.Run(name, func(t *testing.T) {
			var list []pulumitest.Resource
			for k, res := range w {
				if e, ok := c.edits[k]; ok {
					if e == nil {
						continue
					}
					res = *e
				}
				list = append(list, res)
			}
			for k, e := range c.edits {
				if _, known := w[k]; !known && e != nil {
					list = append(list, *e)
				}
			}
			_, err := New(list)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestOutputs(t *testing.T) {
	out := Outputs()
	vnet := pulumi.MockResourceArgs{TypeToken: TypeVirtualNetwork, Name: "a", Inputs: newWorld()["a"].Inputs}
	out(vnet, vnet.Inputs.Copy())
	svc := resource.PropertyMap(newWorld()["apim"].Inputs.Copy())
	out(pulumi.MockResourceArgs{TypeToken: "azure-native:apimanagement/v20240501:ApiManagementService", Name: "apim"}, svc)
	if got := svc["gatewayUrl"].StringValue(); got != "https://gw.azure-api.net" {
		t.Errorf("gatewayUrl = %q", got)
	}
	if ips := svc["privateIPAddresses"]; !ips.IsArray() || ips.ArrayValue()[0].StringValue() != "10.1.1.4" {
		t.Errorf("privateIPAddresses = %v, want the subnet's first assignable address", ips)
	}
	acct := resource.PropertyMap(newWorld()["acct"].Inputs.Copy())
	out(pulumi.MockResourceArgs{TypeToken: TypeAccount, Name: "acct"}, acct)
	if got := acct["properties"].ObjectValue()["endpoint"].StringValue(); got != "https://acct-b.openai.azure.com/" {
		t.Errorf("endpoint = %q", got)
	}
	if got := AccountEndpoint("AIServices", "X"); got != "https://x.cognitiveservices.azure.com/" {
		t.Errorf("AIServices endpoint = %q", got)
	}
}

func TestFirstHostAndPorts(t *testing.T) {
	if got := FirstHost(netip.MustParsePrefix("10.20.2.32/27")); got.String() != "10.20.2.36" {
		t.Errorf("FirstHost = %s", got)
	}
	for _, c := range []struct {
		ranges []string
		port   int
		want   bool
	}{{[]string{"*"}, 443, true}, {[]string{"443"}, 443, true}, {[]string{"400-500"}, 443, true}, {[]string{"22", "3389"}, 443, false}, {[]string{"x"}, 443, false}} {
		if got := anyPort(c.ranges, c.port); got != c.want {
			t.Errorf("anyPort(%v, %d) = %v", c.ranges, c.port, got)
		}
	}
}
