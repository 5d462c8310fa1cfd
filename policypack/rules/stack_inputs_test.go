package rules

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/policypack/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The tests below give the stack rules resources the way AnalyzeStack receives them
// from azure-native's state (engineState), alone (stateOnly) and with the inputs
// Analyze saw overlaid (analyzed), at preview and after create.

// stateShape says how a type's state differs from its inputs.
type stateShape struct {
	// inputOnly are inputs that are not outputs: they address the resource.
	inputOnly []string
	// settable are outputs a program may leave unset, with what the state holds for an
	// unset one after create (nil: nothing). At preview an unset one is unknown.
	settable map[string]any
	// armType is the output "type": the ARM resource type.
	armType string
}

var stateShapes = map[string]stateShape{
	TypeAccount: {inputOnly: []string{"accountName", "resourceGroupName"},
		settable: map[string]any{"kind": nil, "sku": nil, "identity": nil, "properties": nil, "tags": nil},
		armType:  "Microsoft.CognitiveServices/accounts"},
	TypeDeployment: {inputOnly: []string{"accountName", "deploymentName", "resourceGroupName"},
		settable: map[string]any{"sku": map[string]any{}, "properties": map[string]any{}},
		armType:  "Microsoft.CognitiveServices/accounts/deployments"},
	TypeAPIMBackend: {inputOnly: []string{"backendId", "serviceName", "resourceGroupName"},
		settable: map[string]any{"circuitBreaker": map[string]any{}, "pool": map[string]any{}, "url": nil, "protocol": nil, "tls": map[string]any{}, "credentials": map[string]any{}},
		armType:  "Microsoft.ApiManagement/service/backends"},
	TypePrivateEndpoint: {inputOnly: []string{"privateEndpointName", "resourceGroupName"},
		settable: map[string]any{"privateLinkServiceConnections": []any{}, "manualPrivateLinkServiceConnections": []any{}, "subnet": nil},
		armType:  "Microsoft.Network/privateEndpoints"},
	TypeManagementGroup: {inputOnly: []string{"groupId"},
		settable: map[string]any{"displayName": nil, "details": map[string]any{"parent": map[string]any{"id": "/providers/Microsoft.Management/managementGroups/tenant-root"}}},
		armType:  "Microsoft.Management/managementGroups"},
	TypePolicyAssignment: {inputOnly: []string{"policyAssignmentName"},
		settable: map[string]any{"enforcementMode": "Default", "metadata": nil, "scope": nil, "policyDefinitionId": nil},
		armType:  "Microsoft.Authorization/policyAssignments"},
	TypeStorageAccount: {inputOnly: []string{"accountName", "resourceGroupName"},
		settable: map[string]any{"sku": nil, "kind": nil, "tags": nil},
		armType:  "Microsoft.Storage/storageAccounts"},
	TypeObjectReplication: {inputOnly: []string{"accountName", "objectReplicationPolicyId", "resourceGroupName"},
		settable: map[string]any{"sourceAccount": nil, "destinationAccount": nil, "rules": []any{}},
		armType:  "Microsoft.Storage/storageAccounts/objectReplicationPolicies"},
}

// engineState returns what azure-native's state holds for a resource whose inputs are
// r.Props, as the stand-in of the end-to-end tests keeps it: the inputs that are also
// outputs, no input-only property, and for everything the program did not set (the
// name and the type included) an unknown at preview, what Azure reports after create.
func engineState(t *testing.T, r *Resource, preview bool) resource.PropertyMap {
	t.Helper()
	shape, ok := stateShapes[r.Type]
	if !ok {
		t.Fatalf("no state shape for %s", r.Type)
	}
	out := resource.PropertyMap{}
	for k, v := range r.Props {
		out[k] = v
	}
	for _, k := range shape.inputOnly {
		delete(out, resource.PropertyKey(k))
	}
	for k, after := range shape.settable {
		if _, set := out[resource.PropertyKey(k)]; set {
			continue
		}
		switch {
		case preview:
			out[resource.PropertyKey(k)] = unknown
		case after != nil:
			out[resource.PropertyKey(k)] = resource.NewPropertyValue(after)
		}
	}
	if _, set := out["type"]; !set || !preview {
		out["type"] = resource.NewProperty(shape.armType)
		if preview {
			out["type"] = unknown
		}
	}
	out["name"] = unknown
	if !preview {
		name, _ := r.AzureName().Str()
		out["name"] = resource.NewProperty(name)
	}
	return out
}

