package rules

import (
	"strings"

	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Level is an enforcement level, as written in policy config.
type Level string

// Enforcement levels.
const (
	// Advisory findings are reported and do not block the deployment.
	Advisory Level = "advisory"
	// Mandatory findings fail the preview or update.
	Mandatory Level = "mandatory"
	// Disabled rules do not run.
	Disabled Level = "disabled"
	// Remediate rules change the resource's properties to comply, when the rule can.
	Remediate Level = "remediate"
)

// Severity says how much harm a violation can do.
type Severity string

// Severities.
const (
	Low      Severity = "low"
	Medium   Severity = "medium"
	High     Severity = "high"
	Critical Severity = "critical"
)

// Guide sections, as the AI Ready guide titles them.
const (
	SectionGovernance   = "Establish governance boundaries for AI workloads"
	SectionConnectivity = "Establish secure connectivity for AI workloads"
	SectionReliability  = "Establish AI reliability across regions"
	SectionFoundation   = "Establish an AI foundation"
)

// Rule is one policy of the pack.
type Rule struct {
	// Name is the policy name, kebab-case, unique in the pack.
	Name string
	// Description is a full sentence: what the rule requires.
	Description string
	// Section is the guide section the rule comes from (a Section constant).
	Section string
	// Recommendation is the guide's recommendation, in its words.
	Recommendation string
	// BuiltIns are the Azure built-in policy definitions the rule mirrors, each as
	// Azure names it (a test checks them against Azure's facts).
	BuiltIns []BuiltIn
	// Mirrors says what else the rule mirrors (an ALZ archetype assignment, a guide
	// recommendation, AIPolicyBaseline's assignments) or why Azure Policy has none.
	Mirrors string
	// Severity is the harm a violation can do.
	Severity Severity
	// Level is the default enforcement level.
	Level Level
	// Types are the resource types the rule reads (normalised: no API-version module).
	Types []string
	// Config lists the config keys this rule is the home of (config.Keys names).
	Config []string
	// Check judges one resource; nil for stack rules. It is called only for resources of Types.
	Check func(ctx *Context, r *Resource) []Finding
	// CheckStack judges the whole stack; nil for resource rules.
	CheckStack func(ctx *Context, s *Stack) []Finding
	// Fix returns the properties changed to comply, and whether it changed anything;
	// nil when the rule offers no remediation.
	Fix func(ctx *Context, r *Resource) (resource.PropertyMap, bool)
}

// BuiltIn is an Azure built-in policy definition a rule mirrors.
type BuiltIn struct {
	// ID is the definition's name (its GUID).
	ID string
	// DisplayName is the definition's display name, exactly as Azure has it.
	DisplayName string
	// ALZSets are the Azure landing zone guardrail sets that hold the definition.
	ALZSets []string
	// Effects says how the rule relates to the definition when it differs from a plain
	// mirror (e.g. "a Modify: Azure sets it; the rule denies at preview").
	Effects string
}

// String renders the definition for documentation: "<id> (<name>; ALZ <sets>)".
func (b BuiltIn) String() string {
	s := b.ID + " (" + b.DisplayName
	if len(b.ALZSets) > 0 {
		s += "; ALZ " + strings.Join(b.ALZSets, ", ")
	}
	if b.Effects != "" {
		s += "; " + b.Effects
	}
	return s + ")"
}

// MirrorsText renders what the rule mirrors in one sentence: its built-ins, then the
// rest.
func (r *Rule) MirrorsText() string {
	var parts []string
	if len(r.BuiltIns) > 0 {
		ids := make([]string, len(r.BuiltIns))
		for i, b := range r.BuiltIns {
			ids[i] = b.String()
		}
		parts = append(parts, "Azure Policy "+strings.Join(ids, ", "))
	}
	if r.Mirrors != "" {
		parts = append(parts, r.Mirrors)
	}
	return strings.Join(parts, "; ")
}

// IsStack reports whether the rule judges the whole stack.
func (r *Rule) IsStack() bool { return r.CheckStack != nil }

// Context is what a rule knows besides the resources: the pack's settings, the stack
// being analysed, and whether this is a preview.
type Context struct {
	// Settings is the pack configuration.
	Settings *config.Settings
	// Stack describes the stack, from the engine's ConfigureStack call.
	Stack StackInfo
	// Preview is true during a preview, when values may be unknown.
	Preview bool
}

// NewContext returns a context with default settings, for a preview of an unnamed stack.
func NewContext() *Context {
	return &Context{Settings: config.Default(), Preview: true}
}

// StackInfo is what the engine says about the stack.
type StackInfo struct {
	// Project is the Pulumi project name.
	Project string
	// Name is the stack name.
	Name string
	// Archetype is the stack config's "<project>:archetype", if set.
	Archetype string
	// Environment is the stack config's "<project>:environment", if set.
	Environment string
}
