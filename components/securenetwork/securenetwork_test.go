package securenetwork

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// scenarios are the two networks the issue asks for, checked by every invariant test.
func scenarios() map[string]func() *Args {
	return map[string]func() *Args{"online": onlineArgs, "corp": corpArgs}
}

func TestEverySubnetHasItsNSGExceptGatewaySubnet(t *testing.T) {
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			rec := run(t, mk())
			vnets := rec.ByType(tVNet)
			if len(vnets) != 2 {
				t.Fatalf("want 2 virtual networks, got %d", len(vnets))
			}
			nsgByID := map[string]pulumitest.Resource{}
			for _, n := range rec.ByType(tNSG) {
				nsgByID[n.ID] = n
			}
			used := map[string]bool{}
			for _, vnet := range vnets {
				location := vnet.String("location")
				for subnetName, s := range vnetSubnets(t, vnet) {
					id := str(s, "networkSecurityGroup.id")
					if subnetName == GatewaySubnetName {
						if id != "" {
							t.Errorf("%s: GatewaySubnet carries NSG %s; Azure forbids it", vnet.Name, id)
						}
						continue
					}
					nsg, ok := nsgByID[id]
					if !ok {
						t.Errorf("%s: subnet %s has no NSG of the component (networkSecurityGroup.id %q)", vnet.Name, subnetName, id)
						continue
					}
					if nsg.String("location") != location {
						t.Errorf("%s: subnet %s uses NSG %s of location %s", vnet.Name, subnetName, nsg.Name, nsg.String("location"))
					}
					if used[id] {
						t.Errorf("%s: NSG %s shared by two subnets", vnet.Name, nsg.Name)
					}
					used[id] = true
				}
			}
			if len(used) != len(nsgByID) {
				t.Errorf("%d NSGs created, %d attached to a subnet", len(nsgByID), len(used))
			}
		})
	}
}

