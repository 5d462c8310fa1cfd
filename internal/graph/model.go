package graph

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Type tokens the model reads (any API-version module matches).
const (
	TypeVirtualNetwork  = "azure-native:network:VirtualNetwork"
	TypeSubnet          = "azure-native:network:Subnet"
	TypeNSG             = "azure-native:network:NetworkSecurityGroup"
	TypeSecurityRule    = "azure-native:network:SecurityRule"
	TypePeering         = "azure-native:network:VirtualNetworkPeering"
	TypePrivateZone     = "azure-native:network:PrivateZone"
	TypeZoneLink        = "azure-native:network:VirtualNetworkLink"
	TypeRecordSet       = "azure-native:network:PrivateRecordSet"
	TypePrivateEndpoint = "azure-native:network:PrivateEndpoint"
	TypeZoneGroup       = "azure-native:network:PrivateDnsZoneGroup"
	TypeAccount         = "azure-native:cognitiveservices:Account"
	TypeAPIMService     = "azure-native:apimanagement:ApiManagementService"
	TypeAPIMBackend     = "azure-native:apimanagement:Backend"
	TypeARMDeployment   = "azure-native:resources:Deployment"
)

// VNet is a virtual network: one of the stack's, or one a peering or link names that
// the stack does not build (External, e.g. a hub).
type VNet struct {
	ID, Name, ResourceGroup, URN string
	// Spaces are the address prefixes.
	Spaces []netip.Prefix
	// DNSServers are custom DNS servers; empty means Azure-provided DNS.
	DNSServers []string
	Subnets    []*Subnet
	// External is true for a network the stack refers to but does not build.
	External bool
}

// Subnet is a subnet of a stack network.
type Subnet struct {
	ID, Name string
	VNet     *VNet
	Prefix   netip.Prefix
	// NSGID is the network security group's id ("" for none).
	NSGID string
	// EndpointPolicies is privateEndpointNetworkPolicies ("" when unset: Disabled).
	EndpointPolicies string
}

// Peering is one direction of a virtual network peering.
type Peering struct {
	Name     string
	From     *VNet
	RemoteID string
	// Access is allowVirtualNetworkAccess (Azure's default, true, when unset).
	Access bool
}

// Zone is a private DNS zone with its links and records.
type Zone struct {
	ID, Name, ResourceGroup, URN string
	Links                        []Link
	// Records by lower-case relative name ("@" for the apex).
	Records map[string]*RecordSet
}

// Link is a virtual network link of a zone.
type Link struct {
	VNetID string
	// Fallback is resolutionPolicy NxDomainRedirect.
	Fallback bool
}

// RecordSet is the records of one name in a zone.
type RecordSet struct {
	// Source says where the records come from (a record set or a zone group).
	Source string
	CNAME  string
	A      []Target
}

// Target is an address a name resolves to: a literal IPv4 address or a private
// endpoint's network interface (whose dynamic address Azure assigns in its subnet).
type Target struct {
	IP       netip.Addr
	Endpoint *PrivateEndpoint
}

// PrivateEndpoint is a private endpoint with its subnet and the resources it reaches.
type PrivateEndpoint struct {
	ID, Name, ResourceGroup, URN string
	SubnetID                     string
	// Targets are the ids of the connected resources; Manual ones await approval.
	Targets []string
	Manual  bool
}

// Account is an AI services account.
type Account struct {
	ID, Name, URN, Kind, SubDomain string
}

// Service is an API Management service.
type Service struct {
	ID, Name, URN string
	// Mode is virtualNetworkType (None, External, Internal).
	Mode     string
	SubnetID string
}

// Backend is an API Management backend (a single backend; pools are Pools).
type Backend struct {
	URN, Service, Name, URL string
	id                      string
}

// Pool is a load-balanced pool backend, declared as a Backend of type Pool or in an
// ARM template deployed by a resources:Deployment.
type Pool struct {
	// Label names the pool in messages ("<resource name>" or "<deployment>/<backend>").
	Label, Service, Name string
	// Members are the member backends' names in the service.
	Members []string
}

