package aiendpoint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/aiready/aiready/internal/outputmap"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// RegionalAIEndpointTypeToken is the type token of RegionalAIEndpoint.
const RegionalAIEndpointTypeToken = "aiready:ai:RegionalAIEndpoint"

// RegionalAIEndpointType is the type token of RegionalAIEndpoint.
//
// Deprecated: use RegionalAIEndpointTypeToken, named like every component's token.
const RegionalAIEndpointType = RegionalAIEndpointTypeToken

// privateLinkGroupID is the private link sub-resource of an AI services account.
const privateLinkGroupID = "account"

// dnsZoneNames are the zone names of the DNSKey* keys, used to name the zone
// group's configurations.
var dnsZoneNames = map[string]string{
	DNSKeyOpenAI:            zoneName(DNSKeyOpenAI),
	DNSKeyCognitiveServices: zoneName(DNSKeyCognitiveServices),
	DNSKeyAIServices:        zoneName(DNSKeyAIServices),
}

// zoneName is the conventions' zone name of a key; a key they do not know is
// a programming error caught by every test that builds an endpoint.
func zoneName(key string) string {
	name, ok := conventions.PrivateLinkZoneName(key)
	if !ok {
		panic("aiendpoint: no private-link zone for key " + key)
	}
	return name
}

// RegionalAIEndpoint is one region's Azure OpenAI / AI Services endpoint: the
// account (key access off, managed identity, public access off or denied by
// default, outbound restricted), its private endpoint and DNS zone group, its
// model deployments and custom content filters, and its diagnostic setting.
type RegionalAIEndpoint struct {
	pulumi.ResourceState

	// AccountID is the account's resource id.
	AccountID pulumi.StringOutput `pulumi:"accountId"`
	// AccountName is the account's name, once the account exists.
	AccountName pulumi.StringOutput `pulumi:"accountName"`
	// Endpoint is the account's endpoint, e.g. "https://<subdomain>.openai.azure.com/".
	Endpoint pulumi.StringOutput `pulumi:"endpoint"`
	// PrincipalID is the object id of the account's system-assigned identity.
	PrincipalID pulumi.StringOutput `pulumi:"principalId"`
	// DeploymentNames are the names of the model deployments, once they exist.
	DeploymentNames pulumi.StringArrayOutput `pulumi:"deploymentNames"`
	// Location is the account's region.
	Location pulumi.StringOutput `pulumi:"location"`
	// PrivateEndpointID is the private endpoint's resource id.
	PrivateEndpointID pulumi.StringOutput `pulumi:"privateEndpointId"`

	region      string
	deployments []ModelDeployment
}

// Region returns the endpoint's region.
func (e *RegionalAIEndpoint) Region() string { return e.region }

// Deployments returns the endpoint's model deployments with their defaults filled in.
func (e *RegionalAIEndpoint) Deployments() []ModelDeployment {
	return slices.Clone(e.deployments)
}

// DeploymentTypes returns the distinct deployment types of the endpoint, sorted.
func (e *RegionalAIEndpoint) DeploymentTypes() []string {
	var out []string
	for _, d := range e.deployments {
		if !slices.Contains(out, d.DeploymentType) {
			out = append(out, d.DeploymentType)
		}
	}
	sort.Strings(out)
	return out
}

// Member returns the endpoint as a member of a Gateway's pool with a priority and
// a weight (see GatewayMember).
func (e *RegionalAIEndpoint) Member(priority, weight int) GatewayMember {
	return GatewayMember{
		Region:          e.region,
		Endpoint:        e.Endpoint,
		AccountID:       e.AccountID,
		DeploymentTypes: e.DeploymentTypes(),
		Priority:        priority,
		Weight:          weight,
	}
}

