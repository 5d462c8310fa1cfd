package policybaseline

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/stretchr/testify/assert"
)

// TestEmittedInputsMatchTheSchema checks the inputs of every resource the baseline
// of each archetype registers (custom definitions, policy set definitions with
// their policyDefinitions references, assignments, role assignments) the way the
// provider's Check and the end-to-end stand-in do, against the azure-native 2.90.0
// definitions: every property name known, every required one present, enum values
// (policyType, enforcementMode, parameter types) spelt as the enums spell them.
func TestEmittedInputsMatchTheSchema(t *testing.T) {
	s := azschema.ForTest(t)
	for _, archetype := range DefaultLibrary().ArchetypeNames() {
		rec, _, err := run(t, baseArgs(archetype))
		if !assert.NoError(t, err, archetype) {
			continue
		}
		checked := map[string]int{}
		for _, r := range rec.Resources() {
			if !r.Custom {
				continue
			}
			checked[r.Type]++
			if err := s.ValidateInputs(r.Type, r.Inputs); err != nil {
				for _, line := range strings.Split(err.Error(), "\n") {
					t.Errorf("%s: %s %s: %s", archetype, r.Type, r.Name, line)
				}
			}
		}
		assert.Positive(t, checked[setType], "%s registers policy set definitions", archetype)
		assert.Positive(t, checked[definitionType], "%s registers custom definitions", archetype)
	}
}
