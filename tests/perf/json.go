package perf

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/tests/perf/jsonrules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// WriteJSON writes a set as a JSON array, one resource a line.
func WriteJSON(w io.Writer, set []Resource) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("[\n"); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	for i, r := range set {
		j := jsonrules.Resource{Type: r.Type, URN: r.URN, Name: r.Name, Props: plain(r.Inputs)}
		if r.ProviderURN != "" {
			u := resource.URN(r.ProviderURN)
			j.Provider = &jsonrules.Provider{Type: string(u.Type()), URN: r.ProviderURN, Name: u.Name(), Props: plain(r.Provider)}
		}
		b, err := json.Marshal(j)
		if err != nil {
			return fmt.Errorf("encoding %s: %w", r.URN, err)
		}
		if i > 0 {
			if _, err := bw.WriteString(",\n"); err != nil {
				return fmt.Errorf("writing JSON: %w", err)
			}
		}
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("writing JSON: %w", err)
		}
	}
	if _, err := bw.WriteString("\n]\n"); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// WriteJSONFile writes a set to a file.
func WriteJSONFile(path string, set []Resource) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	if err := WriteJSON(f, set); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("closing %s: %w", path, err)
	}
	return nil
}

// plain converts a property map to JSON values: secrets and outputs as their values,
// unknowns as absent (as @pulumi/policy shows them at preview).
func plain(m resource.PropertyMap) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if pv, ok := plainValue(v); ok {
			out[string(k)] = pv
		}
	}
	return out
}

func plainValue(v resource.PropertyValue) (any, bool) {
	switch {
	case v.IsNull():
		return nil, true
	case v.IsBool():
		return v.BoolValue(), true
	case v.IsNumber():
		return v.NumberValue(), true
	case v.IsString():
		return v.StringValue(), true
	case v.IsArray():
		a := v.ArrayValue()
		out := make([]any, 0, len(a))
		for _, e := range a {
			if pe, ok := plainValue(e); ok {
				out = append(out, pe)
			} else {
				out = append(out, nil)
			}
		}
		return out, true
	case v.IsObject():
		return plain(v.ObjectValue()), true
	case v.IsSecret():
		return plainValue(v.SecretValue().Element)
	case v.IsOutput():
		if o := v.OutputValue(); o.Known {
			return plainValue(o.Element)
		}
	}
	return nil, false
}

// Break returns a copy of a set in which every every-th resource that one of
// jsonrules.ThreeRules reads violates it: an AI account with key access enabled, an online
// virtual network without DDoS protection, a security group with a rule opening
// 20-25 to the internet. The TypeScript and Go evaluations must then agree on the
// number of findings, not only on none.
func Break(set []Resource, every int) []Resource {
	out := make([]Resource, len(set))
	copy(out, set)
	seen := map[string]int{}
	for i, r := range out {
		t := normalize(r.Type)
		switch t {
		case "azure-native:cognitiveservices:Account", "azure-native:network:VirtualNetwork", "azure-native:network:NetworkSecurityGroup":
		default:
			continue
		}
		seen[t]++
		if (seen[t]-1)%every != 0 {
			continue
		}
		in := r.Inputs.Copy()
		switch t {
		case "azure-native:cognitiveservices:Account":
			p := resource.PropertyMap{}
			if v, ok := in["properties"]; ok && v.IsObject() {
				p = v.ObjectValue().Copy()
			}
			p["disableLocalAuth"] = resource.NewProperty(false)
			in["properties"] = resource.NewProperty(p)
		case "azure-native:network:VirtualNetwork":
			delete(in, "enableDdosProtection")
			delete(in, "ddosProtectionPlan")
		case "azure-native:network:NetworkSecurityGroup":
			var list []resource.PropertyValue
			if v, ok := in["securityRules"]; ok && v.IsArray() {
				list = append(list, v.ArrayValue()...)
			}
			list = append(list, resource.NewProperty(resource.PropertyMap{
				"name":                     resource.NewProperty("allow-ssh-from-anywhere"),
				"direction":                resource.NewProperty("Inbound"),
				"access":                   resource.NewProperty("Allow"),
				"protocol":                 resource.NewProperty("Tcp"),
				"priority":                 resource.NewProperty(4000.0),
				"sourceAddressPrefix":      resource.NewProperty("Internet"),
				"sourcePortRange":          resource.NewProperty("*"),
				"destinationPortRange":     resource.NewProperty("20-25"),
				"destinationAddressPrefix": resource.NewProperty("*"),
			}))
			in["securityRules"] = resource.NewProperty(list)
		}
		out[i].Inputs = in
	}
	return out
}

func normalize(token string) string { return rules.NormalizeType(token) }
