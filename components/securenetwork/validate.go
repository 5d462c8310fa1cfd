package securenetwork

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ErrInvalidArgs is wrapped by every error of Args.Validate.
var ErrInvalidArgs = errors.New("invalid SecureNetwork arguments")

// Resource types of ids the component accepts.
const (
	expressRouteCircuitType = "Microsoft.Network/expressRouteCircuits"
	virtualNetworkType      = "Microsoft.Network/virtualNetworks"
	ddosPlanType            = "Microsoft.Network/ddosProtectionPlans"
	privateZoneType         = "Microsoft.Network/privateDnsZones"
)

// Defaults.
const (
	defaultBastionScaleUnits = 2
	defaultJumpboxSize       = "Standard_D2s_v5"
	defaultAdminUsername     = "azureops"
	defaultOSDiskType        = "Premium_LRS"
)

func defaultImage() ImageArgs {
	return ImageArgs{Publisher: "Canonical", Offer: "0001-com-ubuntu-server-jammy", SKU: "22_04-lts-gen2", Version: "latest"}
}

// resolved is a validated Args with its defaults applied; Args itself is not changed.
type resolved struct {
	apimExternal bool
	regions      []resolvedRegion
	bastionUnits int
	jumpbox      JumpboxArgs
	image        ImageArgs
}

// resolvedRegion is one validated region.
type resolvedRegion struct {
	RegionArgs
	// index is the region's position in Args.Regions, for error messages.
	index   int
	space   netip.Prefix
	subnets map[SubnetRole]netip.Prefix
	bastion bool
	jumpbox bool
	mode    HybridMode
	// sku is the gateway SKU (ExpressRoute or VPN).
	sku string
	// minUnits and maxUnits bound an ErGwScale gateway.
	minUnits, maxUnits int
	// generation is the VPN gateway generation.
	generation string
	// jumpboxSources may reach the jumpbox on SSH.
	jumpboxSources []string
}

// builds reports whether the region builds a subnet role.
func (r resolvedRegion) builds(role SubnetRole) bool {
	switch role {
	case SubnetPrivateEndpoints, SubnetAPIM:
		return true
	case SubnetJumpbox:
		return r.jumpbox
	case SubnetBastion:
		return r.bastion
	case SubnetGateway:
		return r.mode == HybridExpressRoute || r.mode == HybridVPN
	}
	return false
}

// Validate checks the arguments without creating anything, collecting every problem:
// each names the field, the value and what is allowed. New calls it first; a stack
// may call it to check its whole configuration before any resource exists.
func (a *Args) Validate() error {
	_, err := a.resolve()
	return err
}

func (a *Args) resolve() (*resolved, error) {
	if a == nil {
		return nil, fmt.Errorf("%s: %w: args are required (got nil *Args)", pkg, ErrInvalidArgs)
	}
	v := &validator{}
	r := &resolved{}

	// Archetype.
	if a.Archetype == "" {
		v.add("Archetype: required; use one of %s", strings.Join(Archetypes(), ", "))
	} else if _, err := conventions.Resolve("Archetype", "ArchetypeBase", a.Archetype, a.ArchetypeBase, conventions.Connectivity); err != nil {
		v.add("%s", err)
	}

	// APIM.
	switch a.APIM.VirtualNetworkType {
	case "":
		r.apimExternal = a.behavesAs() == ArchetypeOnline
	case APIMExternal:
		r.apimExternal = true
	case APIMInternal:
	default:
		v.add("APIM.VirtualNetworkType: %q is not allowed; use %q or %q", a.APIM.VirtualNetworkType, APIMInternal, APIMExternal)
	}

	// Bastion.
	r.bastionUnits = a.Bastion.ScaleUnits
	if r.bastionUnits == 0 {
		r.bastionUnits = defaultBastionScaleUnits
	}
	if r.bastionUnits < 2 || r.bastionUnits > 50 {
		v.add("Bastion.ScaleUnits: %d is out of range; a Standard Bastion has 2 to 50 scale units", a.Bastion.ScaleUnits)
	}

	// Regions.
	if len(a.Regions) == 0 {
		v.add("Regions: at least one region is required")
	}
	cat := catalog.Default()
	seen := map[string]int{}
	for i, in := range a.Regions {
		r.regions = append(r.regions, v.region(cat, a, i, in, seen))
	}
	v.crossRegion(r.regions, a.Regions)

	// DDoS.
	v.ddos(cat, a)

	// Private DNS.
	for key, id := range a.PrivateDNS.ExistingZoneIDs {
		field := fmt.Sprintf("PrivateDNS.ExistingZoneIDs[%q]", key)
		zone, ok := dnsZones[key]
		if !ok {
			v.add("%s: unknown service key; use one of %s", field, strings.Join(PrivateDNSZoneKeys(), ", "))
			continue
		}
		if id == nil {
			v.add("%s: nil id; remove the key to create the zone", field)
			continue
		}
		if s, ok := concrete(id); ok {
			rid, err := parseResourceID(field, s, privateZoneType)
			if err != nil {
				v.errs = append(v.errs, err)
			} else if !strings.EqualFold(rid.Name, zone) {
				v.add("%s: %q is the zone %q, not %q", field, s, rid.Name, zone)
			}
		}
	}

	// Jumpbox.
	r.jumpbox, r.image = v.jumpbox(a, r.regions)

	if len(v.errs) > 0 {
		return nil, fmt.Errorf("%s: %w:\n%w", pkg, ErrInvalidArgs, errors.Join(v.errs...))
	}
	return r, nil
}

