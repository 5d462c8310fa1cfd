package graph

import (
	"fmt"
	"strings"
)

// maxCNAMEs bounds the chain of aliases followed, as resolvers do.
const maxCNAMEs = 8

// Answer is what a name resolves to from a network.
type Answer struct {
	// Chain lists each step, e.g. "x.openai.azure.com: CNAME x.privatelink.openai.azure.com (public DNS)".
	Chain []string
	// Targets are the private addresses of the answer; empty for a public answer.
	Targets []Target
	// Public describes the public address the name resolves to ("" for a private answer).
	Public string
}

// String renders the resolution chain.
func (a Answer) String() string { return strings.Join(a.Chain, " → ") }

// Resolve resolves a host name from a network the way Azure-provided DNS does (see
// the package documentation). It fails for NXDOMAIN, a chain that loops, a network
// with custom DNS servers, and a public name the model does not know.
func (m *Model) Resolve(from *VNet, host string) (Answer, error) {
	var ans Answer
	if len(from.DNSServers) > 0 {
		return ans, fmt.Errorf("%s uses custom DNS servers %v: the private DNS zones linked to it are not queried, and the model cannot tell what those servers answer", from.Name, from.DNSServers)
	}
	name := strings.ToLower(strings.TrimSuffix(host, "."))
	for range maxCNAMEs {
		next, done, err := m.step(from, name, &ans)
		if err != nil || done {
			return ans, err
		}
		name = next
	}
	return ans, fmt.Errorf("resolving %s from %s: more than %d aliases (%s)", host, from.Name, maxCNAMEs, ans)
}

// step answers one name: the next name of a CNAME, or done with the answer set.
func (m *Model) step(from *VNet, name string, ans *Answer) (next string, done bool, err error) {
	zone, link := m.zoneFor(from, name)
	if zone != nil {
		rel := relativeName(name, zone.Name)
		rs := zone.Records[rel]
		switch {
		case rs != nil && rs.CNAME != "":
			ans.Chain = append(ans.Chain, fmt.Sprintf("%s: CNAME %s (zone %s, %s)", name, rs.CNAME, zone.Name, rs.Source))
			return rs.CNAME, false, nil
		case rs != nil && len(rs.A) > 0:
			ans.Chain = append(ans.Chain, fmt.Sprintf("%s: A (zone %s, %s)", name, zone.Name, rs.Source))
			ans.Targets = rs.A
			return "", true, nil
		case !link.Fallback:
			ans.Chain = append(ans.Chain, fmt.Sprintf("%s: NXDOMAIN (zone %s, linked to %s, has no record %q)", name, zone.Name, from.Name, rel))
			return "", true, fmt.Errorf("%s does not resolve from %s: %s", name, from.Name, ans)
		}
		ans.Chain = append(ans.Chain, fmt.Sprintf("%s: not in zone %s, falls back to public DNS", name, zone.Name))
	}
	return m.public(name, ans)
}

// zoneFor returns the zone linked to the network with the longest suffix of name.
func (m *Model) zoneFor(from *VNet, name string) (*Zone, Link) {
	var best *Zone
	var bestLink Link
	for _, z := range m.Zones {
		if name != z.Name && !strings.HasSuffix(name, "."+z.Name) {
			continue
		}
		if best != nil && len(best.Name) >= len(z.Name) {
			continue
		}
		for _, l := range z.Links {
			if key(l.VNetID) == key(from.ID) {
				best, bestLink = z, l
				break
			}
		}
	}
	return best, bestLink
}

func relativeName(name, zone string) string {
	if name == zone {
		return "@"
	}
	return strings.TrimSuffix(name, "."+zone)
}

// public answers a name from public DNS as Azure publishes it for the stack's
// accounts and API Management services.
func (m *Model) public(name string, ans *Answer) (next string, done bool, err error) {
	for _, a := range m.Accounts {
		for _, suffix := range a.Suffixes() {
			switch name {
			case a.SubDomain + "." + suffix:
				if len(m.EndpointsOf(a.ID)) > 0 {
					alias := a.SubDomain + ".privatelink." + suffix
					ans.Chain = append(ans.Chain, fmt.Sprintf("%s: CNAME %s (public DNS, account %s has a private endpoint)", name, alias, a.Name))
					return alias, false, nil
				}
				fallthrough
			case a.SubDomain + ".privatelink." + suffix:
				ans.Public = "the public endpoint of account " + a.Name
				ans.Chain = append(ans.Chain, fmt.Sprintf("%s: A %s (public DNS)", name, ans.Public))
				return "", true, nil
			}
		}
	}
	for _, s := range m.Services {
		if name != GatewayHost(s.Name) {
			continue
		}
		if strings.EqualFold(s.Mode, "Internal") {
			ans.Chain = append(ans.Chain, fmt.Sprintf("%s: NXDOMAIN (public DNS: API Management in Internal mode registers none of its endpoints)", name))
			return "", true, fmt.Errorf("%s does not resolve: %s", name, ans)
		}
		ans.Public = "the public address of API Management service " + s.Name
		ans.Chain = append(ans.Chain, fmt.Sprintf("%s: A %s (public DNS, %s mode)", name, ans.Public, s.Mode))
		return "", true, nil
	}
	ans.Chain = append(ans.Chain, name+": not a name of the stack's resources")
	return "", true, fmt.Errorf("%s: the model knows no public record for it (%s)", name, ans)
}
