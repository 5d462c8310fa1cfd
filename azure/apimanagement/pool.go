package apimanagement

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Pool limits and the ARM names of a backend (API 2024-05-01: pool.services holds
// 1 to 30 members, each with a priority and a weight from 0 to 100; a backend id is
// 1 to 80 characters without * # & + : < > ?).
const (
	MaxPoolMembers     = 30
	maxPoolPriority    = 100
	maxPoolWeight      = 100
	maxBackendIDLength = 80
	maxTitleLength     = 300
	maxDescription     = 2000
	// BackendResourceType is the ARM type of a backend.
	BackendResourceType = "Microsoft.ApiManagement/service/backends"
	// BackendAPIVersion is the API version the pool is deployed with, the version
	// of the package's other resources.
	BackendAPIVersion = "2024-05-01"
	// DeploymentType is the type token of the deployment that declares a pool.
	DeploymentType    = "azure-native:resources:Deployment"
	armTemplateSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
	maxDeploymentName = 64
)

var (
	// backendIDRE is the REST specification's backendId pattern, without the
	// characters that would break the template's names and expressions (/ and ').
	backendIDRE = regexp.MustCompile(`^[^*#&+:<>?/']+$`)
	// serviceNameRE is Azure's rule for an API Management service name.
	serviceNameRE    = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$`)
	deploymentNameRE = regexp.MustCompile(`^[-\w._()]+$`)
)

// PoolArgs describe a load-balanced pool backend. The pool is declared in an ARM
// template that a resources:Deployment deploys, because the Backend resource cannot
// create one: its schema requires url and protocol, azure-native's Check refuses an
// empty url (minLength 1), and ARM refuses any url or protocol on a pool ("Url is
// not supported for backend pool"; Azure/bicep#14097,
// Azure/azure-rest-api-specs#35713). The template's backend has type and pool only,
// with the title and description when given.
type PoolArgs struct {
	// ResourceGroupName is the service's resource group; the deployment runs there.
	// Required.
	ResourceGroupName pulumi.StringInput
	// ServiceName is the API Management service's name. Required.
	ServiceName string
	// BackendID is the pool's backend id, the backend-id a set-backend-service policy
	// names: 1-80 characters, none of * # & + : < > ? / '. Required.
	BackendID string
	// Members are the pool's member backends, single backends of the same service.
	// Required: 1 to 30, each backend once.
	Members []PoolMember
	// Title is a display title, at most 300 characters. Optional.
	Title string
	// Description is free text, at most 2000 characters. Optional.
	Description string
	// DeploymentName names the deployment in the resource group's history: 1-64
	// letters, digits, '-', '_', '.', '(' and ')'. Optional; default
	// "<ServiceName>-<BackendID>".
	DeploymentName string
}

// PoolMember is one backend of a pool.
type PoolMember struct {
	// BackendID is the member's backend id in the service. Required.
	BackendID string
	// Backend is the member's resource: the deployment waits for it, since ARM
	// refuses a pool member that does not exist yet. Optional when the backend exists
	// outside the program.
	Backend pulumi.Resource
	// Priority is 0-100: the pool sends requests to the lowest priority whose
	// members are not tripped. Sent as given.
	Priority int
	// Weight is 0-100: the share of requests within a priority. Sent as given.
	Weight int
}

// Validate checks the arguments and returns every problem, each naming the field,
// the value and what is allowed.
func (a *PoolArgs) Validate() error {
	if a == nil {
		return errors.New("PoolArgs are required")
	}
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if a.ResourceGroupName == nil {
		add("ResourceGroupName is required: the service's resource group, where the pool's deployment runs")
	}
	if !serviceNameRE.MatchString(a.ServiceName) {
		add("ServiceName: %q is not an API Management service name; use 1-50 letters, digits and hyphens, starting with a letter and not ending with a hyphen", a.ServiceName)
	}
	idErrs := checkBackendID("BackendID", a.BackendID)
	errs = append(errs, idErrs...)
	if n := len(a.Title); n > maxTitleLength {
		add("Title: %d characters; at most %d", n, maxTitleLength)
	}
	if n := len(a.Description); n > maxDescription {
		add("Description: %d characters; at most %d", n, maxDescription)
	}
	// The default name is judged only when its parts are valid.
	derivedOK := a.DeploymentName != "" || (serviceNameRE.MatchString(a.ServiceName) && len(idErrs) == 0)
	if name := a.deploymentName(); derivedOK && (len(name) > maxDeploymentName || !deploymentNameRE.MatchString(name)) {
		field := "DeploymentName"
		if a.DeploymentName == "" {
			field = "DeploymentName (default <ServiceName>-<BackendID>)"
		}
		add("%s: %q is not a deployment name; use 1-%d letters, digits, '-', '_', '.', '(' and ')', or set DeploymentName", field, name, maxDeploymentName)
	}
	errs = append(errs, a.checkMembers()...)
	return errors.Join(errs...)
}

func (a *PoolArgs) checkMembers() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if n := len(a.Members); n == 0 || n > MaxPoolMembers {
		add("Members: %d given; a pool holds 1 to %d backends", n, MaxPoolMembers)
	}
	seen := map[string]int{}
	for i, m := range a.Members {
		field := fmt.Sprintf("Members[%d]", i)
		if ids := checkBackendID(field+".BackendID", m.BackendID); len(ids) > 0 {
			errs = append(errs, ids...)
		} else if j, dup := seen[strings.ToLower(m.BackendID)]; dup {
			add("%s.BackendID: %q is also Members[%d]; list each backend once", field, m.BackendID, j)
		} else if strings.EqualFold(m.BackendID, a.BackendID) {
			add("%s.BackendID: %q is the pool itself; a pool's members are single backends", field, m.BackendID)
		}
		seen[strings.ToLower(m.BackendID)] = i
		if m.Priority < 0 || m.Priority > maxPoolPriority {
			add("%s.Priority: %d must be between 0 and %d (lower is tried first)", field, m.Priority, maxPoolPriority)
		}
		if m.Weight < 0 || m.Weight > maxPoolWeight {
			add("%s.Weight: %d must be between 0 and %d", field, m.Weight, maxPoolWeight)
		}
	}
	return errs
}

func checkBackendID(field, id string) []error {
	switch {
	case id == "":
		return []error{fmt.Errorf("%s is required: a backend id of the service", field)}
	case len(id) > maxBackendIDLength:
		return []error{fmt.Errorf("%s: %q has %d characters; at most %d", field, id, len(id), maxBackendIDLength)}
	case !backendIDRE.MatchString(id):
		return []error{fmt.Errorf("%s: %q has a character a backend id may not hold; leave out * # & + : < > ? / '", field, id)}
	}
	return nil
}

func (a *PoolArgs) deploymentName() string {
	if a.DeploymentName != "" {
		return a.DeploymentName
	}
	return a.ServiceName + "-" + a.BackendID
}

// ARMTemplate is the deployment template of a pool: one backend resource.
type ARMTemplate struct {
	Schema         string        `json:"$schema"`
	ContentVersion string        `json:"contentVersion"`
	Resources      []ARMResource `json:"resources"`
}

// ARMResource is the template's backend resource.
type ARMResource struct {
	Type       string         `json:"type"`
	APIVersion string         `json:"apiVersion"`
	Name       string         `json:"name"`
	Properties PoolProperties `json:"properties"`
}

// PoolProperties are the only properties ARM accepts on a pool backend (type and
// pool), with its optional title and description.
type PoolProperties struct {
	Type        string   `json:"type"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Pool        PoolSpec `json:"pool"`
}

// PoolSpec is a pool's member list.
type PoolSpec struct {
	Services []PoolService `json:"services"`
}

// PoolService is one member: its ARM id, as a resourceId expression in the
// deployment's resource group, and its priority and weight.
type PoolService struct {
	ID       string `json:"id"`
	Priority int    `json:"priority"`
	Weight   int    `json:"weight"`
}

// Template returns the ARM template of the pool. Every value is known when the
// program runs (the member ids are resourceId expressions ARM evaluates), so a
// preview shows the whole pool.
func (a *PoolArgs) Template() ARMTemplate {
	services := make([]PoolService, len(a.Members))
	for i, m := range a.Members {
		services[i] = PoolService{ID: BackendIDExpression(a.ServiceName, m.BackendID), Priority: m.Priority, Weight: m.Weight}
	}
	return ARMTemplate{
		Schema:         armTemplateSchema,
		ContentVersion: "1.0.0.0",
		Resources: []ARMResource{{
			Type:       BackendResourceType,
			APIVersion: BackendAPIVersion,
			Name:       a.ServiceName + "/" + a.BackendID,
			Properties: PoolProperties{Type: BackendTypePool, Title: a.Title, Description: a.Description, Pool: PoolSpec{Services: services}},
		}},
	}
}

// BackendIDExpression is the ARM template expression of a backend's id in the
// deployment's subscription and resource group.
func BackendIDExpression(service, backend string) string {
	return fmt.Sprintf("[resourceId('%s', '%s', '%s')]", BackendResourceType, service, backend)
}

// PoolBackend is a pool backend declared through an ARM deployment.
type PoolBackend struct {
	// Deployment deploys the pool's template; depend on it to wait for the pool.
	Deployment *resources.Deployment
	// ID is the pool backend's ARM id, once the deployment has run.
	ID pulumi.StringOutput
	// Name is the pool's backend id.
	Name string
}

// NewPoolBackend validates args and registers the deployment of a pool backend in
// incremental mode. It registers nothing when args are invalid.
//
// What each operation does: an update re-runs the deployment (same name), and ARM's
// PUT of the backend replaces the pool's member list, so members added or removed
// in the program are added or removed in Azure; a member backend the program drops
// is deleted after the update, once the pool no longer lists it. Deleting the
// deployment deletes only its record in the resource group's history: ARM
// deployments never delete what they created. The pool backend goes when its
// service is deleted (a service's backends are its child resources); a program that
// drops the pool but keeps the service leaves the pool in the service until it is
// deleted (az apim backend delete), and so does renaming BackendID. Refresh reads
// the deployment, not the backend: drift of the pool in Azure shows at the next
// update of its members.
func NewPoolBackend(ctx *pulumi.Context, name string, args *PoolArgs, opts ...pulumi.ResourceOption) (*PoolBackend, error) {
	if err := args.Validate(); err != nil {
		return nil, fmt.Errorf("pool backend %q: %w", name, err)
	}
	template, err := templateInput(args.Template())
	if err != nil {
		return nil, fmt.Errorf("pool backend %q: %w", name, err)
	}
	var deps []pulumi.Resource
	for _, m := range args.Members {
		if m.Backend != nil {
			deps = append(deps, m.Backend)
		}
	}
	opts = append([]pulumi.ResourceOption{pulumi.DependsOn(deps)}, opts...)
	dep, err := resources.NewDeployment(ctx, name, &resources.DeploymentArgs{
		DeploymentName:    pulumi.String(args.deploymentName()),
		ResourceGroupName: args.ResourceGroupName,
		Properties: resources.DeploymentPropertiesArgs{
			Mode:     resources.DeploymentModeIncremental,
			Template: template,
		},
	}, opts...)
	if err != nil {
		return nil, fmt.Errorf("pool backend %q: registering the deployment: %w", name, err)
	}
	id := dep.ID().ToStringOutput().ApplyT(func(deploymentID string) (string, error) {
		return poolID(deploymentID, args.ServiceName, args.BackendID)
	}).(pulumi.StringOutput)
	return &PoolBackend{Deployment: dep, ID: id, Name: args.BackendID}, nil
}

// templateInput turns the template into the plain JSON shape the provider sends.
func templateInput(t ARMTemplate) (pulumi.Input, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return nil, fmt.Errorf("encoding the template: %w", err)
	}
	var plain map[string]any
	if err := json.Unmarshal(b, &plain); err != nil {
		return nil, fmt.Errorf("decoding the template: %w", err)
	}
	return pulumi.Any(plain), nil
}

