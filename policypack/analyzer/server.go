package analyzer

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Options describe the pack the server serves.
type Options struct {
	// Name is the policy pack's name (PulumiPolicy.yaml's name).
	Name string
	// Version is the pack's semantic version.
	Version string
	// Description is a sentence about the pack.
	Description string
	// Readme is the pack's README, shown by Pulumi Cloud.
	Readme string
	// Level, when set, is the pack-level enforcement level: every policy's default,
	// in place of the rule's own. Config ("all" or a policy's level) still wins.
	Level rules.Level
	// Rules are the rules served; nil serves rules.All().
	Rules []*rules.Rule
}

// Server is the pack's pulumirpc.AnalyzerServer.
type Server struct {
	pulumirpc.UnimplementedAnalyzerServer

	opts  Options
	rules []*rules.Rule
	index rules.Index
	fixes rules.Index // the rules with a Fix (resource and stack rules), by type

	state atomic.Pointer[state]

	mu        sync.Mutex // serialises Configure and ConfigureStack
	handshake atomic.Pointer[pulumirpc.AnalyzerHandshakeRequest]

	inputs inputStore
}

// inputStore remembers, per URN, the inputs Analyze received for the resources whose
// types the enabled stack rules read, for AnalyzeStack to overlay on their outputs.
// The engine analyses resources in parallel, hence the lock; a map stored here is
// never changed afterwards.
type inputStore struct {
	mu    sync.RWMutex
	byURN map[string]resource.PropertyMap
}

func (s *inputStore) put(urn string, inputs resource.PropertyMap) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byURN == nil {
		s.byURN = map[string]resource.PropertyMap{}
	}
	s.byURN[urn] = inputs
}

func (s *inputStore) get(urn string) resource.PropertyMap {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.byURN[urn]
}

func (s *inputStore) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byURN = nil
}

// state is what Configure and ConfigureStack set, swapped atomically so that Analyze
// calls running in parallel see one consistent configuration.
type state struct {
	levels   map[string]rules.Level
	settings *config.Settings
	stack    rules.StackInfo
	preview  bool
	// stackTypes are the types the enabled stack rules read: the types AnalyzeStack
	// decodes and whose inputs Analyze remembers.
	stackTypes map[string]bool
}

var _ pulumirpc.AnalyzerServer = (*Server)(nil)

// New returns a server for the pack. It fails when the rules' registry is invalid or
// the options name no pack.
func New(opts Options) (*Server, error) {
	if opts.Name == "" || opts.Version == "" {
		return nil, errors.New("analyzer: the pack needs a name and a version")
	}
	list := opts.Rules
	if list == nil {
		list = rules.All()
	}
	if err := rules.Validate(list); err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	switch opts.Level {
	case "", rules.Advisory, rules.Mandatory, rules.Disabled, rules.Remediate:
	default:
		return nil, fmt.Errorf("analyzer: pack level %q is not an enforcement level; use advisory, mandatory, remediate or disabled", opts.Level)
	}
	s := &Server{opts: opts, rules: list, index: rules.NewIndex(list), fixes: rules.NewFixIndex(list)}
	levels := s.defaultLevels()
	s.state.Store(&state{levels: levels, settings: config.Default(), preview: true, stackTypes: s.stackTypes(levels)})
	return s, nil
}

// stackTypes returns the types the stack rules enabled at the given levels read.
func (s *Server) stackTypes(levels map[string]rules.Level) map[string]bool {
	types := map[string]bool{}
	for _, rule := range s.rules {
		if rule.IsStack() && levels[rule.Name] != rules.Disabled {
			for _, t := range rule.Types {
				types[t] = true
			}
		}
	}
	return types
}

// defaultLevels is each rule's level before config: the pack level when set, else the rule's own.
func (s *Server) defaultLevels() map[string]rules.Level {
	levels := make(map[string]rules.Level, len(s.rules))
	for _, r := range s.rules {
		levels[r.Name] = r.Level
		if s.opts.Level != "" {
			levels[r.Name] = s.opts.Level
		}
	}
	return levels
}

