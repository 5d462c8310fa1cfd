package aiendpoint

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/conventions"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Keys of RegionalAIEndpointArgs.PrivateDNSZoneIDs, the same keys SecureNetwork
// exports its private DNS zone ids under.
const (
	// DNSKeyOpenAI is privatelink.openai.azure.com. Required.
	DNSKeyOpenAI = conventions.ZoneOpenAI
	// DNSKeyCognitiveServices is privatelink.cognitiveservices.azure.com. Required.
	DNSKeyCognitiveServices = conventions.ZoneCognitiveServices
	// DNSKeyAIServices is privatelink.services.ai.azure.com (AI Foundry). Required
	// for Kind AIServices; added to the zone group of an OpenAI account when present.
	DNSKeyAIServices = conventions.ZoneAIServices
)

// Built-in content filters (RAI policies) a deployment may name.
const (
	// ContentFilterDefaultV2 is the default content filter of new deployments.
	ContentFilterDefaultV2 = "Microsoft.DefaultV2"
	// ContentFilterDefault is the previous default content filter.
	ContentFilterDefault = "Microsoft.Default"
)

// DefaultSkuName is an account's pricing tier unless SkuName says otherwise.
const DefaultSkuName = "S0"

var upgradeOptions = []string{
	cognitiveservices.UpgradeOnceCurrentVersionExpired,
	cognitiveservices.UpgradeOnceNewDefaultVersionAvailable,
	cognitiveservices.UpgradeNoAutoUpgrade,
}

// RegionalAIEndpointArgs describe one region's Azure OpenAI / AI Services endpoint.
type RegionalAIEndpointArgs struct {
	// ResourceGroupName is the resource group of the account and its private
	// endpoint. Required.
	ResourceGroupName pulumi.StringInput

	// Location is the Azure region ("eastus2"). Required; it must offer Azure OpenAI
	// in the catalog, and every deployment's model version must be offered there.
	Location string

	// Archetype is "corp", "online", "dev" or "sandbox". Required. corp, dev and
	// sandbox turn public network access off; online keeps the public endpoint with
	// network ACLs that deny by default and admit no IP range (trusted Azure services
	// bypass them). All archetypes are reached through the private endpoint. A
	// user-named archetype (as ManagementGroupHierarchy accepts) behaves as
	// ArchetypeBase.
	Archetype string

	// ArchetypeBase is the built-in archetype a user-named Archetype behaves as
	// (corp, online, dev or sandbox). Required for a user-named Archetype, empty
	// for a built-in one.
	ArchetypeBase string

	// Production marks production resources: the account is protected and retained
	// on delete, and diagnostics are required. Default false.
	Production bool

	// Kind is "OpenAI" or "AIServices". Default "OpenAI".
	Kind string

	// SkuName is the account's pricing tier. Default "S0".
	SkuName string

	// CustomSubDomainName is the endpoint's globally unique DNS label
	// (https://<name>.openai.azure.com/): 2-64 lower-case letters, digits and
	// hyphens. Required: Entra ID authentication and private endpoints need it.
	CustomSubDomainName string

	// AccountName is the account's resource name (2-64 characters: letters, digits,
	// '.', '_' and '-'). Default CustomSubDomainName.
	AccountName string

	// AllowedFQDNs are the only hosts the account may call out to
	// (restrictOutboundNetworkAccess is always on), e.g. the storage account of
	// batch or fine-tuning data. Optional; empty allows no outbound calls.
	AllowedFQDNs []string

	// PrivateEndpointSubnetID is the subnet of the account's private endpoint.
	// Required.
	PrivateEndpointSubnetID pulumi.StringInput

	// PrivateDNSZoneIDs are the private DNS zone ids by key (DNSKey* constants; the
	// keys SecureNetwork's PrivateDNSZoneIDs use). Required: "openai" and
	// "cognitiveservices", and "aiservices" for Kind AIServices. The keys of a
	// pulumi.StringMap are checked by Validate; those of an Output when its value
	// is known.
	PrivateDNSZoneIDs pulumi.StringMapInput

	// LogAnalyticsWorkspaceID receives the account's logs (category groups allLogs
	// and audit) and metrics (AllMetrics). Required when Production; optional
	// otherwise (no diagnostic setting without it).
	LogAnalyticsWorkspaceID pulumi.StringInput

	// Deployments are the model deployments. Required: at least one. Azure runs one
	// deployment operation per account at a time, so they are created one after the
	// other, in this order.
	Deployments []ModelDeployment

	// ContentFilters are custom content filters (RAI policies) created on the
	// account before the deployments, which name them in ContentFilter. Optional.
	ContentFilters []ContentFilter

	// Encryption encrypts the account's data with a customer-managed key. Optional;
	// Microsoft-managed keys otherwise.
	Encryption *CustomerManagedKey

	// Tags are added to every taggable resource; the convention tags
	// (aiready-archetype, aiready-environment, aiready-component) win. Optional.
	Tags map[string]string

	// Catalog holds the regions, models and quotas deployments are checked against.
	// Default catalog.Default().
	Catalog *catalog.Catalog
}

