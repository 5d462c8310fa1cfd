package stacks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/components/managementgroups"
	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Namespace is the configuration namespace of the project.
const Namespace = "ai-ready"

// Archetypes of the stacks.
const (
	ArchetypeCorp   = string(conventions.Corp)
	ArchetypeOnline = string(conventions.Online)
	ArchetypeDev    = string(conventions.Dev)
)

// Environments.
const (
	EnvironmentProduction    = conventions.Production
	EnvironmentNonProduction = conventions.NonProduction
)

// Hybrid connectivity modes of the hybrid.mode key.
const (
	HybridNone         = "None"
	HybridHubPeering   = "HubPeering"
	HybridExpressRoute = "ExpressRoute"
	HybridVPN          = "VPN"
)

// Replication modes of the replication.mode key.
const (
	ReplicationGeoRedundant      = "GeoRedundant"
	ReplicationObjectReplication = "ObjectReplication"
)

// Config is a stack's configuration, loaded once by LoadConfig. JSON names are the
// configuration keys (ai-ready:<key>).
type Config struct {
	// Stack is the stack name; Archetype defaults to it.
	Stack string `json:"-"`
	// Archetype selects the composition: corp, online or dev (key ai-ready:archetype;
	// default the stack name).
	Archetype string `json:"archetype"`
	// Environment is production or nonproduction (ai-ready:environment; required).
	Environment string `json:"environment"`
	// NamePrefix starts the globally unique names (AI subdomains, storage accounts,
	// registries): 2-10 lower-case letters and digits (ai-ready:namePrefix; required).
	NamePrefix string `json:"namePrefix"`
	// ManagementGroup is the stack's own management group (ai-ready:managementGroup).
	ManagementGroup ManagementGroupConfig `json:"managementGroup"`
	// Subscriptions names the workload and platform subscriptions (ai-ready:subscriptions).
	Subscriptions SubscriptionsConfig `json:"subscriptions"`
	// Regions are primary first, then secondary and more (ai-ready:regions).
	Regions []RegionConfig `json:"regions"`
	// Hybrid is the connectivity to on-premises data (ai-ready:hybrid).
	Hybrid HybridConfig `json:"hybrid"`
	// Models are deployed in every region's endpoint (ai-ready:models); each
	// model version and deployment type must be offered in every region.
	Models []ModelConfig `json:"models"`
	// Endpoint configures the AI accounts (ai-ready:endpoint).
	Endpoint EndpointConfig `json:"endpoint"`
	// Gateway configures API Management (ai-ready:gateway).
	Gateway GatewayConfig `json:"gateway"`
	// Replication configures the AI assets' copies (ai-ready:replication).
	Replication ReplicationConfig `json:"replication"`
	// LogRetentionDays is the Log Analytics retention, 30-730 (ai-ready:logRetentionDays;
	// default 90, 30 for dev).
	LogRetentionDays int `json:"logRetentionDays"`
	// Tags are added to every taggable resource (ai-ready:tags).
	Tags map[string]string `json:"tags"`
	// Jumpbox configures the jumpbox VM (ai-ready:jumpbox).
	Jumpbox JumpboxConfig `json:"jumpbox"`
	// DDoS configures DDoS protection (ai-ready:ddos).
	DDoS DDoSConfig `json:"ddos"`
	// CatalogImport is the path of a catalog import (go run ./catalog/cmd/import,
	// from the subscription's own listings), relative to the directory Pulumi runs
	// the program in; in the regions it covers, availability, quota (what is left of
	// the subscription's) and lifecycle are judged against it instead of the
	// embedded catalog (ai-ready:catalogImport; optional).
	CatalogImport string `json:"catalogImport"`
	// LifecycleWarningDays reports model versions that retire within this many days
	// (ai-ready:lifecycleWarningDays; default 90, 0 to 3650).
	LifecycleWarningDays *int `json:"lifecycleWarningDays"`

	// Secrets, read from secret configuration only.
	secrets map[string]pulumi.StringOutput
	// cat is the catalog the configuration was checked against.
	cat *catalog.Catalog
	// notices are the lifecycle reports of the models (see LifecycleNotices).
	notices []string
	// now is the clock lifecycle dates are compared with (time.Now unless a test sets it).
	now func() time.Time
}

