package stacks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/components/replication"
	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/internal/tags"
	"github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	azurenative "github.com/pulumi/pulumi-azure-native-sdk/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Program is the Pulumi program of the ai-ready project: it loads the stack's
// configuration, validates it and every component's arguments, then builds the
// stack's composition (corp, online or dev). Nothing is registered when anything
// is invalid.
func Program(ctx *pulumi.Context) error {
	cfg, err := LoadConfig(ctx.Stack(), ContextSource{Ctx: ctx})
	if err != nil {
		return err
	}
	for _, n := range cfg.LifecycleNotices() {
		if err := ctx.Log.Warn(n, nil); err != nil {
			return fmt.Errorf("logging a lifecycle notice: %w", err)
		}
	}
	plan, err := NewPlan(cfg)
	if err != nil {
		return err
	}
	return plan.Deploy(ctx)
}

// Plan is a validated stack: the configuration and the arguments of each
// component, checked before anything is registered.
type Plan struct {
	Config *Config
	// Hierarchy, Baseline and Network are the validated component arguments
	// (with placeholder ids, see NewPlan).
	Hierarchy *managementgroups.Args
	Baseline  *policybaseline.Args
	Network   *securenetwork.Args
	// Endpoints are one per region, in the regions' order.
	Endpoints []*aiendpoint.RegionalAIEndpointArgs
	// Gateway is nil when the stack needs none (one region, or only global
	// deployment types).
	Gateway *aiendpoint.GatewayArgs
	// Replication is nil for the dev stack.
	Replication *replication.Args
}

// NewPlan builds every component's arguments from the configuration and
// validates them. Ids that exist only once resources are created (subnets, zones,
// the workspace, the DDoS plan, the endpoints' URLs) are placeholders here; Deploy
// deploys these same arguments with the real ids filled in (fill.go), so what was
// validated is what is deployed.
func NewPlan(cfg *Config) (*Plan, error) {
	placeholder := pulumi.String("validation")
	perRegion := func(purpose string) map[string]pulumi.StringInput {
		out := map[string]pulumi.StringInput{}
		for _, r := range cfg.Regions {
			if purpose == "" {
				out[r.Location] = placeholder
			} else {
				out[r.Location] = pulumi.String(cfg.resourceGroupName(purpose, r.Location))
			}
		}
		return out
	}
	zones := pulumi.StringMap{}
	for _, k := range securenetwork.PrivateDNSZoneKeys() {
		zones[k] = placeholder
	}

	p := &Plan{
		Config:    cfg,
		Hierarchy: cfg.hierarchyArgs(),
		Network:   cfg.networkArgs(perRegion("net")),
		Baseline:  cfg.baselineArgs(placeholder, zones),
	}
	type check struct {
		name string
		args interface{ Validate() error }
	}
	checks := []check{{"ManagementGroupHierarchy", p.Hierarchy}, {"AIPolicyBaseline", p.Baseline}, {"SecureNetwork", p.Network}}
	for _, r := range cfg.Regions {
		p.Endpoints = append(p.Endpoints, cfg.endpointArgs(r.Location, placeholder, placeholder, zones, placeholder))
	}
	if cfg.needsGateway(cfg.Catalog()) {
		var members []aiendpoint.GatewayMember
		for _, r := range cfg.Regions {
			members = append(members, aiendpoint.GatewayMember{
				Region: r.Location, Endpoint: placeholder, AccountID: placeholder,
				DeploymentTypes: cfg.deploymentTypes(), Priority: r.Priority, Weight: r.Weight,
			})
		}
		p.Gateway = cfg.gatewayArgs(placeholder, placeholder, members, placeholder, perRegion(""))
		checks = append(checks, check{"AIGateway", p.Gateway})
	}
	if cfg.replicates() {
		p.Replication = cfg.replicationArgs(perRegion("ai"), perRegion(""), zones)
		checks = append(checks, check{"AssetReplication", p.Replication})
	}
	for _, c := range checks {
		if err := c.args.Validate(); err != nil {
			return nil, componentError(c.name, err)
		}
	}
	// The endpoints are checked together: quota is per subscription and region.
	if err := aiendpoint.ValidateEndpoints(p.Endpoints...); err != nil {
		return nil, componentError("RegionalAIEndpoint", err)
	}
	return p, nil
}