// ModelDeployment is one model deployment of an endpoint.
type ModelDeployment struct {
	// Name is the deployment name clients call (the {deployment-id} of the OpenAI
	// API): 2-64 letters, digits, '.', '_' and '-', unique in the endpoint. Default
	// Model. Give the same name in every region behind a gateway.
	Name string
	// Model is the model name ("gpt-4o"). Required; it must be in the catalog.
	Model string
	// Version is the model version ("2024-11-20"). Required: a pinned version keeps
	// Azure from replacing the model under the deployment, and availability depends
	// on it (the catalog lists the regions per version).
	Version string
	// Format is the model format. Default: the catalog's format for the model ("OpenAI").
	Format string
	// DeploymentType is the deployment's sku.name: "GlobalStandard",
	// "DataZoneStandard", "Standard", "GlobalProvisionedManaged",
	// "DataZoneProvisionedManaged" or "ProvisionedManaged" (or a batch type).
	// Required; this version of the model must be offered with it in the
	// endpoint's region.
	DeploymentType string
	// Capacity is the deployment's size: thousands of tokens per minute for standard
	// types, PTUs for provisioned ones. Required: at least 1 and, summed over the
	// endpoint's deployments of the same model and type, within the catalog's quota.
	Capacity int
	// VersionUpgradeOption is "OnceCurrentVersionExpired" (default: the version
	// changes only when it retires), "OnceNewDefaultVersionAvailable" or
	// "NoAutoUpgrade".
	VersionUpgradeOption string
	// ContentFilter is the RAI policy: "Microsoft.DefaultV2" (default),
	// "Microsoft.Default", or the Name of one of the endpoint's ContentFilters.
	ContentFilter string
}

// ContentFilter is a custom content filter (RAI policy) of an endpoint.
type ContentFilter struct {
	// Name is the filter's name (letters, digits, '.', '_', '-'; not "Microsoft.*").
	// Required, unique in the endpoint.
	Name string
	// BasePolicyName is the policy it derives from. Default "Microsoft.DefaultV2".
	BasePolicyName string
	// Mode is "Default", "Blocking" or "Asynchronous_filter". Default "Default".
	Mode string
	// Filters are the per-category settings. Required: at least one.
	Filters []ContentFilterRule
}

// ContentFilterRule configures one category on prompts or completions.
type ContentFilterRule struct {
	// Category is "Hate", "Sexual", "Violence", "Selfharm", "Jailbreak",
	// "Indirect Attack", "Protected Material Text", "Protected Material Code" or
	// "Profanity". Required.
	Category string
	// Source is "Prompt" or "Completion". Required.
	Source string
	// SeverityThreshold is "Low", "Medium" or "High": the lowest severity filtered.
	// Required for Hate, Sexual, Violence and Selfharm; empty for the others.
	SeverityThreshold string
	// AnnotateOnly marks matching content instead of blocking it. Default false:
	// matching content is blocked.
	AnnotateOnly bool
	// Disabled turns the category off. Default false (enabled).
	Disabled bool
}