// Model is the network graph of a recorded program.
type Model struct {
	VNets     []*VNet
	Peerings  []Peering
	Zones     []*Zone
	Endpoints []*PrivateEndpoint
	Accounts  []*Account
	Services  []*Service
	Backends  []*Backend
	Pools     []*Pool

	vnets    map[string]*VNet
	subnets  map[string]*Subnet
	nsgs     map[string]*nsg
	zones    map[string]*Zone
	byURN    map[string]any
	problems []string
}

// New builds the model of recorded resources. It fails when a reference the model
// follows does not resolve (a link to a zone the stack does not hold, a zone group
// of an unknown private endpoint, an address that is not an IPv4 prefix).
func New(resources []pulumitest.Resource) (*Model, error) {
	m := &Model{vnets: map[string]*VNet{}, subnets: map[string]*Subnet{}, nsgs: map[string]*nsg{},
		zones: map[string]*Zone{}, byURN: map[string]any{}}
	// Containers first, then what refers to them.
	passes := [][]struct {
		token string
		add   func(pulumitest.Resource)
	}{
		{{TypeVirtualNetwork, m.addVNet}, {TypeNSG, m.addNSG}, {TypePrivateZone, m.addZone},
			{TypeAccount, m.addAccount}, {TypeAPIMService, m.addService}, {TypePrivateEndpoint, m.addEndpoint}},
		{{TypeSubnet, m.addSubnet}, {TypeSecurityRule, m.addRule}, {TypePeering, m.addPeering},
			{TypeZoneLink, m.addLink}, {TypeRecordSet, m.addRecordSet}, {TypeZoneGroup, m.addZoneGroup},
			{TypeAPIMBackend, m.addBackend}, {TypeARMDeployment, m.addDeployment}},
	}
	for _, pass := range passes {
		for _, r := range resources {
			if !r.Custom {
				continue
			}
			for _, p := range pass {
				if pulumitest.SameType(r.Type, p.token) {
					p.add(r)
				}
			}
		}
	}
	if len(m.problems) > 0 {
		return nil, fmt.Errorf("graph: %s", strings.Join(m.problems, "; "))
	}
	return m, nil
}

func (m *Model) fail(format string, args ...any) {
	m.problems = append(m.problems, fmt.Sprintf(format, args...))
}

// VNet returns a network by id (nil when the stack neither builds nor names it).
func (m *Model) VNet(id string) *VNet { return m.vnets[key(id)] }

// Subnet returns a subnet by id (nil when unknown).
func (m *Model) Subnet(id string) *Subnet { return m.subnets[key(id)] }

// Zone returns a zone by id (nil when unknown).
func (m *Model) Zone(id string) *Zone { return m.zones[key(id)] }

// StackVNets returns the networks the stack builds.
func (m *Model) StackVNets() []*VNet {
	var out []*VNet
	for _, v := range m.VNets {
		if !v.External {
			out = append(out, v)
		}
	}
	return out
}

func (m *Model) addVNet(r pulumitest.Resource) {
	v := &VNet{ID: r.ID, Name: nameOf(r, "virtualNetworkName"), ResourceGroup: r.String("resourceGroupName"), URN: r.URN}
	for _, p := range stringList(r, "addressSpace.addressPrefixes") {
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			m.fail("%s: address space %q: %v", r.Name, p, err)
			continue
		}
		v.Spaces = append(v.Spaces, prefix)
	}
	v.DNSServers = stringList(r, "dhcpOptions.dnsServers")
	m.putVNet(v)
	for i, s := range array(r, "subnets") {
		name := str(s, "name")
		m.putSubnet(r.Name, v, name, str(s, "addressPrefix"), str(s, "networkSecurityGroup.id"), str(s, "privateEndpointNetworkPolicies"), fmt.Sprintf("subnets[%d]", i))
	}
}

func (m *Model) putVNet(v *VNet) {
	if old := m.vnets[key(v.ID)]; old != nil && old.External {
		// A network first seen as a peering's remote is the stack's after all.
		*old = *v
		return
	}
	m.VNets = append(m.VNets, v)
	m.vnets[key(v.ID)] = v
	if v.URN != "" {
		m.byURN[v.URN] = v
	}
}