type validator struct{ errs []error }

func (v *validator) add(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *validator) region(cat *catalog.Catalog, a *Args, i int, in RegionArgs, seen map[string]int) resolvedRegion {
	p := fmt.Sprintf("Regions[%d].", i)
	out := resolvedRegion{RegionArgs: in, index: i}
	out.bastion = !a.Bastion.Disabled && !in.DisableBastion
	out.jumpbox = !a.Jumpbox.Disabled && !in.DisableJumpbox
	out.mode = in.Hybrid.Mode
	if out.mode == "" {
		out.mode = HybridNone
	}

	locationOK := v.location(cat, p, i, in.Location, seen)
	if in.ResourceGroupName == nil {
		v.add("%sResourceGroupName: required; the existing resource group of the region's network", p)
	}
	for j, s := range in.DNSServers {
		if addr, err := netip.ParseAddr(s); err != nil || !addr.Is4() {
			v.add("%sDNSServers[%d]: %q is not an IPv4 address", p, j, s)
		}
	}
	if locationOK {
		v.regionServices(cat, p, a, out)
	}

	// Address space and plan.
	space, errs := parseSpace(p+"AddressSpace", in.AddressSpace)
	v.errs = append(v.errs, errs...)
	if len(errs) == 0 {
		out.space = space
		plan, errs := planSubnets(p, space, in.Subnets)
		v.errs = append(v.errs, errs...)
		out.subnets = plan
	}

	v.hybrid(p, &out)

	for _, role := range SubnetRoles() {
		if in.Subnets[role].Omit && out.builds(role) {
			v.add("%sSubnets[%q].Omit: the region builds this subnet (%s); keep its space or turn the feature off", p, role, whyBuilt(role))
		}
	}
	if out.jumpbox {
		v.jumpboxSources(p, a, &out)
	}
	return out
}

// location checks a region's Location, recording it in seen (location to index);
// it reports whether the location is a known region not seen before.
func (v *validator) location(cat *catalog.Catalog, p string, i int, location string, seen map[string]int) bool {
	if location == "" {
		v.add("%sLocation: required; use an Azure region name such as \"eastus2\"", p)
		return false
	}
	if _, err := cat.Region(location); err != nil {
		v.add("%sLocation: %v", p, err)
		return false
	}
	if j, dup := seen[location]; dup {
		v.add("%sLocation: %q is already Regions[%d]; each region may appear once (one network per region)", p, location, j)
		return false
	}
	seen[location] = i
	return true
}

// regionServices checks that the region offers the services it builds.
func (v *validator) regionServices(cat *catalog.Catalog, p string, a *Args, out resolvedRegion) {
	need := func(service, why string) {
		if err := cat.RequireService(out.Location, service); err != nil {
			v.add("%sLocation: %v (needed for %s)", p, err, why)
		}
	}
	if out.bastion {
		need(catalog.ServiceBastion, "Azure Bastion; set DisableBastion to build none here")
	}
	if a.DDoS != nil {
		need(catalog.ServiceDDoS, "DDoS protection")
	}
	switch out.mode {
	case HybridExpressRoute:
		need(catalog.ServiceExpressRoute, "Hybrid.Mode ExpressRoute")
	case HybridVPN:
		need(catalog.ServiceVPNGateway, "Hybrid.Mode VPN")
	}
}

