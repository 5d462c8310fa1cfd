package azpolicy

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Policy is a definition with its parameter values bound: expressions that depend
// only on parameters are folded, fields resolved against the alias table and the
// effect resolved, so that Evaluate does no parsing.
type Policy struct {
	Definition *Definition
	// Parameters are the values in force: given or defaulted.
	Parameters map[string]any
	// Effect is the resolved effect (then.effect, or an assignment's override).
	Effect Effect
	// Assignment, Set and ReferenceID say where the policy comes from when an
	// assignment was resolved (nil and "" when the definition was bound directly).
	Assignment  *Assignment
	Set         *SetDefinition
	ReferenceID string

	aliases    *AliasTable
	ifCond     cond
	operations []*operationSpec
	appends    []*operationSpec
	existence  *existenceSpec
	types      map[string]bool // the lower-cased types the if can be true for (AppliesToType)
	anyType    bool
	reasons    *reasonMemo // Reason's texts of this binding, shared by WithEffect's copies
}

// Bind binds parameter values (checked as ResolveParameters does) and resolves
// the effect; aliases nil means DefaultAliases.
func (d *Definition) Bind(params map[string]any, aliases *AliasTable) (*Policy, error) {
	values, err := ResolveParameters("definition "+d.label(), d.Parameters, params)
	if err != nil {
		return nil, err
	}
	return d.bindValues(values, aliases)
}

func (d *Definition) bindValues(values map[string]any, aliases *AliasTable) (*Policy, error) {
	if aliases == nil {
		aliases = defaultAliases
	}
	p := &Policy{Definition: d, Parameters: values, aliases: aliases, reasons: &reasonMemo{}}
	b := &binder{st: &state{params: values, pol: p}, aliases: aliases}
	c, err := d.ifCond.bind(b)
	if err != nil {
		return nil, fmt.Errorf("policy definition %s: %w", d.label(), err)
	}
	p.ifCond = c
	p.types, p.anyType = condTypes(c)
	if p.Effect, err = d.resolveEffect(b); err != nil {
		return nil, err
	}
	for _, op := range d.details.operations {
		p.operations = append(p.operations, op.bind(b))
	}
	for _, op := range d.details.appends {
		p.appends = append(p.appends, op.bind(b))
	}
	if d.details.existence != nil {
		if p.existence, err = d.details.existence.bind(b); err != nil {
			return nil, fmt.Errorf("policy definition %s: %w", d.label(), err)
		}
	}
	return p, p.checkDetails()
}

func (d *Definition) resolveEffect(b *binder) (Effect, error) {
	lit, ok := b.fold(d.effect).(litNode)
	if !ok {
		return "", fmt.Errorf("policy definition %s: then.effect must be a literal or come from parameters", d.label())
	}
	s, ok := lit.v.(string)
	if !ok {
		return "", fmt.Errorf("policy definition %s: then.effect is %s %s, not an effect name", d.label(), kindName(lit.v), Render(lit.v))
	}
	e, err := ParseEffect(s)
	if err != nil {
		return "", fmt.Errorf("policy definition %s: then.effect: %w", d.label(), err)
	}
	return e, nil
}

// checkDetails verifies the effect has the details it needs.
func (p *Policy) checkDetails() error {
	switch p.Effect {
	case EffectModify:
		if len(p.operations) == 0 {
			return fmt.Errorf("policy definition %s: effect Modify needs then.details.operations", p.Definition.label())
		}
	case EffectAppend:
		if len(p.appends) == 0 {
			return fmt.Errorf("policy definition %s: effect Append needs then.details as an array of field and value", p.Definition.label())
		}
	case EffectAuditIfNotExists, EffectDeployIfNotExists:
		if p.existence == nil || p.existence.typ == nil {
			return fmt.Errorf("policy definition %s: effect %s needs then.details.type", p.Definition.label(), p.Effect)
		}
	}
	return nil
}

// WithEffect returns a copy of the policy with another effect (an assignment's
// override), checked against the details the definition has.
func (p *Policy) WithEffect(e Effect) (*Policy, error) {
	c := *p
	c.Effect = e
	return &c, c.checkDetails()
}

