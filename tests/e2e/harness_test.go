package e2e

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/azure/management"
	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/aiready/aiready/tests/internal/standin"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// small is a program of three resources: a resource group and a virtual network
// from the typed azure-native SDK, and a management group from the project's own
// resource layer.
type small struct {
	location  string
	tag       string
	transform pulumi.ResourceTransform
}

func (p small) run(ctx *pulumi.Context) error {
	if p.transform != nil {
		if err := ctx.RegisterResourceTransform(p.transform); err != nil {
			return err
		}
	}
	rg, err := resources.NewResourceGroup(ctx, "rg", &resources.ResourceGroupArgs{
		Location: pulumi.String(p.location),
	})
	if err != nil {
		return err
	}
	vnet, err := network.NewVirtualNetwork(ctx, "vnet", &network.VirtualNetworkArgs{
		ResourceGroupName: rg.Name,
		Location:          rg.Location,
		AddressSpace: &network.AddressSpaceArgs{
			AddressPrefixes: pulumi.StringArray{pulumi.String("10.10.0.0/16")},
		},
		Subnets: network.SubnetTypeArray{&network.SubnetTypeArgs{
			Name:          pulumi.String("private-endpoints"),
			AddressPrefix: pulumi.String("10.10.1.0/24"),
		}},
		Tags: pulumi.StringMap{"owner": pulumi.String(p.tag)},
	})
	if err != nil {
		return err
	}
	mg, err := management.NewManagementGroup(ctx, "mg", &management.ManagementGroupArgs{
		GroupId:     pulumi.String("ai-ready-e2e"),
		DisplayName: pulumi.String("AI Ready (e2e)"),
		Details: &management.CreateManagementGroupDetailsArgs{
			Parent: &management.CreateParentGroupInfoArgs{
				Id: pulumi.String("/providers/Microsoft.Management/managementGroups/landingzones"),
			},
		},
	})
	if err != nil {
		return err
	}
	ctx.Export("rgName", rg.Name)
	ctx.Export("vnetId", vnet.ID())
	ctx.Export("vnetName", vnet.Name)
	ctx.Export("mgId", mg.ID())
	ctx.Export("mgName", mg.Name)
	return nil
}

func stepOf(t *testing.T, r *engine.Result, token, name string) engine.Step {
	t.Helper()
	for urn, s := range r.Steps {
		if sameType(s.Type, token) && strings.HasSuffix(urn, "::"+name) {
			return s
		}
	}
	t.Fatalf("%s: no step for %s %q; steps: %v", r.Op, token, name, r.Steps)
	return engine.Step{}
}

