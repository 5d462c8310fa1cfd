package analyzer

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The tests below drive the server the way the engine does in a preview or update:
// Analyze with each resource's inputs, then AnalyzeStack with the resources' outputs
// in azure-native's state shape (input-only properties absent, every output the
// program did not set unknown at preview, a Backend's type the ARM resource type after
// create).

// stackResource is a resource as the program declares it, and how its state differs.
type stackResource struct {
	token, name string
	inputs      map[string]any
	// nameKey is the input that names the resource in Azure: its name output.
	nameKey string
	// inputOnly are the inputs that are not outputs.
	inputOnly []string
	// unset are the outputs the program did not set, with their value after create (nil:
	// absent); at preview they are unknown.
	unset map[string]any
	// armType is the output type after create.
	armType string
	deps    map[string][]string
}

func (r *stackResource) urn() string { return stackURN(r.token, r.name) }

func stackURN(token, name string) string { return "urn:pulumi:corp::ai-ready::" + token + "::" + name }

// outputs returns the resource's state: at preview the inputs that are outputs and an
// unknown for everything else; after create Azure's values.
func (r *stackResource) outputs(preview bool) map[string]any {
	out := map[string]any{}
	for k, v := range r.inputs {
		out[k] = v
	}
	for _, k := range r.inputOnly {
		delete(out, k)
	}
	for k, after := range r.unset {
		switch {
		case preview:
			out[k] = resource.MakeComputed(resource.NewProperty(""))
		case after != nil:
			out[k] = after
		}
	}
	if _, typed := r.inputs["type"]; !typed || !preview {
		out["type"] = r.armType
		if preview {
			out["type"] = resource.MakeComputed(resource.NewProperty(""))
		}
	}
	out["name"] = r.inputs[r.nameKey]
	if preview {
		out["name"] = resource.MakeComputed(resource.NewProperty(""))
	}
	return out
}

var unknownValue = resource.MakeComputed(resource.NewProperty(""))

