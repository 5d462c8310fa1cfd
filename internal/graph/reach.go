package graph

import (
	"fmt"
	"net/netip"
	"strings"
)

// hostOffset is the first address Azure assigns in a subnet: it reserves the
// network address and the next three (".1" the default gateway, ".2" and ".3" Azure
// DNS) and the broadcast address ("Azure Virtual Network FAQ", reserved addresses).
const hostOffset = 4

// FirstHost returns the first address Azure assigns in a subnet.
func FirstHost(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr()
	for range hostOffset {
		a = a.Next()
	}
	return a
}

// Peered reports whether two networks can exchange traffic: the same network, or a
// peering each way with virtual network access allowed.
func (m *Model) Peered(a, b *VNet) bool {
	if key(a.ID) == key(b.ID) {
		return true
	}
	return m.peering(a, b) && m.peering(b, a)
}

func (m *Model) peering(from, to *VNet) bool {
	for _, p := range m.Peerings {
		if key(p.From.ID) == key(from.ID) && key(p.RemoteID) == key(to.ID) && p.Access {
			return true
		}
	}
	return false
}

// vnetTag is the VirtualNetwork service tag of a network: its address space and the
// address spaces of the networks peered with it ("Azure service tags").
func (m *Model) vnetTag(v *VNet) []netip.Prefix {
	out := append([]netip.Prefix(nil), v.Spaces...)
	for _, o := range m.VNets {
		if key(o.ID) != key(v.ID) && m.Peered(v, o) {
			out = append(out, o.Spaces...)
		}
	}
	return out
}

// SubnetOf returns the stack subnet holding an address (nil when none does).
func (m *Model) SubnetOf(ip netip.Addr) *Subnet {
	for _, v := range m.VNets {
		for _, s := range v.Subnets {
			if s.Prefix.Contains(ip) {
				return s
			}
		}
	}
	return nil
}

// Reach checks that TCP traffic to port gets from src (an address in a subnet, e.g.
// a gateway's) to every target of an answer: a public answer fails, as does a
// private endpoint whose connection awaits approval, a target outside the stack's
// subnets, networks that are not peered both ways, and an NSG on the way that denies
// the flow.
func (m *Model) Reach(from *Subnet, src netip.Addr, ans Answer, port int) error {
	if ans.Public != "" {
		return fmt.Errorf("%s resolves to %s, not to a private address (%s)", strings.SplitN(ans.String(), ":", 2)[0], ans.Public, ans)
	}
	if len(ans.Targets) == 0 {
		return fmt.Errorf("no address (%s)", ans)
	}
	for _, t := range ans.Targets {
		if err := m.reachTarget(from, src, t, port); err != nil {
			return fmt.Errorf("%w (%s)", err, ans)
		}
	}
	return nil
}

func (m *Model) reachTarget(from *Subnet, src netip.Addr, t Target, port int) error {
	to, dst, enforced, err := m.locate(t)
	if err != nil {
		return err
	}
	if !m.Peered(from.VNet, to.VNet) {
		return fmt.Errorf("%s (subnet %s of %s) is not reachable from subnet %s of %s: the networks are not peered in both directions", dst, to.Name, to.VNet.Name, from.Name, from.VNet.Name)
	}
	f := flow{src: src, dst: dst, port: port}
	if g := m.nsgs[key(from.NSGID)]; g != nil {
		if ok, why := g.allows("Outbound", f, m.vnetTag(from.VNet)); !ok {
			return fmt.Errorf("the NSG of subnet %s denies TCP %d from %s to %s: %s", from.Name, port, src, dst, why)
		}
	}
	if g := m.nsgs[key(to.NSGID)]; g != nil && enforced {
		if ok, why := g.allows("Inbound", f, m.vnetTag(to.VNet)); !ok {
			return fmt.Errorf("the NSG of subnet %s denies TCP %d from %s to %s: %s", to.Name, port, src, dst, why)
		}
	}
	return nil
}

// locate returns a target's subnet, its address (a private endpoint's interface gets
// the subnet's first free address in the model) and whether the subnet's NSG applies
// to it (to a private endpoint only when privateEndpointNetworkPolicies enforce NSGs).
func (m *Model) locate(t Target) (*Subnet, netip.Addr, bool, error) {
	if pe := t.Endpoint; pe != nil {
		if pe.Manual {
			return nil, netip.Addr{}, false, fmt.Errorf("private endpoint %s: its connection is manual and awaits approval", pe.Name)
		}
		s := m.Subnet(pe.SubnetID)
		if s == nil {
			return nil, netip.Addr{}, false, fmt.Errorf("private endpoint %s: subnet %q is not a subnet of the stack", pe.Name, pe.SubnetID)
		}
		enforced := strings.EqualFold(s.EndpointPolicies, "Enabled") || strings.EqualFold(s.EndpointPolicies, "NetworkSecurityGroupEnabled")
		return s, FirstHost(s.Prefix), enforced, nil
	}
	s := m.SubnetOf(t.IP)
	if s == nil {
		return nil, netip.Addr{}, false, fmt.Errorf("%s is in no subnet of the stack", t.IP)
	}
	return s, t.IP, true, nil
}
