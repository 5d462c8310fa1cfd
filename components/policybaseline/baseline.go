package policybaseline

import (
	"fmt"
	"slices"

	"github.com/aiready/aiready/internal/conventions"
	"github.com/aiready/aiready/internal/outputmap"
	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TypeToken is the component's Pulumi type token.
const TypeToken = "aiready:governance:AIPolicyBaseline"

// MetadataKey is the key of the policy assignment metadata the baseline writes
// ({"aiready": {"archetype": ..., "assignment": ..., "guide": ...}}); the policy
// pack reads it to recognise the baseline of each AI management group.
const MetadataKey = conventions.MetadataKey

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

// New validates args and registers the baseline of one management group: its
// custom definitions, its policy set definitions (after the custom definitions
// their members use), its assignments and the role assignments of their managed
// identities. Nothing is registered when the args are invalid.
func New(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*AIPolicyBaseline, error) {
	plan, err := args.Plan()
	if err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: %w", name, err)
	}
	b := &AIPolicyBaseline{plan: plan}
	if err := ctx.RegisterComponentResourceV2(TypeToken, name, summary(plan), b, opts...); err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: registering the component: %w", name, err)
	}
	r := &registrar{ctx: ctx, name: name, plan: plan, b: b, location: args.Location, definitions: map[string]pulumi.Resource{}}
	if err := r.definitionsAndSets(); err != nil {
		return nil, err
	}
	ids, principals := pulumi.StringMap{}, pulumi.StringMap{}
	for _, p := range plan.Assignments {
		assignment, err := r.assignment(p)
		if err != nil {
			return nil, err
		}
		ids[p.Assignment.Name] = assignment.ID().ToStringOutput()
		if p.Identity {
			principal := assignment.Identity.PrincipalId().Elem()
			principals[p.Assignment.Name] = principal
			if err := r.roles(p, principal); err != nil {
				return nil, err
			}
		}
	}
	b.AssignmentIDs = ids.ToStringMapOutput()
	b.IdentityPrincipalIDs = principals.ToStringMapOutput()
	if err := outputmap.Register(ctx, b); err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: %w", name, err)
	}
	return b, nil
}

// registrar registers the resources of one plan.
type registrar struct {
	ctx         *pulumi.Context
	name        string
	plan        *Plan
	b           *AIPolicyBaseline
	location    string
	definitions map[string]pulumi.Resource // custom definitions and set definitions by name
}

// definitionsAndSets registers the custom definitions, then the policy sets.
func (r *registrar) definitionsAndSets() error {
	for _, d := range r.plan.Definitions {
		category := d.Category
		if category == "" {
			category = "Network"
		}
		def, err := authorization.NewPolicyDefinitionAtManagementGroup(r.ctx, fmt.Sprintf("%s-%s", r.name, d.Name), &authorization.PolicyDefinitionAtManagementGroupArgs{
			ManagementGroupId:    pulumi.String(r.plan.ManagementGroupID),
			PolicyDefinitionName: pulumi.String(d.Name),
			DisplayName:          pulumi.String(d.DisplayName),
			Description:          pulumi.String(d.Description),
			Mode:                 pulumi.String(d.Mode),
			PolicyType:           pulumi.String("Custom"),
			Parameters:           parameterDefinitions(d.Parameters),
			PolicyRule:           pulumi.Any(d.PolicyRule),
			Metadata:             pulumi.Any(map[string]any{"category": category, MetadataKey: map[string]any{"definition": d.Name}}),
		}, pulumi.Parent(r.b))
		if err != nil {
			return fmt.Errorf("AIPolicyBaseline %q: policy definition %s: %w", r.name, d.Name, err)
		}
		r.definitions[d.Name] = def
	}
	for _, p := range r.plan.Assignments {
		if p.Set == nil {
			continue
		}
		if err := r.set(p.Set); err != nil {
			return err
		}
	}
	return nil
}

// set registers a policy set definition after the custom definitions it uses.
func (r *registrar) set(ps *PlannedSet) error {
	var refs authorization.PolicyDefinitionReferenceArray
	var deps []pulumi.Resource
	for _, m := range ps.Assigned() {
		params := authorization.ParameterValuesValueMap{}
		for _, param := range sortedKeys(m.ParameterNames) {
			params[param] = authorization.ParameterValuesValueArgs{Value: pulumi.Any("[parameters('" + m.ParameterNames[param] + "')]")}
		}
		refs = append(refs, authorization.PolicyDefinitionReferenceArgs{
			PolicyDefinitionId:          pulumi.String(m.DefinitionID),
			PolicyDefinitionReferenceId: pulumi.String(m.Member.Reference),
			Parameters:                  params,
		})
		if def, ok := r.definitions[m.Member.CustomDefinition]; ok && !slices.Contains(deps, def) {
			deps = append(deps, def)
		}
	}
	s := ps.Set
	set, err := authorization.NewPolicySetDefinitionAtManagementGroup(r.ctx, fmt.Sprintf("%s-%s", r.name, s.Name), &authorization.PolicySetDefinitionAtManagementGroupArgs{
		ManagementGroupId:       pulumi.String(r.plan.ManagementGroupID),
		PolicySetDefinitionName: pulumi.String(s.Name),
		DisplayName:             pulumi.String(s.DisplayName),
		Description:             pulumi.String(s.Description),
		PolicyType:              pulumi.String("Custom"),
		Parameters:              setParameterDefinitions(ps.Parameters),
		PolicyDefinitions:       refs,
		Metadata:                pulumi.Any(map[string]any{"category": s.Category, MetadataKey: map[string]any{"policySet": s.Name, "alzSet": s.ALZSet}}),
	}, pulumi.Parent(r.b), pulumi.DependsOn(deps))
	if err != nil {
		return fmt.Errorf("AIPolicyBaseline %q: policy set definition %s: %w", r.name, s.Name, err)
	}
	r.definitions[s.Name] = set
	return nil
}

