package policybaseline

import (
	"fmt"

	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TypeToken is the component's Pulumi type token.
const TypeToken = "aiready:governance:AIPolicyBaseline"

// MetadataKey is the key of the policy assignment metadata the baseline writes
// ({"aiready": {"archetype": ..., "assignment": ..., "guide": ...}}); the policy
// pack reads it to recognise the baseline of each AI management group.
const MetadataKey = "aiready"

// AIPolicyBaseline is the set of policy assignments of one management group.
type AIPolicyBaseline struct {
	pulumi.ResourceState

	// AssignmentIDs maps each assignment name to its resource id.
	AssignmentIDs pulumi.StringMapOutput `pulumi:"assignmentIds"`
	// IdentityPrincipalIDs maps each Modify / DeployIfNotExists assignment to the
	// principal id of its managed identity.
	IdentityPrincipalIDs pulumi.StringMapOutput `pulumi:"identityPrincipalIds"`

	plan *Plan
}

// Plan returns what the baseline holds: assignments, effects, enforcement modes.
func (b *AIPolicyBaseline) Plan() *Plan { return b.plan }

// New validates args and registers the baseline of one management group. Nothing
// is registered when the args are invalid.
func New(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*AIPolicyBaseline, error) {
	plan, err := args.Plan()
	if err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: %w", name, err)
	}
	b := &AIPolicyBaseline{plan: plan}
	if err := ctx.RegisterComponentResource(TypeToken, name, b, opts...); err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: registering the component: %w", name, err)
	}

	definitions := map[string]pulumi.Resource{}
	for _, d := range plan.Definitions {
		def, err := authorization.NewPolicyDefinitionAtManagementGroup(ctx, fmt.Sprintf("%s-%s", name, d.Name), &authorization.PolicyDefinitionAtManagementGroupArgs{
			ManagementGroupId:    pulumi.String(plan.ManagementGroupID),
			PolicyDefinitionName: pulumi.String(d.Name),
			DisplayName:          pulumi.String(d.DisplayName),
			Description:          pulumi.String(d.Description),
			Mode:                 pulumi.String(d.Mode),
			PolicyType:           pulumi.String("Custom"),
			Parameters:           parameterDefinitions(d.Parameters),
			PolicyRule:           pulumi.Any(d.PolicyRule),
			Metadata:             pulumi.Any(map[string]any{"category": "Network", MetadataKey: map[string]any{"definition": d.Name}}),
		}, pulumi.Parent(b))
		if err != nil {
			return nil, fmt.Errorf("AIPolicyBaseline %q: policy definition %s: %w", name, d.Name, err)
		}
		definitions[d.Name] = def
	}

	ids := pulumi.StringMap{}
	principals := pulumi.StringMap{}
	for _, p := range plan.Assignments {
		as := p.Assignment
		params := authorization.ParameterValuesValueMap{}
		for k, v := range p.Parameters {
			params[k] = authorization.ParameterValuesValueArgs{Value: toInput(v)}
		}
		assignArgs := &authorization.PolicyAssignmentArgs{
			Scope:                pulumi.String(plan.Scope),
			PolicyAssignmentName: pulumi.String(as.Name),
			DisplayName:          pulumi.String(as.DisplayName),
			Description:          pulumi.String(as.Description),
			PolicyDefinitionId:   pulumi.String(p.PolicyDefinitionID),
			EnforcementMode:      pulumi.String(p.EnforcementMode),
			Parameters:           params,
			NonComplianceMessages: authorization.NonComplianceMessageArray{
				authorization.NonComplianceMessageArgs{Message: pulumi.String(as.NonComplianceMessage)},
			},
			Metadata: pulumi.Any(map[string]any{
				"assignedBy": "ai-ready",
				MetadataKey: map[string]any{
					"archetype":  plan.Archetype,
					"assignment": as.Name,
					"guide":      as.Guide,
				},
			}),
		}
		if p.Identity {
			assignArgs.Identity = authorization.IdentityArgs{Type: authorization.ResourceIdentityTypeSystemAssigned}
			assignArgs.Location = pulumi.String(args.Location)
		}
		var deps []pulumi.Resource
		if def, ok := definitions[as.CustomDefinition]; ok {
			deps = append(deps, def)
		}
		assignment, err := authorization.NewPolicyAssignment(ctx, fmt.Sprintf("%s-%s", name, as.Name), assignArgs, pulumi.Parent(b), pulumi.DependsOn(deps))
		if err != nil {
			return nil, fmt.Errorf("AIPolicyBaseline %q: policy assignment %s: %w", name, as.Name, err)
		}
		ids[as.Name] = assignment.ID().ToStringOutput()
		if !p.Identity {
			continue
		}
		principal := assignment.Identity.PrincipalId().Elem()
		principals[as.Name] = principal
		for _, role := range p.RoleDefinitionIDs {
			if _, err := authorization.NewRoleAssignment(ctx, fmt.Sprintf("%s-%s-%s", name, as.Name, role[:8]), &authorization.RoleAssignmentArgs{
				Scope:            pulumi.String(plan.Scope),
				RoleDefinitionId: pulumi.String("/providers/Microsoft.Authorization/roleDefinitions/" + role),
				PrincipalId:      principal,
				PrincipalType:    pulumi.String("ServicePrincipal"),
				Description:      pulumi.String(fmt.Sprintf("Remediation identity of policy assignment %s, managed by ai-ready", as.Name)),
			}, pulumi.Parent(b)); err != nil {
				return nil, fmt.Errorf("AIPolicyBaseline %q: role for the identity of %s: %w", name, as.Name, err)
			}
		}
	}

	b.AssignmentIDs = ids.ToStringMapOutput()
	b.IdentityPrincipalIDs = principals.ToStringMapOutput()
	if err := ctx.RegisterResourceOutputs(b, pulumi.Map{
		"assignmentIds":        b.AssignmentIDs,
		"identityPrincipalIds": b.IdentityPrincipalIDs,
	}); err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: registering outputs: %w", name, err)
	}
	return b, nil
}

// toInput passes pulumi Inputs through and wraps plain values.
func toInput(v any) pulumi.Input {
	if in, ok := v.(pulumi.Input); ok {
		return in
	}
	return pulumi.Any(v)
}

// parameterDefinitions converts a definition's JSON parameter definitions.
func parameterDefinitions(params map[string]any) authorization.ParameterDefinitionsValueMap {
	out := authorization.ParameterDefinitionsValueMap{}
	for name, raw := range params {
		p, _ := raw.(map[string]any)
		v := authorization.ParameterDefinitionsValueArgs{}
		if t, ok := p["type"].(string); ok {
			v.Type = pulumi.String(t)
		}
		if av, ok := p["allowedValues"].([]any); ok {
			arr := pulumi.Array{}
			for _, x := range av {
				arr = append(arr, pulumi.Any(x))
			}
			v.AllowedValues = arr
		}
		if dv, ok := p["defaultValue"]; ok {
			v.DefaultValue = pulumi.Any(dv)
		}
		if md, ok := p["metadata"].(map[string]any); ok {
			m := authorization.ParameterDefinitionsValueMetadataArgs{}
			if s, ok := md["displayName"].(string); ok {
				m.DisplayName = pulumi.String(s)
			}
			if s, ok := md["description"].(string); ok {
				m.Description = pulumi.String(s)
			}
			v.Metadata = m
		}
		out[name] = v
	}
	return out
}