// Context is what an evaluation knows beyond the resource.
type Context struct {
	// ResourceGroup is what resourceGroup() returns (id, name, type, location,
	// tags, ...); nil: unknown.
	ResourceGroup map[string]any
	// Subscription is what subscription() returns (id, subscriptionId, tenantId,
	// displayName); nil: unknown.
	Subscription map[string]any
	// APIVersion is requestContext().apiVersion; "": unknown.
	APIVersion string
	// Now is the clock of utcNow(); zero: unknown.
	Now time.Time
	// Related returns the resources an AuditIfNotExists or DeployIfNotExists
	// looks for; nil, or known false: the outcome is CannotVerify.
	Related func(q RelatedQuery) (resources []*Resource, known bool)
}

// RelatedQuery is what then.details asks for, evaluated for a resource.
type RelatedQuery struct {
	// Type is details.type, e.g. "Microsoft.Insights/diagnosticSettings".
	Type string
	// Name is details.name ("" when any name matches); its last segment may be
	// "?" to match every child.
	Name string
	// ResourceGroupName is details.resourceGroupName ("" for the resource's own).
	ResourceGroupName string
	// ExistenceScope is ResourceGroup (the default) or Subscription.
	ExistenceScope string
	// Resource is the resource being evaluated.
	Resource *Resource
}

// Outcome is what an evaluation concludes.
type Outcome uint8

// The outcomes of Evaluate.
const (
	// Compliant: the if condition is false, or (AuditIfNotExists,
	// DeployIfNotExists) a related resource satisfies the existence condition.
	Compliant Outcome = iota
	// NonCompliant: the if condition is true and the effect applies (a Deny
	// denies, an Audit audits, a Modify modifies, ...).
	NonCompliant
	// CannotVerify: a value unknown at preview (or a related resource the caller
	// could not supply) decides; never read it as a pass.
	CannotVerify
	// ImplicitDeny: the evaluation failed (a template function error, a type
	// error); Azure denies the request whatever the effect.
	ImplicitDeny
	// NotApplicable: the mode does not evaluate the resource's type (Indexed and
	// a type without tags and location).
	NotApplicable
	// NotEvaluable: a Resource Provider mode (Microsoft.*.Data), which the
	// provider evaluates on its data plane, not at deployment.
	NotEvaluable
	// Disabled: the effect is Disabled; Azure does not evaluate the rule.
	Disabled
)

var outcomeNames = [...]string{"compliant", "non-compliant", "cannot verify", "implicit deny", "not applicable", "not evaluable at deployment", "disabled"}

// String names the outcome.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", int(o))
}

// Result is the evaluation of a policy against one resource.
type Result struct {
	Policy  *Policy
	Outcome Outcome
	// Effect is the effect in force.
	Effect Effect
	// Condition is the path of the condition that decided the if
	// ("policyRule.if.anyOf[1].allOf[2]"), Value the value found there.
	Condition string
	Value     any
	// Err is set for ImplicitDeny; it wraps ErrImplicitDeny and the *ExprError.
	Err error
	// Operations are the Modify operations that apply (their conditions true), or
	// the Append details. Apply them with ApplyOperations.
	Operations []Operation
	// Related is the query an AuditIfNotExists or DeployIfNotExists made.
	Related *RelatedQuery

	v        verdict // the if's verdict, rendered by Reason
	hasV     bool
	text     string // a reason that replaces the verdict's
	note     string // appended to the verdict's
	resource string // the resource type, for NotApplicable
}

// Reason is a human-readable account of the result: the deciding condition with
// the value found, the error of an implicit deny, what could not be known, or why
// the policy does not apply. It is rendered on demand, so that evaluating many
// compliant resources costs no formatting.
func (r Result) Reason() string {
	v := r.v // explain's pointer escapes: only the verdict is copied to the heap, not the result
	switch {
	case r.Outcome == Disabled:
		return "the effect is Disabled"
	case r.Outcome == NotEvaluable:
		return "mode " + r.Policy.Definition.Mode + " is a Resource Provider mode: the provider evaluates it on its data plane, not at deployment"
	case r.Outcome == NotApplicable:
		return "mode Indexed does not evaluate " + r.resource + ", a type without tags and location"
	case r.text != "":
		return r.text
	case !r.hasV || r.v.at == nil:
		return "no condition decided" + r.note
	case v.err != nil:
		return explain(&v) + " (Azure Policy: an evaluation error is an implicit deny)" + r.note
	}
	k, ok := keyOf(&v, r.note)
	if ok && r.Policy != nil && r.Policy.reasons != nil {
		if s, ok := r.Policy.reasons.m.Load(k); ok {
			return s.(string)
		}
	}
	out := explain(&v) + r.note
	if v.t == triUnknown {
		out = explain(&v) + " (a value unknown at preview decides)" + r.note
	}
	if ok && r.Policy != nil && r.Policy.reasons != nil && r.Policy.reasons.n.Add(1) <= maxReasons {
		r.Policy.reasons.m.Store(k, out)
	}
	return out
}

