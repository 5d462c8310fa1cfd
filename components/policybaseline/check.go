package policybaseline

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// AssignmentValues is a policy assignment as ARM receives it, to be checked against
// its definition's facts with CheckAssignment.
type AssignmentValues struct {
	// Name is the assignment's name, for messages.
	Name string
	// DefinitionID is the assigned definition's id, for messages.
	DefinitionID string
	// Parameters are the values passed, by parameter name. A value that is
	// UnknownValue (computed, not known yet) is not compared.
	Parameters map[string]any
	// Identity is true when the assignment has a managed identity.
	Identity bool
	// Location is the assignment's location ("" for none).
	Location string
	// Roles are the role definition GUIDs granted to the assignment's identity;
	// checked only when RolesKnown.
	Roles      []string
	RolesKnown bool
}

// UnknownValue marks a parameter value that is computed and not known yet.
type UnknownValue struct{}

// identityEffect reports whether an effect acts on resources and needs a managed
// identity (Azure compares effects case-insensitively).
func identityEffect(effect string) bool {
	return slices.ContainsFunc(identityEffects, func(e string) bool { return strings.EqualFold(e, effect) })
}

// CheckAssignment returns every way ARM would refuse the assignment, or leave its
// remediation without the rights it needs, judged by the definition's facts: a
// deprecated definition, a parameter the definition does not declare
// (UndefinedPolicyParameter), a declared parameter without a default that is not
// passed (MissingPolicyParameter), a value of the wrong type, a value outside the
// parameter's allowedValues (PolicyParameterValueNotAllowed; ARM compares
// case-sensitively, and each member of an array), and a Modify or
// DeployIfNotExists effect without an identity, a location or the definition's roles.
func CheckAssignment(def *DefinitionFacts, a AssignmentValues) []error {
	var errs []error
	bad := func(format string, v ...any) {
		errs = append(errs, fmt.Errorf("policy assignment %q of %s: "+format, append([]any{a.Name, a.DefinitionID}, v...)...))
	}
	if def.Deprecated {
		bad("the definition (%q) is deprecated; assign the definition that replaces it", def.DisplayName)
	}
	for _, name := range sortedKeys(a.Parameters) {
		p, ok := def.Parameters[name]
		if !ok {
			bad("parameter %q is not declared by the definition; it declares: %s", name, declared(def))
			continue
		}
		if err := p.check(a.Parameters[name]); err != nil {
			bad("parameter %q: %v", name, err)
		}
	}
	for _, name := range sortedKeys(def.Parameters) {
		if _, passed := a.Parameters[name]; !passed && !def.Parameters[name].HasDefault {
			bad("parameter %q has no default value in the definition and is not passed", name)
		}
	}
	effect, known := def.effect(a.Parameters)
	if !known || !identityEffect(effect) {
		return errs
	}
	if !a.Identity {
		bad("effect %s needs a managed identity (identity.type SystemAssigned or UserAssigned)", effect)
	}
	if a.Location == "" {
		bad("effect %s needs a location for the assignment's managed identity", effect)
	}
	if a.RolesKnown {
		for _, r := range def.RoleDefinitionIDs {
			if !slices.ContainsFunc(a.Roles, func(x string) bool { return strings.EqualFold(x, r) }) {
				bad("effect %s needs role %s for the assignment's identity (the definition's roleDefinitionIds); it has %v", effect, r, a.Roles)
			}
		}
	}
	return errs
}

// effect returns the definition's effect for the parameters passed, and whether it
// is known (a parameter reference whose value is passed or defaulted, or a literal).
func (d *DefinitionFacts) effect(params map[string]any) (string, bool) {
	name := d.EffectParameter()
	if name == "" {
		return d.Effect, !strings.HasPrefix(strings.TrimSpace(d.Effect), "[")
	}
	if v, ok := params[name]; ok {
		s, isString := v.(string)
		return s, isString
	}
	s, ok := d.Parameters[name].DefaultValue.(string)
	return s, ok
}

// declared lists a definition's parameter names.
func declared(d *DefinitionFacts) string {
	names := sortedKeys(d.Parameters)
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// check judges one value against the parameter's type and allowed values.
func (p ParameterFacts) check(v any) error {
	if _, unknown := v.(UnknownValue); unknown {
		return nil
	}
	jv, err := jsonValue(v)
	if err != nil {
		return err
	}
	if err := checkType(p.Type, jv); err != nil {
		return err
	}
	if len(p.AllowedValues) == 0 {
		return nil
	}
	members := []any{jv}
	if arr, ok := jv.([]any); ok && !allowsArrays(p.AllowedValues) {
		members = arr
	}
	for _, m := range members {
		if !slices.ContainsFunc(p.AllowedValues, func(x any) bool { return reflect.DeepEqual(x, m) }) {
			return fmt.Errorf("value %s is not allowed; Azure allows %s (compared case-sensitively)", render(m), render(p.AllowedValues))
		}
	}
	return nil
}

// allowsArrays reports whether allowed values are themselves arrays (then an array
// value is compared whole, not member by member).
func allowsArrays(allowed []any) bool {
	for _, a := range allowed {
		if _, ok := a.([]any); ok {
			return true
		}
	}
	return false
}

// jsonValue turns a Go value into its JSON form (string, float64, bool, []any,
// map[string]any, nil), as ARM receives it.
func jsonValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("value %v cannot be sent to Azure as JSON: %w", v, err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("value %v: %w", v, err)
	}
	return out, nil
}

// checkType compares a JSON value with a parameter type (case-insensitive, as Azure
// reads types).
func checkType(typ string, v any) error {
	ok := true
	switch strings.ToLower(typ) {
	case "string", "datetime":
		_, ok = v.(string)
	case "array":
		_, ok = v.([]any)
	case "object":
		_, ok = v.(map[string]any)
	case "boolean":
		_, ok = v.(bool)
	case "integer":
		f, isNum := v.(float64)
		ok = isNum && f == math.Trunc(f)
	case "float":
		_, ok = v.(float64)
	}
	if !ok {
		return fmt.Errorf("value %s is not of the parameter's type %s", render(v), typ)
	}
	return nil
}

func render(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Facts returns a custom definition's facts, read as Azure reads a built-in's: its
// parameters, its effect expression and the roles its details name.
func (d *Definition) Facts() (*DefinitionFacts, error) {
	f := &DefinitionFacts{DisplayName: d.DisplayName, Mode: d.Mode, Parameters: map[string]ParameterFacts{}}
	for name, raw := range d.Parameters {
		b, err := json.Marshal(raw)
		if err != nil {
			return nil, fmt.Errorf("definition %q: parameter %q: %w", d.Name, name, err)
		}
		var p ParameterFacts
		if err := json.Unmarshal(b, &p); err != nil {
			return nil, fmt.Errorf("definition %q: parameter %q: %w", d.Name, name, err)
		}
		f.Parameters[name] = p
	}
	then, _ := d.PolicyRule["then"].(map[string]any)
	f.Effect, _ = then["effect"].(string)
	if details, ok := then["details"].(map[string]any); ok {
		roles, _ := details["roleDefinitionIds"].([]any)
		for _, r := range roles {
			if s, ok := r.(string); ok {
				f.RoleDefinitionIDs = append(f.RoleDefinitionIDs, s[strings.LastIndex(s, "/")+1:])
			}
		}
	}
	sort.Strings(f.RoleDefinitionIDs)
	return f, nil
}
