package standin

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil/rpcerror"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

type logLine struct {
	sev diag.Severity
	urn resource.URN
	msg string
}

// faultyProvider is an azure-native stand-in with a cloud and a fault plan in dir,
// recording what it logs.
func faultyProvider(t *testing.T, plan FaultPlan) (*Provider, *Cloud, *[]logLine) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "faults.json")
	must(t, WriteFaultPlan(path, plan))
	t.Setenv(EnvFaults, path)
	t.Setenv(EnvCloud, filepath.Join(dir, "cloud"))
	var mu sync.Mutex
	var lines []logLine
	p := New(AzureNative(azschema.ForTest(t)), func(sev diag.Severity, urn resource.URN, msg string) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, logLine{sev, urn, msg})
	})
	return p, p.pkg.Cloud, &lines
}

func rgInputs(name string) map[string]any {
	return map[string]any{"location": "swedencentral", "resourceGroupName": name}
}

const rgToken = "azure-native:resources:ResourceGroup"

func createRG(p *Provider, name string, timeout float64) (*pulumirpc.CreateResponse, error) {
	s, err := p.marshal("in", resource.NewPropertyMapFromMap(rgInputs(name)), inputOpts)
	if err != nil {
		return nil, err
	}
	return p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn(rgToken, name), Properties: s, Timeout: timeout})
}

func rgID(name string) string {
	return "/subscriptions/" + FakeSubscriptionID + "/resourceGroups/" + name
}

// TestFaultError: the Nth matching create fails with azure-native's rendering of
// ARM's error body, and nothing is created; the calls before and after succeed.
func TestFaultError(t *testing.T) {
	p, cloud, _ := faultyProvider(t, FaultPlan{Faults: []Fault{{
		Op: "create", Type: "resources:ResourceGroup", Nth: 2, Kind: FaultError,
		Status: 403, Code: "RequestDisallowedByPolicy", Message: "Resource 'rg-b' was disallowed by policy.",
	}}})
	for _, name := range []string{"rg-a", "rg-b", "rg-c"} {
		_, err := createRG(p, name, 0)
		_, exists, gerr := cloud.Get(rgID(name))
		must(t, gerr)
		if name == "rg-b" {
			if want := `Status=403 Code="RequestDisallowedByPolicy" Message="Resource 'rg-b' was disallowed by policy."`; err == nil || err.Error() != want {
				t.Errorf("create %s: err = %v, want %s", name, err, want)
			}
			if exists {
				t.Errorf("a refused create left %s in the cloud", name)
			}
			continue
		}
		if err != nil || !exists {
			t.Errorf("create %s: err = %v, in the cloud %v; want it created", name, err, exists)
		}
	}
}

// TestCreateRefusesAnExistingResource: as azure-native's Create checks first, a
// resource that exists in Azure is not created again.
func TestCreateRefusesAnExistingResource(t *testing.T) {
	p, cloud, _ := faultyProvider(t, FaultPlan{})
	if _, err := createRG(p, "rg-a", 0); err != nil {
		t.Fatal(err)
	}
	rec, ok, err := cloud.Get(rgID("rg-a"))
	if err != nil || !ok || rec.URN != urn(rgToken, "rg-a") {
		t.Fatalf("record = %+v, %v, %v; want the resource with its URN", rec, ok, err)
	}
	_, err = createRG(p, "rg-a", 0)
	if want := "cannot create already existing resource '" + rgID("rg-a") + "'"; err == nil || err.Error() != want {
		t.Errorf("second create: err = %v, want %s", err, want)
	}
}