// componentError is a component's validation error as a configuration error:
// each line that names a field the configuration set names the config key too.
func componentError(component string, err error) error {
	return &configError{msg: fmt.Sprintf("the configuration gives %s invalid arguments: %s", component, withConfigKeys(component, err.Error())), cause: err}
}

// configError is a configuration error with the component error it comes from.
type configError struct {
	msg   string
	cause error
}

func (e *configError) Error() string   { return ErrConfig.Error() + ": " + e.msg }
func (e *configError) Unwrap() []error { return []error{ErrConfig, e.cause} }

// Deploy registers the stack's resources.
func (p *Plan) Deploy(ctx *pulumi.Context) error {
	cfg := p.Config
	provider, err := azurenative.NewProvider(ctx, "workload", &azurenative.ProviderArgs{
		SubscriptionId: pulumi.String(cfg.Subscriptions.Workload),
	})
	if err != nil {
		return fmt.Errorf("stack %s: the workload subscription's provider: %w", cfg.Stack, err)
	}
	d := &deployment{ctx: ctx, plan: p, cfg: cfg, res: pulumi.Provider(provider), comp: pulumi.Providers(provider)}

	hierarchy, err := managementgroups.New(ctx, cfg.NamePrefix, p.Hierarchy, d.comp)
	if err != nil {
		return err
	}
	mg, ok := hierarchy.Group(cfg.ManagementGroup.ID)
	if !ok {
		return fmt.Errorf("stack %s: the hierarchy has no group %q", cfg.Stack, cfg.ManagementGroup.ID)
	}
	if err := d.resourceGroups(mg); err != nil {
		return err
	}
	logs, err := d.workspace()
	if err != nil {
		return err
	}
	network, err := securenetwork.New(ctx, cfg.NamePrefix+"-net", p.networkFor(inputNames(d.rgs["net"])), d.comp)
	if err != nil {
		return err
	}
	endpoints, err := d.endpoints(network, logs)
	if err != nil {
		return err
	}
	if err := d.gateway(network, endpoints, logs); err != nil {
		return err
	}
	if err := d.assets(network); err != nil {
		return err
	}
	baselineArgs := p.baselineFor(network.DDoSProtectionPlanID, network.PrivateDNSZoneIDs)
	if _, err := policybaseline.New(ctx, cfg.NamePrefix+"-baseline", baselineArgs, d.comp, pulumi.DependsOn([]pulumi.Resource{hierarchy})); err != nil {
		return err
	}

	ctx.Export("archetype", pulumi.String(cfg.Archetype))
	ctx.Export("environment", pulumi.String(cfg.Environment))
	ctx.Export("managementGroupIds", hierarchy.GroupIDs)
	ctx.Export("logAnalyticsWorkspaceId", logs.ID())
	ctx.Export("virtualNetworkIds", network.VirtualNetworkIDs)
	ctx.Export("subnetIds", network.SubnetIDs)
	ctx.Export("privateDnsZoneIds", network.PrivateDNSZoneIDs)
	ctx.Export("bastionIds", network.BastionIDs)
	ctx.Export("jumpboxIds", network.JumpboxIDs)
	ctx.Export("gatewayIds", network.GatewayIDs)
	return nil
}

// deployment is one run of Plan.Deploy: the resource options of the workload
// subscription's provider and the resource groups created so far.
type deployment struct {
	ctx  *pulumi.Context
	plan *Plan
	cfg  *Config
	// res places a resource with the workload provider, comp a component.
	res, comp pulumi.ResourceOption
	// rgs are the resource groups by purpose ("net", "ai") and location.
	rgs map[string]map[string]*resources.ResourceGroup
}

