package perf

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/azpolicy"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The benchmark tenant (issue 12): the 20 definitions of
// testdata/azpolicy/definitions.json (custom rules in the patterns Azure's
// built-ins use, over the stacks' types) in 10 variants each ({{n}} = 0..9),
// 200 definitions, each assigned at the management group alz, above the
// stacks' parents corp and online.
const (
	azpolicyVariants = 10
	azpolicyRoot     = azpolicy.ManagementGroupScope + "alz"
)

// azpolicyGroups places the stacks' parent groups under alz, as pack config
// azurePolicyManagementGroups.
var azpolicyGroups = map[string]any{"corp": "landingzones", "online": "landingzones", "landingzones": "alz", "alz": ""}

// azpolicyTenant writes the benchmark tenant's export (`az policy definition
// list` and `az policy assignment list` shapes) to a directory and returns the
// two files.
func azpolicyTenant(tb testing.TB) (definitions, assignments string) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "azpolicy", "definitions.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var defs, as []any
	for n := range azpolicyVariants {
		var list []map[string]any
		if err := json.Unmarshal([]byte(strings.ReplaceAll(string(data), "{{n}}", fmt.Sprint(n))), &list); err != nil {
			tb.Fatal(err)
		}
		for _, d := range list {
			name := d["name"].(string)
			d["id"] = azpolicyRoot + "/providers/Microsoft.Authorization/policyDefinitions/" + name
			defs = append(defs, d)
			as = append(as, map[string]any{
				"id": azpolicyRoot + "/providers/Microsoft.Authorization/policyAssignments/a-" + name, "name": "a-" + name,
				"scope": azpolicyRoot, "policyDefinitionId": d["id"], "enforcementMode": "Default",
			})
		}
	}
	dir := tb.TempDir()
	definitions, assignments = filepath.Join(dir, "definitions.json"), filepath.Join(dir, "assignments.json")
	for path, v := range map[string]any{definitions: defs, assignments: as} {
		b, err := json.Marshal(v)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return definitions, assignments
}

// azpolicyConfig is the example organisation's policy config with
// azure-policy-assignments given the benchmark tenant.
func azpolicyConfig(tb testing.TB) map[string]map[string]any {
	tb.Helper()
	pc, _ := exampleConfig(tb)
	defs, as := azpolicyTenant(tb)
	pc[rules.AzurePolicyAssignments.Name] = map[string]any{
		"azurePolicyFiles": []any{defs, as}, "azurePolicyManagementGroups": azpolicyGroups,
	}
	return pc
}

// azpolicyServer is the pack's analyzer configured with the benchmark tenant
// and azure-policy-assignments mandatory.
func azpolicyServer(tb testing.TB) *analyzer.Server {
	tb.Helper()
	srv := newServer(tb)
	req, err := ConfigureRequest(rules.All(), azpolicyConfig(tb))
	if err != nil {
		tb.Fatal(err)
	}
	req.PolicyConfig[rules.AzurePolicyAssignments.Name].EnforcementLevel = pulumirpc.EnforcementLevel_MANDATORY
	if _, err := srv.Configure(context.Background(), req); err != nil {
		tb.Fatal(err)
	}
	return srv
}

// BenchmarkAzurePolicyAnalyzeStack times the analyzer's AnalyzeStack (decoding
// and every stack rule) with azure-policy-assignments enabled and the 200
// definitions assigned: the target is < 100 ms at 10,000 resources.
func BenchmarkAzurePolicyAnalyzeStack(b *testing.B) {
	benchAnalyzeStack(b, azpolicyServer(b))
}

