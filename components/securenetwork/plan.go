package securenetwork

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// SubnetRole names one subnet of a region's plan.
type SubnetRole string

// The subnet roles of a region.
const (
	// SubnetPrivateEndpoints holds the private endpoints of the AI services (always built).
	SubnetPrivateEndpoints SubnetRole = "privateEndpoints"
	// SubnetAPIM holds API Management in virtual network mode (always built).
	SubnetAPIM SubnetRole = "apim"
	// SubnetJumpbox holds the jumpbox VM (built when the jumpbox is on in the region).
	SubnetJumpbox SubnetRole = "jumpbox"
	// SubnetBastion is AzureBastionSubnet (built when Bastion is on in the region).
	SubnetBastion SubnetRole = "bastion"
	// SubnetGateway is GatewaySubnet (built when the region has an ExpressRoute or VPN gateway).
	SubnetGateway SubnetRole = "gateway"
)

// Azure subnet names. AzureBastionSubnet and GatewaySubnet are names Azure requires.
const (
	PrivateEndpointsSubnetName = "snet-privateendpoints"
	APIMSubnetName             = "snet-apim"
	JumpboxSubnetName          = "snet-jumpbox"
	BastionSubnetName          = "AzureBastionSubnet"
	GatewaySubnetName          = "GatewaySubnet"
)

// SubnetRoles returns every subnet role, in the order the planner places subnets of
// equal size.
func SubnetRoles() []SubnetRole {
	return []SubnetRole{SubnetPrivateEndpoints, SubnetBastion, SubnetAPIM, SubnetGateway, SubnetJumpbox}
}

// SubnetName returns the Azure name of a role's subnet ("" for an unknown role).
func SubnetName(role SubnetRole) string {
	switch role {
	case SubnetPrivateEndpoints:
		return PrivateEndpointsSubnetName
	case SubnetAPIM:
		return APIMSubnetName
	case SubnetJumpbox:
		return JumpboxSubnetName
	case SubnetBastion:
		return BastionSubnetName
	case SubnetGateway:
		return GatewaySubnetName
	}
	return ""
}

// DefaultPrefixLength returns the size the planner gives a role unless overridden:
// privateEndpoints /24, bastion /26, apim /27, gateway /27, jumpbox /28 (400
// addresses in all, so a /23 address space holds the default plan).
func DefaultPrefixLength(role SubnetRole) int {
	switch role {
	case SubnetPrivateEndpoints:
		return 24
	case SubnetBastion:
		return 26
	case SubnetAPIM, SubnetGateway:
		return 27
	case SubnetJumpbox:
		return 28
	}
	return 0
}

// MaxPrefixLength returns the smallest subnet a role may have, as a prefix length:
// Azure Bastion needs /26 or larger, a gateway subnet /27 or larger (ExpressRoute and
// VPN gateways), every other subnet /29 or larger (the smallest Azure allows).
func MaxPrefixLength(role SubnetRole) int {
	switch role {
	case SubnetBastion:
		return 26
	case SubnetGateway:
		return 27
	}
	return 29
}

// SubnetOverride changes one role's subnet in the plan.
type SubnetOverride struct {
	// PrefixLength sizes the subnet (24 means a /24); the planner still places it.
	// Optional; default DefaultPrefixLength. Mutually exclusive with CIDR and Omit.
	PrefixLength int
	// CIDR pins the subnet to an exact range inside the address space, e.g.
	// "10.10.4.0/26". Optional. Mutually exclusive with PrefixLength and Omit.
	CIDR string
	// Omit reserves no space for the role. Allowed only for a role the region does
	// not build (jumpbox, bastion, gateway). Optional; default false, which reserves
	// the role's space even when it is not built, so that turning it on later moves
	// no other subnet.
	Omit bool
}

// PlanSubnets returns the subnet plan of an address space: every role's CIDR, except
// the roles omitted by overrides. The plan depends only on its arguments: pinned
// CIDRs first, then the other roles from the largest to the smallest (ties in
// SubnetRoles order), each in the first free, aligned block from the start of the
// address space.
func PlanSubnets(addressSpace string, overrides map[SubnetRole]SubnetOverride) (map[SubnetRole]string, error) {
	space, errs := parseSpace("AddressSpace", addressSpace)
	if len(errs) == 0 {
		var plan map[SubnetRole]netip.Prefix
		plan, errs = planSubnets("", space, overrides)
		if len(errs) == 0 {
			out := make(map[SubnetRole]string, len(plan))
			for role, p := range plan {
				out[role] = p.String()
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", pkg, errors.Join(errs...))
}

// parseSpace parses an IPv4 CIDR in canonical form.
func parseSpace(path, cidr string) (netip.Prefix, []error) {
	if cidr == "" {
		return netip.Prefix{}, []error{fmt.Errorf("%s: required; give an IPv4 range in CIDR form such as \"10.10.0.0/22\"", path)}
	}
	p, err := parseCIDR(cidr)
	if err != nil {
		return netip.Prefix{}, []error{fmt.Errorf("%s: %w", path, err)}
	}
	return p, nil
}

// parseCIDR parses an IPv4 prefix whose host bits are zero.
func parseCIDR(cidr string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(strings.TrimSpace(cidr))
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not a CIDR range; use the form \"10.10.0.0/22\"", cidr)
	}
	if !p.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not IPv4; only IPv4 ranges are supported", cidr)
	}
	if p.Masked() != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set; use %q", cidr, p.Masked().String())
	}
	return p, nil
}