// jumpboxSources resolves who may reach the region's jumpbox: the region's Bastion
// subnet and Jumpbox.AllowedSourcePrefixes; with neither the jumpbox is unreachable.
func (v *validator) jumpboxSources(p string, a *Args, out *resolvedRegion) {
	if out.bastion {
		if b, ok := out.subnets[SubnetBastion]; ok {
			out.jumpboxSources = append(out.jumpboxSources, b.String())
		}
	}
	out.jumpboxSources = append(out.jumpboxSources, a.Jumpbox.AllowedSourcePrefixes...)
	if !out.bastion && len(a.Jumpbox.AllowedSourcePrefixes) == 0 {
		field := p + "DisableBastion"
		if a.Bastion.Disabled {
			field = "Bastion.Disabled"
		}
		v.add("%s: the jumpbox of %s would be unreachable (no Bastion there and Jumpbox.AllowedSourcePrefixes is empty); set Jumpbox.AllowedSourcePrefixes to the hub Bastion's subnet, or set %sDisableJumpbox", field, p[:len(p)-1], p)
	}
}

func whyBuilt(role SubnetRole) string {
	switch role {
	case SubnetJumpbox:
		return "the jumpbox is on"
	case SubnetBastion:
		return "Bastion is on"
	case SubnetGateway:
		return "Hybrid.Mode needs a gateway"
	}
	return "always built"
}

func (v *validator) hybrid(p string, out *resolvedRegion) {
	h := out.Hybrid
	p += "Hybrid."
	switch out.mode {
	case HybridNone, HybridExpressRoute, HybridVPN, HybridHubPeering:
	default:
		v.add("%sMode: %q is not a mode; use %s, %s, %s or %s", p, h.Mode, HybridNone, HybridExpressRoute, HybridVPN, HybridHubPeering)
		return
	}
	if h.ExpressRoute != nil && out.mode != HybridExpressRoute {
		v.add("%sExpressRoute: set only when Mode is %s (Mode is %s)", p, HybridExpressRoute, out.mode)
	}
	if h.VPN != nil && out.mode != HybridVPN {
		v.add("%sVPN: set only when Mode is %s (Mode is %s)", p, HybridVPN, out.mode)
	}
	if h.HubPeering != nil && out.mode != HybridHubPeering {
		v.add("%sHubPeering: set only when Mode is %s (Mode is %s)", p, HybridHubPeering, out.mode)
	}

	switch out.mode {
	case HybridExpressRoute:
		v.expressRoute(p, out)
	case HybridVPN:
		v.vpn(p, out)
	case HybridHubPeering:
		v.hubPeering(p, h.HubPeering)
	}
}

// expressRoute checks Hybrid.ExpressRoute (p ends in "Hybrid.") and resolves the
// gateway SKU and scale units.
func (v *validator) expressRoute(p string, out *resolvedRegion) {
	er := out.Hybrid.ExpressRoute
	if er == nil || er.CircuitID == nil {
		v.add("%sExpressRoute.CircuitID: required for ExpressRoute: the resource id of the circuit to connect (/subscriptions/<id>/resourceGroups/<group>/providers/%s/<name>)", p, expressRouteCircuitType)
		if er == nil {
			return
		}
	} else if s, ok := concrete(er.CircuitID); ok {
		if _, err := parseResourceID(p+"ExpressRoute.CircuitID", s, expressRouteCircuitType); err != nil {
			v.errs = append(v.errs, err)
		}
	}
	out.sku = er.SKU
	if out.sku == "" {
		out.sku = ErGw3AZ
	}
	v.expressRouteSKU(p, er.SKU, out.sku)
	v.expressRouteScaleUnits(p, er, out)
}

