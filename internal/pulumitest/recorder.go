package pulumitest

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Project and Stack are the names the mocks use unless a test says otherwise.
const (
	Project = "ai-ready"
	Stack   = "test"
)

// FakeSubscriptionID and FakeTenantID are what the mocked client-config invokes return.
const (
	FakeSubscriptionID = "00000000-0000-0000-0000-00000000aaaa"
	FakeTenantID       = "00000000-0000-0000-0000-00000000bbbb"
)

// Resource is one resource registration seen by the Recorder.
type Resource struct {
	// Type is the type token, e.g. "azure-native:network:VirtualNetwork".
	Type string
	// Name is the logical (Pulumi) name.
	Name string
	// URN is the URN the mock monitor gave the resource.
	URN string
	// Parent is the URN of the parent resource ("" for the stack's direct children).
	Parent string
	// Custom is false for component resources.
	Custom bool
	// Inputs are the resource's inputs as the engine would receive them (secrets kept).
	Inputs resource.PropertyMap
	// ID is the mock's id for the resource (custom resources only).
	ID string
	// Provider is the provider reference ("<urn>::<id>") when one was passed explicitly.
	Provider string
	// ImportID is set when the resource is read or imported rather than created.
	ImportID string
	// Protect and RetainOnDelete are the resource options of the same names.
	Protect, RetainOnDelete bool
	// Dependencies are the URNs named with DependsOn.
	Dependencies []string
	// DeletedWith is the URN named with DeletedWith ("" when none).
	DeletedWith string
	// PropertyDependencies are, per input, the URNs its value came from (the links a
	// policy pack's stack checks follow).
	PropertyDependencies map[string][]string
	// Version is the provider plugin version requested with pulumi.Version.
	Version string
	// AdditionalSecretOutputs lists outputs the program asked to treat as secret.
	AdditionalSecretOutputs []string
}

// Input returns the input at a dotted path ("properties.networkAcls.defaultAction",
// "subnets[0].name") and whether it is present.
func (r Resource) Input(path string) (resource.PropertyValue, bool) {
	return Lookup(resource.NewProperty(r.Inputs), path)
}

// String returns the input at path as a string, or "" when absent or not a string.
func (r Resource) String(path string) string {
	v, ok := r.Input(path)
	v = unwrap(v)
	if !ok || !v.IsString() {
		return ""
	}
	return v.StringValue()
}

// Bool returns the input at path as a bool and whether it was a bool.
func (r Resource) Bool(path string) (bool, bool) {
	v, ok := r.Input(path)
	v = unwrap(v)
	if !ok || !v.IsBool() {
		return false, false
	}
	return v.BoolValue(), true
}

// Number returns the input at path as a float64 and whether it was a number.
func (r Resource) Number(path string) (float64, bool) {
	v, ok := r.Input(path)
	v = unwrap(v)
	if !ok || !v.IsNumber() {
		return 0, false
	}
	return v.NumberValue(), true
}

// Len returns the length of the array at path (0 when absent).
func (r Resource) Len(path string) int {
	v, ok := r.Input(path)
	v = unwrap(v)
	if !ok || !v.IsArray() {
		return 0
	}
	return len(v.ArrayValue())
}

// IsSecret reports whether the input at path is marked secret.
func (r Resource) IsSecret(path string) bool {
	v, ok := r.Input(path)
	if !ok {
		return false
	}
	if v.IsSecret() {
		return true
	}
	return v.IsOutput() && v.OutputValue().Secret
}

// Lookup walks a dotted path with optional [i] indexes through a property value,
// looking through secrets and outputs.
func Lookup(v resource.PropertyValue, path string) (resource.PropertyValue, bool) {
	if path == "" {
		return v, true
	}
	for _, part := range strings.Split(path, ".") {
		key, idx := part, []int{}
		if i := strings.IndexByte(part, '['); i >= 0 {
			key = part[:i]
			for _, s := range strings.Split(strings.TrimSuffix(part[i+1:], "]"), "][") {
				var n int
				if _, err := fmt.Sscanf(s, "%d", &n); err != nil {
					return resource.PropertyValue{}, false
				}
				idx = append(idx, n)
			}
		}
		v = unwrap(v)
		if key != "" {
			if !v.IsObject() {
				return resource.PropertyValue{}, false
			}
			next, ok := v.ObjectValue()[resource.PropertyKey(key)]
			if !ok {
				return resource.PropertyValue{}, false
			}
			v = next
		}
		for _, n := range idx {
			v = unwrap(v)
			if !v.IsArray() || n < 0 || n >= len(v.ArrayValue()) {
				return resource.PropertyValue{}, false
			}
			v = v.ArrayValue()[n]
		}
	}
	return v, true
}

