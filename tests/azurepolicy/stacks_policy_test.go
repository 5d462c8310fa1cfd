package azurepolicy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/rules"
	"github.com/aiready/aiready/tests/perf"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// tenantDir holds the tenant exports the stacks are judged against: built-in
// definitions written from Azure's files (builtins/), the ALZ estate's corp
// guardrail (alz-estate/) and a tenant that allows only EU regions (eu-only/).
var tenantDir = filepath.Join("..", "testdata", "azure-policy")

// estateHierarchy is the ALZ estate above the stacks' own groups: ai-corp,
// ai-online and ai-dev are placed under corp, online and sandbox by the stacks
// themselves (ManagementGroup parents).
var estateHierarchy = map[string]any{"corp": "landingzones", "online": "landingzones", "landingzones": "alz", "sandbox": "alz", "alz": ""}

// stackResources records a stack from its shipped config under the mocks, as the
// engine describes it to the pack's AnalyzeStack at preview (outputs overlaid
// with the inputs); change, when given, breaks the resources it returns true for.
func stackResources(t *testing.T, stack string, change func(*perf.Resource) bool) []*rules.Resource {
	t.Helper()
	cfg, err := perf.ShippedConfig("../..", stack)
	if err != nil {
		t.Fatal(err)
	}
	recorded, err := perf.Record(stack, cfg)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	out := make([]*rules.Resource, 0, len(recorded))
	for i := range recorded {
		p := &recorded[i]
		if change != nil && change(p) {
			changed++
		}
		r := rules.NewResource(p.Type, p.URN, p.Name, p.Inputs)
		r.ApplyInputs(p.Inputs)
		r.Provider, r.Parent, r.Dependencies, r.PropertyDependencies = p.Provider, p.Parent, p.Dependencies, p.PropertyDependencies
		out = append(out, r)
	}
	if change != nil && changed == 0 {
		t.Fatalf("%s: the change touched no resource", stack)
	}
	return out
}

// tenantContext configures the pack's azure-policy-assignments policy with the
// tenant exports under tenantDir named by dirs, and the estate's hierarchy.
func tenantContext(t *testing.T, dirs ...string) *rules.Context {
	t.Helper()
	ctx := rules.NewContext()
	ctx.Settings = ctx.Settings.Clone()
	files := make([]any, 0, len(dirs))
	for _, d := range dirs {
		abs, err := filepath.Abs(filepath.Join(tenantDir, d))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, abs)
	}
	if err := ctx.Settings.Set("azurePolicyFiles", files); err != nil {
		t.Fatal(err)
	}
	if err := ctx.Settings.Set("azurePolicyManagementGroups", estateHierarchy); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// judge runs the policy over the resources.
func judge(ctx *rules.Context, rs []*rules.Resource) []rules.Finding {
	return rules.AzurePolicyAssignments.RunStack(ctx, rules.NewStack(rs))
}

// denyAssignments are the names of the policy assignments a stack registers
// whose effect is Deny (an effect parameter, or a set member's, set to Deny) and
// that are enforced.
func denyAssignments(rs []*rules.Resource) []string {
	var out []string
	for _, r := range rs {
		if !strings.HasSuffix(r.Type, ":PolicyAssignment") || r.Inputs["enforcementMode"].StringValue() == "DoNotEnforce" {
			continue
		}
		if _, ok := notARMEvaluated[r.Inputs["policyAssignmentName"].StringValue()]; ok {
			continue
		}
		params := r.Inputs["parameters"]
		if !params.IsObject() {
			continue
		}
		for name, p := range params.ObjectValue() {
			v := p.ObjectValue()["value"]
			if strings.HasSuffix(strings.ToLower(string(name)), "effect") && v.IsString() && strings.EqualFold(v.StringValue(), "Deny") {
				out = append(out, r.Inputs["policyAssignmentName"].StringValue())
				break
			}
		}
	}
	return out
}

// notARMEvaluated are Deny assignments of the stacks that Azure Resource
// Manager does not evaluate at deployment, so the evaluator cannot either.
var notARMEvaluated = map[string]string{
	"Enforce-AI-ApprovedModel": "built-in aafe3651 has the resource provider mode Microsoft.CognitiveServices.Data (Azure's facts): " +
		"the Cognitive Services data plane enforces it on model deployments; the pack's ai-deployments-approved-models rule judges the same allow-list",
}

