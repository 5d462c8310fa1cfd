package rules

import (
	"fmt"
	"strings"
	"sync"
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
// evaluates each.
func evaluateStack(ctx *Context, s *Stack, as *azpolicy.Assessment) []Finding {
	h := readHierarchy(ctx, s)
	rgs := resourceGroups(s)
	var list []armResource
	byType := map[string][]*azpolicy.Resource{}
	for _, r := range s.Resources {
		a, ok := toARM(r, h)
		if !ok {
			continue
		}
		byType[strings.ToLower(a.res.Type())] = append(byType[strings.ToLower(a.res.Type())], a.res)
		if as.AppliesToType(a.res.Type()) {
			list = append(list, a)
		}
	}
	now := time.Now()
	rel := related(byType)
	var out []Finding
	for _, a := range list {
		a.at.Now = now
		a.ctx.Related = rel
		if g, ok := a.r.Get("resourceGroupName").Str(); ok {
			a.ctx.ResourceGroup = rgs[strings.ToLower(g)]
		}
		as.Evaluate(a.res, a.at, a.ctx, func(v azpolicy.Verdict) {
			if f, ok := verdictFinding(v, a); ok {
				out = append(out, f.At(a.r.URN))
			}
		})
	}
	return out
}

// verdictFinding turns a verdict into a finding; ok is false for a compliant,
// exempted or not applicable one.
func verdictFinding(v azpolicy.Verdict, a armResource) (Finding, bool) {
	r := v.Result
	if v.Exemption != nil {
		return Finding{}, false
	}
	enforced := v.Assessed.Assignment.Enforced()
	head := verdictHead(v, a)
	var f Finding
	switch r.Outcome {
	case azpolicy.NonCompliant:
		f = effectFinding(v, head)
		if !enforced {
			f.Advisory = true
			f.Message += " The assignment's enforcementMode is DoNotEnforce: Azure reports it without denying."
		}
	case azpolicy.ImplicitDeny:
		f = Violation("%s: Azure Policy would deny the request: the evaluation fails, and an evaluation error is an implicit deny: %s.", head, r.Reason())
		f.Advisory = !enforced
	case azpolicy.CannotVerify:
		f = Violation("%s: cannot verify at preview (%s): %s.", head, r.Effect, r.Reason())
		f.Advisory = true
	default:
		return Finding{}, false
	}
	return f, true
}

// verdictHead names the assignment, the definition, the set member and the resource.
func verdictHead(v azpolicy.Verdict, a armResource) string {
	d := v.Policy.Definition
	display := d.DisplayName
	if display == "" {
		display = d.Name
	}
	id := d.ID
	if id == "" {
		id = d.Name
	}
	member := ""
	if v.Policy.Set != nil {
		member = fmt.Sprintf(" (member %q of set %q)", v.Policy.ReferenceID, v.Policy.Set.Name)
	}
	return fmt.Sprintf("policy assignment %s, definition %q (%s)%s, on %s", assignmentLabel(v.Assessed.Assignment), display, id, member, describeResource(a))
}

// effectFinding words a non-compliant verdict by its effect: a Deny is a
// violation, the rest advisory.
func effectFinding(v azpolicy.Verdict, head string) Finding {
	r := v.Result
	switch r.Effect {
	case azpolicy.EffectDeny, azpolicy.EffectDenyAction:
		msg := ""
		if m := nonCompliance(v); m != "" {
			msg = " The assignment says: " + m
		}
		return Violation("%s: Azure Policy would deny it (%s): %s.%s", head, r.Effect, r.Reason(), msg)
	case azpolicy.EffectModify, azpolicy.EffectAppend:
		ops := make([]string, len(r.Operations))
		for i, o := range r.Operations {
			ops[i] = o.String()
		}
		return Finding{Advisory: true, Message: fmt.Sprintf("%s: Azure Policy would change the resource (%s: %s) because %s; set the policy's level to remediate to apply it at preview.",
			head, r.Effect, strings.Join(ops, "; "), r.Reason())}
	case azpolicy.EffectDeployIfNotExists:
		what := strings.Join(v.Policy.DeploymentTypes(), ", ")
		if what == "" {
			what = "its template"
		}
		return Finding{Advisory: true, Message: fmt.Sprintf("%s: Azure Policy would deploy %s beside it (DeployIfNotExists): %s.", head, what, r.Reason())}
	}
	return Finding{Advisory: true, Message: fmt.Sprintf("%s: Azure Policy would report it non-compliant (%s): %s.", head, r.Effect, r.Reason())}
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