func TestDenyRulesAndBastionAllowOrdering(t *testing.T) {
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			args := mk()
			rec := run(t, args)
			nsgs := rec.ByType(tNSG)
			if len(nsgs) == 0 {
				t.Fatal("no NSGs")
			}
			for _, nsg := range nsgs {
				rules := nsgRules(t, nsg)
				for _, want := range []struct {
					name, source string
					priority     int
				}{
					{DenyManagementInternetRule, "Internet", DenyManagementInternetPriority},
					{DenyManagementAnyRule, "*", DenyManagementAnyPriority},
				} {
					r, ok := rules[want.name]
					if !ok {
						t.Errorf("%s: no rule %s", nsg.Name, want.name)
						continue
					}
					if got := fmt.Sprint(str(r, "direction"), "/", str(r, "access"), "/", str(r, "protocol"), "/", num(r, "priority")); got != fmt.Sprint("Inbound/Deny/*/", want.priority) {
						t.Errorf("%s %s: direction/access/protocol/priority = %s", nsg.Name, want.name, got)
					}
					if got := strs(r, "sourceAddressPrefix", "sourceAddressPrefixes"); !slices.Equal(got, []string{want.source}) {
						t.Errorf("%s %s: source = %v, want %s", nsg.Name, want.name, got, want.source)
					}
					if got := strs(r, "destinationPortRange", "destinationPortRanges"); !slices.Equal(got, []string{"22", "3389"}) {
						t.Errorf("%s %s: ports = %v, want [22 3389]", nsg.Name, want.name, got)
					}
					if got := strs(r, "destinationAddressPrefix", "destinationAddressPrefixes"); !slices.Equal(got, []string{"*"}) {
						t.Errorf("%s %s: destination = %v, want *", nsg.Name, want.name, got)
					}
				}
				// No rule before the denies lets anyone open reach 22 or 3389, and the
				// only allow of 22 is the jumpbox's from Bastion.
				for rn, r := range rules {
					if str(r, "direction") != "Inbound" || str(r, "access") != "Allow" {
						continue
					}
					mgmt := false
					for _, spec := range strs(r, "destinationPortRange", "destinationPortRanges") {
						mgmt = mgmt || coversPort(spec, 22) || coversPort(spec, 3389)
					}
					if !mgmt {
						continue
					}
					if rn != AllowBastionRule {
						t.Errorf("%s: unexpected inbound allow of a management port: %s", nsg.Name, rn)
					}
					for _, src := range strs(r, "sourceAddressPrefix", "sourceAddressPrefixes") {
						if openSource(src) {
							t.Errorf("%s %s: allows management ports from %q", nsg.Name, rn, src)
						}
					}
				}
			}

			// The jumpbox NSG of each region lets Bastion in first.
			for _, reg := range args.Regions {
				vnet := rec.Named(t, tVNet, "net-"+reg.Location+"-vnet")
				subnets := vnetSubnets(t, vnet)
				bastionPrefix := str(subnets[BastionSubnetName], "addressPrefix")
				jumpboxPrefix := str(subnets[JumpboxSubnetName], "addressPrefix")
				if bastionPrefix == "" || jumpboxPrefix == "" {
					t.Fatalf("%s: bastion %q / jumpbox %q subnet missing", reg.Location, bastionPrefix, jumpboxPrefix)
				}
				nsg := rec.Named(t, tNSG, "net-"+reg.Location+"-nsg-jumpbox")
				rules := nsgRules(t, nsg)
				allow, ok := rules[AllowBastionRule]
				if !ok {
					t.Fatalf("%s: no %s", nsg.Name, AllowBastionRule)
				}
				if got := strs(allow, "sourceAddressPrefix", "sourceAddressPrefixes"); !slices.Equal(got, []string{bastionPrefix}) {
					t.Errorf("%s: allow source = %v, want the Bastion subnet %s", nsg.Name, got, bastionPrefix)
				}
				if got := strs(allow, "destinationAddressPrefix", "destinationAddressPrefixes"); !slices.Equal(got, []string{jumpboxPrefix}) {
					t.Errorf("%s: allow destination = %v, want the jumpbox subnet %s", nsg.Name, got, jumpboxPrefix)
				}
				if str(allow, "access") != "Allow" || str(allow, "direction") != "Inbound" || str(allow, "protocol") != "Tcp" || str(allow, "destinationPortRange") != "22" {
					t.Errorf("%s: allow rule = %v", nsg.Name, allow)
				}
				p := num(allow, "priority")
				for _, deny := range []string{DenyManagementInternetRule, DenyManagementAnyRule} {
					if d := num(rules[deny], "priority"); p >= d {
						t.Errorf("%s: Bastion allow priority %d does not come before %s (%d)", nsg.Name, p, deny, d)
					}
				}
				// Priorities are unique per direction (Azure rejects duplicates).
				seen := map[string]string{}
				for rn, r := range rules {
					k := fmt.Sprint(str(r, "direction"), num(r, "priority"))
					if other, dup := seen[k]; dup {
						t.Errorf("%s: %s and %s share priority %s", nsg.Name, rn, other, k)
					}
					seen[k] = rn
				}
			}
		})
	}
}