func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput():
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

// OutputsFunc lets a test add provider-computed outputs (ids, endpoints, principal
// ids) to a resource's state, beyond the echoed inputs.
type OutputsFunc func(args pulumi.MockResourceArgs, state resource.PropertyMap)

// Recorder is a pulumi.MockResourceMonitor that records every registration.
type Recorder struct {
	mu        sync.Mutex
	resources []Resource
	calls     []pulumi.MockCallArgs
	project   string
	stack     string
	// Outputs, when set, is called for every custom resource after the default outputs.
	Outputs OutputsFunc
}

var _ pulumi.MockResourceMonitor = (*Recorder)(nil)

// NewResource records the registration and returns a deterministic id and state: the
// inputs, plus "id", "name" (when absent) and a principal id for resources that ask
// for a system-assigned identity.
func (r *Recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	rec := Resource{
		Type:     args.TypeToken,
		Name:     args.Name,
		Custom:   args.Custom,
		Inputs:   args.Inputs,
		Provider: args.Provider,
		ImportID: args.ID,
	}
	if rpc := args.RegisterRPC; rpc != nil {
		rec.Parent = rpc.GetParent()
		rec.Protect = rpc.GetProtect()
		rec.RetainOnDelete = rpc.GetRetainOnDelete()
		rec.Dependencies = rpc.GetDependencies()
		rec.DeletedWith = rpc.GetDeletedWith()
		rec.Version = rpc.GetVersion()
		rec.AdditionalSecretOutputs = rpc.GetAdditionalSecretOutputs()
		for k, v := range rpc.GetPropertyDependencies() {
			if rec.PropertyDependencies == nil {
				rec.PropertyDependencies = map[string][]string{}
			}
			rec.PropertyDependencies[k] = v.GetUrns()
		}
	}
	if rpc := args.ReadRPC; rpc != nil {
		rec.Parent = rpc.GetParent()
		rec.Dependencies = rpc.GetDependencies()
		rec.Version = rpc.GetVersion()
	}
	rec.URN = r.urn(rec.Parent, rec.Type, rec.Name)

	state := args.Inputs.Copy()
	id := ""
	if args.Custom {
		id = args.ID
		if id == "" {
			id = FakeID(args.TypeToken, args.Name)
		}
		if _, ok := state["name"]; !ok {
			state["name"] = resource.NewProperty(azureName(args.TypeToken, args.Inputs, args.Name))
		}
		if ident, ok := state["identity"]; ok && ident.IsObject() {
			obj := ident.ObjectValue().Copy()
			obj["principalId"] = resource.NewProperty("principal-" + args.Name)
			obj["tenantId"] = resource.NewProperty(FakeTenantID)
			state["identity"] = resource.NewProperty(obj)
		}
		if r.Outputs != nil {
			r.Outputs(args, state)
		}
	}
	rec.ID = id

	r.mu.Lock()
	r.resources = append(r.resources, rec)
	r.mu.Unlock()
	return id, state, nil
}

// Call answers invokes: the client-config functions of azure-native and azuread
// return fixed fake ids; getStorageAccount returns the account with the private
// endpoint connections its shared private links requested (see
// storageAccountConnections); anything else echoes its arguments.
func (r *Recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	r.mu.Lock()
	r.calls = append(r.calls, args)
	r.mu.Unlock()
	switch args.Token {
	case "azure-native:storage:getStorageAccount":
		out := args.Args.Copy()
		out["privateEndpointConnections"] = resource.NewProperty(r.storageAccountConnections(args.Args["accountName"].StringValue()))
		return out, nil
	case "azure-native:authorization:getClientConfig", "azuread:index/getClientConfig:getClientConfig":
		return resource.PropertyMap{
			"subscriptionId": resource.NewProperty(FakeSubscriptionID),
			"tenantId":       resource.NewProperty(FakeTenantID),
			"clientId":       resource.NewProperty("00000000-0000-0000-0000-00000000cccc"),
			"objectId":       resource.NewProperty("00000000-0000-0000-0000-00000000dddd"),
		}, nil
	}
	return args.Args, nil
}

