package replication

// zonalRegions are the regions of the catalog with availability zones, where Azure
// Storage offers zone-redundant SKUs (ZRS, and GZRS / RA-GZRS where the region also
// has a pair). The list is conservative: a region missing from it only gets a
// locally or geo-redundant default SKU, which Azure accepts everywhere; an explicit
// StorageArgs.Sku is never checked against it. Read from Azure's "Azure regions with
// availability zone support" list; refresh it when Azure adds zones.
var zonalRegions = map[string]bool{
	"australiaeast":      true,
	"brazilsouth":        true,
	"canadacentral":      true,
	"centralindia":       true,
	"centralus":          true,
	"eastasia":           true,
	"eastus":             true,
	"eastus2":            true,
	"francecentral":      true,
	"germanywestcentral": true,
	"italynorth":         true,
	"japaneast":          true,
	"koreacentral":       true,
	"northeurope":        true,
	"norwayeast":         true,
	"polandcentral":      true,
	"southafricanorth":   true,
	"southcentralus":     true,
	"southeastasia":      true,
	"spaincentral":       true,
	"swedencentral":      true,
	"switzerlandnorth":   true,
	"uaenorth":           true,
	"uksouth":            true,
	"westeurope":         true,
	"westus2":            true,
	"westus3":            true,
}

// HasAvailabilityZones reports whether a region has availability zones, so that the
// component's default storage SKUs there are zone-redundant.
func HasAvailabilityZones(region string) bool { return zonalRegions[region] }
