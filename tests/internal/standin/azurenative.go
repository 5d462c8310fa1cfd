package standin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// AzureNativeVersion is the azure-native version the stand-in reports.
const AzureNativeVersion = azschema.PackageVersion

// AzureNative returns the azure-native stand-in's package: inputs validated against
// the azure-native 2.90.0 definitions of s; the faults of the fault plan
// $AIREADY_STANDIN_FAULTS names, if any (see FaultPlan), injected in its writes.
func AzureNative(s *azschema.Schema) Package {
	az := &azureNative{s: s}
	cloud := OpenCloud()
	return Package{
		Cloud:         cloud,
		faults:        openFaults(),
		PackageSchema: cachedPackageSchema,
		Name:          "azure-native",
		Version:       AzureNativeVersion,
		Schema:        az,
		Names:         az.names,
		Outputs:       az.outputs,
		Functions: map[string]func(Config, resource.PropertyMap) (resource.PropertyMap, error){
			getStorageAccountFunction: getStorageAccount(cloud),
			"azure-native:authorization:getClientConfig": func(cfg Config, _ resource.PropertyMap) (resource.PropertyMap, error) {
				return resource.PropertyMap{
					"clientId":       resource.NewProperty(cfg.ClientID),
					"objectId":       resource.NewProperty(FakeObjectID),
					"subscriptionId": resource.NewProperty(cfg.SubscriptionID),
					"tenantId":       resource.NewProperty(cfg.TenantID),
				}, nil
			},
		},
	}
}

type azureNative struct {
	s *azschema.Schema
}

var tokenRE = regexp.MustCompile(`^azure-native:([a-z0-9]+)(?:/(v[0-9a-z]+))?:(\w+)$`)

// Known reports whether token is an azure-native 2.90.0 resource.
func (az *azureNative) Known(token string) error {
	if _, err := az.s.Resource(token); err != nil {
		return fmt.Errorf("%w %s: %v", errUnknownToken, token, err)
	}
	return nil
}

var quotedRE = regexp.MustCompile(`"([^"]+)"`)

// Problems validates inputs with the azure-native definitions.
func (az *azureNative) Problems(token string, inputs resource.PropertyMap) []Problem {
	err := az.s.ValidateInputs(token, inputs)
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]Problem, 0, len(errs))
	for _, e := range errs {
		p := Problem{Reason: e.Error()}
		if m := quotedRE.FindStringSubmatch(p.Reason); m != nil {
			p.Property = m[1]
		}
		out = append(out, p)
	}
	return out
}

// armNamespaces maps azure-native modules to ARM resource provider namespaces where
// the module name alone does not say it.
var armNamespaces = map[string]string{
	"apimanagement":           "Microsoft.ApiManagement",
	"authorization":           "Microsoft.Authorization",
	"cognitiveservices":       "Microsoft.CognitiveServices",
	"compute":                 "Microsoft.Compute",
	"insights":                "Microsoft.Insights",
	"keyvault":                "Microsoft.KeyVault",
	"machinelearningservices": "Microsoft.MachineLearningServices",
	"managedidentity":         "Microsoft.ManagedIdentity",
	"management":              "Microsoft.Management",
	"network":                 "Microsoft.Network",
	"operationalinsights":     "Microsoft.OperationalInsights",
	"policyinsights":          "Microsoft.PolicyInsights",
	"resources":               "Microsoft.Resources",
	"search":                  "Microsoft.Search",
	"storage":                 "Microsoft.Storage",
	"subscription":            "Microsoft.Subscription",
}

// nameProperties names a resource's own name input where no rule finds it.
var nameProperties = map[string]string{
	"compute:VirtualMachine":               "vmName",
	"insights:DiagnosticSetting":           "name",
	"managedidentity:UserAssignedIdentity": "resourceName",
}

// guidNamed are name inputs Azure wants as GUIDs.
var guidNamed = map[string]bool{
	"roleAssignmentName": true,
	"roleDefinitionId":   true,
	"subscriptionId":     true,
}

// extraReplaceOn are inputs that Azure cannot change in place, beyond the location,
// the name and the parents a resource is addressed under.
var extraReplaceOn = map[string][]string{
	"authorization:RoleAssignment":  {"principalId", "roleDefinitionId"},
	"cognitiveservices:Account":     {"kind"},
	"insights:DiagnosticSetting":    {"resourceUri"},
	"network:PrivateEndpoint":       {"subnet"},
	"network:VirtualNetworkPeering": {"remoteVirtualNetwork"},
}

type tokenParts struct {
	module, version, typ string
}

