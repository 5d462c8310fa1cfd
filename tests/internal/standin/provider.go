package standin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Fake identities the stand-in reports when provider config does not name real ones.
const (
	FakeSubscriptionID = "00000000-0000-0000-0000-000000000001"
	FakeTenantID       = "00000000-0000-0000-0000-000000000002"
	FakeClientID       = "00000000-0000-0000-0000-000000000003"
	FakeObjectID       = "00000000-0000-0000-0000-000000000004"
)

// Notice is what the stand-in says about itself on start-up and on Configure.
const Notice = "is a test double of Azure for offline tests: it validates inputs against the provider's type definitions and creates nothing"

// Schema validates a resource's inputs as the real provider's Check would.
type Schema interface {
	// Known reports whether the provider has a resource type token; the error says why not.
	Known(token string) error
	// Problems lists every problem with the inputs: unknown and missing required properties.
	Problems(token string, inputs resource.PropertyMap) []Problem
}

// Problem is one input problem, as a CheckFailure reports it.
type Problem struct {
	// Property is the property path, e.g. "properties.publicNetworkAccess".
	Property string
	// Reason says what is wrong and what is allowed.
	Reason string
}

// Package describes the provider a Provider stands in for.
type Package struct {
	// Name is the plugin name: "azure-native" or "azuread".
	Name string
	// Version is the version GetPluginInfo reports.
	Version string
	// Schema validates inputs; nil accepts any inputs.
	Schema Schema
	// Outputs computes a resource's outputs from its inputs; nil echoes the inputs.
	Outputs func(r *Resource, preview bool) resource.PropertyMap
	// Names decides the resource's name property, id and ARM type; nil uses the URN name.
	Names func(r *Resource) Names
	// Functions answers Invoke by function token.
	Functions map[string]func(cfg Config, args resource.PropertyMap) (resource.PropertyMap, error)
	// Cloud records what the stand-in creates across provider processes; nil records
	// nothing.
	Cloud *Cloud
	// PackageSchema is the package schema GetSchema returns; nil returns a schema of
	// the name and version only.
	PackageSchema func() ([]byte, error)

	// faults is the stack's fault plan ($AIREADY_STANDIN_FAULTS); nil injects none.
	faults *faults
}

// Config is the provider configuration the stand-in uses.
type Config struct {
	// SubscriptionID is the subscription resource ids are made in.
	SubscriptionID string
	// TenantID is the Entra ID tenant.
	TenantID string
	// ClientID is the identity the provider acts as.
	ClientID string
	// Location is the default location of resources that take one.
	Location string
}

// Provider is the gRPC resource provider server.
type Provider struct {
	pulumirpc.UnimplementedResourceProviderServer

	pkg    Package
	log    Logger
	faults *faults

	mu     sync.Mutex
	cfg    Config
	notice sync.Once

	// cancelled is closed by Cancel: operations in flight stop, as azure-native's
	// do when the engine cancels them.
	cancelled  chan struct{}
	cancelOnce sync.Once
}

// Logger receives the stand-in's messages: its notice at diag.Info, the retries of
// a throttled request at diag.Warning, one line per create and delete at
// diag.Debug; urn is the resource the message is about ("" for none).
type Logger func(sev diag.Severity, urn resource.URN, msg string)

// New returns a provider for pkg; log may be nil.
func New(pkg Package, log Logger) *Provider {
	if log == nil {
		log = func(diag.Severity, resource.URN, string) {}
	}
	return &Provider{pkg: pkg, log: log, faults: pkg.faults, cancelled: make(chan struct{}), cfg: Config{
		SubscriptionID: FakeSubscriptionID,
		TenantID:       FakeTenantID,
		ClientID:       FakeClientID,
	}}
}

func (p *Provider) config() Config {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cfg
}

var (
	inputOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true}
	stateOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}
)

func (p *Provider) unmarshal(label string, s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return resource.PropertyMap{}, nil
	}
	opts := inputOpts
	opts.Label = label
	props, err := plugin.UnmarshalProperties(s, opts)
	if err != nil {
		return nil, fmt.Errorf("%s stand-in: reading %s: %w", p.pkg.Name, label, err)
	}
	return props, nil
}

func (p *Provider) marshal(label string, props resource.PropertyMap, opts plugin.MarshalOptions) (*structpb.Struct, error) {
	opts.Label = label
	s, err := plugin.MarshalProperties(props, opts)
	if err != nil {
		return nil, fmt.Errorf("%s stand-in: writing %s: %w", p.pkg.Name, label, err)
	}
	return s, nil
}

