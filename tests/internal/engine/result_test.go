package engine

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

const vnetURN = "urn:pulumi:corp::ai-ready::aiready:network:SecureNetwork$azure-native:network:VirtualNetwork::vnet"

func pre(op apitype.OpType, urn string, keys ...string) events.EngineEvent {
	return events.EngineEvent{EngineEvent: apitype.EngineEvent{ResourcePreEvent: &apitype.ResourcePreEvent{
		Metadata: apitype.StepEventMetadata{Op: op, URN: urn, Keys: keys, Diffs: keys},
	}}}
}

func TestResultReplaceSteps(t *testing.T) {
	r := newResult("preview")
	r.add(pre(apitype.OpCreateReplacement, vnetURN, "location"))
	r.add(pre(apitype.OpReplace, vnetURN, "location"))
	r.add(pre(apitype.OpDeleteReplaced, vnetURN))
	s := r.Steps[vnetURN]
	if s.Op != "replace" || strings.Join(s.Replaces, ",") != "location" {
		t.Errorf("step = %+v, want one replace on location", s)
	}
	if s.Type != "azure-native:network:VirtualNetwork" {
		t.Errorf("type = %q, want it taken from the URN", s.Type)
	}
	if ch := r.Changes(); len(ch) != 1 {
		t.Errorf("changes = %v, want the replacement", ch)
	}
}

func TestResultCountsAndViolations(t *testing.T) {
	r := newResult("preview")
	for _, u := range []string{
		"urn:pulumi:corp::ai-ready::pulumi:pulumi:Stack::ai-ready-corp",
		"urn:pulumi:corp::ai-ready::pulumi:providers:azure-native::default_2_90_0",
		"urn:pulumi:corp::ai-ready::aiready:network:SecureNetwork::net",
		vnetURN,
		"urn:pulumi:corp::ai-ready::azuread:index/group:Group::owners",
	} {
		r.add(pre(apitype.OpSame, u))
	}
	c := r.Counts()
	if c.Total != 5 || c.Azure != 1 || c.EntraID != 1 || c.Components != 1 || c.Providers != 1 {
		t.Errorf("counts = %+v", c)
	}
	if !strings.Contains(c.String(), "1 stack") || !strings.Contains(c.Table(), "azure-native:network:VirtualNetwork") {
		t.Errorf("counts render as %q / %q", c, c.Table())
	}
	if len(r.Changes()) != 0 {
		t.Errorf("same steps count as changes: %v", r.Changes())
	}
	for _, level := range []string{"advisory", "mandatory"} {
		r.add(events.EngineEvent{EngineEvent: apitype.EngineEvent{PolicyEvent: &apitype.PolicyEvent{
			PolicyName: "p-" + level, EnforcementLevel: level, Message: "why\nmore", ResourceURN: vnetURN,
		}}})
	}
	if m, a := r.Mandatory(), r.Advisory(); len(m) != 1 || m[0].Policy != "p-mandatory" || len(a) != 1 || a[0].Policy != "p-advisory" {
		t.Errorf("mandatory %v, advisory %v", m, a)
	}
	if got := r.Mandatory()[0].String(); got != "[mandatory] p-mandatory on vnet (azure-native:network:VirtualNetwork): why ..." {
		t.Errorf("violation renders as %q", got)
	}
}

func TestTestsDir(t *testing.T) {
	dir, err := TestsDir()
	if err != nil {
		t.Fatal(err)
	}
	if !isTestsModule(dir) {
		t.Errorf("TestsDir() = %s, which does not hold the tests module", dir)
	}
}

func TestCacheDirHonoursEnv(t *testing.T) {
	want := t.TempDir()
	t.Setenv("AIREADY_CACHE", want)
	if got, err := CacheDir(); err != nil || got != want {
		t.Errorf("CacheDir() = %q, %v; want %q", got, err, want)
	}
}
