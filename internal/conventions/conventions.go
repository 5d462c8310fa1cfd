package conventions

// This file defines the project's shared conventions once. It uses only the
// standard library and names nothing else of its package, because the
// generator (./gen) copies it into the policy pack (policypack/internal/conventions),
// which must build without the library: the components stamp and the pack
// reads the same keys and values by construction.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

//go:generate go run ./gen

// Tag keys stamped on every taggable resource, which the policy pack reads.
const (
	// ArchetypeTag holds the landing-zone archetype of the resource's workload.
	ArchetypeTag = "aiready-archetype"
	// EnvironmentTag holds Production or NonProduction.
	EnvironmentTag = "aiready-environment"
	// ComponentTag holds the type name of the component that created the resource.
	ComponentTag = "aiready-component"
)

// Values of EnvironmentTag (and of the stacks' environment config key).
const (
	Production    = "production"
	NonProduction = "nonproduction"
)

// Environments are the values of EnvironmentTag.
func Environments() []string { return []string{Production, NonProduction} }

// MetadataKey is the key of the policy assignment, definition and set
// metadata the policy baseline writes (what it assigned and from which
// library entry); the pack reads it to recognise the baseline's assignments.
const MetadataKey = "aiready"

// Archetype is a landing-zone archetype: one of the built-in ones, or a
// user-named one that behaves as a built-in one (its base).
type Archetype string

// The built-in archetypes, and the platform's connectivity archetype.
const (
	Corp         Archetype = "corp"
	Online       Archetype = "online"
	Dev          Archetype = "dev"
	Sandbox      Archetype = "sandbox"
	Connectivity Archetype = "connectivity"
)

// Meaning is what a built-in archetype means for what the components build
// and what the pack requires.
type Meaning struct {
	// InternetFacing: the workload is reached from the internet (an external
	// gateway, DDoS protection required); otherwise every AI endpoint is private.
	InternetFacing bool
	// AuditOnly: the guardrails are assigned at audit level (experimentation).
	AuditOnly bool
	// Platform: a platform subscription's archetype, not a workload's.
	Platform bool
	// Summary says it in a sentence.
	Summary string
}

var meanings = map[Archetype]Meaning{
	Corp:         {Summary: "internal workloads: private endpoints only, an internal gateway, hybrid connectivity"},
	Online:       {InternetFacing: true, Summary: "internet-facing workloads: an external gateway, DDoS protection required"},
	Dev:          {AuditOnly: true, Summary: "AI development: private like corp, guardrails at audit level"},
	Sandbox:      {AuditOnly: true, Summary: "experimentation: private like corp, guardrails at audit level, no hybrid networking"},
	Connectivity: {Platform: true, Summary: "the platform's connectivity hub: the gateways corp workloads may not hold"},
}

// Workloads are the built-in archetypes of workloads, in order.
func Workloads() []Archetype { return []Archetype{Corp, Online, Dev, Sandbox} }

// WorkloadNames are Workloads as strings.
func WorkloadNames() []string {
	out := make([]string, 0, 4)
	for _, a := range Workloads() {
		out = append(out, string(a))
	}
	return out
}

// Meaning returns what a built-in archetype means; false for any other.
func (a Archetype) Meaning() (Meaning, bool) {
	m, ok := meanings[a]
	return m, ok
}

// BuiltIn says whether a is a built-in workload archetype.
func (a Archetype) BuiltIn() bool { return slices.Contains(Workloads(), a) }

// userNamedRE is the shape of a user-named archetype: lower-case letters,
// digits and '-', starting with a letter, at most 32 characters.
var userNamedRE = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)

// ValidName says whether name is a built-in archetype or a well-formed
// user-named one.
func ValidName(name string) bool { return userNamedRE.MatchString(name) }

