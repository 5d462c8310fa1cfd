package graph

import (
	"fmt"
	"net/url"
	"strings"
)

// HTTPS is the port the gateway and the clients call.
const HTTPS = 443

// CheckPools checks that every member of every API Management pool is reachable
// from its gateway: the member backend's URL host resolves from the gateway's
// network to private addresses, and HTTPS gets there from the gateway's subnet. It
// returns one error per member that fails (or per pool that cannot be followed).
func (m *Model) CheckPools() []error {
	var errs []error
	for _, p := range m.Pools {
		from, err := m.gatewaySubnet(p.Service)
		if err != nil {
			errs = append(errs, fmt.Errorf("pool %s: %w", p.Label, err))
			continue
		}
		if len(p.Members) == 0 {
			errs = append(errs, fmt.Errorf("pool %s has no members", p.Label))
		}
		for _, name := range p.Members {
			if err := m.checkMember(from, p, name); err != nil {
				errs = append(errs, fmt.Errorf("pool %s member %s: %w", p.Label, name, err))
			}
		}
	}
	return errs
}

func (m *Model) gatewaySubnet(service string) (*Subnet, error) {
	svc := m.Service(service)
	if svc == nil {
		return nil, fmt.Errorf("API Management service %q is not in the stack", service)
	}
	s := m.Subnet(svc.SubnetID)
	if s == nil {
		return nil, fmt.Errorf("service %s is not injected into a subnet of the stack (subnet %q)", svc.Name, svc.SubnetID)
	}
	return s, nil
}

func (m *Model) checkMember(from *Subnet, p *Pool, name string) error {
	b := m.Backend(p.Service, name)
	if b == nil {
		return fmt.Errorf("no single backend %q in service %s", name, p.Service)
	}
	host, err := hostOf(b.URL)
	if err != nil {
		return fmt.Errorf("backend url: %w", err)
	}
	ans, err := m.Resolve(from.VNet, host)
	if err != nil {
		return err
	}
	return m.Reach(from, FirstHost(from.Prefix), ans, HTTPS)
}

// CheckClientEndpoints checks every endpoint the stack gives its clients from every
// network the stack builds: each gateway's host resolves, in Internal mode, to the
// gateway's private address through a zone linked to the network (External mode is
// public by design: Azure registers its host publicly), and each account's
// endpoint resolves to one of the account's private endpoints; the address lies in
// a network peered with the client's.
func (m *Model) CheckClientEndpoints() []error {
	var errs []error
	for _, v := range m.StackVNets() {
		for _, s := range m.Services {
			if err := m.checkGatewayHost(v, s); err != nil {
				errs = append(errs, fmt.Errorf("from %s, gateway %s: %w", v.Name, s.Name, err))
			}
		}
		for _, a := range m.Accounts {
			if err := m.checkAccountHost(v, a); err != nil {
				errs = append(errs, fmt.Errorf("from %s, account %s: %w", v.Name, a.Name, err))
			}
		}
	}
	return errs
}

func (m *Model) checkGatewayHost(v *VNet, s *Service) error {
	ans, err := m.Resolve(v, GatewayHost(s.Name))
	if err != nil {
		return err
	}
	if !strings.EqualFold(s.Mode, "Internal") {
		if ans.Public == "" {
			return fmt.Errorf("a %s-mode gateway resolves privately (%s)", s.Mode, ans)
		}
		return nil
	}
	subnet := m.Subnet(s.SubnetID)
	if subnet == nil {
		return fmt.Errorf("not injected into a subnet of the stack (subnet %q)", s.SubnetID)
	}
	want := FirstHost(subnet.Prefix)
	if len(ans.Targets) != 1 || ans.Targets[0].IP != want {
		return fmt.Errorf("resolves to %v, want the gateway's private address %s in %s (%s)", targets(ans), want, subnet.Name, ans)
	}
	if !m.Peered(v, subnet.VNet) {
		return fmt.Errorf("%s is in %s, which is not peered with %s in both directions", want, subnet.VNet.Name, v.Name)
	}
	return nil
}

func (m *Model) checkAccountHost(v *VNet, a *Account) error {
	host, err := hostOf(a.Endpoint())
	if err != nil {
		return err
	}
	ans, err := m.Resolve(v, host)
	if err != nil {
		return err
	}
	if ans.Public != "" || len(ans.Targets) == 0 {
		return fmt.Errorf("%s does not resolve to a private endpoint (%s)", host, ans)
	}
	for _, t := range ans.Targets {
		if t.Endpoint == nil || !connects(t.Endpoint, a.ID) {
			return fmt.Errorf("%s resolves to %v, not to a private endpoint of the account (%s)", host, targets(ans), ans)
		}
		s := m.Subnet(t.Endpoint.SubnetID)
		if s == nil || !m.Peered(v, s.VNet) {
			return fmt.Errorf("%s resolves to private endpoint %s, whose network is not peered with %s in both directions (%s)", host, t.Endpoint.Name, v.Name, ans)
		}
	}
	return nil
}

func connects(pe *PrivateEndpoint, id string) bool {
	for _, t := range pe.Targets {
		if key(t) == key(id) {
			return true
		}
	}
	return false
}

func targets(ans Answer) []string {
	var out []string
	for _, t := range ans.Targets {
		if t.Endpoint != nil {
			out = append(out, "private endpoint "+t.Endpoint.Name)
		} else {
			out = append(out, t.IP.String())
		}
	}
	return out
}

func hostOf(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%q: %w", raw, err)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("%q has no host", raw)
	}
	return u.Hostname(), nil
}
