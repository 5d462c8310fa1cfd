package graph

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// nsg is a network security group's rules.
type nsg struct {
	id, name, resourceGroup string
	rules                   []rule
}

// rule is one security rule, its address and port fields as lists.
type rule struct {
	name               string
	priority           int
	direction, access  string
	protocol           string
	sources, dests     []string
	sourcePorts, ports []string
}

// defaultRules are the rules Azure adds to every NSG ("Network security groups",
// default security rules): VirtualNetwork to VirtualNetwork allowed, the load
// balancer allowed inbound, the internet allowed outbound, everything else denied.
var defaultRules = []rule{
	{name: "AllowVNetInBound", priority: 65000, direction: "Inbound", access: "Allow", protocol: "*", sources: []string{"VirtualNetwork"}, dests: []string{"VirtualNetwork"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
	{name: "AllowAzureLoadBalancerInBound", priority: 65001, direction: "Inbound", access: "Allow", protocol: "*", sources: []string{"AzureLoadBalancer"}, dests: []string{"*"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
	{name: "DenyAllInBound", priority: 65500, direction: "Inbound", access: "Deny", protocol: "*", sources: []string{"*"}, dests: []string{"*"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
	{name: "AllowVnetOutBound", priority: 65000, direction: "Outbound", access: "Allow", protocol: "*", sources: []string{"VirtualNetwork"}, dests: []string{"VirtualNetwork"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
	{name: "AllowInternetOutBound", priority: 65001, direction: "Outbound", access: "Allow", protocol: "*", sources: []string{"*"}, dests: []string{"Internet"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
	{name: "DenyAllOutBound", priority: 65500, direction: "Outbound", access: "Deny", protocol: "*", sources: []string{"*"}, dests: []string{"*"}, sourcePorts: []string{"*"}, ports: []string{"*"}},
}

func (m *Model) addNSG(r pulumitest.Resource) {
	g := &nsg{id: r.ID, name: nameOf(r, "networkSecurityGroupName"), resourceGroup: r.String("resourceGroupName")}
	for _, v := range array(r, "securityRules") {
		g.rules = append(g.rules, ruleOf(v))
	}
	m.nsgs[key(g.id)] = g
}

func (m *Model) addRule(r pulumitest.Resource) {
	for _, g := range m.nsgs {
		if strings.EqualFold(g.name, r.String("networkSecurityGroupName")) && strings.EqualFold(g.resourceGroup, r.String("resourceGroupName")) {
			rl := ruleOf(resource.NewProperty(r.Inputs))
			rl.name = nameOf(r, "securityRuleName")
			g.rules = append(g.rules, rl)
			return
		}
	}
	m.fail("security rule %s: network security group %q in %q is not in the stack", r.Name, r.String("networkSecurityGroupName"), r.String("resourceGroupName"))
}

// ruleOf reads a rule's singular and plural fields into lists.
func ruleOf(v resource.PropertyValue) rule {
	list := func(single, plural string) []string {
		var out []string
		if s := str(v, single); s != "" {
			out = append(out, s)
		}
		if got, ok := pulumitest.Lookup(v, plural); ok {
			if got = unwrap(got); got.IsArray() {
				for _, e := range got.ArrayValue() {
					if e = unwrap(e); e.IsString() {
						out = append(out, e.StringValue())
					}
				}
			}
		}
		return out
	}
	priority := 0
	if got, ok := pulumitest.Lookup(v, "priority"); ok && unwrap(got).IsNumber() {
		priority = int(unwrap(got).NumberValue())
	}
	return rule{
		name: str(v, "name"), priority: priority,
		direction: str(v, "direction"), access: str(v, "access"), protocol: str(v, "protocol"),
		sources: list("sourceAddressPrefix", "sourceAddressPrefixes"), dests: list("destinationAddressPrefix", "destinationAddressPrefixes"),
		sourcePorts: list("sourcePortRange", "sourcePortRanges"), ports: list("destinationPortRange", "destinationPortRanges"),
	}
}

// flow is one TCP connection attempt, as an NSG sees it.
type flow struct {
	src, dst netip.Addr
	port     int
}

// allows evaluates an NSG for a flow in one direction: the first rule by priority
// that matches decides. vnetTag is the VirtualNetwork service tag's prefixes for the
// NSG's network. It returns the deciding rule's name.
func (g *nsg) allows(direction string, f flow, vnetTag []netip.Prefix) (bool, string) {
	var rules []rule
	for _, r := range append(append([]rule(nil), g.rules...), defaultRules...) {
		if strings.EqualFold(r.direction, direction) {
			rules = append(rules, r)
		}
	}
	sort.SliceStable(rules, func(i, j int) bool { return rules[i].priority < rules[j].priority })
	for _, r := range rules {
		if r.protocol != "*" && !strings.EqualFold(r.protocol, "Tcp") {
			continue
		}
		if len(r.sourcePorts) > 0 && !slices.Contains(r.sourcePorts, "*") {
			// A client's source port is ephemeral: a rule limited to source ports
			// says nothing the model can apply.
			continue
		}
		if !anyAddress(r.sources, f.src, vnetTag) || !anyAddress(r.dests, f.dst, vnetTag) || !anyPort(r.ports, f.port) {
			continue
		}
		return strings.EqualFold(r.access, "Allow"), fmt.Sprintf("%s rule %s (priority %d)", direction, r.name, r.priority)
	}
	return false, direction + ": no rule matches"
}

// anyAddress reports whether an address matches one of a rule's prefixes. Service
// tags other than VirtualNetwork and Internet name Azure services' public ranges,
// which no address of a stack's networks is in.
func anyAddress(prefixes []string, addr netip.Addr, vnetTag []netip.Prefix) bool {
	for _, p := range prefixes {
		switch {
		case p == "*" || p == "0.0.0.0/0":
			return true
		case strings.EqualFold(p, "VirtualNetwork"):
			if inAny(addr, vnetTag) {
				return true
			}
		case strings.EqualFold(p, "Internet"):
			if !inAny(addr, vnetTag) && !addr.IsPrivate() {
				return true
			}
		default:
			if pre, err := netip.ParsePrefix(p); err == nil && pre.Contains(addr) {
				return true
			}
			if a, err := netip.ParseAddr(p); err == nil && a == addr {
				return true
			}
		}
	}
	return false
}

func inAny(addr netip.Addr, prefixes []netip.Prefix) bool {
	for _, p := range prefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// anyPort reports whether a port is in one of a rule's port ranges ("*", "443", "1-1024").
func anyPort(ranges []string, port int) bool {
	for _, r := range ranges {
		if r == "*" {
			return true
		}
		lo, hi, isRange := strings.Cut(r, "-")
		if !isRange {
			hi = lo
		}
		l, err1 := strconv.Atoi(strings.TrimSpace(lo))
		h, err2 := strconv.Atoi(strings.TrimSpace(hi))
		if err1 == nil && err2 == nil && l <= port && port <= h {
			return true
		}
	}
	return false
}