// expressRouteSKU checks the ExpressRoute gateway SKU (given as set and after the
// default): only the zone-redundant SKUs with FastPath are allowed.
func (v *validator) expressRouteSKU(p, given, sku string) {
	switch sku {
	case ErGw3AZ, ErGwScale:
	case UltraPerformance:
		v.add("%sExpressRoute.SKU: %q is a non-AZ SKU that cannot span availability zones, which Microsoft migrates to %s; use %s (FastPath too, zone-redundant) or %s", p, given, azEquivalents[given], ErGw3AZ, ErGwScale)
	case "Standard", "HighPerformance", "ErGw1AZ", "ErGw2AZ":
		v.add("%sExpressRoute.SKU: %q does not support FastPath; use %s or %s (with at least %d scale units)", p, given, ErGw3AZ, ErGwScale, MinFastPathScaleUnits)
	default:
		v.add("%sExpressRoute.SKU: %q is not an ExpressRoute gateway SKU; use %s or %s (the zone-redundant SKUs with FastPath)", p, given, ErGw3AZ, ErGwScale)
	}
}

// expressRouteScaleUnits resolves and checks an ErGwScale gateway's scale units,
// which no other SKU takes.
func (v *validator) expressRouteScaleUnits(p string, er *ExpressRouteArgs, out *resolvedRegion) {
	if out.sku != ErGwScale {
		if er.MinScaleUnits != 0 || er.MaxScaleUnits != 0 {
			v.add("%sExpressRoute.MinScaleUnits/MaxScaleUnits: only for the %s SKU (SKU is %s)", p, ErGwScale, out.sku)
		}
		return
	}
	out.minUnits, out.maxUnits = er.MinScaleUnits, er.MaxScaleUnits
	if out.minUnits == 0 {
		out.minUnits = MinFastPathScaleUnits
	}
	if out.maxUnits == 0 {
		out.maxUnits = out.minUnits
	}
	if out.minUnits < MinFastPathScaleUnits {
		v.add("%sExpressRoute.MinScaleUnits: %d is too few for FastPath; an ErGwScale gateway needs at least %d", p, er.MinScaleUnits, MinFastPathScaleUnits)
	}
	if out.maxUnits < out.minUnits || out.maxUnits > 40 {
		v.add("%sExpressRoute.MaxScaleUnits: %d must be from MinScaleUnits (%d) to 40", p, out.maxUnits, out.minUnits)
	}
}

// vpn checks Hybrid.VPN (p ends in "Hybrid.") and resolves the gateway SKU and
// generation.
func (v *validator) vpn(p string, out *resolvedRegion) {
	vpn := out.Hybrid.VPN
	if vpn == nil {
		v.add("%sVPN: required when Mode is %s; set SiteToSite and/or PointToSite", p, HybridVPN)
		return
	}
	out.sku = vpn.SKU
	if out.sku == "" {
		out.sku = DefaultVPNSKU
	}
	out.generation = vpnSKUGenerations[out.sku]
	if out.generation == "" {
		v.vpnSKU(p, vpn.SKU, out.sku)
	}
	if vpn.SiteToSite == nil && vpn.PointToSite == nil {
		v.add("%sVPN: set SiteToSite (an on-premises VPN device) and/or PointToSite (users with the Azure VPN Client); a gateway with neither connects nothing", p)
	}
	if s2s := vpn.SiteToSite; s2s != nil {
		v.siteToSite(p+"VPN.SiteToSite.", s2s)
	}
	if p2s := vpn.PointToSite; p2s != nil {
		v.pointToSite(p+"VPN.PointToSite.", p2s)
	}
}

// vpnSKU reports why a VPN gateway SKU (given as set and after the default) that
// has no generation is refused.
func (v *validator) vpnSKU(p, given, sku string) {
	switch {
	case sku == "Basic":
		v.add("%sVPN.SKU: \"Basic\" is not allowed (no zone redundancy, no Entra ID point-to-site, no BGP; Azure Policy e345b6c3 audits it); use %s or another VpnGw<n>AZ SKU", p, DefaultVPNSKU)
	case azEquivalents[sku] != "" && vpnLegacyEquivalents[sku] == "":
		v.add("%sVPN.SKU: %q is a non-AZ SKU Azure no longer creates (since 2025-01-01: NonAzSkusNotAllowedForVPNGateway); use %s, its zone-redundant equivalent", p, given, azEquivalents[sku])
	case vpnLegacyEquivalents[sku] != "":
		v.add("%sVPN.SKU: %q is a legacy SKU Azure no longer creates; use %s", p, given, vpnLegacyEquivalents[sku])
	default:
		v.add("%sVPN.SKU: %q is not a VPN gateway SKU; use VpnGw1AZ to VpnGw5AZ (default %s)", p, given, DefaultVPNSKU)
	}
}