func (t tokenParts) key() string { return t.module + ":" + t.typ }

func parseToken(token string) tokenParts {
	m := tokenRE.FindStringSubmatch(token)
	if m == nil {
		return tokenParts{typ: token[strings.LastIndex(token, ":")+1:]}
	}
	return tokenParts{module: m[1], version: m[2], typ: m[3]}
}

// nameProperty finds the input holding a resource's own name: <type>Name, a
// listed exception, or the optional ...Name/...Id input whose stem ends the type
// name (StorageAccount: accountName; Backend: backendId) or is ended by it
// (search Service: searchServiceName).
func nameProperty(t tokenParts, args *azschema.Object) string {
	if p, ok := nameProperties[t.key()]; ok {
		return p
	}
	typ := strings.ToLower(t.typ)
	best := ""
	for _, p := range args.PropNames() {
		prop := args.Props[p]
		lp := strings.ToLower(p)
		if lp == typ+"name" {
			return p
		}
		if prop.Required || prop.Ref != "" {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(lp, "name"), "id")
		if stem == lp || stem == "" || stem == "resourcegroup" {
			continue
		}
		if strings.HasSuffix(typ, stem) || strings.HasSuffix(stem, typ) {
			if len(p) > len(best) {
				best = p
			}
		}
	}
	return best
}

func pluralize(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ey"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"):
		return s + "es"
	}
	return s + "s"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func hash(parts ...string) []byte {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return h[:]
}

// guid returns a deterministic GUID-shaped string for seed.
func guid(seed ...string) string {
	h := hex.EncodeToString(hash(seed...))
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:32]
}

// knownString returns a known string input.
func knownString(props resource.PropertyMap, key string) (string, bool) {
	v, ok := props[resource.PropertyKey(key)]
	if !ok {
		return "", false
	}
	v = plain(v)
	if v.IsSecret() {
		v = v.SecretValue().Element
	}
	if !v.IsString() {
		return "", false
	}
	return v.StringValue(), true
}

func (az *azureNative) names(r *Resource) Names {
	t := parseToken(r.Token)
	def, err := az.s.Resource(r.Token)
	if err != nil {
		// Check rejects unknown tokens before anything else runs.
		return Names{}
	}
	n := Names{NameProperty: nameProperty(t, def.Inputs)}
	_, n.HasLocation = def.Inputs.Props["location"]
	var idParents []string
	n.ParentProperties, idParents = parentProperties(t, def.Inputs, n.NameProperty)
	n.ParentProperties = append(n.ParentProperties, extraReplaceOn[t.key()]...)
	if n.NameProperty != "" && !def.Inputs.Props[n.NameProperty].Required {
		if guidNamed[n.NameProperty] {
			n.AutoName = guid(string(r.URN))
		} else {
			n.AutoName = r.URN.Name() + hex.EncodeToString(hash(string(r.URN)))[:8]
		}
	}
	ns := armNamespaces[t.module]
	if ns == "" {
		ns = "Microsoft." + strings.ToUpper(t.module[:1]) + t.module[1:]
	}
	nameProp := n.NameProperty
	n.ID = func() string { return resourceID(r, t, def, nameProp, idParents, ns) }
	return n
}

// parentProperties returns the required inputs that name a resource's parents
// (<parent>Name, a management group's groupId), and those of them that are
// segments of its id (all but resourceGroupName).
func parentProperties(t tokenParts, inputs *azschema.Object, nameProp string) (parents, idParents []string) {
	for _, p := range inputs.PropNames() {
		prop := inputs.Props[p]
		if !prop.Required || p == nameProp || prop.Ref != "" {
			continue
		}
		if strings.HasSuffix(p, "Name") || (t.module == "management" && p == "groupId") {
			parents = append(parents, p)
			if p != "resourceGroupName" {
				idParents = append(idParents, p)
			}
		}
	}
	return parents, idParents
}

