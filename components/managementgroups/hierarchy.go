package managementgroups

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/azure/management"
	"github.com/aiready/aiready/internal/outputmap"
	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azuread/sdk/v5/go/azuread"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TypeToken is the component's Pulumi type token.
const TypeToken = "aiready:governance:ManagementGroupHierarchy"

// ManagementGroupHierarchy is the management-group tree of AI workloads, with its
// workload subscriptions and access groups.
type ManagementGroupHierarchy struct {
	pulumi.ResourceState

	// GroupIDs maps each group id to its full resource id.
	GroupIDs pulumi.StringMapOutput `pulumi:"groupIds"`
	// Archetypes maps each group id to its archetype.
	Archetypes pulumi.StringMapOutput `pulumi:"archetypes"`
	// AccessGroups maps each group id to its access roles ("owners",
	// "contributors", "readers") and the Entra ID group object id of each.
	AccessGroups pulumi.StringMapMapOutput `pulumi:"accessGroups"`
	// Subscriptions maps each workload subscription id to its group id.
	Subscriptions pulumi.StringMapOutput `pulumi:"subscriptions"`

	args Args
	// resources holds the created or adopted management group of each id.
	resources map[string]*management.ManagementGroup
}

// ResourceID returns the full resource id of a group of the tree; it is known
// before deployment, so dependent resources (policy assignments) can use it at
// preview.
func (h *ManagementGroupHierarchy) ResourceID(groupID string) (string, error) {
	for _, g := range h.args.Groups {
		if strings.EqualFold(g.ID, groupID) {
			return ResourceID(g.ID), nil
		}
	}
	return "", fmt.Errorf("ManagementGroupHierarchy: no group %q in the tree", groupID)
}

// Group returns the management group resource of an id (created or adopted), to
// use with pulumi.DependsOn.
func (h *ManagementGroupHierarchy) Group(groupID string) (*management.ManagementGroup, bool) {
	r, ok := h.resources[strings.ToLower(groupID)]
	return r, ok
}