// Handshake records the engine's address and the pack's directory.
func (s *Server) Handshake(_ context.Context, req *pulumirpc.AnalyzerHandshakeRequest) (*pulumirpc.AnalyzerHandshakeResponse, error) {
	s.handshake.Store(req)
	return &pulumirpc.AnalyzerHandshakeResponse{}, nil
}

// GetPluginInfo returns the pack's version. It needs no prior call.
func (s *Server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: s.opts.Version}, nil
}

// GetAnalyzerInfo describes the pack and every policy: level, severity, config schema,
// and the initial config (each policy's default level and config defaults). It needs
// no prior call.
func (s *Server) GetAnalyzerInfo(context.Context, *emptypb.Empty) (*pulumirpc.AnalyzerInfo, error) {
	defaults := s.defaultLevels()
	info := &pulumirpc.AnalyzerInfo{
		Name:           s.opts.Name,
		DisplayName:    "AI Ready guardrails",
		Version:        s.opts.Version,
		SupportsConfig: true,
		Description:    s.opts.Description,
		Readme:         s.opts.Readme,
		Provider:       "azure",
		Tags:           []string{"azure", "ai", "cloud-adoption-framework", "azure-landing-zones"},
		Policies:       make([]*pulumirpc.PolicyInfo, 0, len(s.rules)),
		InitialConfig:  make(map[string]*pulumirpc.PolicyConfig, len(s.rules)),
	}
	for _, r := range s.rules {
		schema, initial, err := ruleConfig(r)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", r.Name, err)
		}
		ptype := pulumirpc.PolicyType_POLICY_TYPE_RESOURCE
		if r.IsStack() {
			ptype = pulumirpc.PolicyType_POLICY_TYPE_STACK
		}
		info.Policies = append(info.Policies, &pulumirpc.PolicyInfo{
			Name:             r.Name,
			DisplayName:      r.Name,
			Description:      r.Description,
			EnforcementLevel: toRPCLevel(defaults[r.Name]),
			ConfigSchema:     schema,
			PolicyType:       ptype,
			Severity:         toRPCSeverity(r.Severity),
			Framework: &pulumirpc.PolicyComplianceFramework{
				Name:          "Microsoft Cloud Adoption Framework: AI Ready",
				Version:       "2025-07-01",
				Reference:     r.Section,
				Specification: r.Recommendation,
			},
			Tags:             []string{r.Section},
			RemediationSteps: "Mirrors " + r.MirrorsText() + ".",
		})
		info.InitialConfig[r.Name] = &pulumirpc.PolicyConfig{EnforcementLevel: toRPCLevel(defaults[r.Name]), Properties: initial}
	}
	return info, nil
}

// ruleConfig returns a rule's config schema (nil when it has no config keys) and its
// initial config properties (the keys' defaults).
func ruleConfig(r *rules.Rule) (*pulumirpc.PolicyConfigSchema, *structpb.Struct, error) {
	if len(r.Config) == 0 {
		return nil, nil, nil
	}
	props := map[string]any{}
	defaults := map[string]any{}
	for _, name := range r.Config {
		k, ok := config.LookupKey(name)
		if !ok {
			return nil, nil, fmt.Errorf("config key %q is not defined", name)
		}
		schema := make(map[string]any, len(k.Schema)+1)
		for sk, sv := range k.Schema {
			schema[sk] = sv
		}
		schema["description"] = k.Description
		props[name] = schema
		if k.Default != nil {
			defaults[name] = k.Default()
		}
	}
	sp, err := structpb.NewStruct(props)
	if err != nil {
		return nil, nil, fmt.Errorf("encoding the config schema: %w", err)
	}
	var initial *structpb.Struct
	if len(defaults) > 0 {
		if initial, err = structpb.NewStruct(defaults); err != nil {
			return nil, nil, fmt.Errorf("encoding the config defaults: %w", err)
		}
	}
	return &pulumirpc.PolicyConfigSchema{Properties: sp}, initial, nil
}

