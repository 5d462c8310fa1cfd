// Package securenetwork provides SecureNetwork, the Pulumi component that builds the
// network of the AI Ready landing zone: the guide's "Establish secure connectivity
// for AI workloads" (Microsoft Cloud Adoption Framework).
//
// Per region it builds a virtual network whose subnets are planned from one address
// space (private endpoints, API Management, jumpbox, AzureBastionSubnet and
// GatewaySubnet), a network security group on every subnet that may carry one, with
// explicit rules that deny SSH and RDP from the internet and from anywhere else, and
// the rules API Management and Azure Bastion need. Across regions it attaches one
// Azure DDoS Protection plan to every virtual network (required for the online,
// internet-facing archetype), creates or reuses the private DNS zones of the AI
// services and links them to every network, and peers every region's network with
// every other's.
//
// # Reaching the other regions
//
// An API Management gateway sits in one region's network and fails over to the AI
// endpoints of the others, whose private endpoints are in their own region's
// network; the shared private DNS zones resolve every endpoint to its private
// address. So the component peers the regional networks in a full mesh, both
// directions (RegionNetwork.RegionPeeringIDs), for virtual network access only: no
// forwarded traffic and no gateway transit, which stay with the hub peering (a
// network uses the remote gateways of one peering only). Peering needs address
// spaces that do not overlap, which Validate requires. The network security groups
// need no rule for it: the default rule AllowVNetInBound admits the VirtualNetwork
// service tag, which covers peered networks' address spaces ("Network security
// groups", default security rules, and "Azure service tags", VirtualNetwork;
// https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview,
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview, read
// 2026-12-02), and no rule of the component denies HTTPS. The alternative, a
// private endpoint per account in the gateway's network, was not taken: the shared
// privatelink zones hold one record per account, so a second endpoint would need
// zones per network and would leave clients in the other regions without the
// gateway. Through a hub (a firewall routing spoke to spoke) the mesh is not needed,
// but the component cannot tell that the hub routes, so it peers regardless.
//
// Operational access is Azure Bastion (Standard SKU; its public IP is the only one the
// component creates besides those Azure requires for ExpressRoute and VPN gateways)
// and a Linux jumpbox without a public IP that signs users in with Microsoft Entra ID.
//
// Hybrid connectivity to on-premises data is chosen per region: ExpressRoute with
// FastPath, a VPN gateway (site-to-site and/or point-to-site with Entra ID
// authentication), peering to an existing hub virtual network, or none.
// RecommendConnectivity turns the guide's advice (high volume, real-time or
// steady-performance transfer: ExpressRoute; moderate or infrequent: VPN) into a
// choice.
//
// Args.Validate checks a whole configuration, with errors that name the field, the
// value and the fix, before any resource exists; New calls it first.
//
// In an Azure landing zone the corp management group denies gateways in workload
// subscriptions (ALZ Deny-HybridNetworking). Such a workload uses Hybrid.Mode
// HubPeering with UseRemoteGateways, and the gateway is built in the connectivity
// subscription, for instance by a second SecureNetwork (archetype "connectivity")
// given that subscription's provider.
package securenetwork
