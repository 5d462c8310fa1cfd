package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/aiready/aiready/policypack/azpolicy"
)

// row is one policy's verdict on one resource: the JSON output's object.
type row struct {
	Resource string `json:"resource"`
	Type     string `json:"type"`
	// Assignment is the assignment's id; Definition the definition's id (its
	// name when the file gives no id).
	Assignment  string `json:"assignment"`
	Definition  string `json:"definition"`
	DisplayName string `json:"displayName,omitempty"`
	// Set and Reference name the set and the member when the assignment is of a
	// set definition.
	Set       string `json:"set,omitempty"`
	Reference string `json:"policyDefinitionReferenceId,omitempty"`
	Effect    string `json:"effect"`
	Enforced  bool   `json:"enforced"`
	// Compliant is true, false, or null when it cannot be verified.
	Compliant *bool  `json:"compliant"`
	Outcome   string `json:"outcome"`
	Exemption string `json:"exemption,omitempty"`
	Reason    string `json:"reason"`
	// Message is the assignment's non-compliance message for the policy.
	Message string `json:"message,omitempty"`
	// Denied: Azure would deny the request.
	Denied bool `json:"denied"`
}

// outcomeExempt is the outcome of a verdict an exemption waives.
const outcomeExempt = "exempt"

// add records a verdict.
func (rep *report) add(c *converted, v azpolicy.Verdict) {
	r := v.Result
	d := v.Policy.Definition
	a := v.Assessed.Assignment
	w := row{Resource: c.p.label(), Type: c.p.Token, Assignment: a.ResourceID(), Definition: d.ID, DisplayName: d.DisplayName,
		Reference: v.Policy.ReferenceID, Effect: string(r.Effect), Enforced: a.Enforced(), Outcome: r.Outcome.String(), Reason: r.Reason()}
	if w.Definition == "" {
		w.Definition = d.Name
	}
	if v.Policy.Set != nil {
		w.Set = v.Policy.Set.ID
		if w.Set == "" {
			w.Set = v.Policy.Set.Name
		}
	}
	w.Compliant = compliance(r.Outcome)
	if e := v.Exemption; e != nil {
		yes := true
		w.Compliant, w.Outcome, w.Exemption = &yes, outcomeExempt, e.ID
		if w.Exemption == "" {
			w.Exemption = e.Name
		}
		w.Reason = fmt.Sprintf("exempted by %s (%s); without it: %s: %s", e.Name, e.Category, r.Outcome, w.Reason)
	}
	if w.Compliant != nil && !*w.Compliant {
		w.Message = nonCompliance(a, v.Policy.ReferenceID)
	}
	denies := r.Outcome == azpolicy.ImplicitDeny ||
		r.Outcome == azpolicy.NonCompliant && (r.Effect == azpolicy.EffectDeny || r.Effect == azpolicy.EffectDenyAction)
	w.Denied = denies && w.Enforced && v.Exemption == nil
	if w.Denied {
		rep.denied++
	}
	rep.counts[w.Outcome]++
	rep.rows = append(rep.rows, w)
}

// nonCompliance is the assignment's non-compliance message for a member (or
// the whole assignment).
func nonCompliance(a *azpolicy.Assignment, reference string) string {
	if m := a.NonComplianceMessages[reference]; m != "" {
		return m
	}
	return a.NonComplianceMessages[""]
}

// compliance is the compliant field of an outcome: null for what cannot be
// verified at deployment.
func compliance(o azpolicy.Outcome) *bool {
	var b bool
	switch o {
	case azpolicy.NonCompliant, azpolicy.ImplicitDeny:
		b = false
	case azpolicy.CannotVerify, azpolicy.NotEvaluable:
		return nil
	default: // Compliant, NotApplicable, Disabled
		b = true
	}
	return &b
}

// write writes the report in the format.
func (rep *report) write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	if format == "json" {
		rows := rep.rows
		if rows == nil {
			rows = []row{}
		}
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
		return bw.Flush()
	}
	for _, r := range rep.rows {
		if r.Compliant == nil || !*r.Compliant {
			fmt.Fprintln(bw, textLine(r))
		}
	}
	fmt.Fprintln(bw, rep.summary())
	return bw.Flush()
}

// textLine is one line of the text output: the verdict, the resource, the
// assignment, the definition and the reason.
func textLine(r row) string {
	verdict := "NON-COMPLIANT (" + r.Effect + ")"
	switch {
	case r.Outcome == azpolicy.ImplicitDeny.String() && r.Denied:
		verdict = "DENIED (implicit deny)"
	case r.Outcome == azpolicy.ImplicitDeny.String():
		verdict = "IMPLICIT DENY"
	case r.Denied:
		verdict = "DENIED (" + r.Effect + ")"
	case r.Compliant == nil:
		verdict = "CANNOT VERIFY (" + r.Effect + ")"
	}
	if !r.Enforced {
		verdict += " [DoNotEnforce]"
	}
	def := r.Definition
	if r.DisplayName != "" {
		def = fmt.Sprintf("%q (%s)", r.DisplayName, r.Definition)
	}
	if r.Reference != "" {
		def += " member " + r.Reference + " of " + r.Set
	}
	line := fmt.Sprintf("%s %s (%s): assignment %s, definition %s: %s", verdict, r.Resource, r.Type, r.Assignment, def, r.Reason)
	if r.Message != "" {
		line += ". The assignment says: " + r.Message
	}
	return line
}

// summary is the text output's last line.
func (rep *report) summary() string {
	keys := make([]string, 0, len(rep.counts))
	for k := range rep.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := fmt.Sprintf("%d resources (%d evaluated), %d assignments, %d verdicts", rep.resources, rep.evaluated, rep.assignments, len(rep.rows))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", rep.counts[k], k)
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + fmt.Sprintf("; %d denied", rep.denied)
}
