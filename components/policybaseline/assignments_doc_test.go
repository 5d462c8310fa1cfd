package policybaseline_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/aiready/aiready/components/policybaseline/internal/assignmentsdoc"
)

// TestAssignmentsDocIsCurrent keeps ASSIGNMENTS.md equal to what the library gives.
func TestAssignmentsDocIsCurrent(t *testing.T) {
	want, err := assignmentsdoc.Render()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("ASSIGNMENTS.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("ASSIGNMENTS.md is stale: run `go generate ./components/policybaseline`")
	}
}
