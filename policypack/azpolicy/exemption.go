package azpolicy

import (
	"fmt"
	"strings"
	"time"
)

// Exemption is a policy exemption
// (learn.microsoft.com/azure/governance/policy/concepts/exemption-structure, read
// 2026-12-02): it exempts the resources at or below its scope from an
// assignment, or from some members of a set assignment, until it expires.
type Exemption struct {
	ID, Name, DisplayName string
	// Scope is where the exemption is created: a management group, subscription,
	// resource group or resource id (the part of its id before
	// /providers/Microsoft.Authorization/policyExemptions/).
	Scope string
	// AssignmentID is policyAssignmentId.
	AssignmentID string
	// ReferenceIDs are policyDefinitionReferenceIds: the set members exempted;
	// empty exempts the whole assignment.
	ReferenceIDs []string
	// Category is exemptionCategory: Waiver or Mitigated.
	Category string
	// ExpiresOn is expiresOn; zero: it does not expire.
	ExpiresOn time.Time
}

const exemptionSegment = "/providers/microsoft.authorization/policyexemptions/"

// exemptionFromMap reads an exemption in the REST shape ({"id", "name",
// "properties": {...}}) or the flat shape of `az policy exemption list`.
func exemptionFromMap(doc map[string]any) (*Exemption, error) {
	props := envelope(doc, "policyAssignmentId")
	if props == nil {
		return nil, fmt.Errorf("exemption %q: no policyAssignmentId", str(doc, "name"))
	}
	e := &Exemption{ID: str(doc, "id"), Name: str(doc, "name"), DisplayName: str(props, "displayName"),
		AssignmentID: str(props, "policyAssignmentId"), Category: str(props, "exemptionCategory")}
	if e.Name == "" && e.ID != "" {
		e.Name = lastSegment(e.ID)
	}
	if i := strings.Index(strings.ToLower(e.ID), exemptionSegment); i >= 0 {
		e.Scope = e.ID[:i]
	}
	if e.Scope == "" {
		e.Scope = str(props, "scope")
	}
	if e.Scope == "" {
		return nil, fmt.Errorf("exemption %s: no scope: its id must be <scope>/providers/Microsoft.Authorization/policyExemptions/<name> (as az policy exemption list prints it), got %q", e.Name, e.ID)
	}
	if !strings.EqualFold(e.Category, "Waiver") && !strings.EqualFold(e.Category, "Mitigated") {
		return nil, fmt.Errorf("exemption %s: exemptionCategory %q is not Waiver or Mitigated", e.Name, e.Category)
	}
	e.ReferenceIDs = stringsOf(mustLookup(props, "policyDefinitionReferenceIds"))
	if s := str(props, "expiresOn"); s != "" {
		t, ok := parseDate(s)
		if !ok {
			return nil, fmt.Errorf("exemption %s: expiresOn %q is not an ISO 8601 date and time (yyyy-MM-ddTHH:mm:ssZ)", e.Name, s)
		}
		e.ExpiresOn = t
	}
	return e, nil
}

// ParseExemptions parses a policy exemption or an array of them, in the REST
// shape or the flat shape of `az policy exemption list`.
func ParseExemptions(data []byte) ([]*Exemption, error) {
	var out []*Exemption
	err := eachObject(data, func(_ int, m map[string]any) error {
		e, err := exemptionFromMap(m)
		if err == nil {
			out = append(out, e)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("policy exemptions: %w", err)
	}
	return out, nil
}

// Expired reports whether the exemption has expired at now (a zero now: never).
func (e *Exemption) Expired(now time.Time) bool {
	return !e.ExpiresOn.IsZero() && !now.IsZero() && !now.Before(e.ExpiresOn)
}

// Exempts reports whether the exemption exempts a resource from a policy: the
// policy's assignment is the exempted one, the policy is among the exempted set
// members (or the whole assignment is exempted), the resource is at or below
// the exemption's scope (containers: the management groups above the
// resource's subscription), and the exemption has not expired at now.
// Resource selectors of exemptions are not read.
func (e *Exemption) Exempts(p *Policy, resourceID string, containers []string, now time.Time) bool {
	return e.matches(p, now) && inScope(e.Scope, resourceID, containers)
}

// ResourceID returns the assignment's id: ID, or the id Azure gives it
// (<scope>/providers/Microsoft.Authorization/policyAssignments/<name>).
func (a *Assignment) ResourceID() string {
	if a.ID != "" {
		return strings.TrimRight(a.ID, "/")
	}
	return strings.TrimRight(a.Scope, "/") + "/providers/Microsoft.Authorization/policyAssignments/" + a.Name
}
