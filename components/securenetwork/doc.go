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
// services and links them to every network.
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
