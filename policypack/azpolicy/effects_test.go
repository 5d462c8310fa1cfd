package azpolicy

import (
	"strings"
	"testing"
)

// Modes (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#mode,
// read 2026-12-02): All evaluates every type, Indexed only types that support tags
// and location (Microsoft.Network/routeTables/routes is the documented example of a
// child type it skips), a missing mode is Indexed, and Resource Provider modes are
// the provider's business, not the deployment's.
func TestModes(t *testing.T) {
	def := func(mode string) string {
		return `{"name": "m", "mode": "` + mode + `", "policyRule": {"if": {"field": "name", "like": "*"}, "then": {"effect": "audit"}}}`
	}
	for _, tc := range []struct {
		mode, typ string
		want      Outcome
	}{
		{"All", "Microsoft.Network/networkSecurityGroups/securityRules", NonCompliant},
		{"all", "Microsoft.Network/virtualNetworks/subnets", NonCompliant},
		{"Indexed", "Microsoft.Network/networkSecurityGroups", NonCompliant},
		{"Indexed", "Microsoft.Network/networkSecurityGroups/securityRules", NotApplicable},
		{"Indexed", "Microsoft.Network/virtualNetworks/subnets", NotApplicable},
		{"Indexed", "Microsoft.Network/routeTables/routes", NotApplicable},
		{"Indexed", "Microsoft.Resources/subscriptions/resourceGroups", NotApplicable},
		{"", "Microsoft.Network/routeTables/routes", NotApplicable},
		{"Microsoft.CognitiveServices.Data", "Microsoft.CognitiveServices/accounts/deployments", NotEvaluable},
		{"Microsoft.Kubernetes.Data", "Microsoft.ContainerService/managedClusters", NotEvaluable},
	} {
		p := mustBind(t, mustParse(t, def(tc.mode)), nil)
		r := p.Evaluate(NewResource(map[string]any{"type": tc.typ, "name": "x"}), nil)
		if r.Outcome != tc.want {
			t.Errorf("mode %q on %s: got %v, want %v (%s)", tc.mode, tc.typ, r.Outcome, tc.want, r.Reason())
		}
	}
	if _, err := ParseDefinition([]byte(def("Sometimes"))); err == nil || !strings.Contains(err.Error(), `mode "Sometimes" is not a mode; use All, Indexed`) {
		t.Errorf("bad mode: %v", err)
	}
}

// Effects (https://learn.microsoft.com/azure/governance/policy/concepts/effect-basics,
// read 2026-12-02), resolved from a parameter case-insensitively: a matching rule
// is non-compliant under each, Disabled is not evaluated.
func TestEffects(t *testing.T) {
	res := map[string]any{"type": "Microsoft.Test/things", "name": "x"}
	for _, eff := range []string{"deny", "Audit", "MANUAL", "denyAction", "disabled"} {
		r := evalIfWith(t, `{"field": "name", "equals": "x"}`, "", map[string]any{"effect": eff}, res, nil)
		want := NonCompliant
		if strings.EqualFold(eff, "disabled") {
			want = Disabled
		}
		if r.Outcome != want || !strings.EqualFold(string(r.Effect), eff) {
			t.Errorf("effect %s: got %v %s", eff, r.Outcome, r.Effect)
		}
	}
	d := mustParse(t, definitionJSON(`{"field": "name", "equals": "x"}`, ""))
	if _, err := d.Bind(map[string]any{"effect": "Block"}, nil); err == nil || !strings.Contains(err.Error(), `then.effect: "Block" is not an effect; use one of Deny, Audit`) {
		t.Errorf("bad effect: %v", err)
	}
	if _, err := d.Bind(map[string]any{"effect": "Modify"}, nil); err == nil || !strings.Contains(err.Error(), "effect Modify needs then.details.operations") {
		t.Errorf("Modify without operations: %v", err)
	}
}

