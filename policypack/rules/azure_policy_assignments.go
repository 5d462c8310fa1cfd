package rules

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aiready/aiready/policypack/azpolicy"
	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// AzurePolicyAssignments evaluates the Azure Policy assignments that cover the
// stack's resources, the stack's own and the tenant's, with their definitions,
// as Azure would when the resources are deployed.
var AzurePolicyAssignments = register(&Rule{
	Name: "azure-policy-assignments",
	Description: "Every resource is allowed by the Azure Policy assignments that cover it: those the stack registers (AIPolicyBaseline's definitions, " +
		"sets and assignments, scoped through its management groups and subscriptions) and those of the tenant (pack config or files exported with az policy ... list); " +
		"a Deny, a DenyAction or an evaluation error (implicit deny) of an enforced assignment is a violation, an Audit, AuditIfNotExists, DeployIfNotExists, " +
		"Modify, Append, a DoNotEnforce assignment and a value unknown at preview are advisory, and an assignment whose definitions are not supplied is reported as not evaluated.",
	Section:        SectionGovernance,
	Recommendation: "Start with baseline policies from Azure landing zones and apply AI-specific policies to each management group.",
	Mirrors: "the Azure Policy assignments themselves, evaluated at preview with the pack's Azure Policy evaluator (definition rules, set parameter mappings, " +
		"scopes, notScopes, exemptions, enforcementMode); Modify remediates the inputs at level remediate",
	Severity: High,
	// Opt-in: without the tenant's built-in definitions most assignments can only
	// be reported as not evaluated; enable it (mandatory) where the tenant's
	// definitions are supplied.
	Level: Disabled,
	Types: nativeTypes(),
	Config: []string{"azurePolicyDefinitions", "azurePolicyAssignments", "azurePolicyExemptions", "azurePolicyFiles",
		"azurePolicyAliases", "azurePolicyManagementGroups", "azurePolicyStackAssignments"},
	CheckStack: checkAzurePolicy,
	Fix:        fixAzurePolicy,
})

// checkAzurePolicy assesses the stack's and the tenant's assignments and
// evaluates them on every resource they cover.
func checkAzurePolicy(ctx *Context, s *Stack) []Finding {
	ap := &ctx.Settings.AzurePolicy
	tenant := ap.Tenant()
	lib := tenant.Library
	var out []Finding
	var assignments []*azpolicy.Assignment
	urns := map[*azpolicy.Assignment]string{}
	if !ap.SkipStack {
		sp := readStackPolicy(s, tenant.Library)
		lib, urns, out = sp.lib, sp.urns, sp.errs
		assignments = append(assignments, sp.assignments...)
	}
	assignments = append(assignments, tenant.Assignments...)
	if len(assignments) == 0 {
		return out
	}
	as := azpolicy.Assess(lib, assignments, tenant.Exemptions, ap.Aliases)
	as.OnlyApplicable = true
	out = append(out, assessmentFindings(as, urns)...)
	return append(out, evaluateStack(ctx, s, as)...)
}

// assessmentFindings reports, once per assignment, what cannot be evaluated:
// definitions not supplied (advisory), and parameters ARM would refuse
// (mandatory for the stack's own assignment, which would fail to deploy;
// advisory for the tenant's).
func assessmentFindings(as *azpolicy.Assessment, urns map[*azpolicy.Assignment]string) []Finding {
	var out []Finding
	for _, a := range as.Assignments {
		urn, own := urns[a.Assignment]
		name := assignmentLabel(a.Assignment)
		if a.Err != nil {
			f := Violation("policy assignment %s is not evaluated: Azure would refuse it: %v.", name, a.Err).At(urn)
			f.Advisory = !own
			out = append(out, f)
		}
		if len(a.Missing) > 0 {
			f := Violation("policy assignment %s: not evaluated: definition not supplied (%s); give the tenant's definitions in azurePolicyDefinitions or azurePolicyFiles (az policy definition list, az policy set-definition list) to evaluate it.",
				name, strings.Join(a.Missing, ", ")).At(urn)
			f.Advisory = true
			out = append(out, f)
		}
	}
	return out
}

// assignmentLabel names an assignment: "locations" (/subscriptions/.../policyAssignments/locations).
func assignmentLabel(a *azpolicy.Assignment) string {
	return fmt.Sprintf("%q (%s)", a.Name, a.ResourceID())
}