// GetPluginInfo reports the version of the provider stood in for (the message has
// no other field; the stand-in states what it is on stderr and on Configure).
func (p *Provider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.pkg.Version}, nil
}

// Handshake accepts secrets, resources and outputs.
func (p *Provider) Handshake(context.Context, *pulumirpc.ProviderHandshakeRequest) (*pulumirpc.ProviderHandshakeResponse, error) {
	return &pulumirpc.ProviderHandshakeResponse{AcceptSecrets: true, AcceptResources: true, AcceptOutputs: true}, nil
}

// Attach accepts an engine attaching to a stand-in started by hand (for debugging);
// the stand-in needs nothing from it.
func (p *Provider) Attach(context.Context, *pulumirpc.PluginAttach) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// GetSchema returns the package's schema (Package.PackageSchema), which languages
// that check a program against schemas (YAML) bind resources with; without one, a
// schema of the name and version only.
func (p *Provider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	if p.pkg.PackageSchema != nil {
		b, err := p.pkg.PackageSchema()
		if err != nil {
			return nil, err
		}
		return &pulumirpc.GetSchemaResponse{Schema: string(b)}, nil
	}
	return &pulumirpc.GetSchemaResponse{Schema: fmt.Sprintf(`{"name":%q,"version":%q}`, p.pkg.Name, p.pkg.Version)}, nil
}

// CheckConfig accepts any provider configuration.
func (p *Provider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

// DiffConfig reports a change of provider configuration; a change of subscription
// or tenant replaces the provider (and so its resources), as with the real one.
func (p *Provider) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := p.unmarshal("olds", req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	if len(olds) == 0 {
		if olds, err = p.unmarshal("olds", req.GetOlds()); err != nil {
			return nil, err
		}
	}
	news, err := p.unmarshal("news", req.GetNews())
	if err != nil {
		return nil, err
	}
	return diff(olds, news, func(key string) bool {
		return key == "subscriptionId" || key == "tenantId"
	}, false), nil
}

// Configure records the subscription, tenant, client and default location.
func (p *Provider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	vals := map[string]string{}
	if req.GetArgs() != nil {
		args, err := p.unmarshal("config", req.GetArgs())
		if err != nil {
			return nil, err
		}
		for k, v := range args {
			if v = plain(v); v.IsString() {
				vals[string(k)] = v.StringValue()
			}
		}
	} else {
		for k, v := range req.GetVariables() { //nolint:staticcheck // engines that predate args still send the deprecated variables; the stand-in reads both as azure-native does
			vals[k[strings.LastIndex(k, ":")+1:]] = v
		}
	}
	p.mu.Lock()
	if v := vals["subscriptionId"]; v != "" {
		p.cfg.SubscriptionID = v
	}
	if v := vals["tenantId"]; v != "" {
		p.cfg.TenantID = v
	}
	if v := vals["clientId"]; v != "" {
		p.cfg.ClientID = v
	}
	if v := vals["location"]; v != "" {
		p.cfg.Location = v
	}
	p.mu.Unlock()
	p.notice.Do(func() {
		p.log(diag.Info, "", fmt.Sprintf("pulumi-resource-%s %s (stand-in) %s", p.pkg.Name, p.pkg.Version, Notice))
	})
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true, AcceptOutputs: true}, nil
}

// Check validates the inputs and fills the defaults the real provider fills.
func (p *Provider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	urn := resource.URN(req.GetUrn())
	token := string(urn.Type())
	if p.pkg.Schema != nil {
		if err := p.pkg.Schema.Known(token); err != nil {
			return nil, status.Error(codes.InvalidArgument, err.Error())
		}
	}
	news, err := p.unmarshal("news", req.GetNews())
	if err != nil {
		return nil, err
	}
	olds, err := p.unmarshal("olds", req.GetOlds())
	if err != nil {
		return nil, err
	}
	var failures []*pulumirpc.CheckFailure
	if p.pkg.Schema != nil {
		for _, pr := range p.pkg.Schema.Problems(token, news) {
			failures = append(failures, &pulumirpc.CheckFailure{Property: pr.Property, Reason: pr.Reason})
		}
	}
	if len(failures) == 0 {
		r := p.resource(urn, news)
		if r.names.NameProperty != "" && r.names.AutoName != "" {
			key := resource.PropertyKey(r.names.NameProperty)
			if _, ok := news[key]; !ok {
				if old, ok := olds[key]; ok && !old.IsNull() {
					news[key] = old
				} else {
					news[key] = resource.NewProperty(r.names.AutoName)
				}
			}
		}
		if r.names.HasLocation {
			if _, ok := news["location"]; !ok && p.config().Location != "" {
				news["location"] = resource.NewProperty(p.config().Location)
			}
		}
	}
	inputs, err := p.marshal("inputs", news, inputOpts)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: inputs, Failures: failures}, nil
}