// stateOnly returns r as AnalyzeStack sees it without a prior Analyze: its state.
func stateOnly(t *testing.T, r *Resource, preview bool) *Resource {
	t.Helper()
	s := &Resource{Type: r.Type, Token: r.Token, URN: r.URN, Name: r.Name, Provider: r.Provider, Parent: r.Parent,
		Dependencies: r.Dependencies, PropertyDependencies: r.PropertyDependencies}
	s.Props = engineState(t, r, preview)
	return s
}

// analyzed returns r as AnalyzeStack sees it after Analyze saw r.Props as its inputs:
// its state with the inputs overlaid.
func analyzed(t *testing.T, r *Resource, preview bool) *Resource {
	t.Helper()
	s := stateOnly(t, r, preview)
	s.ApplyInputs(r.Props)
	return s
}

// shaped applies analyzed or stateOnly to every resource.
func shaped(t *testing.T, withInputs, preview bool, rs ...*Resource) []*Resource {
	t.Helper()
	out := make([]*Resource, len(rs))
	for i, r := range rs {
		if withInputs {
			out[i] = analyzed(t, r, preview)
		} else {
			out[i] = stateOnly(t, r, preview)
		}
	}
	return out
}

// atUpdate is the context of an update, where every value is known.
func atUpdate() *Context {
	ctx := NewContext()
	ctx.Preview = false
	return ctx
}

func TestApplyInputsAndReaders(t *testing.T) {
	outputs := resourceProps(map[string]any{
		"type":           "Microsoft.ApiManagement/service/backends",
		"id":             "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/b",
		"circuitBreaker": unknown,
		"url":            "https://old.example/openai",
	})
	inputs := resourceProps(map[string]any{"type": "Single", "backendId": "b", "url": "https://new.example/openai", "title": unknown})
	r := res(TypeAPIMBackend, "b", outputs)
	if _, ok := r.Input("type"); ok || r.Unset("circuitBreaker") || !r.Declared("circuitBreaker").IsUnknown() {
		t.Fatal("a resource without analyzed inputs must read its properties")
	}
	r.ApplyInputs(nil)
	if r.Inputs != nil || len(r.Props) != 4 {
		t.Fatalf("ApplyInputs(nil) changed the resource: %v", r.Props)
	}
	r.ApplyInputs(inputs)
	for path, want := range map[string]string{
		"type": "Single", "backendId": "b", "url": "https://new.example/openai",
		"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/b",
	} {
		if got, _ := r.Get(path).Str(); got != want {
			t.Errorf("Get(%q) = %q, want %q", path, got, want)
		}
	}
	if got, _ := outputs["type"].V.(string); got != "Microsoft.ApiManagement/service/backends" {
		t.Error("ApplyInputs changed the outputs map it was given")
	}
	if !r.Get("circuitBreaker").IsUnknown() || !r.Unset("circuitBreaker") || !r.Declared("circuitBreaker").IsAbsent() {
		t.Error("an output the program did not set must stay unknown in Props but read as unset")
	}
	if r.Unset("title") || !r.Declared("title").IsUnknown() {
		t.Error("an input set to an unknown value is not unset")
	}
	if v, ok := r.Input("backendId"); !ok || !v.Equal("b") {
		t.Errorf("Input(backendId) = %v, %v", v, ok)
	}
	if n, _ := r.AzureName().Str(); n != "b" {
		t.Errorf("AzureName = %q, want the backendId input", n)
	}
	empty := res(TypeAPIMBackend, "e", outputs)
	empty.ApplyInputs(resource.PropertyMap{})
	if !empty.Unset("circuitBreaker") || !empty.Get("type").Equal("Microsoft.ApiManagement/service/backends") {
		t.Error("a resource analyzed with no inputs has every input unset and keeps its outputs")
	}
	// Tags read after the overlay are the declared ones, even when classified before.
	acct := res(TypeAccount, "a", resourceProps(map[string]any{"tags": unknown}))
	ctx := NewContext()
	if ctx.Classify(acct).Archetype != "" {
		t.Fatal("unknown tags classified")
	}
	acct.ApplyInputs(resourceProps(map[string]any{"tags": map[string]any{TagArchetype: "corp"}}))
	if got := ctx.Classify(acct); got.Archetype != "corp" || got.ArchetypeFrom != FromTags {
		t.Errorf("classification after the overlay: %+v", got)
	}
}

