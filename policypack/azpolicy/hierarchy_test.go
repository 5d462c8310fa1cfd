package azpolicy

import (
	"reflect"
	"testing"
)

func TestHierarchyContainers(t *testing.T) {
	h := NewHierarchy()
	h.SetParent("11111111-1111-1111-1111-111111111111", "ai-corp")
	h.SetParent("AI-Corp", "/providers/Microsoft.Management/managementGroups/landingzones")
	h.SetParent("landingzones", "alz")
	h.SetParent("alz", "")
	want := []string{
		"/providers/Microsoft.Management/managementGroups/ai-corp",
		"/providers/Microsoft.Management/managementGroups/landingzones",
		"/providers/Microsoft.Management/managementGroups/alz",
	}
	if got := h.Containers("11111111-1111-1111-1111-111111111111"); !reflect.DeepEqual(got, want) {
		t.Errorf("Containers = %q, want %q", got, want)
	}
	if got := h.Containers("22222222-2222-2222-2222-222222222222"); got != nil {
		t.Errorf("a subscription outside the tree: Containers = %q, want none", got)
	}
}

func TestHierarchyCycleStops(t *testing.T) {
	h := NewHierarchy()
	h.SetParent("sub", "a")
	h.SetParent("a", "b")
	h.SetParent("b", "a")
	want := []string{ManagementGroupScope + "a", ManagementGroupScope + "b", ManagementGroupScope + "a"}
	if got := h.Containers("sub"); !reflect.DeepEqual(got, want) {
		t.Errorf("Containers = %q, want %q", got, want)
	}
}

func TestHierarchyAddNative(t *testing.T) {
	h := NewHierarchy()
	cases := []struct {
		token  string
		inputs map[string]any
		ok     bool
	}{
		{"azure-native:management:ManagementGroup", map[string]any{"groupId": "corp",
			"details": map[string]any{"parent": map[string]any{"id": "/providers/Microsoft.Management/managementGroups/alz"}}}, true},
		{"azure-native:management/v20230401:ManagementGroupSubscription", map[string]any{"groupId": "corp", "subscriptionId": "sub1"}, true},
		{"azure-native:management:ManagementGroup", map[string]any{"groupId": "orphan"}, false},
		{"azure-native:management:ManagementGroupSubscription", map[string]any{"groupId": "corp", "subscriptionId": Unknown}, false},
		{"azure-native:storage:StorageAccount", map[string]any{"groupId": "x", "subscriptionId": "y"}, false},
		{"aws:s3:Bucket", nil, false},
	}
	for _, c := range cases {
		if got := h.AddNative(c.token, c.inputs); got != c.ok {
			t.Errorf("AddNative(%s, %v) = %v, want %v", c.token, c.inputs, got, c.ok)
		}
	}
	want := []string{ManagementGroupScope + "corp", ManagementGroupScope + "alz"}
	if got := h.Containers("SUB1"); !reflect.DeepEqual(got, want) {
		t.Errorf("Containers = %q, want %q", got, want)
	}
}