// NewRegionalAIEndpoint validates args and builds the endpoint. It fails before
// registering anything when the arguments are invalid (see
// RegionalAIEndpointArgs.Validate).
func NewRegionalAIEndpoint(ctx *pulumi.Context, name string, args *RegionalAIEndpointArgs, opts ...pulumi.ResourceOption) (*RegionalAIEndpoint, error) {
	if err := args.Validate(); err != nil {
		return nil, fmt.Errorf("RegionalAIEndpoint %q: %w", name, err)
	}
	cat := args.catalog()
	deployments := make([]ModelDeployment, len(args.Deployments))
	for i, d := range args.Deployments {
		deployments[i] = d.withDefaults(cat)
	}
	comp := &RegionalAIEndpoint{region: args.Location, deployments: deployments}
	if err := ctx.RegisterComponentResourceV2(RegionalAIEndpointTypeToken, name, endpointSummary(args, deployments), comp, opts...); err != nil {
		return nil, fmt.Errorf("RegionalAIEndpoint %q: %w", name, err)
	}
	b := &endpointBuilder{ctx: ctx, name: name, args: args, comp: comp, deployments: deployments,
		tags: tags.Set{Archetype: args.Archetype, Production: args.Production, Component: "RegionalAIEndpoint"}.Merge(args.Tags)}
	if err := b.build(); err != nil {
		return nil, fmt.Errorf("RegionalAIEndpoint %q: %w", name, err)
	}
	if err := outputmap.Register(ctx, comp); err != nil {
		return nil, fmt.Errorf("RegionalAIEndpoint %q: %w", name, err)
	}
	return comp, nil
}

type endpointBuilder struct {
	ctx         *pulumi.Context
	name        string
	args        *RegionalAIEndpointArgs
	comp        *RegionalAIEndpoint
	deployments []ModelDeployment
	tags        pulumi.StringMap
}

func (b *endpointBuilder) build() error {
	acct, err := b.account()
	if err != nil {
		return err
	}
	pe, err := b.privateEndpoint(acct)
	if err != nil {
		return err
	}
	if err := b.diagnostics(acct); err != nil {
		return err
	}
	filters, err := b.contentFilters(acct)
	if err != nil {
		return err
	}
	names, err := b.modelDeployments(acct, filters)
	if err != nil {
		return err
	}
	b.comp.AccountID = acct.ID().ToStringOutput()
	b.comp.AccountName = nameOnceCreated(acct, b.args.accountName())
	b.comp.Endpoint = acct.Properties.Endpoint()
	b.comp.PrincipalID = orEmpty(acct.Identity.PrincipalId())
	b.comp.DeploymentNames = names
	b.comp.Location = pulumi.String(b.args.Location).ToStringOutput()
	b.comp.PrivateEndpointID = pe.ID().ToStringOutput()
	return nil
}