// resourceGroups creates each region's network and AI resource groups, after the
// management group mg.
func (d *deployment) resourceGroups(mg pulumi.Resource) error {
	cfg := d.cfg
	stackTags := cfg.tags("")
	d.rgs = map[string]map[string]*resources.ResourceGroup{"net": {}, "ai": {}}
	for _, r := range cfg.Regions {
		for _, purpose := range []string{"net", "ai"} {
			name := cfg.resourceGroupName(purpose, r.Location)
			rg, err := resources.NewResourceGroup(d.ctx, name, &resources.ResourceGroupArgs{
				ResourceGroupName: pulumi.String(name),
				Location:          pulumi.String(r.Location),
				Tags:              stackTags,
			}, d.res, pulumi.DependsOn([]pulumi.Resource{mg}))
			if err != nil {
				return fmt.Errorf("stack %s: resource group %s: %w", cfg.Stack, name, err)
			}
			d.rgs[purpose][r.Location] = rg
		}
	}
	return nil
}

// primaryAI is the AI resource group of the primary region.
func (d *deployment) primaryAI() *resources.ResourceGroup { return d.rgs["ai"][d.cfg.Primary()] }

// workspace creates the stack's Log Analytics workspace in the primary region.
func (d *deployment) workspace() (*operationalinsights.Workspace, error) {
	cfg := d.cfg
	logs, err := operationalinsights.NewWorkspace(d.ctx, cfg.NamePrefix+"-logs", &operationalinsights.WorkspaceArgs{
		WorkspaceName:     pulumi.String(fmt.Sprintf("log-%s-%s", cfg.NamePrefix, cfg.Archetype)),
		ResourceGroupName: d.primaryAI().Name,
		Location:          pulumi.String(cfg.Primary()),
		RetentionInDays:   pulumi.Int(cfg.LogRetentionDays),
		Sku:               &operationalinsights.WorkspaceSkuArgs{Name: pulumi.String("PerGB2018")},
		Tags:              cfg.tags("Observability"),
	}, d.res)
	if err != nil {
		return nil, fmt.Errorf("stack %s: Log Analytics workspace: %w", cfg.Stack, err)
	}
	return logs, nil
}

// inputNames maps each location to its resource group's name.
func inputNames(rgs map[string]*resources.ResourceGroup) map[string]pulumi.StringInput {
	names := map[string]pulumi.StringInput{}
	for loc, rg := range rgs {
		names[loc] = rg.Name
	}
	return names
}

// endpoints creates a RegionalAIEndpoint per region, in the regions' order, and
// exports their URLs (aiEndpoints).
func (d *deployment) endpoints(network *securenetwork.SecureNetwork, logs *operationalinsights.Workspace) ([]*aiendpoint.RegionalAIEndpoint, error) {
	cfg := d.cfg
	var endpoints []*aiendpoint.RegionalAIEndpoint
	for i, r := range cfg.Regions {
		rn := network.Regions[r.Location]
		ep, err := aiendpoint.NewRegionalAIEndpoint(d.ctx, fmt.Sprintf("%s-ai-%s", cfg.NamePrefix, r.Location),
			d.plan.endpointFor(i, d.rgs["ai"][r.Location].Name, rn.SubnetIDs[securenetwork.SubnetPrivateEndpoints], network.PrivateDNSZoneIDs, logs.ID().ToStringOutput()), d.comp)
		if err != nil {
			return nil, err
		}
		endpoints = append(endpoints, ep)
	}
	endpointURLs := pulumi.StringMap{}
	for _, ep := range endpoints {
		endpointURLs[ep.Region()] = ep.Endpoint
	}
	d.ctx.Export("aiEndpoints", endpointURLs)
	return endpoints, nil
}

