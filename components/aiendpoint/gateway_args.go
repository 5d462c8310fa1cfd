package aiendpoint

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/catalog"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Limits of an API Management pool.
const (
	// MinGatewayMembers is the fewest members a gateway balances across.
	MinGatewayMembers = 2
	// MaxPoolMembers is the most backends an API Management pool holds.
	MaxPoolMembers = apimanagement.MaxPoolMembers
)

// Defaults of the members' circuit breaker and the API's retry.
const (
	DefaultFailureCount   = 1
	DefaultFailureWindow  = time.Minute
	DefaultTripDuration   = time.Minute
	maxCircuitBreakerTime = 24 * time.Hour
	maxRetryCount         = 10
)

// GatewayArgs describe an API Management gateway in front of regional endpoints.
type GatewayArgs struct {
	// ResourceGroupName is the resource group of the service. Required.
	ResourceGroupName pulumi.StringInput

	// Location is the service's region. Required; it must offer API Management.
	Location string

	// Archetype is "corp", "online", "dev" or "sandbox". Required. online injects
	// the service in External mode (a public gateway endpoint); the others in
	// Internal mode (reachable only from the network and its peers). A user-named
	// archetype behaves as ArchetypeBase.
	Archetype string

	// ArchetypeBase is the built-in archetype a user-named Archetype behaves as
	// (corp, online, dev or sandbox). Required for a user-named Archetype, empty
	// for a built-in one.
	ArchetypeBase string

	// Production selects Premium by default, refuses Developer (no SLA), and
	// protects the service. Default false.
	Production bool

	// ServiceName is the globally unique service name (<name>.azure-api.net): 1-50
	// letters, digits and hyphens, starting with a letter. Required.
	ServiceName string

	// PublisherEmail receives API Management's system notifications. Required.
	PublisherEmail string

	// PublisherName is the organisation's name (at most 100 characters). Required.
	PublisherName string

	// SkuName is "Developer" or "Premium", the tiers that can be injected into a
	// virtual network. Default Developer, Premium when Production.
	SkuName string

	// Capacity is the number of units. Default 1; Developer has exactly 1; with
	// Zones, a multiple of the number of zones.
	Capacity int

	// Zones are availability zones ("1", "2", "3") for Premium. Optional.
	Zones []string

	// SubnetID is the subnet the service is injected into (SecureNetwork's gateway
	// subnet, with the NSG rules API Management needs). Required.
	SubnetID pulumi.StringInput

	// PublicIPAddressID is a Standard static public IPv4 address with a DNS label
	// for the service. Optional: without it the component creates one in External
	// mode (online) and leaves Azure to manage the management address in Internal
	// mode.
	PublicIPAddressID pulumi.StringInput

	// PrivateDNS configures the private DNS zone that makes an Internal gateway's
	// host name resolve (see GatewayPrivateDNS). Optional; the zero value links the
	// zone to the network of SubnetID. Internal mode only.
	PrivateDNS GatewayPrivateDNS

	// Members are the regional endpoints of the pool, in different regions.
	// Required: between 2 and 30. RegionalAIEndpoint.Member builds one.
	Members []GatewayMember

	// AllowGlobalOnly builds the gateway even when every member has only global or
	// data-zone deployment types, which route across regions on their own. Default
	// false: NewAIGateway refuses such a gateway.
	AllowGlobalOnly bool

	// CircuitBreaker sets the members' circuit breaker. Optional; zero values take
	// the defaults.
	CircuitBreaker CircuitBreaker

	// RetryCount is how many times the API retries a request that got 429 or a 5xx
	// (each retry goes back through the pool). Default: the number of members minus
	// one; at most 10.
	RetryCount int

	// SubscriptionKeyNotRequired lets callers in without an API Management
	// subscription key. Default false: callers pass a key in the "api-key" header,
	// where the OpenAI SDKs put it.
	SubscriptionKeyNotRequired bool

	// LogAnalyticsWorkspaceID receives the service's logs and metrics. Required when
	// Production; optional otherwise.
	LogAnalyticsWorkspaceID pulumi.StringInput

	// Tags are added to every taggable resource; the convention tags win. Optional.
	Tags map[string]string

	// Catalog holds the regions and deployment types. Default catalog.Default().
	Catalog *catalog.Catalog
}