// account registers the account with the security settings of the archetype.
func (b *endpointBuilder) account() (*cognitiveservices.Account, error) {
	a := b.args
	// corp, dev and sandbox: no public endpoint at all. online: the public endpoint
	// exists but denies everything not from a trusted Azure service; clients use the
	// private endpoint (behind the gateway).
	publicAccess := cognitiveservices.PublicNetworkAccessDisabled
	bypass := cognitiveservices.BypassNone
	if behavesAs(a.Archetype, a.ArchetypeBase) == ArchetypeOnline {
		publicAccess = cognitiveservices.PublicNetworkAccessEnabled
		bypass = cognitiveservices.BypassAzureServices
	}
	identity := &cognitiveservices.IdentityArgs{Type: pulumi.String(cognitiveservices.IdentitySystemAssigned)}
	props := &cognitiveservices.AccountPropertiesArgs{
		CustomSubDomainName: pulumi.String(a.CustomSubDomainName),
		DisableLocalAuth:    pulumi.Bool(true),
		PublicNetworkAccess: pulumi.String(publicAccess),
		NetworkAcls: &cognitiveservices.NetworkRuleSetArgs{
			DefaultAction:       pulumi.String(cognitiveservices.NetworkRuleActionDeny),
			Bypass:              pulumi.String(bypass),
			IpRules:             []cognitiveservices.IpRuleArgs{},
			VirtualNetworkRules: []cognitiveservices.VirtualNetworkRuleArgs{},
		},
		RestrictOutboundNetworkAccess: pulumi.Bool(true),
		AllowedFqdnList:               pulumi.ToStringArray(a.AllowedFQDNs),
	}
	if e := a.Encryption; e != nil {
		identity = &cognitiveservices.IdentityArgs{
			Type:                   pulumi.String(cognitiveservices.IdentitySystemAndUserAssigned),
			UserAssignedIdentities: pulumi.StringArray{e.UserAssignedIdentityID},
		}
		props.Encryption = &cognitiveservices.EncryptionArgs{
			KeySource: pulumi.String(cognitiveservices.KeySourceMicrosoftKeyVault),
			KeyVaultProperties: &cognitiveservices.KeyVaultPropertiesArgs{
				KeyVaultUri:      e.KeyVaultURI,
				KeyName:          e.KeyName,
				KeyVersion:       e.KeyVersion,
				IdentityClientId: e.IdentityClientID,
			},
		}
	}
	opts := []pulumi.ResourceOption{pulumi.Parent(b.comp)}
	if a.Production {
		opts = append(opts, pulumi.Protect(true), pulumi.RetainOnDelete(true))
	}
	acct, err := cognitiveservices.NewAccount(b.ctx, b.name+"-account", &cognitiveservices.AccountArgs{
		AccountName:       pulumi.String(a.accountName()),
		ResourceGroupName: a.ResourceGroupName,
		Location:          pulumi.String(a.Location),
		Kind:              pulumi.String(a.kind()),
		Sku:               &cognitiveservices.SkuArgs{Name: pulumi.String(a.skuName())},
		Identity:          identity,
		Properties:        props,
		Tags:              b.tags,
	}, opts...)
	if err != nil {
		return nil, fmt.Errorf("account: %w", err)
	}
	return acct, nil
}

// privateEndpoint registers the account's private endpoint and its DNS zone group.
func (b *endpointBuilder) privateEndpoint(acct *cognitiveservices.Account) (*network.PrivateEndpoint, error) {
	a := b.args
	accountName := a.accountName()
	pe, err := network.NewPrivateEndpoint(b.ctx, b.name+"-pe", &network.PrivateEndpointArgs{
		PrivateEndpointName:        pulumi.String(accountName + "-pe"),
		CustomNetworkInterfaceName: pulumi.String(accountName + "-pe-nic"),
		ResourceGroupName:          a.ResourceGroupName,
		Location:                   pulumi.String(a.Location),
		Subnet:                     &network.SubnetTypeArgs{Id: a.PrivateEndpointSubnetID},
		PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
			&network.PrivateLinkServiceConnectionArgs{
				Name:                 pulumi.String(accountName + "-account"),
				PrivateLinkServiceId: acct.ID().ToStringOutput(),
				GroupIds:             pulumi.StringArray{pulumi.String(privateLinkGroupID)},
			},
		},
		Tags: b.tags,
	}, pulumi.Parent(b.comp))
	if err != nil {
		return nil, fmt.Errorf("private endpoint: %w", err)
	}
	required := a.requiredDNSKeys()
	kind := a.kind()
	configs := a.PrivateDNSZoneIDs.ToStringMapOutput().ApplyT(func(ids map[string]string) ([]network.PrivateDnsZoneConfig, error) {
		var out []network.PrivateDnsZoneConfig
		for _, key := range []string{DNSKeyOpenAI, DNSKeyCognitiveServices, DNSKeyAIServices} {
			id, ok := ids[key]
			if !ok || id == "" {
				if slices.Contains(required, key) {
					return nil, fmt.Errorf("RegionalAIEndpoint %q: PrivateDNSZoneIDs has no %q zone id; a %s account needs %s", b.name, key, kind, quoteAll(required))
				}
				continue
			}
			zone := strings.ReplaceAll(dnsZoneNames[key], ".", "-")
			out = append(out, network.PrivateDnsZoneConfig{Name: &zone, PrivateDnsZoneId: &id})
		}
		return out, nil
	}).(network.PrivateDnsZoneConfigArrayOutput)
	if _, err := network.NewPrivateDnsZoneGroup(b.ctx, b.name+"-pe-dns", &network.PrivateDnsZoneGroupArgs{
		PrivateDnsZoneGroupName: pulumi.String("default"),
		PrivateEndpointName:     nameOnceCreated(pe, accountName+"-pe"),
		ResourceGroupName:       a.ResourceGroupName,
		PrivateDnsZoneConfigs:   configs,
	}, pulumi.Parent(b.comp)); err != nil {
		return nil, fmt.Errorf("private DNS zone group: %w", err)
	}
	return pe, nil
}

