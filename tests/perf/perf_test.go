package perf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/config"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/tests/perf/jsonrules"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The sizes of the realistic sets (issue 8: 1,000 and 10,000 resources).
var sizes = []int{1000, 10000}

const (
	packName    = "aiready-guardrails"
	packVersion = "0.1.0"
)

var (
	setsMu sync.Mutex
	sets   = map[int][]Resource{}
)

// realistic returns the realistic set of n resources, built once per process.
func realistic(b testing.TB, n int) []Resource {
	b.Helper()
	corp, online := shipped(b)
	setsMu.Lock()
	defer setsMu.Unlock()
	if s, ok := sets[n]; ok {
		return s
	}
	s := Scale(n, corp, online)
	sets[n] = s
	return s
}

// exampleConfig returns the example organisation's policy config and its settings.
func exampleConfig(b testing.TB) (map[string]map[string]any, *config.Settings) {
	b.Helper()
	pc, err := PolicyConfig(PolicyConfigPath(repoRoot(b)))
	if err != nil {
		b.Fatal(err)
	}
	s, err := Settings(pc)
	if err != nil {
		b.Fatal(err)
	}
	return pc, s
}

// twoContexts returns two equal contexts: a benchmark alternates them pass by pass so
// that no pass reuses the previous pass's cached classification, as each Analyze call
// builds a new resource.
func twoContexts(s *config.Settings) [2]*rules.Context {
	return [2]*rules.Context{Context(s), Context(s)}
}

func perResource(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
}

// BenchmarkRule times each resource rule on one resource of the types it reads, over
// those resources of the 1,000-resource set in turn (ns/op is per resource).
func BenchmarkRule(b *testing.B) {
	_, settings := exampleConfig(b)
	ctxs := twoContexts(settings)
	list := ToRules(realistic(b, 1000))
	for _, rule := range rules.All() {
		if rule.IsStack() {
			continue
		}
		var mine []*rules.Resource
		for _, r := range list {
			if rule.Applies(r) {
				mine = append(mine, r)
			}
		}
		if len(mine) == 0 {
			continue
		}
		b.Run(rule.Name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				pass := i / len(mine)
				_ = rule.Check(ctxs[pass%2], mine[i%len(mine)])
				i++
			}
		})
	}
}

// BenchmarkStackRule times each stack rule over the whole set, the stack's index
// (rules.NewStack, shared by all stack rules in the analyzer) included, and the index
// alone.
func BenchmarkStackRule(b *testing.B) {
	_, settings := exampleConfig(b)
	ctxs := twoContexts(settings)
	for _, n := range sizes {
		list := ToRules(realistic(b, n))
		b.Run(fmt.Sprintf("NewStack/resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = rules.NewStack(list)
			}
			perResource(b, n)
		})
		for _, rule := range rules.All() {
			if !rule.IsStack() {
				continue
			}
			b.Run(fmt.Sprintf("%s/resources=%d", rule.Name, n), func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					_ = rule.CheckStack(ctxs[i%2], rules.NewStack(list))
					i++
				}
				perResource(b, n)
			})
		}
	}
}

// BenchmarkPack times the whole pack in-process over a set, decoding excluded:
// resource-rules is every resource rule on every resource it reads (as Analyze
// dispatches them), stack-rules the stack's index and every stack rule (as
// AnalyzeStack runs them), all both. ns/resource of all is the target's figure
// (< 20 µs); the 10,000 figure over the 1,000 one shows how the cost scales.
func BenchmarkPack(b *testing.B) {
	_, settings := exampleConfig(b)
	ctxs := twoContexts(settings)
	all := rules.All()
	idx := rules.NewIndex(all)
	var stackRules []*rules.Rule
	for _, r := range all {
		if r.IsStack() {
			stackRules = append(stackRules, r)
		}
	}
	resourceRules := func(ctx *rules.Context, list []*rules.Resource) {
		for _, r := range list {
			for _, rule := range idx[r.Type] {
				_ = rule.Check(ctx, r)
			}
		}
	}
	stack := func(ctx *rules.Context, list []*rules.Resource) {
		s := rules.NewStack(list)
		for _, rule := range stackRules {
			_ = rule.CheckStack(ctx, s)
		}
	}
	for _, part := range []struct {
		name string
		run  func(*rules.Context, []*rules.Resource)
	}{
		{"resource-rules", resourceRules},
		{"stack-rules", stack},
		{"all", func(ctx *rules.Context, list []*rules.Resource) { resourceRules(ctx, list); stack(ctx, list) }},
	} {
		for _, n := range sizes {
			list := ToRules(realistic(b, n))
			b.Run(fmt.Sprintf("%s/resources=%d", part.name, n), func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					part.run(ctxs[i%2], list)
					i++
				}
				perResource(b, n)
			})
		}
	}
}

