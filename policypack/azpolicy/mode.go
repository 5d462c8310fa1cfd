package azpolicy

import "strings"

// supportsTagsAndLocation says whether mode Indexed evaluates the resource
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#resource-manager-modes):
// the types of the azure-native table say so from their 2.90.0 definitions (an
// Args interface with tags and location); resource groups and subscriptions are
// not; otherwise a top-level type is, and a child type only when it carries a
// location.
func supportsTagsAndLocation(r *Resource) bool {
	t := r.lowerType()
	if v, ok := taggableTypes[t]; ok {
		return v
	}
	switch t {
	case "microsoft.resources/subscriptions", "microsoft.resources/subscriptions/resourcegroups", "microsoft.resources/resourcegroups":
		return false
	}
	if strings.Count(t, "/") == 1 {
		return true
	}
	_, hasLocation := lookupFold(r.ARM, "location")
	return hasLocation
}

// taggableTypes are the lower-cased ARM types whose support for tags and location
// is known from the azure-native table.
var taggableTypes = map[string]bool{}
