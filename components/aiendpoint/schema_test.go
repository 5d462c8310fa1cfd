package aiendpoint

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestEmittedInputsMatchTheSchema checks the inputs of every resource both
// components register, the way the provider's Check does: every property name
// known at every depth, every required property present (a pool backend's url and
// protocol included).
func TestEmittedInputsMatchTheSchema(t *testing.T) {
	s := azschema.ForTest(t)
	rec := runOK(t, func(ctx *pulumi.Context) error {
		var members []GatewayMember
		for i, region := range []string{"eastus", "swedencentral"} {
			a := validEndpointArgs(region)
			a.Production = true
			a.ContentFilters = []ContentFilter{{Name: "strict", Filters: []ContentFilterRule{{Category: "Hate", Source: "Prompt", SeverityThreshold: "Low", Blocking: true}}}}
			a.Deployments[0].ContentFilter = "strict"
			ep, err := NewRegionalAIEndpoint(ctx, "ai-"+region, a)
			if err != nil {
				return err
			}
			members = append(members, ep.Member(i, 50))
		}
		args := validGatewayArgs()
		args.Archetype = ArchetypeOnline
		args.Members = members
		_, err := NewGateway(ctx, "gw", args)
		return err
	})
	checked := 0
	for _, r := range rec.Resources() {
		if !r.Custom {
			continue
		}
		checked++
		err := s.ValidateInputs(r.Type, r.Inputs)
		if err == nil {
			continue
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !declaredMultiLine(t, s, r.Type, line) {
				t.Errorf("%s %s: %s", r.Type, r.Name, line)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d resources checked", checked)
	}
}

var unknownTopLevelRE = regexp.MustCompile(`^unknown property "(\w+)" \(\w+Args\)`)

// declaredMultiLine reports whether a problem is azschema's false report of a
// top-level property the definitions declare over several lines ("tags?:
// pulumi.Input<{" ... "}>;"), which its one-line parser does not read. It checks
// the resource's definition file, so a real misspelling still fails.
func declaredMultiLine(t *testing.T, s *azschema.Schema, token, problem string) bool {
	t.Helper()
	m := unknownTopLevelRE.FindStringSubmatch(problem)
	if m == nil {
		return false
	}
	r, err := s.Resource(token)
	if err != nil {
		return false
	}
	dir, err := azschema.Dir()
	if err != nil {
		return false
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.File)))
	if err != nil {
		return false
	}
	return strings.Contains(string(b), "\n    "+m[1]+"?: pulumi.Input<{\n")
}