// SharedPrivateLinkType is the token of an AI Search shared private link.
const SharedPrivateLinkType = "azure-native:search:SharedPrivateLinkResource"

// storageAccountConnections models what Azure does when a search service's shared
// private link targets a storage account: a private endpoint connection appears on
// the account, Pending, named by Azure, described by the link's request message.
func (r *Recorder) storageAccountConnections(account string) []resource.PropertyValue {
	var out []resource.PropertyValue
	for _, res := range r.ByType(SharedPrivateLinkType) {
		target := res.String("properties.privateLinkResourceId")
		if !strings.EqualFold(r.azureNameOf(target), account) {
			continue
		}
		name := res.Name + ".0f8fad5b-d9cb-469f-a165-70867728950e"
		out = append(out, resource.NewProperty(resource.PropertyMap{
			"id":   resource.NewProperty(target + "/privateEndpointConnections/" + name),
			"name": resource.NewProperty(name),
			"privateLinkServiceConnectionState": resource.NewProperty(resource.PropertyMap{
				"status":      resource.NewProperty("Pending"),
				"description": resource.NewProperty(res.String("properties.requestMessage")),
			}),
		}))
	}
	return out
}

// azureNameOf returns the Azure name of the recorded resource with an id, or the id's
// last segment when no recorded resource has it.
func (r *Recorder) azureNameOf(id string) string {
	for _, res := range r.Resources() {
		if res.ID == id {
			return azureName(res.Type, res.Inputs, res.Name)
		}
	}
	return id[strings.LastIndexByte(id, '/')+1:]
}

// azureName is the "name" output azure-native reports: the resource's explicit
// name input (accountName for an Account or a StorageAccount, serviceName for an
// ApiManagementService, searchServiceName for a search Service, ...), else the
// logical name (the mock does not autoname).
func azureName(token string, inputs resource.PropertyMap, logical string) string {
	typ := token
	if i := strings.LastIndexByte(token, ':'); i >= 0 {
		typ = token[i+1:]
	}
	if typ == "" {
		return logical
	}
	candidates := []string{strings.ToLower(typ[:1]) + typ[1:] + "Name"}
	switch {
	case strings.HasSuffix(typ, "Account"):
		candidates = append(candidates, "accountName")
	case strings.HasSuffix(typ, "Service"):
		candidates = append(candidates, "serviceName", "searchServiceName")
	}
	for _, c := range candidates {
		if v, ok := inputs[resource.PropertyKey(c)]; ok {
			if v = unwrap(v); v.IsString() {
				return v.StringValue()
			}
		}
	}
	return logical
}

// FakeID returns the id the Recorder gives a custom resource.
func FakeID(token, name string) string {
	mod, typ := token, token
	if parts := strings.Split(token, ":"); len(parts) == 3 {
		mod, typ = parts[1], parts[2]
	}
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/mock/providers/%s/%s/%s", FakeSubscriptionID, mod, typ, name)
}

func (r *Recorder) urn(parent, typ, name string) string {
	parentType := tokens.Type("")
	if p := resource.URN(parent); p != "" && p.QualifiedType() != resource.RootStackType {
		parentType = p.QualifiedType()
	}
	project, stack := r.project, r.stack
	if project == "" {
		project = Project
	}
	if stack == "" {
		stack = Stack
	}
	return string(resource.NewURN(tokens.QName(stack), tokens.PackageName(project), parentType, tokens.Type(typ), name))
}

// Resources returns every recorded registration, in registration order.
func (r *Recorder) Resources() []Resource {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Resource(nil), r.resources...)
}

// Calls returns every recorded invoke.
func (r *Recorder) Calls() []pulumi.MockCallArgs {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]pulumi.MockCallArgs(nil), r.calls...)
}