// planSubnets plans space; path prefixes the field paths of errors ("Regions[0].").
func planSubnets(path string, space netip.Prefix, overrides map[SubnetRole]SubnetOverride) (map[SubnetRole]netip.Prefix, []error) {
	sp := &subnetPlanner{path: path, space: space, plan: map[SubnetRole]netip.Prefix{}, sizes: map[SubnetRole]int{}}
	errs := unknownRoles(path, overrides)
	for _, role := range SubnetRoles() {
		if err := sp.request(role, overrides[role]); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if errs := sp.pinnedOverlaps(); len(errs) > 0 {
		return nil, errs
	}
	if err := sp.checkTotal(); err != nil {
		return nil, []error{err}
	}
	if errs := sp.placeFree(); len(errs) > 0 {
		return nil, errs
	}
	return sp.plan, nil
}

// subnetPlanner places one region's subnets in its address space: the pinned ones
// (a CIDR given) in plan, the free ones (a size) placed after.
type subnetPlanner struct {
	path  string
	space netip.Prefix
	plan  map[SubnetRole]netip.Prefix
	sizes map[SubnetRole]int
	free  []SubnetRole
}

// unknownRoles reports the overrides of roles that do not exist.
func unknownRoles(path string, overrides map[SubnetRole]SubnetOverride) []error {
	var errs []error
	known := map[SubnetRole]bool{}
	for _, r := range SubnetRoles() {
		known[r] = true
	}
	for role := range overrides {
		if !known[role] {
			errs = append(errs, fmt.Errorf("%sSubnets[%q]: unknown subnet role; use one of %s", path, role, rolesList()))
		}
	}
	return errs
}

// request records what the override asks of a role: omitted, pinned to a CIDR, or
// free with a prefix length (its own or the default).
func (sp *subnetPlanner) request(role SubnetRole, o SubnetOverride) error {
	field := fmt.Sprintf("%sSubnets[%q]", sp.path, role)
	switch {
	case o.Omit && (o.CIDR != "" || o.PrefixLength != 0):
		return fmt.Errorf("%s: Omit is mutually exclusive with CIDR and PrefixLength", field)
	case o.Omit && (role == SubnetPrivateEndpoints || role == SubnetAPIM):
		return fmt.Errorf("%s.Omit: the %s subnet is always built and cannot be omitted", field, role)
	case o.Omit:
		return nil
	case o.CIDR != "" && o.PrefixLength != 0:
		return fmt.Errorf("%s: CIDR %q and PrefixLength %d are mutually exclusive; set one", field, o.CIDR, o.PrefixLength)
	case o.CIDR != "":
		return sp.pin(field, role, o.CIDR)
	case o.PrefixLength != 0:
		if err := checkSize(role, o.PrefixLength); err != nil {
			return fmt.Errorf("%s.PrefixLength: /%d: %w", field, o.PrefixLength, err)
		}
		sp.sizes[role] = o.PrefixLength
	default:
		sp.sizes[role] = DefaultPrefixLength(role)
	}
	sp.free = append(sp.free, role)
	return nil
}

// pin places a role at the CIDR its override gives.
func (sp *subnetPlanner) pin(field string, role SubnetRole, cidr string) error {
	p, err := parseCIDR(cidr)
	if err != nil {
		return fmt.Errorf("%s.CIDR: %w", field, err)
	}
	if err := checkSize(role, p.Bits()); err != nil {
		return fmt.Errorf("%s.CIDR: %q: %w", field, cidr, err)
	}
	if !sp.space.Contains(p.Addr()) || p.Bits() < sp.space.Bits() {
		return fmt.Errorf("%s.CIDR: %q is outside the address space %s; pick a range inside it or enlarge the address space", field, cidr, sp.space)
	}
	sp.plan[role] = p
	return nil
}

// pinnedOverlaps reports pinned ranges that overlap one another.
func (sp *subnetPlanner) pinnedOverlaps() []error {
	var errs []error
	pinned := make([]SubnetRole, 0, len(sp.plan))
	for _, role := range SubnetRoles() {
		if _, ok := sp.plan[role]; ok {
			pinned = append(pinned, role)
		}
	}
	for i, a := range pinned {
		for _, b := range pinned[i+1:] {
			if sp.plan[a].Overlaps(sp.plan[b]) {
				errs = append(errs, fmt.Errorf("%sSubnets[%q].CIDR: %s overlaps Subnets[%q].CIDR %s; give each subnet its own range", sp.path, b, sp.plan[b], a, sp.plan[a]))
			}
		}
	}
	return errs
}

// checkTotal reports an address space too small for all the subnets.
func (sp *subnetPlanner) checkTotal() error {
	need := uint64(0)
	var parts []string
	for _, role := range SubnetRoles() {
		bits := sp.sizes[role]
		if p, ok := sp.plan[role]; ok {
			bits = p.Bits()
		} else if bits == 0 {
			continue
		}
		need += 1 << (32 - bits)
		parts = append(parts, fmt.Sprintf("%s /%d", role, bits))
	}
	have := uint64(1) << (32 - sp.space.Bits())
	if need > have {
		return fmt.Errorf("%sAddressSpace: %s (%d addresses) is too small for the subnets, which need %d addresses (%s); use a /%d or larger, or shrink or omit subnets with %sSubnets",
			sp.path, sp.space, have, need, strings.Join(parts, ", "), bitsFor(need), sp.path)
	}
	return nil
}

// placeFree places the free roles: largest first, ties in role order.
func (sp *subnetPlanner) placeFree() []error {
	var errs []error
	order := map[SubnetRole]int{}
	for i, r := range SubnetRoles() {
		order[r] = i
	}
	free, sizes := sp.free, sp.sizes
	sort.SliceStable(free, func(i, j int) bool {
		if sizes[free[i]] != sizes[free[j]] {
			return sizes[free[i]] < sizes[free[j]]
		}
		return order[free[i]] < order[free[j]]
	})
	for _, role := range free {
		p, ok := firstFit(sp.space, sizes[role], sp.plan)
		if !ok {
			errs = append(errs, fmt.Errorf("%sSubnets[%q]: no free aligned /%d left in %s after the other subnets (%s); move the pinned CIDRs, shrink subnets or enlarge the address space",
				sp.path, role, sizes[role], sp.space, describe(sp.plan)))
			continue
		}
		sp.plan[role] = p
	}
	return errs
}

func checkSize(role SubnetRole, bits int) error {
	limit := MaxPrefixLength(role)
	if bits < 8 || bits > limit {
		switch role {
		case SubnetBastion:
			return fmt.Errorf("AzureBastionSubnet must be /26 or larger (a prefix length from 8 to 26)")
		case SubnetGateway:
			return fmt.Errorf("GatewaySubnet must be /27 or larger (a prefix length from 8 to 27)")
		}
		return fmt.Errorf("a subnet must be between /8 and /%d", limit)
	}
	return nil
}

// firstFit returns the first block of the given size inside space that overlaps no
// planned subnet.
func firstFit(space netip.Prefix, bits int, plan map[SubnetRole]netip.Prefix) (netip.Prefix, bool) {
	if bits < space.Bits() {
		return netip.Prefix{}, false
	}
	a4 := space.Addr().As4()
	base := binary.BigEndian.Uint32(a4[:])
	step := uint64(1) << (32 - bits)
	end := uint64(base) + uint64(1)<<(32-space.Bits())
	for start := uint64(base); start+step <= end; start += step {
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], uint32(start))
		cand := netip.PrefixFrom(netip.AddrFrom4(b), bits)
		clash := false
		for _, p := range plan {
			if p.Overlaps(cand) {
				clash = true
				break
			}
		}
		if !clash {
			return cand, true
		}
	}
	return netip.Prefix{}, false
}

// bitsFor returns the longest prefix length whose block holds n addresses.
func bitsFor(n uint64) int {
	bits := 32
	for bits > 0 && uint64(1)<<(32-bits) < n {
		bits--
	}
	return bits
}

func describe(plan map[SubnetRole]netip.Prefix) string {
	var parts []string
	for _, role := range SubnetRoles() {
		if p, ok := plan[role]; ok {
			parts = append(parts, fmt.Sprintf("%s %s", role, p))
		}
	}
	if len(parts) == 0 {
		return "none placed"
	}
	return strings.Join(parts, ", ")
}

func rolesList() string {
	var names []string
	for _, r := range SubnetRoles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}
