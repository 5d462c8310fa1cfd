package engine

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Violation is one policy violation the engine reported.
type Violation struct {
	// Policy is the policy name.
	Policy string
	// Pack is the policy pack name.
	Pack string
	// Level is the enforcement level: "advisory", "mandatory", "remediate".
	Level string
	// Severity is "low", "medium", "high", "critical" or "".
	Severity string
	// Message is the violation message.
	Message string
	// URN is the resource the violation is about ("" for a stack-level policy).
	URN string
}

// Mandatory reports whether the violation fails the operation.
func (v Violation) Mandatory() bool { return v.Level == string(apitype.Mandatory) }

func (v Violation) String() string {
	where := "stack"
	if v.URN != "" {
		where = resourceName(v.URN)
	}
	return fmt.Sprintf("[%s] %s on %s: %s", v.Level, v.Policy, where, firstLine(v.Message))
}

// Diagnostic is one message the engine, the program or a provider reported.
type Diagnostic struct {
	// URN is the resource the message is about ("" for none).
	URN string
	// Severity is "info", "info#err", "warning" or "error".
	Severity string
	// Message is the message text.
	Message string
}

// Step is the last step the engine reported for a resource.
type Step struct {
	// URN is the resource's URN.
	URN string
	// Type is the resource type token.
	Type string
	// Op is the step: same, create, update, replace, delete, read...
	Op string
	// Diffs are the top-level properties that changed.
	Diffs []string
	// Replaces are the properties that force a replacement.
	Replaces []string
}

// Result is what the engine reported during one operation.
type Result struct {
	// Op is preview, update or destroy.
	Op string
	// Took is the operation's wall time.
	Took time.Duration
	// Violations are the policy violations, in the order reported.
	Violations []Violation
	// Diagnostics are the messages, in the order reported.
	Diagnostics []Diagnostic
	// Steps are the resources the operation visited, by URN.
	Steps map[string]Step
	// Summary is the engine's count of resources by operation.
	Summary map[string]int
	// Outputs are the stack outputs after an update.
	Outputs map[string]any
	// Incomplete is true when the event stream did not end (the CLI failed early).
	Incomplete bool
	// Stdout and Stderr are the CLI's output (on failure, Stdout holds the error).
	Stdout, Stderr string
}

func newResult(op string) *Result {
	return &Result{Op: op, Steps: map[string]Step{}, Summary: map[string]int{}}
}

func (r *Result) clone() *Result {
	c := *r
	c.Violations = slices.Clone(r.Violations)
	c.Diagnostics = slices.Clone(r.Diagnostics)
	c.Steps = maps.Clone(r.Steps)
	c.Summary = maps.Clone(r.Summary)
	return &c
}

func (r *Result) add(ev events.EngineEvent) {
	switch {
	case ev.PolicyEvent != nil:
		p := ev.PolicyEvent
		r.Violations = append(r.Violations, Violation{
			Policy: p.PolicyName, Pack: p.PolicyPackName, Level: p.EnforcementLevel,
			Severity: p.Severity, Message: p.Message, URN: p.ResourceURN,
		})
	case ev.DiagnosticEvent != nil:
		d := ev.DiagnosticEvent
		if d.Ephemeral {
			return
		}
		r.Diagnostics = append(r.Diagnostics, Diagnostic{URN: d.URN, Severity: d.Severity, Message: strings.TrimSpace(d.Message)})
	case ev.ResourcePreEvent != nil:
		r.step(ev.ResourcePreEvent.Metadata)
	case ev.ResOutputsEvent != nil:
		r.step(ev.ResOutputsEvent.Metadata)
	case ev.SummaryEvent != nil:
		for op, n := range ev.SummaryEvent.ResourceChanges {
			r.Summary[string(op)] = n
		}
	}
}

// replaceSteps are the steps of a replacement; a resource that takes any of them is
// reported as replaced.
var replaceSteps = map[string]bool{
	string(apitype.OpReplace):           true,
	string(apitype.OpCreateReplacement): true,
	string(apitype.OpDeleteReplaced):    true,
	string(apitype.OpDiscardReplaced):   true,
	string(apitype.OpImportReplacement): true,
}

