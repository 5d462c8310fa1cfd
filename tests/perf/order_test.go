package perf

import (
	"slices"
	"testing"
)

// TestRecordOrderIsStable: recording a stack twice gives the same resources in
// the same order, each after its parent and its dependencies, so the scaled sets
// are the same in every process.
func TestRecordOrderIsStable(t *testing.T) {
	cfg, err := ShippedConfig("../..", "corp")
	if err != nil {
		t.Fatal(err)
	}
	var runs [3][]string
	for i := range runs {
		rs, err := Record("corp", cfg)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		all := map[string]bool{}
		for _, r := range rs {
			all[r.URN] = true
		}
		for _, r := range rs {
			for _, d := range prerequisites(r) {
				if all[d] && !seen[d] {
					t.Fatalf("%s comes before %s, which it needs", r.URN, d)
				}
			}
			seen[r.URN] = true
			runs[i] = append(runs[i], r.URN)
		}
	}
	if !slices.Equal(runs[0], runs[1]) || !slices.Equal(runs[0], runs[2]) {
		t.Fatal("two recordings of the same stack give different orders")
	}
}