func (m *Model) putSubnet(owner string, v *VNet, name, prefix, nsgID, policies, where string) {
	p, err := netip.ParsePrefix(prefix)
	if err != nil {
		m.fail("%s %s: address prefix %q: %v", owner, where, prefix, err)
		return
	}
	s := &Subnet{ID: v.ID + "/subnets/" + name, Name: name, VNet: v, Prefix: p, NSGID: nsgID, EndpointPolicies: policies}
	v.Subnets = append(v.Subnets, s)
	m.subnets[key(s.ID)] = s
}

func (m *Model) addSubnet(r pulumitest.Resource) {
	v := m.localVNet(r, "virtualNetworkName")
	if v == nil {
		m.fail("subnet %s: its virtual network %q is not in the stack", r.Name, r.String("virtualNetworkName"))
		return
	}
	m.putSubnet(r.Name, v, nameOf(r, "subnetName"), r.String("addressPrefix"), r.String("networkSecurityGroup.id"), r.String("privateEndpointNetworkPolicies"), "")
	// A standalone subnet's id is its own resource id.
	s := v.Subnets[len(v.Subnets)-1]
	delete(m.subnets, key(s.ID))
	s.ID = r.ID
	m.subnets[key(s.ID)] = s
}

// localVNet finds the stack network a child resource names by its name input: by
// property dependency, else by resource group and name.
func (m *Model) localVNet(r pulumitest.Resource, prop string) *VNet {
	for _, urn := range r.PropertyDependencies[prop] {
		if v, ok := m.byURN[urn].(*VNet); ok {
			return v
		}
	}
	name, rg := r.String(prop), r.String("resourceGroupName")
	for _, v := range m.VNets {
		if !v.External && strings.EqualFold(v.Name, name) && strings.EqualFold(v.ResourceGroup, rg) {
			return v
		}
	}
	return nil
}

func (m *Model) addPeering(r pulumitest.Resource) {
	from := m.localVNet(r, "virtualNetworkName")
	remote := r.String("remoteVirtualNetwork.id")
	if from == nil {
		// The hub side of a hub peering: a network outside the stack.
		from = m.external(fmt.Sprintf("/resourceGroups/%s/virtualNetworks/%s", r.String("resourceGroupName"), r.String("virtualNetworkName")))
	}
	access := true
	if v, ok := r.Bool("allowVirtualNetworkAccess"); ok {
		access = v
	}
	if m.vnets[key(remote)] == nil {
		m.external(remote)
	}
	m.Peerings = append(m.Peerings, Peering{Name: r.Name, From: from, RemoteID: remote, Access: access})
}

// external returns the network of an id the stack does not build, adding it once.
func (m *Model) external(id string) *VNet {
	if v := m.vnets[key(id)]; v != nil {
		return v
	}
	v := &VNet{ID: id, Name: id[strings.LastIndexByte(id, '/')+1:], External: true}
	m.VNets = append(m.VNets, v)
	m.vnets[key(id)] = v
	return v
}

func (m *Model) addZone(r pulumitest.Resource) {
	z := &Zone{ID: r.ID, Name: strings.ToLower(nameOf(r, "privateZoneName")), ResourceGroup: r.String("resourceGroupName"), URN: r.URN, Records: map[string]*RecordSet{}}
	m.Zones = append(m.Zones, z)
	m.zones[key(z.ID)] = z
	m.byURN[r.URN] = z
}

// zoneOf finds the zone a child resource (link, record set) names.
func (m *Model) zoneOf(r pulumitest.Resource) *Zone {
	for _, urn := range r.PropertyDependencies["privateZoneName"] {
		if z, ok := m.byURN[urn].(*Zone); ok {
			return z
		}
	}
	name, rg := r.String("privateZoneName"), r.String("resourceGroupName")
	for _, z := range m.Zones {
		if strings.EqualFold(z.Name, name) && strings.EqualFold(z.ResourceGroup, rg) {
			return z
		}
	}
	return nil
}

func (m *Model) addLink(r pulumitest.Resource) {
	z := m.zoneOf(r)
	if z == nil {
		m.fail("virtual network link %s: zone %q in %q is not in the stack", r.Name, r.String("privateZoneName"), r.String("resourceGroupName"))
		return
	}
	id := r.String("virtualNetwork.id")
	if m.vnets[key(id)] == nil {
		m.external(id)
	}
	for _, other := range m.Zones {
		for _, l := range other.Links {
			if other != z && other.Name == z.Name && key(l.VNetID) == key(id) {
				m.fail("virtual network link %s: %s is already linked to another zone named %s; Azure refuses a second", r.Name, id, z.Name)
			}
		}
	}
	z.Links = append(z.Links, Link{VNetID: id, Fallback: strings.EqualFold(r.String("resolutionPolicy"), "NxDomainRedirect")})
}

