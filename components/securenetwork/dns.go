package securenetwork

import (
	"fmt"
	"sort"

	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Service keys of the private DNS zones (the keys of PrivateDNSZoneIDs and of
// PrivateDNSArgs.ExistingZoneIDs).
const (
	// DNSOpenAI is privatelink.openai.azure.com (Azure OpenAI).
	DNSOpenAI = conventions.ZoneOpenAI
	// DNSCognitiveServices is privatelink.cognitiveservices.azure.com (AI services).
	DNSCognitiveServices = conventions.ZoneCognitiveServices
	// DNSAIServices is privatelink.services.ai.azure.com (AI Foundry).
	DNSAIServices = conventions.ZoneAIServices
	// DNSSearch is privatelink.search.windows.net (AI Search).
	DNSSearch = conventions.ZoneSearch
	// DNSBlob is privatelink.blob.core.windows.net (Blob storage).
	DNSBlob = conventions.ZoneBlob
	// DNSVault is privatelink.vaultcore.azure.net (Key Vault).
	DNSVault = conventions.ZoneVault
	// DNSAzureML is privatelink.api.azureml.ms (Azure Machine Learning workspaces).
	DNSAzureML = conventions.ZoneAzureML
	// DNSNotebooks is privatelink.notebooks.azure.net (Azure Machine Learning notebooks).
	DNSNotebooks = conventions.ZoneNotebooks
)

// dnsZones are the zone names by key, from the project's conventions.
var dnsZones = func() map[string]string {
	out := map[string]string{}
	for _, z := range conventions.PrivateLinkZones() {
		out[z.Key] = z.Name
	}
	return out
}()

// PrivateDNSZoneKeys returns the service keys of the private DNS zones, sorted.
func PrivateDNSZoneKeys() []string {
	keys := make([]string, 0, len(dnsZones))
	for k := range dnsZones {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// PrivateDNSZoneName returns the zone name of a service key ("" for an unknown key).
func PrivateDNSZoneName(key string) string { return dnsZones[key] }

// privateDNS creates (or adopts) the zones and links them to every region's network.
// It returns the zone ids by service key.
func (b *builder) privateDNS(vnets []*network.VirtualNetwork) (pulumi.StringMap, error) {
	ids := pulumi.StringMap{}
	rg := b.args.PrivateDNS.ResourceGroupName
	if rg == nil {
		rg = b.r.regions[0].ResourceGroupName
	}
	for _, key := range PrivateDNSZoneKeys() {
		zoneName := dnsZones[key]
		if existing, ok := b.args.PrivateDNS.ExistingZoneIDs[key]; ok {
			id := existing.ToStringOutput()
			ids[key] = id
			if !b.args.PrivateDNS.LinkExistingZones {
				continue
			}
			field := fmt.Sprintf("PrivateDNS.ExistingZoneIDs[%q]", key)
			zoneRG := id.ApplyT(func(s string) (string, error) {
				r, err := parseResourceID(field, s, privateZoneType)
				return r.ResourceGroup, err
			}).(pulumi.StringOutput)
			zone := id.ApplyT(func(s string) (string, error) {
				r, err := parseResourceID(field, s, privateZoneType)
				return r.Name, err
			}).(pulumi.StringOutput)
			if err := b.linkZone(key, zone, zoneRG, vnets, b.hubOpts()...); err != nil {
				return nil, err
			}
			continue
		}
		resName := fmt.Sprintf("%s-dns-%s", b.name, key)
		zone, err := network.NewPrivateZone(b.ctx, resName, &network.PrivateZoneArgs{
			PrivateZoneName:   pulumi.String(zoneName),
			ResourceGroupName: rg,
			Location:          pulumi.String("global"),
			Tags:              b.tags,
		}, b.opts()...)
		if err != nil {
			return nil, b.wrap(resName, err)
		}
		ids[key] = zone.ID().ToStringOutput()
		if err := b.linkZone(key, zone.Name, rg.ToStringOutput(), vnets, b.opts()...); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// linkZone links one zone to every region's network, without auto-registration.
func (b *builder) linkZone(key string, zone, rg pulumi.StringOutput, vnets []*network.VirtualNetwork, opts ...pulumi.ResourceOption) error {
	for i, reg := range b.r.regions {
		resName := fmt.Sprintf("%s-dns-%s-%s", b.name, key, reg.Location)
		_, err := network.NewVirtualNetworkLink(b.ctx, resName, &network.VirtualNetworkLinkArgs{
			PrivateZoneName:     zone,
			ResourceGroupName:   rg,
			Location:            pulumi.String("global"),
			RegistrationEnabled: pulumi.Bool(false),
			VirtualNetwork:      network.SubResourceArgs{Id: vnets[i].ID().ToStringOutput()},
			Tags:                b.tags,
		}, opts...)
		if err != nil {
			return b.wrap(resName, err)
		}
	}
	return nil
}
