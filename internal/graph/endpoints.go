package graph

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/internal/pulumitest"
)

// Host-name suffixes an AI services account serves, by kind: an OpenAI account
// answers on openai.azure.com; an AIServices account also on cognitiveservices.azure.com
// and services.ai.azure.com; other kinds on cognitiveservices.azure.com. Each has
// the private DNS zone "privatelink.<suffix>" ("Azure Private Endpoint DNS
// configuration", AI services rows).
var accountSuffixes = map[string][]string{
	"OpenAI":     {"openai.azure.com"},
	"AIServices": {"cognitiveservices.azure.com", "openai.azure.com", "services.ai.azure.com"},
}

// Suffixes returns the host-name suffixes the account serves.
func (a *Account) Suffixes() []string {
	if s, ok := accountSuffixes[a.Kind]; ok {
		return s
	}
	return []string{"cognitiveservices.azure.com"}
}

// Endpoint is the account's endpoint as Azure reports it (properties.endpoint):
// https://<subdomain>.openai.azure.com/ for kind OpenAI,
// https://<subdomain>.cognitiveservices.azure.com/ otherwise.
func (a *Account) Endpoint() string { return AccountEndpoint(a.Kind, a.SubDomain) }

// AccountEndpoint is an account's endpoint from its kind and custom subdomain.
func AccountEndpoint(kind, subDomain string) string {
	suffix := "cognitiveservices.azure.com"
	if kind == "OpenAI" {
		suffix = "openai.azure.com"
	}
	return "https://" + strings.ToLower(subDomain) + "." + suffix + "/"
}

// GatewayHost is the default host name of an API Management service's gateway.
func GatewayHost(service string) string { return strings.ToLower(service) + ".azure-api.net" }

// addZoneGroup records the A records a private endpoint's DNS zone group makes
// Azure keep: in each configured zone "privatelink.<suffix>", the record
// "<subdomain>" of every connected account that serves "<suffix>", pointing at the
// endpoint's interface. Targets other than the stack's accounts get no records in
// the model.
func (m *Model) addZoneGroup(r pulumitest.Resource) {
	pe := m.endpointOf(r)
	if pe == nil {
		m.fail("DNS zone group %s: private endpoint %q in %q is not in the stack", r.Name, r.String("privateEndpointName"), r.String("resourceGroupName"))
		return
	}
	for i, c := range array(r, "privateDnsZoneConfigs") {
		id := str(c, "privateDnsZoneId")
		z := m.Zone(id)
		if z == nil {
			m.fail("DNS zone group %s privateDnsZoneConfigs[%d]: zone %q is not in the stack", r.Name, i, id)
			continue
		}
		for _, target := range pe.Targets {
			a := m.account(target)
			if a == nil {
				continue
			}
			for _, suffix := range a.Suffixes() {
				if z.Name == "privatelink."+suffix {
					rs := z.record(a.SubDomain, "zone group "+r.Name)
					rs.A = append(rs.A, Target{Endpoint: pe})
				}
			}
		}
	}
}

func (m *Model) endpointOf(r pulumitest.Resource) *PrivateEndpoint {
	for _, urn := range r.PropertyDependencies["privateEndpointName"] {
		if pe, ok := m.byURN[urn].(*PrivateEndpoint); ok {
			return pe
		}
	}
	for _, pe := range m.Endpoints {
		if strings.EqualFold(pe.Name, r.String("privateEndpointName")) && strings.EqualFold(pe.ResourceGroup, r.String("resourceGroupName")) {
			return pe
		}
	}
	return nil
}

func (m *Model) account(id string) *Account {
	for _, a := range m.Accounts {
		if key(a.ID) == key(id) {
			return a
		}
	}
	return nil
}

// EndpointsOf returns the private endpoints connected to a resource id.
func (m *Model) EndpointsOf(id string) []*PrivateEndpoint {
	var out []*PrivateEndpoint
	for _, pe := range m.Endpoints {
		for _, t := range pe.Targets {
			if key(t) == key(id) {
				out = append(out, pe)
				break
			}
		}
	}
	return out
}

// Service returns the API Management service of a name (nil when unknown).
func (m *Model) Service(name string) *Service {
	for _, s := range m.Services {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

// Backend returns a single backend of a service by name (nil when unknown).
func (m *Model) Backend(service, name string) *Backend {
	for _, b := range m.Backends {
		if strings.EqualFold(b.Service, service) && strings.EqualFold(b.Name, name) {
			return b
		}
	}
	return nil
}

// backendIDs maps the recorded ids of single backends to them (a pool's members
// may be named by the id Pulumi reports).
func (m *Model) backendByID(id string) *Backend {
	for _, b := range m.Backends {
		if b.id != "" && key(b.id) == key(id) {
			return b
		}
	}
	return nil
}

func (m *Model) addBackend(r pulumitest.Resource) {
	service := r.String("serviceName")
	name := nameOf(r, "backendId")
	if !strings.EqualFold(r.String("type"), "Pool") {
		m.Backends = append(m.Backends, &Backend{URN: r.URN, Service: service, Name: name, URL: r.String("url"), id: r.ID})
		return
	}
	p := &Pool{Label: r.Name, Service: service, Name: name}
	for i, s := range array(r, "pool.services") {
		p.Members = append(p.Members, m.memberName(fmt.Sprintf("%s pool.services[%d]", r.Name, i), str(s, "id")))
	}
	m.Pools = append(m.Pools, p)
}

// addDeployment reads the pool backends an ARM template declares
// (Microsoft.ApiManagement/service/backends with properties.type Pool, named
// "<service>/<backend>").
func (m *Model) addDeployment(r pulumitest.Resource) {
	for i, res := range array(r, "properties.template.resources") {
		if !strings.EqualFold(str(res, "type"), "Microsoft.ApiManagement/service/backends") || !strings.EqualFold(str(res, "properties.type"), "Pool") {
			continue
		}
		where := fmt.Sprintf("%s properties.template.resources[%d]", r.Name, i)
		service, name, ok := strings.Cut(str(res, "name"), "/")
		if !ok || strings.Contains(name, "/") {
			m.fail("%s: name %q is not <service>/<backend>", where, str(res, "name"))
			continue
		}
		p := &Pool{Label: r.Name + "/" + name, Service: service, Name: name}
		services, _ := pulumitest.Lookup(res, "properties.pool.services")
		if services = unwrap(services); services.IsArray() {
			for j, s := range services.ArrayValue() {
				p.Members = append(p.Members, m.memberName(fmt.Sprintf("%s pool.services[%d]", where, j), str(s, "id")))
			}
		}
		m.Pools = append(m.Pools, p)
	}
}

// memberName is the backend name a pool member's id names: a recorded backend's id,
// an ARM id ".../service/<service>/backends/<name>", or an ARM template expression
// "[resourceId('Microsoft.ApiManagement/service/backends', '<service>', '<name>')]".
func (m *Model) memberName(where, id string) string {
	if b := m.backendByID(id); b != nil {
		return b.Name
	}
	if _, name, ok := apimanagement.ParseBackendID(id); ok {
		return name
	}
	m.fail("%s: id %q names no backend", where, id)
	return ""
}