// siteToSite checks a site-to-site connection; q ends in "VPN.SiteToSite.".
func (v *validator) siteToSite(q string, s2s *SiteToSiteArgs) {
	if s2s.SharedKey == nil {
		v.add("%sSharedKey: required for site-to-site VPN: the IPsec pre-shared key, as a secret (e.g. config.RequireSecret)", q)
	}
	switch {
	case s2s.DeviceIPAddress == "" && s2s.DeviceFQDN == "":
		v.add("%sDeviceIPAddress: required (or DeviceFQDN): the on-premises VPN device's public address", q)
	case s2s.DeviceIPAddress != "" && s2s.DeviceFQDN != "":
		v.add("%sDeviceIPAddress: mutually exclusive with DeviceFQDN; set one", q)
	case s2s.DeviceIPAddress != "":
		if addr, err := netip.ParseAddr(s2s.DeviceIPAddress); err != nil || !addr.Is4() {
			v.add("%sDeviceIPAddress: %q is not an IPv4 address", q, s2s.DeviceIPAddress)
		}
	}
	if len(s2s.AddressPrefixes) == 0 && s2s.BGP == nil {
		v.add("%sAddressPrefixes: required unless BGP is set: the on-premises ranges to reach", q)
	}
	for j, c := range s2s.AddressPrefixes {
		if _, err := parseCIDR(c); err != nil {
			v.add("%sAddressPrefixes[%d]: %v", q, j, err)
		}
	}
	if bgp := s2s.BGP; bgp != nil {
		if reservedASN(bgp.ASN) {
			v.add("%sBGP.ASN: %d is not allowed; use a valid ASN that Azure does not reserve (65515-65520, 8074, 8075, 12076)", q, bgp.ASN)
		}
		if addr, err := netip.ParseAddr(bgp.PeeringAddress); err != nil || !addr.Is4() {
			v.add("%sBGP.PeeringAddress: %q is not an IPv4 address", q, bgp.PeeringAddress)
		}
	}
}

// reservedASN reports whether a BGP ASN is invalid or one Azure reserves.
func reservedASN(asn int) bool {
	return asn < 1 || asn > 4294967295 || slices.Contains([]int{8074, 8075, 12076}, asn) || (asn >= 65515 && asn <= 65520)
}

// pointToSite checks a point-to-site configuration; q ends in "VPN.PointToSite.".
func (v *validator) pointToSite(q string, p2s *PointToSiteArgs) {
	if len(p2s.ClientAddressPool) == 0 {
		v.add("%sClientAddressPool: required: the ranges VPN clients get addresses from, e.g. \"172.16.200.0/24\"", q)
	}
	for j, c := range p2s.ClientAddressPool {
		if _, err := parseCIDR(c); err != nil {
			v.add("%sClientAddressPool[%d]: %v", q, j, err)
		}
	}
	if p2s.TenantID != nil {
		if s, ok := concrete(p2s.TenantID); ok && !guid.MatchString(s) {
			v.add("%sTenantID: %q is not a tenant id (a GUID)", q, s)
		}
	}
	if p2s.Audience != "" && !guid.MatchString(p2s.Audience) {
		v.add("%sAudience: %q is not an application id (a GUID); default %s", q, p2s.Audience, AzureVPNClientAudience)
	}
}

// hubPeering checks Hybrid.HubPeering (p ends in "Hybrid.").
func (v *validator) hubPeering(p string, hp *HubPeeringArgs) {
	if hp == nil || hp.RemoteVirtualNetworkID == nil {
		v.add("%sHubPeering.RemoteVirtualNetworkID: required for hub peering: the hub network's resource id (/subscriptions/<id>/resourceGroups/<group>/providers/%s/<name>)", p, virtualNetworkType)
	} else if s, ok := concrete(hp.RemoteVirtualNetworkID); ok {
		if _, err := parseResourceID(p+"HubPeering.RemoteVirtualNetworkID", s, virtualNetworkType); err != nil {
			v.errs = append(v.errs, err)
		}
	}
}