// gatewayStack returns a corp-like gateway as a program declares it: two production
// endpoints in two regions, a regional deployment each, a backend with a circuit
// breaker per endpoint and a pool over them. The values that come from other
// resources' outputs (the deployments' accountName, the backends' urls, the pool's
// member ids) carry property dependencies, and are unknown at preview.
func gatewayStack(t *testing.T, preview bool) (accounts, deployments, members []*Resource, pool *Resource) {
	t.Helper()
	for _, region := range []string{"eastus2", "swedencentral"} {
		name := "aoai-" + region
		a := endpoint(t, name, region)
		d := deployment(t, "chat", name, "Standard")
		m := res("azure-native:apimanagement/v20240501:Backend", "backend-"+region,
			set(fixture(t, "backend_member_valid"), "backendId", name))
		m.Props = set(m.Props, "url", "https://"+name+".openai.azure.com/openai")
		d.PropertyDependencies = map[string][]string{"accountName": {a.URN}}
		m.PropertyDependencies = map[string][]string{"url": {a.URN}}
		if preview {
			d.Props = set(d.Props, "accountName", unknown)
			m.Props = set(m.Props, "url", unknown)
		}
		accounts, deployments, members = append(accounts, a), append(deployments, d), append(members, m)
	}
	pool = res("azure-native:apimanagement/v20240501:Backend", "pool", fixture(t, "backend_pool_valid"))
	pool.PropertyDependencies = map[string][]string{"pool": {members[0].URN, members[1].URN}}
	if preview {
		pool.Props = set(pool.Props, "pool.services[0].id", unknown)
		pool.Props = set(pool.Props, "pool.services[1].id", unknown)
	}
	return accounts, deployments, members, pool
}

func TestReliabilityAPIMPoolFromState(t *testing.T) {
	all := func(accounts, deployments, members []*Resource, pool *Resource) []*Resource {
		out := append(append(append([]*Resource{}, accounts...), deployments...), members...)
		return append(out, pool)
	}
	const addBreaker = "add circuitBreaker.rules with failureCondition.statusCodeRanges [{min: 429, max: 429}] and acceptRetryAfter true."
	noBreaker := ": pool member backend \"backend-swedencentral\" has no circuit breaker; " + addBreaker
	no429 := ": pool member backend \"backend-swedencentral\" has no circuit breaker rule that trips on 429; " + addBreaker

	for _, preview := range []bool{true, false} {
		ctx := NewContext()
		when := "preview"
		if !preview {
			ctx, when = atUpdate(), "update"
		}
		compliant := all(gatewayStack(t, preview))
		accounts, deployments, members, pool := gatewayStack(t, preview)
		members[1].Props = del(members[1].Props, "circuitBreaker")
		broken := all(accounts, deployments, members, pool)
		cases := []stackCase{
			{name: when + ": compliant", ctx: ctx, resources: shaped(t, true, preview, compliant...)},
			{name: when + ": compliant, state only", ctx: ctx, resources: shaped(t, false, preview, compliant...)},
			{name: when + ": member without a circuit breaker", ctx: ctx, resources: shaped(t, true, preview, broken...),
				want: []string{members[1].URN + noBreaker}},
		}
		if preview {
			// Without the inputs, an unset circuit breaker is an unknown output.
			cases = append(cases, stackCase{name: "preview: member without a circuit breaker, state only", ctx: ctx, resources: shaped(t, false, true, broken...),
				want: []string{members[1].URN + ": Cannot verify at preview that pool member backend \"backend-swedencentral\" trips on 429: circuitBreaker.rules is not known yet; checked again at update."}})
		} else {
			// The state holds an empty circuit breaker: no rule trips on 429.
			cases = append(cases, stackCase{name: "update: member without a circuit breaker, state only", ctx: ctx, resources: shaped(t, false, false, broken...),
				want: []string{members[1].URN + no429}})
		}
		runStackCases(t, ReliabilityAPIMPool, cases)
	}

	// The pool is told by its declared type even when its pool property is unknown;
	// without the inputs, by its state's pool.services, whatever the ARM type says.
	accounts, deployments, members, pool := gatewayStack(t, true)
	wholePoolUnknown := pool
	wholePoolUnknown.Props = set(pool.Props, "pool", unknown)
	noPoolYet := analyzed(t, wholePoolUnknown, true)
	typeOnly := res(pool.Token, "pool", resourceProps(map[string]any{"backendId": "aoai-pool", "pool": unknown}))
	typeOnly.PropertyDependencies = wholePoolUnknown.PropertyDependencies
	// Deployments linked by name only: accountName is an input, absent from the state.
	byName := func(preview bool) []*Resource {
		accounts, deployments, _, _ := gatewayStack(t, false)
		out := append([]*Resource{}, accounts...)
		for _, d := range deployments {
			d.PropertyDependencies = nil
			out = append(out, d)
		}
		return shaped(t, true, preview, out...)
	}
	const noPool = "2 AI endpoints serve regional deployments (\"aoai-eastus2\", \"aoai-swedencentral\") but no API Management backend is a pool; add a backend of type \"Pool\" whose pool.services are a backend per endpoint (declare it in the ARM template of a resources:Deployment: azure-native's Backend cannot create a pool)."
	runStackCases(t, ReliabilityAPIMPool, []stackCase{
		{name: "preview: pool members by dependency, pool unknown", resources: append(shaped(t, true, true, append(append(append([]*Resource{}, accounts...), deployments...), members...)...), noPoolYet)},
		{name: "preview: a backend that may be a pool", resources: append(shaped(t, true, true, append(append(append([]*Resource{}, accounts...), deployments...), members...)...), stateOnly(t, typeOnly, true)),
			want: []string{typeOnly.URN + ": Cannot verify at preview that an API Management backend is a pool over the AI endpoints: type is not known yet; checked again at update."}},
		{name: "preview: deployments linked by the accountName input", resources: byName(true), want: []string{noPool}},
		{name: "update: deployments linked by the accountName input", ctx: atUpdate(), resources: byName(false), want: []string{noPool}},
	})
	// Without the inputs, a deployment linked by name only has no account: the stack
	// seems to have no regional endpoint, which is why AnalyzeStack needs the inputs.
	accounts, deployments, _, _ = gatewayStack(t, false)
	for _, d := range deployments {
		d.PropertyDependencies = nil
	}
	if got := ReliabilityAPIMPool.RunStack(atUpdate(), NewStack(shaped(t, false, false, append(accounts, deployments...)...))); len(got) != 0 {
		t.Errorf("state only, deployments linked by name: %q", messages(atUpdate(), got))
	}
}