// CustomerManagedKey encrypts an account with a key in Key Vault, read through a
// user-assigned identity (a system-assigned one does not exist before the account).
type CustomerManagedKey struct {
	// KeyVaultURI is the vault's URI (https://<vault>.vault.azure.net/). Required.
	KeyVaultURI pulumi.StringInput
	// KeyName is the key's name. Required.
	KeyName pulumi.StringInput
	// KeyVersion pins a key version. Optional; the latest version otherwise.
	KeyVersion pulumi.StringPtrInput
	// UserAssignedIdentityID is the identity's resource id, attached to the account.
	// Required.
	UserAssignedIdentityID pulumi.StringInput
	// IdentityClientID is the same identity's client id. Required.
	IdentityClientID pulumi.StringInput
}

var harmCategories = []string{"Hate", "Sexual", "Violence", "Selfharm"}

var filterCategories = []string{"Hate", "Sexual", "Violence", "Selfharm", "Jailbreak", "Indirect Attack", "Protected Material Text", "Protected Material Code", "Profanity"}

// Validate checks the arguments without registering anything and returns every
// problem found, each naming the field, the value and the fix. NewRegionalAIEndpoint
// calls it first; stacks call it to check a whole configuration up front.
func (a *RegionalAIEndpointArgs) Validate() error {
	if a == nil {
		return errors.New("RegionalAIEndpointArgs are required")
	}
	cat := a.catalog()
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if a.ResourceGroupName == nil {
		add(errors.New("ResourceGroupName is required: the resource group of the account"))
	}
	regionOK := false
	if a.Location == "" {
		add(errors.New("Location is required: the Azure region of the endpoint, e.g. \"eastus2\""))
	} else if err := cat.RequireService(a.Location, catalog.ServiceOpenAI); err != nil {
		add(fmt.Errorf("Location: %w", err))
	} else {
		regionOK = true
	}
	add(checkArchetype(a.Archetype, a.ArchetypeBase))
	if k := a.kind(); k != cognitiveservices.KindOpenAI && k != cognitiveservices.KindAIServices {
		add(fmt.Errorf("Kind: %q is not an AI endpoint kind; use %q or %q", a.Kind, cognitiveservices.KindOpenAI, cognitiveservices.KindAIServices))
	}
	add(checkSubdomain("CustomSubDomainName", a.CustomSubDomainName))
	if a.AccountName != "" {
		add(checkName("AccountName", a.AccountName, "account name", resourceNameRE, 2, 64, resourceNameChars))
	}
	for i, f := range a.AllowedFQDNs {
		add(checkFQDN(fmt.Sprintf("AllowedFQDNs[%d]", i), f))
	}
	if a.PrivateEndpointSubnetID == nil {
		add(errors.New("PrivateEndpointSubnetID is required: the subnet of the account's private endpoint (SecureNetwork's private-endpoints subnet)"))
	}
	add(a.checkDNSZones())
	if a.Production && a.LogAnalyticsWorkspaceID == nil {
		add(errors.New("LogAnalyticsWorkspaceID is required in production: the account's logs and metrics must reach a Log Analytics workspace"))
	}
	if e := a.Encryption; e != nil {
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"KeyVaultURI", e.KeyVaultURI != nil},
			{"KeyName", e.KeyName != nil},
			{"UserAssignedIdentityID", e.UserAssignedIdentityID != nil},
			{"IdentityClientID", e.IdentityClientID != nil},
		} {
			if !f.set {
				add(fmt.Errorf("Encryption.%s is required with a customer-managed key", f.name))
			}
		}
	}
	filters := map[string]bool{}
	for i, f := range a.ContentFilters {
		add(checkContentFilter(i, f, filters))
	}
	if len(a.Deployments) == 0 {
		add(errors.New("Deployments: at least one model deployment is required"))
	}
	names := map[string]int{}
	for i, d := range a.Deployments {
		errs = append(errs, a.checkDeployment(cat, i, d, regionOK, filters, names)...)
	}
	if regionOK {
		add(a.checkQuota(cat))
	}
	return joinErrors(errs)
}

func (a *RegionalAIEndpointArgs) catalog() *catalog.Catalog { return catalogOr(a.Catalog) }

func (a *RegionalAIEndpointArgs) kind() string {
	if a.Kind == "" {
		return cognitiveservices.KindOpenAI
	}
	return a.Kind
}

