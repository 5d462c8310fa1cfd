package rules

import (
	"encoding/json"
	"strings"

	"github.com/aiready/aiready/policypack/props"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// TypeARMDeployment is an ARM template deployment to a resource group.
const TypeARMDeployment = "azure-native:resources:Deployment"

// armBackendType is the ARM type of an API Management backend in a template.
const armBackendType = "Microsoft.ApiManagement/service/backends"

// apimPool is one load-balanced pool backend: an apimanagement Backend of type Pool,
// or a backend of type Pool declared in the ARM template of a resources:Deployment
// (the way to create one, since azure-native's Backend requires a url and ARM
// refuses it on a pool).
type apimPool struct {
	// urn is the declaring resource (the Backend or the Deployment).
	urn string
	// service is the pool's API Management service name, when known.
	service string
	// services is the pool's pool.services.
	services props.Value
	// deps are the URNs the pool's members may have come from (the property
	// dependencies of the pool, or of a Deployment's properties).
	deps []string
}

// apimPools returns the stack's pools, and the first resource that may be a pool
// though it cannot be told yet, as an Unverifiable finding (nil when none).
func apimPools(s *Stack) (pools []*apimPool, unsure *Finding) {
	note := func(urn, path string) {
		if unsure == nil {
			f := Unverifiable(path, "an API Management backend is a pool over the AI endpoints").At(urn)
			unsure = &f
		}
	}
	for _, b := range s.OfType(TypeAPIMBackend) {
		switch isPool(b) {
		case yes:
			service, _ := b.Get("serviceName").Str()
			pools = append(pools, &apimPool{urn: b.URN, service: service, services: b.Get("pool.services"), deps: b.PropertyDependencies["pool"]})
		case maybe:
			note(b.URN, "type")
		}
	}
	for _, d := range s.OfType(TypeARMDeployment) {
		found, unsure := templatePools(d)
		pools = append(pools, found...)
		if unsure {
			note(d.URN, "properties.template")
		}
	}
	return pools, unsure
}

// templatePools reads the pool backends of a Deployment's template (an object or a
// JSON string; resources as a list or, in language version 2.0, an object). unsure
// is true when the template, or a resource's type, is not known: at preview, or in
// outputs alone, which do not carry the template.
func templatePools(d *Resource) (pools []*apimPool, unsure bool) {
	tpl := d.Declared("properties.template")
	if s, ok := tpl.Str(); ok {
		tpl = parseTemplate(s)
	}
	switch {
	case tpl.IsUnknown():
		return nil, true
	case tpl.IsAbsent():
		// Outputs do not carry the template, and a linked template is not read.
		_, analyzed := d.Input("properties")
		return nil, !analyzed || !d.Declared("properties.templateLink").IsAbsent()
	}
	for _, r := range templateResources(tpl.Field("resources")) {
		typ, pType := r.Field("type"), r.Get("properties.type")
		if typ.IsUnknown() || (equalFoldValue(typ, armBackendType) && pType.IsUnknown()) {
			unsure = true
			continue
		}
		if !equalFoldValue(typ, armBackendType) || !equalFoldValue(pType, "Pool") {
			continue
		}
		name, _ := r.Field("name").Str()
		service, _, _ := strings.Cut(name, "/")
		pools = append(pools, &apimPool{urn: d.URN, service: service, services: r.Get("properties.pool.services"), deps: d.PropertyDependencies["properties"]})
	}
	return pools, unsure
}

func equalFoldValue(v props.Value, want string) bool {
	s, ok := v.Str()
	return ok && strings.EqualFold(s, want)
}

// templateResources lists a template's resources, from an array or an object of
// symbolic names; an unknown value is one unknown resource.
func templateResources(v props.Value) []props.Value {
	switch {
	case v.IsUnknown():
		return []props.Value{v}
	case v.Len() > 0:
		out := make([]props.Value, v.Len())
		for i := range out {
			out[i] = v.Index(i)
		}
		return out
	}
	var out []props.Value
	for k := range v.Object() {
		out = append(out, v.Field(string(k)))
	}
	return out
}

// parseTemplate reads a template given as a JSON string; a string that is not a
// JSON object is an empty template.
func parseTemplate(s string) props.Value {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return props.Map(resource.PropertyMap{})
	}
	return props.Map(resource.NewPropertyMapFromMap(m))
}

// poolMember finds the backend a pool member's id names: a backend's name or ARM id
// (Stack.ResolveValue), or an ARM template expression
// "[resourceId('Microsoft.ApiManagement/service/backends', '<service>', '<name>')]".
// unknown is true when the id is not known yet.
func poolMember(s *Stack, _ *apimPool, id props.Value) (b *Resource, unknown bool) {
	str, ok := id.Str()
	if !ok || !strings.HasPrefix(str, "[") {
		return s.ResolveValue(id, TypeAPIMBackend)
	}
	service, name, ok := resourceIDArgs(str)
	if !ok {
		// An expression over parameters or variables: not known before ARM runs it.
		return nil, true
	}
	for _, b := range s.OfType(TypeAPIMBackend) {
		n, _ := b.AzureName().Str()
		svc, known := b.Get("serviceName").Str()
		if strings.EqualFold(n, name) && (!known || strings.EqualFold(svc, service)) {
			return b, false
		}
	}
	return nil, false
}

// resourceIDArgs parses "[resourceId('Microsoft.ApiManagement/service/backends',
// '<service>', '<name>')]" (optionally with subscription and resource group literals
// first) into the service and backend names.
func resourceIDArgs(expr string) (service, name string, ok bool) {
	expr = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(expr, "["), "]"))
	const fn = "resourceid("
	if !strings.HasPrefix(lower(expr), fn) || !strings.HasSuffix(expr, ")") {
		return "", "", false
	}
	args := strings.Split(expr[len(fn):len(expr)-1], ",")
	for i, a := range args {
		a = strings.TrimSpace(a)
		if len(a) < 2 || a[0] != '\'' || a[len(a)-1] != '\'' {
			return "", "", false
		}
		args[i] = a[1 : len(a)-1]
	}
	n := len(args)
	if n < 3 || !strings.EqualFold(args[n-3], armBackendType) {
		return "", "", false
	}
	return args[n-2], args[n-1], true
}
