package e2e

import (
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aiready/aiready/internal/tags"
	"github.com/aiready/aiready/stacks"
	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var stackNames = []string{"dev", "corp", "online"}

// expectedAdvisory is, per stack, the advisory policy results a compliant preview
// of the shipped configuration reports: "<policy> on <type>::<name>" ("on stack"
// for stack-level results). Each is a deliberate trade-off of the example stacks,
// explained beside it; anything else the pack reports is a regression of the stacks
// or of the pack.
var expectedAdvisory = map[string][]string{
	"dev":    {},
	"corp":   {},
	"online": {},
}

// counts records each stack's size for the summary TestMain prints.
var (
	countsMu sync.Mutex
	counts   = map[string]engine.Counts{}
)

func recordCounts(stack string, c engine.Counts) {
	countsMu.Lock()
	defer countsMu.Unlock()
	counts[stack] = c
}

// printCounts prints the size of each landing zone previewed in this run.
func printCounts() {
	countsMu.Lock()
	defer countsMu.Unlock()
	if len(counts) == 0 {
		return
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(os.Stderr, "e2e: resources per stack (preview of the shipped config):")
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "e2e:   %-7s %s\n", n, counts[n])
	}
}

// policyPack returns the policy pack binary, failing the test when it cannot be built.
func policyPack(t *testing.T) string {
	t.Helper()
	bin, err := env.PolicyPack(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

func policyOptions(t *testing.T) engine.PreviewOptions {
	return engine.PreviewOptions{
		PolicyPacks:   []string{policyPack(t)},
		PolicyConfigs: []string{engine.ExamplePolicyConfig(env.Root)},
	}
}

// describe renders a violation as expectedAdvisory lists it.
func describe(v engine.Violation) string {
	if v.URN == "" {
		return v.Policy + " on stack"
	}
	u := resource.URN(v.URN)
	return fmt.Sprintf("%s on %s::%s", v.Policy, u.Type(), u.Name())
}

func describeAll(vs []engine.Violation) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, describe(v))
	}
	sort.Strings(out)
	return out
}

// stackProgram is stacks.Program with transforms registered first.
func stackProgram(ts ...pulumi.ResourceTransform) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		for _, t := range ts {
			if err := ctx.RegisterResourceTransform(t); err != nil {
				return err
			}
		}
		return stacks.Program(ctx)
	}
}

// TestStacksPreview previews dev, corp and online, from their shipped config, with
// the policy pack binary: each succeeds, and the policy results are exactly the
// expected advisory ones.
func TestStacksPreview(t *testing.T) {
	for _, name := range stackNames {
		t.Run(name, func(t *testing.T) {
			st := newStack(t, name, stackProgram())
			r, err := st.Preview(context.Background(), policyOptions(t))
			logResult(t, r)
			c := r.Counts()
			recordCounts(name, c)
			t.Logf("%s: %s\n%s", name, c, c.Table())
			if err != nil {
				t.Fatalf("preview of the shipped %s stack with the policy pack failed: %v", name, err)
			}
			if c.Azure == 0 {
				t.Fatalf("%s: the preview registered no Azure resources", name)
			}
			if man := r.Mandatory(); len(man) > 0 {
				t.Errorf("mandatory violations in a preview that succeeded: %v", man)
			}
			got, want := describeAll(r.Advisory()), slices.Sorted(slices.Values(expectedAdvisory[name]))
			if !slices.Equal(got, want) {
				t.Errorf("%s: advisory policy results differ from the expected ones.\n got: %q\nwant: %q\nUnexpected ones are regressions; a new deliberate trade-off goes into expectedAdvisory with its reason.",
					name, got, want)
			}
		})
	}
}

// broken is a deliberately non-compliant variant of a stack.
type broken struct {
	stack  string
	what   string
	policy string // the mandatory policy that must stop it
	// touches names the resource type the transform must have changed, so a variant
	// whose target no longer exists fails instead of passing vacuously.
	touches   string
	transform pulumi.ResourceTransform
}

// countingTransform wraps a transform, counting the resources it changed.
func countingTransform(inner pulumi.ResourceTransform, n *int, mu *sync.Mutex) pulumi.ResourceTransform {
	return func(ctx context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
		r := inner(ctx, args)
		if r != nil {
			mu.Lock()
			*n++
			mu.Unlock()
		}
		return r
	}
}