func TestPrivateEndpointFromState(t *testing.T) {
	a := res(TypeAccount, "aoai", fixture(t, "account_valid"))
	other := res(TypeAccount, "aoai2", set(fixture(t, "account_valid"), "accountName", "aoai-other"))
	pe := res(TypePrivateEndpoint, "pe", set(fixture(t, "private_endpoint_valid"), "privateLinkServiceConnections[0].privateLinkServiceId", unknown))
	pe.PropertyDependencies = map[string][]string{"privateLinkServiceConnections": {a.URN}}
	peByID := res(TypePrivateEndpoint, "pe", fixture(t, "private_endpoint_valid"))
	const missing = ": account \"aoai2\" has no private endpoint; add a network:PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account's id, with groupIds [\"account\"]."
	runStackCases(t, AIServicesPrivateEndpoint, []stackCase{
		{name: "preview: compliant", resources: shaped(t, true, true, a, pe)},
		{name: "update: compliant, by id and the accountName input", ctx: atUpdate(), resources: shaped(t, true, false, a, peByID)},
		{name: "update: compliant, state only (the account's name output)", ctx: atUpdate(), resources: shaped(t, false, false, a, peByID)},
		// The manual connections the program did not set are unknown in the state.
		{name: "preview: account without endpoint", resources: shaped(t, true, true, a, other, pe), want: []string{other.URN + missing}},
		{name: "preview: account without endpoint, state only", resources: shaped(t, false, true, a, other, pe),
			want: []string{other.URN + ": Cannot verify at preview that account \"aoai2\" has a private endpoint: privateLinkServiceConnections[].privateLinkServiceId is not known yet; checked again at update."}},
		{name: "update: account without endpoint", ctx: atUpdate(), resources: shaped(t, true, false, a, other, peByID), want: []string{other.URN + missing}},
	})
}

