// Package assignmentsdoc renders components/policybaseline/ASSIGNMENTS.md: per
// archetype of the embedded library, every policy assignment with its definition,
// effect, enforcement mode and source (an ALZ set, or the guide), every member of
// the ALZ sets that is not assigned with the reason, and what each placement in an
// ALZ estate leaves to the estate. The generator command (../genassignments) and the
// test that keeps the committed file current both call Render.
package assignmentsdoc
