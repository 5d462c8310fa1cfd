package azpolicy

import (
	"fmt"
	"strings"
)

// ApplyOperations returns a copy of the resource with Modify operations or Append
// details applied, as Azure applies them to a request
// (learn.microsoft.com/azure/governance/policy/concepts/effect-modify,
// effect-append, and "Modifying arrays" in Author policies for array properties):
//
//   - addOrReplace sets the value; on a [*] alias it replaces the array with the
//     one member, on an alias below [*] it sets the property of every member;
//   - add sets the value when the property is missing; on a [*] alias it appends
//     the member;
//   - remove deletes a tag (Azure supports remove for tags only);
//   - append (Append) adds a missing value, appends to a [*] alias, and is a
//     conflict when the property has another value (Azure then denies).
//
// A property whose parent object is missing is skipped, as Azure skips it
// ("Property not present"); skipped lists those operations. An error names an
// operation that cannot apply (remove on a property, an alias of another type, a
// conflict).
func ApplyOperations(res *Resource, ops []Operation, aliases *AliasTable) (out *Resource, skipped []Operation, err error) {
	if aliases == nil {
		aliases = defaultAliases
	}
	arm, _ := deepCopy(res.ARM).(map[string]any)
	out = &Resource{ARM: arm, FullName: res.FullName, typeLower: res.typeLower}
	for _, op := range ops {
		applied, err := applyOne(out, op, aliases)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", op, err)
		}
		if !applied {
			skipped = append(skipped, op)
		}
	}
	return out, skipped, nil
}

func applyOne(res *Resource, op Operation, aliases *AliasTable) (bool, error) {
	f, err := parseField(op.Field, aliases)
	if err != nil {
		return false, err
	}
	switch f.kind {
	case fieldTag:
		return applyTag(res, op, f.tag)
	case fieldAlias:
	case fieldTop:
		if op.Operation == "remove" {
			return false, fmt.Errorf("remove applies to tags only")
		}
		return setPath(res.ARM, literal(f.path), op)
	default:
		return false, fmt.Errorf("%s cannot be modified", f.text)
	}
	if op.Operation == "remove" {
		return false, fmt.Errorf("remove applies to tags only")
	}
	steps := f.alias.stepsFor(res.lowerType())
	if steps == nil {
		return false, fmt.Errorf("the alias does not apply to %s", res.Type())
	}
	return setPath(res.ARM, steps, op)
}

func literal(keys []string) []step {
	out := make([]step, len(keys))
	for i, k := range keys {
		out[i] = step{key: k}
	}
	return out
}

func applyTag(res *Resource, op Operation, tag string) (bool, error) {
	tags, _ := lookupFold(res.ARM, "tags")
	m, ok := tags.(map[string]any)
	if !ok {
		if op.Operation == "remove" {
			return true, nil
		}
		m = map[string]any{}
		res.ARM["tags"] = m
	}
	key := tag
	for k := range m {
		if strings.EqualFold(k, tag) {
			key = k
		}
	}
	old, exists := m[key]
	switch op.Operation {
	case "remove":
		delete(m, key)
	case "add":
		if !exists {
			m[key] = op.Value
		}
	case "append":
		if exists && looseEqual(old, op.Value) != triTrue {
			return false, fmt.Errorf("tag %s is %s: appending %s conflicts (Azure denies)", tag, Render(old), Render(op.Value))
		}
		m[key] = op.Value
	default:
		m[key] = op.Value
	}
	return true, nil
}

// setPath applies the operation at the end of a path. At a [*] followed by more
// steps it applies to every member; a [*] at the end is the array itself. The
// resource's own properties object is created when missing; any other missing
// parent skips the operation.
func setPath(root map[string]any, steps []step, op Operation) (bool, error) {
	for i, s := range steps {
		if !s.wild {
			continue
		}
		if i == 0 {
			return false, fmt.Errorf("a path cannot start with [*]")
		}
		container, ok, err := walkParents(root, steps[:i-1])
		if !ok || err != nil {
			return false, err
		}
		if i == len(steps)-1 {
			return setArray(container, steps[i-1], op)
		}
		arr, _ := lookupStep(container, steps[i-1]).([]any)
		applied := false
		for _, m := range arr {
			if mm, ok := m.(map[string]any); ok {
				a, err := setPath(mm, steps[i+1:], op)
				if err != nil {
					return false, err
				}
				applied = applied || a
			}
		}
		return applied, nil
	}
	if len(steps) == 0 {
		return false, fmt.Errorf("empty path")
	}
	parent, ok, err := walkParents(root, steps[:len(steps)-1])
	if !ok || err != nil {
		return false, err
	}
	return setKey(parent, steps[len(steps)-1], op)
}

// walkParents follows key steps to an object, creating the top-level properties
// object only.
func walkParents(root map[string]any, steps []step) (map[string]any, bool, error) {
	cur := root
	for i, s := range steps {
		next := lookupStep(cur, s)
		if IsUnknown(next) {
			return nil, false, fmt.Errorf("the path goes through a value unknown at preview")
		}
		m, ok := next.(map[string]any)
		if !ok {
			if i == 0 && s.key == "properties" && isAbsent(next) {
				m = map[string]any{}
				cur["properties"] = m
			} else {
				return nil, false, nil
			}
		}
		cur = m
	}
	return cur, true, nil
}

// keyIn returns the key under which obj holds s (its own spelling, or its
// properties' for a sub-resource), and the map that holds it.
func keyIn(obj map[string]any, s step) (map[string]any, string) {
	for k := range obj {
		if strings.EqualFold(k, s.key) {
			return obj, k
		}
	}
	if s.fallback {
		if p, ok := obj["properties"].(map[string]any); ok {
			for k := range p {
				if strings.EqualFold(k, s.key) {
					return p, k
				}
			}
			return p, s.key
		}
	}
	return obj, s.key
}

func setKey(parent map[string]any, s step, op Operation) (bool, error) {
	holder, key := keyIn(parent, s)
	old, exists := holder[key]
	switch op.Operation {
	case "add":
		if exists && old != nil {
			return true, nil
		}
	case "append":
		if exists && old != nil && looseEqual(old, op.Value) != triTrue {
			return false, fmt.Errorf("the property is %s: appending %s conflicts (Azure denies)", Render(old), Render(op.Value))
		}
	}
	holder[key] = deepCopy(op.Value)
	return true, nil
}

func setArray(parent map[string]any, s step, op Operation) (bool, error) {
	holder, key := keyIn(parent, s)
	arr, _ := holder[key].([]any)
	add := []any{deepCopy(op.Value)}
	if vs, ok := op.Value.([]any); ok && op.Operation == "append" {
		add = deepCopy(vs).([]any)
	}
	if op.Operation == "addOrReplace" {
		holder[key] = add
		return true, nil
	}
	holder[key] = append(arr, add...)
	return true, nil
}