// TestFaultAccepted: ARM accepted the create and its operation failed: the error
// carries the resource's id and state, so the engine keeps the resource.
func TestFaultAccepted(t *testing.T) {
	p, cloud, _ := faultyProvider(t, FaultPlan{Faults: []Fault{{
		Op: "create", Kind: FaultAccepted, Status: 500, Code: "InternalServerError", Message: "the operation failed",
	}}})
	_, err := createRG(p, "rg-a", 0)
	if err == nil {
		t.Fatal("create succeeded")
	}
	var detail *pulumirpc.ErrorResourceInitFailed
	for _, d := range rpcerror.Convert(err).Details() {
		if e, ok := d.(*pulumirpc.ErrorResourceInitFailed); ok {
			detail = e
		}
	}
	if detail == nil || detail.GetId() != rgID("rg-a") || len(detail.GetReasons()) != 1 ||
		detail.GetReasons()[0] != `Status=500 Code="InternalServerError" Message="the operation failed"` {
		t.Fatalf("err = %v, detail = %v; want a partial failure with the id and the reason", err, detail)
	}
	if _, ok, _ := cloud.Get(rgID("rg-a")); !ok {
		t.Error("the accepted resource is not in the cloud")
	}
}

// TestFaultThrottle: a 429 with Retry-After is retried up to 3 times, saying so on
// the resource; a fourth 429 reaches the engine.
func TestFaultThrottle(t *testing.T) {
	p, _, lines := faultyProvider(t, FaultPlan{Faults: []Fault{
		{Op: "create", Name: "rg-a", Kind: FaultThrottle, Times: 2, RetryAfter: 1},
		{Op: "create", Name: "rg-b", Kind: FaultThrottle, Times: Retries + 1, RetryAfter: 1, Status: 503, Code: "ServiceUnavailable", Message: "try later"},
	}})
	start := time.Now()
	if _, err := createRG(p, "rg-a", 0); err != nil {
		t.Fatalf("two throttles: %v; want them retried", err)
	}
	if took := time.Since(start); took < 2*time.Second {
		t.Errorf("two retries took %s; want Retry-After (1s) honoured each time", took)
	}
	want := `Azure answered Status=429 Code="TooManyRequests" Message="the stand-in's injected fault" to the create of ` + rgID("rg-a") +
		` (Retry-After: 1); retrying in 1s as azure-native's client does (retry 1 of 3)`
	if len(*lines) < 2 || (*lines)[0].msg != want || (*lines)[0].sev != diag.Warning || (*lines)[0].urn != resource.URN(urn(rgToken, "rg-a")) {
		t.Errorf("log = %+v, want first %q on the resource", *lines, want)
	}
	_, err := createRG(p, "rg-b", 0)
	if want := `Status=503 Code="ServiceUnavailable" Message="try later"`; err == nil || err.Error() != want {
		t.Errorf("persistent throttle: err = %v, want %s", err, want)
	}
}

// TestFaultHang: a hanging create fails at its timeout ("operation timed out", as
// azure-native says), or when the engine cancels it; an applied one exists anyway.
func TestFaultHang(t *testing.T) {
	p, cloud, _ := faultyProvider(t, FaultPlan{Faults: []Fault{
		{Op: "create", Name: "rg-a", Kind: FaultHang, Applied: true},
		{Op: "create", Name: "rg-b", Kind: FaultHang},
	}})
	if _, err := createRG(p, "rg-a", 1); err == nil || err.Error() != "operation timed out" {
		t.Errorf("hang past a 1s timeout: err = %v, want operation timed out", err)
	}
	if _, ok, _ := cloud.Get(rgID("rg-a")); !ok {
		t.Error("Azure carried the timed-out create out (applied), but the cloud lacks it")
	}
	done := make(chan error)
	go func() { _, err := createRG(p, "rg-b", 0); done <- err }()
	time.Sleep(100 * time.Millisecond)
	if _, err := p.Cancel(context.Background(), &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled hang: err = %v, want context canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not stop a hanging create")
	}
	if _, ok, _ := cloud.Get(rgID("rg-b")); ok {
		t.Error("a cancelled create that was not applied is in the cloud")
	}
}

