package analyzer

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

const (
	packName    = "aiready-guardrails"
	packVersion = "0.1.0"
)

// start serves the pack on a loopback port and returns a client, as the engine has.
func start(t *testing.T, opts Options) pulumirpc.AnalyzerClient {
	t.Helper()
	_, c := startServer(t, opts)
	return c
}

// startServer is start that also returns the server, for tests that look inside it.
func startServer(t *testing.T, opts Options) (*Server, pulumirpc.AnalyzerClient) {
	t.Helper()
	if opts.Name == "" {
		opts.Name, opts.Version = packName, packVersion
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := grpc.NewServer()
	pulumirpc.RegisterAnalyzerServer(g, srv)
	go func() { _ = g.Serve(lis) }()
	t.Cleanup(g.Stop)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return srv, pulumirpc.NewAnalyzerClient(conn)
}

// props marshals a property map the way the engine does for Analyze.
func props(t *testing.T, m map[string]any) *structpb.Struct {
	t.Helper()
	pm := resource.PropertyMap{}
	for k, v := range m {
		if pv, ok := v.(resource.PropertyValue); ok {
			pm[resource.PropertyKey(k)] = pv
		} else {
			pm[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
		}
	}
	s, err := plugin.MarshalProperties(pm, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipInternalKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func badAccount() map[string]any {
	return map[string]any{
		"kind":       "OpenAI",
		"location":   "eastus2",
		"identity":   map[string]any{"type": "None"},
		"properties": map[string]any{"disableLocalAuth": false, "publicNetworkAccess": "Enabled"},
		"tags":       map[string]any{"aiready-archetype": "corp", "aiready-environment": "production"},
	}
}

const accountToken = "azure-native:cognitiveservices/v20241001:Account"

func analyze(t *testing.T, c pulumirpc.AnalyzerClient, token string, p map[string]any) map[string]*pulumirpc.AnalyzeDiagnostic {
	t.Helper()
	resp, err := c.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{
		Type: token, Urn: "urn:pulumi:dev::ai-ready::" + token + "::r", Name: "r", Properties: props(t, p),
	})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*pulumirpc.AnalyzeDiagnostic{}
	for _, d := range resp.GetDiagnostics() {
		if d.GetPolicyPackName() != packName || d.GetPolicyPackVersion() != packVersion || d.GetUrn() == "" {
			t.Errorf("diagnostic without pack name, version or URN: %v", d)
		}
		out[d.GetPolicyName()] = d
	}
	return out
}

func configure(t *testing.T, c pulumirpc.AnalyzerClient, cfg map[string]*pulumirpc.PolicyConfig) error {
	t.Helper()
	_, err := c.Configure(context.Background(), &pulumirpc.ConfigureAnalyzerRequest{PolicyConfig: cfg})
	return err
}

func level(l pulumirpc.EnforcementLevel) *pulumirpc.PolicyConfig {
	return &pulumirpc.PolicyConfig{EnforcementLevel: l}
}

func withProps(t *testing.T, l pulumirpc.EnforcementLevel, m map[string]any) *pulumirpc.PolicyConfig {
	t.Helper()
	s, err := structpb.NewStruct(m)
	if err != nil {
		t.Fatal(err)
	}
	return &pulumirpc.PolicyConfig{EnforcementLevel: l, Properties: s}
}

func TestInfoBeforeConfigureStack(t *testing.T) {
	c := start(t, Options{})
	ctx := context.Background()
	root := "/tmp/pack"
	if _, err := c.Handshake(ctx, &pulumirpc.AnalyzerHandshakeRequest{EngineAddress: "127.0.0.1:1", RootDirectory: &root}); err != nil {
		t.Fatal(err)
	}
	pi, err := c.GetPluginInfo(ctx, &emptypb.Empty{})
	if err != nil || pi.GetVersion() != packVersion {
		t.Fatalf("GetPluginInfo = %v, %v", pi, err)
	}
	info, err := c.GetAnalyzerInfo(ctx, &emptypb.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if info.GetName() != packName || info.GetVersion() != packVersion || !info.GetSupportsConfig() {
		t.Fatalf("pack info = %v", info)
	}
	if len(info.GetPolicies()) != len(rules.All()) || len(info.GetInitialConfig()) != len(rules.All()) {
		t.Fatalf("%d policies and %d initial configs, want %d", len(info.GetPolicies()), len(info.GetInitialConfig()), len(rules.All()))
	}
	for _, p := range info.GetPolicies() {
		r := rules.ByName(p.GetName())
		if r == nil || p.GetDescription() != r.Description || p.GetEnforcementLevel() != toRPCLevel(r.Level) {
			t.Errorf("policy %s: %v", p.GetName(), p)
		}
		if ic := info.GetInitialConfig()[p.GetName()]; ic == nil || ic.GetEnforcementLevel() != toRPCLevel(r.Level) {
			t.Errorf("policy %s: initial config %v", p.GetName(), ic)
		}
		if (p.GetConfigSchema() != nil) != (len(r.Config) > 0) {
			t.Errorf("policy %s: config schema %v for keys %v", p.GetName(), p.GetConfigSchema(), r.Config)
		}
		wantType := pulumirpc.PolicyType_POLICY_TYPE_RESOURCE
		if r.IsStack() {
			wantType = pulumirpc.PolicyType_POLICY_TYPE_STACK
		}
		if p.GetPolicyType() != wantType || p.GetSeverity() == pulumirpc.PolicySeverity_POLICY_SEVERITY_UNSPECIFIED {
			t.Errorf("policy %s: type %v severity %v", p.GetName(), p.GetPolicyType(), p.GetSeverity())
		}
	}
	models := info.GetInitialConfig()["ai-deployments-approved-models"].GetProperties().AsMap()["allowedModels"].([]any)
	if len(models) < 5 || models[0].(map[string]any)["name"] == "" {
		t.Fatalf("initial allowedModels = %v", models)
	}
	ports := info.GetInitialConfig()["network-no-management-ports-from-internet"].GetProperties().AsMap()["managementPorts"]
	if ports.([]any)[0].(float64) != 22 {
		t.Fatalf("initial managementPorts = %v", ports)
	}
	schema := info.GetPolicies()[0].GetConfigSchema()
	for _, p := range info.GetPolicies() {
		if p.GetName() == "governance-no-ai-in-platform-subscriptions" {
			schema = p.GetConfigSchema()
		}
	}
	if _, ok := schema.GetProperties().AsMap()["platformSubscriptions"].(map[string]any)["properties"].(map[string]any)["connectivity"]; !ok {
		t.Fatalf("platformSubscriptions schema = %v", schema)
	}
	// Analysis works before ConfigureStack too (pulumi policy analyze): a preview by default.
	if ds := analyze(t, c, accountToken, badAccount()); ds["ai-services-disable-local-auth"] == nil {
		t.Fatalf("no finding before ConfigureStack: %v", ds)
	}
}

func TestDefaultLevelsAndPackLevel(t *testing.T) {
	ds := analyze(t, start(t, Options{}), accountToken, badAccount())
	for _, name := range []string{"ai-services-disable-local-auth", "ai-services-managed-identity", "ai-services-restrict-public-network-access"} {
		if ds[name] == nil || ds[name].GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY {
			t.Errorf("%s: %v, want a mandatory diagnostic", name, ds[name])
		}
	}
	if d := ds["ai-services-disable-local-auth"]; d.GetMessage() != "properties.disableLocalAuth is false; set it to true so that the account accepts Microsoft Entra ID tokens only, not keys." ||
		d.GetSeverity() != pulumirpc.PolicySeverity_POLICY_SEVERITY_HIGH || !strings.HasPrefix(d.GetDescription(), "Azure AI services") {
		t.Errorf("diagnostic = %v", d)
	}
	// The pack-level level replaces every rule's default.
	advisory := start(t, Options{Level: rules.Advisory})
	info, err := advisory.GetAnalyzerInfo(context.Background(), &emptypb.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range info.GetPolicies() {
		if p.GetEnforcementLevel() != pulumirpc.EnforcementLevel_ADVISORY || info.GetInitialConfig()[p.GetName()].GetEnforcementLevel() != pulumirpc.EnforcementLevel_ADVISORY {
			t.Fatalf("policy %s is not advisory under an advisory pack", p.GetName())
		}
	}
	for name, d := range analyze(t, advisory, accountToken, badAccount()) {
		if d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_ADVISORY {
			t.Errorf("%s: %v under an advisory pack", name, d.GetEnforcementLevel())
		}
	}
	if _, err := New(Options{Name: packName, Version: packVersion, Level: "loud"}); err == nil {
		t.Fatal("New accepted a bad pack level")
	}
}

func TestConfigureLevels(t *testing.T) {
	c := start(t, Options{})
	err := configure(t, c, map[string]*pulumirpc.PolicyConfig{
		"all":                            level(pulumirpc.EnforcementLevel_ADVISORY),
		"ai-services-disable-local-auth": level(pulumirpc.EnforcementLevel_DISABLED),
		"ai-services-managed-identity":   level(pulumirpc.EnforcementLevel_MANDATORY),
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := analyze(t, c, accountToken, badAccount())
	if d := ds["ai-services-disable-local-auth"]; d != nil {
		t.Errorf("a disabled policy reported: %v", d)
	}
	if d := ds["ai-services-managed-identity"]; d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY {
		t.Errorf("managed identity: %v, want mandatory", d)
	}
	if d := ds["ai-services-restrict-public-network-access"]; d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_ADVISORY {
		t.Errorf("public network (all: advisory): %v, want advisory", d)
	}
}

func TestConfigureProperties(t *testing.T) {
	c := start(t, Options{})
	deployment := map[string]any{
		"accountName": "aoai", "sku": map[string]any{"name": "GlobalStandard", "capacity": 10},
		"properties": map[string]any{"model": map[string]any{"format": "OpenAI", "name": "gpt-4.1", "version": "2025-04-14"}, "raiPolicyName": "Microsoft.DefaultV2"},
	}
	if ds := analyze(t, c, "azure-native:cognitiveservices:Deployment", deployment); len(ds) != 0 {
		t.Fatalf("the catalog's models are approved by default: %v", ds)
	}
	err := configure(t, c, map[string]*pulumirpc.PolicyConfig{
		"ai-deployments-approved-models": withProps(t, pulumirpc.EnforcementLevel_MANDATORY, map[string]any{
			"allowedModels": []any{map[string]any{"name": "gpt-4o", "versions": []any{"2024-11-20"}}},
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	d := analyze(t, c, "azure-native:cognitiveservices:Deployment", deployment)["ai-deployments-approved-models"]
	if d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY ||
		d.GetMessage() != `model "gpt-4.1" is not approved; approved models: "gpt-4o". Approve it in the allowedModels config of ai-deployments-approved-models.` {
		t.Fatalf("diagnostic = %v", d)
	}
}

func TestConfigureRejectsBadConfig(t *testing.T) {
	c := start(t, Options{})
	cases := []struct {
		cfg  map[string]*pulumirpc.PolicyConfig
		want string
	}{
		{map[string]*pulumirpc.PolicyConfig{"ai-services-disable-locl-auth": level(pulumirpc.EnforcementLevel_MANDATORY)},
			"ai-services-disable-locl-auth: not a policy of aiready-guardrails"},
		{map[string]*pulumirpc.PolicyConfig{"ai-services-disable-local-auth": withProps(t, pulumirpc.EnforcementLevel_MANDATORY, map[string]any{"strict": true})},
			`ai-services-disable-local-auth: "strict" is not a config key of this policy; this policy takes no config besides enforcementLevel`},
		{map[string]*pulumirpc.PolicyConfig{"ai-deployments-approved-models": withProps(t, pulumirpc.EnforcementLevel_MANDATORY, map[string]any{"platformSubscriptions": map[string]any{}})},
			`ai-deployments-approved-models: "platformSubscriptions" is not a config key of this policy; its keys are allowedModels`},
		{map[string]*pulumirpc.PolicyConfig{"network-no-management-ports-from-internet": withProps(t, pulumirpc.EnforcementLevel_MANDATORY, map[string]any{"managementPorts": []any{22, "ssh"}})},
			`network-no-management-ports-from-internet: managementPorts[1]: "ssh" is not an integer from 1 to 65535`},
		{map[string]*pulumirpc.PolicyConfig{"foundation-stack-classified": withProps(t, pulumirpc.EnforcementLevel_ADVISORY, map[string]any{"archetype": "internal"})},
			`archetype: archetype "internal" is neither built in (corp, online, dev, sandbox) nor mapped in archetypes`},
		{map[string]*pulumirpc.PolicyConfig{"all": level(pulumirpc.EnforcementLevel(9))}, "all: enforcement level 9 is not one of"},
	}
	for _, tc := range cases {
		err := configure(t, c, tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Configure(%v) error = %v, want it to contain %q", tc.cfg, err, tc.want)
		}
	}
	// The defaults stay in force after rejected config.
	if d := analyze(t, c, accountToken, badAccount())["ai-services-disable-local-auth"]; d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY {
		t.Fatalf("after rejected config: %v", d)
	}
}

func TestUnknownValuesAtPreviewAndUpdate(t *testing.T) {
	c := start(t, Options{})
	acct := badAccount()
	acct["properties"] = map[string]any{"disableLocalAuth": resource.MakeComputed(resource.NewProperty("")), "publicNetworkAccess": "Disabled"}
	acct["identity"] = resource.MakeSecret(resource.NewProperty(resource.PropertyMap{"type": resource.NewProperty("SystemAssigned")}))
	stack := func(dryRun bool) {
		if _, err := c.ConfigureStack(context.Background(), &pulumirpc.AnalyzerStackConfigureRequest{Stack: "corp", Project: "ai-ready", DryRun: dryRun}); err != nil {
			t.Fatal(err)
		}
	}
	stack(true)
	ds := analyze(t, c, accountToken, acct)
	d := ds["ai-services-disable-local-auth"]
	if d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_ADVISORY ||
		d.GetMessage() != "Cannot verify at preview that key access is disabled: properties.disableLocalAuth is not known yet; checked again at update." {
		t.Fatalf("preview: %v", d)
	}
	if ds["ai-services-managed-identity"] != nil {
		t.Fatalf("a secret identity was not read: %v", ds["ai-services-managed-identity"])
	}
	stack(false)
	d = analyze(t, c, accountToken, acct)["ai-services-disable-local-auth"]
	if d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY ||
		d.GetMessage() != "Cannot verify that key access is disabled: properties.disableLocalAuth is still unknown at update." {
		t.Fatalf("update: %v", d)
	}
}

func TestStackConfigClassifies(t *testing.T) {
	c := start(t, Options{})
	_, err := c.ConfigureStack(context.Background(), &pulumirpc.AnalyzerStackConfigureRequest{
		Stack: "online", Project: "my-app", DryRun: true,
		Config: map[string]string{"ai-ready:archetype": "online", "ai-ready:environment": "production", "azure-native:location": "eastus2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{
		Type: "azure-native:network:VirtualNetwork", Urn: "urn:v", Name: "v", Properties: props(t, map[string]any{"location": "eastus2", "subnets": []any{}}),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range resp.GetDiagnostics() {
		got = append(got, d.GetPolicyName()+": "+d.GetMessage())
	}
	want := []string{
		"network-online-vnets-ddos-protection: enableDdosProtection is not set; set it to true with a DDoS protection plan: the archetype online (from stack config) is internet-facing.",
		"network-online-vnets-ddos-protection: ddosProtectionPlan.id is not set; reference a DDoS protection plan: the archetype online (from stack config) is internet-facing.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAnalyzeStack(t *testing.T) {
	c := start(t, Options{})
	const vmURN = "urn:pulumi:dev::ai-ready::azure-native:compute:VirtualMachine::jumpbox"
	const acctURN = "urn:pulumi:dev::ai-ready::azure-native:cognitiveservices:Account::aoai"
	good := badAccount()
	resp, err := c.AnalyzeStack(context.Background(), &pulumirpc.AnalyzeStackRequest{Resources: []*pulumirpc.AnalyzerResource{
		{Type: "azure-native:compute:VirtualMachine", Urn: vmURN, Name: "jumpbox", Properties: props(t, map[string]any{"location": "eastus2"})},
		{Type: "azure-native:cognitiveservices:Account", Urn: acctURN, Name: "aoai", Properties: props(t, good),
			Provider: &pulumirpc.AnalyzerProviderResource{Type: "pulumi:providers:azure-native", Urn: "urn:p", Properties: props(t, map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"})}},
		{Type: "azure-native:network/v20240501:PrivateEndpoint", Urn: "urn:pe", Name: "pe",
			Properties:           props(t, map[string]any{"privateLinkServiceConnections": []any{map[string]any{"privateLinkServiceId": resource.MakeComputed(resource.NewProperty(""))}}}),
			PropertyDependencies: map[string]*pulumirpc.AnalyzerPropertyDependencies{"privateLinkServiceConnections": {Urns: []string{acctURN}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*pulumirpc.AnalyzeDiagnostic{}
	for _, d := range resp.GetDiagnostics() {
		got[d.GetPolicyName()] = d
	}
	if d := got["network-vms-require-bastion"]; d.GetUrn() != vmURN || d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY {
		t.Errorf("bastion: %v", d)
	}
	if d := got["ai-services-private-endpoint"]; d != nil {
		t.Errorf("the endpoint linked by property dependency was not seen: %v", d)
	}
	if d := got["reliability-production-multi-region-endpoints"]; d == nil || d.GetUrn() != "" {
		t.Errorf("multi-region: %v", d)
	}
	// Disabled stack policies are silent.
	if err := configure(t, c, map[string]*pulumirpc.PolicyConfig{"network-vms-require-bastion": level(pulumirpc.EnforcementLevel_DISABLED)}); err != nil {
		t.Fatal(err)
	}
	resp, err = c.AnalyzeStack(context.Background(), &pulumirpc.AnalyzeStackRequest{Resources: []*pulumirpc.AnalyzerResource{
		{Type: "azure-native:compute:VirtualMachine", Urn: vmURN, Name: "jumpbox", Properties: props(t, map[string]any{})},
	}})
	if err != nil || len(resp.GetDiagnostics()) != 0 {
		t.Fatalf("disabled: %v, %v", resp, err)
	}
}

func TestRemediate(t *testing.T) {
	c := start(t, Options{})
	req := &pulumirpc.AnalyzeRequest{Type: accountToken, Urn: "urn:a", Name: "a", Properties: props(t, badAccount())}
	resp, err := c.Remediate(context.Background(), req)
	if err != nil || len(resp.GetRemediations()) != 0 {
		t.Fatalf("remediation without the remediate level: %v, %v", resp, err)
	}
	if err := configure(t, c, map[string]*pulumirpc.PolicyConfig{
		"ai-services-disable-local-auth": level(pulumirpc.EnforcementLevel_REMEDIATE),
		"ai-services-managed-identity":   level(pulumirpc.EnforcementLevel_REMEDIATE), // no fix: reported as mandatory
	}); err != nil {
		t.Fatal(err)
	}
	resp, err = c.Remediate(context.Background(), req)
	if err != nil || len(resp.GetRemediations()) != 1 {
		t.Fatalf("Remediate = %v, %v", resp, err)
	}
	rem := resp.GetRemediations()[0]
	if rem.GetPolicyName() != "ai-services-disable-local-auth" || rem.GetPolicyPackName() != packName {
		t.Fatalf("remediation = %v", rem)
	}
	fixed := rem.GetProperties().AsMap()
	if fixed["properties"].(map[string]any)["disableLocalAuth"] != true || fixed["kind"] != "OpenAI" {
		t.Fatalf("remediated properties = %v", fixed)
	}
	after, err := c.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{Type: accountToken, Urn: "urn:a", Name: "a", Properties: rem.GetProperties()})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range after.GetDiagnostics() {
		if d.GetPolicyName() == "ai-services-disable-local-auth" {
			t.Fatalf("still reported after remediation: %v", d)
		}
		if d.GetPolicyName() == "ai-services-managed-identity" && d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY {
			t.Fatalf("remediate level without a fix: %v", d)
		}
	}
}

func TestCancelAndIgnoredTypes(t *testing.T) {
	c := start(t, Options{})
	if _, err := c.Cancel(context.Background(), &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	if ds := analyze(t, c, "aws:s3/bucket:Bucket", map[string]any{"acl": "public-read"}); len(ds) != 0 {
		t.Fatalf("another provider's resource was judged: %v", ds)
	}
}

func TestPanickingRuleIsReportedNotFatal(t *testing.T) {
	boom := *rules.AIServicesDisableLocalAuth
	boom.Check = func(*rules.Context, *rules.Resource) []rules.Finding { panic("boom") }
	c := start(t, Options{Rules: []*rules.Rule{&boom}})
	d := analyze(t, c, accountToken, badAccount())[boom.Name]
	if d.GetEnforcementLevel() != pulumirpc.EnforcementLevel_MANDATORY || !strings.HasPrefix(d.GetMessage(), "the rule failed on this input (boom)") {
		t.Fatalf("diagnostic = %v", d)
	}
}

// TestConcurrentCalls analyses in parallel while the config changes and the stack is
// analysed, as the engine may (run it with -race).
func TestConcurrentCalls(t *testing.T) {
	c := start(t, Options{})
	account := props(t, badAccount())
	done := make(chan error, 10)
	for i := range 8 {
		go func() {
			for j := range 20 {
				urn := fmt.Sprintf("urn:pulumi:dev::ai-ready::%s::a%d-%d", accountToken, i, j%4)
				if _, err := c.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{Type: accountToken, Urn: urn, Name: "a", Properties: account}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		var stack []*pulumirpc.AnalyzerResource
		for i := range 8 {
			urn := fmt.Sprintf("urn:pulumi:dev::ai-ready::%s::a%d-0", accountToken, i)
			stack = append(stack, &pulumirpc.AnalyzerResource{Type: accountToken, Urn: urn, Name: "a", Properties: account})
		}
		for range 20 {
			if _, err := c.AnalyzeStack(context.Background(), &pulumirpc.AnalyzeStackRequest{Resources: stack}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	go func() {
		for i := range 20 {
			lvl := pulumirpc.EnforcementLevel_ADVISORY
			if i%2 == 0 {
				lvl = pulumirpc.EnforcementLevel_MANDATORY
			}
			if _, err := c.Configure(context.Background(), &pulumirpc.ConfigureAnalyzerRequest{PolicyConfig: map[string]*pulumirpc.PolicyConfig{"all": level(lvl)}}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 10 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
