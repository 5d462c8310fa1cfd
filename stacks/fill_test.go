package stacks

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var inputType = reflect.TypeOf((*pulumi.Input)(nil)).Elem()

// plainDiff reports where two values differ in anything but pulumi inputs (the
// ids Deploy fills in): plain fields, slices, maps and pointers are compared.
func plainDiff(path string, a, b reflect.Value) []string {
	if a.Kind() == reflect.Interface || a.Type().Implements(inputType) {
		return nil
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return []string{path + ": nil on one side"}
			}
			return nil
		}
		return plainDiff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		var out []string
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				out = append(out, plainDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))...)
			}
		}
		return out
	case reflect.Slice:
		if a.Len() != b.Len() {
			return []string{fmt.Sprintf("%s: %d elements, then %d", path, a.Len(), b.Len())}
		}
		var out []string
		for i := range a.Len() {
			out = append(out, plainDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i))...)
		}
		return out
	case reflect.Map:
		if a.Len() != b.Len() {
			return []string{fmt.Sprintf("%s: %d keys, then %d", path, a.Len(), b.Len())}
		}
		var out []string
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				out = append(out, fmt.Sprintf("%s[%v]: missing", path, k))
				continue
			}
			out = append(out, plainDiff(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), bv)...)
		}
		return out
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return []string{fmt.Sprintf("%s: %v, then %v", path, a.Interface(), b.Interface())}
	}
	return nil
}

// TestDeployedArgsAreTheValidated: for each shipped stack, the arguments Deploy
// gives the components are the validated plan's with only ids filled in: every
// plain value is the one NewPlan checked, and every id is the one given.
func TestDeployedArgsAreTheValidated(t *testing.T) {
	id := pulumi.String("filled")
	zones := pulumi.StringMap{"openai": id}
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			cfg, err := LoadConfig(stack, mapSource{values: shippedConfig(t, stack)})
			if err != nil {
				t.Fatal(err)
			}
			p, err := NewPlan(cfg)
			if err != nil {
				t.Fatal(err)
			}
			perRegion := map[string]pulumi.StringInput{}
			var endpoints []*aiendpoint.RegionalAIEndpoint
			for _, r := range cfg.Regions {
				perRegion[r.Location] = id
				endpoints = append(endpoints, &aiendpoint.RegionalAIEndpoint{Endpoint: id.ToStringOutput(), AccountID: id.ToStringOutput()})
			}
			type pair struct {
				name          string
				planned, used any
			}
			pairs := []pair{
				{"Network", p.Network, p.networkFor(perRegion)},
				{"Baseline", p.Baseline, p.baselineFor(id, zones)},
			}
			for i := range p.Endpoints {
				pairs = append(pairs, pair{fmt.Sprintf("Endpoints[%d]", i), p.Endpoints[i], p.endpointFor(i, id, id, zones, id)})
			}
			if p.Gateway != nil {
				pairs = append(pairs, pair{"Gateway", p.Gateway, p.gatewayFor(id, id, endpoints, id, perRegion)})
			}
			if p.Replication != nil {
				pairs = append(pairs, pair{"Replication", p.Replication, p.replicationFor(perRegion, perRegion, zones)})
			}
			for _, c := range pairs {
				for _, d := range plainDiff(c.name, reflect.ValueOf(c.planned), reflect.ValueOf(c.used)) {
					t.Errorf("deployed differs from validated: %s", d)
				}
			}
			if got := p.networkFor(perRegion).Regions[0].ResourceGroupName; got != id {
				t.Errorf("the network's resource group was not filled in: %v", got)
			}
			if got := p.endpointFor(0, id, id, zones, id).PrivateEndpointSubnetID; got != id {
				t.Errorf("the endpoint's subnet was not filled in: %v", got)
			}
			if p.Network.Regions[0].ResourceGroupName == id {
				t.Error("filling in changed the plan itself")
			}
		})
	}
}
