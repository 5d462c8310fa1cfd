package rules

import (
	"strconv"
	"strings"

	"github.com/aiready/aiready/policypack/props"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// show renders a property value for a message: "not set", "false", "\"Enabled\"".
func show(v props.Value) string {
	if v.IsSecret() && !v.IsAbsent() {
		return "a secret value"
	}
	switch v.Kind() {
	case props.Absent, props.Null:
		return "not set"
	case props.Unknown:
		return "unknown"
	case props.Bool:
		b, _ := v.Bool()
		return strconv.FormatBool(b)
	case props.Number:
		f, _ := v.Num()
		return strconv.FormatFloat(f, 'f', -1, 64)
	case props.String:
		s, _ := v.Str()
		return strconv.Quote(s)
	case props.Array:
		return "a list"
	case props.Object:
		return "an object"
	default:
		return "not a value the rule understands"
	}
}

// requireBool checks that a boolean property has the wanted value. An unknown value is
// unverifiable; any other value (absent included) is a violation whose message starts
// with "<path> is <value>; " followed by fix.
func requireBool(r *Resource, path string, want bool, what, fix string) []Finding {
	v := r.Get(path)
	if v.IsUnknown() {
		return []Finding{Unverifiable(path, what)}
	}
	if b, ok := v.Bool(); ok && b == want {
		return nil
	}
	return []Finding{Violation("%s is %s; %s", path, show(v), fix)}
}

// requireString checks that a string property equals one of the wanted values (ignoring case).
func requireString(r *Resource, path string, want []string, what, fix string) []Finding {
	v := r.Get(path)
	if v.IsUnknown() {
		return []Finding{Unverifiable(path, what)}
	}
	for _, w := range want {
		if v.Equal(w) {
			return nil
		}
	}
	return []Finding{Violation("%s is %s; %s", path, show(v), fix)}
}

// joinQuoted renders a list of names for a message.
func joinQuoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// aiTypes are the AI resource types of the guide: an Azure AI services / Azure
// OpenAI account or deployment, an AI Search service, or an Azure Machine Learning
// / AI Foundry workspace.
var aiTypes = []string{TypeAccount, TypeDeployment, TypeSearchService, TypeMLWorkspace}

// withProp returns a copy of m with the value at the path set, copying only the maps
// along the path; false when a map along the path is not a plain object (unknown,
// secret or another shape), which a remediation must not overwrite.
func withProp(m resource.PropertyMap, value resource.PropertyValue, path ...string) (resource.PropertyMap, bool) {
	if len(path) == 0 {
		return m, false
	}
	out := make(resource.PropertyMap, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	key := resource.PropertyKey(path[0])
	if len(path) == 1 {
		out[key] = value
		return out, true
	}
	var child resource.PropertyMap
	if cur, ok := m[key]; ok {
		obj, isObj := cur.V.(resource.PropertyMap)
		if !isObj {
			if !cur.IsNull() {
				return m, false
			}
		}
		child = obj
	}
	nested, ok := withProp(child, value, path[1:]...)
	if !ok {
		return m, false
	}
	out[key] = resource.NewProperty(nested)
	return out, true
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

func lower(s string) string { return strings.ToLower(s) }