// TestStacksCompliantWithTheirDenies: each shipped stack, judged with the
// assignments it registers and the ALZ estate's corp guardrail, with the
// built-in definitions they use supplied from Azure's files, meets every Deny:
// no mandatory finding, and every enforced Deny assignment it registers is
// actually evaluated (its definition supplied), so compliance is not a default.
func TestStacksCompliantWithTheirDenies(t *testing.T) {
	minDenies := map[string]int{"dev": 0, "corp": 1, "online": 2}
	for _, stack := range []string{"dev", "corp", "online"} {
		t.Run(stack, func(t *testing.T) {
			rs := stackResources(t, stack, nil)
			denies := denyAssignments(rs)
			if len(denies) < minDenies[stack] {
				t.Fatalf("the %s stack registers the enforced Deny assignments %v; want at least %d", stack, denies, minDenies[stack])
			}
			fs := judge(tenantContext(t, "builtins", "alz-estate"), rs)
			for _, f := range fs {
				if !f.Advisory {
					t.Errorf("mandatory: %s", f.Render(true))
				}
				for _, d := range denies {
					if strings.Contains(f.Message, `policy assignment "`+d+`"`) && strings.Contains(f.Message, "not evaluated") {
						t.Errorf("the Deny assignment %s is not evaluated: %s", d, f.Message)
					}
				}
			}
		})
	}
}

// setProperty sets a property of a resource's inputs by path ("properties.x"),
// creating the objects on the way, and returns the new inputs.
func setProperty(m resource.PropertyMap, path string, v resource.PropertyValue) resource.PropertyMap {
	m = m.Copy()
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[resource.PropertyKey(head)] = v
		return m
	}
	inner := resource.PropertyMap{}
	if cur := m[resource.PropertyKey(head)]; cur.IsObject() {
		inner = cur.ObjectValue()
	}
	m[resource.PropertyKey(head)] = resource.NewObjectProperty(setProperty(inner, rest, v))
	return m
}

// changeType changes every resource of the type (the token's last segment) once.
func changeType(typ string, change func(resource.PropertyMap) resource.PropertyMap) func(*perf.Resource) bool {
	return func(p *perf.Resource) bool {
		if !strings.HasSuffix(p.Type, ":"+typ) {
			return false
		}
		p.Inputs = change(p.Inputs)
		return true
	}
}

// policyVariant is a stack with one property changed, and what Azure Policy
// does to it.
type policyVariant struct {
	stack, what string
	change      func(*perf.Resource) bool
	// assignment and definition must be named by a finding on a resource of
	// resourceType, mandatory unless advisory.
	assignment, definition, resourceType string
	advisory                             bool
}

func policyVariants() []policyVariant {
	public := func(m resource.PropertyMap) resource.PropertyMap {
		m = setProperty(m, "properties.publicNetworkAccess", resource.NewStringProperty("Enabled"))
		return setProperty(m, "properties.networkAcls.defaultAction", resource.NewStringProperty("Allow"))
	}
	moved := func(m resource.PropertyMap) resource.PropertyMap {
		return setProperty(m, "location", resource.NewStringProperty("northeurope"))
	}
	return []policyVariant{
		{stack: "corp", what: "a public AI account (the e2e broken variant)", change: changeType("Account", public),
			assignment: "Deny-Public-Endpoints", definition: "037eea7a-bd0a-46c5-9a66-03aea78705d3", resourceType: "cognitiveservices:Account"},
		{stack: "corp", what: "a storage account open to public networks",
			change: changeType("StorageAccount", func(m resource.PropertyMap) resource.PropertyMap {
				return setProperty(m, "publicNetworkAccess", resource.NewStringProperty("Enabled"))
			}),
			assignment: "Deny-Public-Endpoints", definition: "b2982f36-99f2-4db5-8eff-283140c09693", resourceType: "storage:StorageAccount"},
		{stack: "corp", what: "an AI account outside the allowed regions", change: changeType("Account", moved),
			assignment: "Deny-Resource-Locations", definition: "e56962a6-4747-49cd-b67b-bf8b01975c4c", resourceType: "cognitiveservices:Account"},
		{stack: "online", what: "a virtual network outside the allowed regions", change: changeType("VirtualNetwork", moved),
			assignment: "Deny-Resource-Locations", definition: "e56962a6-4747-49cd-b67b-bf8b01975c4c", resourceType: "network:VirtualNetwork"},
		{stack: "dev", what: "a public AI account in the audit-only sandbox", change: changeType("Account", public),
			assignment: "Enforce-GR-OpenAI", definition: "037eea7a-bd0a-46c5-9a66-03aea78705d3", resourceType: "cognitiveservices:Account", advisory: true},
	}
}

