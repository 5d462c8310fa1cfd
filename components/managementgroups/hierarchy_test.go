package managementgroups

import (
	"errors"
	"strings"
	"testing"

	"github.com/aiready/aiready/azure/management"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	subCorp      = "11111111-1111-1111-1111-111111111111"
	subOnline    = "22222222-2222-2222-2222-222222222222"
	subConnect   = "33333333-3333-3333-3333-333333333333"
	subMgmt      = "44444444-4444-4444-4444-444444444444"
	readersGroup = "55555555-5555-5555-5555-555555555555"
	ownerUser    = "66666666-6666-6666-6666-666666666666"

	roleAssignmentType = "azure-native:authorization:RoleAssignment"
	entraGroupType     = "azuread:index/group:Group"
)

// validArgs is the compliant baseline every bad-input case changes once.
func validArgs() *Args {
	return &Args{
		ParentID: "landingzones",
		PlatformSubscriptions: PlatformSubscriptions{
			Connectivity: []string{subConnect},
			Management:   []string{subMgmt},
		},
		Groups: []Group{
			{ID: "ai", DisplayName: "AI workloads", Archetype: "ai-root"},
			{ID: "ai-corp", DisplayName: "AI corp", Parent: "ai", Archetype: ArchetypeCorp,
				Subscriptions: []string{subCorp},
				Access: Access{
					Owners:  EntraGroup{Create: true, Owners: []string{ownerUser}},
					Readers: EntraGroup{ObjectID: readersGroup},
				}},
			{ID: "ai-online", Parent: "ai", Archetype: ArchetypeOnline, Subscriptions: []string{subOnline},
				Access: Access{Contributors: EntraGroup{Create: true, DisplayName: "AI online builders"}}},
			{ID: "sandbox", Archetype: ArchetypeSandbox, Adopt: true},
		},
	}
}

func run(t *testing.T, args *Args) (*pulumitest.Recorder, *ManagementGroupHierarchy, error) {
	t.Helper()
	var h *ManagementGroupHierarchy
	rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		var err error
		h, err = New(ctx, "mg", args)
		return err
	})
	return rec, h, err
}

func TestHierarchyTree(t *testing.T) {
	rec, h, err := run(t, validArgs())
	require.NoError(t, err)

	comp := rec.Named(t, TypeToken, "mg")
	groups := rec.ByType(management.ManagementGroupType)
	require.Len(t, groups, 4)
	for _, g := range groups {
		assert.Equal(t, comp.URN, g.Parent, "%s must be a child of the component", g.Name)
	}

	parents := map[string]string{
		"mg-ai":        ManagementGroupIDPrefix + "landingzones",
		"mg-ai-corp":   ManagementGroupIDPrefix + "ai",
		"mg-ai-online": ManagementGroupIDPrefix + "ai",
	}
	for resName, wantParent := range parents {
		g := rec.Named(t, management.ManagementGroupType, resName)
		assert.Equal(t, wantParent, g.String("details.parent.id"), resName)
		assert.Empty(t, g.ImportID, "%s is created, not read", resName)
	}
	assert.Equal(t, "AI corp", rec.Named(t, management.ManagementGroupType, "mg-ai-corp").String("displayName"))
	assert.Equal(t, "ai-online", rec.Named(t, management.ManagementGroupType, "mg-ai-online").String("displayName"), "display name defaults to the id")

	// The adopted group is read by id, never created.
	sandbox := rec.Named(t, management.ManagementGroupType, "mg-sandbox")
	assert.Equal(t, ManagementGroupIDPrefix+"sandbox", sandbox.ImportID)
	assert.Empty(t, sandbox.Inputs, "an adopted group has no inputs to manage")

	// Children depend on their parent group so Azure creates them in order.
	corp := rec.Named(t, management.ManagementGroupType, "mg-ai-corp")
	root := rec.Named(t, management.ManagementGroupType, "mg-ai")
	assert.Contains(t, corp.Dependencies, root.URN)

	id, err := h.ResourceID("AI-CORP")
	require.NoError(t, err)
	assert.Equal(t, ManagementGroupIDPrefix+"ai-corp", id)
	assert.Equal(t, []string{"ai-corp"}, h.GroupsByArchetype(ArchetypeCorp))
}

