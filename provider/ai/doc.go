// Package ai is the schema module "ai" of the aiready package: RegionalAIEndpoint
// (aiready:ai:RegionalAIEndpoint) and AIGateway (aiready:ai:AIGateway), served by the
// library's aiendpoint.NewRegionalAIEndpoint and aiendpoint.NewAIGateway. The input
// types mirror the library's args field by field (package mirror), with the
// library's doc comments; deployment types are the catalog's.
package ai