// Configure applies the policy config: the "all" level first, then each policy's level
// and properties, over the defaults. Invalid config is an error naming the policy, the
// key and the value; the previous configuration then stays in force.
func (s *Server) Configure(_ context.Context, req *pulumirpc.ConfigureAnalyzerRequest) (*emptypb.Empty, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	levels := s.defaultLevels()
	settings := config.Default()
	var errs []string

	pc := req.GetPolicyConfig()
	if all, ok := pc["all"]; ok && all != nil {
		lvl, err := fromRPCLevel(all.GetEnforcementLevel())
		if err != nil {
			errs = append(errs, "all: "+err.Error())
		}
		for name := range levels {
			levels[name] = lvl
		}
	}
	names := make([]string, 0, len(pc))
	for name := range pc {
		if name != "all" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		cfg := pc[name]
		rule := rules.ByName(name)
		if rule == nil || !s.serves(name) {
			errs = append(errs, fmt.Sprintf("%s: not a policy of %s; its policies are listed by `pulumi policy ls` and in the README", name, s.opts.Name))
			continue
		}
		lvl, err := fromRPCLevel(cfg.GetEnforcementLevel())
		if err != nil {
			errs = append(errs, name+": "+err.Error())
			continue
		}
		levels[name] = lvl // remediate without a fix reports as mandatory (appendDiagnostics)
		props := cfg.GetProperties().AsMap()
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !ownsKey(rule, k) {
				errs = append(errs, fmt.Sprintf("%s: %q is not a config key of this policy; %s", name, k, keysOf(rule)))
				continue
			}
			if err := settings.Set(k, props[k]); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", name, err))
			}
		}
	}
	if err := settings.Check(); err != nil && len(errs) == 0 {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid policy config for %s: %s", s.opts.Name, strings.Join(errs, "; "))
	}
	old := s.state.Load()
	s.state.Store(&state{levels: levels, settings: settings, stack: old.stack, preview: old.preview, stackTypes: s.stackTypes(levels)})
	return &emptypb.Empty{}, nil
}

func (s *Server) serves(name string) bool {
	for _, r := range s.rules {
		if r.Name == name {
			return true
		}
	}
	return false
}

func ownsKey(r *rules.Rule, key string) bool {
	for _, k := range r.Config {
		if k == key {
			return true
		}
	}
	return false
}

func keysOf(r *rules.Rule) string {
	if len(r.Config) == 0 {
		return "this policy takes no config besides enforcementLevel"
	}
	return "its keys are " + strings.Join(r.Config, ", ")
}

// ConfigureStack records the stack: its name and project, whether this is a preview,
// and the archetype and environment of its config (<project>:archetype,
// <project>:environment; any project prefix is accepted). The engine calls it once,
// when it starts the pack for a deployment, so it also forgets the inputs of any
// earlier run.
func (s *Server) ConfigureStack(_ context.Context, req *pulumirpc.AnalyzerStackConfigureRequest) (*pulumirpc.AnalyzerStackConfigureResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := rules.StackInfo{Project: req.GetProject(), Name: req.GetStack()}
	info.Archetype = stackConfig(req.GetConfig(), req.GetProject(), "archetype")
	info.Environment = stackConfig(req.GetConfig(), req.GetProject(), "environment")
	old := s.state.Load()
	s.state.Store(&state{levels: old.levels, settings: old.settings, stack: info, preview: req.GetDryRun(), stackTypes: old.stackTypes})
	s.inputs.reset()
	return &pulumirpc.AnalyzerStackConfigureResponse{}, nil
}