// evaluateStack converts the stack's resources the assessment reads and
// evaluates each, both on every core, the findings in the stack's order.
func evaluateStack(ctx *Context, s *Stack, as *azpolicy.Assessment) []Finding {
	list := convertStack(ctx, s, as)
	labels := policyLabels(as)
	return inOrder(len(list), func(i int, out []Finding) []Finding {
		a := &list[i]
		on := describeResource(*a)
		as.Evaluate(a.res, a.at, a.ctx, func(v azpolicy.Verdict) {
			if f, ok := verdictFinding(v, labels.of(v), on); ok {
				out = append(out, f.At(a.r.URN))
			}
		})
		return out
	})
}

// convertStack converts the stack's resources (on every core) and returns, in
// the stack's order, those of a type a policy of the assessment reads, with
// their context: the clock, the related resources (every converted one) and
// the resource group.
func convertStack(ctx *Context, s *Stack, as *azpolicy.Assessment) []armResource {
	h := readHierarchy(ctx, s)
	conv := make([]armResource, len(s.Resources))
	onCores(chunks(len(conv)), func(k int) {
		for i := k * chunk; i < min(len(conv), (k+1)*chunk); i++ {
			if a, ok := toARM(s.Resources[i], h); ok {
				conv[i] = a
			}
		}
	})
	rgs := resourceGroups(s)
	byType := map[string][]*azpolicy.Resource{}
	applies := map[string]bool{}
	var list []armResource
	for _, a := range conv {
		if a.res == nil {
			continue
		}
		t := a.res.Type()
		lt := strings.ToLower(t)
		byType[lt] = append(byType[lt], a.res)
		ok, seen := applies[lt]
		if !seen {
			ok = as.AppliesToType(t)
			applies[lt] = ok
		}
		if ok {
			list = append(list, a)
		}
	}
	now := time.Now()
	rel := related(byType)
	for i := range list {
		a := &list[i]
		a.at.Now = now
		a.ctx.Related = rel
		if g, ok := a.r.Get("resourceGroupName").Str(); ok {
			a.ctx.ResourceGroup = rgs[strings.ToLower(g)]
		}
	}
	return list
}

// chunk is how many resources a core takes at a time.
const chunk = 64

func chunks(n int) int { return (n + chunk - 1) / chunk }

// onCores calls each(k) for every k in [0, n), on every core.
func onCores(n int, each func(k int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				each(k)
			}
		}()
	}
	wg.Wait()
}

