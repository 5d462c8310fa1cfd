package graph

import (
	"net/netip"
	"strings"
	"sync"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Outputs returns the outputs Azure computes for the resources the model reads, for
// a mocked run (pulumitest.WithOutputs): an account's properties.endpoint
// (AccountEndpoint), an API Management service's gatewayUrl ("https://" +
// GatewayHost) and, in Internal mode, privateIPAddresses (the first address Azure
// assigns in its subnet, FirstHost). Each run needs its own: it remembers the
// subnets of the networks registered so far.
func Outputs() pulumitest.OutputsFunc {
	o := &outputs{subnets: map[string]netip.Prefix{}}
	return o.add
}

type outputs struct {
	mu      sync.Mutex
	subnets map[string]netip.Prefix // by lower-case subnet id
}

func (o *outputs) add(args pulumi.MockResourceArgs, state resource.PropertyMap) {
	switch {
	case pulumitest.SameType(args.TypeToken, TypeVirtualNetwork):
		o.remember(pulumitest.FakeID(args.TypeToken, args.Name), args.Inputs)
	case pulumitest.SameType(args.TypeToken, TypeAccount):
		props := unwrap(state["properties"])
		if !props.IsObject() {
			return
		}
		obj := props.ObjectValue().Copy()
		sub := unwrap(obj["customSubDomainName"])
		kind := unwrap(state["kind"])
		if !sub.IsString() || !kind.IsString() {
			return
		}
		obj["endpoint"] = resource.NewProperty(AccountEndpoint(kind.StringValue(), sub.StringValue()))
		state["properties"] = resource.NewProperty(obj)
	case pulumitest.SameType(args.TypeToken, TypeAPIMService):
		o.service(state)
	}
}

func (o *outputs) remember(vnetID string, inputs resource.PropertyMap) {
	subnets := unwrap(inputs["subnets"])
	if !subnets.IsArray() {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, s := range subnets.ArrayValue() {
		p, err := netip.ParsePrefix(str(s, "addressPrefix"))
		if err == nil {
			o.subnets[key(vnetID+"/subnets/"+str(s, "name"))] = p
		}
	}
}

func (o *outputs) service(state resource.PropertyMap) {
	name := unwrap(state["serviceName"])
	if !name.IsString() {
		return
	}
	state["gatewayUrl"] = resource.NewProperty("https://" + GatewayHost(name.StringValue()))
	if mode := unwrap(state["virtualNetworkType"]); !mode.IsString() || !strings.EqualFold(mode.StringValue(), "Internal") {
		return
	}
	o.mu.Lock()
	prefix, ok := o.subnets[key(str(resource.NewProperty(state), "virtualNetworkConfiguration.subnetResourceId"))]
	o.mu.Unlock()
	if ok {
		state["privateIPAddresses"] = resource.NewProperty([]resource.PropertyValue{resource.NewProperty(FirstHost(prefix).String())})
	}
}
