package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// NetworkNoManagementPortsFromInternet refuses NSG rules that open management ports to the internet.
var NetworkNoManagementPortsFromInternet = register(&Rule{
	Name: "network-no-management-ports-from-internet",
	Description: "No network security group rule allows inbound traffic from the internet to a management port (22 and 3389 by default), " +
		"whether the port is named, inside a range or matched by \"*\".",
	Section:        SectionConnectivity,
	Recommendation: "Secure operational access to AI workloads with Azure Bastion.",
	BuiltIns: []BuiltIn{
		{ID: "22730e10-96f6-4aac-ad84-9383d35b5917", DisplayName: "Management ports should be closed on your virtual machines"},
	},
	Mirrors:  "ALZ Deny-MgmtPorts-Internet (management port access from the internet should be blocked), AIPolicyBaseline's custom definition of the same name",
	Severity: Critical,
	Level:    Mandatory,
	Types:    []string{TypeNSG, TypeSecurityRule},
	Config:   []string{"managementPorts"},
	Check: func(ctx *Context, r *Resource) []Finding {
		ports := ctx.Settings.ManagementPorts
		if r.Type == TypeSecurityRule {
			return checkSecurityRule(props.Map(r.Props), -1, ports)
		}
		list := r.Get("securityRules")
		if list.IsUnknown() {
			return []Finding{Unverifiable("securityRules", "no rule opens a management port to the internet")}
		}
		var out []Finding
		for i := 0; i < list.Len(); i++ {
			out = append(out, checkSecurityRule(list.Index(i), i, ports)...)
		}
		return out
	},
})

// tri is a three-valued answer: no, yes, or unknown at preview.
type tri uint8

const (
	no tri = iota
	yes
	maybe
)

// checkSecurityRule checks a rule: a standalone SecurityRule's properties (index -1)
// or an NSG's securityRules[index]. The path prefix is built only for a finding.
func checkSecurityRule(rule props.Value, index int, ports []int) []Finding {
	prefix := func() string {
		if index < 0 {
			return ""
		}
		return "securityRules[" + strconv.Itoa(index) + "]."
	}
	if rule.IsUnknown() {
		return []Finding{Unverifiable(strings.TrimSuffix(prefix(), "."), "the rule opens no management port to the internet")}
	}
	var unknown string
	test := func(t tri, path string) bool {
		if t == maybe && unknown == "" {
			unknown = prefix() + path
		}
		return t != no
	}
	if !test(enumIs(rule.Field("direction"), "Inbound"), "direction") ||
		!test(enumIs(rule.Field("access"), "Allow"), "access") ||
		!test(protocolOpensPorts(rule.Field("protocol")), "protocol") {
		return nil
	}
	src, srcName := fromInternet(rule)
	if !test(src, srcName) {
		return nil
	}
	port, portName, which := opensPort(rule, ports)
	if !test(port, portName) {
		return nil
	}
	if unknown != "" {
		return []Finding{Unverifiable(unknown, "the rule opens no management port to the internet")}
	}
	label := "the rule"
	if name, ok := rule.Field("name").Str(); ok && index >= 0 {
		label = fmt.Sprintf("%s (%q)", strings.TrimSuffix(prefix(), "."), name)
	} else if index >= 0 {
		label = strings.TrimSuffix(prefix(), ".")
	}
	return []Finding{Violation("%s allows inbound traffic from the internet to management port %d; remove it, or restrict its source to your management network and reach machines through Azure Bastion.",
		label, which)}
}

func enumIs(v props.Value, want string) tri {
	if v.IsUnknown() {
		return maybe
	}
	if v.Equal(want) {
		return yes
	}
	return no
}

// protocolOpensPorts is yes for TCP, UDP, "*" and an absent protocol (ARM requires one;
// treat a missing one as any), no for ICMP, ESP and AH, which have no ports.
func protocolOpensPorts(v props.Value) tri {
	if v.IsUnknown() {
		return maybe
	}
	s, ok := v.Str()
	if !ok {
		return yes
	}
	switch strings.ToLower(s) {
	case "icmp", "esp", "ah":
		return no
	}
	return yes
}

var internetSources = []string{"*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0"}

// fromInternet looks at sourceAddressPrefix and sourceAddressPrefixes.
func fromInternet(rule props.Value) (tri, string) {
	result, where := no, ""
	for _, key := range [...]string{"sourceAddressPrefix", "sourceAddressPrefixes"} {
		list, unknown := rule.Field(key).Strings()
		for _, s := range list {
			if isInternet(s) {
				return yes, key
			}
		}
		if unknown && result == no {
			result, where = maybe, key
		}
	}
	return result, where
}

func isInternet(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, src := range internetSources {
		if s == src {
			return true
		}
	}
	return false
}

// opensPort looks at destinationPortRange and destinationPortRanges for a management
// port, as a single port, a range ("20-30") or "*".
func opensPort(rule props.Value, ports []int) (tri, string, int) {
	result, where := no, ""
	for _, key := range [...]string{"destinationPortRange", "destinationPortRanges"} {
		list, unknown := rule.Field(key).Strings()
		for _, s := range list {
			if p, ok := matchPort(s, ports); ok {
				return yes, key, p
			}
		}
		if unknown && result == no {
			result, where = maybe, key
		}
	}
	return result, where, 0
}

func matchPort(spec string, ports []int) (int, bool) {
	spec = strings.TrimSpace(spec)
	if spec == "*" || strings.EqualFold(spec, "any") {
		if len(ports) > 0 {
			return ports[0], true
		}
		return 0, false
	}
	lo, hi := spec, spec
	if i := strings.IndexByte(spec, '-'); i >= 0 {
		lo, hi = strings.TrimSpace(spec[:i]), strings.TrimSpace(spec[i+1:])
	}
	l, err1 := strconv.Atoi(lo)
	h, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	for _, p := range ports {
		if p >= l && p <= h {
			return p, true
		}
	}
	return 0, false
}
