package analyzer

import (
	"fmt"

	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

func marshalOptions(label string) plugin.MarshalOptions {
	return plugin.MarshalOptions{
		Label:            "aiready." + label,
		KeepUnknowns:     true,
		KeepSecrets:      true,
		KeepResources:    true,
		KeepOutputValues: true,
	}
}

// newResource unmarshals a resource and its provider's inputs. providers caches the
// provider inputs by URN across one AnalyzeStack call (nil: no cache).
func newResource(token, urn, name string, props *structpb.Struct, provider *pulumirpc.AnalyzerProviderResource,
	providers map[string]resource.PropertyMap,
) (*rules.Resource, error) {
	pm, err := decode(props)
	if err != nil {
		return nil, fmt.Errorf("decoding the properties of %s: %w", urn, err)
	}
	r := rules.NewResource(token, urn, name, pm)
	if provider != nil && provider.GetProperties() != nil {
		key := provider.GetUrn()
		if cached, ok := providers[key]; ok && key != "" {
			r.Provider = cached
		} else {
			pp, err := decode(provider.GetProperties())
			if err != nil {
				return nil, fmt.Errorf("decoding the provider of %s: %w", urn, err)
			}
			r.Provider = pp
			if providers != nil && key != "" {
				providers[key] = pp
			}
		}
	}
	return r, nil
}

func toRPCLevel(l rules.Level) pulumirpc.EnforcementLevel {
	switch l {
	case rules.Mandatory:
		return pulumirpc.EnforcementLevel_MANDATORY
	case rules.Disabled:
		return pulumirpc.EnforcementLevel_DISABLED
	case rules.Remediate:
		return pulumirpc.EnforcementLevel_REMEDIATE
	default:
		return pulumirpc.EnforcementLevel_ADVISORY
	}
}

func fromRPCLevel(l pulumirpc.EnforcementLevel) (rules.Level, error) {
	switch l {
	case pulumirpc.EnforcementLevel_ADVISORY:
		return rules.Advisory, nil
	case pulumirpc.EnforcementLevel_MANDATORY:
		return rules.Mandatory, nil
	case pulumirpc.EnforcementLevel_DISABLED:
		return rules.Disabled, nil
	case pulumirpc.EnforcementLevel_REMEDIATE:
		return rules.Remediate, nil
	}
	return "", fmt.Errorf("enforcement level %d is not one of advisory, mandatory, disabled, remediate", l)
}

func toRPCSeverity(s rules.Severity) pulumirpc.PolicySeverity {
	switch s {
	case rules.Low:
		return pulumirpc.PolicySeverity_POLICY_SEVERITY_LOW
	case rules.Medium:
		return pulumirpc.PolicySeverity_POLICY_SEVERITY_MEDIUM
	case rules.High:
		return pulumirpc.PolicySeverity_POLICY_SEVERITY_HIGH
	case rules.Critical:
		return pulumirpc.PolicySeverity_POLICY_SEVERITY_CRITICAL
	}
	return pulumirpc.PolicySeverity_POLICY_SEVERITY_UNSPECIFIED
}
