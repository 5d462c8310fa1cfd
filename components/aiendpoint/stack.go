package aiendpoint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aiready/aiready/catalog"
)

// ValidateEndpoints checks the endpoints of one subscription together, for stacks
// that build several: each one's Validate, subdomains and account names unique
// across them, and the quota, which Azure counts per subscription, region, model
// and deployment type, so that two endpoints in one region share it. Errors name
// the endpoint by its index and subdomain.
func ValidateEndpoints(endpoints ...*RegionalAIEndpointArgs) error {
	var errs []error
	subdomains := map[string]int{}
	accounts := map[string]int{}
	type key struct{ region, model, dtype string }
	total := map[key]int{}
	parts := map[key][]string{}
	var cat *catalog.Catalog
	for i, e := range endpoints {
		if e == nil {
			errs = append(errs, fmt.Errorf("endpoints[%d]: RegionalAIEndpointArgs are required", i))
			continue
		}
		label := fmt.Sprintf("endpoints[%d] (%s)", i, e.CustomSubDomainName)
		if err := e.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", label, err))
			continue
		}
		if cat == nil {
			cat = e.catalog()
		}
		if j, dup := subdomains[e.CustomSubDomainName]; dup {
			errs = append(errs, fmt.Errorf("%s: CustomSubDomainName %q is also that of endpoints[%d]; subdomains are globally unique", label, e.CustomSubDomainName, j))
		} else if j, dup := accounts[strings.ToLower(e.accountName())]; dup {
			errs = append(errs, fmt.Errorf("%s: account name %q is also that of endpoints[%d]", label, e.accountName(), j))
		} else {
			subdomains[e.CustomSubDomainName] = i
			accounts[strings.ToLower(e.accountName())] = i
		}
		for j, d := range e.Deployments {
			k := key{e.Location, d.Model, d.DeploymentType}
			total[k] += d.Capacity
			parts[k] = append(parts[k], fmt.Sprintf("endpoints[%d].Deployments[%d] %d", i, j, d.Capacity))
		}
	}
	keys := make([]key, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.region+"\x00"+a.model+"\x00"+a.dtype < b.region+"\x00"+b.model+"\x00"+b.dtype
	})
	for _, k := range keys {
		if cat == nil || !spansEndpoints(parts[k]) {
			continue // one endpoint's own total is checked by its Validate
		}
		if q := cat.Quota(k.model, k.dtype); q > 0 && total[k] > q {
			errs = append(errs, fmt.Errorf("model %q as %s in %q totals capacity %d across endpoints (%s), which is %w: the default quota is %d (%s) per subscription and region; lower the capacities, move an endpoint to another region or subscription, or request more quota from Azure support",
				k.model, k.dtype, k.region, total[k], strings.Join(parts[k], ", "), catalog.ErrQuota, q, cat.DeploymentTypes[k.dtype].Unit))
		}
	}
	return joinErrors(errs)
}

// spansEndpoints reports whether capacity parts come from more than one endpoint.
func spansEndpoints(parts []string) bool {
	first := ""
	for _, p := range parts {
		ep, _, _ := strings.Cut(p, ".")
		if first == "" {
			first = ep
		} else if ep != first {
			return true
		}
	}
	return false
}
