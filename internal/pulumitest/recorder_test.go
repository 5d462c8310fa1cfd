package pulumitest

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type testComponent struct {
	pulumi.ResourceState
}

func TestRecorderRecordsTreeOptionsAndInputs(t *testing.T) {
	rec := MustRun(t, func(ctx *pulumi.Context) error {
		comp := &testComponent{}
		if err := ctx.RegisterComponentResource("aiready:test:Thing", "parent", comp); err != nil {
			return err
		}
		var res pulumi.CustomResourceState
		return ctx.RegisterResource("azure-native:network/v20240301:VirtualNetwork", "vnet", pulumi.Map{
			"addressSpace": pulumi.Map{"addressPrefixes": pulumi.StringArray{pulumi.String("10.0.0.0/16")}},
			"secret":       pulumi.ToSecret(pulumi.String("s3cret")),
		}, &res, pulumi.Parent(comp), pulumi.Protect(true), pulumi.RetainOnDelete(true))
	})
	vnets := rec.ByType("azure-native:network:VirtualNetwork")
	if len(vnets) != 1 {
		t.Fatalf("want 1 vnet (version-insensitive match), got %d", len(vnets))
	}
	v := vnets[0]
	parent := rec.Named(t, "aiready:test:Thing", "parent")
	if v.Parent != parent.URN {
		t.Errorf("parent = %q, want %q", v.Parent, parent.URN)
	}
	if got := rec.Children(parent); len(got) != 1 || got[0].Name != "vnet" {
		t.Errorf("children of parent = %v", got)
	}
	if !v.Protect || !v.RetainOnDelete {
		t.Errorf("protect=%v retainOnDelete=%v, want both true", v.Protect, v.RetainOnDelete)
	}
	if got := v.String("addressSpace.addressPrefixes[0]"); got != "10.0.0.0/16" {
		t.Errorf("addressPrefixes[0] = %q", got)
	}
	if !v.IsSecret("secret") {
		t.Error("secret input not marked secret")
	}
	if v.IsSecret("addressSpace") {
		t.Error("plain input reported secret")
	}
	if _, ok := v.Input("addressSpace.missing"); ok {
		t.Error("missing path reported present")
	}
}

func TestNameOutputFollowsTheExplicitAzureName(t *testing.T) {
	var names []pulumi.StringOutput
	rec := MustRun(t, func(ctx *pulumi.Context) error {
		for _, c := range []struct {
			token string
			in    pulumi.Map
		}{
			{"azure-native:cognitiveservices:Account", pulumi.Map{"accountName": pulumi.String("aoai-eastus")}},
			{"azure-native:storage:StorageAccount", pulumi.Map{"accountName": pulumi.String("stassets")}},
			{"azure-native:apimanagement:ApiManagementService", pulumi.Map{"serviceName": pulumi.String("apim-x")}},
			{"azure-native:network:VirtualNetwork", pulumi.Map{"virtualNetworkName": pulumi.String("vnet-x")}},
			{"azure-native:network:Subnet", pulumi.Map{"virtualNetworkName": pulumi.String("vnet-x")}},
		} {
			var res struct {
				pulumi.CustomResourceState
				Name pulumi.StringOutput `pulumi:"name"`
			}
			if err := ctx.RegisterResource(c.token, "logical-"+c.token[strings.LastIndex(c.token, ":")+1:], c.in, &res); err != nil {
				return err
			}
			names = append(names, res.Name)
		}
		return nil
	})
	_ = rec
	want := []string{"aoai-eastus", "stassets", "apim-x", "vnet-x", "logical-Subnet"}
	for i, n := range names {
		got := make(chan string, 1)
		n.ApplyT(func(s string) string { got <- s; return s })
		if g := <-got; g != want[i] {
			t.Errorf("name %d = %q, want %q", i, g, want[i])
		}
	}
}
