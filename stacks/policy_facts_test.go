package stacks

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Types the facts test reads.
const (
	typePolicyAssignment = "azure-native:authorization:PolicyAssignment"
	typePolicyDefinition = "azure-native:authorization:PolicyDefinitionAtManagementGroup"
	typePolicySet        = "azure-native:authorization:PolicySetDefinitionAtManagementGroup"
	typeRoleAssignment   = "azure-native:authorization:RoleAssignment"
	roleDefinitionPrefix = "/providers/Microsoft.Authorization/roleDefinitions/"
	groupPrefix          = "/providers/Microsoft.Management/managementGroups/"
)

// TestRegisteredAssignmentsMatchAzureFacts checks every policy assignment the three
// stacks register (the resources, not the library's JSON) as ARM will: the assigned
// definition exists (a built-in in Azure's facts, or a custom definition the stack
// registers at the assignment's scope) and is not deprecated; every parameter passed
// is declared; every value is allowed; every parameter without a default is passed;
// every Modify/DeployIfNotExists assignment has an identity, a location and a role
// assignment for each role its definition names. An assignment of a policy set the
// stack registers is checked against the set's parameters, then member by member
// with the member's parameters resolved as ARM resolves them. Each stack is checked
// as shipped (under the ALZ estate's groups) and with parentArchetype none, where
// the baseline assigns every set itself.
func TestRegisteredAssignmentsMatchAzureFacts(t *testing.T) {
	for _, stack := range []string{"dev", "corp", "online"} {
		for _, placement := range []string{"shipped", policybaseline.ParentNone} {
			t.Run(stack+"/"+placement, func(t *testing.T) {
				cfg := shippedConfig(t, stack)
				if placement == policybaseline.ParentNone {
					cfg["ai-ready:managementGroup"] = withParentArchetype(t, cfg["ai-ready:managementGroup"], placement)
				}
				rec, err := runStack(t, stack, cfg)
				require.NoError(t, err)
				members := checkRegisteredAssignments(t, rec)
				if placement == policybaseline.ParentNone {
					assert.Greater(t, members, 50, "the set members checked")
				}
			})
		}
	}
}

// checkRegisteredAssignments checks every assignment a stack registers against the
// facts; it returns the number of set members checked.
func checkRegisteredAssignments(t *testing.T, rec *pulumitest.Recorder) int {
	custom := customDefinitionFacts(t, rec)
	sets := registeredSets(rec)
	lookup := func(id string) (*policybaseline.DefinitionFacts, bool) { return definitionFacts(custom, id) }
	assignments := rec.ByType(typePolicyAssignment)
	require.NotEmpty(t, assignments)
	members := 0
	for _, a := range assignments {
		values := registeredAssignment(rec, a)
		if set, ok := sets[strings.ToLower(values.DefinitionID)]; ok {
			members += len(set.Members)
			for _, err := range policybaseline.CheckSetAssignment(set, values, lookup) {
				t.Error(err)
			}
			continue
		}
		def, ok := lookup(values.DefinitionID)
		if !assert.True(t, ok, "%s assigns %s: neither a built-in in Azure's facts nor a definition or policy set this stack registers", values.Name, values.DefinitionID) {
			continue
		}
		for _, err := range policybaseline.CheckAssignment(def, values) {
			t.Error(err)
		}
	}
	return members
}

// withParentArchetype returns the managementGroup config object with another
// parentArchetype.
func withParentArchetype(t *testing.T, managementGroup, parent string) string {
	var mg map[string]any
	require.NoError(t, json.Unmarshal([]byte(managementGroup), &mg))
	mg["parentArchetype"] = parent
	b, err := json.Marshal(mg)
	require.NoError(t, err)
	return string(b)
}

