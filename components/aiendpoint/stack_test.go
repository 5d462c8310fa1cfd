package aiendpoint

import (
	"errors"
	"strings"
	"testing"

	"github.com/aiready/aiready/catalog"
)

func TestValidateEndpoints(t *testing.T) {
	if err := ValidateEndpoints(validEndpointArgs("eastus"), validEndpointArgs("swedencentral")); err != nil {
		t.Fatalf("two compliant endpoints: %v", err)
	}

	t.Run("shared quota in one region", func(t *testing.T) {
		a, b := validEndpointArgs("eastus"), validEndpointArgs("eastus")
		b.CustomSubDomainName = "contoso-ai-eastus-b"
		err := ValidateEndpoints(a, b)
		want := `model "gpt-4o" as Standard in "eastus" totals capacity 200 across endpoints (endpoints[0].Deployments[0] 100, endpoints[1].Deployments[0] 100), which is over quota: the default quota is 150 (1K tokens per minute) per subscription and region; lower the capacities, move an endpoint to another region or subscription, or request more quota from Azure support`
		if err == nil || err.Error() != want {
			t.Errorf("err = %v\nwant %s", err, want)
		}
		if !errors.Is(err, catalog.ErrQuota) {
			t.Error("the error does not wrap catalog.ErrQuota")
		}
	})
	t.Run("same subdomain twice", func(t *testing.T) {
		a, b := validEndpointArgs("eastus"), validEndpointArgs("swedencentral")
		b.CustomSubDomainName = a.CustomSubDomainName
		err := ValidateEndpoints(a, b)
		want := `endpoints[1] (contoso-ai-eastus): CustomSubDomainName "contoso-ai-eastus" is also that of endpoints[0]; subdomains are globally unique`
		if err == nil || err.Error() != want {
			t.Errorf("err = %v\nwant %s", err, want)
		}
	})
	t.Run("an invalid endpoint", func(t *testing.T) {
		b := validEndpointArgs("swedencentral")
		b.Deployments[0].Capacity = 0
		err := ValidateEndpoints(validEndpointArgs("eastus"), b, nil)
		for _, want := range []string{
			"endpoints[1] (contoso-ai-swedencentral): Deployments[0].Capacity: 0 must be at least 1",
			"endpoints[2]: RegionalAIEndpointArgs are required",
		} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to contain %q", err, want)
			}
		}
	})
}
