package aiendpoint

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// gatewayRecordTTL is the TTL of the gateway's record, in seconds.
const gatewayRecordTTL = 3600

// linkKeyRE is the rule of a GatewayPrivateDNS.VirtualNetworkIDs key, which names
// the link resource.
var linkKeyRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// GatewayPrivateDNS configures the private DNS zone of an Internal gateway.
//
// In Internal mode API Management registers none of its host names in DNS ("Deploy
// your Azure API Management instance to a virtual network - internal mode", DNS
// configuration: https://learn.microsoft.com/azure/api-management/api-management-using-with-internal-vnet,
// read 2026-12-02), so the gateway URL resolves nowhere until a zone does. The
// component creates the private zone "<ServiceName>.azure-api.net" with an A record
// at its apex for the gateway's private address, and links it to the networks whose
// clients call the gateway. A zone of the service's own name, rather than
// "azure-api.net": a linked zone answers alone for every name under it, so an
// "azure-api.net" zone would turn every other API Management host name (other
// services', partners') into NXDOMAIN from those networks. The gateway's other host
// names get no record: the developer portal and the legacy portal are disabled, and
// the direct management API and Git endpoints were retired on 15 March 2025 (API
// Management breaking changes,
// https://learn.microsoft.com/azure/api-management/breaking-changes/overview).
// External mode needs no zone: Azure registers the host name publicly.
type GatewayPrivateDNS struct {
	// VirtualNetworkIDs are the networks to link the zone to, keyed by a short name
	// used in resource names (1-40 lower-case letters, digits and hyphens, e.g. the
	// region or "hub"). Link every network whose clients, or whose DNS resolver,
	// look the gateway up: a network with custom DNS servers resolves through those
	// servers, so link the network of the resolver they forward to. Optional;
	// default the network of SubnetID. Internal mode only.
	VirtualNetworkIDs map[string]pulumi.StringInput
	// ResourceGroupName is the zone's resource group. Optional; default
	// ResourceGroupName. Internal mode only.
	ResourceGroupName pulumi.StringInput
}

// ZoneName is the private DNS zone of a gateway's service: "<service>.azure-api.net".
func (GatewayPrivateDNS) ZoneName(service string) string {
	return strings.ToLower(service) + ".azure-api.net"
}

// checkPrivateDNS validates PrivateDNS for the gateway's mode.
func (a *GatewayArgs) checkPrivateDNS() []error {
	d := a.PrivateDNS
	if a.virtualNetworkType() != apimanagement.VirtualNetworkInternal {
		if len(d.VirtualNetworkIDs) > 0 || d.ResourceGroupName != nil {
			return []error{fmt.Errorf("PrivateDNS: an %s gateway's host name is in public DNS; a private zone applies to Internal mode only, leave PrivateDNS empty", a.virtualNetworkType())}
		}
		return nil
	}
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(d.VirtualNetworkIDs)) {
		field := fmt.Sprintf("PrivateDNS.VirtualNetworkIDs[%q]", key)
		switch {
		case !linkKeyRE.MatchString(key):
			errs = append(errs, fmt.Errorf("%s: the key names the link resource; use 1-40 lower-case letters, digits and hyphens, starting with a letter or digit", field))
		case d.VirtualNetworkIDs[key] == nil:
			errs = append(errs, fmt.Errorf("%s: nil network id; remove the key or give the network's resource id", field))
		}
	}
	return errs
}

// privateDNS creates an Internal gateway's zone, its record and its links.
func (b *gatewayBuilder) privateDNS(svc *apimanagement.ApiManagementService) error {
	a := b.args
	d := a.PrivateDNS
	rg := d.ResourceGroupName
	if rg == nil {
		rg = a.ResourceGroupName
	}
	zone, err := network.NewPrivateZone(b.ctx, b.name+"-dns", &network.PrivateZoneArgs{
		PrivateZoneName:   pulumi.String(d.ZoneName(a.ServiceName)),
		ResourceGroupName: rg,
		Location:          pulumi.String("global"),
		Tags:              b.tags,
	}, b.parent())
	if err != nil {
		return fmt.Errorf("private DNS zone: %w", err)
	}
	if _, err := network.NewPrivateRecordSet(b.ctx, b.name+"-dns-gateway", &network.PrivateRecordSetArgs{
		PrivateZoneName:       zone.Name,
		ResourceGroupName:     rg,
		RecordType:            pulumi.String("A"),
		RelativeRecordSetName: pulumi.String("@"),
		Ttl:                   pulumi.Float64(gatewayRecordTTL),
		ARecords:              network.ARecordArray{network.ARecordArgs{Ipv4Address: svc.PrivateIPAddresses.Index(pulumi.Int(0))}},
	}, b.parent()); err != nil {
		return fmt.Errorf("private DNS record of the gateway: %w", err)
	}
	links := d.VirtualNetworkIDs
	if len(links) == 0 {
		links = map[string]pulumi.StringInput{"gateway": a.SubnetID.ToStringOutput().ApplyT(networkOfSubnet).(pulumi.StringOutput)}
	}
	for _, key := range slices.Sorted(maps.Keys(links)) {
		if _, err := network.NewVirtualNetworkLink(b.ctx, b.name+"-dns-link-"+key, &network.VirtualNetworkLinkArgs{
			PrivateZoneName:     zone.Name,
			ResourceGroupName:   rg,
			Location:            pulumi.String("global"),
			RegistrationEnabled: pulumi.Bool(false),
			VirtualNetwork:      network.SubResourceArgs{Id: links[key]},
			Tags:                b.tags,
		}, b.parent()); err != nil {
			return fmt.Errorf("private DNS link %s: %w", key, err)
		}
	}
	return nil
}

// networkOfSubnet returns the network id of a subnet id (".../virtualNetworks/<n>/subnets/<s>").
func networkOfSubnet(subnetID string) (string, error) {
	i := strings.LastIndex(strings.ToLower(subnetID), "/subnets/")
	if i < 0 || !strings.Contains(strings.ToLower(subnetID[:i]), "/virtualnetworks/") {
		return "", fmt.Errorf("SubnetID: %q is not a subnet id (.../virtualNetworks/<network>/subnets/<subnet>)", subnetID)
	}
	return subnetID[:i], nil
}
