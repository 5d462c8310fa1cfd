package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestDefaultCatalogIsValid(t *testing.T) {
	c := Default()
	if len(c.Regions) < 20 || len(c.Models) < 5 || len(c.DeploymentTypes) != 8 {
		t.Fatalf("catalog too small: %d regions, %d models, %d deployment types", len(c.Regions), len(c.Models), len(c.DeploymentTypes))
	}
	if c.Source == nil || len(c.Source.Tables) != 9 || c.Source.Read == "" {
		t.Fatalf("the catalog must say which tables it came from: %+v", c.Source)
	}
	if c.Provenance() != "embedded catalog of "+c.Version {
		t.Errorf("Provenance() = %q", c.Provenance())
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

// regionsOf joins the regions the catalog lists for a model version and type.
func regionsOf(t *testing.T, c *Catalog, model, version, dtype string) string {
	t.Helper()
	regions := c.Models[model].Versions[version].Deployments[dtype]
	if len(regions) == 0 {
		t.Fatalf("%s %s has no %s regions", model, version, dtype)
	}
	return strings.Join(regions, ", ")
}

func TestCheckDeployment(t *testing.T) {
	c := Default()
	ok := Deployment{Region: "eastus2", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 50}
	if err := c.CheckDeployment(ok); err != nil {
		t.Fatalf("baseline: %v", err)
	}
	const per = " (per the embedded catalog of 2026-12-02)"
	cases := []struct {
		name   string
		change func(*Deployment)
		is     error
		want   string
	}{
		{"unknown model", func(d *Deployment) { d.Model = "gpt-5x" }, ErrUnknown, `model "gpt-5x": unknown model`},
		{"unknown version", func(d *Deployment) { d.Version = "2023-01-01" }, ErrUnknown, `model "gpt-4o" version "2023-01-01": unknown version; use one of 2024-05-13, 2024-08-06, 2024-11-20`},
		{"no version", func(d *Deployment) { d.Version = "" }, nil, `model "gpt-4o": no version given; availability depends on the version: pin one of 2024-05-13, 2024-08-06, 2024-11-20`},
		{"unknown type", func(d *Deployment) { d.DeploymentType = "Premium" }, ErrUnknown, `deployment type "Premium"`},
		// Microsoft's Standard table lists text-embedding-3-large in eastus but not in
		// westus, the corp stack's secondary region.
		{"version not in region", func(d *Deployment) { d.Region = "westus"; d.Model = "text-embedding-3-large"; d.Version = "1" }, ErrUnavailable,
			`model "text-embedding-3-large" version "1" as Standard is not offered in region "westus"; regions that offer it: ` + regionsOf(t, c, "text-embedding-3-large", "1", "Standard") + per},
		{"another version offered there", func(d *Deployment) { d.Region = "uksouth"; d.Version = "2024-05-13" }, ErrUnavailable,
			`model "gpt-4o" version "2024-05-13" as Standard is not offered in region "uksouth"; regions that offer it: ` + regionsOf(t, c, "gpt-4o", "2024-05-13", "Standard") + ` (in uksouth, gpt-4o offers version 2024-11-20 as Standard)` + per},
		{"type not offered for the version", func(d *Deployment) { d.Model = "gpt-5"; d.Version = "2025-08-07" }, ErrUnavailable,
			`model "gpt-5" version "2025-08-07" is not offered as Standard in any region; this version is offered as DataZoneStandard, GlobalBatch, GlobalProvisionedManaged, GlobalStandard, ProvisionedManaged` + per},
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

// TestAvailabilityIsPerVersion: the facts the per-model catalog got wrong, per
// Microsoft's tables (catalog/source): versions of one model differ by region.
func TestAvailabilityIsPerVersion(t *testing.T) {
	c := Default()
	for _, region := range []string{"uksouth", "francecentral", "japaneast", "australiaeast", "canadaeast"} {
		d := Deployment{Region: region, Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 10}
		if err := c.CheckDeployment(d); err != nil {
			t.Errorf("gpt-4o 2024-11-20 Standard in %s: %v", region, err)
		}
		d.Version = "2024-08-06"
		if err := c.CheckDeployment(d); !errors.Is(err, ErrUnavailable) {
			t.Errorf("gpt-4o 2024-08-06 Standard in %s: error %v, want not available", region, err)
		}
	}
	for _, region := range []string{"westus", "northcentralus", "southcentralus", "westeurope"} {
		if c.Offered("text-embedding-3-large", "1", "Standard", region) {
			t.Errorf("text-embedding-3-large 1 Standard is offered in %s; Microsoft's Standard table does not list it there", region)
		}
	}
	small := c.Models["text-embedding-3-small"].Versions["1"].Deployments["Standard"]
	if want := []string{"australiaeast", "canadaeast", "eastus", "eastus2", "japaneast", "switzerlandnorth", "uaenorth", "westus"}; !slices.Equal(small, want) {
		t.Errorf("text-embedding-3-small 1 Standard regions = %v, want %v", small, want)
	}
	if got := c.VersionsOffered("gpt-4o", "Standard", "uksouth"); !slices.Equal(got, []string{"2024-11-20"}) {
		t.Errorf("VersionsOffered(gpt-4o, Standard, uksouth) = %v", got)
	}
}

func TestLifecycle(t *testing.T) {
	c := Default()
	l := c.Models["gpt-4o"].Versions["2024-08-06"].Lifecycle
	if l == nil || l.Status != StatusGenerallyAvailable || l.Deprecation != "2025-08-06" {
		t.Fatalf("gpt-4o 2024-08-06 lifecycle = %+v", l)
	}
	if got := l.RetirementFor("Standard"); got != "2026-03-31" {
		t.Errorf("Standard retirement = %q, want 2026-03-31", got)
	}
	if got := l.RetirementFor("GlobalStandard"); got != "2026-10-01" {
		t.Errorf("GlobalStandard retirement = %q, want 2026-10-01", got)
	}
	if got := c.Models["text-embedding-3-large"].Versions["1"].Lifecycle.RetirementNotBefore; got != "2027-04-15" {
		t.Errorf("text-embedding-3-large retirementNotBefore = %q", got)
	}
	var none *Lifecycle
	if none.RetirementFor("Standard") != "" {
		t.Error("a version without lifecycle has no retirement")
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
	const (
		region = `"regions":{"eastus":{"displayName":"x","dataZone":"US","services":["openai"]},"westus2":{"displayName":"y","services":[]}}`
		types  = `"deploymentTypes":{"Standard":{"scope":"regional"},"DataZoneStandard":{"scope":"datazone"}}`
	)
	model := func(version string) string {
		return `{` + region + `,` + types + `,"models":{"m":{"versions":{"1":` + version + `}}}}`
	}
	cases := map[string]struct{ js, want string }{
		"unknown field":         {`{"regions":{"eastus":{"displayName":"x","services":[]}},"bogus":1}`, `unknown field "bogus"`},
		"unknown pair":          {`{"regions":{"eastus":{"displayName":"x","pair":"nowhere","services":[]}}}`, `regions.eastus.pair: "nowhere" is not a region`},
		"region name":           {`{"regions":{"east-us-3":{"displayName":"x","services":[]}}}`, `regions.east-us-3: region names are lower-case letters and digits`},
		"bad scope":             {`{` + region + `,"deploymentTypes":{"X":{"scope":"planet"}}}`, `deploymentTypes.X.scope: "planet" is not one of`},
		"no versions":           {`{` + region + `,` + types + `,"models":{"m":{"versions":{}}}}`, `models.m.versions: empty`},
		"version bad region":    {model(`{"deployments":{"Standard":["mars"]}}`), `models.m.versions.1.deployments.Standard: region "mars" is not in regions`},
		"region without openai": {model(`{"deployments":{"Standard":["westus2"]}}`), `region "westus2" does not list the service "openai"`},
		"datazone without zone": {`{"regions":{"eastus":{"displayName":"x","services":["openai"]}},` + types + `,"models":{"m":{"versions":{"1":{"deployments":{"DataZoneStandard":["eastus"]}}}}}}`, `region "eastus" has no dataZone`},
		"unknown type":          {model(`{"deployments":{"Premium":["eastus"]}}`), `deployment type "Premium" is not in deploymentTypes`},
		"bad status":            {model(`{"deployments":{},"lifecycle":{"status":"Beta"}}`), `models.m.versions.1.lifecycle.status: "Beta" is not one of`},
		"bad date":              {model(`{"deployments":{},"lifecycle":{"status":"Preview","retirement":"31/03/2026"}}`), `lifecycle.retirement: "31/03/2026" is not a date`},
		"bad type retirement":   {model(`{"deployments":{},"lifecycle":{"status":"Preview","retirementByDeploymentType":{"Premium":"2026-01-01"}}}`), `retirementByDeploymentType: deployment type "Premium"`},
		"quota unknown type":    {`{` + region + `,"quotas":{"default":{"Nope":1}}}`, `quotas.default: deployment type "Nope"`},
		"quota zero":            {`{` + region + `,` + types + `,"quotas":{"default":{"Standard":0}}}`, `quotas.default.Standard: 0 must be at least 1`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tc.js))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestAvailabilityZones: the facts follow Microsoft's list (source/README.md):
// East US 2 and Sweden Central have zones, West US and Japan West (listed with an
// asterisk) do not, and a region the catalog does not know has none.
func TestAvailabilityZones(t *testing.T) {
	c := Default()
	for region, want := range map[string]bool{"eastus2": true, "swedencentral": true, "westus": false, "japanwest": false, "mars": false} {
		if got := c.HasAvailabilityZones(region); got != want {
			t.Errorf("HasAvailabilityZones(%q) = %v, want %v", region, got, want)
		}
	}
}