func TestRequiredServiceRules(t *testing.T) {
	type want struct {
		dir, src, dst string
		ports         []string
	}
	check := func(t *testing.T, nsg pulumitest.Resource, wants []want) {
		t.Helper()
		rules := nsgRules(t, nsg)
		for _, w := range wants {
			found := false
			for _, r := range rules {
				if str(r, "direction") == w.dir && str(r, "access") == "Allow" &&
					slices.Equal(strs(r, "sourceAddressPrefix", "sourceAddressPrefixes"), []string{w.src}) &&
					slices.Equal(strs(r, "destinationAddressPrefix", "destinationAddressPrefixes"), []string{w.dst}) &&
					slices.Equal(strs(r, "destinationPortRange", "destinationPortRanges"), w.ports) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no %s allow %s -> %s %v", nsg.Name, w.dir, w.src, w.dst, w.ports)
			}
		}
	}
	rec := run(t, onlineArgs())
	check(t, rec.Named(t, tNSG, "net-eastus2-nsg-bastion"), []want{
		{"Inbound", "Internet", "*", []string{"443"}},
		{"Inbound", "GatewayManager", "*", []string{"443"}},
		{"Inbound", "AzureLoadBalancer", "*", []string{"443"}},
		{"Inbound", "VirtualNetwork", "VirtualNetwork", []string{"8080", "5701"}},
		{"Outbound", "*", "VirtualNetwork", []string{"22", "3389"}},
		{"Outbound", "*", "AzureCloud", []string{"443"}},
		{"Outbound", "VirtualNetwork", "VirtualNetwork", []string{"8080", "5701"}},
		{"Outbound", "*", "Internet", []string{"80"}},
	})
	apim := []want{
		{"Inbound", "ApiManagement", "VirtualNetwork", []string{"3443"}},
		{"Inbound", "AzureLoadBalancer", "VirtualNetwork", []string{"6390"}},
		{"Outbound", "VirtualNetwork", "Storage", []string{"443"}},
		{"Outbound", "VirtualNetwork", "Sql", []string{"1433"}},
		{"Outbound", "VirtualNetwork", "AzureKeyVault", []string{"443"}},
		{"Outbound", "VirtualNetwork", "AzureMonitor", []string{"1886", "443"}},
	}
	// Online: external APIM takes HTTPS from the internet.
	check(t, rec.Named(t, tNSG, "net-eastus2-nsg-apim"), append(apim, want{"Inbound", "Internet", "VirtualNetwork", []string{"443"}}))
	// Corp: internal APIM, nothing from the internet.
	corp := run(t, corpArgs())
	nsg := corp.Named(t, tNSG, "net-westeurope-nsg-apim")
	check(t, nsg, append(apim, want{"Inbound", "VirtualNetwork", "VirtualNetwork", []string{"443"}}))
	for rn, r := range nsgRules(t, nsg) {
		if str(r, "access") == "Allow" && str(r, "direction") == "Inbound" && slices.Contains(strs(r, "sourceAddressPrefix", "sourceAddressPrefixes"), "Internet") {
			t.Errorf("corp APIM NSG allows %s from the internet", rn)
		}
	}
}

func TestSubnetPlanOnTheNetwork(t *testing.T) {
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			args := mk()
			rec := run(t, args)
			for _, reg := range args.Regions {
				vnet := rec.Named(t, tVNet, "net-"+reg.Location+"-vnet")
				if got := vnet.String("addressSpace.addressPrefixes[0]"); got != reg.AddressSpace {
					t.Errorf("%s: address space %q, want %q", vnet.Name, got, reg.AddressSpace)
				}
				subnets := vnetSubnets(t, vnet)
				if b := prefixBits(t, str(subnets[BastionSubnetName], "addressPrefix")); b > 26 {
					t.Errorf("%s: AzureBastionSubnet is /%d, must be /26 or larger", vnet.Name, b)
				}
				if got := str(subnets[PrivateEndpointsSubnetName], "privateEndpointNetworkPolicies"); got != "Enabled" {
					t.Errorf("%s: private endpoint subnet privateEndpointNetworkPolicies = %q, want Enabled", vnet.Name, got)
				}
				wantGateway := reg.Hybrid.Mode == HybridExpressRoute || reg.Hybrid.Mode == HybridVPN
				if _, has := subnets[GatewaySubnetName]; has != wantGateway {
					t.Errorf("%s: GatewaySubnet present = %v, want %v (mode %s)", vnet.Name, has, wantGateway, reg.Hybrid.Mode)
				} else if has {
					if b := prefixBits(t, str(subnets[GatewaySubnetName], "addressPrefix")); b > 27 {
						t.Errorf("%s: GatewaySubnet /%d, want /27 or larger", vnet.Name, b)
					}
				}
				plan, err := PlanSubnets(reg.AddressSpace, reg.Subnets)
				if err != nil {
					t.Fatal(err)
				}
				for role, cidr := range plan {
					s, ok := subnets[SubnetName(role)]
					if !ok {
						continue
					}
					if got := str(s, "addressPrefix"); got != cidr {
						t.Errorf("%s: subnet %s = %s, plan says %s", vnet.Name, SubnetName(role), got, cidr)
					}
				}
			}
		})
	}
}