// Modify (https://learn.microsoft.com/azure/governance/policy/concepts/effect-modify,
// read 2026-12-02): operations whose condition is false are skipped; the result
// lists those that apply, and ApplyOperations applies them (addOrReplace, add,
// remove for tags; a missing parent property skips the operation).
func TestModify(t *testing.T) {
	doc := `{"name": "modify", "mode": "Indexed", "parameters": {"tagValue": {"type": "String"}},
		"policyRule": {"if": {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
		"then": {"effect": "modify", "details": {"roleDefinitionIds": ["/providers/Microsoft.Authorization/roleDefinitions/17d1049b-9a84-46fb-8f53-869881c3d3ab"],
		"operations": [
			{"operation": "addOrReplace", "field": "tags['environment']", "value": "[parameters('tagValue')]"},
			{"operation": "Remove", "field": "tags['TempResource']"},
			{"operation": "add", "field": "tags['owner']", "value": "platform"},
			{"condition": "[greaterOrEquals(requestContext().apiVersion, '2019-04-01')]", "operation": "addOrReplace",
			 "field": "Microsoft.Storage/storageAccounts/allowBlobPublicAccess", "value": false},
			{"operation": "addOrReplace", "field": "Microsoft.Storage/storageAccounts/networkAcls.defaultAction", "value": "Deny"}
		]}}}}`
	p := mustBind(t, mustParse(t, doc), map[string]any{"tagValue": "Test"})
	res := NewResource(jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "name": "st", "location": "eastus",
		"tags": {"Environment": "dev", "TempResource": "1", "owner": "app"}, "properties": {"allowBlobPublicAccess": true}}`))
	r := p.Evaluate(res, &Context{APIVersion: "2023-05-01"})
	if r.Outcome != NonCompliant || r.Effect != EffectModify || len(r.Operations) != 5 {
		t.Fatalf("got %v %s %v", r.Outcome, r.Effect, r.Operations)
	}
	if old := p.Evaluate(res, &Context{APIVersion: "2018-01-01"}).Operations; len(old) != 4 {
		t.Fatalf("with API 2018-01-01 the conditional operation is skipped: %v", old)
	}
	if r := p.Evaluate(res, nil); r.Outcome != CannotVerify {
		t.Fatalf("without an API version the conditional operation cannot be decided: %v %s", r.Outcome, r.Reason())
	}
	out, skipped, err := ApplyOperations(res, r.Operations, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := Render(out.ARM["tags"]); got != `{"Environment":"Test","owner":"app"}` {
		t.Errorf("tags: %s", got)
	}
	props := out.ARM["properties"].(map[string]any)
	if props["allowBlobPublicAccess"] != false {
		t.Errorf("allowBlobPublicAccess: %v", props["allowBlobPublicAccess"])
	}
	if len(skipped) != 1 || skipped[0].Field != "Microsoft.Storage/storageAccounts/networkAcls.defaultAction" {
		t.Errorf("an operation whose parent (networkAcls) is missing is skipped: %v", skipped)
	}
	if res.ARM["properties"].(map[string]any)["allowBlobPublicAccess"] != true {
		t.Error("ApplyOperations changed its input")
	}
	_, _, err = ApplyOperations(res, []Operation{{Operation: "remove", Field: "Microsoft.Storage/storageAccounts/allowBlobPublicAccess"}}, nil)
	if err == nil || !strings.Contains(err.Error(), "remove applies to tags only") {
		t.Errorf("remove on a property: %v", err)
	}
}

// Modifying arrays ("Author policies for array properties", Modifying arrays):
// add on a [*] alias appends a member, addOrReplace replaces the members, and an
// alias below [*] changes every member.
func TestApplyArrays(t *testing.T) {
	res := NewResource(jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "properties": {"networkAcls": {"ipRules": [
		{"value": "1.1.1.1", "action": "Allow"}, {"value": "2.2.2.2"}]}}}`))
	rule := map[string]any{"value": "3.3.3.3", "action": "Allow"}
	const ipRules = "Microsoft.Storage/storageAccounts/networkAcls.ipRules"
	for _, tc := range []struct {
		op   Operation
		want string
	}{
		{Operation{Operation: "add", Field: ipRules + "[*]", Value: rule}, `[{"action":"Allow","value":"1.1.1.1"},{"value":"2.2.2.2"},{"action":"Allow","value":"3.3.3.3"}]`},
		{Operation{Operation: "addOrReplace", Field: ipRules + "[*]", Value: rule}, `[{"action":"Allow","value":"3.3.3.3"}]`},
		{Operation{Operation: "addOrReplace", Field: ipRules + "[*].action", Value: "Deny"}, `[{"action":"Deny","value":"1.1.1.1"},{"action":"Deny","value":"2.2.2.2"}]`},
		{Operation{Operation: "add", Field: ipRules + "[*].action", Value: "Deny"}, `[{"action":"Allow","value":"1.1.1.1"},{"action":"Deny","value":"2.2.2.2"}]`},
		{Operation{Operation: "addOrReplace", Field: ipRules, Value: []any{rule}}, `[{"action":"Allow","value":"3.3.3.3"}]`},
	} {
		out, _, err := ApplyOperations(res, []Operation{tc.op}, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.op, err)
		}
		got := Render(out.ARM["properties"].(map[string]any)["networkAcls"].(map[string]any)["ipRules"])
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.op, got, tc.want)
		}
	}
}

