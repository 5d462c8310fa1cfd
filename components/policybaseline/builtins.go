package policybaseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./internal/genbuiltins -out lib/builtins.json
//go:generate go run ./internal/genassignments -out ASSIGNMENTS.md

// BuiltInsFile is the embedded copy of Azure's facts about the built-in policy
// definitions the library uses (lib/builtins.json), generated from the Azure facts
// file by `go generate` (internal/genbuiltins); never edited by hand.
const BuiltInsFile = "lib/builtins.json"

// ParameterFacts is what Azure declares about one parameter of a definition.
type ParameterFacts struct {
	// Type is the parameter's type as the definition spells it (String, Array,
	// Object, Boolean, Integer, Float, DateTime; Azure compares it case-insensitively).
	Type string `json:"type"`
	// AllowedValues are the only values Azure accepts (case-sensitive); empty for any.
	AllowedValues []any `json:"allowedValues,omitempty"`
	// DefaultValue is the value used when an assignment passes none; see HasDefault.
	DefaultValue any `json:"defaultValue,omitempty"`
	// HasDefault is true when the definition declares a default (which may be null or
	// empty); a parameter without one must be passed by every assignment.
	HasDefault bool `json:"-"`
}

// UnmarshalJSON records whether a default value is declared at all.
func (p *ParameterFacts) UnmarshalJSON(b []byte) error {
	type plain ParameterFacts
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("parameter: %w", err)
	}
	if err := json.Unmarshal(b, (*plain)(p)); err != nil {
		return fmt.Errorf("parameter: %w", err)
	}
	_, p.HasDefault = raw["defaultValue"]
	return nil
}

// DefinitionFacts is what Azure declares about a policy definition (a built-in, or a
// custom definition of the library read the same way): its
// parameters, effect expression, mode, deprecation and the roles its remediation
// identity needs. The rule text itself is not part of the facts.
type DefinitionFacts struct {
	DisplayName string `json:"displayName"`
	Version     string `json:"version"`
	Category    string `json:"category"`
	Deprecated  bool   `json:"deprecated"`
	// Mode is All, Indexed or a resource provider mode.
	Mode string `json:"mode"`
	// Parameters are the declared parameters by name.
	Parameters map[string]ParameterFacts `json:"parameters"`
	// Effect is the then.effect expression, e.g. "[parameters('effect')]" or "deny".
	Effect string `json:"effect"`
	// RoleDefinitionIDs are the roles a Modify / DeployIfNotExists identity needs.
	RoleDefinitionIDs []string `json:"roleDefinitionIds"`
	// Fields are the aliases and fields the rule reads.
	Fields []string `json:"fields"`
}

// ALZMember is one member of an Azure landing zone policy set: a built-in
// definition (BuiltIn, its GUID) or an ALZ custom definition (ALZCustom, its name).
type ALZMember struct {
	BuiltIn   string `json:"builtIn,omitempty"`
	ALZCustom string `json:"alzCustom,omitempty"`
	Reference string `json:"reference"`
}

// ALZPolicySet is an Azure landing zone guardrail set.
type ALZPolicySet struct {
	DisplayName string      `json:"displayName"`
	Members     []ALZMember `json:"members"`
}

// BuiltIns are Azure's facts about the built-in definitions the library assigns and
// the members of the ALZ guardrail sets relevant to AI.
type BuiltIns struct {
	// About says where the facts come from.
	About string `json:"about"`
	// Definitions are keyed by the definition's name (its GUID).
	Definitions map[string]*DefinitionFacts `json:"definitions"`
	// ALZPolicySets are keyed by the set's ALZ name.
	ALZPolicySets map[string]*ALZPolicySet `json:"alzPolicySets"`
}

var (
	builtInsOnce sync.Once
	builtIns     *BuiltIns
	builtInsErr  error
)

// DefaultBuiltIns returns the embedded facts. A test keeps them equal to Azure's.
func DefaultBuiltIns() *BuiltIns {
	builtInsOnce.Do(func() {
		b, err := fs.ReadFile(embedded, BuiltInsFile)
		if err != nil {
			builtInsErr = err
			return
		}
		builtIns, builtInsErr = ParseBuiltIns(b)
	})
	if builtInsErr != nil {
		panic(fmt.Sprintf("policybaseline: the embedded %s is invalid: %v", BuiltInsFile, builtInsErr))
	}
	return builtIns
}

// ParseBuiltIns reads facts in the shape of the Azure facts file.
func ParseBuiltIns(b []byte) (*BuiltIns, error) {
	var f BuiltIns
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("built-in policy facts: %w", err)
	}
	if len(f.Definitions) == 0 {
		return nil, errors.New("built-in policy facts: no definitions")
	}
	return &f, nil
}

// builtInPrefix is the resource id prefix of built-in policy definitions.
const builtInPrefix = "/providers/Microsoft.Authorization/policyDefinitions/"

// Definition returns the facts of a built-in by its GUID or full resource id.
func (b *BuiltIns) Definition(id string) (*DefinitionFacts, bool) {
	if b == nil {
		return nil, false
	}
	d, ok := b.Definitions[strings.ToLower(strings.TrimPrefix(id, builtInPrefix))]
	return d, ok
}

// SetsContaining returns the ALZ sets a built-in is a member of, sorted.
func (b *BuiltIns) SetsContaining(id string) []string {
	var out []string
	for name, s := range b.ALZPolicySets {
		for _, m := range s.Members {
			if strings.EqualFold(m.BuiltIn, id) {
				out = append(out, name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// EffectParameter returns the parameter a definition's effect expression reads
// ("effect" for "[parameters('effect')]"), or "" for a fixed effect.
func (d *DefinitionFacts) EffectParameter() string {
	return effectParameterOf(d.Effect)
}

// AllowedEffects returns the effects Azure accepts through the effect parameter, or
// nil for a fixed effect.
func (d *DefinitionFacts) AllowedEffects() []string {
	p, ok := d.Parameters[d.EffectParameter()]
	if !ok {
		return nil
	}
	return stringValues(p.AllowedValues)
}

// effectParameterOf parses "[parameters('x')]" into "x".
func effectParameterOf(expr string) string {
	s := strings.TrimSpace(expr)
	if !strings.HasPrefix(s, "[parameters('") || !strings.HasSuffix(s, "')]") {
		return ""
	}
	return strings.TrimSuffix(strings.TrimPrefix(s, "[parameters('"), "')]")
}

func stringValues(vs []any) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
