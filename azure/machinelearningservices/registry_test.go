package machinelearningservices

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestSchema checks every token, input and output name of this package against the
// azure-native 2.90.0 type definitions.
func TestSchema(t *testing.T) {
	s := azschema.ForTest(t)
	r, err := s.Resource(RegistryType)
	if err != nil {
		t.Fatal(err)
	}
	if r.APIVersion != "2023-04-01" {
		t.Errorf("%s uses API %s; the doc comments describe 2023-04-01", RegistryType, r.APIVersion)
	}
	azschema.CheckLayer(t, azschema.Layer{Token: RegistryType, Args: RegistryArgs{}, Resource: &Registry{}})
}

func region(location, storageType string) RegistryRegionArmDetailsArgs {
	return RegistryRegionArmDetailsArgs{
		Location: pulumi.String(location),
		StorageAccountDetails: []StorageAccountDetailsArgs{{SystemCreatedStorageAccount: &SystemCreatedStorageAccountArgs{
			StorageAccountType:       pulumi.String(storageType),
			StorageAccountHnsEnabled: pulumi.Bool(false),
			AllowBlobPublicAccess:    pulumi.Bool(false),
		}}},
		AcrDetails: []AcrDetailsArgs{{SystemCreatedAcrAccount: &SystemCreatedAcrAccountArgs{AcrAccountSku: pulumi.String(AcrSkuPremium)}}},
	}
}

func TestRegistryInputsAndOutputs(t *testing.T) {
	var (
		mu        sync.Mutex
		locations []string
		principal string
		access    string
	)
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		reg, err := NewRegistry(ctx, "registry", &RegistryArgs{
			ResourceGroupName: pulumi.String("rg"),
			RegistryName:      pulumi.String("contoso-registry"),
			Location:          pulumi.String("eastus2"),
			Identity:          &ManagedServiceIdentityArgs{Type: pulumi.String(IdentityTypeSystemAssigned)},
			Sku:               &SkuArgs{Name: pulumi.String("Basic"), Tier: pulumi.String("Basic")},
			Tags:              pulumi.StringMap{"team": pulumi.String("ai")},
			RegistryProperties: &RegistryPropertiesArgs{
				PublicNetworkAccess: pulumi.String(PublicNetworkAccessDisabled),
				RegionDetails:       []RegistryRegionArmDetailsArgs{region("eastus2", "Standard_ZRS"), region("centralus", "Standard_LRS")},
			},
		})
		if err != nil {
			return err
		}
		pulumi.All(reg.RegistryProperties.Locations(), reg.Identity.Elem().PrincipalId(), reg.RegistryProperties.PublicNetworkAccess()).ApplyT(func(v []any) error {
			mu.Lock()
			defer mu.Unlock()
			locations = v[0].([]string)
			principal = v[1].(string)
			if p := v[2].(*string); p != nil {
				access = *p
			}
			return nil
		})
		return nil
	})
	reg := rec.Named(t, RegistryType, "registry")
	if reg.Version != "2.90.0" {
		t.Errorf("version = %q, want 2.90.0", reg.Version)
	}
	for path, want := range map[string]string{
		"registryProperties.publicNetworkAccess":                                                                      "Disabled",
		"registryProperties.regionDetails[0].location":                                                                "eastus2",
		"registryProperties.regionDetails[1].location":                                                                "centralus",
		"registryProperties.regionDetails[0].storageAccountDetails[0].systemCreatedStorageAccount.storageAccountType": "Standard_ZRS",
		"registryProperties.regionDetails[1].acrDetails[0].systemCreatedAcrAccount.acrAccountSku":                     "Premium",
		"identity.type": "SystemAssigned",
		"sku.name":      "Basic",
		"tags.team":     "ai",
	} {
		if got := reg.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if b, ok := reg.Bool("registryProperties.regionDetails[1].storageAccountDetails[0].systemCreatedStorageAccount.allowBlobPublicAccess"); !ok || b {
		t.Errorf("allowBlobPublicAccess = %v (set %v), want false", b, ok)
	}
	mu.Lock()
	defer mu.Unlock()
	if !reflect.DeepEqual(locations, []string{"eastus2", "centralus"}) {
		t.Errorf("Locations() = %v", locations)
	}
	if principal != "principal-registry" {
		t.Errorf("identity.principalId = %q", principal)
	}
	if access != "Disabled" {
		t.Errorf("registryProperties.publicNetworkAccess output = %q", access)
	}
}

func TestManagedResourceGroupOutput(t *testing.T) {
	var (
		mu sync.Mutex
		id string
	)
	pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		reg, err := NewRegistry(ctx, "registry", &RegistryArgs{
			ResourceGroupName:  pulumi.String("rg"),
			RegistryProperties: &RegistryPropertiesArgs{},
		})
		if err != nil {
			return err
		}
		reg.RegistryProperties.ManagedResourceGroupId().ApplyT(func(s string) string {
			mu.Lock()
			defer mu.Unlock()
			id = s
			return s
		})
		return nil
	}, pulumitest.WithOutputs(func(args pulumi.MockResourceArgs, state resource.PropertyMap) {
		props := state["registryProperties"].ObjectValue().Copy()
		props["managedResourceGroup"] = resource.NewProperty(resource.PropertyMap{"resourceId": resource.NewProperty("/subscriptions/x/resourceGroups/azureml-rg-registry")})
		state["registryProperties"] = resource.NewProperty(props)
	}))
	mu.Lock()
	defer mu.Unlock()
	if id != "/subscriptions/x/resourceGroups/azureml-rg-registry" {
		t.Errorf("ManagedResourceGroupId() = %q", id)
	}
}

func TestRequiredArguments(t *testing.T) {
	for _, c := range []struct {
		name string
		args *RegistryArgs
		want string
	}{
		{"nil args", nil, "missing one or more required arguments"},
		{"no properties", &RegistryArgs{ResourceGroupName: pulumi.String("rg")}, "invalid value for required argument 'RegistryProperties'"},
		{"no resource group", &RegistryArgs{RegistryProperties: &RegistryPropertiesArgs{}}, "invalid value for required argument 'ResourceGroupName'"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec, err := pulumitest.Run(func(ctx *pulumi.Context) error {
				_, err := NewRegistry(ctx, "r", c.args)
				return err
			})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want one containing %q", err, c.want)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered, want none", n)
			}
		})
	}
}