func TestDDoSPlanOnEveryNetwork(t *testing.T) {
	t.Run("created", func(t *testing.T) {
		rec := run(t, onlineArgs())
		plans := rec.ByType(tDDoS)
		if len(plans) != 1 {
			t.Fatalf("want one DDoS plan for all regions, got %d", len(plans))
		}
		plan := plans[0]
		if plan.String("location") != "eastus2" || plan.String("resourceGroupName") != "rg-ai-eastus2" {
			t.Errorf("plan placed in %s/%s, want Regions[0]", plan.String("location"), plan.String("resourceGroupName"))
		}
		for _, vnet := range rec.ByType(tVNet) {
			if on, _ := vnet.Bool("enableDdosProtection"); !on {
				t.Errorf("%s: enableDdosProtection not true", vnet.Name)
			}
			if got := vnet.String("ddosProtectionPlan.id"); got != plan.ID {
				t.Errorf("%s: ddosProtectionPlan.id = %q, want %q", vnet.Name, got, plan.ID)
			}
		}
	})
	t.Run("existing", func(t *testing.T) {
		rec := run(t, corpArgs())
		if n := rec.Count(tDDoS); n != 0 {
			t.Errorf("existing plan given, yet %d plans created", n)
		}
		for _, vnet := range rec.ByType(tVNet) {
			if on, _ := vnet.Bool("enableDdosProtection"); !on || vnet.String("ddosProtectionPlan.id") != ddosPlanID {
				t.Errorf("%s: DDoS = %v %q, want true %q", vnet.Name, on, vnet.String("ddosProtectionPlan.id"), ddosPlanID)
			}
		}
	})
	t.Run("none outside online", func(t *testing.T) {
		args := corpArgs()
		args.DDoS = nil
		rec := run(t, args)
		for _, vnet := range rec.ByType(tVNet) {
			// The SDK defaults enableDdosProtection to false.
			if on, _ := vnet.Bool("enableDdosProtection"); on {
				t.Errorf("%s: DDoS enabled without a plan", vnet.Name)
			}
			if _, ok := vnet.Input("ddosProtectionPlan"); ok {
				t.Errorf("%s: a DDoS plan without DDoS", vnet.Name)
			}
		}
	})
}

func TestNoPublicIPExceptBastionAndGateways(t *testing.T) {
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			rec := run(t, mk())
			for _, nic := range rec.ByType(tNIC) {
				for i := 0; i < nic.Len("ipConfigurations"); i++ {
					if _, ok := nic.Input(fmt.Sprintf("ipConfigurations[%d].publicIPAddress", i)); ok {
						t.Errorf("%s: ipConfigurations[%d] has a public IP", nic.Name, i)
					}
				}
				if on, _ := nic.Bool("enableIPForwarding"); on {
					t.Errorf("%s: IP forwarding on", nic.Name)
				}
			}
			// Every public IP is a Bastion's or a gateway's.
			users := map[string]string{}
			for _, b := range rec.ByType(tBastion) {
				users[b.String("ipConfigurations[0].publicIPAddress.id")] = b.Name
			}
			for _, gw := range rec.ByType(tGW) {
				for i := 0; i < gw.Len("ipConfigurations"); i++ {
					users[gw.String(fmt.Sprintf("ipConfigurations[%d].publicIPAddress.id", i))] = gw.Name
				}
			}
			for _, pip := range rec.ByType(tPIP) {
				if _, ok := users[pip.ID]; !ok {
					t.Errorf("public IP %s belongs to neither a Bastion nor a gateway", pip.Name)
				}
				if pip.String("sku.name") != "Standard" || pip.String("publicIPAllocationMethod") != "Static" {
					t.Errorf("%s: sku %q allocation %q, want Standard Static", pip.Name, pip.String("sku.name"), pip.String("publicIPAllocationMethod"))
				}
			}
			if vms := rec.ByType(tVM); len(vms) == 0 {
				t.Error("no jumpbox")
			}
		})
	}
}

