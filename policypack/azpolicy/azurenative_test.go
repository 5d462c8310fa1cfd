package azpolicy

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// typesDir finds the cached @pulumi/azure-native@2.90.0 type definitions the
// project's azschema package fetches ($AIREADY_AZURE_NATIVE_TYPES, or
// <user cache>/aiready/azure-native-2.90.0).
func typesDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("AIREADY_AZURE_NATIVE_TYPES")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.Skipf("no user cache dir for the azure-native type definitions: %v", err)
		}
		dir = filepath.Join(cache, "aiready", "azure-native-2.90.0")
	}
	if _, err := os.Stat(filepath.Join(dir, "types", "input.d.ts")); err != nil {
		t.Skipf("the azure-native 2.90.0 type definitions are not cached at %s (run the root module's tests, which fetch them, or set AIREADY_AZURE_NATIVE_TYPES): %v", dir, err)
	}
	return dir
}

// tsMember is one member of a TypeScript interface.
type tsMember struct {
	optional bool
	typ      string
}

var memberLine = regexp.MustCompile(`^\s+(?:readonly )?(\w+)(\??): (.*)$`)

// argsMembers reads the <Resource>Args interface of <module>[/<version>]/<resource>.d.ts.
func argsMembers(t *testing.T, dir, module, version, resource string) map[string]tsMember {
	t.Helper()
	file := []rune(resource)
	file[0] = unicode.ToLower(file[0])
	path := filepath.Join(dir, module, version, string(file)+".d.ts")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s:%s: %v", module, resource, err)
	}
	out := map[string]tsMember{}
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "export interface "+resource+"Args {"):
			in = true
		case in && line == "}":
			return out
		case in:
			if m := memberLine.FindStringSubmatch(line); m != nil {
				out[m[1]] = tsMember{optional: m[2] == "?", typ: m[3]}
			}
		}
	}
	t.Fatalf("%s: no %sArgs interface", path, resource)
	return nil
}

