package azpolicy

import (
	"fmt"
	"strings"
)

// Effect is a policy effect, in its canonical spelling
// (learn.microsoft.com/azure/governance/policy/concepts/effect-basics).
type Effect string

// The effects the evaluator resolves.
const (
	EffectDeny              Effect = "Deny"
	EffectAudit             Effect = "Audit"
	EffectAuditIfNotExists  Effect = "AuditIfNotExists"
	EffectDeployIfNotExists Effect = "DeployIfNotExists"
	EffectModify            Effect = "Modify"
	EffectAppend            Effect = "Append"
	EffectDenyAction        Effect = "DenyAction"
	EffectManual            Effect = "Manual"
	EffectDisabled          Effect = "Disabled"
)

var allEffects = []Effect{EffectDeny, EffectAudit, EffectAuditIfNotExists, EffectDeployIfNotExists,
	EffectModify, EffectAppend, EffectDenyAction, EffectManual, EffectDisabled}

// ParseEffect returns the effect a string names, case-insensitively.
func ParseEffect(s string) (Effect, error) {
	for _, e := range allEffects {
		if strings.EqualFold(string(e), s) {
			return e, nil
		}
	}
	names := make([]string, len(allEffects))
	for i, e := range allEffects {
		names[i] = string(e)
	}
	return "", fmt.Errorf("%q is not an effect; use one of %s", s, strings.Join(names, ", "))
}

// details are the compiled then.details of every effect that has them; which one
// applies is known once the effect is resolved.
type details struct {
	operations []*operationSpec // Modify: details.operations
	appends    []*operationSpec // Append: details (an array)
	existence  *existenceSpec   // AuditIfNotExists, DeployIfNotExists
	raw        any
}

// operationSpec is a Modify operation or an Append detail as written.
type operationSpec struct {
	operation string
	field     string
	value     node
	condition node // nil: always
	path      string
}

// existenceSpec is the related-resource part of AuditIfNotExists and
// DeployIfNotExists.
type existenceSpec struct {
	typ, name, resourceGroupName, existenceScope node
	condition                                    cond // nil: any related resource satisfies it
}

func parseDetails(raw any) (details, error) {
	d := details{raw: raw}
	switch x := raw.(type) {
	case nil:
		return d, nil
	case []any:
		for i, e := range x {
			spec, err := parseOperation(e, fmt.Sprintf("policyRule.then.details[%d]", i), "append")
			if err != nil {
				return d, err
			}
			d.appends = append(d.appends, spec)
		}
		return d, nil
	case map[string]any:
		if ops, ok := lookupFold(x, "operations"); ok {
			arr, ok := ops.([]any)
			if !ok {
				return d, fmt.Errorf("operations must be an array")
			}
			for i, e := range arr {
				spec, err := parseOperation(e, fmt.Sprintf("policyRule.then.details.operations[%d]", i), "")
				if err != nil {
					return d, err
				}
				d.operations = append(d.operations, spec)
			}
		}
		if _, ok := lookupFold(x, "type"); ok {
			ex, err := parseExistence(x)
			if err != nil {
				return d, err
			}
			d.existence = ex
		}
		return d, nil
	}
	return d, fmt.Errorf("expected an object or an array, got %s", kindName(raw))
}

func parseOperation(raw any, path, fixed string) (*operationSpec, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: expected an object with field and value", path)
	}
	spec := &operationSpec{operation: fixed, field: str(m, "field"), path: path}
	if fixed == "" {
		switch strings.ToLower(str(m, "operation")) {
		case "addorreplace":
			spec.operation = "addOrReplace"
		case "add":
			spec.operation = "add"
		case "remove":
			spec.operation = "remove"
		default:
			return nil, fmt.Errorf("%s.operation: %q is not addOrReplace, add or remove", path, str(m, "operation"))
		}
	}
	if spec.field == "" {
		return nil, fmt.Errorf("%s.field: a field is required", path)
	}
	v, hasValue := lookupFold(m, "value")
	if !hasValue && spec.operation != "remove" {
		return nil, fmt.Errorf("%s.value: %s needs a value", path, spec.operation)
	}
	var err error
	if spec.value, err = compileValue(v); err != nil {
		return nil, fmt.Errorf("%s.value: %w", path, err)
	}
	if c, ok := lookupFold(m, "condition"); ok {
		if spec.condition, err = compileValue(c); err != nil {
			return nil, fmt.Errorf("%s.condition: %w", path, err)
		}
	}
	return spec, nil
}

