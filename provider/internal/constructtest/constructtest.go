package constructtest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/aiready/aiready/provider"
	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Result is what a construction registered.
type Result struct {
	// Resources are the registrations, in order.
	Resources []pulumitest.Resource
	// State is the component's outputs as the engine receives them (provider only).
	State map[string]any
}

// Provider constructs the component token named name from inputs written as JSON
// (the schema's names), through the provider's Construct.
func Provider(t *testing.T, token, name, inputsJSON string) (Result, error) {
	t.Helper()
	var inputs map[string]any
	if err := json.Unmarshal([]byte(inputsJSON), &inputs); err != nil {
		t.Fatalf("inputs: %v", err)
	}
	rec := &pulumitest.Recorder{}
	mocks := &integration.MockResourceMonitor{
		NewResourceF: func(args integration.MockResourceArgs) (string, property.Map, error) {
			id, state, err := rec.NewResource(pulumi.MockResourceArgs{
				TypeToken: string(args.TypeToken), Name: args.Name, ID: args.ID, Custom: args.Custom,
				Inputs: presource.ToResourcePropertyMap(args.Inputs), RegisterRPC: args.RegisterRPC,
			})
			return id, presource.FromResourcePropertyMap(state), err
		},
		CallF: func(args integration.MockCallArgs) (property.Map, error) {
			out, err := rec.Call(pulumi.MockCallArgs{Token: string(args.Token), Args: presource.ToResourcePropertyMap(args.Args)})
			return presource.FromResourcePropertyMap(out), err
		},
	}
	prov, err := provider.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := integration.NewServer(context.Background(), provider.Name, semver.MustParse(provider.Version),
		integration.WithProvider(prov), integration.WithMocks(mocks))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.Construct(p.ConstructRequest{
		Urn:    presource.NewURN("test", "aiready", "", tokens.Type(token), name),
		Inputs: presource.FromResourcePropertyMap(presource.NewPropertyMapFromMap(inputs)),
	})
	if err != nil {
		return Result{Resources: rec.Resources()}, err
	}
	return Result{Resources: rec.Resources(), State: presource.ToResourcePropertyMap(resp.State).Mappable()}, nil
}

// Library runs build as a Go program under the same mocks.
func Library(t *testing.T, build func(ctx *pulumi.Context) error) ([]pulumitest.Resource, error) {
	t.Helper()
	rec, err := pulumitest.Run(build)
	if rec == nil {
		return nil, err
	}
	return rec.Resources(), err
}

// Same fails the test unless the provider registered exactly the library's
// resources (the component itself among them), each with the same inputs.
func Same(t *testing.T, fromProvider, fromLibrary []pulumitest.Resource) {
	t.Helper()
	if len(fromLibrary) < 2 {
		t.Fatalf("the library registered %d resources: the comparison would prove nothing", len(fromLibrary))
	}
	got, want := index(fromProvider), index(fromLibrary)
	t.Logf("%d resources registered by the provider, %d by the library", len(got), len(want))
	for _, key := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[key]
		switch {
		case !ok:
			t.Errorf("%s: registered by the library only", key)
		case !reflect.DeepEqual(g.Inputs.Mappable(), want[key].Inputs.Mappable()):
			t.Errorf("%s: the inputs differ:\nprovider: %v\n library: %v", key, g.Inputs.Mappable(), want[key].Inputs.Mappable())
		}
	}
	for key := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("%s: registered by the provider only", key)
		}
	}
}

func index(rs []pulumitest.Resource) map[string]pulumitest.Resource {
	out := map[string]pulumitest.Resource{}
	for _, r := range rs {
		key := fmt.Sprintf("%s::%s", r.Type, r.Name)
		if _, dup := out[key]; dup {
			key += " (again)"
		}
		out[key] = r
	}
	return out
}
