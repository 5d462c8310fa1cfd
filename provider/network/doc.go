// Package network is the schema module "network" of the aiready package:
// SecureNetwork (aiready:network:SecureNetwork), served by the library's
// securenetwork.New. The input types mirror securenetwork.Args field by field
// (package mirror), with the library's doc comments; the VPN shared key, the
// ExpressRoute authorization key and the jumpbox password are secret inputs.
package network
