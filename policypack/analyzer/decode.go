package analyzer

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
	"google.golang.org/protobuf/types/known/structpb"
)

// decode turns the engine's struct into a property map, as plugin.UnmarshalProperties
// does with KeepUnknowns, KeepSecrets, KeepResources and KeepOutputValues, but without
// its per-value bookkeeping: the common shapes (scalars, lists, objects, unknown
// sentinels, secrets) are decoded here, and the rare ones (resource references, assets,
// archives, output values) are handed to plugin.UnmarshalPropertyValue. A test checks
// that both give the same map.
func decode(s *structpb.Struct) (resource.PropertyMap, error) {
	fields := s.GetFields()
	out := make(resource.PropertyMap, len(fields))
	for k, v := range fields {
		pv, err := decodeValue(k, v)
		if err != nil {
			return nil, err
		}
		out[resource.PropertyKey(k)] = pv
	}
	return out, nil
}

func decodeValue(key string, v *structpb.Value) (resource.PropertyValue, error) {
	switch x := v.GetKind().(type) {
	case nil, *structpb.Value_NullValue:
		return resource.NewNullProperty(), nil
	case *structpb.Value_BoolValue:
		return resource.NewProperty(x.BoolValue), nil
	case *structpb.Value_NumberValue:
		return resource.NewProperty(x.NumberValue), nil
	case *structpb.Value_StringValue:
		if isUnknownSentinel(x.StringValue) {
			return resource.MakeComputed(resource.NewProperty("")), nil
		}
		return resource.NewProperty(x.StringValue), nil
	case *structpb.Value_ListValue:
		values := x.ListValue.GetValues()
		out := make([]resource.PropertyValue, len(values))
		for i, e := range values {
			pv, err := decodeValue(key, e)
			if err != nil {
				return resource.PropertyValue{}, err
			}
			out[i] = pv
		}
		return resource.NewProperty(out), nil
	case *structpb.Value_StructValue:
		fields := x.StructValue.GetFields()
		if s, ok := fields[sig.Key]; ok {
			if s.GetStringValue() == sig.Secret {
				inner, err := decodeValue(key, fields["value"])
				if err != nil {
					return resource.PropertyValue{}, err
				}
				return resource.MakeSecret(inner), nil
			}
			pv, err := plugin.UnmarshalPropertyValue(resource.PropertyKey(key), v, marshalOptions("analyze"))
			if err != nil {
				return resource.PropertyValue{}, fmt.Errorf("property %s: %w", key, err)
			}
			if pv == nil {
				return resource.NewNullProperty(), nil
			}
			return *pv, nil
		}
		out := make(resource.PropertyMap, len(fields))
		for k, e := range fields {
			pv, err := decodeValue(k, e)
			if err != nil {
				return resource.PropertyValue{}, err
			}
			out[resource.PropertyKey(k)] = pv
		}
		return resource.NewProperty(out), nil
	}
	return resource.PropertyValue{}, fmt.Errorf("property %s: unexpected value %T", key, v.GetKind())
}

// isUnknownSentinel reports whether a string is one of the engine's unknown values.
func isUnknownSentinel(s string) bool {
	if len(s) != 36 {
		return false
	}
	switch s {
	case sig.UnknownStringValue, sig.UnknownBoolValue, sig.UnknownNumberValue, sig.UnknownArrayValue,
		sig.UnknownAssetValue, sig.UnknownArchiveValue, sig.UnknownObjectValue:
		return true
	}
	return false
}