// BenchmarkAzurePolicyRule times the azure-policy-assignments policy alone over
// the stack (its index included), with the 200 definitions assigned; findings
// is how many it reports (each a formatted message).
func BenchmarkAzurePolicyRule(b *testing.B) {
	s, err := Settings(azpolicyConfig(b))
	if err != nil {
		b.Fatal(err)
	}
	ctxs := twoContexts(s)
	for _, n := range sizes {
		list := ToRules(realistic(b, n))
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i, findings := 0, 0
			for b.Loop() {
				findings = len(rules.AzurePolicyAssignments.CheckStack(ctxs[i%2], rules.NewStack(list)))
				i++
			}
			perResource(b, n)
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// placed is a perf resource in the ARM shape with where it is, as the pack's
// policy places it.
type placed struct {
	res *azpolicy.Resource
	at  azpolicy.Placement
}

// armSet converts the azure-native resources of a set the conversion table
// holds, with their subscriptions' management groups (the set's own
// ManagementGroup and ManagementGroupSubscription resources under
// azpolicyGroups).
func armSet(tb testing.TB, set []Resource) []placed {
	tb.Helper()
	h := azpolicy.NewHierarchy()
	for k, v := range azpolicyGroups {
		h.SetParent(k, v.(string))
	}
	inputs := make([]map[string]any, len(set))
	for i, r := range set {
		inputs[i] = evaluatorValues(r.Inputs)
		h.AddNative(r.Type, inputs[i])
	}
	var out []placed
	for i, r := range set {
		sub, _ := evaluatorValues(r.Provider)["subscriptionId"].(string)
		res, err := azpolicy.FromAzureNative(r.Type, inputs[i], &azpolicy.ConvertOptions{SubscriptionID: sub})
		if err != nil {
			continue
		}
		p := placed{res: res, at: azpolicy.Placement{Containers: h.Containers(sub)}}
		p.at.ID, _ = res.ARM["id"].(string)
		out = append(out, p)
	}
	return out
}

// evaluatorValues are a property map's values as the evaluator reads them:
// computed values and unknown outputs are azpolicy.Unknown, secrets their values.
func evaluatorValues(m resource.PropertyMap) map[string]any {
	return m.MapRepl(nil, func(v resource.PropertyValue) (any, bool) {
		switch {
		case v.IsComputed(), v.IsOutput() && !v.OutputValue().Known:
			return azpolicy.Unknown, true
		case v.IsOutput():
			return evaluatorValues(resource.PropertyMap{"v": v.OutputValue().Element})["v"], true
		case v.IsSecret():
			return evaluatorValues(resource.PropertyMap{"v": v.SecretValue().Element})["v"], true
		}
		return nil, false
	})
}

// azpolicyAssessment resolves the benchmark tenant's 200 assignments.
func azpolicyAssessment(tb testing.TB) *azpolicy.Assessment {
	tb.Helper()
	defs, as := azpolicyTenant(tb)
	e := azpolicy.NewExport()
	for _, f := range []string{defs, as} {
		if err := e.AddFile(f, azpolicy.AnyKind); err != nil {
			tb.Fatal(err)
		}
	}
	return azpolicy.Assess(e.Library, e.Assignments, nil, nil)
}

// BenchmarkAzurePolicyDefinitions200 times the evaluator over the perf sets:
// evaluate is each of the 200 bound policies on each converted resource
// (Policy.Evaluate), assess the same through Assessment.Evaluate (scope,
// notScopes and exemptions applied at the resource's placement, as the pack's
// policy calls it). ns/pair is per resource×definition pair: the target is < 1 µs.
func BenchmarkAzurePolicyDefinitions200(b *testing.B) {
	as := azpolicyAssessment(b)
	var policies []*azpolicy.Policy
	for _, a := range as.Assignments {
		policies = append(policies, a.Policies...)
	}
	if len(policies) != 20*azpolicyVariants {
		b.Fatalf("%d policies bound, want %d", len(policies), 20*azpolicyVariants)
	}
	ctx := &azpolicy.Context{ResourceGroup: map[string]any{"name": "rg", "tags": map[string]any{}},
		Related: func(azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) { return nil, true }}
	for _, n := range sizes {
		set := armSet(b, realistic(b, n))
		pairs := float64(len(set) * len(policies))
		b.Run(fmt.Sprintf("evaluate/resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range set {
					for _, p := range policies {
						_ = p.Evaluate(r.res, ctx)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pairs, "ns/pair")
			b.ReportMetric(float64(len(set)), "converted")
		})
		b.Run(fmt.Sprintf("assess/resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range set {
					as.Evaluate(r.res, r.at, ctx, func(azpolicy.Verdict) {})
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pairs, "ns/pair")
		})
	}
}

// TestAzurePolicyBenchmarkCoversEveryResource: the benchmark measures real
// work: every converted resource of the set is placed under alz and gets a
// verdict from each of the 200 assignments, and the tenant's rules find
// something (so a broken alias or scope would not make the figures a no-op).
func TestAzurePolicyBenchmarkCoversEveryResource(t *testing.T) {
	as := azpolicyAssessment(t)
	set := armSet(t, realistic(t, 1000))
	if len(set) < 500 {
		t.Fatalf("%d of 1,000 resources converted", len(set))
	}
	ctx := &azpolicy.Context{Related: func(azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) { return nil, true }}
	outcomes := map[azpolicy.Outcome]int{}
	applicable := 0
	for _, r := range set {
		for _, a := range as.Assignments {
			for _, p := range a.Policies {
				if p.AppliesToType(r.res.Type()) {
					applicable++
				}
			}
		}
		verdicts := 0
		as.Evaluate(r.res, r.at, ctx, func(v azpolicy.Verdict) {
			verdicts++
			outcomes[v.Result.Outcome]++
		})
		if verdicts != 200 {
			t.Fatalf("%s %q: %d verdicts, want 200 (placement %v)", r.res.Type(), r.res.Name(), verdicts, r.at)
		}
	}
	if outcomes[azpolicy.NonCompliant] == 0 || outcomes[azpolicy.Compliant] == 0 {
		t.Errorf("outcomes %v: want compliant and non-compliant verdicts", outcomes)
	}
	t.Logf("%d resources converted, %d pairs whose if can be true for the type (the policy evaluates those); outcomes: %v", len(set), applicable, outcomes)
}

// TestAzurePolicyTypeFilterKeepsVerdicts: skipping the policies whose if
// cannot be true for a resource's type (OnlyApplicable, the assignments to
// visit found once per type) drops only verdicts the pack does not report: on
// the 1,000 set with the 200 definitions, the non-compliant, cannot-verify and
// implicit-deny verdicts, their reasons included, are the same and in the same
// order with and without it.
func TestAzurePolicyTypeFilterKeepsVerdicts(t *testing.T) {
	as := azpolicyAssessment(t)
	set := armSet(t, realistic(t, 1000))
	ctx := &azpolicy.Context{Related: func(azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) { return nil, true }}
	type seen struct {
		a       *azpolicy.Assessed
		p       *azpolicy.Policy
		outcome azpolicy.Outcome
		reason  string
	}
	run := func(r placed, only bool) (n int, reported []seen) {
		as.OnlyApplicable = only
		as.Evaluate(r.res, r.at, ctx, func(v azpolicy.Verdict) {
			n++
			switch v.Result.Outcome {
			case azpolicy.NonCompliant, azpolicy.CannotVerify, azpolicy.ImplicitDeny:
				reported = append(reported, seen{v.Assessed, v.Policy, v.Result.Outcome, v.Result.Reason()})
			}
		})
		return n, reported
	}
	skipped, reported := 0, 0
	for _, r := range set {
		all, want := run(r, false)
		some, got := run(r, true)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %q: with the type filter %v, without %v", r.res.Type(), r.res.Name(), got, want)
		}
		skipped += all - some
		reported += len(got)
	}
	if skipped == 0 || reported == 0 {
		t.Fatalf("%d verdicts skipped, %d reported: the set does not exercise the filter", skipped, reported)
	}
	t.Logf("%d verdicts skipped by the type filter, %d reported alike", skipped, reported)
}