// reasonMemo holds the reasons a policy rendered, by what renders them, so
// that the same condition failing alike on many resources is rendered once.
type reasonMemo struct {
	m sync.Map // reasonKey → string
	n atomic.Int32
}

// maxReasons bounds a policy's memo: a reason with a resource's own value (its
// name) is held only until the memo is full.
const maxReasons = 256

// reasonKey is everything explain renders for a verdict whose values are
// scalars and whose detail, if any, has no detail of its own: two verdicts with
// equal keys have equal reasons.
type reasonKey struct {
	note                    string
	at, dAt                 leaf
	t, dT                   tri
	member, dMember         int
	val, opnd, memberVal    any
	dVal, dOpnd, dMemberVal any
	hasDetail               bool
}

func keyOf(v *verdict, note string) (reasonKey, bool) {
	k := reasonKey{note: note, at: v.at, t: v.t, member: v.member, val: v.val, opnd: v.opnd, memberVal: v.memberVal}
	if v.err != nil || !scalar(v.val) || !scalar(v.opnd) || !scalar(v.memberVal) {
		return k, false
	}
	if d := v.detail; d != nil {
		if d.err != nil || d.detail != nil || !scalar(d.val) || !scalar(d.opnd) || !scalar(d.memberVal) {
			return k, false
		}
		k.hasDetail, k.dAt, k.dT, k.dMember, k.dVal, k.dOpnd, k.dMemberVal = true, d.at, d.t, d.member, d.val, d.opnd, d.memberVal
	}
	return k, true
}

// scalar reports whether a value is of a comparable kind Render renders alike
// whenever it is equal.
func scalar(x any) bool {
	switch x.(type) {
	case nil, string, bool, float64, int, int64, UnknownValue, absentValue:
		return true
	}
	return false
}

// Matched reports whether the if condition was true.
func (r Result) Matched() bool { return r.Outcome == NonCompliant }

// Evaluate evaluates the policy against a resource.
func (p *Policy) Evaluate(res *Resource, ctx *Context) Result { return p.evaluate(res, ctx, nil) }

// evaluate is Evaluate with a state to reuse (nil: a new one), so that many
// policies evaluated on a resource allocate one state; nothing keeps it.
func (p *Policy) evaluate(res *Resource, ctx *Context, s *state) Result {
	out := Result{Policy: p, Effect: p.Effect}
	switch {
	case p.Effect == EffectDisabled:
		out.Outcome = Disabled
		return out
	case p.Definition.mode == modeProvider:
		out.Outcome = NotEvaluable
		return out
	case exemptLower(res.lowerType()):
		// Azure Policy does not evaluate the type at all (exempt.go).
		out.Outcome, out.resource = NotApplicable, res.Type()
		return out
	case p.Definition.mode == modeIndexed && !supportsTagsAndLocation(res):
		out.Outcome, out.resource = NotApplicable, res.Type()
		return out
	}
	if s == nil {
		s = &state{}
	}
	*s = state{res: res, fnRes: res, ctx: ctx, pol: p, params: p.Parameters, scopes: s.scopes[:0]}
	v := p.ifCond.eval(s)
	out.setVerdict(&v)
	switch {
	case v.err != nil:
		out.Outcome = ImplicitDeny
		out.Err = fmt.Errorf("%w: %s: %w", ErrImplicitDeny, v.at.where(), v.err)
		return out
	case v.t == triUnknown:
		out.Outcome = CannotVerify
		return out
	case v.t == triFalse:
		out.Outcome = Compliant
		return out
	}
	out.Outcome = NonCompliant
	p.applyEffect(s, &out)
	return out
}

func (r *Result) setVerdict(v *verdict) {
	r.v, r.hasV = *v, true
	if v.at != nil {
		r.Condition, r.Value = v.at.where(), v.val
	}
}