// newServer returns the pack's analyzer, configured as the engine configures it.
func newServer(b testing.TB) *analyzer.Server {
	b.Helper()
	pc, _ := exampleConfig(b)
	srv, err := analyzer.New(analyzer.Options{Name: packName, Version: packVersion})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := srv.ConfigureStack(ctx, StackConfigureRequest()); err != nil {
		b.Fatal(err)
	}
	req, err := ConfigureRequest(rules.All(), pc)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := srv.Configure(ctx, req); err != nil {
		b.Fatal(err)
	}
	return srv
}

// BenchmarkAnalyzeInProcess times the analyzer's Analyze called directly (no gRPC):
// decoding the engine's struct, dispatching, the rules; ns/op is per resource.
func BenchmarkAnalyzeInProcess(b *testing.B) {
	srv := newServer(b)
	reqs, err := AnalyzeRequests(realistic(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := srv.Analyze(ctx, reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAnalyzeStackInProcess times the analyzer's AnalyzeStack called directly
// (no gRPC), decoding included: the target is < 100 ms for 10,000 resources.
func BenchmarkAnalyzeStackInProcess(b *testing.B) {
	benchAnalyzeStack(b, newServer(b))
}

// benchAnalyzeStack times srv's AnalyzeStack over each of the sizes' realistic
// stacks, per resource.
func benchAnalyzeStack(b *testing.B, srv *analyzer.Server) {
	ctx := context.Background()
	for _, n := range sizes {
		res, err := RPCResources(realistic(b, n))
		if err != nil {
			b.Fatal(err)
		}
		req := &pulumirpc.AnalyzeStackRequest{Resources: res}
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := srv.AnalyzeStack(ctx, req); err != nil {
					b.Fatal(err)
				}
			}
			perResource(b, n)
		})
	}
}

var (
	servedOnce sync.Once
	servedOurs *Served
	servedPx   *Served
	servedNoop *Served
	errServed  error
)

// servers returns our analyzer, the policyx one running the same rules and a no-op
// one (the transport floor), each on a loopback port of this process, configured
// alike; once per process (policyx's server cannot be stopped).
func servers(b testing.TB) (ours, px, noop *Served) {
	b.Helper()
	pc, settings := exampleConfig(b)
	servedOnce.Do(func() {
		ctx := context.Background()
		if servedOurs, errServed = ServeOurs(analyzer.Options{Name: packName, Version: packVersion}); errServed != nil {
			return
		}
		if servedPx, errServed = ServePolicyx(PolicyxPack(packName, rules.All(), settings)); errServed != nil {
			return
		}
		if servedNoop, errServed = ServeNoop(); errServed != nil {
			return
		}
		for _, s := range []*Served{servedOurs, servedPx} {
			if errServed = Configure(ctx, s.Client, rules.All(), pc); errServed != nil {
				return
			}
		}
	})
	if errServed != nil {
		b.Fatal(errServed)
	}
	return servedOurs, servedPx, servedNoop
}

// BenchmarkServerAnalyze times Analyze through gRPC on loopback, one resource a call
// over the 1,000-resource set, our server beside policyx's running the same rules and
// beside a server that answers without looking (transport: the gRPC floor).
func BenchmarkServerAnalyze(b *testing.B) {
	ours, px, noop := servers(b)
	reqs, err := AnalyzeRequests(realistic(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, s := range []struct {
		name string
		c    pulumirpc.AnalyzerClient
	}{{"ours", ours.Client}, {"policyx", px.Client}, {"transport", noop.Client}} {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := s.c.Analyze(ctx, reqs[i%len(reqs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkServerAnalyzeStack times AnalyzeStack through gRPC on loopback, ours beside
// policyx's and the transport floor, over 1,000 and 10,000 resources.
func BenchmarkServerAnalyzeStack(b *testing.B) {
	ours, px, noop := servers(b)
	ctx := context.Background()
	for _, n := range sizes {
		res, err := RPCResources(realistic(b, n))
		if err != nil {
			b.Fatal(err)
		}
		req := &pulumirpc.AnalyzeStackRequest{Resources: res}
		for _, s := range []struct {
			name string
			c    pulumirpc.AnalyzerClient
		}{{"ours", ours.Client}, {"policyx", px.Client}, {"transport", noop.Client}} {
			b.Run(fmt.Sprintf("%s/resources=%d", s.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.c.AnalyzeStack(ctx, req); err != nil {
						b.Fatal(err)
					}
				}
				perResource(b, n)
			})
		}
	}
}

// BenchmarkServerPreview times what a preview asks of a pack through gRPC: Analyze of
// every resource, then AnalyzeStack (after ConfigureStack, which starts a deployment),
// ours beside policyx's and the transport floor.
func BenchmarkServerPreview(b *testing.B) {
	ours, px, noop := servers(b)
	ctx := context.Background()
	for _, n := range sizes {
		set := realistic(b, n)
		reqs, err := AnalyzeRequests(set)
		if err != nil {
			b.Fatal(err)
		}
		res, err := RPCResources(set)
		if err != nil {
			b.Fatal(err)
		}
		stackReq := &pulumirpc.AnalyzeStackRequest{Resources: res}
		for _, s := range []struct {
			name string
			c    pulumirpc.AnalyzerClient
		}{{"ours", ours.Client}, {"policyx", px.Client}, {"transport", noop.Client}} {
			b.Run(fmt.Sprintf("%s/resources=%d", s.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.c.ConfigureStack(ctx, StackConfigureRequest()); err != nil && s.name != "transport" {
						b.Fatal(err)
					}
					for _, req := range reqs {
						if _, err := s.c.Analyze(ctx, req); err != nil {
							b.Fatal(err)
						}
					}
					if _, err := s.c.AnalyzeStack(ctx, stackReq); err != nil {
						b.Fatal(err)
					}
				}
				perResource(b, n)
			})
		}
	}
}

// BenchmarkThreeRulesJSON times the three rules the TypeScript pack also has over the
// JSON file it reads ($PERF_JSON, else the 10,000-resource set with every tenth
// resource they read broken, written to a temporary file); ns/op is per resource.
func BenchmarkThreeRulesJSON(b *testing.B) {
	path := os.Getenv("PERF_JSON")
	if path == "" {
		path = filepath.Join(b.TempDir(), "resources.json")
		if err := WriteJSONFile(path, Break(realistic(b, 10000), 10)); err != nil {
			b.Fatal(err)
		}
	}
	list, err := jsonrules.RulesNamed(jsonrules.ThreeRules...)
	if err != nil {
		b.Fatal(err)
	}
	resources, err := jsonrules.ReadJSON(path)
	if err != nil {
		b.Fatal(err)
	}
	ctxs := twoContexts(config.Default())
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		pass := i / len(resources)
		r := resources[i%len(resources)]
		for _, rule := range list {
			_ = rule.Run(ctxs[pass%2], r)
		}
		i++
	}
}

// BenchmarkProgram times the stacks program under the mocks as a corp stack over 1, 2,
// 4 and 8 regions (RegionConfig); resources is the registrations of one run.
func BenchmarkProgram(b *testing.B) {
	base, err := ShippedConfig(repoRoot(b), "corp")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 2, 4, 8} {
		cfg, err := RegionConfig(base, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("regions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			count := 0
			for b.Loop() {
				regs, err := Run("corp", cfg)
				if err != nil {
					b.Fatal(err)
				}
				count = len(regs)
			}
			b.ReportMetric(float64(count), "resources")
			perResource(b, count)
		})
	}
}
