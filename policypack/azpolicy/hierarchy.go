package azpolicy

import "strings"

// ManagementGroupScope is the scope id prefix of a management group.
const ManagementGroupScope = "/providers/Microsoft.Management/managementGroups/"

// Hierarchy is the management group tree above subscriptions, as a tenant has
// it: each subscription or management group id mapped to the management group
// above it. Placement.Containers comes from it, so that assignments at a
// management group cover the resources of the subscriptions below it.
type Hierarchy struct {
	parent map[string]string // lower-case child id -> parent group id as written
}

// NewHierarchy returns an empty hierarchy.
func NewHierarchy() *Hierarchy { return &Hierarchy{parent: map[string]string{}} }

// SetParent records the management group above a subscription or group; a
// parent given as a scope id (/providers/Microsoft.Management/managementGroups/x)
// counts as its last segment, "" as the tenant root group (nothing above).
func (h *Hierarchy) SetParent(child, parent string) {
	if child == "" {
		return
	}
	h.parent[strings.ToLower(child)] = lastSegment(strings.TrimRight(parent, "/"))
}

// AddNative learns from an azure-native resource's inputs what it says about
// the tree: a management:ManagementGroup's details.parent.id, a
// management:ManagementGroupSubscription's groupId and subscriptionId (of any
// API-version module). It reports whether the resource said anything.
func (h *Hierarchy) AddNative(token string, inputs map[string]any) bool {
	module, _, name, err := ParseToken(token)
	if err != nil || module != "management" {
		return false
	}
	switch name {
	case "ManagementGroup":
		id, _ := inputs["groupId"].(string)
		details, _ := inputs["details"].(map[string]any)
		parent, _ := details["parent"].(map[string]any)
		p, _ := parent["id"].(string)
		if id == "" || p == "" {
			return false
		}
		h.SetParent(id, p)
	case "ManagementGroupSubscription":
		g, _ := inputs["groupId"].(string)
		sub, _ := inputs["subscriptionId"].(string)
		if g == "" || sub == "" {
			return false
		}
		h.SetParent(sub, g)
	default:
		return false
	}
	return true
}

// Containers returns the management groups above a subscription as scope ids,
// nearest first, for Placement.Containers; a cycle stops the walk.
func (h *Hierarchy) Containers(subscription string) []string {
	var out []string
	seen := map[string]bool{}
	for cur := strings.ToLower(subscription); cur != "" && !seen[cur]; {
		seen[cur] = true
		p, ok := h.parent[cur]
		if !ok || p == "" {
			break
		}
		out = append(out, ManagementGroupScope+p)
		cur = strings.ToLower(p)
	}
	return out
}
