package azpolicy

import (
	"strings"
	"sync"
	"time"
)

// Assessment is a set of assignments resolved against a library once, to be
// evaluated on many resources: what the policy pack and the azpolicy command
// both do with a stack's and a tenant's assignments.
type Assessment struct {
	// Assignments in the order given.
	Assignments []*Assessed
	// Exemptions are checked for every non-compliant verdict.
	Exemptions []*Exemption
	// OnlyApplicable skips the policies whose if cannot be true for a resource's
	// type (Policy.AppliesToType): their verdicts would be Compliant.
	OnlyApplicable bool

	// byType caches, per typeKey, the assignments Evaluate visits for a type
	// ([]typed): Assignments are not to change once Evaluate is called.
	byType sync.Map
}

// typeKey is a lower-cased resource type with OnlyApplicable.
type typeKey struct {
	lt   string
	only bool
}

// typed is an assignment with the policies Evaluate evaluates on a type.
type typed struct {
	a        *Assessed
	policies []*Policy
}

// forType lists, in order, the assignments with policies to evaluate on a
// resource of the lower-cased type (all of them, or with OnlyApplicable those
// whose if can be true for it), each with those policies: the same visits as
// checking every policy of every assignment, found once per type.
func (as *Assessment) forType(lt string) []typed {
	k := typeKey{lt, as.OnlyApplicable}
	if v, ok := as.byType.Load(k); ok {
		return v.([]typed)
	}
	var out []typed
	for _, a := range as.Assignments {
		ps := a.Policies
		if as.OnlyApplicable {
			ps = nil
			for _, p := range a.Policies {
				if p.appliesLower(lt) {
					ps = append(ps, p)
				}
			}
		}
		if len(ps) > 0 {
			out = append(out, typed{a, ps})
		}
	}
	v, _ := as.byType.LoadOrStore(k, out)
	return v.([]typed)
}

// Assessed is one assignment resolved against the library.
type Assessed struct {
	Assignment *Assignment
	// Policies are the definition, or the set's members, the library holds.
	Policies []*Policy
	// Missing are the ids of the definitions (or the set) the library does not
	// hold: those are not evaluated.
	Missing []string
	// Err is what ARM would refuse when the assignment is created (a parameter
	// value not allowed, a required parameter without a value); its policies are
	// then not evaluated.
	Err error

	scope     string   // the assignment's scope, lower-cased (lowerScope)
	notScopes []string // its notScopes, lower-cased
}

// Assess resolves every assignment (Library.ResolveSupplied); aliases nil means
// DefaultAliases.
func Assess(lib *Library, assignments []*Assignment, exemptions []*Exemption, aliases *AliasTable) *Assessment {
	out := &Assessment{Exemptions: exemptions, Assignments: make([]*Assessed, 0, len(assignments))}
	for _, a := range assignments {
		ps, missing, err := lib.ResolveSupplied(a, aliases)
		x := &Assessed{Assignment: a, Policies: ps, Missing: missing, Err: err, scope: lowerScope(a.Scope)}
		for _, n := range a.NotScopes {
			x.notScopes = append(x.notScopes, lowerScope(n))
		}
		out.Assignments = append(out.Assignments, x)
	}
	return out
}

// AppliesToType reports whether any policy of the assessment can be true for a
// resource of the ARM type, so that a caller can skip converting resources
// nothing reads.
func (as *Assessment) AppliesToType(armType string) bool {
	lt := strings.ToLower(armType)
	for _, a := range as.Assignments {
		for _, p := range a.Policies {
			if p.appliesLower(lt) {
				return true
			}
		}
	}
	return false
}

// Placement is where a resource is, for scopes, notScopes and exemptions.
type Placement struct {
	// ID is the resource's ARM id; "" when it is not known (at preview).
	ID string
	// Containers are the management groups above the resource's subscription,
	// as scope ids (/providers/Microsoft.Management/managementGroups/<id>).
	Containers []string
	// Now judges exemptions' expiry; zero: no exemption has expired.
	Now time.Time
}

// Verdict is one policy's evaluation on a resource.
type Verdict struct {
	Assessed *Assessed
	Policy   *Policy
	Result   Result
	// Exemption is the exemption that exempts the resource; Result is then the
	// evaluation Azure would have made without it.
	Exemption *Exemption
}

// Evaluate evaluates every policy of every assignment that covers the resource
// and calls fn with each verdict, in order. When the resource's id is not known
// and an assignment's scope or notScopes (or an exemption's scope) is a
// subscription or resource group, whether they apply cannot be told: a
// non-compliant verdict is then CannotVerify, saying so. Evaluate may be
// called from several goroutines at once (the pack's policy evaluates a
// stack's resources on every core).
func (as *Assessment) Evaluate(res *Resource, at Placement, ctx *Context, fn func(Verdict)) {
	w := placeOf(at.ID, at.Containers)
	s := &state{}
	for _, t := range as.forType(res.lowerType()) {
		a := t.a
		cov := a.coverage(&w)
		if cov == triFalse {
			continue
		}
		for _, p := range t.policies {
			v := Verdict{Assessed: a, Policy: p, Result: p.evaluate(res, ctx, s)}
			if v.Result.Outcome == NonCompliant || v.Result.Outcome == ImplicitDeny {
				as.exempt(&v, &w, at.Now)
				if cov == triUnknown && v.Exemption == nil {
					v.Result.Outcome = CannotVerify
					v.Result.note += "; whether assignment " + a.Assignment.Name + " (scope " + a.Assignment.Scope +
						") covers the resource cannot be told: its id is not known at preview"
				}
			}
			fn(v)
		}
	}
}

// exempt records the first exemption that exempts the verdict's resource; one
// whose scope cannot be told makes a non-compliant verdict CannotVerify.
func (as *Assessment) exempt(v *Verdict, w *where, now time.Time) {
	for _, e := range as.Exemptions {
		if !e.matches(v.Policy, now) {
			continue
		}
		switch w.holdsTri(lowerScope(e.Scope)) {
		case triTrue:
			v.Exemption = e
			return
		case triUnknown:
			v.Result.Outcome = CannotVerify
			v.Result.note += "; whether exemption " + e.Name + " (scope " + e.Scope + ") exempts the resource cannot be told: its id is not known at preview"
		}
	}
}

// matches reports whether the exemption exempts the policy (its assignment and
// member), not expired at now, wherever the resource is.
func (e *Exemption) matches(p *Policy, now time.Time) bool {
	if p.Assignment == nil || !strings.EqualFold(strings.TrimRight(e.AssignmentID, "/"), p.Assignment.ResourceID()) {
		return false
	}
	if len(e.ReferenceIDs) > 0 && !containsFold(e.ReferenceIDs, p.ReferenceID) {
		return false
	}
	return !e.Expired(now)
}

// coverage is Covers with an id that may not be known.
func (a *Assessed) coverage(w *where) tri {
	in := w.holdsTri(a.scope)
	if in == triFalse {
		return triFalse
	}
	for _, n := range a.notScopes {
		switch w.holdsTri(n) {
		case triTrue:
			return triFalse
		case triUnknown:
			in = triUnknown
		}
	}
	return in
}