// GroupsByArchetype returns the ids of the groups of an archetype, in args order.
func (h *ManagementGroupHierarchy) GroupsByArchetype(archetype string) []string {
	var ids []string
	for _, g := range h.args.Groups {
		if g.Archetype == archetype {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

// New validates args and registers the hierarchy. Nothing is registered when the
// args are invalid.
func New(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*ManagementGroupHierarchy, error) {
	if err := args.Validate(); err != nil {
		return nil, fmt.Errorf("ManagementGroupHierarchy %q: %w", name, err)
	}
	h := &ManagementGroupHierarchy{args: *args, resources: map[string]*management.ManagementGroup{}}
	if err := ctx.RegisterComponentResourceV2(TypeToken, name, summary(args), h, opts...); err != nil {
		return nil, fmt.Errorf("ManagementGroupHierarchy %q: registering the component: %w", name, err)
	}
	parent := pulumi.Parent(h)

	groupIDs := pulumi.StringMap{}
	archetypes := pulumi.StringMap{}
	access := pulumi.StringMapMap{}
	subscriptions := pulumi.StringMap{}

	byID := map[string]Group{}
	for _, g := range args.Groups {
		byID[strings.ToLower(g.ID)] = g
	}
	for _, i := range args.order() {
		g := args.Groups[i]
		key := strings.ToLower(g.ID)
		resName := fmt.Sprintf("%s-%s", name, g.ID)
		mg, err := h.group(ctx, resName, g, byID, parent)
		if err != nil {
			return nil, fmt.Errorf("ManagementGroupHierarchy %q: group %q: %w", name, g.ID, err)
		}
		h.resources[key] = mg
		groupIDs[g.ID] = pulumi.String(ResourceID(g.ID))
		archetypes[g.ID] = pulumi.String(g.Archetype)

		for _, sub := range g.Subscriptions {
			if _, err := management.NewManagementGroupSubscription(ctx, fmt.Sprintf("%s-%s-%s", name, g.ID, strings.ToLower(sub)), &management.ManagementGroupSubscriptionArgs{
				GroupId:        pulumi.String(g.ID),
				SubscriptionId: pulumi.String(strings.ToLower(sub)),
			}, parent, pulumi.DependsOn([]pulumi.Resource{mg})); err != nil {
				return nil, fmt.Errorf("ManagementGroupHierarchy %q: placing subscription %s in %q: %w", name, sub, g.ID, err)
			}
			subscriptions[strings.ToLower(sub)] = pulumi.String(g.ID)
		}

		roles, err := h.access(ctx, name, g, mg)
		if err != nil {
			return nil, err
		}
		if len(roles) > 0 {
			access[g.ID] = roles
		}
	}

	h.GroupIDs = groupIDs.ToStringMapOutput()
	h.Archetypes = archetypes.ToStringMapOutput()
	h.AccessGroups = access.ToStringMapMapOutput()
	h.Subscriptions = subscriptions.ToStringMapOutput()
	if err := outputmap.Register(ctx, h); err != nil {
		return nil, fmt.Errorf("ManagementGroupHierarchy %q: %w", name, err)
	}
	return h, nil
}

// group adopts or creates the management group g as resName, under its parent in
// args (byID maps lower-case ids to groups) or under Args.ParentID.
func (h *ManagementGroupHierarchy) group(ctx *pulumi.Context, resName string, g Group, byID map[string]Group, parent pulumi.ResourceOption) (*management.ManagementGroup, error) {
	if g.Adopt {
		return management.GetManagementGroup(ctx, resName, pulumi.ID(ResourceID(g.ID)), parent)
	}
	parentID := h.args.ParentResourceID()
	deps := []pulumi.Resource{}
	if g.Parent != "" {
		p := byID[strings.ToLower(g.Parent)]
		parentID = ResourceID(p.ID)
		deps = append(deps, h.resources[strings.ToLower(p.ID)])
	}
	displayName := g.DisplayName
	if displayName == "" {
		displayName = g.ID
	}
	return management.NewManagementGroup(ctx, resName, &management.ManagementGroupArgs{
		GroupId:     pulumi.String(g.ID),
		DisplayName: pulumi.String(displayName),
		Details: &management.CreateManagementGroupDetailsArgs{
			Parent: &management.CreateParentGroupInfoArgs{Id: pulumi.String(parentID)},
		},
	}, parent, pulumi.DependsOn(deps))
}

// access creates or adopts the Entra ID groups of one management group and grants
// their roles at its scope; it returns role → object id.
func (h *ManagementGroupHierarchy) access(ctx *pulumi.Context, name string, g Group, mg *management.ManagementGroup) (pulumi.StringMap, error) {
	roles := pulumi.StringMap{}
	for _, r := range g.Access.byRole() {
		if !r.group.enabled() {
			continue
		}
		resName := fmt.Sprintf("%s-%s-%s", name, g.ID, r.role)
		var objectID pulumi.StringInput = pulumi.String(r.group.ObjectID)
		if r.group.Create {
			display := r.group.DisplayName
			if display == "" {
				display = fmt.Sprintf("sg-%s-ai-%s", strings.ToLower(g.ID), r.role)
			}
			grp, err := azuread.NewGroup(ctx, resName, &azuread.GroupArgs{
				DisplayName:           pulumi.String(display),
				Description:           pulumi.String(fmt.Sprintf("AI %s of management group %s (%s archetype); managed by ai-ready.", r.role, g.ID, g.Archetype)),
				SecurityEnabled:       pulumi.Bool(true),
				MailEnabled:           pulumi.Bool(false),
				PreventDuplicateNames: pulumi.Bool(true),
				Owners:                pulumi.ToStringArray(r.group.Owners),
				Members:               pulumi.ToStringArray(r.group.Members),
			}, pulumi.Parent(h))
			if err != nil {
				return nil, fmt.Errorf("ManagementGroupHierarchy %q: Entra ID group %s of %q: %w", name, r.role, g.ID, err)
			}
			objectID = grp.ObjectId
		}
		def := r.def
		if r.group.RoleDefinitionID != "" {
			def = r.group.RoleDefinitionID
		}
		if _, err := authorization.NewRoleAssignment(ctx, resName, &authorization.RoleAssignmentArgs{
			Scope:            pulumi.String(ResourceID(g.ID)),
			RoleDefinitionId: pulumi.String("/providers/Microsoft.Authorization/roleDefinitions/" + def),
			PrincipalId:      objectID,
			PrincipalType:    pulumi.String("Group"),
			Description:      pulumi.String(fmt.Sprintf("AI %s of %s, managed by ai-ready", r.role, g.ID)),
		}, pulumi.Parent(h), pulumi.DependsOn([]pulumi.Resource{mg})); err != nil {
			return nil, fmt.Errorf("ManagementGroupHierarchy %q: role assignment for %s of %q: %w", name, r.role, g.ID, err)
		}
		roles[r.role] = objectID
	}
	return roles, nil
}

// summary is what the component registers as its inputs (the Pulumi console and
// the engine's state show them): the parent and each group's place in the tree.
func summary(a *Args) pulumi.Map {
	groups := pulumi.Array{}
	for _, g := range a.Groups {
		groups = append(groups, pulumi.Map{
			"id":            pulumi.String(g.ID),
			"displayName":   pulumi.String(g.DisplayName),
			"parent":        pulumi.String(g.Parent),
			"archetype":     pulumi.String(g.Archetype),
			"adopt":         pulumi.Bool(g.Adopt),
			"subscriptions": pulumi.ToStringArray(g.Subscriptions),
		})
	}
	return pulumi.Map{
		"parentId": pulumi.String(a.ParentID),
		"groups":   groups,
	}
}
