// Package reliability is the schema module "reliability" of the aiready package:
// AssetReplication (aiready:reliability:AssetReplication), served by the library's
// replication.New. The input types mirror replication.Args field by field
// (package mirror), with the library's doc comments.
package reliability