func (r *Result) step(m apitype.StepEventMetadata) {
	s := Step{URN: m.URN, Type: m.Type, Op: string(m.Op), Diffs: m.Diffs, Replaces: m.Keys}
	if s.Type == "" {
		s.Type = string(resource.URN(m.URN).Type())
	}
	prev, seen := r.Steps[m.URN]
	if replaceSteps[s.Op] || (seen && prev.Op == string(apitype.OpReplace)) {
		s.Op = string(apitype.OpReplace)
		if len(s.Diffs) == 0 {
			s.Diffs = prev.Diffs
		}
		if len(s.Replaces) == 0 {
			s.Replaces = prev.Replaces
		}
	}
	r.Steps[m.URN] = s
}

// Mandatory returns the mandatory violations.
func (r *Result) Mandatory() []Violation {
	return r.filter(func(v Violation) bool { return v.Mandatory() })
}

// Advisory returns the violations that do not fail the operation.
func (r *Result) Advisory() []Violation {
	return r.filter(func(v Violation) bool { return !v.Mandatory() })
}

func (r *Result) filter(keep func(Violation) bool) []Violation {
	var out []Violation
	for _, v := range r.Violations {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// Errors returns the error diagnostics.
func (r *Result) Errors() []Diagnostic {
	var out []Diagnostic
	for _, d := range r.Diagnostics {
		if d.Severity == "error" {
			out = append(out, d)
		}
	}
	return out
}

// Changes returns the steps that change something (not "same", "read" or
// "refresh"), sorted by URN.
func (r *Result) Changes() []Step {
	var out []Step
	for _, s := range r.Steps {
		switch s.Op {
		case "same", "read", "refresh":
			continue
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URN < out[j].URN })
	return out
}

// Drifted returns, for a refresh, the resources it found changed in (update) or
// gone from (delete) the provider, sorted by URN; nil for another operation.
func (r *Result) Drifted() []Step {
	if r.Op != "refresh" {
		return nil
	}
	return r.Changes()
}

// Counts sizes a stack.
type Counts struct {
	// Total is every resource, the stack and providers included.
	Total int
	// Azure counts azure-native resources.
	Azure int
	// EntraID counts azuread resources.
	EntraID int
	// Components counts component resources.
	Components int
	// Providers counts provider resources (default and explicit).
	Providers int
	// ByType counts resources by type token.
	ByType map[string]int
}

// Counts sizes the resources the operation visited.
func (r *Result) Counts() Counts {
	c := Counts{ByType: map[string]int{}}
	for _, s := range r.Steps {
		c.Total++
		c.ByType[s.Type]++
		switch {
		case strings.HasPrefix(s.Type, "pulumi:providers:"):
			c.Providers++
		case strings.HasPrefix(s.Type, "azure-native:"):
			c.Azure++
		case strings.HasPrefix(s.Type, "azuread:"):
			c.EntraID++
		case s.Type == "pulumi:pulumi:Stack":
		default:
			c.Components++
		}
	}
	return c
}

func (c Counts) String() string {
	return fmt.Sprintf("%d resources: %d Azure, %d Entra ID, %d components, %d providers, %d stack",
		c.Total, c.Azure, c.EntraID, c.Components, c.Providers, c.Total-c.Azure-c.EntraID-c.Components-c.Providers)
}

// Table lists the counts by type, largest first.
func (c Counts) Table() string {
	types := slices.Collect(maps.Keys(c.ByType))
	sort.Slice(types, func(i, j int) bool {
		if c.ByType[types[i]] != c.ByType[types[j]] {
			return c.ByType[types[i]] > c.ByType[types[j]]
		}
		return types[i] < types[j]
	})
	var b strings.Builder
	for _, t := range types {
		fmt.Fprintf(&b, "%5d  %s\n", c.ByType[t], t)
	}
	return b.String()
}

// Summarize describes the result for a person: counts, changes and violations.
func (r *Result) Summarize() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s in %s\n", r.Op, r.Counts(), r.Took.Round(100*time.Millisecond))
	ops := slices.Sorted(maps.Keys(r.Summary))
	for _, op := range ops {
		fmt.Fprintf(&b, "  %s: %d\n", op, r.Summary[op])
	}
	adv, man := r.Advisory(), r.Mandatory()
	fmt.Fprintf(&b, "policy: %d mandatory, %d advisory violations\n", len(man), len(adv))
	for _, v := range append(man, adv...) {
		fmt.Fprintf(&b, "  %s\n", v)
	}
	return b.String()
}

func resourceName(urn string) string {
	u := resource.URN(urn)
	if !u.IsValid() {
		return urn
	}
	return fmt.Sprintf("%s (%s)", u.Name(), u.Type())
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " ..."
	}
	return s
}

func jsonUnmarshal(raw json.RawMessage, v any) error { return json.Unmarshal(raw, v) }