func TestBastionAndJumpbox(t *testing.T) {
	rec := run(t, onlineArgs())
	b := rec.Named(t, tBastion, "net-eastus2-bastion")
	if b.String("sku.name") != "Standard" {
		t.Errorf("Bastion SKU %q, want Standard", b.String("sku.name"))
	}
	if on, _ := b.Bool("enableTunneling"); !on {
		t.Error("Bastion tunneling (native client) off")
	}
	if on, _ := b.Bool("enableShareableLink"); on {
		t.Error("Bastion shareable links on")
	}
	if n, _ := b.Number("scaleUnits"); n != 2 {
		t.Errorf("scaleUnits %v, want 2", n)
	}
	if got, want := b.String("ipConfigurations[0].subnet.id"), pulumitest.FakeID(tVNet, "net-eastus2-vnet")+"/subnets/AzureBastionSubnet"; got != want {
		t.Errorf("Bastion subnet %q, want %q", got, want)
	}

	vm := rec.Named(t, tVM, "net-eastus2-jumpbox")
	if vm.String("identity.type") != "SystemAssigned" {
		t.Errorf("identity %q, want SystemAssigned", vm.String("identity.type"))
	}
	if on, _ := vm.Bool("diagnosticsProfile.bootDiagnostics.enabled"); !on {
		t.Error("boot diagnostics off")
	}
	if _, ok := vm.Input("diagnosticsProfile.bootDiagnostics.storageUri"); ok {
		t.Error("boot diagnostics use a storage account; want managed storage")
	}
	if off, _ := vm.Bool("osProfile.linuxConfiguration.disablePasswordAuthentication"); !off {
		t.Error("password sign-in enabled with an SSH key")
	}
	if got := vm.String("osProfile.linuxConfiguration.ssh.publicKeys[0].keyData"); got != sshKey {
		t.Errorf("ssh key %q", got)
	}
	if _, ok := vm.Input("osProfile.adminPassword"); ok {
		t.Error("admin password set with an SSH key")
	}
	if vm.String("securityProfile.securityType") != "TrustedLaunch" {
		t.Error("not Trusted Launch")
	}
	nic := rec.Named(t, tNIC, "net-eastus2-jumpbox-nic")
	if got := vm.String("networkProfile.networkInterfaces[0].id"); got != nic.ID {
		t.Errorf("VM NIC %q, want %q", got, nic.ID)
	}
	if got, want := nic.String("ipConfigurations[0].subnet.id"), pulumitest.FakeID(tVNet, "net-eastus2-vnet")+"/subnets/snet-jumpbox"; got != want {
		t.Errorf("NIC subnet %q, want %q", got, want)
	}
	ext := rec.Named(t, tExt, "net-eastus2-jumpbox-aadlogin")
	if ext.String("publisher") != "Microsoft.Azure.ActiveDirectory" || ext.String("type") != "AADSSHLoginForLinux" || ext.String("vmName") != "net-eastus2-jumpbox" {
		t.Errorf("extension = %s %s on %s", ext.String("publisher"), ext.String("type"), ext.String("vmName"))
	}
	ra := rec.Named(t, tRA, "net-eastus2-jumpbox-admin-0")
	if ra.String("scope") != vm.ID || ra.String("principalId") != groupID || ra.String("principalType") != "Group" {
		t.Errorf("role assignment scope %q principal %q %q", ra.String("scope"), ra.String("principalId"), ra.String("principalType"))
	}
	if want := "/subscriptions/" + pulumitest.FakeSubscriptionID + "/providers/Microsoft.Authorization/roleDefinitions/" + VirtualMachineAdministratorLoginRoleID; ra.String("roleDefinitionId") != want {
		t.Errorf("role %q, want %q", ra.String("roleDefinitionId"), want)
	}

	// Password credential: always a secret, password sign-in on, no key.
	corp := run(t, corpArgs())
	cvm := corp.Named(t, tVM, "net-westeurope-jumpbox")
	if !cvm.IsSecret("osProfile.adminPassword") {
		t.Error("admin password not secret")
	}
	if off, _ := cvm.Bool("osProfile.linuxConfiguration.disablePasswordAuthentication"); off {
		t.Error("password sign-in disabled with a password credential")
	}
	if n := corp.Count(tRA); n != 0 {
		t.Errorf("%d role assignments without groups", n)
	}
}

