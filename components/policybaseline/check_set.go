package policybaseline

import (
	"fmt"
	"regexp"
	"slices"
)

// SetValues is a policy set definition as ARM receives it, to check an assignment
// of it with CheckSetAssignment.
type SetValues struct {
	// Name is the set's name, for messages.
	Name string
	// Parameters are the set's declared parameters.
	Parameters map[string]ParameterFacts
	// Members are the set's policyDefinitions.
	Members []SetMemberValues
}

// SetMemberValues is one policyDefinitions entry of a set.
type SetMemberValues struct {
	// Reference is its policyDefinitionReferenceId.
	Reference string
	// DefinitionID is the member definition's id.
	DefinitionID string
	// Parameters are the values the set passes: a "[parameters('<set parameter>')]"
	// reference or a literal value.
	Parameters map[string]any
}

// setParameterRef matches a member parameter that passes a set parameter on.
var setParameterRef = regexp.MustCompile(`^\[parameters\('([^']+)'\)\]$`)

// CheckSetAssignment returns every way ARM would refuse an assignment of a policy
// set, or leave a member's remediation without the rights it needs: the
// assignment's parameters against the set's (declared, allowed, required), then
// each member as CheckAssignment judges a single assignment, with the member's
// parameters resolved from the assignment's values and the set's defaults, and
// the assignment's identity, location and roles. definition returns a member's
// facts by id; a member it does not know is reported.
func CheckSetAssignment(set SetValues, a AssignmentValues, definition func(id string) (*DefinitionFacts, bool)) []error {
	setFacts := &DefinitionFacts{DisplayName: set.Name, Parameters: set.Parameters}
	errs := CheckAssignment(setFacts, a)
	for _, m := range set.Members {
		facts, ok := definition(m.DefinitionID)
		if !ok {
			errs = append(errs, fmt.Errorf("policy assignment %q of %s: member %q assigns %s, which is neither a built-in in Azure's facts nor a known custom definition", a.Name, a.DefinitionID, m.Reference, m.DefinitionID))
			continue
		}
		values, refErrs := memberValues(set, m, a)
		errs = append(errs, refErrs...)
		errs = append(errs, CheckAssignment(facts, values)...)
	}
	return errs
}

// memberValues resolves a member's parameters as ARM does when it evaluates the
// member of an assignment.
func memberValues(set SetValues, m SetMemberValues, a AssignmentValues) (AssignmentValues, []error) {
	v := AssignmentValues{
		Name: a.Name + "/" + m.Reference, DefinitionID: m.DefinitionID, Parameters: map[string]any{},
		Identity: a.Identity, Location: a.Location, Roles: slices.Clone(a.Roles), RolesKnown: a.RolesKnown,
	}
	var errs []error
	for _, name := range sortedKeys(m.Parameters) {
		raw := m.Parameters[name]
		s, isString := raw.(string)
		match := setParameterRef.FindStringSubmatch(s)
		if !isString || match == nil {
			if isString && len(s) > 0 && s[0] == '[' && (len(s) < 2 || s[1] != '[') {
				v.Parameters[name] = UnknownValue{} // another template expression
				continue
			}
			v.Parameters[name] = raw
			continue
		}
		decl, declared := set.Parameters[match[1]]
		given, passed := a.Parameters[match[1]]
		switch {
		case !declared:
			errs = append(errs, fmt.Errorf("policy assignment %q of %s: member %q parameter %q reads set parameter %q, which the set does not declare", a.Name, a.DefinitionID, m.Reference, name, match[1]))
		case passed:
			v.Parameters[name] = given
		case decl.HasDefault:
			v.Parameters[name] = decl.DefaultValue
		}
	}
	return v, errs
}
