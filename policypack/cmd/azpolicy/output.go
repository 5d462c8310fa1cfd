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

// sink writes the verdicts as they come, so that a large stack's report is
// never held in memory: JSON rows, or text lines for what is not compliant.
type sink struct {
	w      *bufio.Writer
	format string
	rows   int
	err    error
}

func newSink(w io.Writer, format string) *sink { return &sink{w: bufio.NewWriter(w), format: format} }

func (k *sink) print(s string) {
	if k.err == nil {
		_, k.err = k.w.WriteString(s)
	}
}

// emit writes one row: an element of the JSON array (one a line), or a text
// line.
func (k *sink) emit(r *row) {
	if k.format != "json" {
		k.print(textLine(r) + "\n")
		return
	}
	b, err := json.Marshal(r)
	if err != nil && k.err == nil {
		k.err = err
	}
	sep := ",\n"
	if k.rows == 0 {
		sep = "[\n"
	}
	k.rows++
	k.print(sep + string(b))
}

// finish closes the JSON array, or writes the text summary, and flushes.
func (k *sink) finish(summary string) error {
	switch {
	case k.format != "json":
		k.print(summary + "\n")
	case k.rows == 0:
		k.print("[]\n")
	default:
		k.print("\n]\n")
	}
	if k.err == nil {
		k.err = k.w.Flush()
	}
	return k.err
}

// add counts a verdict and writes it: every verdict in JSON, the non-compliant
// and cannot-verify ones in text (their reasons are rendered only then).
func (rep *report) add(c *converted, v azpolicy.Verdict) {
	r := v.Result
	compliant, outcome := compliance(r.Outcome), r.Outcome.String()
	if v.Exemption != nil {
		yes := true
		compliant, outcome = &yes, outcomeExempt
	}
	enforced := v.Assessed.Assignment.Enforced()
	denies := r.Outcome == azpolicy.ImplicitDeny ||
		r.Outcome == azpolicy.NonCompliant && (r.Effect == azpolicy.EffectDeny || r.Effect == azpolicy.EffectDenyAction)
	denied := denies && enforced && v.Exemption == nil
	rep.verdicts++
	rep.counts[outcome]++
	if denied {
		rep.denied++
	}
	if rep.out.format != "json" && compliant != nil && *compliant {
		return
	}
	w := verdictRow(c, v)
	w.Compliant, w.Outcome, w.Enforced, w.Denied = compliant, outcome, enforced, denied
	if e := v.Exemption; e != nil {
		w.Exemption = e.ID
		if w.Exemption == "" {
			w.Exemption = e.Name
		}
		w.Reason = fmt.Sprintf("exempted by %s (%s); without it: %s: %s", e.Name, e.Category, r.Outcome, w.Reason)
	}
	if compliant != nil && !*compliant {
		w.Message = nonCompliance(v.Assessed.Assignment, v.Policy.ReferenceID)
	}
	rep.out.emit(w)
}

// verdictRow is a verdict's resource, assignment, definition, effect and reason.
func verdictRow(c *converted, v azpolicy.Verdict) *row {
	d := v.Policy.Definition
	w := &row{Resource: c.p.label(), Type: c.p.Token, Assignment: v.Assessed.Assignment.ResourceID(), Definition: d.ID,
		DisplayName: d.DisplayName, Reference: v.Policy.ReferenceID, Effect: string(v.Result.Effect), Reason: v.Result.Reason()}
	if w.Definition == "" {
		w.Definition = d.Name
	}
	if s := v.Policy.Set; s != nil {
		w.Set = s.ID
		if w.Set == "" {
			w.Set = s.Name
		}
	}
	return w
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

// textLine is one line of the text output: the verdict, the resource, the
// assignment, the definition and the reason.
func textLine(r *row) string {
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
	s := fmt.Sprintf("%d resources (%d evaluated), %d assignments, %d verdicts", rep.resources, rep.evaluated, rep.assignments, rep.verdicts)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", rep.counts[k], k)
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + fmt.Sprintf("; %d denied", rep.denied)
}