// inputTypes reads the interfaces of types/input.d.ts in the given modules, by
// "module|version|Name".
func inputTypes(t *testing.T, dir string, modules map[string]bool) map[string]map[string]tsMember {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "types", "input.d.ts"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	out := map[string]map[string]tsMember{}
	var module, version, iface string
	var cur map[string]tsMember
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "export declare namespace "):
			module, version = strings.TrimSuffix(strings.TrimPrefix(line, "export declare namespace "), " {"), ""
		case !modules[module]:
		case strings.HasPrefix(line, "    namespace "):
			version = strings.TrimSuffix(strings.TrimPrefix(line, "    namespace "), " {")
		case line == "    }" && iface == "":
			version = ""
		case iface == "" && (strings.HasPrefix(line, "    interface ") || strings.HasPrefix(line, "        interface ")):
			iface = strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "interface")), " {")
			cur = map[string]tsMember{}
		case iface != "" && (line == "    }" || line == "        }"):
			out[module+"|"+version+"|"+iface] = cur
			iface = ""
		case iface != "":
			if m := memberLine.FindStringSubmatch(line); m != nil {
				cur[m[1]] = tsMember{optional: m[2] == "?", typ: m[3]}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var inputRef = regexp.MustCompile(`inputs\.(\w+)\.(?:(v\w+)\.)?(\w+)`)

// TestAzureNativeTableMatchesTypes checks every entry of azurenative.json against
// the azure-native 2.90.0 Args interfaces: the name, parents and path inputs exist
// (parents and path required), properties is kept or renamed exactly where the
// table says, envelope exceptions name real inputs, taggable is "has tags and
// location", and each inline sub-resource is a flattened sub-resource type (a name
// or an id, no properties).
func TestAzureNativeTableMatchesTypes(t *testing.T) {
	dir := typesDir(t)
	modules := map[string]bool{}
	for m := range nativeModules {
		modules[m] = true
	}
	inputs := inputTypes(t, dir, modules)
	for _, token := range NativeTokens() {
		nt := nativeTypes[strings.ToLower(token)]
		module, resource, _ := strings.Cut(token, ":")
		seen := map[string]bool{}
		for _, version := range append([]string{""}, nt.CheckedVersions...) {
			args := argsMembers(t, dir, module, version, resource)
			label := token
			if version != "" {
				label = module + "/" + version + ":" + resource
			}
			checkNativeEntry(t, label, nt, args)
			for k := range args {
				seen[k] = true
			}
			for _, p := range nt.SubResources {
				checkSubResource(t, label, p, args, inputs)
			}
		}
		// Inputs the table names may exist in some API versions only, but in one.
		for _, n := range append(append(append([]string{}, nt.Drop...), nt.NotTop...), nt.Top...) {
			if !seen[n] {
				t.Errorf("%s: the table names input %s, which no checked version's Args interface has", token, n)
			}
		}
	}
}

func checkNativeEntry(t *testing.T, label string, nt *nativeType, args map[string]tsMember) {
	t.Helper()
	has := func(n string) bool { _, ok := args[n]; return ok }
	if !has(nt.Name) {
		t.Errorf("%s: no name input %s", label, nt.Name)
	}
	for _, p := range append(append([]string{}, nt.Path...), nt.Parents...) {
		if strings.HasPrefix(p, "=") || strings.HasPrefix(p, "@") {
			continue
		}
		if m, ok := args[p]; !ok || m.optional {
			t.Errorf("%s: path input %s is not a required input (%v)", label, p, ok)
		}
	}
	if nt.NameAlias != "" && !has(nt.NameAlias) {
		t.Errorf("%s: no nameAlias input %s", label, nt.NameAlias)
	}
	switch {
	case nt.Properties == "kept" && !has("properties"):
		t.Errorf("%s: kept properties, but no properties input", label)
	case strings.HasPrefix(nt.Properties, "input:") && !has(strings.TrimPrefix(nt.Properties, "input:")):
		t.Errorf("%s: properties under %s, which is not an input", label, nt.Properties)
	case nt.Properties == "flattened" && has("properties") && !nt.top["properties"] && !containsFold(nt.NotTop, "properties"):
		t.Errorf("%s: flattened, but the Args interface has a properties input; say kept, or list it in notTop when it is a real property", label)
	}
	if tagged := has("tags") && has("location"); tagged != nt.Taggable {
		t.Errorf("%s: taggable is %v, the Args interface has tags and location: %v", label, nt.Taggable, tagged)
	}
}

func checkSubResource(t *testing.T, label, path string, args map[string]tsMember, inputs map[string]map[string]tsMember) {
	t.Helper()
	steps, _ := splitPath(path)
	members := args
	for i, s := range steps {
		if s.wild {
			continue
		}
		m, ok := members[s.key]
		if !ok {
			t.Errorf("%s: sub-resource %s: no input %s", label, path, s.key)
			return
		}
		isArray := strings.Contains(m.typ, ">[]")
		if wantArray := i+1 < len(steps) && steps[i+1].wild; wantArray != isArray {
			t.Errorf("%s: sub-resource %s: %s is an array: %v, the table says %v", label, path, s.key, isArray, wantArray)
		}
		ref := inputRef.FindStringSubmatch(m.typ)
		if ref == nil {
			t.Errorf("%s: sub-resource %s: %s is %s, not an input type", label, path, s.key, m.typ)
			return
		}
		members = inputs[ref[1]+"|"+ref[2]+"|"+ref[3]]
		if members == nil {
			t.Errorf("%s: sub-resource %s: type %s not found", label, path, ref[0])
			return
		}
	}
	_, hasProps := members["properties"]
	_, hasID := members["id"]
	_, hasName := members["name"]
	if hasProps || !(hasID || hasName) {
		t.Errorf("%s: sub-resource %s: its type has properties: %v, id or name: %v; a flattened sub-resource has no properties and a name or id", label, path, hasProps, hasID || hasName)
	}
}

// stackRecord is one resource of testdata/stacks/<stack>.json.
type stackRecord struct {
	Type   string         `json:"type"`
	Name   string         `json:"name"`
	Inputs map[string]any `json:"inputs"`
}

func readStack(t *testing.T, stack string) []stackRecord {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "stacks", stack+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return mustStack(t, data)
}

func mustStack(t testing.TB, data []byte) []stackRecord {
	t.Helper()
	var out []stackRecord
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

const fakeSubscription = "00000000-0000-0000-0000-00000000aaaa"

// Every resource the three stacks register converts, with its name and id known,
// no path parameter in the ARM body, and converts back to the same inputs.
func TestFromAzureNativeStacks(t *testing.T) {
	n := 0
	for _, stack := range []string{"dev", "corp", "online"} {
		for _, r := range readStack(t, stack) {
			res, err := FromAzureNative(r.Type, r.Inputs, &ConvertOptions{Name: r.Name, SubscriptionID: fakeSubscription})
			if err != nil {
				t.Errorf("%s %s: %v", stack, r.Name, err)
				continue
			}
			n++
			want, _ := ARMType(r.Type)
			if res.Type() != want || res.Name() == "" {
				t.Errorf("%s %s: type %q name %q", stack, r.Name, res.Type(), res.Name())
			}
			if _, ok := res.ARM["id"].(string); !ok {
				t.Errorf("%s %s: id %s", stack, r.Name, Render(res.ARM["id"]))
			}
			for _, path := range []string{"resourceGroupName", "accountName", "serviceName", "virtualNetworkName", "privateEndpointName"} {
				if _, ok := res.ARM[path]; ok {
					t.Errorf("%s %s: path input %s in the ARM body", stack, r.Name, path)
				}
			}
			back, err := ToAzureNative(r.Type, res, r.Inputs)
			if err != nil || Render(back) != Render(r.Inputs) {
				t.Errorf("%s %s: round trip:\n got %s\nwant %s", stack, r.Name, Render(back), Render(r.Inputs))
			}
		}
	}
	if n < 150 {
		t.Fatalf("only %d resources converted", n)
	}
}

// The shapes that matter: inline NSG rules and subnets re-nested under their
// properties, properties kept for Cognitive Services and Key Vault, renamed for an
// ML registry, a gateway's sku under properties, a backend's type a property.
func TestFromAzureNativeShapes(t *testing.T) {
	for _, tc := range []struct {
		token, inputs, want string
	}{
		{"azure-native:network:NetworkSecurityGroup",
			`{"resourceGroupName": "rg", "networkSecurityGroupName": "nsg", "location": "eastus", "securityRules": [{"name": "r1", "access": "Allow", "direction": "Inbound", "sourceAddressPrefixes": ["10.0.0.0/8"], "priority": 100}]}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg","location":"eastus","name":"nsg","properties":{"securityRules":[{"name":"r1","properties":{"access":"Allow","direction":"Inbound","priority":100,"sourceAddressPrefixes":["10.0.0.0/8"]}}]},"type":"Microsoft.Network/networkSecurityGroups"}`},
		{"azure-native:network/v20240301:SecurityRule",
			`{"resourceGroupName": "rg", "networkSecurityGroupName": "nsg", "securityRuleName": "r1", "access": "Deny", "type": "Microsoft.Network/networkSecurityGroups/securityRules"}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1","name":"r1","properties":{"access":"Deny"},"type":"Microsoft.Network/networkSecurityGroups/securityRules"}`},
		{"azure-native:network:VirtualNetwork",
			`{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnets": [{"name": "a", "addressPrefix": "10.0.0.0/24", "networkSecurityGroup": {"id": "nsg-id"}, "delegations": [{"name": "d", "serviceName": "Microsoft.Web/serverFarms"}]}]}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet","name":"vnet","properties":{"subnets":[{"name":"a","properties":{"addressPrefix":"10.0.0.0/24","delegations":[{"name":"d","properties":{"serviceName":"Microsoft.Web/serverFarms"}}],"networkSecurityGroup":{"id":"nsg-id"}}}]},"type":"Microsoft.Network/virtualNetworks"}`},
		{"azure-native:network:Subnet",
			`{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "GatewaySubnet", "addressPrefix": "10.0.1.0/27"}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/GatewaySubnet","name":"GatewaySubnet","properties":{"addressPrefix":"10.0.1.0/27"},"type":"Microsoft.Network/virtualNetworks/subnets"}`},
		{"azure-native:network:VirtualNetworkGateway",
			`{"resourceGroupName": "rg", "virtualNetworkGatewayName": "gw", "location": "eastus", "gatewayType": "Vpn", "sku": {"name": "VpnGw2AZ", "tier": "VpnGw2AZ"}}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw","location":"eastus","name":"gw","properties":{"gatewayType":"Vpn","sku":{"name":"VpnGw2AZ","tier":"VpnGw2AZ"}},"type":"Microsoft.Network/virtualNetworkGateways"}`},
		{"azure-native:cognitiveservices:Account",
			`{"resourceGroupName": "rg", "accountName": "ai", "kind": "AIServices", "sku": {"name": "S0"}, "properties": {"publicNetworkAccess": "Disabled"}}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai","kind":"AIServices","name":"ai","properties":{"publicNetworkAccess":"Disabled"},"sku":{"name":"S0"},"type":"Microsoft.CognitiveServices/accounts"}`},
		{"azure-native:keyvault:Vault",
			`{"resourceGroupName": "rg", "vaultName": "kv", "properties": {"sku": {"family": "A", "name": "standard"}, "tenantId": "t"}}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv","name":"kv","properties":{"sku":{"family":"A","name":"standard"},"tenantId":"t"},"type":"Microsoft.KeyVault/vaults"}`},
		{"azure-native:machinelearningservices:Registry",
			`{"resourceGroupName": "rg", "registryName": "reg", "registryProperties": {"regionDetails": []}}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/reg","name":"reg","properties":{"regionDetails":[]},"type":"Microsoft.MachineLearningServices/registries"}`},
		{"azure-native:apimanagement/v20240501:Backend",
			`{"resourceGroupName": "rg", "serviceName": "apim", "backendId": "pool", "type": "Pool", "pool": {"services": []}}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/pool","name":"pool","properties":{"pool":{"services":[]},"type":"Pool"},"type":"Microsoft.ApiManagement/service/backends"}`},
		{"azure-native:storage:BlobContainer",
			`{"resourceGroupName": "rg", "accountName": "st", "containerName": "data"}`,
			`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default/containers/data","name":"data","properties":{},"type":"Microsoft.Storage/storageAccounts/blobServices/containers"}`},
		{"azure-native:authorization:PolicyAssignment",
			`{"scope": "/providers/Microsoft.Management/managementGroups/corp", "policyAssignmentName": "Deny-MgmtPorts", "policyDefinitionId": "x", "enforcementMode": "Default"}`,
			`{"id":"/providers/Microsoft.Management/managementGroups/corp/providers/Microsoft.Authorization/policyAssignments/Deny-MgmtPorts","name":"Deny-MgmtPorts","properties":{"enforcementMode":"Default","policyDefinitionId":"x"},"type":"Microsoft.Authorization/policyAssignments"}`},
		{"azure-native:resources:ResourceGroup",
			`{"resourceGroupName": "rg", "location": "eastus"}`,
			`{"id":"/subscriptions/s/resourceGroups/rg","location":"eastus","name":"rg","properties":{},"type":"Microsoft.Resources/subscriptions/resourceGroups"}`},
	} {
		res, err := FromAzureNative(tc.token, jsonMap(t, tc.inputs), &ConvertOptions{SubscriptionID: "s"})
		if err != nil {
			t.Fatalf("%s: %v", tc.token, err)
		}
		if got := Render(res.ARM); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.token, got, tc.want)
		}
	}
}