func (m *Model) addRecordSet(r pulumitest.Resource) {
	z := m.zoneOf(r)
	if z == nil {
		m.fail("record set %s: zone %q in %q is not in the stack", r.Name, r.String("privateZoneName"), r.String("resourceGroupName"))
		return
	}
	rs := z.record(nameOf(r, "relativeRecordSetName"), "record set "+r.Name)
	switch strings.ToUpper(r.String("recordType")) {
	case "A":
		for i, a := range array(r, "aRecords") {
			ip, err := netip.ParseAddr(str(a, "ipv4Address"))
			if err != nil {
				m.fail("record set %s aRecords[%d]: %v", r.Name, i, err)
				continue
			}
			rs.A = append(rs.A, Target{IP: ip})
		}
	case "CNAME":
		rs.CNAME = strings.ToLower(strings.TrimSuffix(r.String("cnameRecord.cname"), "."))
	}
}

// record returns the record set of a relative name, creating it.
func (z *Zone) record(relative, source string) *RecordSet {
	k := strings.ToLower(relative)
	if k == "" {
		k = "@"
	}
	rs := z.Records[k]
	if rs == nil {
		rs = &RecordSet{Source: source}
		z.Records[k] = rs
	}
	return rs
}

func (m *Model) addEndpoint(r pulumitest.Resource) {
	pe := &PrivateEndpoint{ID: r.ID, Name: nameOf(r, "privateEndpointName"), ResourceGroup: r.String("resourceGroupName"), URN: r.URN, SubnetID: r.String("subnet.id")}
	for _, c := range array(r, "privateLinkServiceConnections") {
		pe.Targets = append(pe.Targets, str(c, "privateLinkServiceId"))
	}
	for _, c := range array(r, "manualPrivateLinkServiceConnections") {
		pe.Targets = append(pe.Targets, str(c, "privateLinkServiceId"))
		pe.Manual = true
	}
	m.Endpoints = append(m.Endpoints, pe)
	m.byURN[r.URN] = pe
}

func (m *Model) addAccount(r pulumitest.Resource) {
	a := &Account{ID: r.ID, Name: nameOf(r, "accountName"), URN: r.URN, Kind: r.String("kind"), SubDomain: strings.ToLower(r.String("properties.customSubDomainName"))}
	m.Accounts = append(m.Accounts, a)
	m.byURN[r.URN] = a
}

func (m *Model) addService(r pulumitest.Resource) {
	s := &Service{ID: r.ID, Name: strings.ToLower(nameOf(r, "serviceName")), URN: r.URN,
		Mode: r.String("virtualNetworkType"), SubnetID: r.String("virtualNetworkConfiguration.subnetResourceId")}
	if s.Mode == "" {
		s.Mode = "None"
	}
	m.Services = append(m.Services, s)
}

// nameOf is a resource's Azure name: its name input, else the logical name (the
// mocks do not auto-name).
func nameOf(r pulumitest.Resource, prop string) string {
	if s := r.String(prop); s != "" {
		return s
	}
	return r.Name
}

func key(id string) string { return strings.ToLower(strings.TrimSuffix(id, "/")) }

func array(r pulumitest.Resource, path string) []resource.PropertyValue {
	v, ok := r.Input(path)
	if !ok {
		return nil
	}
	v = unwrap(v)
	if !v.IsArray() {
		return nil
	}
	return v.ArrayValue()
}

func stringList(r pulumitest.Resource, path string) []string {
	var out []string
	for _, v := range array(r, path) {
		if v = unwrap(v); v.IsString() {
			out = append(out, v.StringValue())
		}
	}
	return out
}

// str reads a string at a path below a property value ("" when absent).
func str(v resource.PropertyValue, path string) string {
	got, ok := pulumitest.Lookup(v, path)
	if got = unwrap(got); !ok || !got.IsString() {
		return ""
	}
	return got.StringValue()
}

func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput():
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}