// GatewayMember is one regional endpoint behind a gateway.
type GatewayMember struct {
	// Region is the endpoint's region. Required, unique among the members.
	Region string
	// Endpoint is the account's endpoint ("https://<subdomain>.openai.azure.com/").
	// Required.
	Endpoint pulumi.StringInput
	// AccountID is the account's resource id: the scope of the gateway's role
	// assignment. Required.
	AccountID pulumi.StringInput
	// DeploymentTypes are the deployment types the endpoint serves. Required: at
	// least one.
	DeploymentTypes []string
	// Priority is 0-100: the pool sends requests to the lowest priority whose
	// members are not tripped. Default 0 (every member in one group).
	Priority int
	// Weight is 0-100: the share of requests within a priority group. 0 means the
	// default, 1 (equal shares).
	Weight int
	// BackendName is the member's backend id in the service. Default "openai-<region>".
	BackendName string
}

// CircuitBreaker is the trip rule of every member backend: it trips on 429 and on
// 500-599, and honours the backend's Retry-After.
type CircuitBreaker struct {
	// FailureCount is how many failures within FailureWindow trip the circuit. Default 1.
	FailureCount int
	// FailureWindow is the counting window, in whole seconds. Default 1 minute.
	FailureWindow time.Duration
	// TripDuration is how long the circuit stays open without a Retry-After, in
	// whole seconds. Default 1 minute.
	TripDuration time.Duration
}

// Validate checks the arguments without registering anything and returns every
// problem found, each naming the field, the value and the fix. NewAIGateway calls it
// first; stacks call it to check a whole configuration up front.
func (a *GatewayArgs) Validate() error {
	if a == nil {
		return errors.New("GatewayArgs are required")
	}
	cat := a.catalog()
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if a.ResourceGroupName == nil {
		add(errors.New("ResourceGroupName is required: the resource group of the API Management service"))
	}
	if a.Location == "" {
		add(errors.New("Location is required: the region of the API Management service, e.g. \"eastus2\""))
	} else if err := cat.RequireService(a.Location, catalog.ServiceAPIM); err != nil {
		add(fmt.Errorf("Location: %w", err))
	}
	add(checkArchetype(a.Archetype, a.ArchetypeBase))
	if a.ServiceName == "" {
		add(errors.New("ServiceName is required: the globally unique name of the service (<name>.azure-api.net)"))
	} else {
		add(checkName("ServiceName", a.ServiceName, "API Management service name", serviceNameRE, 1, 50, "letters, digits and hyphens, starting with a letter and not ending with a hyphen"))
	}
	add(checkEmail("PublisherEmail", a.PublisherEmail))
	switch {
	case strings.TrimSpace(a.PublisherName) == "":
		add(errors.New("PublisherName is required: the organisation's name shown to API consumers"))
	case len(a.PublisherName) > 100:
		add(fmt.Errorf("PublisherName: %d characters; at most 100", len(a.PublisherName)))
	}
	errs = append(errs, a.checkSku()...)
	if a.SubnetID == nil {
		add(errors.New("SubnetID is required: the subnet API Management is injected into"))
	}
	if a.Production && a.LogAnalyticsWorkspaceID == nil {
		add(errors.New("LogAnalyticsWorkspaceID is required in production: the gateway's logs and metrics must reach a Log Analytics workspace"))
	}
	errs = append(errs, a.checkPrivateDNS()...)
	errs = append(errs, a.checkMembers(cat)...)
	cb := a.CircuitBreaker
	if cb.FailureCount < 0 {
		add(fmt.Errorf("CircuitBreaker.FailureCount: %d must be at least 1 (0 takes the default, %d)", cb.FailureCount, DefaultFailureCount))
	}
	if cb.FailureWindow != 0 {
		add(checkDuration("CircuitBreaker.FailureWindow", cb.FailureWindow, maxCircuitBreakerTime))
	}
	if cb.TripDuration != 0 {
		add(checkDuration("CircuitBreaker.TripDuration", cb.TripDuration, maxCircuitBreakerTime))
	}
	if a.RetryCount < 0 || a.RetryCount > maxRetryCount {
		add(fmt.Errorf("RetryCount: %d must be between 1 and %d (0 takes the default, the number of members minus one)", a.RetryCount, maxRetryCount))
	}
	return joinErrors(errs)
}

