package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/aiready/aiready/tests/internal/standin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// faults drives one stack through Azure's failures, one after the other, on one
// shared state: after each, the stack must converge.
type faults struct {
	t    *testing.T
	name string
	st   *engine.Stack
	pol  engine.PreviewOptions
	// protected are the protected resources (URN → id) once the stack is up.
	protected map[string]string
	// results are every operation's result, to check no protected resource was
	// deleted or replaced on any path.
	results []*engine.Result
	// failed is the resource whose create ARM accepted and then failed.
	failed string
	// program is the program the stack last converged with.
	program pulumi.RunFunc
}

func newFaults(t *testing.T, name string) *faults {
	return &faults{t: t, name: name, st: newStack(t, name, stackProgram()), pol: policyOptions(t)}
}

// step runs one scenario as a subtest; a failed step ends the chain.
func (f *faults) step(name string, fn func(t *testing.T)) {
	f.t.Helper()
	if !f.t.Run(name, fn) {
		f.t.FailNow()
	}
}

// up runs `pulumi up` of program with the policy pack (or without: a killed
// engine cannot stop its policy pack process).
func (f *faults) up(t *testing.T, program pulumi.RunFunc, pack bool) (*engine.Result, error) {
	t.Helper()
	f.st.SetProgram(program)
	o := engine.UpOptions{}
	if pack {
		o = engine.UpOptions{PolicyPacks: f.pol.PolicyPacks, PolicyConfigs: f.pol.PolicyConfigs}
	}
	r, err := f.st.Up(context.Background(), o)
	f.results = append(f.results, r)
	return r, err
}

// faulty sets the faults of the next operations.
func (f *faults) faulty(t *testing.T, fs ...standin.Fault) {
	t.Helper()
	if err := f.st.SetFaults(fs...); err != nil {
		t.Fatal(err)
	}
}

// failedOn returns the error diagnostics on resources, failing the test when the
// operation reported none.
func failedOn(t *testing.T, r *engine.Result, want string) []engine.Diagnostic {
	t.Helper()
	var out []engine.Diagnostic
	for _, d := range r.Errors() {
		if d.URN != "" && strings.Contains(d.Message, want) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		logResult(t, r)
		t.Fatalf("no resource failed with %q; errors: %v", want, r.Errors())
	}
	return out
}

// converged checks the stack's state against the cloud: no pending operation, no
// resource twice, none with an error from a partial failure, every azure-native
// resource of the state in the cloud under its id and nothing in the cloud the
// state lacks (no orphan), every protected resource still there under its id; with
// preview, a preview with the pack then reports no change (--expect-no-changes).
func (f *faults) converged(t *testing.T, preview bool) {
	t.Helper()
	ctx := context.Background()
	state, err := f.st.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(state.PendingOperations); n > 0 {
		t.Errorf("%d pending operations remain: %v", n, state.PendingOperations)
	}
	seen, inState := map[string]bool{}, map[string]string{}
	for _, r := range state.Resources {
		urn := string(r.URN)
		if seen[urn] {
			t.Errorf("%s is in the state twice", urn)
		}
		seen[urn] = true
		if len(r.InitErrors) > 0 {
			t.Errorf("%s keeps the errors of a failed operation: %v", urn, r.InitErrors)
		}
		if r.Custom && !r.External && strings.HasPrefix(string(r.Type), "azure-native:") && r.ID != "" {
			inState[strings.ToLower(string(r.ID))] = urn
		}
	}
	cloud, err := f.st.Cloud().All()
	if err != nil {
		t.Fatal(err)
	}
	inCloud := map[string]bool{}
	for _, rec := range cloud {
		id := strings.ToLower(rec.ID)
		inCloud[id] = true
		if _, ok := inState[id]; !ok {
			t.Errorf("orphan: %s (created for %s) exists in Azure but not in the state", rec.ID, rec.URN)
		}
	}
	for id, urn := range inState {
		if !inCloud[id] {
			t.Errorf("%s is in the state as %s, which Azure does not have", urn, id)
		}
	}
	f.protectedKept(t, state)
	if preview {
		o := f.pol
		o.ExpectNoChanges = true
		r, err := f.st.Preview(ctx, o)
		f.results = append(f.results, r)
		if err != nil {
			logResult(t, r)
			t.Fatalf("preview --expect-no-changes after convergence: %v; changes: %v", err, r.Changes())
		}
	}
}

