package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/aiready/aiready/tests/internal/standin"
)

// driftedRule is the NSG rule the drift removes: the deny of management ports from
// the internet (components/securenetwork).
const driftedRule = "Deny-MgmtPorts-Internet-Inbound"

// openedRule is the NSG rule the drift adds: RDP from the internet, opened in the
// portal "for a quick look".
const openedRule = "Allow-RDP-From-Portal"

// openedRDP is openedRule as azure-native records an inline NSG rule.
func openedRDP() map[string]any {
	return map[string]any{
		"name": openedRule, "access": "Allow", "direction": "Inbound", "priority": 300.0,
		"protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*",
		"destinationAddressPrefix": "*", "destinationPortRange": "3389",
	}
}

// drift: someone changes the stack in the portal: an AI account opened to the
// public (publicNetworkAccess Enabled where the stack has it Disabled, and its
// network ACL's default action Allow) and, on an NSG, the deny of management ports
// from the internet removed and RDP from the internet allowed. `pulumi refresh`
// shows both changes; `pulumi policy analyze` with the pack judges the refreshed
// state and reports both as mandatory violations; the next preview with the pack
// plans to put the compliant values back, showing the drifted ones; `up` restores
// them in Azure.
func (f *faults) drift(t *testing.T) {
	ctx := context.Background()
	account := firstRecord(t, f.st, "azure-native:cognitiveservices:Account", nil)
	nsg := firstRecord(t, f.st, "azure-native:network:NetworkSecurityGroup", func(r standin.CloudRecord) bool { return hasRule(r.Inputs) })
	var want string
	must(t, f.st.Cloud().Edit(account.ID, func(in map[string]any) error {
		props := in["properties"].(map[string]any)
		want = `defaultAction: "Allow" => "Deny"`
		if props["publicNetworkAccess"] == "Disabled" {
			props["publicNetworkAccess"] = "Enabled"
			want = `publicNetworkAccess: "Enabled" => "Disabled"`
		}
		if acls, ok := props["networkAcls"].(map[string]any); ok {
			acls["defaultAction"] = "Allow"
		} else if want != `publicNetworkAccess: "Enabled" => "Disabled"` {
			return errors.New("the account is neither private nor restricted by network ACLs")
		}
		return nil
	}))
	must(t, f.st.Cloud().Edit(nsg.ID, func(in map[string]any) error {
		var kept []any
		for _, r := range in["securityRules"].([]any) {
			if r.(map[string]any)["name"] != driftedRule {
				kept = append(kept, r)
			}
		}
		in["securityRules"] = append(kept, openedRDP())
		return nil
	}))

	rr, err := f.st.Refresh(ctx, engine.RefreshOptions{})
	f.results = append(f.results, rr)
	if err != nil {
		logResult(t, rr)
		t.Fatal(err)
	}
	drifted := map[string]string{}
	for _, s := range rr.Drifted() {
		drifted[s.URN] = strings.Join(s.Diffs, ",")
	}
	if drifted[account.URN] != "properties" || drifted[nsg.URN] != "securityRules" {
		t.Fatalf("refresh found %v; want %s (properties) and %s (securityRules)", drifted, account.URN, nsg.URN)
	}

	f.driftAnalyzed(t, account.URN, nsg.URN)

	var out bytes.Buffer
	o := f.pol
	o.Diff, o.Progress = true, &out
	pr, err := f.st.Preview(ctx, o)
	f.results = append(f.results, pr)
	if err != nil {
		logResult(t, pr)
		t.Fatalf("preview after the drift: %v", err)
	}
	for _, urn := range []string{account.URN, nsg.URN} {
		if s := pr.Steps[urn]; s.Op != "update" {
			t.Errorf("preview plans %q for the drifted %s; want an update back", s.Op, urn)
		}
	}
	for _, w := range []string{want, driftedRule} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the preview's output does not show %q", w)
		}
	}
	if man := pr.Mandatory(); len(man) > 0 {
		t.Errorf("the planned (restored) values violate the pack: %v", man)
	}

	f.upConverges(t, f.program)
	acc, _, _ := f.st.Cloud().Get(account.ID)
	n, _, _ := f.st.Cloud().Get(nsg.ID)
	if !sameJSONValue(acc.Inputs, account.Inputs) || !hasRule(n.Inputs) || ruleNamed(n.Inputs, openedRule) {
		t.Errorf("up did not restore the compliant values in Azure")
	}
}

// driftAnalyzed: `pulumi policy analyze` runs the pack on the refreshed state
// (no program, no provider) and stops on the drifted account and NSG: the
// pack's verdict on what is in Azure, where a preview judges what the program
// plans.
func (f *faults) driftAnalyzed(t *testing.T, account, nsg string) {
	t.Helper()
	ar, err := f.st.Analyze(context.Background(), engine.AnalyzeOptions{PolicyPacks: f.pol.PolicyPacks, PolicyConfigs: f.pol.PolicyConfigs})
	f.results = append(f.results, ar)
	if err != nil {
		logResult(t, ar)
		t.Fatalf("policy analyze after the refresh: %v", err)
	}
	want := map[string]string{account: "ai-services-restrict-public-network-access", nsg: "network-no-management-ports-from-internet"}
	for urn, policy := range want {
		found := false
		for _, v := range ar.Mandatory() {
			found = found || v.URN == urn && v.Policy == policy
		}
		if !found {
			t.Errorf("policy analyze of the drifted state: no mandatory %s on %s; got %v", policy, urn, ar.Violations)
		}
	}
}

func firstRecord(t *testing.T, st *engine.Stack, token string, match func(standin.CloudRecord) bool) standin.CloudRecord {
	t.Helper()
	recs, err := st.Cloud().List(token)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if match == nil || match(r) {
			return r
		}
	}
	t.Fatalf("the cloud has no %s to change", token)
	return standin.CloudRecord{}
}

func hasRule(in map[string]any) bool { return ruleNamed(in, driftedRule) }

// ruleNamed reports whether an NSG's inputs hold the inline rule name.
func ruleNamed(in map[string]any, name string) bool {
	rules, _ := in["securityRules"].([]any)
	for _, r := range rules {
		if m, ok := r.(map[string]any); ok && m["name"] == name {
			return true
		}
	}
	return false
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// sameJSONValue compares two JSON-shaped values as JSON.
func sameJSONValue(a, b any) bool {
	ja, erra := json.Marshal(a)
	jb, errb := json.Marshal(b)
	return erra == nil && errb == nil && bytes.Equal(ja, jb)
}