func TestBastionAndJumpboxCanBeTurnedOff(t *testing.T) {
	args := corpArgs()
	args.Bastion.Disabled = true
	args.Jumpbox.AllowedSourcePrefixes = []string{"10.0.1.0/26"}
	args.Regions[1].DisableJumpbox = true
	rec := run(t, args)
	if n := rec.Count(tBastion) + rec.Count(tPIP); n != 0 {
		t.Errorf("Bastion disabled, yet %d Bastion hosts and public IPs", n)
	}
	if n := rec.Count(tVM); n != 1 {
		t.Errorf("want one jumpbox (region 0), got %d", n)
	}
	we := vnetSubnets(t, rec.Named(t, tVNet, "net-westeurope-vnet"))
	if _, ok := we[BastionSubnetName]; ok {
		t.Error("AzureBastionSubnet built without Bastion")
	}
	allow := nsgRules(t, rec.Named(t, tNSG, "net-westeurope-nsg-jumpbox"))[AllowBastionRule]
	if got := strs(allow, "sourceAddressPrefix", "sourceAddressPrefixes"); !slices.Equal(got, []string{"10.0.1.0/26"}) {
		t.Errorf("jumpbox allow from %v, want the hub Bastion's 10.0.1.0/26", got)
	}
	fr := vnetSubnets(t, rec.Named(t, tVNet, "net-francecentral-vnet"))
	if _, ok := fr[JumpboxSubnetName]; ok {
		t.Error("jumpbox subnet built without a jumpbox")
	}
}

func TestPrivateDNSZonesAndLinks(t *testing.T) {
	t.Run("created", func(t *testing.T) {
		args := onlineArgs()
		rec := run(t, args)
		zones := rec.ByType(tZone)
		if len(zones) != len(PrivateDNSZoneKeys()) {
			t.Fatalf("want %d zones, got %d", len(PrivateDNSZoneKeys()), len(zones))
		}
		var names []string
		for _, z := range zones {
			names = append(names, z.String("privateZoneName"))
			if z.String("location") != "global" || z.String("resourceGroupName") != "rg-ai-eastus2" {
				t.Errorf("%s: location %q group %q", z.Name, z.String("location"), z.String("resourceGroupName"))
			}
		}
		sort.Strings(names)
		want := []string{
			"privatelink.api.azureml.ms", "privatelink.blob.core.windows.net", "privatelink.cognitiveservices.azure.com",
			"privatelink.notebooks.azure.net", "privatelink.openai.azure.com", "privatelink.search.windows.net",
			"privatelink.services.ai.azure.com", "privatelink.vaultcore.azure.net",
		}
		if !slices.Equal(names, want) {
			t.Errorf("zones = %v\nwant    %v", names, want)
		}
		links := rec.ByType(tLink)
		if len(links) != len(want)*len(args.Regions) {
			t.Fatalf("want %d links (zones x regions), got %d", len(want)*len(args.Regions), len(links))
		}
		vnetIDs := map[string]bool{}
		for _, v := range rec.ByType(tVNet) {
			vnetIDs[v.ID] = true
		}
		pairs := map[string]bool{}
		for _, l := range links {
			if reg, ok := l.Bool("registrationEnabled"); !ok || reg {
				t.Errorf("%s: registrationEnabled = %v (set %v), want false", l.Name, reg, ok)
			}
			vnet := l.String("virtualNetwork.id")
			if !vnetIDs[vnet] {
				t.Errorf("%s: links %q, not a network of the component", l.Name, vnet)
			}
			pairs[l.String("privateZoneName")+" "+vnet] = true
		}
		if len(pairs) != len(links) {
			t.Errorf("duplicate zone/network links: %d distinct of %d", len(pairs), len(links))
		}
	})
	t.Run("existing zone linked with the hub provider", func(t *testing.T) {
		rec, hub := runWithHubProvider(t, corpArgs())
		if n := rec.Count(tZone); n != len(PrivateDNSZoneKeys())-1 {
			t.Errorf("%d zones created, want all but the existing openai zone", n)
		}
		for _, z := range rec.ByType(tZone) {
			if z.String("privateZoneName") == "privatelink.openai.azure.com" {
				t.Error("existing openai zone created again")
			}
		}
		var hubLinks []pulumitest.Resource
		for _, l := range rec.ByType(tLink) {
			if l.String("privateZoneName") == "privatelink.openai.azure.com" {
				hubLinks = append(hubLinks, l)
			}
		}
		if len(hubLinks) != 2 {
			t.Fatalf("want the existing zone linked to both networks, got %d links", len(hubLinks))
		}
		for _, l := range hubLinks {
			if l.String("resourceGroupName") != "rg-dns" {
				t.Errorf("%s: link in %q, want the zone's group rg-dns", l.Name, l.String("resourceGroupName"))
			}
			if !strings.HasPrefix(l.Provider, hub.URN+"::") {
				t.Errorf("%s: provider %q, want the hub provider", l.Name, l.Provider)
			}
		}
		for _, l := range rec.ByType(tLink) {
			if l.String("privateZoneName") != "privatelink.openai.azure.com" && l.Provider != "" && strings.HasPrefix(l.Provider, hub.URN) {
				t.Errorf("%s: a created zone's link uses the hub provider", l.Name)
			}
		}
		if n := rec.Count(tLink); n != 2*len(PrivateDNSZoneKeys()) {
			t.Errorf("%d links, want %d", n, 2*len(PrivateDNSZoneKeys()))
		}
	})
	t.Run("existing zone not linked", func(t *testing.T) {
		args := corpArgs()
		args.PrivateDNS.LinkExistingZones = false
		rec := run(t, args)
		if n := rec.Count(tLink); n != 2*(len(PrivateDNSZoneKeys())-1) {
			t.Errorf("%d links, want the created zones' only (%d)", n, 2*(len(PrivateDNSZoneKeys())-1))
		}
	})
}

