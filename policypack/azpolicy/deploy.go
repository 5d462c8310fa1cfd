package azpolicy

// DeploymentTypes returns, for a DeployIfNotExists, the resource types its
// deployment's template creates (then.details.deployment.properties.template.resources[*].type),
// in order and without repeats: what Azure deploys when the existence condition
// is not met. Other effects, and templates whose types are expressions, return
// what is literal.
func (p *Policy) DeploymentTypes() []string {
	details, _ := p.Definition.details.raw.(map[string]any)
	var v any = obj(obj(obj(details, "deployment"), "properties"), "template")
	resources, _ := lookupFold(v.(map[string]any), "resources")
	var out []string
	seen := map[string]bool{}
	for _, r := range asArray(resources) {
		m, _ := r.(map[string]any)
		t := str(m, "type")
		if t == "" || isExpression(t) || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