// gateway creates the AI gateway in front of the endpoints when the plan has one,
// and exports its URL (gatewayUrl).
func (d *deployment) gateway(network *securenetwork.SecureNetwork, endpoints []*aiendpoint.RegionalAIEndpoint, logs *operationalinsights.Workspace) error {
	if d.plan.Gateway == nil {
		return nil
	}
	cfg := d.cfg
	primary := network.Regions[cfg.Primary()]
	vnets := map[string]pulumi.StringInput{}
	for loc, rn := range network.Regions {
		vnets[loc] = rn.VirtualNetworkID
	}
	gw, err := aiendpoint.NewAIGateway(d.ctx, cfg.NamePrefix+"-gateway",
		d.plan.gatewayFor(d.primaryAI().Name, primary.SubnetIDs[securenetwork.SubnetAPIM], endpoints, logs.ID().ToStringOutput(), vnets), d.comp)
	if err != nil {
		return err
	}
	d.ctx.Export("gatewayUrl", gw.OpenAIEndpoint)
	return nil
}

// assets creates the replicated AI assets when the stack replicates, and exports
// their ids and data placement.
func (d *deployment) assets(network *securenetwork.SecureNetwork) error {
	cfg := d.cfg
	if !cfg.replicates() {
		return nil
	}
	subnets := map[string]pulumi.StringInput{}
	for loc, rn := range network.Regions {
		subnets[loc] = rn.SubnetIDs[securenetwork.SubnetPrivateEndpoints]
	}
	assets, err := replication.New(d.ctx, cfg.NamePrefix+"-assets", d.plan.replicationFor(inputNames(d.rgs["ai"]), subnets, network.PrivateDNSZoneIDs), d.comp)
	if err != nil {
		return err
	}
	d.ctx.Export("storageAccountIds", assets.StorageAccountIDs)
	d.ctx.Export("searchServiceIds", assets.SearchServiceIDs)
	d.ctx.Export("mlRegistryId", assets.RegistryID)
	d.ctx.Export("dataPlacement", assets.CoLocation)
	return nil
}

// resourceGroupName names a region's resource group for a purpose ("net", "ai").
func (c *Config) resourceGroupName(purpose, location string) string {
	return fmt.Sprintf("rg-%s-%s-%s-%s", c.NamePrefix, c.Archetype, purpose, location)
}

// tags returns the stack's tags for a component ("" for stack-level resources).
func (c *Config) tags(component string) pulumi.StringMap {
	user := map[string]string{"aiready-stack": c.Stack}
	for k, v := range c.Tags {
		user[k] = v
	}
	return tags.Set{Archetype: c.Archetype, Production: c.Production(), Component: component}.Merge(user)
}

func (c *Config) hierarchyArgs() *managementgroups.Args {
	access := func(a AccessGroupConfig) managementgroups.EntraGroup {
		return managementgroups.EntraGroup{ObjectID: a.ObjectID, Create: a.Create, DisplayName: a.DisplayName, Owners: a.Owners}
	}
	return &managementgroups.Args{
		ParentID: c.ManagementGroup.ParentID,
		PlatformSubscriptions: managementgroups.PlatformSubscriptions{
			Connectivity: c.Subscriptions.Platform.Connectivity,
			Management:   c.Subscriptions.Platform.Management,
			Identity:     c.Subscriptions.Platform.Identity,
			Security:     c.Subscriptions.Platform.Security,
		},
		Groups: []managementgroups.Group{{
			ID:            c.ManagementGroup.ID,
			DisplayName:   c.ManagementGroup.DisplayName,
			Archetype:     c.Archetype,
			Adopt:         c.ManagementGroup.Adopt,
			Subscriptions: []string{c.Subscriptions.Workload},
			Access: managementgroups.Access{
				Owners:       access(c.ManagementGroup.Access.Owners),
				Contributors: access(c.ManagementGroup.Access.Contributors),
				Readers:      access(c.ManagementGroup.Access.Readers),
			},
		}},
	}
}

// ddosEnabled reports whether the stack's networks get DDoS protection.
func (c *Config) ddosEnabled() bool {
	return c.Archetype == ArchetypeOnline || c.DDoS.Enabled || c.DDoS.ExistingPlanID != ""
}