func TestTagsOnEveryTaggableResource(t *testing.T) {
	notTaggable := map[string]bool{tPeer: true, tRA: true}
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			args := mk()
			rec := run(t, args)
			env := tags.Environment(args.Production)
			for _, r := range custom(rec) {
				if notTaggable[r.Type] {
					if _, ok := r.Input("tags"); ok {
						t.Errorf("%s %s: tags on a type that has none", r.Type, r.Name)
					}
					continue
				}
				got := map[string]string{
					tags.ArchetypeKey:   r.String("tags." + tags.ArchetypeKey),
					tags.EnvironmentKey: r.String("tags." + tags.EnvironmentKey),
					tags.ComponentKey:   r.String("tags." + tags.ComponentKey),
				}
				want := map[string]string{tags.ArchetypeKey: args.Archetype, tags.EnvironmentKey: env, tags.ComponentKey: ComponentName}
				for k, v := range want {
					if got[k] != v {
						t.Errorf("%s %s: tag %s = %q, want %q", r.Type, r.Name, k, got[k], v)
					}
				}
				for k, v := range args.Tags {
					if k == tags.ArchetypeKey {
						continue // the convention wins
					}
					if r.String("tags."+k) != v {
						t.Errorf("%s %s: user tag %s missing", r.Type, r.Name, k)
					}
				}
			}
		})
	}
}

func TestChildrenParentedToTheComponent(t *testing.T) {
	for name, mk := range scenarios() {
		t.Run(name, func(t *testing.T) {
			rec := run(t, mk())
			comps := rec.ByType(TypeToken)
			if len(comps) != 1 {
				t.Fatalf("want one component, got %d", len(comps))
			}
			comp := comps[0]
			if comp.Name != "net" {
				t.Errorf("component name %q", comp.Name)
			}
			all := custom(rec)
			if len(all) == 0 {
				t.Fatal("no resources")
			}
			for _, r := range all {
				if r.Parent != comp.URN {
					t.Errorf("%s %s: parent %q, want the component", r.Type, r.Name, r.Parent)
				}
				if !strings.HasPrefix(r.Name, "net-") {
					t.Errorf("%s %s: child not named after the component", r.Type, r.Name)
				}
			}
			if got := len(rec.Children(comp)); got != len(all) {
				t.Errorf("component has %d children, %d resources", got, len(all))
			}
		})
	}
}

func TestSecretsStaySecret(t *testing.T) {
	rec := run(t, onlineArgs())
	er := rec.Named(t, tConn, "net-eastus2-ergw-connection")
	if !er.IsSecret("authorizationKey") {
		t.Error("ExpressRoute authorization key not secret")
	}
	s2s := rec.Named(t, tConn, "net-swedencentral-vpngw-s2s")
	if !s2s.IsSecret("sharedKey") {
		t.Error("VPN shared key not secret")
	}
	if s2s.String("sharedKey") != "shared-key-value" {
		t.Error("shared key value lost")
	}
	// The component records its inputs: never a secret value.
	comp := rec.ByType(TypeToken)[0]
	for _, secret := range []string{"shared-key-value", "auth-key-value", sshKey} {
		if strings.Contains(fmt.Sprint(comp.Inputs), secret) {
			t.Errorf("component inputs contain %q", secret)
		}
	}
}

