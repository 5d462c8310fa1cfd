package apimanagement

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// validPool is a compliant pool over two members; each bad-input case changes one thing.
func validPool() *PoolArgs {
	return &PoolArgs{
		ResourceGroupName: pulumi.String("rg-ai"),
		ServiceName:       "apim-contoso",
		BackendID:         "openai-pool",
		Members: []PoolMember{
			{BackendID: "openai-eastus", Priority: 1, Weight: 50},
			{BackendID: "openai-westus", Priority: 2, Weight: 50},
		},
	}
}

func TestPoolTemplate(t *testing.T) {
	got, err := json.MarshalIndent(validPool().Template(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ApiManagement/service/backends",
      "apiVersion": "2024-05-01",
      "name": "apim-contoso/openai-pool",
      "properties": {
        "type": "Pool",
        "pool": {
          "services": [
            {
              "id": "[resourceId('Microsoft.ApiManagement/service/backends', 'apim-contoso', 'openai-eastus')]",
              "priority": 1,
              "weight": 50
            },
            {
              "id": "[resourceId('Microsoft.ApiManagement/service/backends', 'apim-contoso', 'openai-westus')]",
              "priority": 2,
              "weight": 50
            }
          ]
        }
      }
    }
  ]
}`
	if string(got) != want {
		t.Errorf("template:\n%s\nwant:\n%s", got, want)
	}
	titled := validPool()
	titled.Title, titled.Description = "OpenAI pool", "Regional endpoints"
	props := titled.Template().Resources[0].Properties
	if props.Title != "OpenAI pool" || props.Description != "Regional endpoints" {
		t.Errorf("title and description not carried: %+v", props)
	}
}

// backendProperties returns the template resource's properties as the provider
// would send them, with the backend's path parameters, for a schema check.
func backendProperties(t *testing.T, a *PoolArgs) resource.PropertyMap {
	t.Helper()
	b, err := json.Marshal(a.Template().Resources[0].Properties)
	if err != nil {
		t.Fatal(err)
	}
	var plain map[string]any
	if err := json.Unmarshal(b, &plain); err != nil {
		t.Fatal(err)
	}
	props := resource.NewPropertyMapFromMap(plain)
	for k, v := range map[string]string{"resourceGroupName": "rg-ai", "serviceName": a.ServiceName, "backendId": a.BackendID} {
		props[resource.PropertyKey(k)] = resource.NewProperty(v)
	}
	return props
}

// TestPoolTemplateHasOnlyWhatARMAcceptsForAPool checks the template's backend
// against the azure-native 2.90.0 definition of Backend at API 2024-05-01: every
// property is one of the backend's (at every depth: pool.services[] items are
// BackendPoolItem), the API version is the definition's, and the only complaints
// are the url and protocol the specification requires and ARM refuses on a pool.
func TestPoolTemplateHasOnlyWhatARMAcceptsForAPool(t *testing.T) {
	s := azschema.ForTest(t)
	def, err := s.Resource(BackendType)
	if err != nil {
		t.Fatal(err)
	}
	if def.APIVersion != BackendAPIVersion {
		t.Errorf("the Backend definition is API %s, the template %s", def.APIVersion, BackendAPIVersion)
	}
	for _, args := range []*PoolArgs{validPool(), func() *PoolArgs { a := validPool(); a.Title, a.Description = "t", "d"; return a }()} {
		err := s.ValidateInputs(BackendType, backendProperties(t, args))
		var got []string
		if err != nil {
			got = strings.Split(err.Error(), "\n")
		}
		want := []string{
			`missing required property "protocol" (BackendArgs)`,
			`missing required property "url" (BackendArgs)`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("schema check of the pool backend:\n got %q\nwant %q (url and protocol are what ARM refuses on a pool)", got, want)
		}
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	var plain map[string]any
	b, _ := json.Marshal(validPool().Template().Resources[0].Properties)
	if err := json.Unmarshal(b, &plain); err != nil {
		t.Fatal(err)
	}
	if got := keys(plain); !slices.Equal(got, []string{"pool", "type"}) {
		t.Errorf("pool properties = %v, want exactly pool and type", got)
	}
}

func TestNewPoolBackendRegistersADeployment(t *testing.T) {
	s := azschema.ForTest(t)
	var poolID string
	rec := pulumitest.MustRun(t, func(ctx *pulumi.Context) error {
		args := validPool()
		for i, m := range args.Members {
			be, err := NewBackend(ctx, m.BackendID, &BackendArgs{
				ResourceGroupName: pulumi.String("rg-ai"), ServiceName: pulumi.String(args.ServiceName),
				BackendId: pulumi.String(m.BackendID), Url: pulumi.String("https://" + m.BackendID + ".openai.azure.com/openai"), Protocol: pulumi.String(BackendProtocolHTTP),
			})
			if err != nil {
				return err
			}
			args.Members[i].Backend = be
		}
		pool, err := NewPoolBackend(ctx, "pool", args)
		if err != nil {
			return err
		}
		if pool.Name != "openai-pool" {
			t.Errorf("Name = %q", pool.Name)
		}
		pool.ID.ApplyT(func(id string) error { poolID = id; return nil })
		return nil
	})
	dep := rec.Named(t, DeploymentType, "pool")
	if dep.Version != "2.90.0" {
		t.Errorf("provider version = %q", dep.Version)
	}
	if err := s.ValidateInputs(DeploymentType, dep.Inputs); err != nil {
		t.Errorf("deployment inputs fail the schema: %v", err)
	}
	for path, want := range map[string]string{
		"deploymentName":                                                  "apim-contoso-openai-pool",
		"resourceGroupName":                                               "rg-ai",
		"properties.mode":                                                 "Incremental",
		"properties.template.resources[0].type":                           BackendResourceType,
		"properties.template.resources[0].apiVersion":                     "2024-05-01",
		"properties.template.resources[0].name":                           "apim-contoso/openai-pool",
		"properties.template.resources[0].properties.type":                "Pool",
		"properties.template.resources[0].properties.pool.services[1].id": "[resourceId('Microsoft.ApiManagement/service/backends', 'apim-contoso', 'openai-westus')]",
	} {
		if got := dep.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if n := dep.Len("properties.template.resources"); n != 1 {
		t.Errorf("the template has %d resources, want the pool only", n)
	}
	// The ids wiring: each member's id names a recorded backend of the same service,
	// and the deployment waits for it.
	for i, m := range validPool().Members {
		be := rec.Named(t, BackendType, m.BackendID)
		service, name, ok := ParseBackendID(dep.String("properties.template.resources[0].properties.pool.services[" + string(rune('0'+i)) + "].id"))
		if !ok || service != be.String("serviceName") || name != be.String("backendId") {
			t.Errorf("member %d names %s/%s, want the backend %s/%s", i, service, name, be.String("serviceName"), be.String("backendId"))
		}
		if !slices.Contains(dep.Dependencies, be.URN) {
			t.Errorf("the deployment does not wait for %s", be.Name)
		}
	}
	want := "/subscriptions/" + pulumitest.FakeSubscriptionID + "/resourceGroups/mock/providers/Microsoft.ApiManagement/service/apim-contoso/backends/openai-pool"
	if poolID != want {
		t.Errorf("ID = %q, want %q", poolID, want)
	}
}

func TestPoolArgsRejected(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *PoolArgs)
		want   string
	}{
		{"no resource group", func(a *PoolArgs) { a.ResourceGroupName = nil }, "ResourceGroupName is required: the service's resource group, where the pool's deployment runs"},
		{"bad service name", func(a *PoolArgs) { a.ServiceName = "apim/x" }, `ServiceName: "apim/x" is not an API Management service name; use 1-50 letters, digits and hyphens, starting with a letter and not ending with a hyphen`},
		{"no backend id", func(a *PoolArgs) { a.BackendID = "" }, "BackendID is required: a backend id of the service"},
		{"backend id with a quote", func(a *PoolArgs) { a.BackendID = "o'pool" }, `BackendID: "o'pool" has a character a backend id may not hold; leave out * # & + : < > ? / '`},
		{"backend id too long", func(a *PoolArgs) { a.BackendID = strings.Repeat("p", 81); a.DeploymentName = "d" }, `BackendID: "` + strings.Repeat("p", 81) + `" has 81 characters; at most 80`},
		{"no members", func(a *PoolArgs) { a.Members = nil }, "Members: 0 given; a pool holds 1 to 30 backends"},
		{"too many members", func(a *PoolArgs) {
			a.Members = nil
			for i := range 31 {
				a.Members = append(a.Members, PoolMember{BackendID: "b" + strings.Repeat("x", i)})
			}
		}, "Members: 31 given; a pool holds 1 to 30 backends"},
		{"member twice", func(a *PoolArgs) { a.Members[1].BackendID = "OpenAI-eastus" }, `Members[1].BackendID: "OpenAI-eastus" is also Members[0]; list each backend once`},
		{"pool in itself", func(a *PoolArgs) { a.Members[0].BackendID = "openai-pool" }, `Members[0].BackendID: "openai-pool" is the pool itself; a pool's members are single backends`},
		{"member without id", func(a *PoolArgs) { a.Members[1].BackendID = "" }, "Members[1].BackendID is required: a backend id of the service"},
		{"priority over 100", func(a *PoolArgs) { a.Members[0].Priority = 101 }, "Members[0].Priority: 101 must be between 0 and 100 (lower is tried first)"},
		{"negative weight", func(a *PoolArgs) { a.Members[1].Weight = -1 }, "Members[1].Weight: -1 must be between 0 and 100"},
		{"long title", func(a *PoolArgs) { a.Title = strings.Repeat("t", 301) }, "Title: 301 characters; at most 300"},
		{"long description", func(a *PoolArgs) { a.Description = strings.Repeat("d", 2001) }, "Description: 2001 characters; at most 2000"},
		{"default deployment name too long", func(a *PoolArgs) { a.BackendID = strings.Repeat("p", 60) },
			`DeploymentName (default <ServiceName>-<BackendID>): "apim-contoso-` + strings.Repeat("p", 60) + `" is not a deployment name; use 1-64 letters, digits, '-', '_', '.', '(' and ')', or set DeploymentName`},
		{"bad deployment name", func(a *PoolArgs) { a.DeploymentName = "pool deployment" },
			`DeploymentName: "pool deployment" is not a deployment name; use 1-64 letters, digits, '-', '_', '.', '(' and ')', or set DeploymentName`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := validPool()
			c.change(args)
			var buildErr error
			rec, _ := pulumitest.Run(func(ctx *pulumi.Context) error {
				_, buildErr = NewPoolBackend(ctx, "pool", args)
				return buildErr
			})
			if buildErr == nil || buildErr.Error() != `pool backend "pool": `+c.want {
				t.Errorf("error:\n got: %v\nwant: pool backend \"pool\": %s", buildErr, c.want)
			}
			if n := len(rec.Resources()); n != 0 {
				t.Errorf("%d resources registered", n)
			}
		})
	}
	if err := (*PoolArgs)(nil).Validate(); err == nil || err.Error() != "PoolArgs are required" {
		t.Errorf("nil args: %v", err)
	}
}