// assignment registers one policy assignment after the definition or set it assigns.
func (r *registrar) assignment(p PlannedAssignment) (*authorization.PolicyAssignment, error) {
	as := p.Assignment
	params := authorization.ParameterValuesValueMap{}
	for k, v := range p.Parameters {
		params[k] = authorization.ParameterValuesValueArgs{Value: toInput(v)}
	}
	meta := map[string]any{"archetype": r.plan.Archetype, "assignment": as.Name, "guide": as.Guide, "parentArchetype": r.plan.ParentArchetype}
	if inherited := r.plan.Inherited(); len(inherited) > 0 {
		meta["inherited"] = inherited
	}
	if p.Set != nil {
		meta["policySet"] = p.Set.Set.Name
	}
	assignArgs := &authorization.PolicyAssignmentArgs{
		Scope:                pulumi.String(r.plan.Scope),
		PolicyAssignmentName: pulumi.String(as.Name),
		DisplayName:          pulumi.String(as.DisplayName),
		Description:          pulumi.String(as.Description),
		PolicyDefinitionId:   pulumi.String(p.PolicyDefinitionID),
		EnforcementMode:      pulumi.String(p.EnforcementMode),
		Parameters:           params,
		NonComplianceMessages: authorization.NonComplianceMessageArray{
			authorization.NonComplianceMessageArgs{Message: pulumi.String(as.NonComplianceMessage)},
		},
		Metadata: pulumi.Any(map[string]any{"assignedBy": "ai-ready", MetadataKey: meta}),
	}
	if p.Identity {
		assignArgs.Identity = authorization.IdentityArgs{Type: authorization.ResourceIdentityTypeSystemAssigned}
		assignArgs.Location = pulumi.String(r.location)
	}
	var deps []pulumi.Resource
	for _, key := range []string{as.CustomDefinition, as.PolicySet} {
		if def, ok := r.definitions[key]; ok && key != "" {
			deps = append(deps, def)
		}
	}
	assignment, err := authorization.NewPolicyAssignment(r.ctx, fmt.Sprintf("%s-%s", r.name, as.Name), assignArgs, pulumi.Parent(r.b), pulumi.DependsOn(deps))
	if err != nil {
		return nil, fmt.Errorf("AIPolicyBaseline %q: policy assignment %s: %w", r.name, as.Name, err)
	}
	return assignment, nil
}

// roles grants an assignment's identity its roles at the group.
func (r *registrar) roles(p PlannedAssignment, principal pulumi.StringOutput) error {
	for _, role := range p.RoleDefinitionIDs {
		if _, err := authorization.NewRoleAssignment(r.ctx, fmt.Sprintf("%s-%s-%s", r.name, p.Assignment.Name, role[:8]), &authorization.RoleAssignmentArgs{
			Scope:            pulumi.String(r.plan.Scope),
			RoleDefinitionId: pulumi.String("/providers/Microsoft.Authorization/roleDefinitions/" + role),
			PrincipalId:      principal,
			PrincipalType:    pulumi.String("ServicePrincipal"),
			Description:      pulumi.String(fmt.Sprintf("Remediation identity of policy assignment %s, managed by ai-ready", p.Assignment.Name)),
		}, pulumi.Parent(r.b)); err != nil {
			return fmt.Errorf("AIPolicyBaseline %q: role for the identity of %s: %w", r.name, p.Assignment.Name, err)
		}
	}
	return nil
}

// toInput passes pulumi Inputs through and wraps plain values.
func toInput(v any) pulumi.Input {
	if in, ok := v.(pulumi.Input); ok {
		return in
	}
	return pulumi.Any(v)
}

// setParameterDefinitions converts a planned set's parameter definitions.
func setParameterDefinitions(params map[string]ParameterFacts) authorization.ParameterDefinitionsValueMap {
	out := authorization.ParameterDefinitionsValueMap{}
	for name, p := range params {
		v := authorization.ParameterDefinitionsValueArgs{Type: pulumi.String(canonicalType(p.Type))}
		if len(p.AllowedValues) > 0 {
			arr := pulumi.Array{}
			for _, x := range p.AllowedValues {
				arr = append(arr, pulumi.Any(x))
			}
			v.AllowedValues = arr
		}
		if p.HasDefault {
			v.DefaultValue = pulumi.Any(p.DefaultValue)
		}
		out[name] = v
	}
	return out
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

// summary is what the component registers as its inputs (the Pulumi console and
// the engine's state show them): where the baseline applies and what it assigns.
func summary(p *Plan) pulumi.Map {
	assignments := pulumi.Array{}
	for _, a := range p.Assignments {
		assignments = append(assignments, pulumi.Map{
			"name":               pulumi.String(a.Assignment.Name),
			"policyDefinitionId": pulumi.String(a.PolicyDefinitionID),
			"enforcementMode":    pulumi.String(a.EnforcementMode),
			"identity":           pulumi.Bool(a.Identity),
		})
	}
	skipped := pulumi.StringArray{}
	for _, s := range p.Skipped {
		skipped = append(skipped, pulumi.String(s.Name))
	}
	return pulumi.Map{
		"managementGroupId": pulumi.String(p.ManagementGroupID),
		"archetype":         pulumi.String(p.Archetype),
		"level":             pulumi.String(p.Level),
		"parentArchetype":   pulumi.String(p.ParentArchetype),
		"assignments":       assignments,
		"skipped":           skipped,
	}
}