// gateway returns a corp-like landing zone's gateway as its program declares it: two
// production endpoints in two regions with a regional deployment each (naming its
// account by a literal accountName, an input only), a backend per endpoint, the west
// one without a circuit breaker, and a pool over them. At preview the values that come
// from other resources' outputs are unknown. With linked, the deployments' accountName
// also has a property dependency on the account, as when the program passes the
// account's name output.
func gateway(preview, linked bool) []*stackResource {
	var out []*stackResource
	var members []string
	for _, region := range []string{"eastus", "westus"} {
		name := "contoso-ai-" + region
		acct := &stackResource{token: accountToken, name: name + "-account", nameKey: "accountName", inputOnly: []string{"accountName", "resourceGroupName"},
			armType: "Microsoft.CognitiveServices/accounts", unset: map[string]any{"etag": "etag-1"},
			inputs: map[string]any{
				"accountName": name, "resourceGroupName": "rg-ai-" + region, "location": region, "kind": "OpenAI",
				"sku": map[string]any{"name": "S0"}, "identity": map[string]any{"type": "SystemAssigned"},
				"properties": map[string]any{"customSubDomainName": name, "disableLocalAuth": true, "publicNetworkAccess": "Disabled"},
				"tags":       map[string]any{"aiready-archetype": "corp", "aiready-environment": "production"},
			}}
		dep := &stackResource{token: "azure-native:cognitiveservices:Deployment", name: name + "-deployment-chat", nameKey: "deploymentName",
			inputOnly: []string{"accountName", "deploymentName", "resourceGroupName"}, armType: "Microsoft.CognitiveServices/accounts/deployments",
			unset: map[string]any{"systemData": map[string]any{}},
			inputs: map[string]any{
				"accountName": name, "deploymentName": "chat", "resourceGroupName": "rg-ai-" + region,
				"sku":        map[string]any{"name": "Standard", "capacity": 10},
				"properties": map[string]any{"model": map[string]any{"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}, "raiPolicyName": "Microsoft.DefaultV2"},
			}}
		if linked {
			dep.deps = map[string][]string{"accountName": {acct.urn()}}
		}
		url := any("https://" + name + ".openai.azure.com/openai")
		if preview {
			url = unknownValue
		}
		member := &stackResource{token: "azure-native:apimanagement/v20240501:Backend", name: "contoso-gateway-backend-" + region, nameKey: "backendId",
			inputOnly: []string{"backendId", "serviceName", "resourceGroupName"}, armType: "Microsoft.ApiManagement/service/backends",
			unset: map[string]any{"pool": map[string]any{}, "credentials": map[string]any{}},
			deps:  map[string][]string{"url": {acct.urn()}},
			inputs: map[string]any{
				"backendId": "openai-" + region, "serviceName": "contoso-apim", "resourceGroupName": "rg-gw", "type": "Single", "protocol": "http", "url": url,
			}}
		if region == "eastus" {
			member.inputs["circuitBreaker"] = circuitBreaker()
		} else {
			member.unset["circuitBreaker"] = map[string]any{}
		}
		members = append(members, member.urn())
		out = append(out, acct, dep, member)
	}
	services := []any{}
	for _, region := range []string{"eastus", "westus"} {
		id := any("/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-gw/providers/Microsoft.ApiManagement/service/contoso-apim/backends/openai-" + region)
		if preview {
			id = unknownValue
		}
		services = append(services, map[string]any{"id": id, "priority": 1, "weight": 1})
	}
	out = append(out, &stackResource{token: "azure-native:apimanagement/v20240501:Backend", name: "contoso-gateway-pool", nameKey: "backendId",
		inputOnly: []string{"backendId", "serviceName", "resourceGroupName"}, armType: "Microsoft.ApiManagement/service/backends",
		unset: map[string]any{"circuitBreaker": map[string]any{}, "credentials": map[string]any{}},
		deps:  map[string][]string{"pool": members},
		inputs: map[string]any{
			"backendId": "openai-pool", "serviceName": "contoso-apim", "resourceGroupName": "rg-gw", "type": "Pool",
			"pool": map[string]any{"services": services}, "url": "", "protocol": "",
		}})
	return out
}

func circuitBreaker() map[string]any {
	return map[string]any{"rules": []any{map[string]any{
		"name": "openai-throttling", "acceptRetryAfter": true, "tripDuration": "PT1M",
		"failureCondition": map[string]any{"count": 1, "interval": "PT1M", "statusCodeRanges": []any{map[string]any{"min": 429, "max": 429}}},
	}}}
}

// deploy runs a preview or an update of the resources against a fresh server: Analyze
// of each (unless analyze is false), then AnalyzeStack. It returns the pack's server
// and the stack's diagnostics of policy.
func deploy(t *testing.T, resources []*stackResource, preview, analyze bool, policy string) (*Server, []*pulumirpc.AnalyzeDiagnostic) {
	t.Helper()
	srv, c := startServer(t, Options{})
	ctx := context.Background()
	if _, err := c.ConfigureStack(ctx, &pulumirpc.AnalyzerStackConfigureRequest{Project: "ai-ready", Stack: "corp", DryRun: preview}); err != nil {
		t.Fatal(err)
	}
	var stack []*pulumirpc.AnalyzerResource
	for _, r := range resources {
		if analyze {
			if _, err := c.Analyze(ctx, &pulumirpc.AnalyzeRequest{Type: r.token, Urn: r.urn(), Name: r.name, Properties: props(t, r.inputs)}); err != nil {
				t.Fatal(err)
			}
		}
		ar := &pulumirpc.AnalyzerResource{Type: r.token, Urn: r.urn(), Name: r.name, Properties: props(t, r.outputs(preview))}
		if len(r.deps) > 0 {
			ar.PropertyDependencies = map[string]*pulumirpc.AnalyzerPropertyDependencies{}
			for k, urns := range r.deps {
				ar.PropertyDependencies[k] = &pulumirpc.AnalyzerPropertyDependencies{Urns: urns}
			}
		}
		stack = append(stack, ar)
	}
	resp, err := c.AnalyzeStack(ctx, &pulumirpc.AnalyzeStackRequest{Resources: stack})
	if err != nil {
		t.Fatal(err)
	}
	var out []*pulumirpc.AnalyzeDiagnostic
	for _, d := range resp.GetDiagnostics() {
		if d.GetPolicyName() == policy {
			out = append(out, d)
		}
	}
	return srv, out
}

func describeDiagnostics(ds []*pulumirpc.AnalyzeDiagnostic) []string {
	var out []string
	for _, d := range ds {
		u := d.GetUrn()
		if i := strings.LastIndex(u, "::"); i >= 0 {
			u = u[i+2:]
		}
		out = append(out, strings.ToLower(d.GetEnforcementLevel().String())+" on "+u+": "+d.GetMessage())
	}
	sort.Strings(out)
	return out
}

func TestAnalyzeStackSeesTheAnalyzedInputs(t *testing.T) {
	const policy = "reliability-apim-pool-circuit-breaker"
	const noBreaker = `mandatory on contoso-gateway-backend-westus: pool member backend "contoso-gateway-backend-westus" has no circuit breaker; add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true.`
	cases := []struct {
		name             string
		preview, analyze bool
		want             []string
	}{
		// The deployments name their account by accountName, an input only, and the
		// unset circuit breaker is an unknown output at preview: the inputs tell.
		{"preview", true, true, []string{noBreaker}},
		// After create the backends' output type is the ARM resource type.
		{"update", false, true, []string{noBreaker}},
		// Without Analyze (the state alone) the deployments are not linked to their
		// accounts: as before, the rule sees no regional endpoints.
		{"preview without Analyze", true, false, nil},
		{"update without Analyze", false, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := deploy(t, gateway(tc.preview, false), tc.preview, tc.analyze, policy)
			if got := describeDiagnostics(ds); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("diagnostics of %s:\n got  %q\n want %q", policy, got, tc.want)
			}
		})
	}
	// With the deployments linked by property dependencies, the state alone finds the
	// endpoints, and the unset circuit breaker is unknown at preview: advisory, as before.
	linked := gateway(true, true)
	_, ds := deploy(t, linked, true, false, policy)
	want := `advisory on contoso-gateway-backend-westus: Cannot verify at preview that pool member backend "contoso-gateway-backend-westus" trips on 429: circuitBreaker.rules is not known yet; checked again at update.`
	if got := describeDiagnostics(ds); len(got) != 1 || got[0] != want {
		t.Fatalf("preview without Analyze, deployments linked by dependency:\n got  %q\n want %q", got, want)
	}
	_, ds = deploy(t, linked, true, true, policy)
	if got := describeDiagnostics(ds); len(got) != 1 || got[0] != noBreaker {
		t.Fatalf("preview, deployments linked by dependency:\n got  %q\n want %q", got, noBreaker)
	}
	// The compliant gateway passes at preview and at update.
	for _, preview := range []bool{true, false} {
		fixed := gateway(preview, false)
		for _, r := range fixed {
			if r.name == "contoso-gateway-backend-westus" {
				r.inputs["circuitBreaker"] = circuitBreaker()
				delete(r.unset, "circuitBreaker")
			}
		}
		if _, ds := deploy(t, fixed, preview, true, policy); len(ds) != 0 {
			t.Errorf("compliant gateway (preview %v): %q", preview, describeDiagnostics(ds))
		}
	}
}