// protectedKept checks every protected resource is in the state and in the cloud
// under its first id, and no operation deleted or replaced one.
func (f *faults) protectedKept(t *testing.T, state *engine.State) {
	t.Helper()
	ids := map[string]string{}
	for _, r := range state.Resources {
		if r.Protect {
			ids[string(r.URN)] = string(r.ID)
		}
	}
	if f.protected == nil {
		f.protected = ids
	}
	for urn, id := range f.protected {
		if ids[urn] != id {
			t.Errorf("protected %s: id %q, was %q", urn, ids[urn], id)
		}
		if _, ok, err := f.st.Cloud().Get(id); err != nil || !ok {
			t.Errorf("protected %s (%s) is gone from Azure (%v)", urn, id, err)
		}
	}
	for _, r := range f.results {
		if r == nil {
			continue
		}
		for urn, s := range r.Steps {
			if _, ok := f.protected[urn]; ok && (s.Op == "delete" || s.Op == "replace") {
				t.Errorf("%s: protected %s took a %s step", r.Op, urn, s.Op)
			}
		}
	}
}

// revision is the stacks program with a revision tag on every tagged resource, so
// that an up updates most of the stack in place; timeouts, when set, are the
// custom timeouts of the resources of that type.
func revision(n int, timeoutsType string, timeouts *pulumi.CustomTimeouts) pulumi.RunFunc {
	return stackProgram(func(_ context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
		if !args.Custom {
			return nil
		}
		props, opts, changed := args.Props, args.Opts, false
		if tags, ok := props["tags"].(pulumi.Map); ok {
			tags = copyMap(tags)
			tags["aiready-e2e-revision"] = pulumi.String(strconv.Itoa(n))
			props = copyMap(props)
			props["tags"] = tags
			changed = true
		}
		if timeouts != nil && sameType(args.Type, timeoutsType) {
			opts.CustomTimeouts = timeouts
			changed = true
		}
		if !changed {
			return nil
		}
		return &pulumi.ResourceTransformResult{Props: props, Opts: opts}
	})
}

// TestFaultsSurvived runs each stack through the real engine against the stand-ins
// while Azure misbehaves, one fault after the other on the same state: an engine
// killed mid-way (recovered with `pulumi cancel` and `pulumi refresh` of the
// pending creates), a create ARM accepted then failed, a create ARM refused,
// transient throttling (retried), persistent throttling (reported on the resource),
// the provider process exiting mid-update, an update hanging past its timeout; then
// drift (TestFaultsSurvived's last step). After each, the next `up` converges: no
// duplicate, no orphan, nothing protected deleted, and a preview with the policy
// pack reports no change.
func TestFaultsSurvived(t *testing.T) {
	for _, name := range stackNames {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			f := newFaults(t, name)
			f.step("an engine killed mid-way is recovered with pulumi cancel and refresh", f.killedEngine)
			f.step("a create ARM accepted then failed stays in the state and is updated next", f.acceptedThenFailed)
			f.step("a create ARM refuses stops the up part-way; the next up completes", f.refusedCreate)
			f.step("a persistent 429 is reported on the resource; the next up completes", f.persistentThrottle)
			f.step("the provider exiting mid-update; the next up completes", f.providerExit)
			f.step("an update hanging past its timeout; the next up completes", f.hangPastTimeout)
			f.step("drift is refreshed, previewed and restored", f.drift)
			t.Logf("%s: %d operations in %s", name, len(f.results), time.Since(start).Round(time.Second))
		})
	}
}

