package aiendpoint

import (
	"testing"

	"github.com/aiready/aiready/azure/apimanagement"
	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestUserNamedArchetypes: a user-named archetype (as ManagementGroupHierarchy
// accepts one) is accepted with its base and builds what the base builds; the
// tag keeps the user's name.
func TestUserNamedArchetypes(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Archetype, args.ArchetypeBase = "public-apps", ArchetypeOnline
	gw := validGatewayArgs("eastus", "westus")
	gw.Archetype, gw.ArchetypeBase = "research", ArchetypeCorp
	rec := runOK(t, func(ctx *pulumi.Context) error {
		if _, err := NewRegionalAIEndpoint(ctx, "web", args); err != nil {
			return err
		}
		_, err := NewAIGateway(ctx, "gw", gw)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "web-account")
	wantString(t, acct, "properties.publicNetworkAccess", "Enabled")
	wantString(t, acct, "properties.networkAcls.defaultAction", "Deny")
	wantString(t, acct, "tags.aiready-archetype", "public-apps")
	svc := rec.Named(t, apimanagement.ApiManagementServiceType, "gw-apim")
	wantString(t, svc, "virtualNetworkType", "Internal")
	wantString(t, svc, "tags.aiready-archetype", "research")
}

// TestUserNamedArchetypeRefusals: each refusal names the input, the value and
// what is allowed, before anything is created.
func TestUserNamedArchetypeRefusals(t *testing.T) {
	cases := []struct{ archetype, base, want string }{
		{"research", "", `RegionalAIEndpoint "ai": Archetype: "research" is not an archetype; use one of corp, online, dev, sandbox`},
		{"research", "lab", `RegionalAIEndpoint "ai": ArchetypeBase: "lab" is not a built-in archetype; the user-named Archetype "research" behaves as one of corp, online, dev, sandbox`},
		{"corp", "online", `RegionalAIEndpoint "ai": ArchetypeBase: "online" is set, but Archetype "corp" is built in; leave it empty`},
		{"Research", "corp", `RegionalAIEndpoint "ai": Archetype: "Research" is not an archetype; use one of corp, online, dev, sandbox, or a user-named archetype (lower-case letters, digits and '-', at most 32, starting with a letter) with ArchetypeBase`},
	}
	for _, c := range cases {
		t.Run(c.archetype+"/"+c.base, func(t *testing.T) {
			args := validEndpointArgs("eastus")
			args.Archetype, args.ArchetypeBase = c.archetype, c.base
			wantRejected(t, func(ctx *pulumi.Context) error {
				_, err := NewRegionalAIEndpoint(ctx, "ai", args)
				return err
			}, c.want)
		})
	}
}