func brokenVariants() []broken {
	return []broken{
		{
			stack: "corp", what: "a public AI account", policy: "ai-services-restrict-public-network-access",
			touches: "azure-native:cognitiveservices:Account",
			transform: transform("azure-native:cognitiveservices:Account", nil, func(m pulumi.Map) {
				setPath(m, "properties.publicNetworkAccess", pulumi.String("Enabled"))
				deletePath(m, "properties.networkAcls")
			}),
		},
		{
			stack: "online", what: "a virtual network without DDoS protection", policy: "network-online-vnets-ddos-protection",
			touches: "azure-native:network:VirtualNetwork",
			transform: transform("azure-native:network:VirtualNetwork", nil, func(m pulumi.Map) {
				deletePath(m, "ddosProtectionPlan")
				m["enableDdosProtection"] = pulumi.Bool(false)
			}),
		},
		{
			stack: "corp", what: "a gateway backend without a circuit breaker", policy: "reliability-apim-pool-circuit-breaker",
			touches: "azure-native:apimanagement:Backend",
			transform: transform("azure-native:apimanagement:Backend", func(a *pulumi.ResourceTransformArgs) bool {
				_, pool := a.Props["pool"]
				return !pool
			}, func(m pulumi.Map) { deletePath(m, "circuitBreaker") }),
		},
		{
			// dev is single-region; its model deployment is GlobalStandard, which
			// the guide accepts in production (Azure routes it across regions). Made
			// production with a regional deployment, one region is not enough.
			stack: "dev", what: "a single-region production stack (production tags, a regional deployment)",
			policy: "reliability-production-multi-region-endpoints", touches: "*",
			transform: func(_ context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
				if !args.Custom {
					return nil
				}
				props := copyMap(args.Props)
				changed := false
				if tagMap, ok := props["tags"].(pulumi.Map); ok {
					tagMap = copyMap(tagMap)
					tagMap[tags.EnvironmentKey] = pulumi.String(tags.Production)
					props["tags"] = tagMap
					changed = true
				}
				if sameType(args.Type, "azure-native:cognitiveservices:Deployment") {
					setPath(props, "sku.name", pulumi.String("Standard"))
					changed = true
				}
				if !changed {
					return nil
				}
				return &pulumi.ResourceTransformResult{Props: props, Opts: args.Opts}
			},
		},
	}
}

// TestStacksBrokenVariants: each deliberately broken variant of a stack fails its
// preview with a mandatory violation of the named policy that the unbroken stack
// does not have (so a stack that already fails that policy cannot pass vacuously).
func TestStacksBrokenVariants(t *testing.T) {
	ctx := context.Background()
	baseline := map[string]map[string]bool{} // stack → mandatory violations of the unbroken stack
	for _, b := range brokenVariants() {
		t.Run(b.stack+": "+b.what, func(t *testing.T) {
			before, ok := baseline[b.stack]
			if !ok {
				r, _ := newStack(t, b.stack, stackProgram()).Preview(ctx, policyOptions(t))
				before = map[string]bool{}
				for _, v := range r.Mandatory() {
					before[describe(v)] = true
				}
				baseline[b.stack] = before
			}

			var n int
			var mu sync.Mutex
			st := newStack(t, b.stack, stackProgram(countingTransform(b.transform, &n, &mu)))
			r, err := st.Preview(ctx, policyOptions(t))
			mu.Lock()
			changed := n
			mu.Unlock()
			if changed == 0 {
				t.Fatalf("the transform changed no %s: the %s stack no longer has what this variant breaks", b.touches, b.stack)
			}
			if err == nil {
				logResult(t, r)
				t.Fatalf("the preview of %s with %s succeeded; want it stopped by %s", b.stack, b.what, b.policy)
			}
			var introduced []engine.Violation
			for _, v := range r.Mandatory() {
				if v.Policy == b.policy && !before[describe(v)] {
					introduced = append(introduced, v)
				}
			}
			if len(introduced) == 0 {
				logResult(t, r)
				t.Fatalf("the preview failed but the breakage introduced no mandatory %s violation; mandatory: %v; the unbroken stack already had: %v; errors: %v",
					b.policy, r.Mandatory(), slices.Sorted(maps.Keys(before)), r.Errors())
			}
			t.Logf("%d resources changed; stopped by: %v", changed, introduced[0])
			if !strings.Contains(r.Stdout, b.policy) {
				t.Errorf("Pulumi's output does not name %s", b.policy)
			}
		})
	}
}

