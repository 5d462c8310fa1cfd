package azpolicy

import "testing"

// Scopes compare ignoring case and a trailing slash, and stop at path segments
// (learn.microsoft.com/azure/governance/policy/concepts/assignment-structure,
// "Scope" and "Excluded scopes", read 2026-12-03: an assignment applies to the
// resources at or below its scope).
func TestPlacementHolds(t *testing.T) {
	const id = "/subscriptions/S1/resourceGroups/RG-App/providers/Microsoft.Storage/storageAccounts/st1"
	mg := "/providers/Microsoft.Management/managementGroups/Corp/"
	cases := []struct {
		scope string
		want  bool
	}{
		{"/subscriptions/s1", true},
		{"/subscriptions/S1/", true},
		{"/subscriptions/s1/resourcegroups/rg-app", true},
		{id, true},
		{"/subscriptions/s1/resourceGroups/rg-ap", false},
		{"/subscriptions/s1/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/st", false},
		{"/subscriptions/s2", false},
		{"/providers/Microsoft.Management/managementGroups/corp", true},
		{"/providers/Microsoft.Management/managementGroups/alz", false},
		{"", false},
	}
	w := placeOf(id, []string{mg})
	for _, c := range cases {
		if got := w.holds(lowerScope(c.scope)); got != c.want {
			t.Errorf("holds(%q) = %v, want %v", c.scope, got, c.want)
		}
		if got := inScope(c.scope, id, []string{mg}); got != c.want {
			t.Errorf("inScope(%q) = %v, want %v", c.scope, got, c.want)
		}
	}
}

// Without an id (not known at preview), a management group is told from the
// containers, a subscription or resource group scope cannot be.
func TestPlacementHoldsTriWithoutID(t *testing.T) {
	w := placeOf("", []string{"/providers/Microsoft.Management/managementGroups/corp"})
	cases := []struct {
		scope string
		want  tri
	}{
		{"/providers/Microsoft.Management/managementGroups/CORP", triTrue},
		{"/providers/Microsoft.Management/managementGroups/online", triFalse},
		{"/subscriptions/s1", triUnknown},
		{"/subscriptions/s1/resourceGroups/rg", triUnknown},
	}
	for _, c := range cases {
		if got := w.holdsTri(lowerScope(c.scope)); got != c.want {
			t.Errorf("holdsTri(%q) = %v, want %v", c.scope, got, c.want)
		}
	}
	known := placeOf("/subscriptions/s2/resourceGroups/rg/providers/x/y/z", nil)
	if got := known.holdsTri(lowerScope("/subscriptions/s1")); got != triFalse {
		t.Errorf("a known id outside the scope: holdsTri = %v, want false", got)
	}
}
