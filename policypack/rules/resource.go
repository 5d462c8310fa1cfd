package rules

import (
	"strings"

	"github.com/aiready/aiready/policypack/internal/conventions"
	"github.com/aiready/aiready/policypack/props"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Resource types the rules read, without an API-version module.
const (
	TypeAccount             = "azure-native:cognitiveservices:Account"
	TypeDeployment          = "azure-native:cognitiveservices:Deployment"
	TypeSearchService       = "azure-native:search:Service"
	TypeMLWorkspace         = "azure-native:machinelearningservices:Workspace"
	TypeStorageAccount      = "azure-native:storage:StorageAccount"
	TypeObjectReplication   = "azure-native:storage:ObjectReplicationPolicy"
	TypeKeyVault            = "azure-native:keyvault:Vault"
	TypeVirtualNetwork      = "azure-native:network:VirtualNetwork"
	TypeSubnet              = "azure-native:network:Subnet"
	TypeNSG                 = "azure-native:network:NetworkSecurityGroup"
	TypeSecurityRule        = "azure-native:network:SecurityRule"
	TypeNetworkInterface    = "azure-native:network:NetworkInterface"
	TypePrivateEndpoint     = "azure-native:network:PrivateEndpoint"
	TypeGateway             = "azure-native:network:VirtualNetworkGateway"
	TypeGatewayConnection   = "azure-native:network:VirtualNetworkGatewayConnection"
	TypeBastionHost         = "azure-native:network:BastionHost"
	TypeVirtualMachine      = "azure-native:compute:VirtualMachine"
	TypeVMScaleSet          = "azure-native:compute:VirtualMachineScaleSet"
	TypeAPIMService         = "azure-native:apimanagement:ApiManagementService"
	TypeAPIMBackend         = "azure-native:apimanagement:Backend"
	TypeManagementGroup     = "azure-native:management:ManagementGroup"
	TypeManagementGroupSub  = "azure-native:management:ManagementGroupSubscription"
	TypePolicyAssignment    = "azure-native:authorization:PolicyAssignment"
	TypeProviderAzureNative = "pulumi:providers:azure-native"
	tagArchetype            = conventions.ArchetypeTag
	tagEnvironment          = conventions.EnvironmentTag
	tagComponent            = conventions.ComponentTag
)

// metadataKey is the path of the policy baseline's metadata on an assignment.
const metadataKey = "metadata." + conventions.MetadataKey

// Tag keys the rules read (the components stamp them on every taggable resource).
const (
	TagArchetype   = tagArchetype
	TagEnvironment = tagEnvironment
	TagComponent   = tagComponent
)

// Resource is one resource as the engine describes it to the pack.
type Resource struct {
	// Type is the type token without an API-version module
	// ("azure-native:cognitiveservices:Account" for ".../v20241001:Account").
	Type string
	// Token is the type token as registered.
	Token string
	// URN is the resource's URN.
	URN string
	// Name is the resource's Pulumi name.
	Name string
	// Props are the resource's properties. In Analyze they are its inputs. In
	// AnalyzeStack they are its outputs (its state) overlaid with the inputs Analyze
	// received for it earlier in the same run, when it did (see ApplyInputs).
	Props resource.PropertyMap
	// Inputs are the inputs the program declared, as Analyze received them (after the
	// provider's Check); nil when the resource was not analyzed in this run, e.g. in an
	// AnalyzeStack call that no Analyze of the resource preceded. Read them with Input,
	// Unset and Declared.
	Inputs resource.PropertyMap
	// Provider are the inputs of the resource's provider, if known.
	Provider resource.PropertyMap
	// Parent is the parent's URN (AnalyzeStack only).
	Parent string
	// Dependencies are the URNs the resource depends on (AnalyzeStack only).
	Dependencies []string
	// PropertyDependencies maps a top-level property to the URNs its value came from (AnalyzeStack only).
	PropertyDependencies map[string][]string

	class    Classification
	classCtx *Context
}

// NewResource returns a resource with its type normalised.
func NewResource(token, urn, name string, properties resource.PropertyMap) *Resource {
	return &Resource{Type: NormalizeType(token), Token: token, URN: urn, Name: name, Props: properties}
}

// NormalizeType strips an API-version module from a type token:
// "azure-native:cognitiveservices/v20241001:Account" becomes
// "azure-native:cognitiveservices:Account". Other tokens are returned unchanged.
func NormalizeType(token string) string {
	first := strings.IndexByte(token, ':')
	if first < 0 {
		return token
	}
	rest := token[first+1:]
	second := strings.IndexByte(rest, ':')
	if second < 0 {
		return token
	}
	module := rest[:second]
	slash := strings.IndexByte(module, '/')
	if slash < 0 {
		return token
	}
	if v := module[slash+1:]; len(v) < 2 || v[0] != 'v' || v[1] < '0' || v[1] > '9' {
		return token
	}
	return token[:first+1] + module[:slash] + rest[second:]
}

// Get reads a property by dotted path ("properties.networkAcls.defaultAction").
func (r *Resource) Get(path string) props.Value { return props.Map(r.Props).Get(path) }

// ApplyInputs records the resource's analyzed inputs and overlays them on its
// properties (its outputs, in AnalyzeStack): every top-level input replaces the
// property of the same name, and the properties that are not inputs (ids, endpoints,
// provisioning states) stay. The inputs win because they are what the program
// declared, whereas the outputs lack input-only properties (a Deployment's
// accountName), are unknown at preview wherever the program set nothing, and may give
// a name another meaning (an API Management Backend's input type is "Single" or
// "Pool", its output type the ARM resource type). A nil map changes nothing.
func (r *Resource) ApplyInputs(inputs resource.PropertyMap) {
	if inputs == nil {
		return
	}
	merged := make(resource.PropertyMap, len(r.Props)+len(inputs))
	for k, v := range r.Props {
		merged[k] = v
	}
	for k, v := range inputs {
		merged[k] = v
	}
	r.Props, r.Inputs = merged, inputs
	r.classCtx = nil // the tags may have changed
}

// Input reads the analyzed inputs by dotted path, and reports whether the resource was
// analyzed at all; when it was not, the value is Absent and says nothing.
func (r *Resource) Input(path string) (v props.Value, analyzed bool) {
	if r.Inputs == nil {
		return props.Value{}, false
	}
	return props.Map(r.Inputs).Get(path), true
}

// Unset reports whether the program did not set the input at path: the resource was
// analyzed and its inputs hold nothing (or null) there. An input set to a value not
// known yet is not unset, and without analyzed inputs nothing is: an unknown output
// may then be an input the program set from another resource's output.
func (r *Resource) Unset(path string) bool {
	v, analyzed := r.Input(path)
	return analyzed && v.IsAbsent()
}

// Declared returns a property only the program sets, as the program declared it: the
// analyzed input, Absent when the program did not set it (at preview the outputs say
// unknown there, which would turn a missing setting into "cannot verify"); without
// analyzed inputs, the property's value (Get). A property Azure fills in when the
// program leaves it out (a location, a name) is read with Get.
func (r *Resource) Declared(path string) props.Value {
	if v, analyzed := r.Input(path); analyzed {
		return v
	}
	return r.Get(path)
}

// Tag returns a tag's value and whether it is a known string.
func (r *Resource) Tag(key string) (string, bool) {
	return r.Get("tags").Field(key).Str()
}

// nameKeys are the input properties that carry a resource's Azure name, per type.
var nameKeys = map[string]string{
	TypeAccount:            "accountName",
	TypeDeployment:         "deploymentName",
	TypeSearchService:      "searchServiceName",
	TypeMLWorkspace:        "workspaceName",
	TypeStorageAccount:     "accountName",
	TypeKeyVault:           "vaultName",
	TypeVirtualNetwork:     "virtualNetworkName",
	TypeSubnet:             "subnetName",
	TypeNSG:                "networkSecurityGroupName",
	TypeSecurityRule:       "securityRuleName",
	TypeNetworkInterface:   "networkInterfaceName",
	TypePrivateEndpoint:    "privateEndpointName",
	TypeGateway:            "virtualNetworkGatewayName",
	TypeGatewayConnection:  "virtualNetworkGatewayConnectionName",
	TypeBastionHost:        "bastionHostName",
	TypeAPIMBackend:        "backendId",
	TypeManagementGroup:    "groupId",
	TypePolicyAssignment:   "policyAssignmentName",
	TypeVirtualMachine:     "vmName",
	TypeAPIMService:        "serviceName",
	TypeObjectReplication:  "objectReplicationPolicyId",
	TypeManagementGroupSub: "subscriptionId",
}

// AzureName returns the resource's Azure name: its type's name input (e.g. accountName)
// or, in outputs, "name". It is Absent when neither is set (Azure auto-naming).
func (r *Resource) AzureName() props.Value {
	if k, ok := nameKeys[r.Type]; ok {
		if v := r.Get(k); !v.IsAbsent() {
			return v
		}
	}
	return r.Get("name")
}

// Label names the resource in messages: its Pulumi name.
func (r *Resource) Label() string { return r.Name }

// Location returns the resource's region as the catalog names it ("eastus2"), the
// property's value, and whether the region is known.
func (r *Resource) Location() (string, props.Value, bool) {
	v := r.Get("location")
	s, ok := v.Str()
	if !ok || s == "" {
		return "", v, false
	}
	return normalizeRegion(s), v, true
}

func normalizeRegion(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

// Subscription returns the resource's subscription id and whether it could be told:
// from the provider's subscriptionId, else from an id or scope property containing
// /subscriptions/<id>/. unknown is true when the telling value is unknown at preview.
func (r *Resource) Subscription() (id string, unknown bool) {
	pv := props.Map(r.Provider).Field("subscriptionId")
	if s, ok := pv.Str(); ok && s != "" {
		return s, false
	}
	unknown = pv.IsUnknown()
	for _, k := range [...]string{"id", "scope"} {
		v := r.Get(k)
		if v.IsUnknown() {
			unknown = true
			continue
		}
		if s, ok := v.Str(); ok {
			if id := SubscriptionOf(s); id != "" {
				return id, false
			}
		}
	}
	return "", unknown
}

// SubscriptionOf extracts the subscription id of an ARM id or scope, or "".
func SubscriptionOf(armID string) string {
	const marker = "/subscriptions/"
	i := indexFold(armID, marker)
	if i < 0 {
		return ""
	}
	rest := armID[i+len(marker):]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// ManagementGroupOf extracts the group id of a management group id or scope
// (/providers/Microsoft.Management/managementGroups/<id>...), or "".
func ManagementGroupOf(armID string) string {
	const marker = "/providers/microsoft.management/managementgroups/"
	i := indexFold(armID, marker)
	if i < 0 {
		return ""
	}
	rest := armID[i+len(marker):]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case needle.
func indexFold(s, lowerNeedle string) int {
	n := len(lowerNeedle)
	for i := 0; i+n <= len(s); i++ {
		match := true
		for j := 0; j < n; j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lowerNeedle[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// DependsOn reports whether the property key's value came from the resource with the
// given URN (AnalyzeStack's property dependencies), or, with key "", whether the
// resource depends on it at all.
func (r *Resource) DependsOn(key, urn string) bool {
	if urn == "" {
		return false
	}
	if key == "" {
		for _, d := range r.Dependencies {
			if d == urn {
				return true
			}
		}
		for _, deps := range r.PropertyDependencies {
			for _, d := range deps {
				if d == urn {
					return true
				}
			}
		}
		return false
	}
	for _, d := range r.PropertyDependencies[key] {
		if d == urn {
			return true
		}
	}
	return false
}