func TestOutputs(t *testing.T) {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results = map[string]any{}
	)
	capture := func(key string, o pulumi.Output) {
		wg.Add(1)
		o.ApplyT(func(v any) any {
			mu.Lock()
			results[key] = v
			mu.Unlock()
			wg.Done()
			return nil
		})
	}
	var sn *SecureNetwork
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		var err error
		sn, err = New(ctx, "net", onlineArgs())
		if err != nil {
			return err
		}
		capture("vnets", sn.VirtualNetworkIDs)
		capture("subnets", sn.SubnetIDs)
		capture("nsgs", sn.NetworkSecurityGroupIDs)
		capture("zones", sn.PrivateDNSZoneIDs)
		capture("bastions", sn.BastionIDs)
		capture("jumpboxes", sn.JumpboxIDs)
		capture("principals", sn.JumpboxPrincipalIDs)
		capture("gateways", sn.GatewayIDs)
		capture("ddos", sn.DDoSProtectionPlanID)
		return nil
	})
	wg.Wait()

	vnets := results["vnets"].(map[string]string)
	if vnets["eastus2"] != pulumitest.FakeID(tVNet, "net-eastus2-vnet") || len(vnets) != 2 {
		t.Errorf("virtualNetworkIds = %v", vnets)
	}
	subnets := results["subnets"].(map[string]map[string]string)
	if got := subnets["eastus2"][string(SubnetPrivateEndpoints)]; got != pulumitest.FakeID(tVNet, "net-eastus2-vnet")+"/subnets/snet-privateendpoints" {
		t.Errorf("private endpoint subnet id = %q", got)
	}
	if len(subnets["eastus2"]) != 5 {
		t.Errorf("eastus2 subnets = %v, want 5 roles", subnets["eastus2"])
	}
	nsgs := results["nsgs"].(map[string]map[string]string)
	if _, ok := nsgs["eastus2"][string(SubnetGateway)]; ok || len(nsgs["eastus2"]) != 4 {
		t.Errorf("eastus2 NSGs = %v, want 4 and none for the gateway", nsgs["eastus2"])
	}
	zones := results["zones"].(map[string]string)
	if len(zones) != len(PrivateDNSZoneKeys()) || zones[DNSOpenAI] != pulumitest.FakeID(tZone, "net-dns-openai") {
		t.Errorf("privateDnsZoneIds = %v", zones)
	}
	if p := results["principals"].(map[string]string); p["eastus2"] != "principal-net-eastus2-jumpbox" {
		t.Errorf("jumpboxPrincipalIds = %v", p)
	}
	if g := results["gateways"].(map[string]string); len(g) != 2 || g["swedencentral"] != pulumitest.FakeID(tGW, "net-swedencentral-vpngw") {
		t.Errorf("gatewayIds = %v", g)
	}
	if d := results["ddos"].(string); d != pulumitest.FakeID(tDDoS, "net-ddos") {
		t.Errorf("ddosProtectionPlanId = %q", d)
	}
	if b := results["bastions"].(map[string]string); len(b) != 2 {
		t.Errorf("bastionIds = %v", b)
	}
	if j := results["jumpboxes"].(map[string]string); len(j) != 2 {
		t.Errorf("jumpboxIds = %v", j)
	}
	if r := sn.Regions["eastus2"]; r == nil || r.GatewayID == nil || r.BastionID == nil || r.PeeringID != nil || r.SubnetPrefixes[SubnetBastion] == "" {
		t.Errorf("Regions[eastus2] = %+v", r)
	}
	_ = rec
}

// runWithHubProvider builds args with a HubProvider and returns the provider's record.
func runWithHubProvider(t *testing.T, args *Args) (*pulumitest.Recorder, pulumitest.Resource) {
	t.Helper()
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		var hub pulumi.ProviderResourceState
		if err := ctx.RegisterResource("pulumi:providers:azure-native", "hub", pulumi.Map{}, &hub); err != nil {
			return err
		}
		args.HubProvider = &hub
		_, err := New(ctx, "net", args)
		return err
	})
	return rec, rec.Named(t, "pulumi:providers:azure-native", "hub")
}