// stackConfig returns "<project>:<key>", else the first "<any>:<key>" in name order.
func stackConfig(cfg map[string]string, project, key string) string {
	if v, ok := cfg[project+":"+key]; ok && project != "" {
		return unquote(v)
	}
	names := make([]string, 0, len(cfg))
	for k := range cfg {
		if strings.HasSuffix(k, ":"+key) && strings.Count(k, ":") == 1 {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return unquote(cfg[names[0]])
}

func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	return v
}

// Cancel acknowledges the engine's cancellation. Analyses are short and hold nothing
// to release, so there is nothing to abort.
func (s *Server) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// context returns the rules' context for the current state.
func (st *state) context() *rules.Context {
	return &rules.Context{Settings: st.settings, Stack: st.stack, Preview: st.preview}
}

// Analyze runs the resource rules that read the resource's type, and remembers the
// inputs of a resource whose type an enabled stack rule reads, for AnalyzeStack (the
// engine analyses every resource of a preview or update before it analyses the stack).
func (s *Server) Analyze(_ context.Context, req *pulumirpc.AnalyzeRequest) (*pulumirpc.AnalyzeResponse, error) {
	st := s.state.Load()
	typ := rules.NormalizeType(req.GetType())
	applicable := s.index[typ]
	remember := st.stackTypes[typ] && req.GetUrn() != ""
	if len(applicable) == 0 && !remember {
		return &pulumirpc.AnalyzeResponse{}, nil
	}
	r, err := newResource(req.GetType(), req.GetUrn(), req.GetName(), req.GetProperties(), req.GetProvider(), nil)
	if err != nil {
		return nil, err
	}
	r.Parent = req.GetOptions().GetParent()
	r.Inputs = r.Props
	if remember {
		s.inputs.put(r.URN, r.Props) // rules read properties, never change them
	}
	ctx := st.context()
	var ds []*pulumirpc.AnalyzeDiagnostic
	for _, rule := range applicable {
		lvl := st.levels[rule.Name]
		if lvl == rules.Disabled {
			continue
		}
		findings := s.safely(rule, func() []rules.Finding { return rule.Check(ctx, r) })
		ds = s.appendDiagnostics(ds, rule, lvl, st.preview, findings, r.URN)
	}
	return &pulumirpc.AnalyzeResponse{Diagnostics: ds}, nil
}

// AnalyzeStack runs the stack rules over every resource of the stack. The engine sends
// each resource's outputs; the inputs Analyze received for it in this run are
// overlaid on them (rules.Resource.ApplyInputs), so that the stack rules see what the
// program declared: input-only properties, "not set" rather than unknown at preview,
// and inputs whose output namesake means something else.
func (s *Server) AnalyzeStack(_ context.Context, req *pulumirpc.AnalyzeStackRequest) (*pulumirpc.AnalyzeResponse, error) {
	st := s.state.Load()
	// Only the types the enabled stack rules read are decoded: the others cannot change
	// a stack rule's answer, and decoding is most of the cost.
	needed := st.stackTypes
	in := req.GetResources()
	list := make([]*rules.Resource, 0, len(in))
	providers := map[string]resource.PropertyMap{}
	for _, pr := range in {
		if !needed[rules.NormalizeType(pr.GetType())] {
			continue
		}
		r, err := newResource(pr.GetType(), pr.GetUrn(), pr.GetName(), pr.GetProperties(), pr.GetProvider(), providers)
		if err != nil {
			return nil, err
		}
		r.ApplyInputs(s.inputs.get(r.URN))
		r.Parent = pr.GetParent()
		r.Dependencies = pr.GetDependencies()
		if deps := pr.GetPropertyDependencies(); len(deps) > 0 {
			r.PropertyDependencies = make(map[string][]string, len(deps))
			for k, d := range deps {
				r.PropertyDependencies[k] = d.GetUrns()
			}
		}
		list = append(list, r)
	}
	stack := rules.NewStack(list)
	ctx := st.context()
	var ds []*pulumirpc.AnalyzeDiagnostic
	for _, rule := range s.rules {
		if !rule.IsStack() {
			continue
		}
		lvl := st.levels[rule.Name]
		if lvl == rules.Disabled {
			continue
		}
		findings := s.safely(rule, func() []rules.Finding { return rule.RunStack(ctx, stack) })
		ds = s.appendDiagnostics(ds, rule, lvl, st.preview, findings, "")
	}
	return &pulumirpc.AnalyzeResponse{Diagnostics: ds}, nil
}

// Remediate applies the fixes of the policies whose level is remediate, in name order,
// each seeing the previous one's result.
func (s *Server) Remediate(_ context.Context, req *pulumirpc.AnalyzeRequest) (*pulumirpc.RemediateResponse, error) {
	st := s.state.Load()
	applicable := s.fixes[rules.NormalizeType(req.GetType())]
	var rs []*pulumirpc.Remediation
	var r *rules.Resource
	ctx := st.context()
	for _, rule := range applicable {
		if rule.Fix == nil || st.levels[rule.Name] != rules.Remediate {
			continue
		}
		if r == nil {
			var err error
			if r, err = newResource(req.GetType(), req.GetUrn(), req.GetName(), req.GetProperties(), req.GetProvider(), nil); err != nil {
				return nil, err
			}
			r.Inputs = r.Props
		}
		fixed, changed := rule.Fix(ctx, r)
		if !changed {
			continue
		}
		r.Props, r.Inputs = fixed, fixed
		out, err := plugin.MarshalProperties(fixed, marshalOptions("remediate"))
		if err != nil {
			return nil, fmt.Errorf("policy %s: encoding the remediated properties of %s: %w", rule.Name, req.GetUrn(), err)
		}
		rs = append(rs, &pulumirpc.Remediation{
			PolicyName:        rule.Name,
			Description:       rule.Description,
			PolicyPackName:    s.opts.Name,
			PolicyPackVersion: s.opts.Version,
			Properties:        out,
		})
	}
	return &pulumirpc.RemediateResponse{Remediations: rs}, nil
}

// safely runs a rule, turning a panic (a bug: rules must not panic) into a finding, so
// that the pack reports it at the policy's level instead of crashing the deployment.
func (s *Server) safely(_ *rules.Rule, run func() []rules.Finding) (out []rules.Finding) {
	defer func() {
		if p := recover(); p != nil {
			out = []rules.Finding{rules.Violation("the rule failed on this input (%v), so it cannot say whether the resource complies; please report it with this stack trace: %s",
				p, firstLines(string(debug.Stack()), 12))}
		}
	}()
	return run()
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}

// appendDiagnostics turns findings into diagnostics. A finding about an unknown value is
// advisory during a preview and takes the policy's level at update; a remediate-level
// finding is mandatory (the fix did not make the resource comply).
func (s *Server) appendDiagnostics(ds []*pulumirpc.AnalyzeDiagnostic, rule *rules.Rule, lvl rules.Level, preview bool,
	findings []rules.Finding, urn string,
) []*pulumirpc.AnalyzeDiagnostic {
	for _, f := range findings {
		level := lvl
		if level == rules.Remediate {
			level = rules.Mandatory
		}
		if f.Unknown != "" && preview || f.Advisory {
			level = rules.Advisory
		}
		u := f.URN
		if u == "" {
			u = urn
		}
		ds = append(ds, &pulumirpc.AnalyzeDiagnostic{
			PolicyName:        rule.Name,
			PolicyPackName:    s.opts.Name,
			PolicyPackVersion: s.opts.Version,
			Description:       rule.Description,
			Message:           f.Render(preview),
			EnforcementLevel:  toRPCLevel(level),
			Urn:               u,
			Severity:          toRPCSeverity(rule.Severity),
		})
	}
	return ds
}