// Append (https://learn.microsoft.com/azure/governance/policy/concepts/effect-append,
// read 2026-12-02): details is an array of field and value; appending a value
// that differs from the request's is a conflict Azure denies.
func TestAppend(t *testing.T) {
	doc := `{"name": "append", "mode": "All", "policyRule": {"if": {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
		"then": {"effect": "append", "details": [{"field": "Microsoft.Storage/storageAccounts/networkAcls.ipRules[*]", "value": {"value": "40.40.40.40", "action": "Allow"}},
		{"field": "Microsoft.Storage/storageAccounts/minimumTlsVersion", "value": "TLS1_2"}]}}}`
	p := mustBind(t, mustParse(t, doc), nil)
	res := NewResource(jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "properties": {"networkAcls": {}}}`))
	r := p.Evaluate(res, nil)
	if r.Outcome != NonCompliant || len(r.Operations) != 2 || r.Operations[0].Operation != "append" {
		t.Fatalf("got %v %v", r.Outcome, r.Operations)
	}
	out, _, err := ApplyOperations(res, r.Operations, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := Render(out.ARM["properties"]); got != `{"minimumTlsVersion":"TLS1_2","networkAcls":{"ipRules":[{"action":"Allow","value":"40.40.40.40"}]}}` {
		t.Errorf("appended: %s", got)
	}
	conflict := NewResource(jsonMap(t, `{"type": "Microsoft.Storage/storageAccounts", "properties": {"minimumTlsVersion": "TLS1_0"}}`))
	if _, _, err := ApplyOperations(conflict, r.Operations[1:], nil); err == nil || !strings.Contains(err.Error(), `the property is "TLS1_0": appending "TLS1_2" conflicts (Azure denies)`) {
		t.Errorf("conflict: %v", err)
	}
}

// AuditIfNotExists and DeployIfNotExists
// (https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
// and effect-deploy-if-not-exists, read 2026-12-02): the existence condition is
// evaluated against each related resource the caller supplies, field() reading
// the evaluated resource; any match is compliant; no related resources known is
// "cannot verify".
func TestExistence(t *testing.T) {
	doc := `{"name": "diag", "mode": "Indexed", "parameters": {"effect": {"type": "String", "defaultValue": "AuditIfNotExists"}},
		"policyRule": {"if": {"field": "type", "equals": "Microsoft.KeyVault/vaults"},
		"then": {"effect": "[parameters('effect')]", "details": {"type": "Microsoft.Insights/diagnosticSettings",
			"name": "[concat(field('name'), '-diag')]",
			"existenceCondition": {"allOf": [
				{"field": "Microsoft.Insights/diagnosticSettings/logs.enabled", "equals": "true"},
				{"value": "[field('location')]", "equals": "eastus"}]},
			"roleDefinitionIds": ["/providers/Microsoft.Authorization/roleDefinitions/749f88d5-cbae-40b8-bcfc-e573ddc772fa"],
			"deployment": {"properties": {"mode": "incremental", "template": {}}}}}}}`
	vault := NewResource(map[string]any{"type": "Microsoft.KeyVault/vaults", "name": "kv", "location": "eastus", "tags": map[string]any{}})
	diag := func(enabled any) *Resource {
		return NewResource(map[string]any{"type": "Microsoft.Insights/diagnosticSettings", "name": "kv-diag", "properties": map[string]any{"logs": map[string]any{"enabled": enabled}}})
	}
	var asked RelatedQuery
	related := func(rs ...*Resource) *Context {
		return &Context{Related: func(q RelatedQuery) ([]*Resource, bool) { asked = q; return rs, true }}
	}
	for _, eff := range []string{"AuditIfNotExists", "deployIfNotExists"} {
		p := mustBind(t, mustParse(t, doc), map[string]any{"effect": eff})
		for _, tc := range []struct {
			name string
			ctx  *Context
			want Outcome
		}{
			{"no context", nil, CannotVerify},
			{"none related", related(), NonCompliant},
			{"disabled logs", related(diag(false)), NonCompliant},
			{"enabled logs", related(diag(false), diag(true)), Compliant},
			{"unknown", related(diag(Unknown)), CannotVerify},
		} {
			r := p.Evaluate(vault, tc.ctx)
			if r.Outcome != tc.want {
				t.Errorf("%s, %s: got %v, want %v (%s)", eff, tc.name, r.Outcome, tc.want, r.Reason())
			}
		}
	}
	if asked.Type != "Microsoft.Insights/diagnosticSettings" || asked.Name != "kv-diag" || asked.ExistenceScope != "ResourceGroup" {
		t.Errorf("query: %+v", asked)
	}
	r := mustBind(t, mustParse(t, doc), nil).Evaluate(vault, nil)
	if !strings.Contains(r.Reason(), "cannot verify AuditIfNotExists: no related Microsoft.Insights/diagnosticSettings resources were supplied") {
		t.Errorf("reason: %s", r.Reason())
	}
}

// A bound policy is evaluated from many goroutines at once (the pack's Analyze
// calls run in parallel): evaluation keeps its state per call.
func TestConcurrentEvaluate(t *testing.T) {
	p := mustBind(t, mustParse(t, definitionJSON(`{"count": {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*]",
		"where": {"field": "Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange", "in": "[parameters('ports')]"}}, "greater": 0}`,
		`{"ports": {"type": "Array", "defaultValue": ["22"]}}`)), nil)
	res := NewResource(jsonMap(t, `{"type": "Microsoft.Network/networkSecurityGroups", "properties": {"securityRules": [{"name": "a", "properties": {"destinationPortRange": "22"}}]}}`))
	done := make(chan Outcome)
	for range 8 {
		go func() {
			out := NonCompliant
			for range 200 {
				if r := p.Evaluate(res, nil); r.Outcome != NonCompliant {
					out = r.Outcome
				}
			}
			done <- out
		}()
	}
	for range 8 {
		if o := <-done; o != NonCompliant {
			t.Fatalf("got %v", o)
		}
	}
}