func (a *GatewayArgs) checkSku() []error {
	var errs []error
	sku := a.skuName()
	switch sku {
	case apimanagement.SkuDeveloper:
		if a.Production {
			errs = append(errs, errors.New("SkuName: Developer has no SLA and no zone redundancy and is not for production; use \"Premium\""))
		}
		if a.Capacity > 1 {
			errs = append(errs, fmt.Errorf("Capacity: %d; the Developer tier has exactly 1 unit", a.Capacity))
		}
		if len(a.Zones) > 0 {
			errs = append(errs, errors.New("Zones: availability zones need the Premium tier"))
		}
	case apimanagement.SkuPremium:
	default:
		errs = append(errs, fmt.Errorf("SkuName: %q cannot be injected into a virtual network (Internal or External mode); use \"Developer\" or \"Premium\"", sku))
	}
	if a.Capacity < 0 {
		errs = append(errs, fmt.Errorf("Capacity: %d must be at least 1 (0 takes the default, 1)", a.Capacity))
	}
	seen := map[string]bool{}
	for i, z := range a.Zones {
		switch {
		case z != "1" && z != "2" && z != "3":
			errs = append(errs, fmt.Errorf("Zones[%d]: %q is not an availability zone; use \"1\", \"2\" or \"3\"", i, z))
		case seen[z]:
			errs = append(errs, fmt.Errorf("Zones[%d]: zone %q is listed twice", i, z))
		}
		seen[z] = true
	}
	if n := len(a.Zones); n > 0 && a.capacity()%n != 0 {
		errs = append(errs, fmt.Errorf("Capacity: %d units cannot be spread evenly over %d zones; use a multiple of %d", a.capacity(), n, n))
	}
	return errs
}