// inOrder calls each(i, out) for i in [0, n) on every core, in chunks, and
// returns what the calls appended in the order of i, as a loop would.
func inOrder(n int, each func(i int, out []Finding) []Finding) []Finding {
	parts := make([][]Finding, chunks(n))
	onCores(len(parts), func(k int) {
		for i := k * chunk; i < min(n, (k+1)*chunk); i++ {
			parts[k] = each(i, parts[k])
		}
	})
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	out := make([]Finding, 0, total)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// labelKey is a policy of an assessed assignment.
type labelKey struct {
	a *azpolicy.Assessed
	p *azpolicy.Policy
}

// labels are the heads of the messages of an assessment's policies, rendered
// once: "policy assignment ..., definition ...(member ...), on ".
type labels map[labelKey]string

func policyLabels(as *azpolicy.Assessment) labels {
	out := labels{}
	for _, a := range as.Assignments {
		for _, p := range a.Policies {
			out[labelKey{a, p}] = policyLabel(a.Assignment, p)
		}
	}
	return out
}

// of is the head of a verdict's message, rendered if the assessment did not
// hold its policy.
func (l labels) of(v azpolicy.Verdict) string {
	if s, ok := l[labelKey{v.Assessed, v.Policy}]; ok {
		return s
	}
	return policyLabel(v.Assessed.Assignment, v.Policy)
}

// policyLabel names the assignment, the definition and the set member, before
// the resource.
func policyLabel(a *azpolicy.Assignment, p *azpolicy.Policy) string {
	d := p.Definition
	display := d.DisplayName
	if display == "" {
		display = d.Name
	}
	id := d.ID
	if id == "" {
		id = d.Name
	}
	member := ""
	if p.Set != nil {
		member = fmt.Sprintf(" (member %q of set %q)", p.ReferenceID, p.Set.Name)
	}
	return fmt.Sprintf("policy assignment %s, definition %q (%s)%s, on ", assignmentLabel(a), display, id, member)
}

// verdictFinding turns a verdict into a finding, its message starting with
// label and the resource on; ok is false for a compliant, exempted or not
// applicable one.
func verdictFinding(v azpolicy.Verdict, label, on string) (Finding, bool) {
	r := v.Result
	if v.Exemption != nil {
		return Finding{}, false
	}
	enforced := v.Assessed.Assignment.Enforced()
	var f Finding
	switch r.Outcome {
	case azpolicy.NonCompliant:
		f = effectFinding(v, label, on)
		if !enforced {
			f.Advisory = true
			f.Message += " The assignment's enforcementMode is DoNotEnforce: Azure reports it without denying."
		}
	case azpolicy.ImplicitDeny:
		f = Finding{Message: label + on + ": Azure Policy would deny the request: the evaluation fails, and an evaluation error is an implicit deny: " + r.Reason() + "."}
		f.Advisory = !enforced
	case azpolicy.CannotVerify:
		f = Finding{Advisory: true, Message: label + on + ": cannot verify at preview (" + string(r.Effect) + "): " + r.Reason() + "."}
	default:
		return Finding{}, false
	}
	return f, true
}

// effectFinding words a non-compliant verdict by its effect: a Deny is a
// violation, the rest advisory.
func effectFinding(v azpolicy.Verdict, label, on string) Finding {
	r := v.Result
	effect := string(r.Effect)
	switch r.Effect {
	case azpolicy.EffectDeny, azpolicy.EffectDenyAction:
		msg := ""
		if m := nonCompliance(v); m != "" {
			msg = " The assignment says: " + m
		}
		return Finding{Message: label + on + ": Azure Policy would deny it (" + effect + "): " + r.Reason() + "." + msg}
	case azpolicy.EffectModify, azpolicy.EffectAppend:
		ops := make([]string, len(r.Operations))
		for i, o := range r.Operations {
			ops[i] = o.String()
		}
		return Finding{Advisory: true, Message: label + on + ": Azure Policy would change the resource (" + effect + ": " + strings.Join(ops, "; ") +
			") because " + r.Reason() + "; set the policy's level to remediate to apply it at preview."}
	case azpolicy.EffectDeployIfNotExists:
		what := strings.Join(v.Policy.DeploymentTypes(), ", ")
		if what == "" {
			what = "its template"
		}
		return Finding{Advisory: true, Message: label + on + ": Azure Policy would deploy " + what + " beside it (DeployIfNotExists): " + r.Reason() + "."}
	}
	return Finding{Advisory: true, Message: label + on + ": Azure Policy would report it non-compliant (" + effect + "): " + r.Reason() + "."}
}

// nonCompliance is the assignment's non-compliance message for the policy.
func nonCompliance(v azpolicy.Verdict) string {
	msgs := v.Assessed.Assignment.NonComplianceMessages
	if m, ok := msgs[v.Policy.ReferenceID]; ok && m != "" {
		return m
	}
	return msgs[""]
}

// tenantAssessment caches the tenant's assessment for the settings it was built
// from: Remediate runs once per resource.
var tenantAssessment struct {
	sync.Mutex
	settings *config.Settings
	as       *azpolicy.Assessment
}

func assessTenant(s *config.Settings) *azpolicy.Assessment {
	tenantAssessment.Lock()
	defer tenantAssessment.Unlock()
	if tenantAssessment.settings != s {
		t := s.AzurePolicy.Tenant()
		tenantAssessment.as = azpolicy.Assess(t.Library, t.Assignments, t.Exemptions, s.AzurePolicy.Aliases)
		tenantAssessment.as.OnlyApplicable = true
		tenantAssessment.settings = s
	}
	return tenantAssessment.as
}

// fixAzurePolicy applies the Modify operations of the tenant's enforced
// assignments that cover the resource to its inputs, as Azure would when it is
// deployed. The stack's own Modify assignments are reported by the stack check
// (Remediate sees one resource, not the stack's assignments).
func fixAzurePolicy(ctx *Context, r *Resource) (resource.PropertyMap, bool) {
	if len(ctx.Settings.AzurePolicy.Tenant().Assignments) == 0 {
		return nil, false
	}
	a, ok := toARM(r, configHierarchy(ctx))
	if !ok {
		return nil, false
	}
	as := assessTenant(ctx.Settings)
	var ops []azpolicy.Operation
	as.Evaluate(a.res, a.at, a.ctx, func(v azpolicy.Verdict) {
		if v.Result.Outcome == azpolicy.NonCompliant && v.Result.Effect == azpolicy.EffectModify && v.Exemption == nil && v.Assessed.Assignment.Enforced() {
			ops = append(ops, v.Result.Operations...)
		}
	})
	if len(ops) == 0 {
		return nil, false
	}
	sub, _ := r.Subscription()
	fixed, _, err := azpolicy.RemediateInputs(r.Token, plainMap(r.Props), ops, &azpolicy.ConvertOptions{SubscriptionID: sub}, ctx.Settings.AzurePolicy.Aliases)
	if err != nil {
		return nil, false
	}
	return toPropertyMap(fixed), true
}