// diagnostics sends the account's logs and metrics to Log Analytics.
func (b *endpointBuilder) diagnostics(acct *cognitiveservices.Account) error {
	if b.args.LogAnalyticsWorkspaceID == nil {
		return nil
	}
	if _, err := newDiagnosticSetting(b.ctx, b.name+"-diagnostics", acct.ID().ToStringOutput(), b.args.LogAnalyticsWorkspaceID, pulumi.Parent(b.comp)); err != nil {
		return fmt.Errorf("diagnostic setting: %w", err)
	}
	return nil
}

// newDiagnosticSetting sends all logs (category groups allLogs and audit) and all
// metrics of a resource to a Log Analytics workspace.
func newDiagnosticSetting(ctx *pulumi.Context, name string, resourceID, workspaceID pulumi.StringInput, opts ...pulumi.ResourceOption) (*insights.DiagnosticSetting, error) {
	return insights.NewDiagnosticSetting(ctx, name, &insights.DiagnosticSettingArgs{
		Name:        pulumi.String("aiready-log-analytics"),
		ResourceUri: resourceID,
		WorkspaceId: workspaceID,
		Logs: insights.LogSettingsArray{
			insights.LogSettingsArgs{CategoryGroup: pulumi.String("allLogs"), Enabled: pulumi.Bool(true)},
			insights.LogSettingsArgs{CategoryGroup: pulumi.String("audit"), Enabled: pulumi.Bool(true)},
		},
		Metrics: insights.MetricSettingsArray{
			insights.MetricSettingsArgs{Category: pulumi.String("AllMetrics"), Enabled: pulumi.Bool(true)},
		},
	}, opts...)
}

// contentFilters registers the custom content filters, by name.
func (b *endpointBuilder) contentFilters(acct *cognitiveservices.Account) (map[string]pulumi.Resource, error) {
	out := map[string]pulumi.Resource{}
	for _, f := range b.args.ContentFilters {
		base := f.BasePolicyName
		if base == "" {
			base = ContentFilterDefaultV2
		}
		mode := f.Mode
		if mode == "" {
			mode = cognitiveservices.RaiModeDefault
		}
		rules := make([]cognitiveservices.RaiPolicyContentFilterArgs, len(f.Filters))
		for i, r := range f.Filters {
			rules[i] = cognitiveservices.RaiPolicyContentFilterArgs{
				Name:     pulumi.String(r.Category),
				Source:   pulumi.String(r.Source),
				Blocking: pulumi.Bool(!r.AnnotateOnly),
				Enabled:  pulumi.Bool(!r.Disabled),
			}
			if r.SeverityThreshold != "" {
				rules[i].SeverityThreshold = pulumi.String(r.SeverityThreshold)
			}
		}
		p, err := cognitiveservices.NewRaiPolicy(b.ctx, b.name+"-filter-"+f.Name, &cognitiveservices.RaiPolicyArgs{
			AccountName:       acct.Name,
			ResourceGroupName: b.args.ResourceGroupName,
			RaiPolicyName:     pulumi.String(f.Name),
			Properties: &cognitiveservices.RaiPolicyPropertiesArgs{
				BasePolicyName: pulumi.String(base),
				Mode:           pulumi.String(mode),
				ContentFilters: rules,
			},
			Tags: b.tags,
		}, pulumi.Parent(b.comp), pulumi.DependsOn([]pulumi.Resource{acct}))
		if err != nil {
			return nil, fmt.Errorf("content filter %q: %w", f.Name, err)
		}
		out[strings.ToLower(f.Name)] = p
	}
	return out, nil
}

