package governance

import (
	"reflect"

	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[ManagementGroupHierarchyArgs](), reflect.TypeFor[managementgroups.Args]())
	mirror.Pair(reflect.TypeFor[ManagementGroupHierarchy](), reflect.TypeFor[managementgroups.ManagementGroupHierarchy]())
}

// ManagementGroupHierarchyArgs are the inputs of ManagementGroupHierarchy
// (managementgroups.Args).
type ManagementGroupHierarchyArgs struct {
	ParentID              string                 `pulumi:"parentId"`
	Groups                []Group                `pulumi:"groups"`
	PlatformSubscriptions *PlatformSubscriptions `pulumi:"platformSubscriptions,optional"`
}

// Annotate documents the inputs.
func (a *ManagementGroupHierarchyArgs) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }

// PlatformSubscriptions mirrors managementgroups.PlatformSubscriptions.
type PlatformSubscriptions struct {
	Connectivity []string `pulumi:"connectivity,optional"`
	Management   []string `pulumi:"management,optional"`
	Identity     []string `pulumi:"identity,optional"`
	Security     []string `pulumi:"security,optional"`
}

// Annotate documents the type.
func (p *PlatformSubscriptions) Annotate(an infer.Annotator) { mirror.Describe(an, p, nil) }

// Group mirrors managementgroups.Group.
type Group struct {
	ID            string   `pulumi:"id"`
	DisplayName   string   `pulumi:"displayName,optional"`
	Parent        string   `pulumi:"parent,optional"`
	Archetype     string   `pulumi:"archetype"`
	Adopt         bool     `pulumi:"adopt,optional"`
	Subscriptions []string `pulumi:"subscriptions,optional"`
	Access        *Access  `pulumi:"access,optional"`
}

// Annotate documents the type.
func (g *Group) Annotate(an infer.Annotator) { mirror.Describe(an, g, nil) }

// Access mirrors managementgroups.Access.
type Access struct {
	Owners       *EntraGroup `pulumi:"owners,optional"`
	Contributors *EntraGroup `pulumi:"contributors,optional"`
	Readers      *EntraGroup `pulumi:"readers,optional"`
}

// Annotate documents the type.
func (a *Access) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }

// EntraGroup mirrors managementgroups.EntraGroup.
type EntraGroup struct {
	ObjectID         string   `pulumi:"objectId,optional"`
	Create           bool     `pulumi:"create,optional"`
	DisplayName      string   `pulumi:"displayName,optional"`
	Owners           []string `pulumi:"owners,optional"`
	Members          []string `pulumi:"members,optional"`
	RoleDefinitionID string   `pulumi:"roleDefinitionId,optional"`
}

// Annotate documents the type.
func (e *EntraGroup) Annotate(an infer.Annotator) { mirror.Describe(an, e, nil) }

// ManagementGroupHierarchy is the component's outputs; the component itself is the
// library's.
type ManagementGroupHierarchy struct {
	pulumi.ComponentResource

	GroupIDs      pulumi.StringMapOutput    `pulumi:"groupIds"`
	Archetypes    pulumi.StringMapOutput    `pulumi:"archetypes"`
	AccessGroups  pulumi.StringMapMapOutput `pulumi:"accessGroups"`
	Subscriptions pulumi.StringMapOutput    `pulumi:"subscriptions"`
}

// Annotate sets the token and documents the outputs.
func (h *ManagementGroupHierarchy) Annotate(an infer.Annotator) {
	an.SetToken("governance", "ManagementGroupHierarchy")
	mirror.Describe(an, h, nil)
}

// NewManagementGroupHierarchy builds the component with managementgroups.New.
func NewManagementGroupHierarchy(ctx *pulumi.Context, name string, args ManagementGroupHierarchyArgs, opts ...pulumi.ResourceOption) (*ManagementGroupHierarchy, error) {
	return mirror.Construct[ManagementGroupHierarchy](args, func(la *managementgroups.Args) (*managementgroups.ManagementGroupHierarchy, error) {
		return managementgroups.New(ctx, name, la, opts...)
	})
}