// TestStacksUpIsIdempotent: up of each stack against the stand-in, then a preview
// reports no changes (the program is deterministic and idempotent), then destroy
// leaves an empty stack.
func TestStacksUpIsIdempotent(t *testing.T) {
	ctx := context.Background()
	for _, name := range stackNames {
		t.Run(name, func(t *testing.T) {
			st := newStack(t, name, stackProgram())
			pol := policyOptions(t)
			up, err := st.Up(ctx, engine.UpOptions{PolicyPacks: pol.PolicyPacks, PolicyConfigs: pol.PolicyConfigs})
			logResult(t, up)
			if err != nil {
				t.Fatalf("up: %v", err)
			}
			created := up.Summary["create"]
			urns, err := st.Resources(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: up created %d resources; the state holds %d", name, created, len(urns))

			again, err := st.Preview(ctx, engine.PreviewOptions{ExpectNoChanges: true, PolicyPacks: pol.PolicyPacks, PolicyConfigs: pol.PolicyConfigs})
			if err != nil {
				logResult(t, again)
				t.Fatalf("preview after up reports changes (the program is not deterministic, or the stand-in's Diff disagrees with its Create): %v\nchanges: %v", err, again.Changes())
			}
			if ch := again.Changes(); len(ch) > 0 {
				t.Errorf("preview after up: %d changes: %v", len(ch), ch)
			}
			if n := again.Summary["same"]; n != created {
				t.Errorf("preview after up: %d unchanged resources, want the %d up created", n, created)
			}

			down, err := st.Destroy(ctx, nil)
			if err != nil {
				// Production data is protected: destroy must refuse exactly those
				// resources, then succeed once an operator unprotects them.
				var blocked []string
				for _, d := range down.Errors() {
					if d.URN != "" {
						if !strings.Contains(d.Message, "cannot be deleted") {
							t.Errorf("destroy failed on %s for another reason than protection: %s", d.URN, d.Message)
						}
						blocked = append(blocked, string(resource.URN(d.URN).Type()))
					}
				}
				if len(blocked) == 0 {
					logResult(t, down)
					t.Fatalf("destroy: %v", err)
				}
				t.Logf("destroy refused %d protected resources (%s); unprotecting them as an operator would", len(blocked), strings.Join(slices.Compact(slices.Sorted(slices.Values(blocked))), ", "))
				if err := st.UnprotectAll(ctx); err != nil {
					t.Fatal(err)
				}
				down, err = st.Destroy(ctx, nil)
				logResult(t, down)
				if err != nil {
					t.Fatalf("destroy after unprotect: %v", err)
				}
			}
			if urns, err := st.Resources(ctx); err != nil || len(urns) != 0 {
				t.Errorf("after destroy the state holds %v (%v)", urns, err)
			}
		})
	}
}

// TestPolicyPackDirectory previews corp with the policy pack's directory form
// (--policy-pack ../policypack), which needs the Go language host; it must report
// the same results as the binary form.
func TestPolicyPackDirectory(t *testing.T) {
	host, err := exec.LookPath("pulumi-language-go")
	if err != nil {
		t.Skip("skipping the directory form of the policy pack (--policy-pack policypack): pulumi-language-go is not on PATH. " +
			"Every Pulumi install ships it; this machine's CLI is built from source without it. The binary form " +
			"(--policy-pack <binary>, the same main package) is what TestStacksPreview and TestStacksBrokenVariants run.")
	}
	t.Logf("using %s", host)
	ctx := context.Background()
	dir := engine.PolicyPackDir(env.Root)
	run := func(pack string) *engine.Result {
		st := newStack(t, "corp", stackProgram(), func(o *engine.StackOptions) {
			o.Env = map[string]string{"PULUMI_IGNORE_AMBIENT_PLUGINS": "false"}
		})
		r, err := st.Preview(ctx, engine.PreviewOptions{PolicyPacks: []string{pack}, PolicyConfigs: []string{engine.ExamplePolicyConfig(env.Root)}})
		logResult(t, r)
		if err != nil {
			t.Fatalf("preview with --policy-pack %s: %v", pack, err)
		}
		return r
	}
	fromDir, fromBin := run(dir), run(policyPack(t))
	if a, b := describeAll(fromDir.Violations), describeAll(fromBin.Violations); !slices.Equal(a, b) {
		t.Errorf("the directory form reports %q, the binary form %q", a, b)
	}
	if _, err := os.Stat(filepath.Join(dir, "PulumiPolicy.yaml")); err != nil {
		t.Error(err)
	}
}