// Diff compares the old inputs with the new ones.
func (p *Provider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	urn := resource.URN(req.GetUrn())
	olds, err := p.unmarshal("old inputs", req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	news, err := p.unmarshal("news", req.GetNews())
	if err != nil {
		return nil, err
	}
	if len(olds) == 0 {
		// State written without inputs: compare the outputs that are inputs.
		state, err := p.unmarshal("olds", req.GetOlds())
		if err != nil {
			return nil, err
		}
		for k := range news {
			if v, ok := state[k]; ok {
				olds[k] = v
			}
		}
	}
	r := p.resource(urn, news)
	replace := func(key string) bool {
		if key == "location" || key == "scope" || key == r.names.NameProperty {
			return true
		}
		for _, k := range r.names.ParentProperties {
			if k == key {
				return true
			}
		}
		return false
	}
	// A resource whose name the program chose cannot exist twice: replace it by
	// deleting it first. An autonamed one gets a new name, so it can be created first.
	explicit := false
	if r.names.NameProperty != "" {
		name, ok := knownString(news, r.names.NameProperty)
		explicit = ok && name != r.names.AutoName
	}
	return diff(olds, news, replace, explicit), nil
}

// Create returns a fake id and the outputs; during preview computed outputs are
// unknown. As azure-native does, it refuses to create a resource that already
// exists in the cloud ("cannot create already existing resource"), and it meets
// the faults of the stack's fault plan.
func (p *Provider) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	urn := resource.URN(req.GetUrn())
	inputs, err := p.unmarshal("properties", req.GetProperties())
	if err != nil {
		return nil, err
	}
	r := p.resource(urn, inputs)
	outs := p.outputs(r, req.GetPreview())
	props, err := p.marshal("outputs", outs, stateOpts)
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		return &pulumirpc.CreateResponse{Properties: props}, nil
	}
	id := r.ID()
	if id == "" {
		return nil, fmt.Errorf("%s stand-in: %s: cannot make an id: its name or a parent's name is unknown after preview", p.pkg.Name, urn)
	}
	if _, exists, err := p.pkg.Cloud.Get(id); err != nil {
		return nil, err
	} else if exists {
		return nil, fmt.Errorf("cannot create already existing resource '%s'", id)
	}
	call := azureCall{op: "create", urn: urn, id: id, timeout: req.GetTimeout(), inputs: inputs, outputs: props, record: p.record(id, r)}
	if err := p.request(ctx, call); err != nil {
		return nil, err
	}
	p.log(diag.Debug, urn, fmt.Sprintf("created (nothing) %s as %s", urn.Name(), id))
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

// record returns the function that writes a resource into the cloud.
func (p *Provider) record(id string, r *Resource) func() error {
	return func() error {
		return p.pkg.Cloud.Write(CloudRecord{ID: id, Token: r.Token, URN: string(r.URN), Inputs: cloudInputs(r.Inputs)})
	}
}

