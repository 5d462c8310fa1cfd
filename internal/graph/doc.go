// Package graph is a test model of the network a Pulumi program registers: virtual
// networks and their subnets, peerings, network security groups, private DNS zones
// with their records and virtual network links, private endpoints with their DNS
// zone groups, AI services accounts, API Management services and their backends and
// pools. It is built from the resources a mocked run records (internal/pulumitest)
// and answers two questions the way Azure does:
//
//   - Resolve: what a name resolves to from a virtual network that uses
//     Azure-provided DNS (168.63.129.16). Among the private DNS zones linked to the
//     network, the one with the longest matching suffix answers, and answers alone: a
//     name it does not hold is NXDOMAIN unless the link falls back to the internet
//     (resolutionPolicy NxDomainRedirect). Names no linked zone covers go to public
//     DNS, modelled from Azure's documented behaviour: an AI services account's host
//     name is a CNAME to its privatelink name once it has a private endpoint, and an
//     API Management service in Internal mode registers nothing publicly. A network
//     with custom DNS servers does not query its linked zones at all, so the model
//     refuses to resolve from it.
//   - Reach: whether TCP traffic to a port gets from a subnet to a resolved address:
//     the destination subnet's network is the source's or peered with it in both
//     directions with virtual network access allowed, the private endpoint
//     connection is approved, and the source subnet's NSG (outbound) and the
//     destination subnet's NSG (inbound; for a private endpoint only when its
//     subnet's privateEndpointNetworkPolicies enforce NSGs) allow it, rules in
//     priority order with Azure's default rules last.
//
// Sources (read 2026-12-02): "Azure Private Endpoint DNS configuration"
// (https://learn.microsoft.com/azure/private-link/private-endpoint-dns; the public
// CNAME to the privatelink name, the zone names per service), "What is an Azure
// Private DNS zone" and "Fallback to internet for Azure Private DNS zones"
// (https://learn.microsoft.com/azure/dns/private-dns-privatednszone,
// https://learn.microsoft.com/azure/dns/private-dns-fallback), "Deploy your Azure API
// Management instance to a virtual network - internal mode", section DNS
// configuration (https://learn.microsoft.com/azure/api-management/api-management-using-with-internal-vnet),
// "Network security groups", default security rules, and "Azure service tags", the
// VirtualNetwork tag covering peered networks
// (https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview,
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview).
//
// Outputs is the other half of the mock: the values Azure computes (an account's
// endpoint, a gateway's URL and private address) that the program wires into other
// resources, so that the recorded graph holds what a deployment would hold.
package graph