func TestSubscriptionPlacement(t *testing.T) {
	rec, _, err := run(t, validArgs())
	require.NoError(t, err)
	subs := rec.ByType(management.ManagementGroupSubscriptionType)
	require.Len(t, subs, 2)
	placed := map[string]string{}
	for _, s := range subs {
		placed[s.String("subscriptionId")] = s.String("groupId")
	}
	assert.Equal(t, map[string]string{subCorp: "ai-corp", subOnline: "ai-online"}, placed)
}

func TestAccessGroupsAndRoleAssignments(t *testing.T) {
	rec, _, err := run(t, validArgs())
	require.NoError(t, err)

	created := rec.ByType(entraGroupType)
	require.Len(t, created, 2, "owners of corp and contributors of online are created; readers are adopted")
	owners := rec.Named(t, entraGroupType, "mg-ai-corp-owners")
	assert.Equal(t, "sg-ai-corp-ai-owners", owners.String("displayName"))
	sec, _ := owners.Bool("securityEnabled")
	mail, _ := owners.Bool("mailEnabled")
	assert.True(t, sec)
	assert.False(t, mail)
	assert.Equal(t, ownerUser, owners.String("owners[0]"))
	assert.Equal(t, "AI online builders", rec.Named(t, entraGroupType, "mg-ai-online-contributors").String("displayName"))

	ras := rec.ByType(roleAssignmentType)
	require.Len(t, ras, 3)
	want := map[string]struct{ scope, role, principal string }{
		"mg-ai-corp-owners":         {ManagementGroupIDPrefix + "ai-corp", OwnerRoleDefinitionID, ""},
		"mg-ai-corp-readers":        {ManagementGroupIDPrefix + "ai-corp", ReaderRoleDefinitionID, readersGroup},
		"mg-ai-online-contributors": {ManagementGroupIDPrefix + "ai-online", ContributorRoleDefinitionID, ""},
	}
	for name, w := range want {
		ra := rec.Named(t, roleAssignmentType, name)
		assert.Equal(t, w.scope, ra.String("scope"), name)
		assert.Equal(t, "/providers/Microsoft.Authorization/roleDefinitions/"+w.role, ra.String("roleDefinitionId"), name)
		assert.Equal(t, "Group", ra.String("principalType"), name)
		if w.principal != "" {
			assert.Equal(t, w.principal, ra.String("principalId"), name)
		}
	}
}

func TestRoleDefinitionOverride(t *testing.T) {
	args := validArgs()
	args.Groups[1].Access.Readers.RoleDefinitionID = "a97b65f3-24c7-4388-baec-2e87135dc908"
	rec, _, err := run(t, args)
	require.NoError(t, err)
	assert.Equal(t, "/providers/Microsoft.Authorization/roleDefinitions/a97b65f3-24c7-4388-baec-2e87135dc908",
		rec.Named(t, roleAssignmentType, "mg-ai-corp-readers").String("roleDefinitionId"))
}