func TestGovernanceFromState(t *testing.T) {
	// The Pulumi name differs from the group id, which is an input only.
	corp := res(TypeManagementGroup, "corp-group", del(fixture(t, "management_group_valid"), "details"))
	baseline := func() []*Resource {
		var out []*Resource
		for _, a := range corpBaseline(t, "ai-corp") {
			a.Props = del(a.Props, "enforcementMode") // Azure's default: enforced
			out = append(out, a)
		}
		return out
	}
	notEnforced := baseline()
	notEnforced[0].Props = set(notEnforced[0].Props, "enforcementMode", "DoNotEnforce")
	runStackCases(t, GovernanceBaselineAssignments, []stackCase{
		{name: "preview: baseline, modes unset", resources: shaped(t, true, true, append([]*Resource{corp}, baseline()...)...)},
		{name: "update: baseline, modes unset", ctx: atUpdate(), resources: shaped(t, true, false, append([]*Resource{corp}, baseline()...)...)},
		{name: "preview: one not enforced", resources: shaped(t, true, true, append([]*Resource{corp}, notEnforced...)...),
			want: []string{notEnforced[0].URN + ": policy assignment \"" + assignmentName(notEnforced[0]) + "\" on management group \"ai-corp\" (corp) has enforcementMode \"DoNotEnforce\"; set it to \"Default\" so that the policy is enforced."}},
	})
	// Without the inputs, every unset mode is unknown at preview.
	if got := GovernanceBaselineAssignments.RunStack(NewContext(), NewStack(shaped(t, false, true, append([]*Resource{corp}, baseline()...)...))); len(got) != len(config.Default().RequiredAssignments[config.Corp]) || got[0].Unknown != "enforcementMode" {
		t.Errorf("state only at preview: %q", messages(NewContext(), got))
	}

	groups := withSettings(NewContext(), func(s *config.Settings) {
		s.ManagementGroups = map[string][]string{"corp": {"ai-corp"}, "online": {"ai-online"}}
	})
	online := res(TypeManagementGroup, "online-group", set(fixture(t, "management_group_valid"), "groupId", "ai-online"))
	online.Props = set(online.Props, "details.parent.id", unknown)
	online.PropertyDependencies = map[string][]string{"details": {corp.URN}}
	const nested = ": management group \"ai-online\" (online) is nested under \"ai-corp\" (corp); place the corp and online groups side by side, e.g. both under the landing zones group."
	sameName := res(TypeManagementGroup, "ai-corp", corp.Props)
	runStackCases(t, GovernanceGroupsSeparated, []stackCase{
		// A group whose parent the program does not set goes under the tenant root.
		{name: "preview: parent unset", ctx: groups, resources: shaped(t, true, true, corp)},
		{name: "update: parent unset", ctx: withSettings(atUpdate(), func(s *config.Settings) { s.ManagementGroups = groups.Settings.ManagementGroups }),
			resources: shaped(t, true, false, corp)},
		// Without the inputs the parent is an unknown output (and the group id, an
		// input only, is unknown too: a group is found by its Pulumi name).
		{name: "preview: parent unset, state only", ctx: groups, resources: shaped(t, false, true, sameName),
			want: []string{sameName.URN + ": Cannot verify at preview that management group \"ai-corp\" (corp) is not nested in the online group: details.parent.id is not known yet; checked again at update."}},
		{name: "preview: nested by dependency, group ids from the inputs", ctx: groups, resources: shaped(t, true, true, corp, online), want: []string{online.URN + nested}},
	})
}

