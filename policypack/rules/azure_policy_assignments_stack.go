package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aiready/aiready/policypack/azpolicy"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Policy resource types the azure-policy-assignments policy reads from the stack.
const (
	TypePolicyDefinition = "azure-native:authorization:PolicyDefinitionAtManagementGroup"
	TypeResourceGroup    = "azure-native:resources:ResourceGroup"
	mgPrefix             = "/providers/Microsoft.Management/managementGroups/"
)

// stackPolicy is what the stack registers: its definitions and sets (a library
// layered over the tenant's) and its assignments, each with the resource that
// registers it.
type stackPolicy struct {
	lib         *azpolicy.Library
	assignments []*azpolicy.Assignment
	urns        map[*azpolicy.Assignment]string
	errs        []Finding // definitions and assignments that do not parse
}

// readStackPolicy reads the stack's PolicyDefinitionAtManagementGroup,
// PolicySetDefinitionAtManagementGroup and PolicyAssignment resources in the
// ARM shape (an id built from the management group and the name).
func readStackPolicy(s *Stack, base *azpolicy.Library) *stackPolicy {
	sp := &stackPolicy{lib: azpolicy.NewLibraryOver(base), urns: map[*azpolicy.Assignment]string{}}
	for _, r := range s.OfType(TypePolicyDefinition) {
		doc := policyDoc(r, "policyDefinitionName", "policyDefinitions", "displayName", "description", "mode", "parameters", "policyRule", "metadata")
		d, err := azpolicy.DefinitionFromMap(doc)
		if err != nil {
			sp.errs = append(sp.errs, Violation("policy definition %q cannot be evaluated, and Azure would refuse it: %v.", doc["name"], err).At(r.URN))
			continue
		}
		sp.lib.AddDefinition(d)
	}
	for _, r := range s.OfType(TypePolicySetDefinition) {
		doc := policyDoc(r, "policySetDefinitionName", "policySetDefinitions", "displayName", "description", "parameters", "policyDefinitions", "metadata")
		set, err := azpolicy.SetDefinitionFromMap(doc)
		if err != nil {
			sp.errs = append(sp.errs, Violation("policy set definition %q cannot be evaluated, and Azure would refuse it: %v.", doc["name"], err).At(r.URN))
			continue
		}
		sp.lib.AddSet(set)
	}
	for _, r := range s.OfType(TypePolicyAssignment) {
		a, err := stackAssignment(r)
		if err != nil {
			sp.errs = append(sp.errs, Violation("policy assignment %q cannot be evaluated, and Azure would refuse it: %v.", r.Name, err).At(r.URN))
			continue
		}
		if a == nil {
			continue
		}
		sp.assignments = append(sp.assignments, a)
		sp.urns[a] = r.URN
	}
	return sp
}

// policyDoc builds a definition's or set's ARM object from a resource at a
// management group: its id and name, and the listed properties.
func policyDoc(r *Resource, nameKey, collection string, keys ...string) map[string]any {
	group, _ := r.Get("managementGroupId").Str()
	name, _ := r.Get(nameKey).Str()
	if name == "" {
		name, _ = r.Get("name").Str()
	}
	doc := map[string]any{"name": name}
	if group != "" && name != "" {
		doc["id"] = mgPrefix + group + "/providers/Microsoft.Authorization/" + collection + "/" + name
	}
	for _, k := range keys {
		if v := r.Get(k); !v.IsAbsent() {
			doc[k] = plain(v.Raw())
		}
	}
	return doc
}

// stackAssignment reads a PolicyAssignment resource; nil when its scope or
// definition is not known yet (it is then not evaluated).
func stackAssignment(r *Resource) (*azpolicy.Assignment, error) {
	scope, ok1 := r.Get("scope").Str()
	defID, ok2 := r.Get("policyDefinitionId").Str()
	if !ok1 || !ok2 || scope == "" || defID == "" {
		return nil, nil
	}
	name, _ := r.AzureName().Str()
	if name == "" {
		name = r.Name
	}
	doc := map[string]any{
		"id": strings.TrimRight(scope, "/") + "/providers/Microsoft.Authorization/policyAssignments/" + name, "name": name,
		"scope": scope, "policyDefinitionId": defID,
	}
	for _, k := range []string{"displayName", "parameters", "notScopes", "overrides", "nonComplianceMessages"} {
		if v := r.Get(k); !v.IsAbsent() {
			doc[k] = plain(v.Raw())
		}
	}
	// Declared: an unset mode is Default, though the outputs say unknown at preview.
	if m, ok := r.Declared("enforcementMode").Str(); ok {
		doc["enforcementMode"] = m
	}
	return azpolicy.AssignmentFromMap(doc)
}

// hierarchy is the management groups above each subscription: the stack's
// ManagementGroup (details.parent.id) and ManagementGroupSubscription resources
// over pack config azurePolicyManagementGroups.
type hierarchy = azpolicy.Hierarchy

// configHierarchy is pack config azurePolicyManagementGroups alone.
func configHierarchy(ctx *Context) *hierarchy {
	h := azpolicy.NewHierarchy()
	for k, v := range ctx.Settings.AzurePolicy.ManagementGroups {
		h.SetParent(k, v)
	}
	return h
}