// ByType returns the resources of one type token, sorted by name. A token without
// a version ("azure-native:network:VirtualNetwork") also matches the explicit-version
// forms of the same type ("azure-native:network/v20240301:VirtualNetwork").
func (r *Recorder) ByType(token string) []Resource {
	var out []Resource
	for _, res := range r.Resources() {
		if SameType(res.Type, token) {
			out = append(out, res)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Count returns how many resources of a type were registered.
func (r *Recorder) Count(token string) int { return len(r.ByType(token)) }

// Named returns the resource with a type and logical name, failing the test when
// there is none.
func (r *Recorder) Named(t testing.TB, token, name string) Resource {
	t.Helper()
	for _, res := range r.ByType(token) {
		if res.Name == name {
			return res
		}
	}
	var names []string
	for _, res := range r.ByType(token) {
		names = append(names, res.Name)
	}
	t.Fatalf("no %s named %q; have %v", token, name, names)
	return Resource{}
}

// ByURN returns the resource with a URN.
func (r *Recorder) ByURN(urn string) (Resource, bool) {
	for _, res := range r.Resources() {
		if res.URN == urn {
			return res, true
		}
	}
	return Resource{}, false
}

// Children returns the resources whose parent is the given resource.
func (r *Recorder) Children(parent Resource) []Resource {
	var out []Resource
	for _, res := range r.Resources() {
		if res.Parent == parent.URN {
			out = append(out, res)
		}
	}
	return out
}

// Types returns the count of registrations per type token.
func (r *Recorder) Types() map[string]int {
	out := map[string]int{}
	for _, res := range r.Resources() {
		out[res.Type]++
	}
	return out
}

// SameType reports whether two type tokens name the same resource type, ignoring an
// explicit API-version module ("network/v20240301" is "network").
func SameType(a, b string) bool {
	return normalize(a) == normalize(b)
}

func normalize(token string) string {
	parts := strings.Split(token, ":")
	if len(parts) != 3 {
		return token
	}
	if i := strings.IndexByte(parts[1], '/'); i >= 0 && strings.HasPrefix(parts[1][i+1:], "v") {
		parts[1] = parts[1][:i]
	}
	return strings.Join(parts, ":")
}

// Option configures a mocked run.
type Option func(*options)

type options struct {
	project, stack string
	config         map[string]string
	secretKeys     []string
	outputs        OutputsFunc
}

// WithStack runs the program as the named stack.
func WithStack(stack string) Option { return func(o *options) { o.stack = stack } }

// WithConfig sets stack configuration ("project:key" or "key", namespaced to the
// project when bare).
func WithConfig(cfg map[string]string) Option {
	return func(o *options) {
		for k, v := range cfg {
			o.config[k] = v
		}
	}
}

// WithSecretConfig marks configuration keys as secret.
func WithSecretConfig(keys ...string) Option {
	return func(o *options) { o.secretKeys = append(o.secretKeys, keys...) }
}

// WithOutputs adds provider-computed outputs to the mocked state.
func WithOutputs(fn OutputsFunc) Option { return func(o *options) { o.outputs = fn } }

// Run runs fn under mocks and returns the recorder and the program's error.
func Run(fn pulumi.RunFunc, opts ...Option) (*Recorder, error) {
	o := &options{project: Project, stack: Stack, config: map[string]string{}}
	for _, opt := range opts {
		opt(o)
	}
	cfg := map[string]string{}
	for k, v := range o.config {
		if !strings.Contains(k, ":") {
			k = o.project + ":" + k
		}
		cfg[k] = v
	}
	var secrets []string
	for _, k := range o.secretKeys {
		if !strings.Contains(k, ":") {
			k = o.project + ":" + k
		}
		secrets = append(secrets, k)
	}
	rec := &Recorder{Outputs: o.outputs, project: o.project, stack: o.stack}
	err := pulumi.RunErr(fn, pulumi.WithMocks(o.project, o.stack, rec), func(info *pulumi.RunInfo) {
		info.Config = cfg
		info.ConfigSecretKeys = secrets
	})
	return rec, err
}

// MustRun runs fn under mocks and fails the test when it returns an error.
func MustRun(t testing.TB, fn pulumi.RunFunc, opts ...Option) *Recorder {
	t.Helper()
	rec, err := Run(fn, opts...)
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
	return rec
}