// TestSmallProgram runs a small program through the engine and the stand-in:
// preview, up, an unchanged preview, an update, a replacement, destroy.
func TestSmallProgram(t *testing.T) {
	ctx := context.Background()
	p := small{location: "swedencentral", tag: "platform"}
	st := newStack(t, "small", p.run)

	pre, err := st.Preview(ctx, engine.PreviewOptions{})
	logResult(t, pre)
	if err != nil {
		t.Fatal(err)
	}
	if c := pre.Counts(); c.Azure != 3 {
		t.Errorf("preview: %d Azure resources, want 3 (resource group, virtual network, management group)\n%s", c.Azure, c.Table())
	}
	if n := pre.Summary["create"]; n < 4 {
		t.Errorf("preview: %d creates, want the stack and 3 resources", n)
	}

	up, err := st.Up(ctx, engine.UpOptions{})
	logResult(t, up)
	if err != nil {
		t.Fatal(err)
	}
	rg, _ := up.Outputs["rgName"].(string)
	if !regexp.MustCompile(`^rg[0-9a-f]{8}$`).MatchString(rg) {
		t.Errorf("resource group name %q: want the URN name autonamed with 8 hex digits, as the real provider does", rg)
	}
	vnetName, _ := up.Outputs["vnetName"].(string)
	wantVnet := "/subscriptions/" + standin.FakeSubscriptionID + "/resourceGroups/" + rg + "/providers/Microsoft.Network/virtualNetworks/" + vnetName
	if got := up.Outputs["vnetId"]; got != wantVnet {
		t.Errorf("vnet id = %v, want %s", got, wantVnet)
	}
	if got, want := up.Outputs["mgId"], "/providers/Microsoft.Management/managementGroups/ai-ready-e2e"; got != want {
		t.Errorf("management group id = %v, want %s", got, want)
	}
	if got := up.Outputs["mgName"]; got != "ai-ready-e2e" {
		t.Errorf("management group name output = %v, want ai-ready-e2e", got)
	}

	again, err := st.Preview(ctx, engine.PreviewOptions{ExpectNoChanges: true})
	logResult(t, again)
	if err != nil {
		t.Fatalf("preview after up: %v", err)
	}
	if ch := again.Changes(); len(ch) != 0 {
		t.Errorf("preview after up: %d changes, want none: %v", len(ch), ch)
	}

	t.Run("tag change updates in place", func(t *testing.T) {
		q := p
		q.tag = "ai-team"
		st2 := reprogram(t, st, q.run)
		r, err := st2.Preview(ctx, engine.PreviewOptions{})
		logResult(t, r)
		if err != nil {
			t.Fatal(err)
		}
		s := stepOf(t, r, "azure-native:network:VirtualNetwork", "vnet")
		if s.Op != "update" || !slices.Contains(s.Diffs, "tags") {
			t.Errorf("vnet step = %s diffs %v, want update of tags", s.Op, s.Diffs)
		}
		if s := stepOf(t, r, "azure-native:resources:ResourceGroup", "rg"); s.Op != "same" {
			t.Errorf("resource group step = %s, want same", s.Op)
		}
	})
	t.Run("location change replaces", func(t *testing.T) {
		q := p
		q.location = "westeurope"
		st2 := reprogram(t, st, q.run)
		r, err := st2.Preview(ctx, engine.PreviewOptions{})
		logResult(t, r)
		if err != nil {
			t.Fatal(err)
		}
		s := stepOf(t, r, "azure-native:resources:ResourceGroup", "rg")
		if s.Op != "replace" || !slices.Contains(s.Replaces, "location") {
			t.Errorf("resource group step = %s (replace keys %v), want a replacement on location", s.Op, s.Replaces)
		}
		if s := stepOf(t, r, "azure-native:management:ManagementGroup", "mg"); s.Op != "same" {
			t.Errorf("management group step = %s, want same", s.Op)
		}
	})
	t.Run("location spelt differently is no change", func(t *testing.T) {
		q := p
		q.location = "Sweden Central"
		st2 := reprogram(t, st, q.run)
		r, err := st2.Preview(ctx, engine.PreviewOptions{ExpectNoChanges: true})
		logResult(t, r)
		if err != nil {
			t.Fatalf("Azure treats %q as %q; the stand-in must too: %v", q.location, p.location, err)
		}
	})

	down, err := st.Destroy(ctx, nil)
	logResult(t, down)
	if err != nil {
		t.Fatal(err)
	}
	if n := down.Summary["delete"]; n < 4 {
		t.Errorf("destroy: %d deletes, want the stack and 3 resources", n)
	}
	urns, err := st.Resources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(urns) != 0 {
		t.Errorf("state after destroy holds %d resources: %v", len(urns), urns)
	}
}

// reprogram returns the same stack (same state) running another program.
func reprogram(t *testing.T, st *engine.Stack, program pulumi.RunFunc) *engine.Stack {
	t.Helper()
	st.SetProgram(program)
	return st
}

// TestCheckRejectsBadInputs: the stand-in fails Check, naming the property, for an
// unknown property (top level and nested) and a missing required one, as the real
// provider would; the preview fails.
func TestCheckRejectsBadInputs(t *testing.T) {
	vnet := "azure-native:network:VirtualNetwork"
	cases := []struct {
		name string
		edit func(pulumi.Map)
		want []string
	}{
		{
			name: "misspelt top-level property",
			edit: func(m pulumi.Map) { renamePath(m, "addressSpace", "adressSpace") },
			want: []string{`adressSpace`, `unknown property "adressSpace"`},
		},
		{
			name: "misspelt nested property",
			edit: func(m pulumi.Map) { renamePath(m, "addressSpace.addressPrefixes", "adressPrefixes") },
			want: []string{`addressSpace.adressPrefixes`, `unknown property "addressSpace.adressPrefixes"`},
		},
		{
			name: "unknown property in a list element",
			edit: func(m pulumi.Map) {
				subnets, _ := m["subnets"].(pulumi.Array)
				if len(subnets) > 0 {
					first, _ := subnets[0].(pulumi.Map)
					first = copyMap(first)
					first["privateEndpointNetworkPolicy"] = pulumi.String("Disabled")
					m["subnets"] = pulumi.Array{first}
				}
			},
			want: []string{`subnets[0].privateEndpointNetworkPolicy`},
		},
		{
			name: "missing required property",
			edit: func(m pulumi.Map) { deletePath(m, "resourceGroupName") },
			want: []string{`resourceGroupName`, `missing required property "resourceGroupName"`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := small{location: "swedencentral", tag: "platform", transform: transform(vnet, nil, c.edit)}
			st := newStack(t, "bad", p.run)
			r, err := st.Preview(context.Background(), engine.PreviewOptions{})
			if err == nil {
				logResult(t, r)
				t.Fatal("preview succeeded; want Check to fail")
			}
			text := diagnostics(r)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("the preview's errors do not name %s:\n%s", w, text)
				}
			}
		})
	}
}

// diagnostics joins the error and warning diagnostics.
func diagnostics(r *engine.Result) string {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		if d.Severity == "error" || d.Severity == "warning" {
			b.WriteString(d.Message)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