// Resolve returns the built-in archetype an archetype behaves as: a built-in
// one itself (base empty), a user-named one its base, which must be a
// built-in workload archetype. also are the other built-in archetypes the
// caller accepts as themselves (SecureNetwork's connectivity); a built-in name
// the caller does not accept is never taken as user-named. field and baseField
// name the two inputs in the errors, which say the value and what is allowed.
func Resolve(field, baseField, name, base string, also ...Archetype) (Archetype, error) {
	a, builtIns := Archetype(name), strings.Join(WorkloadNames(), ", ")
	_, reserved := a.Meaning()
	switch {
	case name == "":
		return "", fmt.Errorf("%s is required: use one of %s, or a user-named archetype with %s", field, builtIns, baseField)
	case reserved && !a.BuiltIn() && !slices.Contains(also, a):
		return "", fmt.Errorf("%s: %q is not an archetype here; use one of %s", field, name, builtIns)
	case a.BuiltIn() || slices.Contains(also, a):
		if base != "" {
			return "", fmt.Errorf("%s: %q is set, but %s %q is built in; leave it empty", baseField, base, field, name)
		}
		return a, nil
	case !ValidName(name):
		return "", fmt.Errorf("%s: %q is not an archetype; use one of %s, or a user-named archetype (lower-case letters, digits and '-', at most 32, starting with a letter) with %s", field, name, builtIns, baseField)
	case base == "":
		// A user-named archetype needs its base; without one it is no archetype.
		return "", fmt.Errorf("%s: %q is not an archetype; use one of %s", field, name, builtIns)
	case !Archetype(base).BuiltIn():
		return "", fmt.Errorf("%s: %q is not a built-in archetype; the user-named %s %q behaves as one of %s", baseField, base, field, name, builtIns)
	}
	return Archetype(base), nil
}

// RequiredAssignments are, per built-in archetype, the policies each of its
// management groups must have assigned (at the group or above it), by the names
// the Azure landing zones give them: an assignment's name or a policy set
// member's reference. AIPolicyBaseline assigns all of them for the archetype
// (a library test plans it and checks); the pack's
// governance-baseline-assignments policy requires them by default.
func RequiredAssignments() map[Archetype][]string {
	return map[Archetype][]string{
		Corp: {"Deny-Public-Endpoints", "Modify-Cognitive-Services-Public-Network-Access", "Deny-Cognitive-Services-Local-Auth",
			"Deny-vNic-Pip", "Deny-Mgmt-From-Internet", "Deny-Subnet-Without-NSG"},
		Online: {"Enable-DDoS-VNET", "Deny-Cognitive-Services-Local-Auth", "Deny-AzureAI-Network-Access",
			"Deny-Mgmt-From-Internet", "Deny-Subnet-Without-NSG"},
	}
}

// Keys of the private-link DNS zones (PrivateLinkZone.Key).
const (
	ZoneOpenAI            = "openai"
	ZoneCognitiveServices = "cognitiveservices"
	ZoneAIServices        = "aiservices"
	ZoneSearch            = "search"
	ZoneBlob              = "blob"
	ZoneVault             = "vault"
	ZoneAzureML           = "azureml"
	ZoneNotebooks         = "notebooks"
)

// PrivateLinkZone is an Azure private DNS zone of private endpoints.
type PrivateLinkZone struct {
	// Key names the zone in the components' DNS zone id maps.
	Key string
	// Name is the zone's name (Microsoft's "Azure Private Endpoint private DNS
	// zone values" page, learn.microsoft.com/azure/private-link/private-endpoint-dns).
	Name string
	// Service is what the zone resolves.
	Service string
}

// PrivateLinkZones are the zones the AI landing zone's private endpoints use.
func PrivateLinkZones() []PrivateLinkZone {
	return []PrivateLinkZone{
		{Key: ZoneOpenAI, Name: "privatelink.openai.azure.com", Service: "Azure OpenAI"},
		{Key: ZoneCognitiveServices, Name: "privatelink.cognitiveservices.azure.com", Service: "Azure AI services"},
		{Key: ZoneAIServices, Name: "privatelink.services.ai.azure.com", Service: "Azure AI Foundry"},
		{Key: ZoneSearch, Name: "privatelink.search.windows.net", Service: "Azure AI Search"},
		{Key: ZoneBlob, Name: "privatelink.blob.core.windows.net", Service: "Blob storage"},
		{Key: ZoneVault, Name: "privatelink.vaultcore.azure.net", Service: "Key Vault"},
		{Key: ZoneAzureML, Name: "privatelink.api.azureml.ms", Service: "Azure Machine Learning workspaces"},
		{Key: ZoneNotebooks, Name: "privatelink.notebooks.azure.net", Service: "Azure Machine Learning notebooks"},
	}
}

// PrivateLinkZoneName returns the zone name of a key; false for an unknown key.
func PrivateLinkZoneName(key string) (string, bool) {
	for _, z := range PrivateLinkZones() {
		if z.Key == key {
			return z.Name, true
		}
	}
	return "", false
}
