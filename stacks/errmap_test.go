package stacks

import (
	"errors"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/replication"
)

// TestComponentErrorsNameTheConfigKey: a value the configuration checks pass but
// a component refuses is reported with the config key that set it, before any
// resource is registered, and the error still wraps both ErrConfig and the
// component's own error.
func TestComponentErrorsNameTheConfigKey(t *testing.T) {
	cases := []struct {
		name, stack, key, value, want string
		component                     error
	}{
		{"a region's address space too small for its subnets", "online", "ai-ready:regions",
			`[{"location":"swedencentral","addressSpace":"10.30.0.0/26"},{"location":"eastus2","addressSpace":"10.31.0.0/22"}]`,
			"ai-ready:regions[0].addressSpace: Regions[0].AddressSpace: 10.30.0.0/26 (64 addresses) is too small", nil},
		{"a gateway SKU that cannot join a network", "corp", "ai-ready:gateway",
			`{"publisherEmail":"ops@contoso.com","publisherName":"Contoso","sku":"Basic"}`,
			`the configuration gives AIGateway invalid arguments: ai-ready:gateway.sku: SkuName: "Basic" cannot be injected into a virtual network`, nil},
		{"too few search replicas", "corp", "ai-ready:replication",
			`{"searchReplicas":1}`,
			"ai-ready:replication.searchReplicas: Search.ReplicaCount 1 is below 2", replication.ErrInvalidArgs},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := shippedConfig(t, c.stack)
			cfg[c.key] = c.value
			rec, err := runStack(t, c.stack, cfg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, c.want)
			}
			if !errors.Is(err, ErrConfig) || (c.component != nil && !errors.Is(err, c.component)) {
				t.Errorf("the error does not wrap ErrConfig and the component's error: %v", err)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered before the error", n)
			}
		})
	}
}

// TestWithConfigKeys: lines naming no configured field are left as they are.
func TestWithConfigKeys(t *testing.T) {
	msg := "securenetwork: invalid SecureNetwork arguments: Regions[1].Location: x\nAPIM.VirtualNetworkType: y"
	want := "securenetwork: invalid SecureNetwork arguments: ai-ready:regions[1].location: Regions[1].Location: x\nAPIM.VirtualNetworkType: y"
	if got := withConfigKeys("SecureNetwork", msg); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