// resourceID returns a resource's Azure id from its known inputs, "" while an
// input it needs is unknown: under its subscription, resource group, the resource
// it extends (scope, resourceUri) or its management group.
func resourceID(r *Resource, t tokenParts, def *azschema.Resource, nameProp string, idParents []string, ns string) string {
	name := r.URN.Name()
	if nameProp != "" {
		v, ok := knownString(r.Inputs, nameProp)
		if !ok {
			return ""
		}
		name = v
	}
	segs := make([]string, 0, 2*len(idParents)+2)
	for _, p := range idParents {
		v, ok := knownString(r.Inputs, p)
		if !ok {
			return ""
		}
		segs = append(segs, pluralize(strings.TrimSuffix(p, "Name")), v)
	}
	segs = append(segs, pluralize(lowerFirst(t.typ)), name)
	path := strings.Join(segs, "/")
	sub := "/subscriptions/" + r.Config.SubscriptionID
	switch {
	case t.key() == "resources:ResourceGroup":
		return sub + "/resourceGroups/" + name
	case t.key() == "management:ManagementGroup":
		return "/providers/Microsoft.Management/managementGroups/" + name
	case t.key() == "management:ManagementGroupSubscription":
		g, ok := knownString(r.Inputs, "groupId")
		if !ok {
			return ""
		}
		return "/providers/Microsoft.Management/managementGroups/" + g + "/subscriptions/" + name
	}
	// An extension resource lives under the resource it extends: its scope, or
	// the resourceUri of a diagnostic setting.
	for _, scopeProp := range []string{"scope", "resourceUri"} {
		if _, ok := def.Inputs.Props[scopeProp]; ok {
			scope, ok := knownString(r.Inputs, scopeProp)
			if !ok {
				return ""
			}
			return strings.TrimSuffix(scope, "/") + "/providers/" + ns + "/" + path
		}
	}
	if _, ok := def.Inputs.Props["resourceGroupName"]; ok {
		rg, ok := knownString(r.Inputs, "resourceGroupName")
		if !ok {
			return ""
		}
		return sub + "/resourceGroups/" + rg + "/providers/" + ns + "/" + path
	}
	return sub + "/providers/" + ns + "/" + path
}

// armType returns the ARM type of a resource, e.g. Microsoft.Network/virtualNetworks/subnets.
func armType(t tokenParts, n Names) string {
	ns := armNamespaces[t.module]
	if ns == "" && t.module != "" {
		ns = "Microsoft." + strings.ToUpper(t.module[:1]) + t.module[1:]
	}
	segs := []string{ns}
	for _, p := range n.ParentProperties {
		if p != "resourceGroupName" && strings.HasSuffix(p, "Name") {
			segs = append(segs, pluralize(strings.TrimSuffix(p, "Name")))
		}
	}
	return strings.Join(append(segs, pluralize(lowerFirst(t.typ))), "/")
}

// computed is one output a resource gets from Azure rather than from its inputs.
type computed struct {
	path  []string
	value resource.PropertyValue
}

func (az *azureNative) outputs(r *Resource, preview bool) resource.PropertyMap {
	t := parseToken(r.Token)
	inputs := plainMap(r.Inputs)
	def, err := az.s.Resource(r.Token)
	if err != nil {
		return inputs
	}
	has := func(name string) bool { _, ok := def.Outputs.Props[name]; return ok }
	unknown := resource.MakeComputed(resource.NewProperty(""))

	// The real provider's state has the outputs' shape: the inputs that are also
	// outputs, and what Azure computes. Inputs that only address the resource
	// (resourceGroupName, accountName, ...) are not in it, and an output named like
	// an input may mean something else (an API Management backend's input type is
	// "Pool", its output type the ARM resource type). Policy packs' stack checks
	// (AnalyzeStack) see this state.
	outs := resource.PropertyMap{}
	for k, v := range inputs {
		if has(string(k)) {
			outs[k] = v
		}
	}
	o := &computedOutputs{r: r, name: r.URN.Name(), nameKnown: true, seed: string(r.URN)}
	if r.names.NameProperty != "" {
		o.name, o.nameKnown = knownString(r.Inputs, r.names.NameProperty)
	}
	if preview {
		// As the real provider's preview: an output the inputs do not give is
		// unknown until Azure answers (the name and the ARM type included).
		for _, p := range def.Outputs.PropNames() {
			if _, ok := outs[resource.PropertyKey(p)]; !ok && p != "id" {
				outs[resource.PropertyKey(p)] = unknown
			}
		}
	} else {
		o.azureOutputs(t, def, outs)
	}
	o.identity(outs)
	o.byType(t)

	for _, c := range o.extra {
		v := c.value
		if preview {
			v = unknown
		}
		setPath(outs, c.path, v)
	}
	if !preview {
		// azure-native 2.x keeps the inputs in the state too, as a secret.
		outs["__inputs"] = resource.MakeSecret(resource.NewProperty(inputs))
	}
	return outs
}

// computedOutputs collects the outputs Azure computes for one resource, named name
// (nameKnown false while unknown); seed makes the generated values deterministic.
type computedOutputs struct {
	r         *Resource
	name      string
	nameKnown bool
	seed      string
	extra     []computed
}