// TestStackVariantsDeniedByAzurePolicy: each variant is reported by the
// assignment that covers it in Azure, with its definition, on the changed
// resource (mandatory for a Deny, advisory for the sandbox's Audit), and the
// unchanged stack has no such finding.
func TestStackVariantsDeniedByAzurePolicy(t *testing.T) {
	for _, v := range policyVariants() {
		t.Run(v.stack+"/"+v.what, func(t *testing.T) {
			ctx := tenantContext(t, "builtins", "alz-estate")
			if n := matching(judge(ctx, stackResources(t, v.stack, nil)), v); n != 0 {
				t.Fatalf("the unchanged %s stack already has %d such findings", v.stack, n)
			}
			fs := judge(ctx, stackResources(t, v.stack, v.change))
			if matching(fs, v) == 0 {
				for _, f := range fs {
					t.Logf("advisory=%v %s: %s", f.Advisory, f.URN, f.Message)
				}
				t.Fatalf("no %s finding of assignment %s (definition %s) on %s", level(v.advisory), v.assignment, v.definition, v.resourceType)
			}
			for _, f := range fs {
				if !f.Advisory && v.advisory {
					t.Errorf("mandatory finding in the audit-only stack: %s", f.Message)
				}
			}
		})
	}
}

// isType says whether the URN's resource is of the azure-native type
// "module:Name", in any API-version module.
func isType(urn, typ string) bool {
	t := string(resource.URN(urn).Type())
	mod, name, _ := strings.Cut(typ, ":")
	inModule := strings.HasPrefix(t, "azure-native:"+mod+":") || strings.HasPrefix(t, "azure-native:"+mod+"/")
	return inModule && strings.HasSuffix(t, ":"+name)
}

func level(advisory bool) string {
	if advisory {
		return "advisory"
	}
	return "mandatory"
}

// matching counts the findings v expects.
func matching(fs []rules.Finding, v policyVariant) int {
	n := 0
	for _, f := range fs {
		if f.Advisory == v.advisory && isType(f.URN, v.resourceType) &&
			strings.Contains(f.Message, `policy assignment "`+v.assignment+`"`) && strings.Contains(f.Message, v.definition) {
			n++
		}
	}
	return n
}

// TestTenantOutsideItsRegionsDenies: a tenant that allows only EU regions at its
// root denies every located resource of the dev stack (swedencentral is not in
// its list) and none of its resource groups (the definition is Indexed).
func TestTenantOutsideItsRegionsDenies(t *testing.T) {
	rs := stackResources(t, "dev", nil)
	fs := judge(tenantContext(t, "builtins", "eu-only"), rs)
	denied := map[string]bool{}
	for _, f := range fs {
		if !f.Advisory && strings.Contains(f.Message, `policy assignment "Allowed-Locations-EU"`) {
			denied[f.URN] = true
		}
	}
	for _, r := range rs {
		loc := r.Inputs["location"]
		located := loc.IsString() && loc.StringValue() != "global" && !strings.HasSuffix(r.Type, ":ResourceGroup")
		if located && !denied[r.URN] {
			t.Errorf("%s in %s is not denied by Allowed-Locations-EU", r.URN, loc.StringValue())
		}
		if !located && denied[r.URN] {
			t.Errorf("%s (location %v) is denied; want only located resources", r.URN, loc)
		}
	}
	if len(denied) == 0 {
		t.Fatal("nothing denied")
	}
}
