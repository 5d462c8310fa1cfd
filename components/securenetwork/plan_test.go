package securenetwork

import (
	"maps"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestPlanSubnets(t *testing.T) {
	cases := []struct {
		name      string
		space     string
		overrides map[SubnetRole]SubnetOverride
		want      map[SubnetRole]string
	}{
		{"default plan fills a /23 from the largest subnet down", "10.10.0.0/23", nil, map[SubnetRole]string{
			SubnetPrivateEndpoints: "10.10.0.0/24",
			SubnetBastion:          "10.10.1.0/26",
			SubnetAPIM:             "10.10.1.64/27",
			SubnetGateway:          "10.10.1.96/27",
			SubnetJumpbox:          "10.10.1.128/28",
		}},
		{"a larger space keeps the same layout", "10.10.0.0/16", nil, map[SubnetRole]string{
			SubnetPrivateEndpoints: "10.10.0.0/24",
			SubnetBastion:          "10.10.1.0/26",
			SubnetAPIM:             "10.10.1.64/27",
			SubnetGateway:          "10.10.1.96/27",
			SubnetJumpbox:          "10.10.1.128/28",
		}},
		{"a /24 spoke without bastion or gateway", "10.50.0.0/24", map[SubnetRole]SubnetOverride{
			SubnetPrivateEndpoints: {PrefixLength: 25},
			SubnetBastion:          {Omit: true},
			SubnetGateway:          {Omit: true},
		}, map[SubnetRole]string{
			SubnetPrivateEndpoints: "10.50.0.0/25",
			SubnetAPIM:             "10.50.0.128/27",
			SubnetJumpbox:          "10.50.0.160/28",
		}},
		{"pinned ranges first, the rest around them", "10.10.0.0/23", map[SubnetRole]SubnetOverride{
			SubnetBastion: {CIDR: "10.10.0.0/26"},
		}, map[SubnetRole]string{
			SubnetBastion:          "10.10.0.0/26",
			SubnetPrivateEndpoints: "10.10.1.0/24",
			SubnetAPIM:             "10.10.0.64/27",
			SubnetGateway:          "10.10.0.96/27",
			SubnetJumpbox:          "10.10.0.128/28",
		}},
		{"a larger Bastion subnet", "10.10.0.0/22", map[SubnetRole]SubnetOverride{
			SubnetBastion:          {PrefixLength: 24},
			SubnetPrivateEndpoints: {PrefixLength: 23},
		}, map[SubnetRole]string{
			SubnetPrivateEndpoints: "10.10.0.0/23",
			SubnetBastion:          "10.10.2.0/24",
			SubnetAPIM:             "10.10.3.0/27",
			SubnetGateway:          "10.10.3.32/27",
			SubnetJumpbox:          "10.10.3.64/28",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := PlanSubnets(tc.space, tc.overrides)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("plan = %v\nwant   %v", got, tc.want)
			}
			again, _ := PlanSubnets(tc.space, tc.overrides)
			if !maps.Equal(got, again) {
				t.Error("plan not deterministic")
			}
		})
	}
}

func TestPlanSubnetsErrors(t *testing.T) {
	cases := []struct {
		name      string
		space     string
		overrides map[SubnetRole]SubnetOverride
		want      string
	}{
		{"too small", "10.0.0.0/24", nil, "AddressSpace: 10.0.0.0/24 (256 addresses) is too small for the subnets, which need 400 addresses (privateEndpoints /24, bastion /26, apim /27, gateway /27, jumpbox /28); use a /23 or larger"},
		{"fragmented", "10.10.0.0/23", map[SubnetRole]SubnetOverride{
			SubnetBastion: {CIDR: "10.10.0.64/26"}, SubnetJumpbox: {CIDR: "10.10.1.64/28"},
		}, `Subnets["privateEndpoints"]: no free aligned /24 left in 10.10.0.0/23`},
		{"empty", "", nil, "AddressSpace: required"},
		{"subnet too small", "10.10.0.0/22", map[SubnetRole]SubnetOverride{SubnetAPIM: {PrefixLength: 30}}, `Subnets["apim"].PrefixLength: /30: a subnet must be between /8 and /29`},
		{"subnet larger than the space", "10.10.0.0/24", map[SubnetRole]SubnetOverride{SubnetAPIM: {CIDR: "10.10.0.0/23"}}, `Subnets["apim"].CIDR: "10.10.0.0/23" is outside the address space 10.10.0.0/24`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PlanSubnets(tc.space, tc.overrides)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// Turning features on or off moves no subnet: the plan reserves every role.
func TestPlanDoesNotMoveWhenFeaturesChange(t *testing.T) {
	built := func(h HybridArgs, bastionOff bool) map[string]string {
		args := oneRegion(h)
		args.Bastion.Disabled = bastionOff
		args.Jumpbox.AllowedSourcePrefixes = []string{"10.0.1.0/26"}
		rec := run(t, args)
		out := map[string]string{}
		for name, s := range vnetSubnets(t, rec.Named(t, tVNet, "net-eastus2-vnet")) {
			out[name] = str(s, "addressPrefix")
		}
		return out
	}
	base := built(HybridArgs{}, false)
	other := built(HybridArgs{Mode: HybridExpressRoute, ExpressRoute: &ExpressRouteArgs{CircuitID: pulumi.String(circuitID)}}, true)
	if _, ok := base[GatewaySubnetName]; ok {
		t.Fatal("gateway subnet without a gateway")
	}
	if _, ok := other[BastionSubnetName]; ok {
		t.Fatal("bastion subnet without Bastion")
	}
	for _, name := range []string{PrivateEndpointsSubnetName, APIMSubnetName, JumpboxSubnetName} {
		if base[name] == "" || base[name] != other[name] {
			t.Errorf("%s moved: %q -> %q", name, base[name], other[name])
		}
	}
	plan, err := PlanSubnets("10.40.0.0/22", nil)
	if err != nil {
		t.Fatal(err)
	}
	if other[GatewaySubnetName] != plan[SubnetGateway] || base[BastionSubnetName] != plan[SubnetBastion] {
		t.Errorf("gateway %q / bastion %q not at their reserved %q / %q", other[GatewaySubnetName], base[BastionSubnetName], plan[SubnetGateway], plan[SubnetBastion])
	}
}
