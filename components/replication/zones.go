package replication

import "github.com/aiready/aiready/catalog"

// HasAvailabilityZones reports whether a region of the embedded catalog has
// availability zones (its availabilityZones fact, from Microsoft's list of regions
// with availability zone support), where Azure Storage offers zone-redundant SKUs
// (ZRS, and GZRS / RA-GZRS where the region also has a pair). A region without the
// fact only gets a locally or geo-redundant default SKU, which Azure accepts
// everywhere; an explicit StorageArgs.Sku is never checked against it.
// AssetReplication itself reads the facts of Args.Catalog.
func HasAvailabilityZones(region string) bool { return catalog.Default().HasAvailabilityZones(region) }