// crossRegion checks that the regions' address spaces, the point-to-site client
// pools and the on-premises ranges do not overlap. On-premises ranges may overlap
// one another: several regions usually reach the same on-premises networks.
func (v *validator) crossRegion(regions []resolvedRegion, in []RegionArgs) {
	type named struct {
		field  string
		prefix netip.Prefix
		onPrem bool
	}
	var ranges []named
	for i, r := range regions {
		if r.space.IsValid() {
			ranges = append(ranges, named{fmt.Sprintf("Regions[%d].AddressSpace", i), r.space, false})
		}
		if vpn := in[i].Hybrid.VPN; vpn != nil && r.mode == HybridVPN {
			if s2s := vpn.SiteToSite; s2s != nil {
				for j, c := range s2s.AddressPrefixes {
					if p, err := parseCIDR(c); err == nil {
						ranges = append(ranges, named{fmt.Sprintf("Regions[%d].Hybrid.VPN.SiteToSite.AddressPrefixes[%d]", i, j), p, true})
					}
				}
			}
			if p2s := vpn.PointToSite; p2s != nil {
				for j, c := range p2s.ClientAddressPool {
					if p, err := parseCIDR(c); err == nil {
						ranges = append(ranges, named{fmt.Sprintf("Regions[%d].Hybrid.VPN.PointToSite.ClientAddressPool[%d]", i, j), p, false})
					}
				}
			}
		}
	}
	for i, a := range ranges {
		for _, b := range ranges[i+1:] {
			if a.prefix.Overlaps(b.prefix) && !(a.onPrem && b.onPrem) {
				v.add("%s: %s overlaps %s %s; give each network its own range", b.field, b.prefix, a.field, a.prefix)
			}
		}
	}
}

func (v *validator) ddos(cat *catalog.Catalog, a *Args) {
	d := a.DDoS
	if d == nil {
		if a.behavesAs() == ArchetypeOnline {
			v.add("DDoS: required for the online archetype: internet-facing AI workloads need Azure DDoS Protection on every virtual network; set DDoS to &securenetwork.DDoSArgs{} to create a plan, or give DDoSArgs.ExistingPlanID")
		}
		return
	}
	if d.ExistingPlanID != nil {
		if d.ResourceGroupName != nil || d.Location != "" {
			v.add("DDoS.ExistingPlanID: mutually exclusive with DDoS.ResourceGroupName and DDoS.Location, which place a plan to create")
		}
		if s, ok := concrete(d.ExistingPlanID); ok {
			if _, err := parseResourceID("DDoS.ExistingPlanID", s, ddosPlanType); err != nil {
				v.errs = append(v.errs, err)
			}
		}
	}
	if d.Location != "" {
		if _, err := cat.Region(d.Location); err != nil {
			v.add("DDoS.Location: %v", err)
		} else if err := cat.RequireService(d.Location, catalog.ServiceDDoS); err != nil {
			v.add("DDoS.Location: %v", err)
		}
	}
}

// Azure's reserved Linux administrator names.
var reservedUsernames = []string{
	"1", "123", "a", "actuser", "adm", "admin", "admin1", "admin2", "administrator", "aspnet", "backup", "console",
	"david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0", "sys", "test", "test1",
	"test2", "test3", "user", "user1", "user2", "user3", "user4", "user5",
}