func TestFromAzureNativeUnknowns(t *testing.T) {
	res, err := FromAzureNative("azure-native:network:Subnet", map[string]any{"resourceGroupName": Unknown, "virtualNetworkName": "vnet"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !IsUnknown(res.ARM["name"]) || !IsUnknown(res.ARM["id"]) || !IsUnknown(res.fullName()) {
		t.Fatalf("an auto-named subnet of an unknown group: name %s id %s fullName %s", Render(res.ARM["name"]), Render(res.ARM["id"]), Render(res.fullName()))
	}
	sub, _ := FromAzureNative("azure-native:network:Subnet", map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "subnetName": "a"}, &ConvertOptions{SubscriptionID: "s"})
	if sub.fullName() != "vnet/a" {
		t.Fatalf("fullName %s", Render(sub.fullName()))
	}
	// At preview the engine overlays the planned outputs, "type" and "name"
	// unknown among them: the envelope keeps the ARM type and the name input.
	acct, err := FromAzureNative("azure-native:cognitiveservices/v20241001:Account",
		map[string]any{"accountName": "ai", "resourceGroupName": "rg", "type": Unknown, "name": Unknown, "location": "eastus"}, &ConvertOptions{SubscriptionID: "s"})
	if err != nil || acct.ARM["type"] != "Microsoft.CognitiveServices/accounts" || acct.ARM["name"] != "ai" {
		t.Fatalf("an account with unknown type and name outputs: type %s name %s (%v)", Render(acct.ARM["type"]), Render(acct.ARM["name"]), err)
	}
	for _, bad := range []string{"azure-native:network", "aws:s3:Bucket", "azure-native::X"} {
		if _, err := ARMType(bad); err == nil || !strings.Contains(err.Error(), "is not azure-native:<module>[/<version>]:<Resource>") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	if _, err := ARMType("azure-native:network:FrontDoor"); !errors.Is(err, ErrNotInTable) {
		t.Errorf("FrontDoor: %v", err)
	}
}

// RemediateInputs applies a Modify (DDoS protection on a virtual network, as
// built-in 94de2ad3 does) to azure-native inputs.
func TestRemediateInputs(t *testing.T) {
	in := jsonMap(t, `{"resourceGroupName": "rg", "virtualNetworkName": "vnet", "location": "eastus", "subnets": [{"name": "a", "addressPrefix": "10.0.0.0/24"}]}`)
	ops := []Operation{
		{Operation: "addOrReplace", Field: "Microsoft.Network/virtualNetworks/enableDdosProtection", Value: true},
		{Operation: "addOrReplace", Field: "Microsoft.Network/virtualNetworks/ddosProtectionPlan", Value: map[string]any{"id": "plan-id"}},
		{Operation: "addOrReplace", Field: "tags['ddos']", Value: "on"},
	}
	out, skipped, err := RemediateInputs("azure-native:network:VirtualNetwork", in, ops, nil, nil)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("%v %v", skipped, err)
	}
	want := `{"ddosProtectionPlan":{"id":"plan-id"},"enableDdosProtection":true,"location":"eastus","resourceGroupName":"rg","subnets":[{"addressPrefix":"10.0.0.0/24","name":"a"}],"tags":{"ddos":"on"},"virtualNetworkName":"vnet"}`
	if got := Render(out); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestStorageAccountClientNames: azure-native's networkRuleSet and
// enableHttpsTrafficOnly are ARM's properties.networkAcls and
// properties.supportsHttpsTrafficOnly, which the storage aliases read, and a
// remediation of them comes back under azure-native's names.
func TestStorageAccountClientNames(t *testing.T) {
	in := jsonMap(t, `{"accountName": "st", "resourceGroupName": "rg", "location": "eastus", "enableHttpsTrafficOnly": true, "networkRuleSet": {"defaultAction": "Deny", "bypass": "AzureServices"}}`)
	res, err := FromAzureNative("azure-native:storage:StorageAccount", in, &ConvertOptions{SubscriptionID: "s"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"bypass":"AzureServices","defaultAction":"Deny"}`
	props, _ := res.ARM["properties"].(map[string]any)
	if got := Render(props["networkAcls"]); got != want || props["supportsHttpsTrafficOnly"] != true || props["networkRuleSet"] != nil {
		t.Fatalf("properties %s; want networkAcls %s and supportsHttpsTrafficOnly true", Render(props), want)
	}
	ops := []Operation{{Operation: "addOrReplace", Field: "Microsoft.Storage/storageAccounts/networkAcls.defaultAction", Value: "Allow"}}
	out, skipped, err := RemediateInputs("azure-native:storage:StorageAccount", in, ops, &ConvertOptions{SubscriptionID: "s"}, nil)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("%v %v", skipped, err)
	}
	if got := Render(out["networkRuleSet"]); got != `{"bypass":"AzureServices","defaultAction":"Allow"}` || out["networkAcls"] != nil || out["enableHttpsTrafficOnly"] != true {
		t.Fatalf("remediated inputs %s", Render(out))
	}
}
