package management

import (
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestSchema checks every token, input and output name of this package against the
// azure-native 2.90.0 type definitions.
func TestSchema(t *testing.T) {
	azschema.CheckLayer(t,
		azschema.Layer{Token: ManagementGroupType, Args: ManagementGroupArgs{}, Resource: &ManagementGroup{}},
		azschema.Layer{Token: ManagementGroupSubscriptionType, Args: ManagementGroupSubscriptionArgs{}, Resource: &ManagementGroupSubscription{}},
	)
}

func TestRegistersWithProviderVersionAndNestedInputs(t *testing.T) {
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := NewManagementGroup(ctx, "mg", &ManagementGroupArgs{
			GroupId:     pulumi.String("ai-corp"),
			DisplayName: pulumi.String("AI corp"),
			Details: &CreateManagementGroupDetailsArgs{Parent: &CreateParentGroupInfoArgs{
				Id: pulumi.String("/providers/Microsoft.Management/managementGroups/landingzones"),
			}},
		})
		if err != nil {
			return err
		}
		_, err = NewManagementGroupSubscription(ctx, "sub", &ManagementGroupSubscriptionArgs{
			GroupId:        pulumi.String("ai-corp"),
			SubscriptionId: pulumi.String("11111111-1111-1111-1111-111111111111"),
		})
		return err
	})
	mg := rec.Named(t, ManagementGroupType, "mg")
	if mg.Version != "2.90.0" {
		t.Errorf("version = %q, want 2.90.0", mg.Version)
	}
	if got := mg.String("details.parent.id"); got != "/providers/Microsoft.Management/managementGroups/landingzones" {
		t.Errorf("details.parent.id = %q", got)
	}
	sub := rec.Named(t, ManagementGroupSubscriptionType, "sub")
	if got := sub.String("groupId"); got != "ai-corp" {
		t.Errorf("groupId = %q", got)
	}
}

func TestSubscriptionRequiresGroup(t *testing.T) {
	_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, err := NewManagementGroupSubscription(ctx, "sub", &ManagementGroupSubscriptionArgs{})
		return err
	})
	if err == nil {
		t.Fatal("want an error for a missing GroupId")
	}
}

func TestGetReadsWithoutManaging(t *testing.T) {
	const id = "/providers/Microsoft.Management/managementGroups/landingzones"
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		_, err := GetManagementGroup(ctx, "lz", pulumi.ID(id))
		return err
	})
	got := rec.Named(t, ManagementGroupType, "lz")
	if got.ImportID != id {
		t.Errorf("read id = %q, want %q", got.ImportID, id)
	}
}