// modelDeployments registers the deployments one after the other: Azure refuses
// concurrent deployment operations on one account.
func (b *endpointBuilder) modelDeployments(acct *cognitiveservices.Account, filters map[string]pulumi.Resource) (pulumi.StringArrayOutput, error) {
	var names pulumi.StringArray
	var previous pulumi.Resource = acct
	for _, d := range b.deployments {
		deps := []pulumi.Resource{previous}
		if f, ok := filters[strings.ToLower(d.ContentFilter)]; ok {
			deps = append(deps, f)
		}
		dep, err := cognitiveservices.NewDeployment(b.ctx, b.name+"-deployment-"+d.Name, &cognitiveservices.DeploymentArgs{
			AccountName:       acct.Name,
			ResourceGroupName: b.args.ResourceGroupName,
			DeploymentName:    pulumi.String(d.Name),
			Sku: &cognitiveservices.SkuArgs{
				Name:     pulumi.String(d.DeploymentType),
				Capacity: pulumi.Int(d.Capacity),
			},
			Properties: &cognitiveservices.DeploymentPropertiesArgs{
				Model: &cognitiveservices.DeploymentModelArgs{
					Format:  pulumi.String(d.Format),
					Name:    pulumi.String(d.Model),
					Version: pulumi.String(d.Version),
				},
				RaiPolicyName:        pulumi.String(d.ContentFilter),
				VersionUpgradeOption: pulumi.String(d.VersionUpgradeOption),
			},
			Tags: b.tags,
		}, pulumi.Parent(b.comp), pulumi.DependsOn(deps))
		if err != nil {
			return pulumi.StringArrayOutput{}, fmt.Errorf("deployment %q: %w", d.Name, err)
		}
		names = append(names, nameOnceCreated(dep, d.Name))
		previous = dep
	}
	return names.ToStringArrayOutput(), nil
}

// nameOnceCreated is a resource's Azure name, known to the program, as an output
// that resolves once the resource exists: consumers get the name and the dependency.
func nameOnceCreated(res pulumi.CustomResource, name string) pulumi.StringOutput {
	return res.ID().ApplyT(func(pulumi.ID) string { return name }).(pulumi.StringOutput)
}

// orEmpty turns an optional string output into a string output ("" for nil).
func orEmpty(p pulumi.StringPtrOutput) pulumi.StringOutput {
	return p.ApplyT(func(v *string) string {
		if v == nil {
			return ""
		}
		return *v
	}).(pulumi.StringOutput)
}

// endpointSummary is the component's recorded inputs: what decides what is built.
func endpointSummary(a *RegionalAIEndpointArgs, deployments []ModelDeployment) pulumi.Map {
	ds := pulumi.Array{}
	for _, d := range deployments {
		ds = append(ds, pulumi.Map{
			"name":           pulumi.String(d.Name),
			"model":          pulumi.String(d.Model),
			"version":        pulumi.String(d.Version),
			"deploymentType": pulumi.String(d.DeploymentType),
			"capacity":       pulumi.Int(d.Capacity),
			"contentFilter":  pulumi.String(d.ContentFilter),
		})
	}
	return pulumi.Map{
		"location":            pulumi.String(a.Location),
		"archetype":           pulumi.String(a.Archetype),
		"production":          pulumi.Bool(a.Production),
		"kind":                pulumi.String(a.kind()),
		"customSubDomainName": pulumi.String(a.CustomSubDomainName),
		"deployments":         ds,
	}
}