func (o *computedOutputs) add(path []string, v resource.PropertyValue) {
	o.extra = append(o.extra, computed{path, v})
}

// azureOutputs sets what Azure returns after a create or update: the name, the
// ARM type, the API version, and a deterministic value of every output-only
// property.
func (o *computedOutputs) azureOutputs(t tokenParts, def *azschema.Resource, outs resource.PropertyMap) {
	str := func(s string) resource.PropertyValue { return resource.NewProperty(s) }
	has := func(name string) bool { _, ok := def.Outputs.Props[name]; return ok }
	if has("name") {
		if o.nameKnown {
			outs["name"] = str(o.name)
		} else {
			outs["name"] = resource.MakeComputed(str(""))
		}
	}
	if has("type") {
		outs["type"] = str(armType(t, o.r.names))
	}
	if has("azureApiVersion") && def.APIVersion != "" {
		outs["azureApiVersion"] = str(def.APIVersion)
	}
	// Azure fills every output-only property; a program may read any of them
	// (an object replication policy's policyId feeds the source policy). A
	// property missing from the state would read as unknown at the next
	// preview, so each gets a deterministic value.
	for _, p := range def.Outputs.PropNames() {
		if _, ok := outs[resource.PropertyKey(p)]; ok || p == "id" || p == "urn" {
			continue
		}
		if v, ok := fakeOutput(p, def.Outputs.Props[p], o.name, o.seed, o.r.Config); ok {
			o.add([]string{p}, v)
		}
	}
}

// identity adds the principal and tenant of a system-assigned identity and the
// principal and client ids of each user-assigned identity.
func (o *computedOutputs) identity(outs resource.PropertyMap) {
	id, ok := plainObject(outs, "identity")
	if !ok {
		return
	}
	str := func(s string) resource.PropertyValue { return resource.NewProperty(s) }
	typ, _ := knownString(id, "type")
	if strings.Contains(typ, "SystemAssigned") {
		o.add([]string{"identity", "principalId"}, str(guid(o.seed, "principal")))
		o.add([]string{"identity", "tenantId"}, str(o.r.Config.TenantID))
	}
	if uai, ok := plainObject(id, "userAssignedIdentities"); ok {
		for _, k := range sortedKeys(uai) {
			o.add([]string{"identity", "userAssignedIdentities", k, "principalId"}, str(guid(k, "principal")))
			o.add([]string{"identity", "userAssignedIdentities", k, "clientId"}, str(guid(k, "client")))
		}
	}
}

// byType adds the outputs particular to a resource type: endpoints, URLs,
// addresses and ids Azure assigns.
func (o *computedOutputs) byType(t tokenParts) {
	r, name, nameKnown, seed := o.r, o.name, o.nameKnown, o.seed
	str := func(s string) resource.PropertyValue { return resource.NewProperty(s) }
	switch t.key() {
	case "cognitiveservices:Account":
		o.add([]string{"properties", "endpoint"}, accountEndpoint(r))
		o.add([]string{"properties", "provisioningState"}, str("Succeeded"))
	case "keyvault:Vault":
		o.add([]string{"properties", "vaultUri"}, nameURL(nameKnown, "https://%s.vault.azure.net/", name))
	case "storage:StorageAccount":
		eps := resource.PropertyMap{}
		for _, svc := range []string{"blob", "dfs", "file", "queue", "table", "web"} {
			eps[resource.PropertyKey(svc)] = nameURL(nameKnown, "https://%s."+svc+".core.windows.net/", name)
		}
		o.add([]string{"primaryEndpoints"}, resource.NewProperty(eps))
	case "operationalinsights:Workspace":
		o.add([]string{"customerId"}, str(guid(seed, "customer")))
	case "managedidentity:UserAssignedIdentity":
		o.add([]string{"principalId"}, str(guid(seed, "principal")))
		o.add([]string{"clientId"}, str(guid(seed, "client")))
		o.add([]string{"tenantId"}, str(r.Config.TenantID))
	case "apimanagement:Service":
		o.add([]string{"gatewayUrl"}, nameURL(nameKnown, "https://%s.azure-api.net", name))
		o.add([]string{"managementApiUrl"}, nameURL(nameKnown, "https://%s.management.azure-api.net", name))
		if vt, _ := knownString(r.Inputs, "virtualNetworkType"); vt == "Internal" {
			h := hash(seed)
			o.add([]string{"privateIPAddresses"},
				resource.NewProperty([]resource.PropertyValue{str(fmt.Sprintf("10.%d.%d.%d", h[0], h[1], 4+h[2]%250))}))
		}
	case "network:PublicIPAddress":
		h := hash(seed)
		o.add([]string{"ipAddress"}, str(fmt.Sprintf("20.%d.%d.%d", h[0], h[1], 1+h[2]%254)))
	}
}