func readHierarchy(ctx *Context, s *Stack) *hierarchy {
	h := configHierarchy(ctx)
	for _, r := range s.OfType(TypeManagementGroup) {
		id, _ := groupID(r)
		if p, ok := r.Declared("details.parent.id").Str(); ok && id != "" && p != "" {
			h.SetParent(id, p)
		}
	}
	for _, r := range s.OfType(TypeManagementGroupSub) {
		g, _ := r.Get("groupId").Str()
		sub, _ := r.Get("subscriptionId").Str()
		if g != "" && sub != "" {
			h.SetParent(sub, g)
		}
	}
	return h
}

// plain converts a Pulumi property value to decoded JSON, with azpolicy.Unknown
// for a value not known yet.
func plain(v resource.PropertyValue) any {
	switch {
	case v.IsComputed():
		return azpolicy.Unknown
	case v.IsOutput():
		o := v.OutputValue()
		if !o.Known {
			return azpolicy.Unknown
		}
		return plain(o.Element)
	case v.IsSecret():
		return plain(v.SecretValue().Element)
	case v.IsArray():
		arr := v.ArrayValue()
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = plain(e)
		}
		return out
	case v.IsObject():
		return plainMap(v.ObjectValue())
	case v.IsString():
		return v.StringValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsBool():
		return v.BoolValue()
	}
	return nil
}

func plainMap(m resource.PropertyMap) map[string]any {
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[string(k)] = plain(e)
	}
	return out
}

// toProperty is plain's inverse, for remediated inputs.
func toProperty(v any) resource.PropertyValue {
	switch x := v.(type) {
	case azpolicy.UnknownValue:
		return resource.MakeComputed(resource.NewStringProperty(""))
	case map[string]any:
		return resource.NewObjectProperty(toPropertyMap(x))
	case []any:
		arr := make([]resource.PropertyValue, len(x))
		for i, e := range x {
			arr[i] = toProperty(e)
		}
		return resource.NewArrayProperty(arr)
	}
	return resource.NewPropertyValue(v)
}

func toPropertyMap(m map[string]any) resource.PropertyMap {
	out := make(resource.PropertyMap, len(m))
	for k, e := range m {
		out[resource.PropertyKey(k)] = toProperty(e)
	}
	return out
}

// armResource is a stack resource in the ARM shape with where it is.
type armResource struct {
	r   *Resource
	res *azpolicy.Resource
	at  azpolicy.Placement
	ctx *azpolicy.Context
}

// policyTypes are the types the policy evaluates no assignment on: the
// management groups and policy objects themselves.
var policyTypes = map[string]bool{
	TypeManagementGroup: true, TypeManagementGroupSub: true, TypePolicyAssignment: true,
	TypePolicyDefinition: true, TypePolicySetDefinition: true,
}

// toARM converts a stack resource; ok is false for a type the conversion table
// does not hold or the policy does not evaluate.
func toARM(r *Resource, h *hierarchy) (armResource, bool) {
	if policyTypes[r.Type] || !strings.HasPrefix(r.Type, "azure-native:") {
		return armResource{}, false
	}
	sub, _ := r.Subscription()
	inputs := plainMap(r.Props)
	res, err := azpolicy.FromAzureNative(r.Token, inputs, &azpolicy.ConvertOptions{SubscriptionID: sub})
	if err != nil {
		return armResource{}, false
	}
	at := azpolicy.Placement{Containers: h.Containers(sub)}
	if id, ok := res.ARM["id"].(string); ok {
		at.ID = id
	}
	ctx := &azpolicy.Context{}
	if sub != "" {
		ctx.Subscription = map[string]any{"id": "/subscriptions/" + sub, "subscriptionId": sub}
	}
	return armResource{r: r, res: res, at: at, ctx: ctx}, true
}

// resourceGroups indexes the stack's resource groups by lower-case name, as
// resourceGroup() returns them.
func resourceGroups(s *Stack) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range s.OfType(TypeResourceGroup) {
		name, ok := r.Get("resourceGroupName").Str()
		if !ok || name == "" {
			continue
		}
		g := map[string]any{"name": name, "type": "Microsoft.Resources/resourceGroups"}
		for _, k := range []string{"location", "tags"} {
			if v := r.Get(k); !v.IsAbsent() {
				g[k] = plain(v.Raw())
			}
		}
		if sub, _ := r.Subscription(); sub != "" {
			g["id"] = "/subscriptions/" + sub + "/resourceGroups/" + name
		}
		out[strings.ToLower(name)] = g
	}
	return out
}

// related answers an AuditIfNotExists or DeployIfNotExists query from the
// stack's resources of the type asked for: what the stack deploys is all the
// pack knows, so a related resource outside the stack reads as absent.
func related(byType map[string][]*azpolicy.Resource) func(q azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) {
	return func(q azpolicy.RelatedQuery) ([]*azpolicy.Resource, bool) {
		return byType[strings.ToLower(q.Type)], true
	}
}

// describeResource names a resource in a message: its ARM type and name.
func describeResource(a armResource) string {
	name := a.r.Name
	if n := a.res.Name(); n != "" {
		name = n
	}
	return fmt.Sprintf("%s %q", a.res.Type(), name)
}

// nativeTypes are the azure-native types of the conversion table, normalised,
// with the policy types the policy reads.
func nativeTypes() []string {
	seen := map[string]bool{TypePolicySetDefinition: true}
	for _, t := range azpolicy.NativeTokens() {
		seen["azure-native:"+t] = true
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