// TestFaultPlanChanges: counts start again when the plan changes; an empty plan
// injects nothing; a bad plan is refused when written.
func TestFaultPlanChanges(t *testing.T) {
	p, _, _ := faultyProvider(t, FaultPlan{Faults: []Fault{{Op: "create", Nth: 1, Kind: FaultError}}})
	if _, err := createRG(p, "rg-a", 0); err == nil {
		t.Fatal("the first create did not fail")
	}
	if _, err := createRG(p, "rg-a", 0); err != nil {
		t.Fatalf("the fault fired twice: %v", err)
	}
	path := p.faults.path
	must(t, WriteFaultPlan(path, FaultPlan{Faults: []Fault{{Op: "create", Nth: 1, Kind: FaultError, Message: "again"}}}))
	if _, err := createRG(p, "rg-b", 0); err == nil || !strings.Contains(err.Error(), `Message="again"`) {
		t.Errorf("a new plan's first create: err = %v, want its fault", err)
	}
	must(t, WriteFaultPlan(path, FaultPlan{}))
	if _, err := createRG(p, "rg-b", 0); err != nil {
		t.Errorf("an empty plan injected %v", err)
	}
	for _, bad := range []Fault{{Op: "create", Kind: "explode"}, {Op: "read", Kind: FaultError}, {Op: "create", Kind: FaultError, Nth: -1}} {
		if err := WriteFaultPlan(path, FaultPlan{Faults: []Fault{bad}}); err == nil {
			t.Errorf("plan with %+v accepted", bad)
		}
	}
}

// TestReadShowsOutOfBandChanges: a resource changed in the cloud reads back with
// the change in its inputs and outputs; an unchanged one keeps its state as given.
func TestReadShowsOutOfBandChanges(t *testing.T) {
	p, cloud, _ := faultyProvider(t, FaultPlan{})
	in := map[string]any{
		"resourceGroupName": "rg-ai", "accountName": "oai-sweden", "kind": "OpenAI", "location": "swedencentral",
		"properties": map[string]any{"customSubDomainName": "oai-sweden", "publicNetworkAccess": "Disabled"},
		"tags":       map[string]any{"owner": resource.MakeSecret(resource.NewProperty("ai"))},
	}
	token := "azure-native:cognitiveservices:Account"
	inputs := mustStruct(t, props(in))
	resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn(token, "oai"), Properties: inputs})
	if err != nil {
		t.Fatal(err)
	}
	read := func() *pulumirpc.ReadResponse {
		t.Helper()
		r, err := p.Read(context.Background(), &pulumirpc.ReadRequest{Id: resp.GetId(), Urn: urn(token, "oai"), Properties: resp.GetProperties(), Inputs: inputs})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := read(); r.GetInputs() != inputs || r.GetProperties() != resp.GetProperties() {
		t.Error("an unchanged resource did not keep its state as given")
	}
	must(t, cloud.Edit(resp.GetId(), func(m map[string]any) error {
		m["properties"].(map[string]any)["publicNetworkAccess"] = "Enabled"
		return nil
	}))
	r := read()
	gotIn, gotOut := mustProps(t, r.GetInputs()), mustProps(t, r.GetProperties())
	if v := gotIn["properties"].ObjectValue()["publicNetworkAccess"]; v.StringValue() != "Enabled" {
		t.Errorf("inputs after the change: publicNetworkAccess = %v, want Enabled", v)
	}
	if v := gotOut["properties"].ObjectValue()["publicNetworkAccess"]; v.StringValue() != "Enabled" {
		t.Errorf("outputs after the change: publicNetworkAccess = %v, want Enabled", v)
	}
	if owner := gotIn["tags"].ObjectValue()["owner"]; !owner.IsSecret() {
		t.Errorf("a secret input read back as %v, want it still secret", owner)
	}
	if err := cloud.Edit("/subscriptions/x/nothing", func(map[string]any) error { return nil }); err == nil {
		t.Error("editing a resource the cloud lacks succeeded")
	}
}