func TestTenantRootParentByFullID(t *testing.T) {
	args := validArgs()
	args.ParentID = ManagementGroupIDPrefix + "00000000-0000-0000-0000-00000000bbbb"
	rec, _, err := run(t, args)
	require.NoError(t, err)
	assert.Equal(t, args.ParentID, rec.Named(t, management.ManagementGroupType, "mg-ai").String("details.parent.id"))
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *Args)
		want   string
	}{
		{"empty parent", func(a *Args) { a.ParentID = "" }, "ParentID is empty"},
		{"no groups", func(a *Args) { a.Groups = nil }, "Groups is empty"},
		{"empty id", func(a *Args) { a.Groups[2].ID = "" }, "Groups[2].ID is empty"},
		{"duplicate id", func(a *Args) { a.Groups[2].ID = "AI-Corp" }, `Groups[2].ID "AI-Corp" duplicates Groups[1].ID`},
		{"bad characters", func(a *Args) { a.Groups[1].ID = "ai corp!" }, `Groups[1].ID "ai corp!" is not a valid management group id`},
		{"too long", func(a *Args) { a.Groups[1].ID = strings.Repeat("a", 91) }, "is not a valid management group id: use 1-90"},
		{"trailing dot", func(a *Args) { a.Groups[1].ID = "ai-corp." }, `Groups[1].ID "ai-corp." is not a valid management group id`},
		{"display name too long", func(a *Args) { a.Groups[1].DisplayName = strings.Repeat("x", 91) }, "Groups[1].DisplayName is 91 characters long"},
		{"unknown parent", func(a *Args) { a.Groups[1].Parent = "nowhere" }, `Groups[1].Parent "nowhere" is not the id of a group in Groups`},
		{"cycle", func(a *Args) { a.Groups[0].Parent = "ai-corp" }, "is part of a cycle (ai -> ai-corp -> ai)"},
		{"self as parent id", func(a *Args) {
			a.Groups[0].ID = "landingzones"
			a.Groups[1].Parent = "landingzones"
			a.Groups[2].Parent = "landingzones"
		}, `Groups[0].ID "landingzones" is the same as ParentID`},
		{"bad archetype", func(a *Args) { a.Groups[1].Archetype = "Corp" }, `Groups[1].Archetype "Corp": use corp, online, sandbox, dev`},
		{"empty archetype", func(a *Args) { a.Groups[0].Archetype = "" }, `Groups[0].Archetype ""`},
		{"corp under online", func(a *Args) { a.Groups[1].Parent = "ai-online" }, `Groups[1] "ai-corp" (corp) is nested under "ai-online" (online): internal (corp) and internet-facing (online) AI workloads need separate management groups`},
		{"platform subscription", func(a *Args) { a.Groups[1].Subscriptions = []string{subConnect} }, `Groups[1].Subscriptions[0] "` + subConnect + `" is the platform connectivity subscription`},
		{"platform subscription, other case", func(a *Args) { a.Groups[2].Subscriptions = []string{strings.ToUpper(subMgmt)} }, "is the platform management subscription"},
		{"subscription twice", func(a *Args) { a.Groups[2].Subscriptions = []string{subCorp} }, `is already placed in group "ai-corp"`},
		{"subscription not a guid", func(a *Args) { a.Groups[1].Subscriptions = []string{"prod-sub"} }, `Groups[1].Subscriptions[0] "prod-sub" is not a subscription id`},
		{"platform id not a guid", func(a *Args) { a.PlatformSubscriptions.Identity = []string{"identity"} }, `PlatformSubscriptions.Identity[0] "identity" is not a subscription id`},
		{"adopt and create", func(a *Args) { a.Groups[1].Access.Owners.ObjectID = readersGroup }, "Groups[1].Access.Owners: ObjectID \"" + readersGroup + "\" and Create are mutually exclusive"},
		{"bad object id", func(a *Args) { a.Groups[1].Access.Readers.ObjectID = "readers" }, `Groups[1].Access.Readers.ObjectID "readers" is not an Entra ID object id`},
		{"members without create", func(a *Args) { a.Groups[1].Access.Readers.Members = []string{ownerUser} }, "Groups[1].Access.Readers: DisplayName, Owners and Members apply to a created group only"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			tc.change(args)
			rec, _, err := run(t, args)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidArgs), "error should wrap ErrInvalidArgs: %v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, rec.Resources(), "nothing may be registered when the args are invalid")
		})
	}
}

func TestPlatformSubscriptionsRole(t *testing.T) {
	p := validArgs().PlatformSubscriptions
	assert.Equal(t, "connectivity", p.Role(subConnect))
	assert.Equal(t, "", p.Role(subCorp))
}

func BenchmarkNew(b *testing.B) {
	args := validArgs()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pulumitest.Run(func(ctx *pulumi.Context) error {
			_, err := New(ctx, "mg", args)
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