func TestDeploymentLinksFromState(t *testing.T) {
	// The deployments name their account (accountName, an input only), without a
	// property dependency: AnalyzeStack links them through the analyzed inputs.
	japan := endpoint(t, "aoai-korea", "koreacentral")
	inJapan := deployment(t, "chat", "aoai-korea", "Standard")
	runStackCases(t, AIDeploymentsAvailable, []stackCase{
		{name: "preview: model not in the account's region", resources: shaped(t, true, true, japan, inJapan),
			want: []string{inJapan.URN + ": model \"gpt-4o\" version \"2024-11-20\" as Standard is not offered in region \"koreacentral\"; regions that offer it: " + strings.Join(config.DefaultCatalog().Models["gpt-4o"].Versions["2024-11-20"].Deployments["Standard"], ", ") + " (the region of account \"aoai-korea\"; per the embedded catalog of 2026-12-02)."}},
		{name: "update: model not in the account's region", ctx: atUpdate(), resources: shaped(t, true, false, japan, inJapan),
			want: []string{inJapan.URN + ": model \"gpt-4o\" version \"2024-11-20\" as Standard is not offered in region \"koreacentral\"; regions that offer it: " + strings.Join(config.DefaultCatalog().Models["gpt-4o"].Versions["2024-11-20"].Deployments["Standard"], ", ") + " (the region of account \"aoai-korea\"; per the embedded catalog of 2026-12-02)."}},
		{name: "preview: state only, the link is lost", resources: shaped(t, false, true, japan, inJapan)},
	})

	east := endpoint(t, "aoai-eastus2", "eastus2")
	east.Provider = resourceProps(map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"})
	a := deployment(t, "a", "aoai-eastus2", "Standard")
	a.Props = set(a.Props, "sku.capacity", 100.0)
	b := deployment(t, "b", "aoai-eastus2", "Standard")
	b.Props = set(b.Props, "sku.capacity", 60.0)
	noCapacity := deployment(t, "c", "aoai-eastus2", "Standard")
	noCapacity.Props = set(noCapacity.Props, "sku", map[string]any{"name": "Standard"}) // Azure's default capacity, 1
	const over = ": deployments \"aoai-eastus2-a\", \"aoai-eastus2-b\" of model \"gpt-4o\" as Standard in eastus2 (subscription 22222222-2222-2222-2222-222222222222) total capacity 160, above the quota of 150 (1K tokens per minute) per subscription and region; lower the capacity, or raise the quota with Azure and set it in the quotas config of ai-deployments-within-quota."
	runStackCases(t, AIDeploymentsWithinQuota, []stackCase{
		{name: "preview: within quota, a capacity unset", resources: shaped(t, true, true, east, a, noCapacity)},
		{name: "preview: over quota together", resources: shaped(t, true, true, east, a, b), want: []string{b.URN + over}},
		{name: "update: over quota together", ctx: atUpdate(), resources: shaped(t, true, false, east, a, b), want: []string{b.URN + over}},
	})

	sweden := endpoint(t, "aoai-swedencentral", "swedencentral")
	global := deployment(t, "g", "aoai-eastus2", "GlobalStandard")
	runStackCases(t, ReliabilityMultiRegion, []stackCase{
		{name: "preview: two regions", resources: shaped(t, true, true, east, sweden, a)},
		{name: "preview: one region, global deployment", resources: shaped(t, true, true, east, global)},
		{name: "preview: one region, regional deployment", resources: shaped(t, true, true, east, global, a),
			want: []string{"production AI endpoints are all in one region (eastus2) and deployments \"aoai-eastus2-a\" (\"Standard\") are regional; add an endpoint in a second region behind API Management, or use global deployment types (GlobalStandard, DataZoneStandard) (environment production (from tags))."}},
		{name: "update: one region, regional deployment", ctx: atUpdate(), resources: shaped(t, true, false, east, global, a),
			want: []string{"production AI endpoints are all in one region (eastus2) and deployments \"aoai-eastus2-a\" (\"Standard\") are regional; add an endpoint in a second region behind API Management, or use global deployment types (GlobalStandard, DataZoneStandard) (environment production (from tags))."}},
	})
}

func TestReplicationFromState(t *testing.T) {
	// The object replication policy names its accounts; the accounts' names are inputs
	// only, and unknown outputs at preview.
	east := endpoint(t, "aoai-eastus2", "eastus2")
	storage := func(name, region, sku string) *Resource {
		p := set(fixture(t, "storage_valid"), "accountName", name)
		p = set(p, "location", region)
		return res(TypeStorageAccount, name, set(p, "sku.name", sku))
	}
	src, dst := storage("stassets", "eastus2", "Standard_LRS"), storage("stcopy", "westus", "Standard_LRS")
	orp := res(TypeObjectReplication, "orp", resourceProps(map[string]any{"accountName": "stcopy", "sourceAccount": "stassets", "destinationAccount": "stcopy"}))
	runStackCases(t, ReliabilityAssetReplication, []stackCase{
		{name: "preview: replicated", resources: shaped(t, true, true, east, src, dst, orp)},
		{name: "update: replicated", ctx: atUpdate(), resources: shaped(t, true, false, east, src, dst, orp)},
		{name: "preview: not replicated", resources: shaped(t, true, true, east, src),
			want: []string{src.URN + ": storage account \"stassets\" has sku.name \"Standard_LRS\" and no object replication policy; use \"Standard_GRS\", \"Standard_RAGRS\", \"Standard_GZRS\", \"Standard_RAGZRS\", or replicate it to an account in the secondary region with a storage:ObjectReplicationPolicy (environment production (from tags))."}},
	})
	runStackCases(t, ReliabilityRAGColocated, []stackCase{
		{name: "preview: the replica is exempt", resources: shaped(t, true, true, east, src, dst, orp)},
		{name: "preview: data elsewhere", resources: shaped(t, true, true, east, dst),
			want: []string{dst.URN + ": storage account \"stcopy\" is in westus but the AI endpoints are in eastus2; keep retrieval data in the endpoint's region to avoid cross-region latency."}},
	})
}
