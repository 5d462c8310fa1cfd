package azurepolicy

import (
	"testing"

	"github.com/aiready/aiready/policypack/azpolicy"
)

const (
	nsgType  = "Microsoft.Network/networkSecurityGroups"
	ruleType = "Microsoft.Network/networkSecurityGroups/securityRules"
)

// rule is one inbound Allow rule's ARM properties.
func rule(props map[string]any) map[string]any {
	base := map[string]any{"access": "Allow", "direction": "Inbound", "protocol": "Tcp", "priority": 100,
		"sourcePortRange": "*", "destinationAddressPrefix": "*"}
	for k, v := range props {
		base[k] = v
	}
	return base
}

// inline wraps rules into an NSG; standalone makes one rule a child resource.
func inline(rules ...map[string]any) map[string]any {
	members := make([]any, len(rules))
	for i, r := range rules {
		members[i] = map[string]any{"name": "r", "properties": r}
	}
	return map[string]any{"type": nsgType, "name": "nsg", "location": "eastus2", "properties": map[string]any{"securityRules": members}}
}

func standalone(r map[string]any) map[string]any {
	return map[string]any{"type": ruleType, "name": "nsg/r", "properties": r}
}

// The rules the stacks' NSGs hold that must stay allowed, and the exposures the
// definition must deny ("Author policies for array properties": a bare [*] field
// condition holds for every member and for an empty array, so each array is counted;
// learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays,
// read 2026-12-02).
var (
	allowedRules = map[string]map[string]any{
		"Bastion: Internet to 443":        rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "443"}),
		"Bastion: GatewayManager to 443":  rule(map[string]any{"sourceAddressPrefix": "GatewayManager", "destinationPortRange": "443"}),
		"jumpbox: Bastion subnet to 22":   rule(map[string]any{"sourceAddressPrefix": "10.20.1.0/26", "destinationPortRange": "22"}),
		"APIM: ApiManagement to 3443":     rule(map[string]any{"sourceAddressPrefix": "ApiManagement", "destinationPortRange": "3443"}),
		"VirtualNetwork to 22 and 3389":   rule(map[string]any{"sourceAddressPrefix": "VirtualNetwork", "destinationPortRanges": []any{"22", "3389"}}),
		"Internet to 443 and 8443":        rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRanges": []any{"443", "8443"}}),
		"Internet to 1000-2000":           rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "1000-2000"}),
		"prefixes without the internet":   rule(map[string]any{"sourceAddressPrefixes": []any{"10.0.0.0/8", "192.168.0.0/16"}, "destinationPortRange": "22"}),
		"a Deny rule from the internet":   rule(map[string]any{"access": "Deny", "sourceAddressPrefix": "Internet", "destinationPortRange": "*"}),
		"outbound to the internet on 22":  rule(map[string]any{"direction": "Outbound", "sourceAddressPrefix": "*", "destinationPortRange": "22"}),
		"Internet to 2200 (not 22)":       rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "2200"}),
		"Internet to 33890-33899 (ports)": rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "33890-33899"}),
	}
	deniedRules = map[string]map[string]any{
		"Internet to 22":                     rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "22"}),
		"* to 3389":                          rule(map[string]any{"sourceAddressPrefix": "*", "destinationPortRange": "3389"}),
		"0.0.0.0/0 to 22":                    rule(map[string]any{"sourceAddressPrefix": "0.0.0.0/0", "destinationPortRange": "22"}),
		"::/0 to 22":                         rule(map[string]any{"sourceAddressPrefix": "::/0", "destinationPortRange": "22"}),
		"internet (any case) to 22":          rule(map[string]any{"sourceAddressPrefix": "internet", "destinationPortRange": "22"}),
		"Internet to *":                      rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "*"}),
		"Internet to 20-30":                  rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "20-30"}),
		"Internet to [443, 3389]":            rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRanges": []any{"443", "3389"}}),
		"Internet to [20-30]":                rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRanges": []any{"20-30"}}),
		"Internet to [443, *]":               rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRanges": []any{"443", "*"}}),
		"[10.0.0.0/8, 0.0.0.0/0] to 22":      rule(map[string]any{"sourceAddressPrefixes": []any{"10.0.0.0/8", "0.0.0.0/0"}, "destinationPortRange": "22"}),
		"[Internet] to [3380-3390]":          rule(map[string]any{"sourceAddressPrefixes": []any{"Internet"}, "destinationPortRanges": []any{"3380-3390"}}),
		"allow (any case) inbound (case)":    rule(map[string]any{"access": "allow", "direction": "inbound", "sourceAddressPrefix": "Internet", "destinationPortRange": "22"}),
		"Internet to 3389 beside an allowed": rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRanges": []any{"80", "443", "3389"}}),
	}
)

