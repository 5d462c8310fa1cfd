package securenetwork

import (
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Archetypes a SecureNetwork may be tagged with (the landing-zone management group
// its subscription sits in). The policy pack reads the tag.
const (
	// ArchetypeCorp is an internal network: private endpoints only, hybrid connectivity.
	ArchetypeCorp = string(conventions.Corp)
	// ArchetypeOnline is an internet-facing network; it requires DDoS protection.
	ArchetypeOnline = string(conventions.Online)
	// ArchetypeDev is an AI development network.
	ArchetypeDev = string(conventions.Dev)
	// ArchetypeSandbox is a sandbox network.
	ArchetypeSandbox = string(conventions.Sandbox)
	// ArchetypeConnectivity is a hub in the platform's connectivity subscription,
	// holding the gateways that corp workload subscriptions may not.
	ArchetypeConnectivity = string(conventions.Connectivity)
)

// behavesAs is the built-in archetype of a checked Archetype.
func (a *Args) behavesAs() string {
	if a.ArchetypeBase != "" {
		return a.ArchetypeBase
	}
	return a.Archetype
}

// Archetypes returns the built-in archetypes Args.Archetype accepts (and a
// user-named one with its ArchetypeBase).
func Archetypes() []string {
	return []string{ArchetypeCorp, ArchetypeOnline, ArchetypeDev, ArchetypeSandbox, ArchetypeConnectivity}
}

// API Management virtual network types (APIMArgs.VirtualNetworkType).
const (
	APIMInternal = "Internal"
	APIMExternal = "External"
)

// Args are the arguments of a SecureNetwork. Plain Go values decide what is built and
// are checked by Validate; pulumi Inputs carry values into resources.
type Args struct {
	// Archetype is the landing-zone archetype: "corp", "online", "dev", "sandbox" or
	// "connectivity" (the Archetype* constants). Required. It is stamped on every
	// resource as the aiready-archetype tag; "online" requires DDoS. A user-named
	// archetype (as ManagementGroupHierarchy accepts one) behaves as ArchetypeBase.
	Archetype string
	// ArchetypeBase is the built-in workload archetype a user-named Archetype
	// behaves as (corp, online, dev or sandbox). Required for a user-named
	// Archetype, empty for a built-in one.
	ArchetypeBase string
	// Production marks production resources (the aiready-environment tag). Optional;
	// default false.
	Production bool
	// Regions are the regions to build a network in, each with its own address space.
	// Required: at least one; a location may appear once; address spaces may not
	// overlap.
	Regions []RegionArgs
	// DDoS attaches an Azure DDoS Protection plan to every virtual network. Required
	// when Archetype is "online"; optional elsewhere. Default nil: no plan.
	DDoS *DDoSArgs
	// PrivateDNS configures the private DNS zones of the AI services. Optional; the
	// zero value creates every zone in Regions[0].ResourceGroupName and links it to
	// every region's network.
	PrivateDNS PrivateDNSArgs
	// Bastion configures Azure Bastion, built in every region unless Bastion.Disabled
	// or the region's DisableBastion. Optional; default on, Standard SKU.
	Bastion BastionArgs
	// Jumpbox configures the jumpbox VM, built in every region unless
	// Jumpbox.Disabled or the region's DisableJumpbox. Optional; default on, and then
	// a credential (SSHPublicKey or AdminPassword) is required.
	Jumpbox JumpboxArgs
	// APIM configures the network security rules of the API Management subnet.
	// Optional.
	APIM APIMArgs
	// Tags are added to every taggable resource. Optional. The convention tags
	// (aiready-archetype, aiready-environment, aiready-component) win over a user
	// tag of the same key.
	Tags map[string]string
	// HubProvider is the provider for resources created in a hub's scope: the hub
	// side of hub peering and the links to existing private DNS zones (often another
	// subscription). Optional; default the component's provider.
	HubProvider pulumi.ProviderResource
}

// RegionArgs describe one region's network.
type RegionArgs struct {
	// Location is the Azure region name, e.g. "eastus2". Required; must be a region of
	// the catalog and offer the services the region uses (Bastion, DDoS, gateways).
	Location string
	// ResourceGroupName is the existing resource group of the region's resources.
	// Required.
	ResourceGroupName pulumi.StringInput
	// AddressSpace is the virtual network's IPv4 range, e.g. "10.10.0.0/22". Required.
	// The default subnet plan needs a /23; it may not overlap another region's, an
	// on-premises range or the point-to-site client pool.
	AddressSpace string
	// Subnets override the plan per role (size, exact CIDR, or no reserved space).
	// Optional; default the plan of PlanSubnets.
	Subnets map[SubnetRole]SubnetOverride
	// DNSServers are custom DNS servers for the virtual network (e.g. a hub's DNS
	// resolver, so private endpoints resolve through the hub's zones). Optional;
	// default Azure-provided DNS. Each must be an IPv4 address.
	DNSServers []string
	// Hybrid chooses the connectivity to on-premises data. Optional; default none.
	Hybrid HybridArgs
	// DisableBastion builds no Bastion in this region (e.g. a hub's Bastion serves it).
	// Optional; default false.
	DisableBastion bool
	// DisableJumpbox builds no jumpbox in this region. Optional; default false.
	DisableJumpbox bool
}

// DDoSArgs choose the DDoS protection plan attached to every virtual network.
// &DDoSArgs{} creates one plan for all regions.
type DDoSArgs struct {
	// ExistingPlanID is the resource id of an existing plan (e.g. the platform's
	// shared plan: one plan covers the virtual networks of a whole tenant). Optional;
	// when set no plan is created and ResourceGroupName and Location must be empty.
	ExistingPlanID pulumi.StringInput
	// ResourceGroupName is where a created plan goes. Optional; default
	// Regions[0].ResourceGroupName.
	ResourceGroupName pulumi.StringInput
	// Location is where a created plan goes. Optional; default Regions[0].Location.
	Location string
}

// PrivateDNSArgs configure the private DNS zones of the AI services.
type PrivateDNSArgs struct {
	// ResourceGroupName is where created zones go. Optional; default
	// Regions[0].ResourceGroupName.
	ResourceGroupName pulumi.StringInput
	// ExistingZoneIDs are existing zones by service key (DNS* constants), e.g. a hub's
	// zones; those zones are not created. Optional; every key not given is created.
	ExistingZoneIDs map[string]pulumi.StringInput
	// LinkExistingZones links the existing zones to every region's network (the links
	// are created in the zones' resource groups, with HubProvider). Optional; default
	// false: in a hub-and-spoke landing zone the hub's zones are linked to the hub and
	// spokes resolve through the hub's DNS (RegionArgs.DNSServers).
	LinkExistingZones bool
}

// BastionArgs configure Azure Bastion.
type BastionArgs struct {
	// Disabled builds no Bastion in any region (e.g. a hub provides it). Optional;
	// default false.
	Disabled bool
	// ScaleUnits is the number of instances, 2 to 50. Optional; default 2.
	ScaleUnits int
	// IPConnect lets operators connect to any private IP (peered or on-premises
	// networks), not only to VMs in Azure. Optional; default false.
	IPConnect bool
}

// JumpboxArgs configure the jumpbox VM: Linux, no public IP, system-assigned managed
// identity, Microsoft Entra ID sign-in (AADSSHLoginForLinux), boot diagnostics,
// Trusted Launch.
type JumpboxArgs struct {
	// Disabled builds no jumpbox in any region. Optional; default false.
	Disabled bool
	// Size is the VM size. Optional; default "Standard_D2s_v5".
	Size string
	// AdminUsername is the local administrator. Optional; default "azureops". Lower
	// case letters, digits, '_' and '-', starting with a letter or '_', at most 32
	// characters, not a name Azure reserves (root, admin, ...).
	AdminUsername string
	// SSHPublicKey is the administrator's OpenSSH public key; password sign-in is then
	// disabled. Required when the jumpbox is built, unless AdminPassword is set;
	// mutually exclusive with AdminPassword. Recommended.
	SSHPublicKey pulumi.StringInput
	// AdminPassword is the administrator's password, a secret (e.g.
	// config.RequireSecret); the component marks it secret whatever is passed.
	// Mutually exclusive with SSHPublicKey.
	AdminPassword pulumi.StringInput
	// AdminGroupObjectIDs are Entra ID group object ids given the "Virtual Machine
	// Administrator Login" role at the VM's scope. Optional.
	AdminGroupObjectIDs []pulumi.StringInput
	// AllowedSourcePrefixes may reach the jumpbox on SSH, besides the region's own
	// Bastion subnet (e.g. a hub Bastion's subnet). Optional; required in a region
	// without its own Bastion, else nothing could reach the jumpbox. CIDRs, not /0.
	AllowedSourcePrefixes []string
	// Image is the marketplace image. Optional; default Ubuntu 22.04 LTS Gen2
	// (Canonical 0001-com-ubuntu-server-jammy 22_04-lts-gen2 latest), which
	// AADSSHLoginForLinux and Trusted Launch support.
	Image *ImageArgs
	// OSDiskType is the OS disk's storage account type. Optional; default
	// "Premium_LRS".
	OSDiskType string
}

// ImageArgs name a marketplace image.
type ImageArgs struct {
	// Publisher, Offer, SKU and Version of the image. Publisher, Offer and SKU are
	// required; Version defaults to "latest".
	Publisher, Offer, SKU, Version string
}

// APIMArgs configure the API Management subnet's rules.
type APIMArgs struct {
	// VirtualNetworkType is "Internal" (clients in the network or on-premises) or
	// "External" (clients on the internet: HTTPS from Internet is allowed). Optional;
	// default "External" for the online archetype, "Internal" otherwise.
	VirtualNetworkType string
}

// HybridMode is a region's connectivity to on-premises networks.
type HybridMode string

// Hybrid connectivity modes.
const (
	// HybridNone builds no hybrid connectivity.
	HybridNone HybridMode = "None"
	// HybridExpressRoute builds an ExpressRoute gateway and a FastPath connection to a circuit.
	HybridExpressRoute HybridMode = "ExpressRoute"
	// HybridVPN builds a route-based VPN gateway (site-to-site and/or point-to-site).
	HybridVPN HybridMode = "VPN"
	// HybridHubPeering peers the network to an existing hub network.
	HybridHubPeering HybridMode = "HubPeering"
)

// HybridArgs choose a region's hybrid connectivity. Set the field matching Mode and
// no other.
type HybridArgs struct {
	// Mode is None, ExpressRoute, VPN or HubPeering. Optional; default None ("").
	Mode HybridMode
	// ExpressRoute is required when Mode is ExpressRoute.
	ExpressRoute *ExpressRouteArgs
	// VPN is required when Mode is VPN.
	VPN *VPNArgs
	// HubPeering is required when Mode is HubPeering.
	HubPeering *HubPeeringArgs
}

// ExpressRoute gateway SKUs that support FastPath. SecureNetwork creates the
// zone-redundant ones, ErGw3AZ and ErGwScale (see skus.go).
const (
	ErGw3AZ   = "ErGw3AZ"
	ErGwScale = "ErGwScale"
	// UltraPerformance supports FastPath but is a non-AZ SKU; SecureNetwork refuses it
	// and names ErGw3AZ instead.
	UltraPerformance = "UltraPerformance"
)

// MinFastPathScaleUnits is the fewest scale units an ErGwScale gateway needs for FastPath.
const MinFastPathScaleUnits = 10

// ExpressRouteArgs connect a region to an ExpressRoute circuit with FastPath on.
type ExpressRouteArgs struct {
	// CircuitID is the resource id of the ExpressRoute circuit
	// (/subscriptions/.../resourceGroups/.../providers/Microsoft.Network/expressRouteCircuits/<name>).
	// Required.
	CircuitID pulumi.StringInput
	// AuthorizationKey redeems a circuit authorization when the circuit is in another
	// subscription. Optional; stored as a secret.
	AuthorizationKey pulumi.StringInput
	// SKU is the gateway SKU: ErGw3AZ or ErGwScale, the zone-redundant SKUs that
	// support FastPath (UltraPerformance is refused: it cannot span zones). Optional;
	// default ErGw3AZ.
	SKU string
	// MinScaleUnits and MaxScaleUnits bound an ErGwScale gateway's autoscaling.
	// Optional, only with ErGwScale; default 10 and MinScaleUnits. FastPath needs at
	// least 10; at most 40.
	MinScaleUnits, MaxScaleUnits int
	// PrivateLinkFastPath sends private endpoint traffic over FastPath too
	// (enablePrivateLinkFastPath; ExpressRoute Direct circuits). Optional; default false.
	PrivateLinkFastPath bool
}

// DefaultVPNSKU is the VPN gateway SKU used unless VPNArgs.SKU is set: zone-redundant,
// generation 2.
const DefaultVPNSKU = "VpnGw2AZ"

// VPNArgs configure a route-based VPN gateway. At least one of SiteToSite and
// PointToSite is required.
type VPNArgs struct {
	// SKU is VpnGw1AZ..VpnGw5AZ: Azure no longer creates the non-AZ VpnGw1..VpnGw5
	// (since 2025-01-01), and Basic is refused. Optional; default VpnGw2AZ.
	SKU string
	// ActiveActive runs two gateway instances, each with its own public IP.
	// Optional; default false.
	ActiveActive bool
	// SiteToSite connects an on-premises VPN device. Optional.
	SiteToSite *SiteToSiteArgs
	// PointToSite lets users connect with the Azure VPN Client and Entra ID. Optional.
	PointToSite *PointToSiteArgs
}

// SiteToSiteArgs describe the on-premises VPN device and its networks.
type SiteToSiteArgs struct {
	// DeviceIPAddress is the on-premises device's public IPv4 address. Required unless
	// DeviceFQDN; mutually exclusive with it.
	DeviceIPAddress string
	// DeviceFQDN is the on-premises device's DNS name. Mutually exclusive with
	// DeviceIPAddress.
	DeviceFQDN string
	// AddressPrefixes are the on-premises ranges reached through the tunnel. Required
	// unless BGP is set. They may not overlap a region's address space.
	AddressPrefixes []string
	// SharedKey is the IPsec pre-shared key. Required; stored as a secret.
	SharedKey pulumi.StringInput
	// BGP enables BGP with the on-premises device. Optional.
	BGP *BGPArgs
}

// BGPArgs describe the on-premises BGP speaker.
type BGPArgs struct {
	// ASN is the on-premises autonomous system number. Required; not one Azure
	// reserves (65515-65520, 8074, 8075, 12076).
	ASN int
	// PeeringAddress is the on-premises BGP peer's IPv4 address. Required.
	PeeringAddress string
}

// AzureVPNClientAudience is the application id of the Microsoft-registered Azure VPN
// Client, the default audience of point-to-site Entra ID authentication.
const AzureVPNClientAudience = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8"

// PointToSiteArgs configure point-to-site VPN with Entra ID authentication
// (OpenVPN protocol, the Azure VPN Client).
type PointToSiteArgs struct {
	// ClientAddressPool are the ranges client addresses come from. Required; may not
	// overlap a region's address space or an on-premises range.
	ClientAddressPool []string
	// TenantID is the Entra ID tenant users sign in to. Optional; default the tenant
	// of the identity running the deployment.
	TenantID pulumi.StringInput
	// Audience is the application id of the VPN client application. Optional; default
	// AzureVPNClientAudience.
	Audience string
}

// HubPeeringArgs peer a region's network to an existing hub network.
type HubPeeringArgs struct {
	// RemoteVirtualNetworkID is the hub network's resource id. Required.
	RemoteVirtualNetworkID pulumi.StringInput
	// UseRemoteGateways routes on-premises traffic through the hub's gateway. Optional;
	// default false. The hub side must allow gateway transit (CreateHubSide does).
	UseRemoteGateways bool
	// CreateHubSide also creates the hub's peering to this network (in the hub's
	// resource group, with HubProvider), with gateway transit when UseRemoteGateways.
	// Optional; default false: the platform team peers from the hub.
	CreateHubSide bool
}