// accountEndpoint is an AI services account's endpoint: from its custom
// subdomain (openai.azure.com for an OpenAI account), else the regional one,
// unknown while either is.
func accountEndpoint(r *Resource) resource.PropertyValue {
	str := func(s string) resource.PropertyValue { return resource.NewProperty(s) }
	props, _ := plainObject(r.Inputs, "properties")
	kind, _ := knownString(r.Inputs, "kind")
	endpoint := resource.MakeComputed(str(""))
	if sub, ok := knownString(props, "customSubDomainName"); ok {
		if kind == "OpenAI" {
			endpoint = str("https://" + sub + ".openai.azure.com/")
		} else {
			endpoint = str("https://" + sub + ".cognitiveservices.azure.com/")
		}
	} else if _, set := props["customSubDomainName"]; !set {
		if loc, ok := knownString(r.Inputs, "location"); ok {
			endpoint = str("https://" + normalizeLocation(loc) + ".api.cognitive.microsoft.com/")
		}
	}
	return endpoint
}

// fakeOutput returns a deterministic value for an output-only property, shaped by
// its declared type and, for strings, by its name.
func fakeOutput(prop string, p azschema.Prop, name, seed string, cfg Config) (resource.PropertyValue, bool) {
	typ := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.Type), "| undefined"))
	lower := strings.ToLower(prop)
	switch {
	case typ == "string":
		switch {
		case prop == "provisioningState":
			return resource.NewProperty("Succeeded"), true
		case prop == "tenantId":
			return resource.NewProperty(cfg.TenantID), true
		case prop == "etag":
			return resource.NewProperty(`W/"` + guid(seed, prop) + `"`), true
		case strings.HasSuffix(prop, "Id") || strings.HasSuffix(lower, "guid"):
			return resource.NewProperty(guid(seed, prop)), true
		case strings.Contains(lower, "url") || strings.Contains(lower, "uri") || strings.Contains(lower, "endpoint"):
			return resource.NewProperty(fmt.Sprintf("https://%s.%s.standin.invalid/", strings.ToLower(name), lower)), true
		}
		return resource.NewProperty(prop + "-" + hex.EncodeToString(hash(seed, prop))[:8]), true
	case typ == "number":
		return resource.NewProperty(0.0), true
	case typ == "boolean":
		return resource.NewProperty(false), true
	case strings.HasSuffix(typ, "[]"):
		return resource.NewProperty([]resource.PropertyValue{}), true
	case p.Ref != "" || strings.HasPrefix(typ, "{"):
		return resource.NewProperty(resource.PropertyMap{}), true
	}
	return resource.PropertyValue{}, false
}

func nameURL(known bool, format, name string) resource.PropertyValue {
	if !known {
		return resource.MakeComputed(resource.NewProperty(""))
	}
	return resource.NewProperty(fmt.Sprintf(format, strings.ToLower(name)))
}

// plainObject returns a known object property.
func plainObject(props resource.PropertyMap, key string) (resource.PropertyMap, bool) {
	v, ok := props[resource.PropertyKey(key)]
	if !ok {
		return resource.PropertyMap{}, false
	}
	v = plain(v)
	if v.IsSecret() {
		v = v.SecretValue().Element
	}
	if !v.IsObject() {
		return resource.PropertyMap{}, false
	}
	return v.ObjectValue(), true
}

// setPath sets a nested value, creating objects on the way; it leaves unknown
// objects alone (their contents are unknown anyway).
func setPath(m resource.PropertyMap, path []string, v resource.PropertyValue) {
	key := resource.PropertyKey(path[0])
	if len(path) == 1 {
		m[key] = v
		return
	}
	cur, ok := m[key]
	switch {
	case ok && cur.IsComputed():
		return
	case ok && cur.IsSecret() && cur.SecretValue().Element.IsObject():
		inner := cur.SecretValue().Element.ObjectValue()
		setPath(inner, path[1:], v)
		return
	case ok && cur.IsObject():
		setPath(cur.ObjectValue(), path[1:], v)
		return
	}
	inner := resource.PropertyMap{}
	setPath(inner, path[1:], v)
	m[key] = resource.NewProperty(inner)
}

func sortedKeys(m resource.PropertyMap) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	return keys
}