// TestMgmtPortsAllowsTheStacksRules: rules the stacks rely on (Bastion, jumpbox,
// API Management) and other safe rules are allowed, inline and standalone, with no
// evaluation error (an error would be an implicit deny).
func TestMgmtPortsAllowsTheStacksRules(t *testing.T) {
	pol := libraryPolicy(t, "Deny-MgmtPorts-Internet", nil)
	for name, r := range allowedRules {
		for form, res := range map[string]map[string]any{"inline": inline(clone(r)), "standalone": standalone(clone(r))} {
			if got := verdict(pol, res); got.Outcome != azpolicy.Compliant {
				t.Errorf("%s (%s): %s, want compliant: %s", name, form, got.Outcome, got.Reason())
			}
		}
	}
	all := make([]map[string]any, 0, len(allowedRules))
	for _, r := range allowedRules {
		all = append(all, clone(r))
	}
	if got := verdict(pol, inline(all...)); got.Outcome != azpolicy.Compliant {
		t.Errorf("an NSG holding every allowed rule: %s: %s", got.Outcome, got.Reason())
	}
	if got := verdict(pol, inline()); got.Outcome != azpolicy.Compliant {
		t.Errorf("an NSG without rules: %s: %s", got.Outcome, got.Reason())
	}
}

// TestMgmtPortsDeniesEveryExposure: each exposure is denied alone, inline and
// standalone, and inline beside allowed rules.
func TestMgmtPortsDeniesEveryExposure(t *testing.T) {
	pol := libraryPolicy(t, "Deny-MgmtPorts-Internet", nil)
	safe := clone(allowedRules["Bastion: Internet to 443"])
	for name, r := range deniedRules {
		for form, res := range map[string]map[string]any{
			"inline": inline(clone(r)), "standalone": standalone(clone(r)), "inline beside an allowed rule": inline(safe, clone(r)),
		} {
			got := verdict(pol, res)
			if got.Outcome != azpolicy.NonCompliant || got.Effect != azpolicy.EffectDeny {
				t.Errorf("%s (%s): %s (%s), want denied: %s", name, form, got.Outcome, got.Effect, got.Reason())
			}
		}
	}
}

// TestMgmtPortsParameters: the ports and sources parameters are honoured (an
// organisation adds WinRM 5986), and Audit audits rather than denies.
func TestMgmtPortsParameters(t *testing.T) {
	winrm := rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": "5986"})
	if got := verdict(libraryPolicy(t, "Deny-MgmtPorts-Internet", nil), inline(winrm)); got.Outcome != azpolicy.Compliant {
		t.Errorf("5986 with the default ports: %s", got.Outcome)
	}
	pol := libraryPolicy(t, "Deny-MgmtPorts-Internet", map[string]any{"ports": []any{"22", "3389", "5986"}})
	if got := verdict(pol, inline(winrm)); got.Outcome != azpolicy.NonCompliant {
		t.Errorf("5986 with ports [22, 3389, 5986]: %s: %s", got.Outcome, got.Reason())
	}
	audit := libraryPolicy(t, "Deny-MgmtPorts-Internet", map[string]any{"effect": "Audit"})
	if got := verdict(audit, inline(clone(deniedRules["Internet to 22"]))); got.Outcome != azpolicy.NonCompliant || got.Effect != azpolicy.EffectAudit {
		t.Errorf("effect Audit: %s (%s)", got.Outcome, got.Effect)
	}
}

// TestMgmtPortsUnknownAtPreview: a rule whose port is not known yet is "cannot
// verify", never a pass.
func TestMgmtPortsUnknownAtPreview(t *testing.T) {
	pol := libraryPolicy(t, "Deny-MgmtPorts-Internet", nil)
	r := rule(map[string]any{"sourceAddressPrefix": "Internet", "destinationPortRange": azpolicy.Unknown})
	if got := verdict(pol, standalone(r)); got.Outcome != azpolicy.CannotVerify {
		t.Errorf("unknown port: %s, want cannot verify: %s", got.Outcome, got.Reason())
	}
}
