package catalog

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

const importSource = "import from subscription 7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01 on 2026-12-02"

func imported(t *testing.T) *Catalog {
	t.Helper()
	f, err := os.Open("testdata/import.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	c, err := Default().LoadImport(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestWithImport(t *testing.T) {
	c := imported(t)
	// The imported regions offer exactly what the subscription lists there.
	if !c.Offered("gpt-4o", "2024-11-20", "Standard", "westus") || c.Offered("gpt-4o", "2024-11-20", "GlobalStandard", "westus") {
		t.Error("westus: want gpt-4o 2024-11-20 as Standard only")
	}
	if c.Offered("text-embedding-3-large", "1", "Standard", "eastus") {
		t.Error("eastus: text-embedding-3-large is not in the import")
	}
	// Regions the import does not cover keep the catalog's facts.
	if !c.Offered("text-embedding-3-large", "1", "Standard", "swedencentral") {
		t.Error("swedencentral lost the catalog's availability")
	}
	if c.ProvenanceFor("eastus") != importSource || c.ProvenanceFor("swedencentral") != "embedded catalog of 2026-12-02" {
		t.Errorf("provenance = %q, %q", c.ProvenanceFor("eastus"), c.ProvenanceFor("swedencentral"))
	}
	// Services follow the providers' locations.
	if c.Regions["eastus2"].Offers(ServiceSearch) || !c.Regions["swedencentral"].Offers(ServiceSearch) || c.Regions["swedencentral"].Offers(ServiceML) {
		t.Errorf("services: eastus2 %v, swedencentral %v", c.Regions["eastus2"].Services, c.Regions["swedencentral"].Services)
	}
	// The embedded catalog is not changed.
	if !Default().Offered("text-embedding-3-large", "1", "Standard", "eastus") || !Default().Regions["eastus2"].Offers(ServiceSearch) {
		t.Error("WithImport changed the catalog it was applied to")
	}
	if left, limit, ok := c.Remaining("westus", "gpt-4o", "Standard"); !ok || left != 10 || limit != 150 {
		t.Errorf("Remaining = %d, %d, %v", left, limit, ok)
	}
}

func TestCheckDeploymentWithImport(t *testing.T) {
	c := imported(t)
	ok := Deployment{Region: "westus", Model: "gpt-4o", Version: "2024-11-20", DeploymentType: "Standard", Capacity: 10}
	if err := c.CheckDeployment(ok); err != nil {
		t.Fatalf("baseline: %v", err)
	}
	cases := []struct {
		name   string
		change func(*Deployment)
		is     error
		want   string
	}{
		{"missing from the region", func(d *Deployment) { d.Model, d.Version = "text-embedding-3-large", "1" }, ErrUnavailable,
			`model "text-embedding-3-large" version "1" as Standard is not offered in region "westus"; regions that offer it: `},
		{"source named", func(d *Deployment) { d.Model, d.Version = "text-embedding-3-large", "1" }, ErrUnavailable, "(per the " + importSource + ")"},
		{"more than is left", func(d *Deployment) { d.Capacity = 11 }, ErrQuota,
			`model "gpt-4o" as Standard in "westus": capacity 11 is over quota: 10 (1K tokens per minute) of the subscription's quota of 150 is left in westus (per the ` + importSource + `)`},
		{"quota at its limit", func(d *Deployment) { d.Region = "eastus"; d.Capacity = 1 }, ErrQuota,
			`capacity 1 is over quota: 0 (1K tokens per minute) of the subscription's quota of 150 is left in eastus`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := ok
			tc.change(&d)
			err := c.CheckDeployment(d)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, tc.is) {
				t.Fatalf("error = %v, want %v containing %q", err, tc.is, tc.want)
			}
		})
	}
}

func TestImportRejected(t *testing.T) {
	cases := map[string]struct{ js, want string }{
		"unknown field":    {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {}, "extra": 1}`, `unknown field "extra"`},
		"no regions":       {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {}}`, "regions: none"},
		"unknown region":   {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {"mars": {"models": {}}}}`, "regions.mars: not a region of the catalog"},
		"unknown type":     {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {"eastus": {"models": {"m": {"1": {"deploymentTypes": ["Premium"]}}}}}}`, `regions.eastus.models.m.1.deploymentTypes: "Premium" is not a deployment type`},
		"negative quota":   {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {"eastus": {"models": {}, "quotas": {"m": {"Standard": {"limit": -1, "used": 0}}}}}}`, "regions.eastus.quotas.m.Standard: limit -1 and used 0 must not be negative"},
		"bad subscription": {`{"subscription": "x", "date": "2026-12-02", "regions": {"eastus": {"models": {}}}}`, `subscription: "x" is not a subscription id`},
		"trailing data":    {`{"subscription": "7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01", "date": "2026-12-02", "regions": {"eastus": {"models": {}}}} {}`, "data after the JSON value"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Default().LoadImport(strings.NewReader(tc.js))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "catalog import: ") {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLifecycleNotice(t *testing.T) {
	c := Default()
	on := func(day string) time.Time { d, _ := time.Parse(DateLayout, day); return d.Add(9 * time.Hour) }
	cases := []struct {
		name, model, version, dtype, day string
		window                           int
		retired                          bool
		want                             string
	}{
		{"retired", "gpt-4o", "2024-11-20", "Standard", "2026-12-02", 90, true,
			`model "gpt-4o" version "2024-11-20" as Standard retired on 2026-10-01 (per the embedded catalog of 2026-12-02): its deployments no longer answer; deploy a current version`},
		{"retired per deployment type", "gpt-4o", "2024-08-06", "Standard", "2026-04-01", 0, true, `as Standard retired on 2026-03-31`},
		{"within the window", "gpt-4o", "2024-11-20", "GlobalStandard", "2026-09-01", 60, false,
			`model "gpt-4o" version "2024-11-20" as GlobalStandard retires on 2026-10-01, in 30 days (per the embedded catalog of 2026-12-02); plan the move to a current version`},
		{"deprecated only", "gpt-4o", "2024-11-20", "Standard", "2026-01-10", 30, false, `is deprecated since 2025-11-20`},
		{"current", "text-embedding-3-small", "1", "Standard", "2026-12-02", 90, false, ""},
		{"no lifecycle", "gpt-5", "2025-08-07", "GlobalStandard", "2026-12-02", 90, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, retired := c.LifecycleNotice(tc.model, tc.version, tc.dtype, "eastus", on(tc.day), tc.window)
			if retired != tc.retired || (tc.want == "" && got != "") || !strings.Contains(got, tc.want) {
				t.Fatalf("LifecycleNotice = %q, %v; want %q, %v", got, retired, tc.want, tc.retired)
			}
		})
	}
	imp := imported(t)
	if got, retired := imp.LifecycleNotice("gpt-4o", "2024-05-13", "Standard", "eastus", on("2026-12-02"), 90); !retired || !strings.Contains(got, "is retired (lifecycle status Deprecated) (per the "+importSource+")") {
		t.Errorf("imported Deprecated: %q, %v", got, retired)
	}
	if got, _ := imp.LifecycleNotice("gpt-4o", "2024-08-06", "Standard", "westus", on("2026-12-02"), 90); !strings.Contains(got, "is being retired (lifecycle status Deprecating)") {
		t.Errorf("imported Deprecating: %q", got)
	}
}