func (a *GatewayArgs) checkMembers(cat *catalog.Catalog) []error {
	var errs []error
	switch n := len(a.Members); {
	case n < MinGatewayMembers:
		errs = append(errs, fmt.Errorf("Members: %d given; a gateway balances across regions and needs at least %d regional endpoints in different regions", n, MinGatewayMembers))
	case n > MaxPoolMembers:
		errs = append(errs, fmt.Errorf("Members: %d given; an API Management pool holds at most %d backends", n, MaxPoolMembers))
	}
	regions := map[string]int{}
	backends := map[string]int{}
	for i, m := range a.Members {
		field := fmt.Sprintf("Members[%d]", i)
		if m.Region == "" {
			errs = append(errs, fmt.Errorf("%s.Region is required: the endpoint's region", field))
		} else if _, err := cat.Region(m.Region); err != nil {
			errs = append(errs, fmt.Errorf("%s.Region: %w", field, err))
		} else if j, dup := regions[m.Region]; dup {
			errs = append(errs, fmt.Errorf("%s.Region: %q is also the region of Members[%d]; a gateway balances across regions, so give each region one endpoint (the primary and the secondary region must differ)", field, m.Region, j))
		} else {
			regions[m.Region] = i
		}
		name := m.backendName()
		if err := checkName(field+".BackendName", name, "backend name", resourceNameRE, 1, 80, resourceNameChars); err != nil {
			errs = append(errs, err)
		} else if j, dup := backends[strings.ToLower(name)]; dup {
			errs = append(errs, fmt.Errorf("%s.BackendName: %q is also the backend of Members[%d]; backend names are unique in the service", field, name, j))
		} else if strings.EqualFold(name, poolBackendName) {
			errs = append(errs, fmt.Errorf("%s.BackendName: %q is the pool's backend name; choose another", field, name))
		} else {
			backends[strings.ToLower(name)] = i
		}
		if m.Endpoint == nil {
			errs = append(errs, fmt.Errorf("%s.Endpoint is required: the account's endpoint URL (RegionalAIEndpoint.Endpoint)", field))
		}
		if m.AccountID == nil {
			errs = append(errs, fmt.Errorf("%s.AccountID is required: the account's resource id, the scope of the gateway's role assignment", field))
		}
		if len(m.DeploymentTypes) == 0 {
			errs = append(errs, fmt.Errorf("%s.DeploymentTypes: at least one deployment type is required (RegionalAIEndpoint.DeploymentTypes)", field))
		}
		for j, dt := range m.DeploymentTypes {
			if _, err := cat.DeploymentType(dt); err != nil {
				errs = append(errs, fmt.Errorf("%s.DeploymentTypes[%d]: %w", field, j, err))
			}
		}
		if m.Priority < 0 || m.Priority > 100 {
			errs = append(errs, fmt.Errorf("%s.Priority: %d must be between 0 and 100 (lower is tried first)", field, m.Priority))
		}
		if m.Weight < 0 || m.Weight > 100 {
			errs = append(errs, fmt.Errorf("%s.Weight: %d must be between 0 and 100 (0 takes the default, 1)", field, m.Weight))
		}
	}
	if err := a.checkGlobalOnly(cat); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// checkGlobalOnly refuses a gateway whose members serve only global or data-zone
// deployment types, unless AllowGlobalOnly.
func (a *GatewayArgs) checkGlobalOnly(cat *catalog.Catalog) error {
	if a.AllowGlobalOnly || len(a.Members) == 0 {
		return nil
	}
	var desc []string
	for _, m := range a.Members {
		if len(m.DeploymentTypes) == 0 {
			return nil
		}
		for _, dt := range m.DeploymentTypes {
			if !cat.IsGlobal(dt) {
				return nil
			}
		}
		desc = append(desc, fmt.Sprintf("%s: %s", m.Region, strings.Join(m.DeploymentTypes, ", ")))
	}
	var regional []string
	for _, dt := range cat.DeploymentTypeNames() {
		if !cat.IsGlobal(dt) {
			regional = append(regional, dt)
		}
	}
	return fmt.Errorf("Members: every member has only global or data-zone deployment types (%s); these deployments already route requests across regions with available capacity, so a gateway adds nothing for regional redundancy: drop the gateway, deploy a regional type (%s), or set AllowGlobalOnly to build it anyway",
		strings.Join(desc, "; "), strings.Join(regional, ", "))
}

func (a *GatewayArgs) catalog() *catalog.Catalog { return catalogOr(a.Catalog) }

func (a *GatewayArgs) skuName() string {
	switch {
	case a.SkuName != "":
		return a.SkuName
	case a.Production:
		return apimanagement.SkuPremium
	default:
		return apimanagement.SkuDeveloper
	}
}

func (a *GatewayArgs) capacity() int {
	if a.Capacity > 0 {
		return a.Capacity
	}
	return 1
}

func (a *GatewayArgs) virtualNetworkType() string {
	if behavesAs(a.Archetype, a.ArchetypeBase) == ArchetypeOnline {
		return apimanagement.VirtualNetworkExternal
	}
	return apimanagement.VirtualNetworkInternal
}

func (a *GatewayArgs) retryCount() int {
	if a.RetryCount > 0 {
		return a.RetryCount
	}
	return max(1, min(len(a.Members)-1, maxRetryCount))
}

func (c CircuitBreaker) withDefaults() CircuitBreaker {
	if c.FailureCount == 0 {
		c.FailureCount = DefaultFailureCount
	}
	if c.FailureWindow == 0 {
		c.FailureWindow = DefaultFailureWindow
	}
	if c.TripDuration == 0 {
		c.TripDuration = DefaultTripDuration
	}
	return c
}

func (m GatewayMember) backendName() string {
	if m.BackendName != "" {
		return m.BackendName
	}
	return "openai-" + m.Region
}

func (m GatewayMember) weight() int {
	if m.Weight == 0 {
		return 1
	}
	return m.Weight
}