func (a *RegionalAIEndpointArgs) accountName() string {
	if a.AccountName != "" {
		return a.AccountName
	}
	return a.CustomSubDomainName
}

func (a *RegionalAIEndpointArgs) skuName() string {
	if a.SkuName != "" {
		return a.SkuName
	}
	return DefaultSkuName
}

// requiredDNSKeys are the zone keys the account's zone group must have.
func (a *RegionalAIEndpointArgs) requiredDNSKeys() []string {
	keys := []string{DNSKeyOpenAI, DNSKeyCognitiveServices}
	if a.kind() == cognitiveservices.KindAIServices {
		keys = append(keys, DNSKeyAIServices)
	}
	return keys
}

func (a *RegionalAIEndpointArgs) checkDNSZones() error {
	if a.PrivateDNSZoneIDs == nil {
		return fmt.Errorf("PrivateDNSZoneIDs is required: the private DNS zone ids by key, with %s (SecureNetwork's PrivateDNSZoneIDs)", quoteAll(a.requiredDNSKeys()))
	}
	m, ok := a.PrivateDNSZoneIDs.(pulumi.StringMap)
	if !ok {
		return nil // an Output: checked when its value is known
	}
	var missing []string
	for _, k := range a.requiredDNSKeys() {
		if v, ok := m[k]; !ok || v == nil {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("PrivateDNSZoneIDs: no zone id for %s; a %s account resolves its private endpoint through %s", quoteAll(missing), a.kind(), quoteAll(a.requiredDNSKeys()))
	}
	return nil
}

func checkContentFilter(i int, f ContentFilter, seen map[string]bool) error {
	field := fmt.Sprintf("ContentFilters[%d]", i)
	var errs []error
	switch {
	case f.Name == "":
		errs = append(errs, fmt.Errorf("%s.Name is required", field))
	case strings.HasPrefix(strings.ToLower(f.Name), "microsoft."):
		errs = append(errs, fmt.Errorf("%s.Name: %q is reserved for built-in filters; choose a name without the \"Microsoft.\" prefix", field, f.Name))
	case seen[strings.ToLower(f.Name)]:
		errs = append(errs, fmt.Errorf("%s.Name: %q is used by another content filter", field, f.Name))
	default:
		if err := checkName(field+".Name", f.Name, "content filter name", resourceNameRE, 2, 64, resourceNameChars); err != nil {
			errs = append(errs, err)
		}
		seen[strings.ToLower(f.Name)] = true
	}
	if f.Mode != "" && !slices.Contains([]string{cognitiveservices.RaiModeDefault, cognitiveservices.RaiModeBlocking, cognitiveservices.RaiModeAsynchronous}, f.Mode) {
		errs = append(errs, fmt.Errorf("%s.Mode: %q is not a mode; use \"Default\", \"Blocking\" or \"Asynchronous_filter\"", field, f.Mode))
	}
	if len(f.Filters) == 0 {
		errs = append(errs, fmt.Errorf("%s.Filters: at least one category setting is required", field))
	}
	for j, r := range f.Filters {
		rf := fmt.Sprintf("%s.Filters[%d]", field, j)
		if !slices.Contains(filterCategories, r.Category) {
			errs = append(errs, fmt.Errorf("%s.Category: %q is not a content filter category; use one of %s", rf, r.Category, strings.Join(filterCategories, ", ")))
		}
		if r.Source != cognitiveservices.ContentSourcePrompt && r.Source != cognitiveservices.ContentSourceCompletion {
			errs = append(errs, fmt.Errorf("%s.Source: %q must be \"Prompt\" or \"Completion\"", rf, r.Source))
		}
		switch {
		case slices.Contains(harmCategories, r.Category) && !slices.Contains([]string{"Low", "Medium", "High"}, r.SeverityThreshold):
			errs = append(errs, fmt.Errorf("%s.SeverityThreshold: %q must be \"Low\", \"Medium\" or \"High\" for %s", rf, r.SeverityThreshold, r.Category))
		case !slices.Contains(harmCategories, r.Category) && r.SeverityThreshold != "":
			errs = append(errs, fmt.Errorf("%s.SeverityThreshold: %s has no severity levels; leave it empty", rf, r.Category))
		}
	}
	return joinErrors(errs)
}

// checkDeployment validates one deployment; names collects the names seen.
func (a *RegionalAIEndpointArgs) checkDeployment(cat *catalog.Catalog, i int, d ModelDeployment, regionOK bool, filters map[string]bool, names map[string]int) []error {
	field := fmt.Sprintf("Deployments[%d]", i)
	var errs []error
	if err := checkDeploymentName(field, i, d.name(), names); err != nil {
		errs = append(errs, err)
	}
	modelErrs, modelOK, versionOK := checkModelVersion(cat, field, d)
	errs = append(errs, modelErrs...)
	typeOK := true
	if d.DeploymentType == "" {
		errs = append(errs, fmt.Errorf("%s.DeploymentType is required; use one of %s", field, strings.Join(cat.DeploymentTypeNames(), ", ")))
		typeOK = false
	} else if _, err := cat.DeploymentType(d.DeploymentType); err != nil {
		errs = append(errs, fmt.Errorf("%s.DeploymentType: %w", field, err))
		typeOK = false
	}
	capOK := true
	if d.Capacity <= 0 {
		unit := "units"
		if dt, err := cat.DeploymentType(d.DeploymentType); err == nil {
			unit = dt.Unit
		}
		errs = append(errs, fmt.Errorf("%s.Capacity: %d must be at least 1 (%s)", field, d.Capacity, unit))
		capOK = false
	}
	if regionOK && modelOK && versionOK && typeOK && capOK {
		if err := cat.CheckDeployment(catalog.Deployment{Region: a.Location, Model: d.Model, Version: d.Version, DeploymentType: d.DeploymentType, Capacity: d.Capacity}); err != nil {
			sub := ""
			if errors.Is(err, catalog.ErrQuota) {
				sub = ".Capacity"
			}
			errs = append(errs, fmt.Errorf("%s%s: %w", field, sub, err))
		}
	}
	if o := d.VersionUpgradeOption; o != "" && !slices.Contains(upgradeOptions, o) {
		errs = append(errs, fmt.Errorf("%s.VersionUpgradeOption: %q is not an option; use one of %s", field, o, strings.Join(upgradeOptions, ", ")))
	}
	if f := d.ContentFilter; f != "" && f != ContentFilterDefaultV2 && f != ContentFilterDefault && !filters[strings.ToLower(f)] {
		errs = append(errs, fmt.Errorf("%s.ContentFilter: %q is neither a built-in filter (%q, %q) nor the Name of one of ContentFilters", field, f, ContentFilterDefaultV2, ContentFilterDefault))
	}
	return errs
}

// checkDeploymentName checks Deployments[i].Name: a valid name, unique in the
// account (names maps lower-case names to their index).
func checkDeploymentName(field string, i int, name string, names map[string]int) error {
	if err := checkName(field+".Name", name, "deployment name", resourceNameRE, 2, 64, resourceNameChars); err != nil {
		return err
	}
	if j, dup := names[strings.ToLower(name)]; dup {
		return fmt.Errorf("%s.Name: %q is already the name of Deployments[%d]; deployment names are unique in an account", field, name, j)
	}
	names[strings.ToLower(name)] = i
	return nil
}

// checkModelVersion checks a deployment's model and version against the catalog;
// it reports whether each is known.
func checkModelVersion(cat *catalog.Catalog, field string, d ModelDeployment) (errs []error, modelOK, versionOK bool) {
	model, err := cat.Model(d.Model)
	modelOK = err == nil
	if d.Model == "" {
		errs = append(errs, fmt.Errorf("%s.Model is required, e.g. \"gpt-4o\"", field))
		modelOK = false
	} else if err != nil {
		errs = append(errs, fmt.Errorf("%s.Model: %w", field, err))
	}
	versionOK = d.Version != ""
	if d.Version == "" {
		hint := ""
		if modelOK {
			hint = fmt.Sprintf(" (%s)", strings.Join(model.VersionNames(), ", "))
		}
		errs = append(errs, fmt.Errorf("%s.Version is required: pin the model version%s so that Azure does not change the model under the deployment", field, hint))
	} else if modelOK {
		if _, err := cat.ModelVersion(d.Model, d.Version); err != nil {
			versionOK = false
			errs = append(errs, fmt.Errorf("%s.Version: %w", field, err))
		}
	}
	return errs, modelOK, versionOK
}

// checkQuota sums the capacities of each model and deployment type: the quota is
// per subscription, region, model and type, so the deployments of one account share it.
func (a *RegionalAIEndpointArgs) checkQuota(cat *catalog.Catalog) error {
	var uses []quotaUse
	for i, d := range a.Deployments {
		uses = append(uses, quotaUse{region: a.Location, model: d.Model, dtype: d.DeploymentType, capacity: d.Capacity, source: fmt.Sprintf("Deployments[%d]", i)})
	}
	// A single deployment's own quota is checked with the deployment.
	several := func(group []quotaUse) bool { return len(group) > 1 }
	var errs []error
	for _, x := range overQuota(cat, uses, several) {
		errs = append(errs, fmt.Errorf("Deployments: model %q as %s in %q totals capacity %d (%s), which is %w: %s; lower the capacities or request more quota from Azure support",
			x.model, x.dtype, x.region, x.total, strings.Join(x.shares, ", "), catalog.ErrQuota, x.what))
	}
	return joinErrors(errs)
}

// quotaUse is one deployment's share of a quota, which Azure counts per
// subscription, region, model and deployment type.
type quotaUse struct {
	region, model, dtype string
	capacity             int
	// source names the deployment in messages.
	source string
	// endpoint is the index of the endpoint the deployment belongs to.
	endpoint int
}

// quotaExcess is a group of deployments whose capacities exceed their quota.
type quotaExcess struct {
	region, model, dtype string
	total, quota         int
	// what says what the quota is (the default, or what is left of the
	// subscription's per an import).
	what string
	// shares are "<source> <capacity>" of each deployment.
	shares []string
}

// overQuota groups uses by region, model and deployment type and returns, in a
// stable order, the groups that check selects and whose total exceeds the
// catalog's quota (what is left of the subscription's when the catalog has an
// import). Uses without a capacity, model or type are left out: their own
// validation reports them.
func overQuota(cat *catalog.Catalog, uses []quotaUse, check func(group []quotaUse) bool) []quotaExcess {
	type key struct{ region, model, dtype string }
	groups := map[key][]quotaUse{}
	var order []key
	for _, u := range uses {
		if u.capacity <= 0 || u.model == "" || u.dtype == "" {
			continue
		}
		k := key{u.region, u.model, u.dtype}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], u)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.region != b.region {
			return a.region < b.region
		}
		if a.model != b.model {
			return a.model < b.model
		}
		return a.dtype < b.dtype
	})
	var out []quotaExcess
	for _, k := range order {
		group := groups[k]
		if !check(group) {
			continue
		}
		x := quotaExcess{region: k.region, model: k.model, dtype: k.dtype}
		x.quota, x.what = cat.QuotaFor(k.region, k.model, k.dtype)
		_, _, imported := cat.Remaining(k.region, k.model, k.dtype)
		for _, u := range group {
			x.total += u.capacity
			x.shares = append(x.shares, fmt.Sprintf("%s %d", u.source, u.capacity))
		}
		if (x.quota > 0 || imported) && x.total > x.quota {
			out = append(out, x)
		}
	}
	return out
}

func (d ModelDeployment) name() string {
	if d.Name != "" {
		return d.Name
	}
	return d.Model
}

// withDefaults returns the deployment with its defaults filled in.
func (d ModelDeployment) withDefaults(cat *catalog.Catalog) ModelDeployment {
	d.Name = d.name()
	if d.Format == "" {
		if m, err := cat.Model(d.Model); err == nil && m.Format != "" {
			d.Format = m.Format
		} else {
			d.Format = "OpenAI"
		}
	}
	if d.VersionUpgradeOption == "" {
		d.VersionUpgradeOption = cognitiveservices.UpgradeOnceCurrentVersionExpired
	}
	if d.ContentFilter == "" {
		d.ContentFilter = ContentFilterDefaultV2
	}
	return d
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