var (
	usernameRE = regexp.MustCompile(`^[a-z_][a-z0-9_-]{0,31}$`)
	guid       = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

func (v *validator) jumpbox(a *Args, regions []resolvedRegion) (JumpboxArgs, ImageArgs) {
	j := a.Jumpbox
	if j.Size == "" {
		j.Size = defaultJumpboxSize
	}
	if j.AdminUsername == "" {
		j.AdminUsername = defaultAdminUsername
	}
	if j.OSDiskType == "" {
		j.OSDiskType = defaultOSDiskType
	}
	img := defaultImage()
	if j.Image != nil {
		img = *j.Image
		if img.Version == "" {
			img.Version = "latest"
		}
		if img.Publisher == "" || img.Offer == "" || img.SKU == "" {
			v.add("Jumpbox.Image: Publisher, Offer and SKU are required (got %q, %q, %q)", img.Publisher, img.Offer, img.SKU)
		}
	}
	built := false
	for _, r := range regions {
		built = built || r.jumpbox
	}
	if !built {
		return j, img
	}
	v.jumpboxCredential(j)
	if !usernameRE.MatchString(j.AdminUsername) || slices.Contains(reservedUsernames, j.AdminUsername) {
		v.add("Jumpbox.AdminUsername: %q is not allowed; use lower-case letters, digits, '_' or '-' (at most 32, starting with a letter or '_'), not a reserved name such as root or admin", j.AdminUsername)
	}
	v.jumpboxAccess(j)
	return j, img
}

// jumpboxCredential checks that the jumpbox has exactly one credential, and that an
// SSH key is one Azure accepts.
func (v *validator) jumpboxCredential(j JumpboxArgs) {
	switch {
	case j.SSHPublicKey == nil && j.AdminPassword == nil:
		v.add("Jumpbox.SSHPublicKey: a credential is required for the jumpbox: an OpenSSH public key (recommended; password sign-in is then disabled) or Jumpbox.AdminPassword as a secret; or set Jumpbox.Disabled")
	case j.SSHPublicKey != nil && j.AdminPassword != nil:
		v.add("Jumpbox.SSHPublicKey: mutually exclusive with Jumpbox.AdminPassword; set one")
	case j.SSHPublicKey != nil:
		if s, ok := concrete(j.SSHPublicKey); ok && !strings.HasPrefix(s, "ssh-rsa ") && !strings.HasPrefix(s, "ssh-ed25519 ") {
			v.add("Jumpbox.SSHPublicKey: not an OpenSSH public key Azure accepts; give the one-line \"ssh-rsa ...\" or \"ssh-ed25519 ...\" key")
		}
	}
}

// jumpboxAccess checks the jumpbox's administrator groups and SSH source ranges.
func (v *validator) jumpboxAccess(j JumpboxArgs) {
	for i, id := range j.AdminGroupObjectIDs {
		if id == nil {
			v.add("Jumpbox.AdminGroupObjectIDs[%d]: nil", i)
		} else if s, ok := concrete(id); ok && !guid.MatchString(s) {
			v.add("Jumpbox.AdminGroupObjectIDs[%d]: %q is not an Entra ID object id (a GUID)", i, s)
		}
	}
	for i, c := range j.AllowedSourcePrefixes {
		p, err := parseCIDR(c)
		switch {
		case err != nil:
			v.add("Jumpbox.AllowedSourcePrefixes[%d]: %v", i, err)
		case p.Bits() == 0:
			v.add("Jumpbox.AllowedSourcePrefixes[%d]: %q opens SSH to everything; give the Bastion subnet's range", i, c)
		}
	}
}

// concrete returns the value of an input known before deployment (a pulumi.String).
func concrete(in pulumi.StringInput) (string, bool) {
	s, ok := in.(pulumi.String)
	return string(s), ok
}

// resourceID is a parsed Azure resource id.
type resourceID struct {
	Subscription, ResourceGroup, Name string
}

// parseResourceID parses /subscriptions/<s>/resourceGroups/<g>/providers/<ns>/<type>/<name>.
func parseResourceID(field, id, typ string) (resourceID, error) {
	parts := strings.Split(id, "/")
	t := strings.Split(typ, "/")
	if len(parts) != 9 || parts[0] != "" || !strings.EqualFold(parts[1], "subscriptions") ||
		!strings.EqualFold(parts[3], "resourceGroups") || !strings.EqualFold(parts[5], "providers") ||
		!strings.EqualFold(parts[6], t[0]) || !strings.EqualFold(parts[7], t[1]) ||
		parts[2] == "" || parts[4] == "" || parts[8] == "" {
		return resourceID{}, fmt.Errorf("%s: %q is not a %s resource id; use /subscriptions/<id>/resourceGroups/<group>/providers/%s/<name>", field, id, t[1], typ)
	}
	return resourceID{Subscription: parts[2], ResourceGroup: parts[4], Name: parts[8]}, nil
}
