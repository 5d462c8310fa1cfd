package rules

import (
	"testing"

	"github.com/aiready/aiready/policypack/config"
)

func mg(t *testing.T, id, parent string) *Resource {
	props := set(fixture(t, "management_group_valid"), "groupId", id)
	props = set(props, "details.parent.id", "/providers/Microsoft.Management/managementGroups/"+parent)
	return res(TypeManagementGroup, id, props)
}

func assignment(t *testing.T, name, group, archetype string) *Resource {
	p := fixture(t, "policy_assignment_valid")
	p = set(p, "policyAssignmentName", name)
	p = set(p, "scope", "/providers/Microsoft.Management/managementGroups/"+group)
	p = set(p, "metadata.aiready", map[string]any{"archetype": archetype, "assignment": name})
	return res("azure-native:authorization:PolicyAssignment", group+"-"+name, p)
}

func corpBaseline(t *testing.T, group string) []*Resource {
	var out []*Resource
	for _, n := range config.Default().RequiredAssignments[config.Corp] {
		out = append(out, assignment(t, n, group, "corp"))
	}
	return out
}

func TestGovernanceGroupsSeparated(t *testing.T) {
	groups := withSettings(NewContext(), func(s *config.Settings) {
		s.ManagementGroups = map[string][]string{"corp": {"ai-corp"}, "online": {"ai-online"}}
	})
	nestedPreview := mg(t, "ai-online", "x")
	parent := mg(t, "ai-corp", "landingzones")
	nestedPreview.Props = set(nestedPreview.Props, "details.parent.id", unknown)
	unknownParent := mg(t, "ai-online", "x")
	unknownParent.Props = set(unknownParent.Props, "details.parent.id", unknown)
	runStackCases(t, GovernanceGroupsSeparated, []stackCase{
		{name: "side by side (pack config)", ctx: groups, resources: []*Resource{mg(t, "ai-corp", "landingzones"), mg(t, "ai-online", "landingzones")}},
		{name: "side by side (assignment metadata)", resources: []*Resource{
			mg(t, "ai-corp", "landingzones"), mg(t, "ai-online", "landingzones"),
			assignment(t, "Deny-Public-Endpoints", "ai-corp", "corp"), assignment(t, "Enable-DDoS-VNET", "ai-online", "online"),
		}},
		{name: "online nested under corp (pack config, other stack)", ctx: groups, resources: []*Resource{mg(t, "ai-online", "ai-corp")},
			want: []string{urn(TypeManagementGroup, "ai-online") + ": management group \"ai-online\" (online) is nested under \"ai-corp\" (corp); place the corp and online groups side by side, e.g. both under the landing zones group."}},
		{name: "corp nested two levels under online", resources: []*Resource{
			mg(t, "ai-online", "landingzones"), mg(t, "mid", "ai-online"), mg(t, "ai-corp", "mid"),
			assignment(t, "Deny-Public-Endpoints", "ai-corp", "corp"), assignment(t, "Enable-DDoS-VNET", "ai-online", "online"),
		},
			want: []string{urn(TypeManagementGroup, "ai-corp") + ": management group \"ai-corp\" (corp) is nested under \"ai-online\" (online); place the corp and online groups side by side, e.g. both under the landing zones group."}},
		{name: "one group for both", ctx: groups, resources: []*Resource{mg(t, "ai-corp", "landingzones"), assignment(t, "Enable-DDoS-VNET", "ai-corp", "online")},
			want: []string{urn(TypeManagementGroup, "ai-corp") + ": management group \"ai-corp\" is both corp and online: corp (from pack config managementGroups), online (from the aiready metadata of policy assignment ai-corp-Enable-DDoS-VNET); give internal and internet-facing workloads separate management groups."}},
		{name: "parent by dependency at preview", ctx: groups, resources: func() []*Resource {
			nestedPreview.PropertyDependencies = map[string][]string{"details": {parent.URN}}
			return []*Resource{parent, nestedPreview}
		}(),
			want: []string{urn(TypeManagementGroup, "ai-online") + ": management group \"ai-online\" (online) is nested under \"ai-corp\" (corp); place the corp and online groups side by side, e.g. both under the landing zones group."}},
		{name: "parent unknown", ctx: groups, resources: []*Resource{unknownParent},
			want: []string{urn(TypeManagementGroup, "ai-online") + ": Cannot verify at preview that management group \"ai-online\" (online) is not nested in the corp group: details.parent.id is not known yet; checked again at update."}},
		{name: "other types are ignored", resources: []*Resource{res(TypeAccount, "a", fixture(t, "account_valid"))}},
	})
}

func TestGovernanceNoAIInPlatform(t *testing.T) {
	const platformSub = "33333333-3333-3333-3333-333333333333"
	ctx := withSettings(NewContext(), func(s *config.Settings) {
		_ = s.Set("platformSubscriptions", map[string]any{"connectivity": []any{platformSub}})
		s.ManagementGroups = map[string][]string{"corp": {"ai-corp"}}
	})
	account := fixture(t, "account_valid")
	placement := map[string]any{"groupId": "ai-corp", "subscriptionId": platformSub}
	cases := []struct {
		name     string
		token    string
		props    map[string]any
		provider map[string]any
		ctx      *Context
		want     []string
	}{
		{name: "workload subscription", token: TypeAccount, provider: map[string]any{"subscriptionId": "22222222-2222-2222-2222-222222222222"}},
		{name: "no platform subscriptions configured", token: TypeAccount, provider: map[string]any{"subscriptionId": platformSub}, ctx: NewContext()},
		{name: "account in the connectivity subscription", token: "azure-native:cognitiveservices/v20241001:Account", provider: map[string]any{"subscriptionId": platformSub},
			want: []string{"the resource is in subscription " + platformSub + ", the connectivity platform subscription; deploy AI resources to a workload (application landing zone) subscription under an AI management group."}},
		{name: "subscription from the id", token: TypeSearchService, props: map[string]any{"id": "/subscriptions/" + platformSub + "/resourceGroups/rg/providers/Microsoft.Search/searchServices/s"},
			want: []string{"the resource is in subscription " + platformSub + ", the connectivity platform subscription; deploy AI resources to a workload (application landing zone) subscription under an AI management group."}},
		{name: "provider subscription unknown", token: TypeMLWorkspace, provider: map[string]any{"subscriptionId": unknown},
			want: []string{"Cannot verify at preview that the resource is not in a platform subscription: the provider's subscriptionId is not known yet; checked again at update."}},
		{name: "platform subscription placed in an AI group", token: TypeManagementGroupSub, props: placement,
			want: []string{"subscription " + platformSub + " is the connectivity platform subscription; do not place it in management group \"ai-corp\" (archetype corp): AI workloads get their own subscriptions."}},
		{name: "platform subscription in a platform group", token: TypeManagementGroupSub, props: map[string]any{"groupId": "connectivity", "subscriptionId": platformSub}},
		{name: "another type is ignored", token: TypeStorageAccount, provider: map[string]any{"subscriptionId": platformSub}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.ctx
			if c == nil {
				c = ctx
			}
			p := account
			if tc.props != nil {
				p = resourceProps(tc.props)
			}
			r := res(tc.token, "r", p)
			if tc.provider != nil {
				r.Provider = resourceProps(tc.provider)
			}
			got := messages(c, GovernanceNoAIInPlatform.Run(c, r))
			if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
				t.Fatalf("findings:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}