func TestAnalyzeRemembersOnlyWhatStackRulesRead(t *testing.T) {
	srv, _ := deploy(t, gateway(true, false), true, true, "")
	if n := len(srv.inputs.byURN); n != len(gateway(true, false)) {
		t.Fatalf("%d inputs remembered, want one per resource of the gateway (%d)", n, len(gateway(true, false)))
	}
	srv, c := startServer(t, Options{})
	ctx := context.Background()
	analyzeOne := func(token, name string) {
		t.Helper()
		if _, err := c.Analyze(ctx, &pulumirpc.AnalyzeRequest{Type: token, Urn: stackURN(token, name), Name: name,
			Properties: props(t, map[string]any{"location": "eastus"})}); err != nil {
			t.Fatal(err)
		}
	}
	remembered := func() []string {
		srv.inputs.mu.RLock()
		defer srv.inputs.mu.RUnlock()
		var out []string
		for u := range srv.inputs.byURN {
			out = append(out, u[strings.LastIndex(u, "::")+2:])
		}
		sort.Strings(out)
		return out
	}
	// azure-policy-assignments reads every type Azure Policy can evaluate; without
	// it, an NSG is read by resource rules only.
	if err := configure(t, c, map[string]*pulumirpc.PolicyConfig{"azure-policy-assignments": level(pulumirpc.EnforcementLevel_DISABLED)}); err != nil {
		t.Fatal(err)
	}
	analyzeOne("azure-native:network:NetworkSecurityGroup", "nsg") // resource rules only
	analyzeOne("aws:s3/bucket:Bucket", "bucket")                   // no rule
	analyzeOne("azure-native:apimanagement/v20240501:Backend", "backend")
	analyzeOne(accountToken, "account")
	if got := remembered(); strings.Join(got, ",") != "account,backend" {
		t.Fatalf("remembered %v, want account and backend", got)
	}
	// A disabled stack rule's types are not remembered (only the pool rule reads backends).
	if err := configure(t, c, map[string]*pulumirpc.PolicyConfig{"reliability-apim-pool-circuit-breaker": level(pulumirpc.EnforcementLevel_DISABLED),
		"azure-policy-assignments": level(pulumirpc.EnforcementLevel_DISABLED)}); err != nil {
		t.Fatal(err)
	}
	analyzeOne("azure-native:apimanagement/v20240501:Backend", "backend2")
	if got := remembered(); strings.Join(got, ",") != "account,backend" {
		t.Fatalf("remembered %v after disabling the pool policy", got)
	}
	// ConfigureStack starts a deployment: earlier inputs are forgotten.
	if _, err := c.ConfigureStack(ctx, &pulumirpc.AnalyzerStackConfigureRequest{Project: "ai-ready", Stack: "corp"}); err != nil {
		t.Fatal(err)
	}
	if got := remembered(); len(got) != 0 {
		t.Fatalf("remembered %v after ConfigureStack", got)
	}
}