// modelAssetIDs are the approved model asset ids for the approved-models policy.
func (c *Config) modelAssetIDs() []string {
	var ids []string
	for _, m := range c.Models {
		id := fmt.Sprintf("azureml://registries/azure-openai/models/%s/versions/%s", m.Name, m.Version)
		if !containsString(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// baselineArgs are the baseline's arguments: the stack's regions and models, its
// DDoS plan and private DNS zones (the corp set registers private endpoints in
// them), and what the estate assigns above the group.
func (c *Config) baselineArgs(ddosPlan pulumi.StringInput, zones pulumi.StringMapInput) *policybaseline.Args {
	values := map[string]any{
		"allowedLocations":     c.Locations(),
		"allowedModelAssetIds": c.modelAssetIDs(),
		"privateDnsZoneIds":    zones,
	}
	if c.ddosEnabled() {
		values["ddosPlan"] = ddosPlan
	}
	args := &policybaseline.Args{
		ManagementGroupID: c.ManagementGroup.ID,
		Archetype:         c.Archetype,
		ParentArchetype:   c.ManagementGroup.ParentArchetype,
		Location:          c.Primary(),
		DefaultValues:     values,
	}
	if c.Archetype == ArchetypeCorp && (c.ManagementGroup.AllowHybridNetworking || c.Hybrid.Mode == HybridExpressRoute || c.Hybrid.Mode == HybridVPN) {
		// The workload owns its gateway: the corp guardrail that keeps hybrid
		// networking in the connectivity subscription would deny it.
		args.Override = &policybaseline.Override{AssignmentsToRemove: []string{"Deny-HybridNetworking"}}
	}
	return args
}

func (c *Config) networkArgs(resourceGroups map[string]pulumi.StringInput) *securenetwork.Args {
	args := &securenetwork.Args{
		Archetype:  c.Archetype,
		Production: c.Production(),
		Tags:       c.tagsPlain(),
		Jumpbox: securenetwork.JumpboxArgs{
			SSHPublicKey: optionalString(c.Jumpbox.SSHPublicKey),
		},
	}
	if pw, ok := c.Secret(SecretJumpboxAdminPassword); ok && c.Jumpbox.SSHPublicKey == "" {
		args.Jumpbox.AdminPassword = pw
	}
	for _, id := range c.Jumpbox.AdminGroupObjectIDs {
		args.Jumpbox.AdminGroupObjectIDs = append(args.Jumpbox.AdminGroupObjectIDs, pulumi.String(id))
	}
	if c.Archetype == ArchetypeOnline {
		args.APIM.VirtualNetworkType = securenetwork.APIMExternal
	} else {
		args.APIM.VirtualNetworkType = securenetwork.APIMInternal
	}
	if c.ddosEnabled() {
		args.DDoS = &securenetwork.DDoSArgs{}
		if c.DDoS.ExistingPlanID != "" {
			args.DDoS.ExistingPlanID = pulumi.String(c.DDoS.ExistingPlanID)
		}
	}
	for i, r := range c.Regions {
		region := securenetwork.RegionArgs{
			Location:          r.Location,
			ResourceGroupName: resourceGroups[r.Location],
			AddressSpace:      r.AddressSpace,
			DNSServers:        c.Hybrid.DNSServers,
			// Operators reach every region from the primary's Bastion and jumpbox.
			DisableBastion: i > 0,
			DisableJumpbox: i > 0,
		}
		switch {
		case c.Hybrid.Mode == HybridHubPeering:
			region.Hybrid = securenetwork.HybridArgs{Mode: securenetwork.HybridHubPeering, HubPeering: &securenetwork.HubPeeringArgs{
				RemoteVirtualNetworkID: pulumi.String(c.Hybrid.HubVirtualNetworkID),
				UseRemoteGateways:      c.Hybrid.UseRemoteGateways,
			}}
		case c.Hybrid.Mode == HybridExpressRoute && i == 0:
			er := &securenetwork.ExpressRouteArgs{CircuitID: pulumi.String(c.Hybrid.ExpressRouteCircuitID), SKU: c.Hybrid.GatewaySKU}
			if key, ok := c.Secret(SecretExpressRouteAuthKey); ok {
				er.AuthorizationKey = key
			}
			region.Hybrid = securenetwork.HybridArgs{Mode: securenetwork.HybridExpressRoute, ExpressRoute: er}
		case c.Hybrid.Mode == HybridVPN && i == 0:
			vpn := &securenetwork.VPNArgs{SKU: c.Hybrid.GatewaySKU}
			if c.Hybrid.OnPremisesDeviceIP != "" {
				key, _ := c.Secret(SecretVPNSharedKey)
				vpn.SiteToSite = &securenetwork.SiteToSiteArgs{
					DeviceIPAddress: c.Hybrid.OnPremisesDeviceIP,
					AddressPrefixes: c.Hybrid.OnPremisesPrefixes,
					SharedKey:       key,
				}
			}
			if len(c.Hybrid.PointToSiteClientPool) > 0 {
				vpn.PointToSite = &securenetwork.PointToSiteArgs{ClientAddressPool: c.Hybrid.PointToSiteClientPool}
			}
			region.Hybrid = securenetwork.HybridArgs{Mode: securenetwork.HybridVPN, VPN: vpn}
		}
		args.Regions = append(args.Regions, region)
	}
	return args
}

// endpointArgs is one region's AI endpoint.
func (c *Config) endpointArgs(location string, resourceGroup, subnet pulumi.StringInput, zones pulumi.StringMapInput, workspace pulumi.StringInput) *aiendpoint.RegionalAIEndpointArgs {
	args := &aiendpoint.RegionalAIEndpointArgs{
		ResourceGroupName:       resourceGroup,
		Location:                location,
		Archetype:               c.Archetype,
		Production:              c.Production(),
		Kind:                    c.Endpoint.Kind,
		CustomSubDomainName:     fmt.Sprintf("%s-%s-%s", c.NamePrefix, c.Archetype, location),
		AllowedFQDNs:            c.Endpoint.AllowedFqdns,
		PrivateEndpointSubnetID: subnet,
		PrivateDNSZoneIDs:       zones,
		LogAnalyticsWorkspaceID: workspace,
		Tags:                    c.tagsPlain(),
		Catalog:                 c.Catalog(),
	}
	for _, m := range c.Models {
		args.Deployments = append(args.Deployments, aiendpoint.ModelDeployment{
			Name:                 m.Name,
			Model:                m.Name,
			Version:              m.Version,
			DeploymentType:       m.DeploymentType,
			Capacity:             m.Capacity,
			VersionUpgradeOption: m.VersionUpgradeOption,
			ContentFilter:        m.RaiPolicy,
		})
	}
	return args
}

// gatewayArgs is the API Management gateway over the regional endpoints: internal
// in corp, external in online. An internal gateway's private DNS zone is linked to
// every network of the stack (vnets, by location) and, with hub peering, to the hub's
// network, whose DNS resolver serves on-premises clients and the other spokes
// ("Azure Private Endpoint DNS configuration": link the zones to the hub and every
// spoke that holds clients). Linking the hub needs the right to join its network
// (Microsoft.Network/virtualNetworks/join/action) in the connectivity subscription.
func (c *Config) gatewayArgs(resourceGroup, subnet pulumi.StringInput, members []aiendpoint.GatewayMember, workspace pulumi.StringInput, vnets map[string]pulumi.StringInput) *aiendpoint.GatewayArgs {
	args := c.gatewayBaseArgs(resourceGroup, subnet, members, workspace)
	if c.Archetype == ArchetypeOnline {
		return args
	}
	links := map[string]pulumi.StringInput{}
	for loc, id := range vnets {
		links[loc] = id
	}
	if c.Hybrid.Mode == HybridHubPeering && c.Hybrid.HubVirtualNetworkID != "" {
		links["hub"] = pulumi.String(c.Hybrid.HubVirtualNetworkID)
	}
	args.PrivateDNS.VirtualNetworkIDs = links
	return args
}

func (c *Config) gatewayBaseArgs(resourceGroup, subnet pulumi.StringInput, members []aiendpoint.GatewayMember, workspace pulumi.StringInput) *aiendpoint.GatewayArgs {
	return &aiendpoint.GatewayArgs{
		ResourceGroupName:       resourceGroup,
		Location:                c.Primary(),
		Archetype:               c.Archetype,
		Production:              c.Production(),
		ServiceName:             fmt.Sprintf("apim-%s-%s", c.NamePrefix, c.Archetype),
		PublisherEmail:          c.Gateway.PublisherEmail,
		PublisherName:           c.Gateway.PublisherName,
		SkuName:                 c.Gateway.SKU,
		Capacity:                c.Gateway.Capacity,
		SubnetID:                subnet,
		Members:                 members,
		LogAnalyticsWorkspaceID: workspace,
		Tags:                    c.tagsPlain(),
		Catalog:                 c.Catalog(),
	}
}

// deploymentTypes are the configured models' deployment types, sorted as an
// endpoint reports them (RegionalAIEndpoint.DeploymentTypes).
func (c *Config) deploymentTypes() []string {
	var out []string
	for _, m := range c.Models {
		if !containsString(out, m.DeploymentType) {
			out = append(out, m.DeploymentType)
		}
	}
	slices.Sort(out)
	return out
}

// replicates reports whether the stack replicates AI assets (corp and online).
func (c *Config) replicates() bool { return c.Archetype != ArchetypeDev }

// replicationArgs places the AI assets in the primary region with a copy in the
// secondary, in the endpoints' regions.
func (c *Config) replicationArgs(resourceGroups, subnets map[string]pulumi.StringInput, zones pulumi.StringMapInput) *replication.Args {
	mode := replication.GeoRedundantStorage
	switch {
	case c.Secondary() == "":
		// A single-region (non-production) stack keeps its assets in one region.
		mode = replication.NoReplication
	case c.Replication.Mode == ReplicationObjectReplication:
		mode = replication.ObjectReplication
	}
	args := &replication.Args{
		Catalog:           c.Catalog(),
		Archetype:         c.Archetype,
		Production:        c.Production(),
		ResourceGroupName: resourceGroups[c.Primary()],
		NamePrefix:        c.NamePrefix + c.Archetype,
		Primary:           replication.RegionArgs{Location: c.Primary(), PrivateEndpointSubnetID: subnets[c.Primary()]},
		Replication:       mode,
		PrivateDNSZoneIDs: zones,
		EndpointRegions:   c.Locations(),
		Storage:           replication.StorageArgs{SoftDeleteRetentionDays: c.Replication.SoftDeleteDays},
		Search:            replication.SearchArgs{Sku: c.Replication.SearchSKU, ReplicaCount: c.Replication.SearchReplicas},
		Tags:              c.tagsPlain(),
	}
	if sec := c.Secondary(); sec != "" {
		args.Secondary = &replication.RegionArgs{Location: sec, ResourceGroupName: resourceGroups[sec], PrivateEndpointSubnetID: subnets[sec]}
	}
	keyVault := c.Production()
	if c.Replication.KeyVault != nil {
		keyVault = *c.Replication.KeyVault
	}
	if keyVault {
		args.KeyVault = &replication.KeyVaultArgs{}
	}
	return args
}

func (c *Config) tagsPlain() map[string]string {
	out := map[string]string{"aiready-stack": c.Stack}
	for k, v := range c.Tags {
		out[k] = v
	}
	return out
}

func optionalString(s string) pulumi.StringInput {
	if s == "" {
		return nil
	}
	return pulumi.String(s)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
