package perf

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

var (
	shippedOnce          sync.Once
	shippedCorp, shipOnl []Resource
	errShipped           error
)

// shipped records corp and online once per test process.
func shipped(tb testing.TB) (corp, online []Resource) {
	tb.Helper()
	shippedOnce.Do(func() {
		root, err := engine.RepoRoot()
		if err != nil {
			errShipped = err
			return
		}
		shippedCorp, shipOnl, errShipped = Shipped(root)
	})
	if errShipped != nil {
		tb.Fatal(errShipped)
	}
	return shippedCorp, shipOnl
}

func repoRoot(tb testing.TB) string {
	tb.Helper()
	root, err := engine.RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return root
}

func TestShippedSetsAreLandingZones(t *testing.T) {
	corp, online := shipped(t)
	for name, set := range map[string][]Resource{"corp": corp, "online": online} {
		types := map[string]int{}
		for _, r := range set {
			types[rules.NormalizeType(r.Type)]++
			if strings.HasPrefix(r.Type, "azure-native:") && r.Provider["subscriptionId"].StringValue() == "" {
				t.Errorf("%s: %s has no provider subscription", name, r.URN)
			}
		}
		for _, want := range []string{rules.TypeAccount, rules.TypeDeployment, rules.TypeVirtualNetwork, rules.TypeNSG, rules.TypeManagementGroup, rules.TypePolicyAssignment} {
			if types[want] == 0 {
				t.Errorf("%s has no %s; types: %v", name, want, types)
			}
		}
		t.Logf("%s: %d resources, %d types", name, len(set), len(types))
	}
}

func TestScaleMakesDistinctLandingZones(t *testing.T) {
	corp, online := shipped(t)
	n := 3*(len(corp)+len(online)) + 7
	set := Scale(n, corp, online)
	if len(set) != n {
		t.Fatalf("Scale(%d) gave %d resources", n, len(set))
	}
	urns := map[string]bool{}
	subs := map[string]bool{}
	for _, r := range set {
		if urns[r.URN] {
			t.Fatalf("URN %s twice", r.URN)
		}
		urns[r.URN] = true
		if s := r.Provider["subscriptionId"]; s.IsString() {
			subs[s.StringValue()] = true
		}
	}
	if len(subs) != 7 {
		t.Errorf("want one subscription per copy (7 copies begun), got %d: %v", len(subs), subs)
	}
	for _, r := range set[len(corp)+len(online):] {
		for _, d := range r.Dependencies {
			if !urns[d] {
				t.Errorf("%s depends on %s, outside the set", r.URN, d)
			}
		}
		for k, deps := range r.PropertyDependencies {
			for _, d := range deps {
				if !strings.HasSuffix(d, r.URN[strings.LastIndex(r.URN, "-r"):]) {
					t.Errorf("%s.%s comes from %s, another copy's resource", r.URN, k, d)
				}
			}
		}
	}
}

// findings returns the pack's findings over a set in-process: "<rule> <urn>" sorted.
func findings(tb testing.TB, set []Resource, only map[string]bool) []string {
	tb.Helper()
	pc, err := PolicyConfig(PolicyConfigPath(repoRoot(tb)))
	if err != nil {
		tb.Fatal(err)
	}
	settings, err := Settings(pc)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := Context(settings)
	list := ToRules(set)
	var out []string
	for _, rule := range rules.All() {
		if only != nil && !only[rule.Name] || only == nil && rule.Level == rules.Disabled {
			continue // the analyzer runs no rule whose level is disabled
		}
		if rule.IsStack() {
			for _, f := range rule.CheckStack(ctx, rules.NewStack(list)) {
				out = append(out, rule.Name+" "+f.URN)
			}
			continue
		}
		for _, r := range list {
			for range rule.Run(ctx, r) {
				out = append(out, rule.Name+" "+r.URN)
			}
		}
	}
	sort.Strings(out)
	return out
}

// The shipped stacks comply; so does every copy, each in its own subscription.
func TestScaledSetComplies(t *testing.T) {
	corp, online := shipped(t)
	if got := findings(t, Scale(len(corp)+len(online), corp, online), nil); len(got) > 0 {
		t.Errorf("the shipped stacks have findings: %v", got)
	}
	n := 4 * (len(corp) + len(online))
	if got := findings(t, Scale(n, corp, online), nil); len(got) > 0 {
		t.Errorf("%d resources (whole copies) have %d findings, e.g. %v", n, len(got), got[:min(5, len(got))])
	}
}

// Our server and the policyx server running the same rules report the same
// diagnostics over the same resources.
func TestPolicyxServesTheSameRules(t *testing.T) {
	corp, online := shipped(t)
	set := Scale(len(corp)+len(online), corp, online)
	set = append(set, breakOne(t, corp)...)
	pc, err := PolicyConfig(PolicyConfigPath(repoRoot(t)))
	if err != nil {
		t.Fatal(err)
	}
	settings, err := Settings(pc)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := ServeOurs(analyzer.Options{Name: "aiready-guardrails", Version: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close() //nolint:errcheck // stopping a test server after the test's checks
	px, err := ServePolicyx(PolicyxPack("aiready-guardrails", rules.All(), settings))
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close() //nolint:errcheck // stopping a test server after the test's checks
	ctx := context.Background()
	for _, s := range []*Served{ours, px} {
		if err := Configure(ctx, s.Client, rules.All(), pc); err != nil {
			t.Fatal(err)
		}
	}
	reqs, err := AnalyzeRequests(set)
	if err != nil {
		t.Fatal(err)
	}
	diag := func(s *Served) []string {
		var out []string
		for _, req := range reqs {
			resp, err := s.Client.Analyze(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range resp.GetDiagnostics() {
				out = append(out, d.GetPolicyName()+" "+d.GetUrn())
			}
		}
		res, err := RPCResources(set)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := s.Client.AnalyzeStack(ctx, &pulumirpc.AnalyzeStackRequest{Resources: res})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range resp.GetDiagnostics() {
			out = append(out, d.GetPolicyName()+" "+d.GetUrn())
		}
		sort.Strings(out)
		return out
	}
	a, b := diag(ours), diag(px)
	if len(a) == 0 {
		t.Fatal("the broken resource was not reported")
	}
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("ours:\n%s\npolicyx:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// breakOne returns a copy of the set's first AI account with key access enabled.
func breakOne(t *testing.T, set []Resource) []Resource {
	t.Helper()
	for _, r := range set {
		if rules.NormalizeType(r.Type) != rules.TypeAccount {
			continue
		}
		b := r
		b.URN += "-broken"
		b.Name += "-broken"
		b.Inputs = r.Inputs.Copy()
		p := b.Inputs["properties"].ObjectValue().Copy()
		p["disableLocalAuth"] = resource.NewProperty(false)
		b.Inputs["properties"] = resource.NewProperty(p)
		return []Resource{b}
	}
	t.Fatal("no AI account")
	return nil
}

func TestRegionConfigsRun(t *testing.T) {
	base, err := ShippedConfig(repoRoot(t), "corp")
	if err != nil {
		t.Fatal(err)
	}
	prev := 0
	for _, n := range []int{1, 2, 4, 8} {
		cfg, err := RegionConfig(base, n)
		if err != nil {
			t.Fatal(err)
		}
		regs, err := Run("corp", cfg)
		if err != nil {
			t.Fatalf("%d regions: %v", n, err)
		}
		if len(regs) <= prev {
			t.Errorf("%d regions register %d resources, no more than %d", n, len(regs), prev)
		}
		prev = len(regs)
		t.Logf("%d regions: %d registrations", n, len(regs))
	}
}
