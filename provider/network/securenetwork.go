package network

import (
	"reflect"

	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[SecureNetworkArgs](), reflect.TypeFor[securenetwork.Args]())
	mirror.Pair(reflect.TypeFor[SecureNetwork](), reflect.TypeFor[securenetwork.SecureNetwork]())
}

// Excluded are the securenetwork.Args fields the provider does not offer: the hub's
// provider (a Go program passes a pulumi.ProviderResource; from other languages the
// hub-side resources use the component's providers).
var Excluded = []string{"HubProvider"}

// SecureNetworkArgs are the inputs of SecureNetwork (securenetwork.Args).
type SecureNetworkArgs struct {
	Archetype     string            `pulumi:"archetype"`
	ArchetypeBase *Archetype        `pulumi:"archetypeBase,optional"`
	Production    bool              `pulumi:"production,optional"`
	Regions       []Region          `pulumi:"regions"`
	DDoS          *DDoS             `pulumi:"ddos,optional"`
	PrivateDNS    *PrivateDNS       `pulumi:"privateDns,optional"`
	Bastion       *Bastion          `pulumi:"bastion,optional"`
	Jumpbox       *Jumpbox          `pulumi:"jumpbox,optional"`
	APIM          *APIM             `pulumi:"apim,optional"`
	Tags          map[string]string `pulumi:"tags,optional"`
}

// Annotate documents the inputs.
func (a *SecureNetworkArgs) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }

// Region mirrors securenetwork.RegionArgs.
type Region struct {
	Location          string                    `pulumi:"location"`
	ResourceGroupName pulumi.StringInput        `pulumi:"resourceGroupName"`
	AddressSpace      string                    `pulumi:"addressSpace"`
	Subnets           map[string]SubnetOverride `pulumi:"subnets,optional"`
	DNSServers        []string                  `pulumi:"dnsServers,optional"`
	Hybrid            *Hybrid                   `pulumi:"hybrid,optional"`
	DisableBastion    bool                      `pulumi:"disableBastion,optional"`
	DisableJumpbox    bool                      `pulumi:"disableJumpbox,optional"`
}

// Annotate documents the type.
func (r *Region) Annotate(an infer.Annotator) {
	mirror.Describe(an, r, map[string]string{
		"Subnets": "Subnets override the plan per role (privateEndpoints, apim, jumpbox, bastion, gateway): size, exact CIDR, or no reserved space. Optional; default the library's subnet plan.",
	})
}

// SubnetOverride mirrors securenetwork.SubnetOverride.
type SubnetOverride struct {
	PrefixLength int    `pulumi:"prefixLength,optional"`
	CIDR         string `pulumi:"cidr,optional"`
	Omit         bool   `pulumi:"omit,optional"`
}

// Annotate documents the type.
func (s *SubnetOverride) Annotate(an infer.Annotator) { mirror.Describe(an, s, nil) }

// DDoS mirrors securenetwork.DDoSArgs; an empty object creates one plan.
type DDoS struct {
	ExistingPlanID    pulumi.StringInput `pulumi:"existingPlanId,optional"`
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName,optional"`
	Location          string             `pulumi:"location,optional"`
}

// Annotate documents the type.
func (d *DDoS) Annotate(an infer.Annotator) {
	mirror.Describe(an, d, map[string]string{
		"": "DDoS choose the DDoS protection plan attached to every virtual network; an empty object creates one plan for all regions.",
	})
}

// PrivateDNS mirrors securenetwork.PrivateDNSArgs.
type PrivateDNS struct {
	ResourceGroupName pulumi.StringInput            `pulumi:"resourceGroupName,optional"`
	ExistingZoneIDs   map[string]pulumi.StringInput `pulumi:"existingZoneIds,optional"`
	LinkExistingZones bool                          `pulumi:"linkExistingZones,optional"`
}

// Annotate documents the type.
func (p *PrivateDNS) Annotate(an infer.Annotator) { mirror.Describe(an, p, nil) }

// Bastion mirrors securenetwork.BastionArgs.
type Bastion struct {
	Disabled   bool `pulumi:"disabled,optional"`
	ScaleUnits int  `pulumi:"scaleUnits,optional"`
	IPConnect  bool `pulumi:"ipConnect,optional"`
}

// Annotate documents the type.
func (b *Bastion) Annotate(an infer.Annotator) { mirror.Describe(an, b, nil) }

// Jumpbox mirrors securenetwork.JumpboxArgs; the password is a secret.
type Jumpbox struct {
	Disabled              bool                 `pulumi:"disabled,optional"`
	Size                  string               `pulumi:"size,optional"`
	AdminUsername         string               `pulumi:"adminUsername,optional"`
	SSHPublicKey          pulumi.StringInput   `pulumi:"sshPublicKey,optional"`
	AdminPassword         pulumi.StringInput   `pulumi:"adminPassword,optional" provider:"secret"`
	AdminGroupObjectIDs   []pulumi.StringInput `pulumi:"adminGroupObjectIds,optional"`
	AllowedSourcePrefixes []string             `pulumi:"allowedSourcePrefixes,optional"`
	Image                 *Image               `pulumi:"image,optional"`
	OSDiskType            string               `pulumi:"osDiskType,optional"`
}

// Annotate documents the type.
func (j *Jumpbox) Annotate(an infer.Annotator) {
	mirror.Describe(an, j, map[string]string{
		"AdminPassword": "AdminPassword is the administrator's password, a secret input. Mutually exclusive with SSHPublicKey.",
	})
}

// Image mirrors securenetwork.ImageArgs.
type Image struct {
	Publisher string `pulumi:"publisher"`
	Offer     string `pulumi:"offer"`
	SKU       string `pulumi:"sku"`
	Version   string `pulumi:"version,optional"`
}

// Annotate documents the type.
func (i *Image) Annotate(an infer.Annotator) { mirror.Describe(an, i, nil) }

// APIM mirrors securenetwork.APIMArgs.
type APIM struct {
	VirtualNetworkType *APIMVirtualNetworkType `pulumi:"virtualNetworkType,optional"`
}

// Annotate documents the type.
func (a *APIM) Annotate(an infer.Annotator) { mirror.Describe(an, a, nil) }