// registeredSets reads the policy set definitions the stack registers, by id.
func registeredSets(rec *pulumitest.Recorder) map[string]policybaseline.SetValues {
	out := map[string]policybaseline.SetValues{}
	for _, r := range rec.ByType(typePolicySet) {
		set := policybaseline.SetValues{Name: r.String("policySetDefinitionName"), Parameters: map[string]policybaseline.ParameterFacts{}}
		for name, raw := range mappable(r, "parameters") {
			b, _ := json.Marshal(raw)
			var p policybaseline.ParameterFacts
			if err := json.Unmarshal(b, &p); err == nil {
				set.Parameters[name] = p
			}
		}
		refs, _ := plainValue(mustInput(r, "policyDefinitions")).([]any)
		for _, raw := range refs {
			ref, _ := raw.(map[string]any)
			m := policybaseline.SetMemberValues{Parameters: map[string]any{}}
			m.Reference, _ = ref["policyDefinitionReferenceId"].(string)
			m.DefinitionID, _ = ref["policyDefinitionId"].(string)
			params, _ := ref["parameters"].(map[string]any)
			for k, v := range params {
				if pv, ok := v.(map[string]any); ok {
					m.Parameters[k] = pv["value"]
				}
			}
			set.Members = append(set.Members, m)
		}
		id := groupPrefix + r.String("managementGroupId") + "/providers/Microsoft.Authorization/policySetDefinitions/" + set.Name
		out[strings.ToLower(id)] = set
	}
	return out
}

// mustInput returns an input, or a null value when the resource has none.
func mustInput(r pulumitest.Resource, key string) resource.PropertyValue {
	v, ok := r.Input(key)
	if !ok {
		return resource.NewNullProperty()
	}
	return v
}

// definitionFacts returns the facts of an assigned definition id.
func definitionFacts(custom map[string]*policybaseline.DefinitionFacts, id string) (*policybaseline.DefinitionFacts, bool) {
	if f, ok := custom[strings.ToLower(id)]; ok {
		return f, true
	}
	if !strings.HasPrefix(id, "/providers/Microsoft.Authorization/policyDefinitions/") {
		return nil, false
	}
	return policybaseline.DefaultBuiltIns().Definition(id)
}

// customDefinitionFacts reads the custom definitions the stack registers, by id.
func customDefinitionFacts(t *testing.T, rec *pulumitest.Recorder) map[string]*policybaseline.DefinitionFacts {
	out := map[string]*policybaseline.DefinitionFacts{}
	for _, r := range rec.ByType(typePolicyDefinition) {
		d := &policybaseline.Definition{
			Name:       r.String("policyDefinitionName"),
			Mode:       r.String("mode"),
			Parameters: mappable(r, "parameters"),
			PolicyRule: mappable(r, "policyRule"),
		}
		f, err := d.Facts()
		require.NoError(t, err)
		id := groupPrefix + r.String("managementGroupId") +
			"/providers/Microsoft.Authorization/policyDefinitions/" + d.Name
		out[strings.ToLower(id)] = f
	}
	return out
}

// registeredAssignment reads a registered assignment as ARM receives it, with the
// roles granted to its identity (role assignments whose principalId comes from it).
func registeredAssignment(rec *pulumitest.Recorder, a pulumitest.Resource) policybaseline.AssignmentValues {
	v := policybaseline.AssignmentValues{
		Name:         a.String("policyAssignmentName"),
		DefinitionID: a.String("policyDefinitionId"),
		Parameters:   map[string]any{},
		Identity:     a.String("identity.type") != "" && a.String("identity.type") != "None",
		Location:     a.String("location"),
		RolesKnown:   true,
	}
	if params, ok := a.Input("parameters"); ok && params.IsObject() {
		for k, p := range params.ObjectValue() {
			val, ok := pulumitest.Lookup(p, "value")
			if !ok || val.ContainsUnknowns() {
				v.Parameters[string(k)] = policybaseline.UnknownValue{}
				continue
			}
			v.Parameters[string(k)] = plainValue(val)
		}
	}
	for _, r := range rec.ByType(typeRoleAssignment) {
		for _, dep := range r.PropertyDependencies["principalId"] {
			if dep == a.URN {
				v.Roles = append(v.Roles, strings.TrimPrefix(r.String("roleDefinitionId"), roleDefinitionPrefix))
			}
		}
	}
	return v
}

// mappable returns the input at key as plain Go values.
func mappable(r pulumitest.Resource, key string) map[string]any {
	v, ok := r.Input(key)
	if !ok {
		return nil
	}
	m, _ := plainValue(v).(map[string]any)
	return m
}

// plainValue turns a property value into the plain Go value ARM would receive.
func plainValue(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return plainValue(v.SecretValue().Element)
	case v.IsOutput():
		return plainValue(v.OutputValue().Element)
	case v.IsArray():
		out := make([]any, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			out[i] = plainValue(e)
		}
		return out
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = plainValue(e)
		}
		return out
	}
	return v.Mappable()
}