// killedEngine: the engine dies while creating the stack (the 8th create; Azure
// carried it out). The stack stays locked and the creates in flight pending; the
// next run says to use `pulumi cancel` (first, if the kill fell while the file
// backend wrote the checkpoint's .attrs sidecar, the empty sidecar is removed as
// the README says); the pending creates are then resolved by
// hand as Pulumi's troubleshooting guide says (the ones Azure has adopted with
// their ids, the others dropped: stack export, edit, stack import) and `pulumi
// refresh` reads the adopted ones back.
func (f *faults) killedEngine(t *testing.T) {
	ctx := context.Background()
	f.faulty(t, standin.Fault{Op: "create", Nth: 8, Kind: standin.FaultKillEngine, Applied: true})
	if r, err := f.up(t, stackProgram(), false); err == nil || !strings.Contains(err.Error(), "signal: killed") {
		logResult(t, r)
		t.Fatalf("up: %v; want the engine killed", err)
	}
	f.faulty(t)
	r, err := f.up(t, stackProgram(), true)
	if err != nil && strings.Contains(r.Stdout+r.Stderr, "failed to load checkpoint: EOF") {
		// Killed while the file backend wrote the checkpoint's .attrs sidecar
		// (README, reliability): the documented repair removes the empty file.
		removed, rerr := f.st.RepairTruncatedAttrs()
		if rerr != nil || len(removed) == 0 {
			t.Fatalf("the killed engine left an unreadable checkpoint and no truncated .attrs file to remove (%v, %v)", removed, rerr)
		}
		t.Logf("the engine was killed while writing the checkpoint's attributes; removed %v", removed)
		r, err = f.up(t, stackProgram(), true)
	}
	if err == nil || !strings.Contains(r.Stdout+r.Stderr, "the stack is currently locked by 1 lock(s)") || !strings.Contains(r.Stdout+r.Stderr, "`pulumi cancel`") {
		t.Fatalf("up of a stack a killed engine left: err = %v; want the lock reported, naming pulumi cancel\n%s", err, r.Stdout)
	}
	if err := f.st.Cancel(ctx); err != nil {
		t.Fatal(err)
	}
	state, err := f.st.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range state.PendingOperations {
		if op.Type != "creating" {
			t.Errorf("pending %s of %s; want only creates", op.Type, op.Resource.URN)
		}
	}
	adopted, dropped, err := f.st.ResolvePendingCreates(ctx, func(urn string) (string, bool) {
		rec, ok := recordOf(t, f.st, urn)
		return rec.ID, ok
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(adopted) == 0 {
		t.Fatalf("pending operations %v: want the create Azure carried out among them", state.PendingOperations)
	}
	t.Logf("the killed engine left %d pending creates: %d exist in Azure (adopted), %d do not (dropped)", len(state.PendingOperations), len(adopted), len(dropped))
	rr, err := f.st.Refresh(ctx, engine.RefreshOptions{})
	f.results = append(f.results, rr)
	if err != nil {
		logResult(t, rr)
		t.Fatalf("refresh: %v", err)
	}
	f.converged(t, false)
}

// recordOf finds the cloud record a resource was created as.
func recordOf(t *testing.T, st *engine.Stack, urn string) (standin.CloudRecord, bool) {
	t.Helper()
	all, err := st.Cloud().All()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range all {
		if rec.URN == urn {
			return rec, true
		}
	}
	return standin.CloudRecord{}, false
}

// acceptedThenFailed: ARM accepts the 5th create, then its operation fails: the
// resource exists, azure-native reports a partial failure, and the engine keeps it
// with its error; the next up updates it rather than creating it again.
func (f *faults) acceptedThenFailed(t *testing.T) {
	ctx := context.Background()
	f.faulty(t, standin.Fault{Op: "create", Nth: 5, Kind: standin.FaultAccepted, Status: 500, Code: "InternalServerError",
		Message: "The resource operation completed with terminal provisioning state 'Failed'."})
	r, err := f.up(t, stackProgram(), true)
	if err == nil {
		t.Fatal("up succeeded; want the accepted create's failure")
	}
	failed := failedOn(t, r, `Code="InternalServerError"`)[0]
	state, err := f.st.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, res := range state.Resources {
		if string(res.URN) == failed.URN && len(res.InitErrors) > 0 && res.ID != "" {
			kept = true
		}
	}
	if !kept {
		t.Fatalf("%s failed after ARM accepted it, but the state does not keep it with its error", failed.URN)
	}
	f.faulty(t)
	f.failed = failed.URN
}

// refusedCreate: ARM refuses the 3rd create (a policy denies it); the up stops
// part-way. The next up, throttled twice (429, retried), completes: the resource
// kept from the accepted create is updated, not created again.
func (f *faults) refusedCreate(t *testing.T) {
	f.faulty(t, standin.Fault{Op: "create", Nth: 3, Kind: standin.FaultError, Status: 403, Code: "RequestDisallowedByPolicy",
		Message: "Resource was disallowed by policy. Reasons: 'Deny-Resource-Locations'."})
	r, err := f.up(t, stackProgram(), true)
	if err == nil {
		t.Fatal("up succeeded; want it stopped by the refused create")
	}
	refused := failedOn(t, r, `Status=403 Code="RequestDisallowedByPolicy"`)
	if _, ok := recordOf(t, f.st, refused[0].URN); ok {
		t.Errorf("%s: ARM refused it, yet it exists", refused[0].URN)
	}
	kept := []*engine.Result{r}
	f.faulty(t, standin.Fault{Op: "create", Kind: standin.FaultThrottle, Times: 2, RetryAfter: 1})
	r, err = f.up(t, stackProgram(), true)
	if err != nil {
		logResult(t, r)
		t.Fatalf("up after the refused create: %v", err)
	}
	retried := 0
	for _, d := range r.Diagnostics {
		if d.Severity == "warning" && d.URN != "" && strings.Contains(d.Message, `Azure answered Status=429 Code="TooManyRequests"`) {
			retried++
		}
	}
	if retried != 2 {
		t.Errorf("%d throttled attempts reported; want 2, each on its resource", retried)
	}
	updated := false
	for _, res := range append(kept, r) {
		switch res.Steps[f.failed].Op {
		case "create", "replace":
			t.Errorf("the resource kept from the accepted create took a %s step; want an update", res.Steps[f.failed].Op)
		case "update":
			updated = true
		}
	}
	if !updated {
		t.Errorf("the resource kept from the accepted create was not updated to clear its error")
	}
	f.faulty(t)
	f.program = stackProgram()
	f.converged(t, true)
}

// persistentThrottle: the update of a virtual network is throttled past the
// client's retries: the up fails naming the resource, with ARM's status and code;
// the next up completes.
func (f *faults) persistentThrottle(t *testing.T) {
	vnet := f.nameOf(t, "azure-native:network:VirtualNetwork")
	f.faulty(t, standin.Fault{Op: "update", Type: "network:VirtualNetwork", Name: vnet, Kind: standin.FaultThrottle, Times: standin.Retries + 1, RetryAfter: 1})
	r, err := f.up(t, revision(2, "", nil), true)
	if err == nil {
		t.Fatal("up succeeded; want the throttled update reported")
	}
	d := failedOn(t, r, `Status=429 Code="TooManyRequests"`)[0]
	if !strings.HasPrefix(string(resource.URN(d.URN).Type()), "azure-native:network:VirtualNetwork") {
		t.Errorf("the throttle is reported on %s, want the virtual network", d.URN)
	}
	if !strings.Contains(r.Stdout, resource.URN(d.URN).Name()) {
		t.Errorf("Pulumi's output does not name %s", resource.URN(d.URN).Name())
	}
	f.faulty(t)
	f.upConverges(t, revision(2, "", nil))
}

// nameOf returns the URN name of the first resource of a type in the state.
func (f *faults) nameOf(t *testing.T, token string) string {
	t.Helper()
	state, err := f.st.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Resources {
		if sameType(string(r.Type), token) {
			return r.URN.Name()
		}
	}
	t.Fatalf("the state has no %s", token)
	return ""
}

// upConverges runs an up without faults and checks the stack converged.
func (f *faults) upConverges(t *testing.T, program pulumi.RunFunc) {
	t.Helper()
	if r, err := f.up(t, program, true); err != nil {
		logResult(t, r)
		t.Fatalf("up: %v", err)
	}
	f.program = program
	f.converged(t, true)
}

// providerExit: the provider process exits during the 3rd update, after Azure
// applied it; the up fails; the next up completes (the update is idempotent).
func (f *faults) providerExit(t *testing.T) {
	f.faulty(t, standin.Fault{Op: "update", Nth: 3, Kind: standin.FaultExit, Applied: true})
	r, err := f.up(t, revision(3, "", nil), true)
	if err == nil {
		t.Fatal("up succeeded; want it failed by the provider's exit")
	}
	if len(r.Errors()) == 0 {
		t.Errorf("the provider's exit was not reported")
	}
	t.Logf("the engine reported: %s", firstError(r))
	f.faulty(t)
	f.upConverges(t, revision(3, "", nil))
}

// hangPastTimeout: an NSG update hangs; its custom timeout (5s) ends it with
// azure-native's "operation timed out" on the resource; the next up completes.
func (f *faults) hangPastTimeout(t *testing.T) {
	timeouts := &pulumi.CustomTimeouts{Update: "5s"}
	program := revision(4, "azure-native:network:NetworkSecurityGroup", timeouts)
	f.faulty(t, standin.Fault{Op: "update", Type: "network:NetworkSecurityGroup", Kind: standin.FaultHang})
	start := time.Now()
	r, err := f.up(t, program, true)
	if err == nil {
		t.Fatal("up succeeded; want the hanging update timed out")
	}
	d := failedOn(t, r, "operation timed out")[0]
	if !strings.Contains(d.URN, "azure-native:network:NetworkSecurityGroup") {
		t.Errorf("the timeout is reported on %s, want the NSG", d.URN)
	}
	t.Logf("timed out after %s", time.Since(start).Round(time.Second))
	f.faulty(t)
	f.upConverges(t, program)
}

func firstError(r *engine.Result) string {
	if errs := r.Errors(); len(errs) > 0 {
		return errs[0].Message
	}
	return r.Stdout
}
