package aiendpoint

import (
	"fmt"
	"slices"
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
	var uses []quotaUse
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
			uses = append(uses, quotaUse{region: e.Location, model: d.Model, dtype: d.DeploymentType, capacity: d.Capacity,
				source: fmt.Sprintf("endpoints[%d].Deployments[%d]", i, j), endpoint: i})
		}
	}
	if cat == nil {
		return joinErrors(errs)
	}
	// One endpoint's own total is checked by its Validate.
	spansEndpoints := func(group []quotaUse) bool {
		return slices.ContainsFunc(group, func(u quotaUse) bool { return u.endpoint != group[0].endpoint })
	}
	for _, x := range overQuota(cat, uses, spansEndpoints) {
		errs = append(errs, fmt.Errorf("model %q as %s in %q totals capacity %d across endpoints (%s), which is %w: %s; lower the capacities, move an endpoint to another region or subscription, or request more quota from Azure support",
			x.model, x.dtype, x.region, x.total, strings.Join(x.shares, ", "), catalog.ErrQuota, x.what))
	}
	return joinErrors(errs)
}