// Update returns the outputs of the new inputs, meeting the faults of the plan.
func (p *Provider) Update(ctx context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	urn := resource.URN(req.GetUrn())
	inputs, err := p.unmarshal("news", req.GetNews())
	if err != nil {
		return nil, err
	}
	r := p.resource(urn, inputs)
	props, err := p.marshal("outputs", p.outputs(r, req.GetPreview()), stateOpts)
	if err != nil {
		return nil, err
	}
	if !req.GetPreview() {
		call := azureCall{op: "update", urn: urn, id: req.GetId(), timeout: req.GetTimeout(), inputs: inputs, outputs: props, record: p.record(req.GetId(), r)}
		if err := p.request(ctx, call); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

// Read answers what Azure holds: a resource recorded in the cloud is read from its
// record (so a change made out of band shows, and an imported resource gets its
// inputs); any other resource keeps the state it is given, and one read by id alone
// gets a minimal state derived from the id.
func (p *Provider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	rec, found, err := p.pkg.Cloud.Get(req.GetId())
	if err != nil {
		return nil, err
	}
	if found {
		if resp, changed, err := p.readRecord(req, rec); err != nil || changed {
			return resp, err
		}
	}
	props := req.GetProperties()
	if props == nil || len(props.GetFields()) == 0 {
		id := req.GetId()
		name := id[strings.LastIndex(id, "/")+1:]
		state := resource.PropertyMap{"id": resource.NewProperty(id), "name": resource.NewProperty(name)}
		var err error
		if props, err = p.marshal("state", state, stateOpts); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: props, Inputs: req.GetInputs()}, nil
}

// readRecord reads a resource from its cloud record. changed is false when the
// record holds what the state's inputs say and the state has outputs: the state is
// then returned as given.
// Otherwise the record's properties become the inputs (as azure-native copies what
// changed in Azure into the inputs), secret where the old inputs were.
func (p *Provider) readRecord(req *pulumirpc.ReadRequest, rec CloudRecord) (*pulumirpc.ReadResponse, bool, error) {
	old, err := p.unmarshal("inputs", req.GetInputs())
	if err != nil {
		return nil, false, err
	}
	if len(old) > 0 && len(req.GetProperties().GetFields()) > 0 && sameJSON(cloudInputs(old), rec.Inputs) {
		return nil, false, nil
	}
	inputs := resecret(resource.NewPropertyMapFromMap(rec.Inputs), old)
	r := p.resource(resource.URN(req.GetUrn()), inputs)
	props, err := p.marshal("state", p.outputs(r, false), stateOpts)
	if err != nil {
		return nil, false, err
	}
	ins, err := p.marshal("inputs", inputs, inputOpts)
	if err != nil {
		return nil, false, err
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: props, Inputs: ins}, true, nil
}

// sameJSON compares two JSON-shaped values as JSON.
func sameJSON(a, b any) bool {
	ja, erra := json.Marshal(a)
	jb, errb := json.Marshal(b)
	return erra == nil && errb == nil && bytes.Equal(ja, jb)
}

// resecret makes a value read back from the cloud secret where the old inputs had a
// secret.
func resecret(news, olds resource.PropertyMap) resource.PropertyMap {
	for k, nv := range news {
		if ov, ok := olds[k]; ok {
			news[k] = resecretValue(nv, ov)
		}
	}
	return news
}

func resecretValue(nv, ov resource.PropertyValue) resource.PropertyValue {
	switch {
	case ov.IsSecret():
		return resource.MakeSecret(resecretValue(nv, ov.SecretValue().Element))
	case nv.IsObject() && ov.IsObject():
		return resource.NewProperty(resecret(nv.ObjectValue(), ov.ObjectValue()))
	}
	return nv
}

// Delete forgets the resource in the cloud, meeting the faults of the plan.
func (p *Provider) Delete(ctx context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	urn := resource.URN(req.GetUrn())
	call := azureCall{op: "delete", urn: urn, id: req.GetId(), timeout: req.GetTimeout(), record: func() error { return p.pkg.Cloud.Delete(req.GetId()) }}
	if err := p.request(ctx, call); err != nil {
		return nil, err
	}
	p.log(diag.Debug, urn, fmt.Sprintf("deleted (nothing) %s", urn.Name()))
	return &emptypb.Empty{}, nil
}

// Cancel stops the operations in flight (a hanging request fails with "context
// canceled"), as azure-native cancels its context when the engine is interrupted.
func (p *Provider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	p.cancelOnce.Do(func() { close(p.cancelled) })
	return &emptypb.Empty{}, nil
}

// Invoke answers the functions the package emulates and fails clearly on others.
func (p *Provider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	fn, ok := p.pkg.Functions[req.GetTok()]
	if !ok {
		names := make([]string, 0, len(p.pkg.Functions))
		for n := range p.pkg.Functions {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, status.Errorf(codes.Unimplemented, "%s stand-in: function %s is not emulated (a test double of Azure answers only: %s)",
			p.pkg.Name, req.GetTok(), strings.Join(names, ", "))
	}
	args, err := p.unmarshal("args", req.GetArgs())
	if err != nil {
		return nil, err
	}
	ret, err := fn(p.config(), args)
	if err != nil {
		return nil, fmt.Errorf("%s stand-in: %s: %w", p.pkg.Name, req.GetTok(), err)
	}
	out, err := p.marshal("return", ret, stateOpts)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: out}, nil
}

// Resource is one resource as the stand-in sees it.
type Resource struct {
	// URN is the resource's URN.
	URN resource.URN
	// Token is the type token.
	Token string
	// Inputs are the checked inputs.
	Inputs resource.PropertyMap
	// Config is the provider configuration.
	Config Config

	names Names
}

// Names is how a resource is named and addressed.
type Names struct {
	// NameProperty is the input holding the resource's own name ("" when it has none).
	NameProperty string
	// AutoName is the name Check gives the resource when NameProperty is not set ("" when it must be set).
	AutoName string
	// ParentProperties are the inputs naming the resources the resource is addressed under.
	ParentProperties []string
	// HasLocation is true when the resource takes a location.
	HasLocation bool
	// ID returns the resource's id, or "" while a part of it is unknown.
	ID func() string
}

// ID returns the resource's fake id, or "" while a part of it is unknown.
func (r *Resource) ID() string {
	if r.names.ID == nil {
		return ""
	}
	return r.names.ID()
}

// Names returns the resource's naming.
func (r *Resource) Names() Names { return r.names }

func (p *Provider) resource(urn resource.URN, inputs resource.PropertyMap) *Resource {
	r := &Resource{URN: urn, Token: string(urn.Type()), Inputs: inputs, Config: p.config()}
	if p.pkg.Names != nil {
		r.names = p.pkg.Names(r)
	} else {
		r.names = Names{ID: func() string { return urn.Name() }}
	}
	return r
}

func (p *Provider) outputs(r *Resource, preview bool) resource.PropertyMap {
	if p.pkg.Outputs != nil {
		return p.pkg.Outputs(r, preview)
	}
	return plainMap(r.Inputs)
}

// plain turns output values into what they hold: their element (kept secret when
// secret) or an unknown.
func plain(v resource.PropertyValue) resource.PropertyValue {
	switch {
	case v.IsOutput():
		o := v.OutputValue()
		if !o.Known {
			return resource.MakeComputed(resource.NewProperty(""))
		}
		e := plain(o.Element)
		if o.Secret {
			return resource.MakeSecret(e)
		}
		return e
	case v.IsSecret():
		return resource.MakeSecret(plain(v.SecretValue().Element))
	case v.IsObject():
		return resource.NewProperty(plainMap(v.ObjectValue()))
	case v.IsArray():
		arr := make([]resource.PropertyValue, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			arr[i] = plain(e)
		}
		return resource.NewProperty(arr)
	}
	return v
}

// plainMap applies plain to every value and drops internal keys.
func plainMap(m resource.PropertyMap) resource.PropertyMap {
	out := make(resource.PropertyMap, len(m))
	for k, v := range m {
		if strings.HasPrefix(string(k), "__") {
			continue
		}
		out[k] = plain(v)
	}
	return out
}

// unsecret drops secretness, for comparisons of values.
func unsecret(v resource.PropertyValue) resource.PropertyValue {
	switch {
	case v.IsSecret():
		return unsecret(v.SecretValue().Element)
	case v.IsObject():
		m := resource.PropertyMap{}
		for k, e := range v.ObjectValue() {
			m[k] = unsecret(e)
		}
		return resource.NewProperty(m)
	case v.IsArray():
		arr := make([]resource.PropertyValue, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			arr[i] = unsecret(e)
		}
		return resource.NewProperty(arr)
	}
	return v
}

// normalizeLocation is how Azure compares locations: "West Europe" == "westeurope".
func normalizeLocation(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

func forComparison(m resource.PropertyMap) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range plainMap(m) {
		v = unsecret(v)
		if k == "location" && v.IsString() {
			v = resource.NewProperty(normalizeLocation(v.StringValue()))
		}
		out[k] = v
	}
	return out
}

// diff compares old and new inputs; replace says which top-level keys force a
// replacement.
func diff(olds, news resource.PropertyMap, replace func(string) bool, deleteBeforeReplace bool) *pulumirpc.DiffResponse {
	d := forComparison(olds).Diff(forComparison(news))
	if d == nil || !d.AnyChanges() {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, HasDetailedDiff: true}
	}
	resp := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_SOME,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true,
	}
	replaced := map[string]bool{}
	for _, k := range d.ChangedKeys() {
		resp.Diffs = append(resp.Diffs, string(k))
		if replace(string(k)) {
			replaced[string(k)] = true
			resp.Replaces = append(resp.Replaces, string(k))
		}
	}
	sort.Strings(resp.Diffs)
	sort.Strings(resp.Replaces)
	for path, pd := range plugin.NewDetailedDiffFromObjectDiff(d, true) {
		kind := pd.Kind
		if top := topKey(path); replaced[top] {
			kind = kind.AsReplace()
		}
		resp.DetailedDiff[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_Kind(kind), InputDiff: true}
	}
	resp.DeleteBeforeReplace = deleteBeforeReplace && len(resp.Replaces) > 0
	return resp
}

func topKey(path string) string {
	p, err := resource.ParsePropertyPath(path)
	if err != nil || len(p) == 0 {
		return path
	}
	if s, ok := p[0].(string); ok {
		return s
	}
	return path
}

// errUnknownToken is wrapped by Schema.Known implementations.
var errUnknownToken = errors.New("unknown resource type")