func TestNewBackendRefusesAPool(t *testing.T) {
	var buildErr error
	rec, _ := pulumitest.Run(func(ctx *pulumi.Context) error {
		_, buildErr = NewBackend(ctx, "p", &BackendArgs{
			ResourceGroupName: pulumi.String("rg"), ServiceName: pulumi.String("s"), Type: pulumi.String("Pool"),
			Url: pulumi.String("https://x"), Protocol: pulumi.String("http"),
		})
		return buildErr
	})
	want := `backend "p": Type "Pool": the Backend resource cannot create a pool (its schema requires url and protocol, which Azure refuses on a pool); use NewPoolBackend`
	if buildErr == nil || buildErr.Error() != want {
		t.Errorf("error = %v, want %s", buildErr, want)
	}
	if len(rec.Resources()) != 0 {
		t.Error("a resource was registered")
	}
}

func TestParseBackendID(t *testing.T) {
	for in, want := range map[string][2]string{
		BackendIDExpression("apim", "openai-eastus"):                                                                       {"apim", "openai-eastus"},
		"[resourceId('sub', 'rg', 'Microsoft.ApiManagement/service/backends', 'apim', 'b')]":                               {"apim", "b"},
		"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/b":                     {"apim", "b"},
		"/subscriptions/s/resourceGroups/rg/providers/microsoft.apimanagement/service/apim/backends/b/":                    {"apim", "b"},
		"[resourceId('Microsoft.ApiManagement/service/backends', parameters('svc'), 'b')]":                                 {},
		"[resourceId('Microsoft.ApiManagement/service/apis', 'apim', 'b')]":                                                {},
		"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/apis/b":                         {},
		"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/b/credentials/default": {},
		"openai-eastus": {},
	} {
		service, name, ok := ParseBackendID(in)
		if ok != (want[1] != "") || service != want[0] || name != want[1] {
			t.Errorf("ParseBackendID(%q) = %q, %q, %v; want %q", in, service, name, ok, want)
		}
	}
}

func TestPoolID(t *testing.T) {
	got, err := poolID("/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.Resources/deployments/d", "apim", "pool")
	if want := "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.ApiManagement/service/apim/backends/pool"; err != nil || got != want {
		t.Errorf("poolID = %q, %v; want %q", got, err, want)
	}
	if _, err := poolID("/subscriptions/s/providers/Microsoft.Resources/deployments/d", "apim", "pool"); err == nil {
		t.Error("a subscription-scope deployment has no resource group")
	}
}
