package aiendpoint

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestEmittedInputsMatchTheSchema checks the inputs of every resource both
// components register, the way the provider's Check does: every property name
// known at every depth, every required property present. The pool is a
// resources:Deployment whose template azure/apimanagement checks against the
// Backend definition.
func TestEmittedInputsMatchTheSchema(t *testing.T) {
	s := azschema.ForTest(t)
	rec := runOK(t, func(ctx *pulumi.Context) error {
		var members []GatewayMember
		for i, region := range []string{"eastus", "swedencentral"} {
			a := validEndpointArgs(region)
			a.Production = true
			a.ContentFilters = []ContentFilter{{Name: "strict", Filters: []ContentFilterRule{{Category: "Hate", Source: "Prompt", SeverityThreshold: "Low"}}}}
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
		_, err := NewAIGateway(ctx, "gw", args)
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
			t.Errorf("%s %s: %s", r.Type, r.Name, line)
		}
	}
	if checked < 20 {
		t.Errorf("only %d resources checked", checked)
	}
}