// applyEffect completes a non-compliant result with what the effect does.
func (p *Policy) applyEffect(s *state, out *Result) {
	var err error
	var known tri
	switch p.Effect {
	case EffectModify:
		out.Operations, known, err = evalOperations(s, p.operations)
	case EffectAppend:
		out.Operations, known, err = evalOperations(s, p.appends)
	case EffectAuditIfNotExists, EffectDeployIfNotExists:
		p.checkExistence(s, out)
		return
	default:
		return
	}
	switch {
	case err != nil:
		out.Outcome, out.Err = ImplicitDeny, fmt.Errorf("%w: %w", ErrImplicitDeny, err)
		out.text = err.Error() + " (Azure Policy: an evaluation error is an implicit deny)"
	case known == triUnknown:
		out.Outcome = CannotVerify
		out.note = "; an operation's condition depends on a value unknown at preview"
	}
}

// checkExistence evaluates details.existenceCondition over the related resources
// the context supplies
// (learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists).
func (p *Policy) checkExistence(s *state, out *Result) {
	q, err := p.relatedQuery(s)
	if err != nil {
		out.Outcome, out.Err = ImplicitDeny, fmt.Errorf("%w: %w", ErrImplicitDeny, err)
		out.text = err.Error() + " (Azure Policy: an evaluation error is an implicit deny)"
		return
	}
	out.Related = q
	if q == nil {
		out.Outcome = CannotVerify
		out.note = "; then.details depend on values unknown at preview"
		return
	}
	var related []*Resource
	known := false
	if s.ctx != nil && s.ctx.Related != nil {
		related, known = s.ctx.Related(*q)
	}
	if !known {
		out.Outcome = CannotVerify
		out.note = "; cannot verify " + string(p.Effect) + ": no related " + q.Type + " resources were supplied to check details.existenceCondition"
		return
	}
	p.existenceOutcome(s, q, related, out)
}

// existenceOutcome sets the outcome from the related resources.
func (p *Policy) existenceOutcome(s *state, q *RelatedQuery, related []*Resource, out *Result) {
	out.Outcome, out.text, out.note = p.existence1(s, q, related)
	if out.Outcome == ImplicitDeny {
		out.Err = fmt.Errorf("%w: %s", ErrImplicitDeny, out.text)
	}
	if out.text == "" && out.note == "" {
		out.note = fmt.Sprintf("; no related %s satisfies the existence condition (%d checked)", q.Type, len(related))
	}
}

// existence1 returns the outcome and either a replacing reason or a note.
func (p *Policy) existence1(s *state, q *RelatedQuery, related []*Resource) (Outcome, string, string) {
	unknown := false
	for _, r := range related {
		if !strings.EqualFold(r.Type(), q.Type) {
			continue
		}
		if p.existence.condition == nil {
			return Compliant, fmt.Sprintf("%s: related %s %q exists", p.Effect, q.Type, r.Name()), ""
		}
		es := &state{res: r, fnRes: s.res, ctx: s.ctx, pol: p, params: p.Parameters}
		v := p.existence.condition.eval(es)
		switch {
		case v.err != nil:
			return ImplicitDeny, explain(&v) + " (Azure Policy: an evaluation error is an implicit deny)", ""
		case v.t == triTrue:
			return Compliant, fmt.Sprintf("%s: related %s %q satisfies the existence condition (%s)", p.Effect, q.Type, r.Name(), explain(&v)), ""
		case v.t == triUnknown:
			unknown = true
		}
	}
	if unknown {
		return CannotVerify, "", "; whether a related " + q.Type + " satisfies the existence condition depends on values unknown at preview"
	}
	return NonCompliant, "", ""
}

// relatedQuery evaluates then.details for the resource; nil when a value is unknown.
func (p *Policy) relatedQuery(s *state) (*RelatedQuery, error) {
	q := &RelatedQuery{Resource: s.res, ExistenceScope: "ResourceGroup"}
	for _, f := range []struct {
		n   node
		dst *string
		key string
	}{{p.existence.typ, &q.Type, "type"}, {p.existence.name, &q.Name, "name"},
		{p.existence.resourceGroupName, &q.ResourceGroupName, "resourceGroupName"}, {p.existence.existenceScope, &q.ExistenceScope, "existenceScope"}} {
		if f.n == nil {
			continue
		}
		v, err := f.n.eval(s)
		if err != nil {
			return nil, fmt.Errorf("policyRule.then.details.%s: %w", f.key, err)
		}
		if IsUnknown(v) {
			return nil, nil
		}
		str, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("policyRule.then.details.%s: %s is not a string", f.key, Render(v))
		}
		*f.dst = str
	}
	return q, nil
}

// IsImplicitDeny reports whether err is an evaluation failure.
func IsImplicitDeny(err error) bool { return errors.Is(err, ErrImplicitDeny) }
