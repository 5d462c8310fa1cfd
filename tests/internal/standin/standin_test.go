package standin

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

func newAzureNative(t *testing.T) *Provider {
	t.Helper()
	return New(AzureNative(azschema.ForTest(t)), nil)
}

func urn(token, name string) string {
	return "urn:pulumi:dev::ai-ready::" + token + "::" + name
}

func mustStruct(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	s, err := plugin.MarshalProperties(m, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustProps(t *testing.T, s *structpb.Struct) resource.PropertyMap {
	t.Helper()
	m, err := plugin.UnmarshalProperties(s, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func props(v map[string]any) resource.PropertyMap { return resource.NewPropertyMapFromMap(v) }

const vnetToken = "azure-native:network:VirtualNetwork"

func validVnet() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ai",
		"location":          "swedencentral",
		"addressSpace":      map[string]any{"addressPrefixes": []any{"10.0.0.0/16"}},
		"subnets":           []any{map[string]any{"name": "pe", "addressPrefix": "10.0.1.0/24"}},
	}
}

func TestCheck(t *testing.T) {
	p := newAzureNative(t)
	cases := []struct {
		name string
		edit func(map[string]any)
		want []string // failing property paths; none: valid
	}{
		{"valid", func(map[string]any) {}, nil},
		{"unknown top-level property", func(m map[string]any) { m["adressSpace"] = m["addressSpace"]; delete(m, "addressSpace") }, []string{"adressSpace"}},
		{"unknown nested property", func(m map[string]any) {
			m["addressSpace"] = map[string]any{"adressPrefixes": []any{"10.0.0.0/16"}}
		}, []string{"addressSpace.adressPrefixes"}},
		{"unknown property in a list element", func(m map[string]any) {
			m["subnets"] = []any{map[string]any{"name": "pe", "addresPrefix": "10.0.1.0/24"}}
		}, []string{"subnets[0].addresPrefix"}},
		{"missing required property", func(m map[string]any) { delete(m, "resourceGroupName") }, []string{"resourceGroupName"}},
		{"unknown values are not judged", func(m map[string]any) {
			m["addressSpace"] = resource.MakeComputed(resource.NewProperty(""))
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := validVnet()
			c.edit(in)
			resp, err := p.Check(context.Background(), &pulumirpc.CheckRequest{
				Urn: urn(vnetToken, "vnet"), News: mustStruct(t, props(in)),
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range resp.GetFailures() {
				got = append(got, f.GetProperty())
				if !strings.Contains(f.GetReason(), f.GetProperty()) {
					t.Errorf("failure reason %q does not name the property %q", f.GetReason(), f.GetProperty())
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("failures on %v, want %v (%v)", got, c.want, resp.GetFailures())
			}
		})
	}
}

func TestCheckUnknownType(t *testing.T) {
	p := newAzureNative(t)
	_, err := p.Check(context.Background(), &pulumirpc.CheckRequest{
		Urn: urn("azure-native:network:VirtualNetwerk", "x"), News: mustStruct(t, props(map[string]any{})),
	})
	if err == nil || !strings.Contains(err.Error(), "VirtualNetwerk") {
		t.Errorf("Check of an unknown type: err = %v, want an error naming the type", err)
	}
}

func TestCheckAutonames(t *testing.T) {
	p := newAzureNative(t)
	check := func(in, olds map[string]any) resource.PropertyMap {
		t.Helper()
		req := &pulumirpc.CheckRequest{Urn: urn(vnetToken, "vnet"), News: mustStruct(t, props(in))}
		if olds != nil {
			req.Olds = mustStruct(t, props(olds))
		}
		resp, err := p.Check(context.Background(), req)
		if err != nil || len(resp.GetFailures()) > 0 {
			t.Fatalf("Check: %v %v", err, resp.GetFailures())
		}
		return mustProps(t, resp.GetInputs())
	}
	got := check(validVnet(), nil)["virtualNetworkName"]
	if !got.IsString() || !regexp.MustCompile(`^vnet[0-9a-f]{8}$`).MatchString(got.StringValue()) {
		t.Errorf("autoname = %v, want vnet + 8 hex digits", got)
	}
	if again := check(validVnet(), nil)["virtualNetworkName"]; again != got {
		t.Errorf("autoname is not deterministic: %v then %v", got, again)
	}
	old := map[string]any{"virtualNetworkName": "vnet-from-state"}
	if kept := check(validVnet(), old)["virtualNetworkName"]; kept.StringValue() != "vnet-from-state" {
		t.Errorf("autoname with olds = %v, want the old name kept", kept)
	}
	named := validVnet()
	named["virtualNetworkName"] = "vnet-ai"
	if n := check(named, nil)["virtualNetworkName"]; n.StringValue() != "vnet-ai" {
		t.Errorf("an explicit name was changed to %v", n)
	}
}

func TestCheckNameProperties(t *testing.T) {
	p := newAzureNative(t)
	cases := map[string]string{
		"azure-native:storage:StorageAccount":               "accountName",
		"azure-native:apimanagement/v20240501:Backend":      "backendId",
		"azure-native:search:Service":                       "searchServiceName",
		"azure-native:management:ManagementGroup":           "groupId",
		"azure-native:cognitiveservices:Account":            "accountName",
		"azure-native:network:PublicIPAddress":              "publicIpAddressName",
		"azure-native:compute:VirtualMachine":               "vmName",
		"azure-native:authorization:RoleAssignment":         "roleAssignmentName",
		"azure-native:network:Subnet":                       "subnetName",
		"azure-native:managedidentity:UserAssignedIdentity": "resourceName",
	}
	for token, want := range cases {
		r := p.resource(resource.URN(urn(token, "x")), resource.PropertyMap{})
		if got := r.Names().NameProperty; got != want {
			t.Errorf("%s: name property %q, want %q", token, got, want)
		}
	}
	r := p.resource(resource.URN(urn("azure-native:authorization:RoleAssignment", "ra")), resource.PropertyMap{})
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(r.Names().AutoName) {
		t.Errorf("role assignment autoname %q, want a GUID", r.Names().AutoName)
	}
}

func TestDiff(t *testing.T) {
	p := newAzureNative(t)
	diff := func(olds, news map[string]any) *pulumirpc.DiffResponse {
		t.Helper()
		resp, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{
			Urn: urn(vnetToken, "vnet"), OldInputs: mustStruct(t, props(olds)), News: mustStruct(t, props(news)),
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	base := validVnet()
	if d := diff(base, validVnet()); d.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("equal inputs: %v, want no change", d)
	}
	spelt := validVnet()
	spelt["location"] = "Sweden Central"
	if d := diff(base, spelt); d.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("location spelt as the portal does: %v, want no change", d)
	}

	tagged := validVnet()
	tagged["tags"] = map[string]any{"owner": "ai"}
	d := diff(base, tagged)
	if d.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME || len(d.GetReplaces()) != 0 || d.GetDetailedDiff()["tags"].GetKind() != pulumirpc.PropertyDiff_ADD {
		t.Errorf("added tags: %v, want an in-place add of tags", d)
	}

	moved := validVnet()
	moved["location"] = "westeurope"
	d = diff(base, moved)
	if strings.Join(d.GetReplaces(), ",") != "location" || d.GetDetailedDiff()["location"].GetKind() != pulumirpc.PropertyDiff_UPDATE_REPLACE {
		t.Errorf("moved: %v, want a replacement on location", d)
	}
	if d.GetDeleteBeforeReplace() {
		t.Error("an autonamed resource does not need delete-before-replace")
	}

	renamedRG := validVnet()
	renamedRG["resourceGroupName"] = "rg-other"
	if d := diff(base, renamedRG); strings.Join(d.GetReplaces(), ",") != "resourceGroupName" {
		t.Errorf("new resource group: %v, want a replacement", d)
	}

	named, renamed := validVnet(), validVnet()
	named["virtualNetworkName"], renamed["virtualNetworkName"] = "vnet-a", "vnet-b"
	d = diff(named, renamed)
	if strings.Join(d.GetReplaces(), ",") != "virtualNetworkName" || !d.GetDeleteBeforeReplace() {
		t.Errorf("renamed: %v, want a delete-before-replace on virtualNetworkName", d)
	}

	prefix := validVnet()
	prefix["addressSpace"] = map[string]any{"addressPrefixes": []any{"10.1.0.0/16"}}
	d = diff(base, prefix)
	if len(d.GetReplaces()) != 0 || d.GetDetailedDiff()["addressSpace.addressPrefixes[0]"].GetKind() != pulumirpc.PropertyDiff_UPDATE {
		t.Errorf("new prefix: %v, want an in-place update of addressSpace.addressPrefixes[0]", d)
	}
}

func TestCreate(t *testing.T) {
	p := newAzureNative(t)
	create := func(token, name string, in map[string]any, preview bool) (string, resource.PropertyMap) {
		t.Helper()
		resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{
			Urn: urn(token, name), Properties: mustStruct(t, props(in)), Preview: preview,
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp.GetId(), mustProps(t, resp.GetProperties())
	}
	in := validVnet()
	in["virtualNetworkName"] = "vnet-ai"
	id, outs := create(vnetToken, "vnet", in, false)
	if want := "/subscriptions/" + FakeSubscriptionID + "/resourceGroups/rg-ai/providers/Microsoft.Network/virtualNetworks/vnet-ai"; id != want {
		t.Errorf("vnet id = %s, want %s", id, want)
	}
	if outs["name"].StringValue() != "vnet-ai" || outs["type"].StringValue() != "Microsoft.Network/virtualNetworks" {
		t.Errorf("vnet outputs name=%v type=%v", outs["name"], outs["type"])
	}
	if outs["addressSpace"].ObjectValue()["addressPrefixes"].ArrayValue()[0].StringValue() != "10.0.0.0/16" {
		t.Errorf("inputs are not echoed: %v", outs["addressSpace"])
	}

	subnet := map[string]any{"resourceGroupName": "rg-ai", "virtualNetworkName": "vnet-ai", "subnetName": "pe", "addressPrefix": "10.0.1.0/24"}
	if id, _ := create("azure-native:network:Subnet", "pe", subnet, false); !strings.HasSuffix(id, "/virtualNetworks/vnet-ai/subnets/pe") {
		t.Errorf("subnet id = %s, want it under its virtual network", id)
	}

	account := map[string]any{
		"resourceGroupName": "rg-ai", "accountName": "oai-sweden", "kind": "OpenAI", "location": "swedencentral",
		"identity":   map[string]any{"type": "SystemAssigned"},
		"properties": map[string]any{"customSubDomainName": "oai-sweden", "publicNetworkAccess": "Disabled"},
	}
	id, outs = create("azure-native:cognitiveservices:Account", "oai", account, false)
	if !strings.HasSuffix(id, "/providers/Microsoft.CognitiveServices/accounts/oai-sweden") {
		t.Errorf("account id = %s", id)
	}
	props := outs["properties"].ObjectValue()
	if got := props["endpoint"]; !got.IsString() || got.StringValue() != "https://oai-sweden.openai.azure.com/" {
		t.Errorf("account endpoint = %v, want the custom subdomain's", got)
	}
	if props["publicNetworkAccess"].StringValue() != "Disabled" {
		t.Errorf("account properties are not echoed: %v", props)
	}
	identity := outs["identity"].ObjectValue()
	if !identity["principalId"].IsString() || identity["tenantId"].StringValue() != FakeTenantID {
		t.Errorf("identity = %v, want a principal id and the tenant", identity)
	}

	id, outs = create("azure-native:cognitiveservices:Account", "oai", account, true)
	if id != "" || !outs["properties"].ObjectValue()["endpoint"].IsComputed() || !outs["identity"].ObjectValue()["principalId"].IsComputed() {
		t.Errorf("preview: id %q, endpoint %v, principal %v; want no id and unknown computed outputs",
			id, outs["properties"].ObjectValue()["endpoint"], outs["identity"].ObjectValue()["principalId"])
	}

	ra := map[string]any{
		"scope":       "/subscriptions/" + FakeSubscriptionID + "/resourceGroups/rg-ai",
		"principalId": "p", "roleDefinitionId": "r", "roleAssignmentName": "0000-ra",
	}
	if id, _ := create("azure-native:authorization:RoleAssignment", "ra", ra, false); id != ra["scope"].(string)+"/providers/Microsoft.Authorization/roleAssignments/0000-ra" {
		t.Errorf("role assignment id = %s, want it under its scope", id)
	}
	orp := map[string]any{"resourceGroupName": "rg-ai", "accountName": "stdest", "objectReplicationPolicyId": "default",
		"sourceAccount": "stsrc", "destinationAccount": "stdest"}
	_, outs = create("azure-native:storage:ObjectReplicationPolicy", "dest", orp, false)
	policyID := outs["policyId"]
	if !policyID.IsString() || len(policyID.StringValue()) != 36 {
		t.Errorf("object replication policyId = %v, want a GUID (Azure assigns it; the source policy reads it)", policyID)
	}
	if _, again := create("azure-native:storage:ObjectReplicationPolicy", "dest", orp, false); again["policyId"] != policyID {
		t.Errorf("output-only values are not deterministic: %v then %v", policyID, again["policyId"])
	}
	if _, pre := create("azure-native:storage:ObjectReplicationPolicy", "dest", orp, true); !pre["policyId"].IsComputed() {
		t.Errorf("preview policyId = %v, want unknown", pre["policyId"])
	}

	pool := map[string]any{"resourceGroupName": "rg-ai", "serviceName": "apim-ai", "backendId": "openai-pool", "type": "Pool",
		"pool": map[string]any{"services": []any{map[string]any{"id": "/backends/a", "priority": 1}}}}
	_, outs = create("azure-native:apimanagement/v20240501:Backend", "pool", pool, false)
	if got := outs["type"].StringValue(); got != "Microsoft.ApiManagement/services/backends" {
		t.Errorf("backend output type = %q, want the ARM type (the input type %q is not an output, as with the real provider)", got, "Pool")
	}
	if _, ok := outs["resourceGroupName"]; ok {
		t.Error("resourceGroupName is an input only; the state must not hold it")
	}
	if !outs["pool"].IsObject() || outs["name"].StringValue() != "openai-pool" {
		t.Errorf("backend outputs pool=%v name=%v", outs["pool"], outs["name"])
	}
	if in := outs["__inputs"]; !in.IsSecret() || in.SecretValue().Element.ObjectValue()["type"].StringValue() != "Pool" {
		t.Errorf("state __inputs = %v, want the inputs as a secret, as azure-native 2.x keeps them", in)
	}
	// The real provider's preview maps inputs onto the outputs' shape by name and
	// leaves every other output unknown.
	_, outs = create("azure-native:apimanagement/v20240501:Backend", "pool", pool, true)
	if outs["type"].StringValue() != "Pool" || !outs["name"].IsComputed() || !outs["url"].IsComputed() {
		t.Errorf("backend preview type=%v name=%v url=%v, want the input type, an unknown name and url", outs["type"], outs["name"], outs["url"])
	}
	if _, ok := outs["resourceGroupName"]; ok {
		t.Error("preview state holds resourceGroupName, an input only")
	}
	if _, ok := outs["__inputs"]; ok {
		t.Error("preview state holds __inputs; the real provider adds them on create")
	}

	rg := map[string]any{"location": "swedencentral", "resourceGroupName": "rg-ai"}
	if id, _ := create("azure-native:resources:ResourceGroup", "rg", rg, false); id != "/subscriptions/"+FakeSubscriptionID+"/resourceGroups/rg-ai" {
		t.Errorf("resource group id = %s", id)
	}
}

func TestConfigureSubscription(t *testing.T) {
	p := newAzureNative(t)
	if _, err := p.Configure(context.Background(), &pulumirpc.ConfigureRequest{
		Variables: map[string]string{"azure-native:config:subscriptionId": "11111111-2222-3333-4444-555555555555"}, //nolint:staticcheck // the deprecated variables path of Configure, still sent by older engines
	}); err != nil {
		t.Fatal(err)
	}
	resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn:        urn("azure-native:resources:ResourceGroup", "rg"),
		Properties: mustStruct(t, props(map[string]any{"location": "swedencentral", "resourceGroupName": "rg-ai"})),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-ai"; resp.GetId() != want {
		t.Errorf("id = %s, want %s (the configured subscription)", resp.GetId(), want)
	}
}

func TestInvoke(t *testing.T) {
	p := newAzureNative(t)
	resp, err := p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: "azure-native:authorization:getClientConfig"})
	if err != nil {
		t.Fatal(err)
	}
	ret := mustProps(t, resp.GetReturn())
	if ret["subscriptionId"].StringValue() != FakeSubscriptionID || ret["tenantId"].StringValue() != FakeTenantID {
		t.Errorf("getClientConfig = %v", ret)
	}
	_, err = p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: "azure-native:network:getVirtualNetwork"})
	if err == nil || !strings.Contains(err.Error(), "not emulated") {
		t.Errorf("an unemulated function: err = %v, want a clear refusal", err)
	}
}

func TestPluginInfo(t *testing.T) {
	info, err := newAzureNative(t).GetPluginInfo(context.Background(), &emptypb.Empty{})
	if err != nil || info.GetVersion() != "2.90.0" {
		t.Errorf("plugin info = %v, %v; want 2.90.0", info, err)
	}
}

func TestAzureAD(t *testing.T) {
	s, err := LoadAzureAD()
	if err != nil {
		if strings.Contains(err.Error(), "unavailable") {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	p := New(AzureAD(s), nil)
	check := func(in map[string]any) []string {
		resp, err := p.Check(context.Background(), &pulumirpc.CheckRequest{
			Urn: urn("azuread:index/group:Group", "g"), News: mustStruct(t, props(in)),
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range resp.GetFailures() {
			got = append(got, f.GetProperty())
		}
		return got
	}
	if got := check(map[string]any{"displayName": "ai-readers", "securityEnabled": true}); len(got) != 0 {
		t.Errorf("a valid group fails on %v", got)
	}
	if got := check(map[string]any{"displayName": "ai-readers", "securityEnabeld": true}); strings.Join(got, ",") != "securityEnabeld" {
		t.Errorf("a misspelt group property fails on %v, want securityEnabeld", got)
	}
	if got := check(map[string]any{"securityEnabled": true}); strings.Join(got, ",") != "displayName" {
		t.Errorf("a group without a name fails on %v, want displayName", got)
	}
	if got := check(map[string]any{"displayName": "g", "dynamicMembership": map[string]any{"enabled": true, "rul": "x"}}); strings.Join(got, ",") != "dynamicMembership.rul,dynamicMembership.rule" {
		t.Errorf("a bad nested block fails on %v, want dynamicMembership.rul and the missing dynamicMembership.rule", got)
	}
	resp, err := p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: "azuread:index/getClientConfig:getClientConfig"})
	if err != nil || mustProps(t, resp.GetReturn())["tenantId"].StringValue() != FakeTenantID {
		t.Errorf("azuread getClientConfig = %v, %v", resp, err)
	}
}

func TestDiffReplacesImmutableInputs(t *testing.T) {
	p := newAzureNative(t)
	ra := func(principal string) map[string]any {
		return map[string]any{"scope": "/subscriptions/s", "principalId": principal, "roleDefinitionId": "r", "roleAssignmentName": "g"}
	}
	resp, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{
		Urn: urn("azure-native:authorization:RoleAssignment", "ra"), OldInputs: mustStruct(t, props(ra("a"))), News: mustStruct(t, props(ra("b"))),
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(resp.GetReplaces(), ",") != "principalId" {
		t.Errorf("a role assignment's new principal: %v, want a replacement (Azure cannot update one)", resp)
	}
}

func TestDiffConfig(t *testing.T) {
	p := newAzureNative(t)
	diff := func(olds, news map[string]any) *pulumirpc.DiffResponse {
		t.Helper()
		resp, err := p.DiffConfig(context.Background(), &pulumirpc.DiffRequest{
			Urn: urn("pulumi:providers:azure-native", "workload"), OldInputs: mustStruct(t, props(olds)), News: mustStruct(t, props(news)),
		})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if d := diff(map[string]any{"subscriptionId": "a"}, map[string]any{"subscriptionId": "a"}); d.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("same config: %v", d)
	}
	if d := diff(map[string]any{"subscriptionId": "a"}, map[string]any{"subscriptionId": "b"}); strings.Join(d.GetReplaces(), ",") != "subscriptionId" {
		t.Errorf("another subscription: %v, want the provider (and its resources) replaced", d)
	}
}

func TestReadByID(t *testing.T) {
	p := newAzureNative(t)
	id := "/providers/Microsoft.Management/managementGroups/landingzones"
	resp, err := p.Read(context.Background(), &pulumirpc.ReadRequest{Id: id, Urn: urn("azure-native:management:ManagementGroup", "lz")})
	if err != nil {
		t.Fatal(err)
	}
	got := mustProps(t, resp.GetProperties())
	if resp.GetId() != id || got["name"].StringValue() != "landingzones" {
		t.Errorf("read of an existing group by id = %s %v, want its id and name", resp.GetId(), got)
	}
}