func parseExistence(m map[string]any) (*existenceSpec, error) {
	ex := &existenceSpec{}
	for key, dst := range map[string]*node{"type": &ex.typ, "name": &ex.name, "resourceGroupName": &ex.resourceGroupName, "existenceScope": &ex.existenceScope} {
		v, ok := lookupFold(m, key)
		if !ok {
			continue
		}
		n, err := compileValue(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		*dst = n
	}
	if c, ok := lookupFold(m, "existenceCondition"); ok {
		cc, err := parseCond(c, "policyRule.then.details.existenceCondition")
		if err != nil {
			return nil, err
		}
		ex.condition = cc
	}
	return ex, nil
}

// Operation is a Modify operation or an Append detail, evaluated for a resource.
type Operation struct {
	// Operation is addOrReplace, add or remove (Modify), or append (Append).
	Operation string
	// Field is the field or alias it changes ("tags['env']",
	// "Microsoft.Storage/storageAccounts/allowBlobPublicAccess").
	Field string
	// Value is the value it sets (none for remove).
	Value any
}

// String renders the operation: `addOrReplace Microsoft.X/y/z = false`.
func (o Operation) String() string {
	if o.Operation == "remove" {
		return "remove " + o.Field
	}
	return fmt.Sprintf("%s %s = %s", o.Operation, o.Field, Render(o.Value))
}

// evalOperations evaluates the operations' conditions and values for a resource;
// an operation whose condition is false is skipped, one whose condition cannot be
// known makes the result unknown.
func evalOperations(s *state, specs []*operationSpec) ([]Operation, tri, error) {
	var out []Operation
	known := triTrue
	for _, spec := range specs {
		if spec.condition != nil {
			c, err := spec.condition.eval(s)
			if err != nil {
				return nil, triFalse, fmt.Errorf("%s.condition: %w", spec.path, err)
			}
			if IsUnknown(c) {
				known = triUnknown
				continue
			}
			b, ok := asBool(c)
			if !ok {
				return nil, triFalse, fmt.Errorf("%s.condition: %s is not a boolean", spec.path, Render(c))
			}
			if !b {
				continue
			}
		}
		var v any
		if spec.value != nil {
			var err error
			if v, err = spec.value.eval(s); err != nil {
				return nil, triFalse, fmt.Errorf("%s.value: %w", spec.path, err)
			}
		}
		out = append(out, Operation{Operation: spec.operation, Field: spec.field, Value: v})
	}
	return out, known, nil
}

func (spec *operationSpec) bind(b *binder) *operationSpec {
	out := *spec
	out.value = b.fold(spec.value)
	if spec.condition != nil {
		out.condition = b.fold(spec.condition)
	}
	return &out
}

func (ex *existenceSpec) bind(b *binder) (*existenceSpec, error) {
	out := &existenceSpec{}
	for _, p := range []struct{ dst, src *node }{{&out.typ, &ex.typ}, {&out.name, &ex.name},
		{&out.resourceGroupName, &ex.resourceGroupName}, {&out.existenceScope, &ex.existenceScope}} {
		if *p.src != nil {
			*p.dst = b.fold(*p.src)
		}
	}
	if ex.condition != nil {
		c, err := ex.condition.bind(b)
		if err != nil {
			return nil, err
		}
		out.condition = c
	}
	return out, nil
}