// DefaultLifecycleWarningDays is the default of ai-ready:lifecycleWarningDays.
const DefaultLifecycleWarningDays = 90

// Catalog returns the catalog the configuration is checked against: the embedded
// one, with the import of ai-ready:catalogImport applied when it is set.
func (c *Config) Catalog() *catalog.Catalog {
	if c.cat != nil {
		return c.cat
	}
	return catalog.Default()
}

// LifecycleNotices reports the configured model versions that retired, retire
// within ai-ready:lifecycleWarningDays or are deprecated, per region; the program
// logs them as warnings.
func (c *Config) LifecycleNotices() []string { return slices.Clone(c.notices) }

// loadCatalog applies the import of ai-ready:catalogImport to the embedded catalog.
func (c *Config) loadCatalog() error {
	c.cat = catalog.Default()
	if c.CatalogImport == "" {
		return nil
	}
	f, err := os.Open(c.CatalogImport)
	if err != nil {
		return fmt.Errorf("%w; give the path of a file written by go run ./catalog/cmd/import", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	cat, err := catalog.Default().LoadImport(f)
	if err != nil {
		return fmt.Errorf("%s: %w", c.CatalogImport, err)
	}
	c.cat = cat
	return nil
}

// ManagementGroupConfig is the stack's own management group and its place in the
// estate: under an existing group (an ALZ estate's corp, online, landingzones or
// sandbox, or the tenant root), or adopting one of them (adopt: true).
type ManagementGroupConfig struct {
	// ParentID is the existing parent: an ALZ group (corp, online, landingzones,
	// sandbox) or the tenant root (required).
	ParentID string `json:"parentId"`
	// ID is the stack's group id (required).
	ID string `json:"id"`
	// DisplayName defaults to ID.
	DisplayName string `json:"displayName"`
	// Adopt uses an existing group of that id (e.g. an ALZ estate's own corp group).
	Adopt bool `json:"adopt"`
	// ParentArchetype names what the estate already assigns above the group (at
	// it, for an adopted group): alz-corp, alz-online, alz-landingzones,
	// alz-sandbox, or none (the default). The baseline skips what that archetype
	// assigns, so nothing is assigned twice; see policybaseline.Args.ParentArchetype.
	ParentArchetype string `json:"parentArchetype"`
	// Access are the Entra ID groups of the AI owners, contributors and readers.
	Access AccessConfig `json:"access"`
	// AllowHybridNetworking removes the corp Deny-HybridNetworking assignment; it is
	// set automatically when hybrid.mode is ExpressRoute or VPN.
	AllowHybridNetworking bool `json:"allowHybridNetworking"`
}

// AccessConfig names the access groups.
type AccessConfig struct {
	Owners       AccessGroupConfig `json:"owners"`
	Contributors AccessGroupConfig `json:"contributors"`
	Readers      AccessGroupConfig `json:"readers"`
}

// AccessGroupConfig adopts (objectId) or creates (create) an Entra ID group.
type AccessGroupConfig struct {
	ObjectID    string   `json:"objectId"`
	Create      bool     `json:"create"`
	DisplayName string   `json:"displayName"`
	Owners      []string `json:"owners"`
}

// SubscriptionsConfig names the subscriptions.
type SubscriptionsConfig struct {
	// Workload is the subscription every resource of the stack is deployed to (required).
	Workload string `json:"workload"`
	// Platform lists the platform landing zone's subscriptions, which must never hold AI resources.
	Platform PlatformConfig `json:"platform"`
}

// PlatformConfig lists platform subscriptions by role.
type PlatformConfig struct {
	Connectivity []string `json:"connectivity"`
	Management   []string `json:"management"`
	Identity     []string `json:"identity"`
	Security     []string `json:"security"`
}

// RegionConfig is one region of the stack.
type RegionConfig struct {
	// Location is the Azure region (required).
	Location string `json:"location"`
	// AddressSpace is the region's virtual network range, at least a /23 (required).
	AddressSpace string `json:"addressSpace"`
	// Priority and Weight place the region's endpoint in the gateway's pool
	// (priority 1 = first choice; default 1 for the primary, 2 for the others; weight default 50).
	Priority int `json:"priority"`
	Weight   int `json:"weight"`
}

// HybridConfig is the connectivity to on-premises data.
type HybridConfig struct {
	// Mode is None, HubPeering, ExpressRoute or VPN (default None).
	Mode string `json:"mode"`
	// HubVirtualNetworkID is the hub network to peer with (HubPeering).
	HubVirtualNetworkID string `json:"hubVirtualNetworkId"`
	// UseRemoteGateways routes on-premises traffic through the hub's gateway (HubPeering).
	UseRemoteGateways bool `json:"useRemoteGateways"`
	// DNSServers are the hub's DNS resolver addresses, so private endpoints resolve through the hub.
	DNSServers []string `json:"dnsServers"`
	// ExpressRouteCircuitID is the circuit to connect to (ExpressRoute); an
	// authorization key, if any, is the secret ai-ready:expressRouteAuthorizationKey.
	ExpressRouteCircuitID string `json:"expressRouteCircuitId"`
	// GatewaySKU is the ExpressRoute or VPN gateway SKU (defaults: ErGw3AZ, VpnGw2AZ).
	GatewaySKU string `json:"gatewaySku"`
	// OnPremisesDeviceIP and OnPremisesPrefixes describe the site-to-site peer (VPN);
	// its shared key is the secret ai-ready:vpnSharedKey.
	OnPremisesDeviceIP string   `json:"onPremisesDeviceIp"`
	OnPremisesPrefixes []string `json:"onPremisesPrefixes"`
	// PointToSiteClientPool enables point-to-site VPN with Entra ID (VPN).
	PointToSiteClientPool []string `json:"pointToSiteClientPool"`
}

// ModelConfig is one model deployment.
type ModelConfig struct {
	// Name, Version and DeploymentType name the model and how it is served
	// (required); that version must be offered with that deployment type in every
	// region of the stack, per the catalog.
	Name           string `json:"name"`
	Version        string `json:"version"`
	DeploymentType string `json:"deploymentType"`
	// Capacity is in the deployment type's unit (required, at least 1).
	Capacity int `json:"capacity"`
	// RaiPolicy is the content filter (default Microsoft.DefaultV2).
	RaiPolicy string `json:"raiPolicy"`
	// VersionUpgradeOption defaults to NoAutoUpgrade in production, OnceNewDefaultVersionAvailable otherwise.
	VersionUpgradeOption string `json:"versionUpgradeOption"`
}

// EndpointConfig configures the AI accounts.
type EndpointConfig struct {
	// Kind is OpenAI or AIServices (default AIServices).
	Kind string `json:"kind"`
	// AllowedFqdns are the outbound destinations the accounts may reach.
	AllowedFqdns []string `json:"allowedFqdns"`
}

// GatewayConfig configures API Management.
type GatewayConfig struct {
	// PublisherEmail and PublisherName are API Management's publisher (email required when a gateway is built).
	PublisherEmail string `json:"publisherEmail"`
	PublisherName  string `json:"publisherName"`
	// SKU defaults to Premium in production, Developer otherwise.
	SKU string `json:"sku"`
	// Capacity is the number of units (default 1).
	Capacity int `json:"capacity"`
}

// ReplicationConfig configures AssetReplication.
type ReplicationConfig struct {
	// Mode is GeoRedundant or ObjectReplication (default GeoRedundant).
	Mode string `json:"mode"`
	// SoftDeleteDays is the blob and container soft-delete retention (default 30).
	SoftDeleteDays int `json:"softDeleteDays"`
	// SearchSKU and SearchReplicas size the AI Search services (default standard;
	// 3 replicas in production, 2 otherwise).
	SearchSKU      string `json:"searchSku"`
	SearchReplicas int    `json:"searchReplicas"`
	// KeyVault builds a Key Vault for customer-managed keys (default true in production).
	KeyVault *bool `json:"keyVault"`
}

// JumpboxConfig configures the jumpbox; a password, if used, is the secret
// ai-ready:jumpboxAdminPassword.
type JumpboxConfig struct {
	// SSHPublicKey is the administrator's OpenSSH public key.
	SSHPublicKey string `json:"sshPublicKey"`
	// AdminGroupObjectIDs get "Virtual Machine Administrator Login" on the jumpbox.
	AdminGroupObjectIDs []string `json:"adminGroupObjectIds"`
}

// DDoSConfig configures DDoS protection.
type DDoSConfig struct {
	// ExistingPlanID uses the platform's shared plan instead of creating one.
	ExistingPlanID string `json:"existingPlanId"`
	// Enabled turns DDoS protection on outside online (always on for online).
	Enabled bool `json:"enabled"`
}

// Secret configuration keys.
const (
	SecretVPNSharedKey          = "vpnSharedKey"
	SecretExpressRouteAuthKey   = "expressRouteAuthorizationKey"
	SecretJumpboxAdminPassword  = "jumpboxAdminPassword"
	defaultRaiPolicy            = "Microsoft.DefaultV2"
	defaultLogRetentionDays     = 90
	defaultDevLogRetentionDays  = 30
	defaultReplicationSoftDelay = 30
)

// configKeys are the keys read into Config: its fields' JSON names.
var configKeys = func() []string {
	var keys []string
	t := reflect.TypeOf(Config{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}()

var secretKeys = []string{SecretVPNSharedKey, SecretExpressRouteAuthKey, SecretJumpboxAdminPassword}

// Source reads raw configuration values: the value of "ai-ready:<key>", whether it
// is set, and whether it is a secret.
type Source interface {
	Get(key string) (value string, ok bool, secret bool)
}

// ContextSource reads a Pulumi program's configuration.
type ContextSource struct{ Ctx *pulumi.Context }

// Get implements Source.
func (s ContextSource) Get(key string) (string, bool, bool) {
	full := Namespace + ":" + key
	v, ok := s.Ctx.GetConfig(full)
	return v, ok, ok && s.Ctx.IsConfigSecret(full)
}

// ErrConfig is wrapped by every configuration error.
var ErrConfig = errors.New("invalid stack configuration")

var (
	prefixRE = regexp.MustCompile(`^[a-z][a-z0-9]{1,9}$`)
	guidRE   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// LoadConfig reads the stack's configuration from src and validates it. Secret
// values become secret Outputs. Every problem is reported with its key.
func LoadConfig(stack string, src Source) (*Config, error) {
	c := &Config{Stack: stack, secrets: map[string]pulumi.StringOutput{}}
	var errs []error
	raw := map[string]json.RawMessage{}
	for _, key := range configKeys {
		v, ok, _ := src.Get(key)
		if !ok {
			continue
		}
		if !json.Valid([]byte(v)) {
			// Plain string values (e.g. environment: production) are not JSON.
			b, _ := json.Marshal(v)
			v = string(b)
		}
		raw[key] = json.RawMessage(v)
	}
	for key, msg := range raw {
		one := map[string]json.RawMessage{key: msg}
		b, _ := json.Marshal(one)
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(c); err != nil {
			errs = append(errs, fmt.Errorf("%w: %s:%s: %v; see the keys documented in Pulumi.%s.yaml and stacks.Config", ErrConfig, Namespace, key, cleanJSONError(err), stack))
		}
	}
	for _, key := range secretKeys {
		v, ok, secret := src.Get(key)
		if !ok {
			continue
		}
		if !secret {
			errs = append(errs, fmt.Errorf("%w: %s:%s is stored in plain text; store it encrypted: pulumi config set --secret %s:%s <value>", ErrConfig, Namespace, key, Namespace, key))
			continue
		}
		c.secrets[key] = pulumi.ToSecret(pulumi.String(v)).(pulumi.StringOutput)
	}
	if len(errs) > 0 {
		sortErrs(errs)
		return nil, errors.Join(errs...)
	}
	c.applyDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func cleanJSONError(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "json: ")
	return strings.ReplaceAll(s, "Go struct field Config.", "field ")
}

func sortErrs(errs []error) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// Secret returns a secret configuration value and whether it is set.
func (c *Config) Secret(key string) (pulumi.StringOutput, bool) {
	v, ok := c.secrets[key]
	return v, ok
}

// Production reports whether the stack is a production environment.
func (c *Config) Production() bool { return c.Environment == EnvironmentProduction }

// Primary and Secondary return the first two regions ("" when absent).
func (c *Config) Primary() string {
	if len(c.Regions) == 0 {
		return ""
	}
	return c.Regions[0].Location
}

// Secondary returns the second region, or "".
func (c *Config) Secondary() string {
	if len(c.Regions) < 2 {
		return ""
	}
	return c.Regions[1].Location
}

// Locations returns every region's location.
func (c *Config) Locations() []string {
	out := make([]string, len(c.Regions))
	for i, r := range c.Regions {
		out[i] = r.Location
	}
	return out
}

func (c *Config) applyDefaults() {
	if c.Archetype == "" {
		c.Archetype = c.Stack
	}
	if c.Hybrid.Mode == "" {
		c.Hybrid.Mode = HybridNone
	}
	if c.Endpoint.Kind == "" {
		c.Endpoint.Kind = "AIServices"
	}
	if c.LogRetentionDays == 0 {
		c.LogRetentionDays = defaultLogRetentionDays
		if c.Archetype == ArchetypeDev {
			c.LogRetentionDays = defaultDevLogRetentionDays
		}
	}
	if c.Replication.Mode == "" {
		c.Replication.Mode = ReplicationGeoRedundant
	}
	if c.Replication.SoftDeleteDays == 0 {
		c.Replication.SoftDeleteDays = defaultReplicationSoftDelay
	}
	if c.Gateway.Capacity == 0 {
		c.Gateway.Capacity = 1
	}
	if c.Gateway.SKU == "" {
		c.Gateway.SKU = "Developer"
		if c.Production() {
			c.Gateway.SKU = "Premium"
		}
	}
	if c.Gateway.PublisherName == "" {
		c.Gateway.PublisherName = "AI platform team"
	}
	for i := range c.Regions {
		r := &c.Regions[i]
		if r.Priority == 0 {
			r.Priority = 1
			if i > 0 {
				r.Priority = 2
			}
		}
		if r.Weight == 0 {
			r.Weight = 50
		}
	}
	for i := range c.Models {
		m := &c.Models[i]
		if m.RaiPolicy == "" {
			m.RaiPolicy = defaultRaiPolicy
		}
		if m.VersionUpgradeOption == "" {
			m.VersionUpgradeOption = "OnceNewDefaultVersionAvailable"
			if c.Production() {
				m.VersionUpgradeOption = "NoAutoUpgrade"
			}
		}
	}
}

// Validate checks the configuration on its own, key by key; the stack then checks
// every component's arguments built from it.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, v ...any) {
		errs = append(errs, fmt.Errorf("%w: %s:%s: "+format, append([]any{ErrConfig, Namespace, key}, v...)...))
	}
	if err := c.loadCatalog(); err != nil {
		bad("catalogImport", "%v", err)
	}
	cat := c.Catalog()
	c.validateKinds(bad)
	c.validateSubscriptions(bad)
	c.validateManagementGroup(bad)
	c.validateRegions(cat, bad)
	c.validateModels(cat, bad)
	c.validateHybrid(bad)
	c.validateServices(cat, bad)
	c.validateJumpbox(bad)
	sortErrs(errs)
	return errors.Join(errs...)
}

// complain records a problem of the configuration key key (without the namespace).
type complain func(key, format string, v ...any)

// validateKinds checks the archetype, the environment and the name prefix.
func (c *Config) validateKinds(bad complain) {
	switch c.Archetype {
	case ArchetypeCorp, ArchetypeOnline, ArchetypeDev:
	default:
		bad("archetype", "%q is not a stack archetype; use corp (internal), online (internet-facing) or dev (AI development), or name the stack after one", c.Archetype)
	}
	switch c.Environment {
	case EnvironmentProduction, EnvironmentNonProduction:
	case "":
		bad("environment", "is not set; set it to production or nonproduction")
	default:
		bad("environment", "%q: use production or nonproduction", c.Environment)
	}
	if !prefixRE.MatchString(c.NamePrefix) {
		bad("namePrefix", "%q: use 2-10 lower-case letters and digits, starting with a letter (it starts globally unique names)", c.NamePrefix)
	}
}

// validateSubscriptions checks the workload subscription: a subscription id, not a
// platform subscription's.
func (c *Config) validateSubscriptions(bad complain) {
	platform := managementgroups.PlatformSubscriptions{
		Connectivity: c.Subscriptions.Platform.Connectivity,
		Management:   c.Subscriptions.Platform.Management,
		Identity:     c.Subscriptions.Platform.Identity,
		Security:     c.Subscriptions.Platform.Security,
	}
	switch {
	case c.Subscriptions.Workload == "":
		bad("subscriptions.workload", "is not set; set it to the id of the workload (application landing zone) subscription the stack deploys into")
	case !guidRE.MatchString(c.Subscriptions.Workload):
		bad("subscriptions.workload", "%q is not a subscription id (a GUID)", c.Subscriptions.Workload)
	default:
		if role := platform.Role(c.Subscriptions.Workload); role != "" {
			bad("subscriptions.workload", "%q is the platform %s subscription (subscriptions.platform.%s): AI resources must be deployed to a workload subscription under the AI management group, not to a platform subscription; use an application landing zone subscription", c.Subscriptions.Workload, role, role)
		}
	}
}

// validateManagementGroup checks the AI management group, its parent and its
// placement in the estate.
func (c *Config) validateManagementGroup(bad complain) {
	if c.ManagementGroup.ParentID == "" {
		bad("managementGroup.parentId", "is not set; name the existing parent management group (e.g. landingzones, or the tenant id for the tenant root group)")
	}
	if c.ManagementGroup.ID == "" {
		bad("managementGroup.id", "is not set; name the stack's AI management group (e.g. ai-%s)", c.Archetype)
	}
	c.validatePlacement(bad)
}

// validateRegions checks the number of regions for the archetype and environment,
// then each region: a distinct location offering Azure OpenAI, a disjoint IPv4
// address space, priority and weight.
func (c *Config) validateRegions(cat *catalog.Catalog, bad complain) {
	switch {
	case len(c.Regions) == 0:
		bad("regions", "is empty; list the primary region first (and a secondary for production)")
	case c.Archetype == ArchetypeDev && len(c.Regions) > 1:
		bad("regions", "has %d regions; the dev stack allows one region (the allowed-locations policy is set to it)", len(c.Regions))
	case c.Production() && len(c.Regions) < 2:
		bad("regions", "has one region (%s) but environment is production: production AI endpoints need at least two regions; add a secondary region (e.g. %s)", c.Primary(), pairOf(cat, c.Primary()))
	}
	seen := map[string]int{}
	spaces := &regionSpaces{}
	for i, r := range c.Regions {
		key := fmt.Sprintf("regions[%d]", i)
		validateLocation(cat, key, i, r.Location, seen, bad)
		spaces.add(key, i, r.AddressSpace, bad)
		if r.Priority < 0 || r.Priority > 100 || r.Weight < 0 || r.Weight > 100 {
			bad(key, "priority %d and weight %d must be between 0 and 100", r.Priority, r.Weight)
		}
	}
}

// validateLocation checks regions[i].location: a catalog region with Azure
// OpenAI, not a region listed before (seen maps locations to their index).
func validateLocation(cat *catalog.Catalog, key string, i int, location string, seen map[string]int, bad complain) {
	if location == "" {
		bad(key+".location", "is not set; name an Azure region")
	} else if _, err := cat.Region(location); err != nil {
		bad(key+".location", "%v", err)
	} else if err := cat.RequireService(location, catalog.ServiceOpenAI); err != nil {
		bad(key+".location", "%v", err)
	}
	if j, dup := seen[location]; dup && location != "" {
		what := "a duplicate of"
		if j == 0 && i == 1 {
			what = "the secondary region, equal to the primary"
		}
		bad(key+".location", "%q is %s regions[%d]: each region must be distinct so an outage of one leaves the other", location, what, j)
	} else {
		seen[location] = i
	}
}

// regionSpaces are the address spaces of the regions checked so far.
type regionSpaces struct {
	spaces []netip.Prefix
	keys   []string
}

// add checks regions[i].addressSpace: an IPv4 range disjoint from the earlier
// regions' spaces.
func (s *regionSpaces) add(key string, i int, space string, bad complain) {
	p, err := netip.ParsePrefix(space)
	switch {
	case space == "":
		bad(key+".addressSpace", "is not set; give the region's network an IPv4 range (at least a /23), e.g. 10.%d.0.0/22", 20+i)
	case err != nil || !p.Addr().Is4():
		bad(key+".addressSpace", "%q is not an IPv4 CIDR range (e.g. 10.20.0.0/22)", space)
	default:
		for j, q := range s.spaces {
			if p.Overlaps(q) {
				bad(key+".addressSpace", "%s overlaps %s.addressSpace %s: regions need disjoint address spaces to be peered and routed", space, s.keys[j], q)
			}
		}
		s.spaces = append(s.spaces, p.Masked())
		s.keys = append(s.keys, key)
	}
}

// validateModels checks the models' lifecycle and each deployment against the
// catalog in every known region of the stack.
func (c *Config) validateModels(cat *catalog.Catalog, bad complain) {
	c.checkLifecycle(bad)
	if len(c.Models) == 0 {
		bad("models", "is empty; list at least one model deployment (name, version, deploymentType, capacity)")
	}
	for i, m := range c.Models {
		key := fmt.Sprintf("models[%d]", i)
		if m.Capacity <= 0 {
			bad(key+".capacity", "%d for model %q: capacity must be at least 1 (%s)", m.Capacity, m.Name, unitOf(cat, m.DeploymentType))
			continue
		}
		for _, r := range c.Regions {
			if _, err := cat.Region(r.Location); err != nil {
				continue
			}
			if err := cat.CheckDeployment(catalog.Deployment{Region: r.Location, Model: m.Name, Version: m.Version, DeploymentType: m.DeploymentType, Capacity: m.Capacity}); err != nil {
				bad(key, "%v", err)
				break
			}
		}
	}
}

// validateHybrid checks the hybrid connectivity mode and what each mode needs.
func (c *Config) validateHybrid(bad complain) {
	switch c.Hybrid.Mode {
	case HybridNone:
	case HybridHubPeering:
		if c.Hybrid.HubVirtualNetworkID == "" {
			bad("hybrid.hubVirtualNetworkId", "is not set but hybrid.mode is HubPeering; give the hub virtual network's resource id")
		}
	case HybridExpressRoute:
		if c.Hybrid.ExpressRouteCircuitID == "" {
			bad("hybrid.expressRouteCircuitId", "is not set but hybrid.mode is ExpressRoute; give the circuit's resource id")
		}
	case HybridVPN:
		_, hasKey := c.secrets[SecretVPNSharedKey]
		if c.Hybrid.OnPremisesDeviceIP == "" && len(c.Hybrid.PointToSiteClientPool) == 0 {
			bad("hybrid", "mode VPN needs a site-to-site peer (onPremisesDeviceIp, onPremisesPrefixes) or a point-to-site client pool (pointToSiteClientPool)")
		}
		if c.Hybrid.OnPremisesDeviceIP != "" && !hasKey {
			bad(SecretVPNSharedKey, "is not set but hybrid.onPremisesDeviceIp is: set the site-to-site shared key as a secret: pulumi config set --secret %s:%s <key>", Namespace, SecretVPNSharedKey)
		}
	default:
		bad("hybrid.mode", "%q: use None, HubPeering, ExpressRoute or VPN", c.Hybrid.Mode)
	}
	if c.Archetype == ArchetypeDev && c.Hybrid.Mode != HybridNone && c.Hybrid.Mode != HybridHubPeering {
		bad("hybrid.mode", "%s in the dev stack: development environments reach on-premises data through the hub (HubPeering) or not at all", c.Hybrid.Mode)
	}
}

// validateServices checks the endpoint kind, the gateway's publisher, the
// replication mode and the log retention.
func (c *Config) validateServices(cat *catalog.Catalog, bad complain) {
	if c.Endpoint.Kind != "OpenAI" && c.Endpoint.Kind != "AIServices" {
		bad("endpoint.kind", "%q: use OpenAI or AIServices", c.Endpoint.Kind)
	}
	if c.needsGateway(cat) && c.Gateway.PublisherEmail == "" {
		bad("gateway.publisherEmail", "is not set; API Management needs a publisher email (the team that owns the gateway)")
	}
	if c.Replication.Mode != ReplicationGeoRedundant && c.Replication.Mode != ReplicationObjectReplication {
		bad("replication.mode", "%q: use GeoRedundant or ObjectReplication", c.Replication.Mode)
	}
	if c.LogRetentionDays < 30 || c.LogRetentionDays > 730 {
		bad("logRetentionDays", "%d: Log Analytics keeps data 30 to 730 days", c.LogRetentionDays)
	}
}

// validateJumpbox checks the jumpbox's administrator groups and credential.
func (c *Config) validateJumpbox(bad complain) {
	for i, id := range c.Jumpbox.AdminGroupObjectIDs {
		if !guidRE.MatchString(id) {
			bad(fmt.Sprintf("jumpbox.adminGroupObjectIds[%d]", i), "%q is not an Entra ID object id (a GUID)", id)
		}
	}
	if _, pw := c.secrets[SecretJumpboxAdminPassword]; c.Jumpbox.SSHPublicKey == "" && !pw {
		bad("jumpbox.sshPublicKey", "is not set; give the jumpbox administrator's SSH public key (or the secret %s:%s)", Namespace, SecretJumpboxAdminPassword)
	}
}

// checkLifecycle checks ai-ready:lifecycleWarningDays and collects the lifecycle
// notices of every configured model version in every region.
func (c *Config) checkLifecycle(bad complain) {
	days := DefaultLifecycleWarningDays
	if c.LifecycleWarningDays != nil {
		days = *c.LifecycleWarningDays
	}
	if days < 0 || days > 3650 {
		bad("lifecycleWarningDays", "%d: give a number of days from 0 to 3650", days)
		return
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	c.notices = nil
	seen := map[string]bool{}
	for i, m := range c.Models {
		for _, r := range c.Regions {
			n, _ := c.Catalog().LifecycleNotice(m.Name, m.Version, m.DeploymentType, r.Location, now(), days)
			if n != "" && !seen[n] {
				seen[n] = true
				c.notices = append(c.notices, fmt.Sprintf("%s:models[%d]: %s", Namespace, i, n))
			}
		}
	}
}

// needsGateway reports whether the stack builds an API Management gateway: two or
// more regions with at least one regional (not global) deployment type.
func (c *Config) needsGateway(cat *catalog.Catalog) bool {
	if c.Archetype == ArchetypeDev || len(c.Regions) < 2 {
		return false
	}
	for _, m := range c.Models {
		if !cat.IsGlobal(m.DeploymentType) {
			return true
		}
	}
	return false
}

func pairOf(cat *catalog.Catalog, region string) string {
	if r, ok := cat.Regions[region]; ok && r.Pair != "" {
		return r.Pair
	}
	return "its paired region"
}

func unitOf(cat *catalog.Catalog, deploymentType string) string {
	if dt, ok := cat.DeploymentTypes[deploymentType]; ok {
		return "in " + dt.Unit
	}
	return "in the deployment type's unit"
}

// parentArchetypes are the estate archetypes each stack archetype may sit under
// (ParentNone first): internal AI under ALZ's corp, internet-facing AI under ALZ's
// online, development under ALZ's sandbox, any of them under landingzones.
var parentArchetypes = map[string][]string{
	ArchetypeCorp:   {policybaseline.ParentNone, "alz-landingzones", "alz-corp"},
	ArchetypeOnline: {policybaseline.ParentNone, "alz-landingzones", "alz-online"},
	ArchetypeDev:    {policybaseline.ParentNone, "alz-landingzones", "alz-sandbox"},
}

// validatePlacement checks managementGroup.parentArchetype against the stack's
// archetype and its hybrid connectivity.
func (c *Config) validatePlacement(bad complain) {
	parent := c.ManagementGroup.ParentArchetype
	allowed := parentArchetypes[c.Archetype]
	if parent == "" || len(allowed) == 0 {
		return
	}
	if !containsString(allowed, parent) {
		bad("managementGroup.parentArchetype", "%q for the %s stack: use one of %s (what the estate assigns above the group: %s AI belongs under %s)", parent, c.Archetype, strings.Join(allowed, ", "), c.Archetype, allowed[len(allowed)-1])
		return
	}
	if parent == "alz-corp" && (c.Hybrid.Mode == HybridExpressRoute || c.Hybrid.Mode == HybridVPN) {
		bad("managementGroup.parentArchetype", "alz-corp with hybrid.mode %s: the estate's corp group denies gateways in workload subscriptions (ALZ's Deny-HybridNetworking), so the stack's gateway would be refused; use hybrid.mode HubPeering, or place the group under landingzones (parentArchetype alz-landingzones)", c.Hybrid.Mode)
	}
}
