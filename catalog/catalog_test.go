package catalog

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultCatalogIsValid(t *testing.T) {
	c := Default()
	if len(c.Regions) < 20 || len(c.Models) < 5 || len(c.DeploymentTypes) != 8 {
		t.Fatalf("catalog too small: %d regions, %d models, %d deployment types", len(c.Regions), len(c.Models), len(c.DeploymentTypes))
	}
}

func TestRegion(t *testing.T) {
	c := Default()
	if _, err := c.Region("eastus2"); err != nil {
		t.Fatal(err)
	}
	_, err := c.Region("eastus9")
	if !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), `region "eastus9"`) || !strings.Contains(err.Error(), `"eastus" (did you mean it?)`) {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestRequireService(t *testing.T) {
	c := Default()
	if err := c.RequireService("swedencentral", ServiceOpenAI); err != nil {
		t.Fatal(err)
	}
	err := c.RequireService("westus2", ServiceOpenAI)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "swedencentral") {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestCheckDeployment(t *testing.T) {
	c := Default()
	ok := Deployment{Region: "eastus2", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 50}
	if err := c.CheckDeployment(ok); err != nil {
		t.Fatalf("baseline: %v", err)
	}
	cases := []struct {
		name   string
		change func(*Deployment)
		is     error
		want   string
	}{
		{"unknown model", func(d *Deployment) { d.Model = "gpt-5x" }, ErrUnknown, `model "gpt-5x": unknown model`},
		{"unknown version", func(d *Deployment) { d.Version = "2023-01-01" }, ErrUnknown, `version "2023-01-01"`},
		{"unknown type", func(d *Deployment) { d.DeploymentType = "Premium" }, ErrUnknown, `deployment type "Premium"`},
		{"not in region", func(d *Deployment) { d.Region = "japaneast" }, ErrUnavailable, `"gpt-4o" as Standard is not available in region "japaneast"`},
		{"type not offered", func(d *Deployment) { d.Model = "gpt-4.1-mini"; d.Version = "" }, ErrUnavailable, `deployment type "Standard" is not available for this model`},
		{"zero capacity", func(d *Deployment) { d.Capacity = 0 }, nil, "capacity 0 must be at least 1"},
		{"over quota", func(d *Deployment) { d.Capacity = 151 }, ErrQuota, "capacity 151 is over quota: the default quota is 150"},
		{"no openai in region", func(d *Deployment) { d.Region = "westus2" }, ErrUnavailable, `service "openai"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := ok
			tc.change(&d)
			err := c.CheckDeployment(d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Fatalf("error %v does not wrap %v", err, tc.is)
			}
		})
	}
}

func TestIsGlobal(t *testing.T) {
	c := Default()
	for dt, want := range map[string]bool{"GlobalStandard": true, "DataZoneStandard": true, "Standard": false, "ProvisionedManaged": false, "nope": false} {
		if got := c.IsGlobal(dt); got != want {
			t.Errorf("IsGlobal(%q) = %v, want %v", dt, got, want)
		}
	}
}

func TestLoadRejectsBrokenCatalogs(t *testing.T) {
	cases := map[string]string{
		"unknown field":      `{"regions":{"eastus":{"displayName":"x","services":[]}},"bogus":1}`,
		"unknown pair":       `{"regions":{"eastus":{"displayName":"x","pair":"nowhere","services":[]}}}`,
		"bad scope":          `{"regions":{"eastus":{"displayName":"x","services":[]}},"deploymentTypes":{"X":{"scope":"planet"}}}`,
		"model bad region":   `{"regions":{"eastus":{"displayName":"x","services":[]}},"deploymentTypes":{"Standard":{"scope":"regional"}},"models":{"m":{"versions":["1"],"deployments":{"Standard":["mars"]}}}}`,
		"quota unknown type": `{"regions":{"eastus":{"displayName":"x","services":[]}},"quotas":{"default":{"Nope":1}}}`,
	}
	for name, js := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(strings.NewReader(js)); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}