// poolID is the backend's ARM id in the deployment's resource group, from the
// deployment's id (".../resourceGroups/<rg>/providers/Microsoft.Resources/deployments/<name>").
func poolID(deploymentID, service, backend string) (string, error) {
	i := strings.Index(strings.ToLower(deploymentID), "/providers/")
	if i < 0 || !strings.Contains(strings.ToLower(deploymentID[:i]), "/resourcegroups/") {
		return "", fmt.Errorf("deployment id %q is not in a resource group", deploymentID)
	}
	return fmt.Sprintf("%s/providers/%s/%s/backends/%s", deploymentID[:i], "Microsoft.ApiManagement/service", service, backend), nil
}

// ParseBackendID parses a reference to a backend: an ARM id
// (".../providers/Microsoft.ApiManagement/service/<service>/backends/<name>") or an
// ARM template resourceId expression over string literals
// ("[resourceId('Microsoft.ApiManagement/service/backends', '<service>', '<name>')]").
func ParseBackendID(s string) (service, name string, ok bool) {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return resourceIDExpr(strings.TrimSpace(s[1 : len(s)-1]))
	}
	parts := strings.Split(strings.Trim(s, "/"), "/")
	n := len(parts)
	if n >= 5 && strings.EqualFold(parts[n-5], "Microsoft.ApiManagement") && strings.EqualFold(parts[n-4], "service") && strings.EqualFold(parts[n-2], "backends") {
		return parts[n-3], parts[n-1], true
	}
	return "", "", false
}

// resourceIDExpr parses resourceId('Microsoft.ApiManagement/service/backends', 'a', 'b'),
// possibly preceded by subscription and resource group literals.
func resourceIDExpr(expr string) (service, name string, ok bool) {
	const fn = "resourceid("
	if !strings.HasPrefix(strings.ToLower(expr), fn) || !strings.HasSuffix(expr, ")") {
		return "", "", false
	}
	var args []string
	for _, a := range strings.Split(expr[len(fn):len(expr)-1], ",") {
		a = strings.TrimSpace(a)
		if len(a) < 2 || a[0] != '\'' || a[len(a)-1] != '\'' {
			return "", "", false
		}
		args = append(args, a[1:len(a)-1])
	}
	for i, a := range args {
		if strings.EqualFold(a, BackendResourceType) && i+3 == len(args) {
			return args[i+1], args[i+2], true
		}
	}
	return "", "", false
}
