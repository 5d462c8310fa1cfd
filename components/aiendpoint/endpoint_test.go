package aiendpoint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/pulumitest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestEndpointTreeAndCorpSecurity(t *testing.T) {
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai-eastus", validEndpointArgs("eastus"))
		return err
	})
	comp := component(t, rec, RegionalAIEndpointTypeToken, "ai-eastus")
	want := []string{
		cognitiveservices.AccountType + " ai-eastus-account",
		cognitiveservices.DeploymentType + " ai-eastus-deployment-chat",
		cognitiveservices.DeploymentType + " ai-eastus-deployment-embeddings",
		dnsZoneGroupType + " ai-eastus-pe-dns",
		privateEndpointType + " ai-eastus-pe",
		diagnosticSettingType + " ai-eastus-diagnostics",
	}
	slices.Sort(want)
	if got := childTypes(rec, comp); !slices.Equal(got, want) {
		t.Errorf("children:\n got %v\nwant %v", got, want)
	}
	if n := len(rec.Resources()); n != len(want)+1 {
		t.Errorf("%d resources registered, want the component and its %d children", n, len(want))
	}

	acct := rec.Named(t, cognitiveservices.AccountType, "ai-eastus-account")
	if acct.Version != "2.90.0" {
		t.Errorf("account provider version = %q", acct.Version)
	}
	for path, want := range map[string]string{
		"accountName":                          "contoso-ai-eastus",
		"kind":                                 "OpenAI",
		"location":                             "eastus",
		"resourceGroupName":                    "rg-ai-eastus",
		"sku.name":                             "S0",
		"identity.type":                        "SystemAssigned",
		"properties.customSubDomainName":       "contoso-ai-eastus",
		"properties.publicNetworkAccess":       "Disabled",
		"properties.networkAcls.defaultAction": "Deny",
		"properties.networkAcls.bypass":        "None",
		"properties.allowedFqdnList[0]":        "contosoaidata.blob.core.windows.net",
		"tags.aiready-archetype":               "corp",
		"tags.aiready-environment":             "nonproduction",
		"tags.aiready-component":               "RegionalAIEndpoint",
		"tags.cost-center":                     "ai-platform",
	} {
		wantString(t, acct, path, want)
	}
	wantBool(t, acct, "properties.disableLocalAuth", true)
	wantBool(t, acct, "properties.restrictOutboundNetworkAccess", true)
	if _, ok := acct.Input("properties.networkAcls.ipRules"); !ok || acct.Len("properties.networkAcls.ipRules") != 0 {
		t.Error("properties.networkAcls.ipRules should be present and empty")
	}
	if _, ok := acct.Input("properties.encryption"); ok {
		t.Error("no customer-managed key was asked for")
	}
	if acct.Protect || acct.RetainOnDelete {
		t.Error("a non-production account is neither protected nor retained")
	}

	diag := rec.Named(t, diagnosticSettingType, "ai-eastus-diagnostics")
	wantString(t, diag, "resourceUri", acct.ID)
	wantString(t, diag, "workspaceId", testWorkspaceID)
	wantString(t, diag, "logs[0].categoryGroup", "allLogs")
	wantString(t, diag, "logs[1].categoryGroup", "audit")
	wantBool(t, diag, "logs[0].enabled", true)
	wantBool(t, diag, "logs[1].enabled", true)
	wantString(t, diag, "metrics[0].category", "AllMetrics")
	wantBool(t, diag, "metrics[0].enabled", true)
}

func TestEndpointDevIsPrivateToo(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Archetype = ArchetypeDev
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "dev", args)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "dev-account")
	wantString(t, acct, "properties.publicNetworkAccess", "Disabled")
	wantString(t, acct, "tags.aiready-archetype", "dev")
}

func TestEndpointOnlineDeniesByDefault(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Archetype = ArchetypeOnline
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "web", args)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "web-account")
	wantString(t, acct, "properties.publicNetworkAccess", "Enabled")
	wantString(t, acct, "properties.networkAcls.defaultAction", "Deny")
	wantString(t, acct, "properties.networkAcls.bypass", "AzureServices")
	if n := acct.Len("properties.networkAcls.ipRules"); n != 0 {
		t.Errorf("%d IP rules, want none", n)
	}
	if n := acct.Len("properties.networkAcls.virtualNetworkRules"); n != 0 {
		t.Errorf("%d virtual network rules, want none", n)
	}
	wantBool(t, acct, "properties.disableLocalAuth", true)
	wantString(t, acct, "tags.aiready-archetype", "online")
	// The private endpoint exists in every archetype.
	rec.Named(t, privateEndpointType, "web-pe")
}

func TestEndpointPrivateEndpointAndDNSZoneGroup(t *testing.T) {
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai-eastus", validEndpointArgs("eastus"))
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "ai-eastus-account")
	pe := rec.Named(t, privateEndpointType, "ai-eastus-pe")
	for path, want := range map[string]string{
		"privateEndpointName":        "contoso-ai-eastus-pe",
		"customNetworkInterfaceName": "contoso-ai-eastus-pe-nic",
		"location":                   "eastus",
		"resourceGroupName":          "rg-ai-eastus",
		"subnet.id":                  subnetID("eastus", "snet-private-endpoints"),
		"privateLinkServiceConnections[0].privateLinkServiceId": acct.ID,
		"privateLinkServiceConnections[0].groupIds[0]":          "account",
		"tags.aiready-component":                                "RegionalAIEndpoint",
	} {
		wantString(t, pe, path, want)
	}
	if n := pe.Len("privateLinkServiceConnections[0].groupIds"); n != 1 {
		t.Errorf("%d group ids, want 1", n)
	}
	if n := pe.Len("manualPrivateLinkServiceConnections"); n != 0 {
		t.Error("the connection must be automatic (approved), not manual")
	}

	group := rec.Named(t, dnsZoneGroupType, "ai-eastus-pe-dns")
	wantString(t, group, "privateEndpointName", "contoso-ai-eastus-pe")
	wantString(t, group, "privateDnsZoneGroupName", "default")
	if !slices.Contains(group.Dependencies, pe.URN) {
		t.Error("the zone group does not depend on its private endpoint")
	}
	want := map[string]string{
		"privatelink-openai-azure-com":            zoneID("privatelink.openai.azure.com"),
		"privatelink-cognitiveservices-azure-com": zoneID("privatelink.cognitiveservices.azure.com"),
		"privatelink-services-ai-azure-com":       zoneID("privatelink.services.ai.azure.com"),
	}
	if n := group.Len("privateDnsZoneConfigs"); n != len(want) {
		t.Fatalf("%d zone configs, want %d (the search zone must not be used)", n, len(want))
	}
	for i := range len(want) {
		name := group.String(fmt.Sprintf("privateDnsZoneConfigs[%d].name", i))
		if got := group.String(fmt.Sprintf("privateDnsZoneConfigs[%d].privateDnsZoneId", i)); got != want[name] {
			t.Errorf("zone config %q: id %q, want %q", name, got, want[name])
		}
	}
}

func TestEndpointOpenAIKindWithoutServicesAIZone(t *testing.T) {
	args := validEndpointArgs("eastus")
	zones := testZones()
	delete(zones, DNSKeyAIServices)
	args.PrivateDNSZoneIDs = zones
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai", args)
		return err
	})
	if n := rec.Named(t, dnsZoneGroupType, "ai-pe-dns").Len("privateDnsZoneConfigs"); n != 2 {
		t.Errorf("%d zone configs, want 2 (openai and cognitiveservices)", n)
	}
}

func TestEndpointZoneIDsFromAnOutput(t *testing.T) {
	t.Run("complete", func(t *testing.T) {
		args := validEndpointArgs("eastus")
		args.PrivateDNSZoneIDs = testZones().ToStringMapOutput()
		rec := runOK(t, func(ctx *pulumi.Context) error {
			_, err := NewRegionalAIEndpoint(ctx, "ai", args)
			return err
		})
		if n := rec.Named(t, dnsZoneGroupType, "ai-pe-dns").Len("privateDnsZoneConfigs"); n != 3 {
			t.Errorf("%d zone configs, want 3", n)
		}
	})
	t.Run("missing a required zone", func(t *testing.T) {
		args := validEndpointArgs("eastus")
		zones := testZones()
		delete(zones, DNSKeyOpenAI)
		args.PrivateDNSZoneIDs = zones.ToStringMapOutput()
		_, err := pulumitest.Run(func(ctx *pulumi.Context) error {
			_, err := NewRegionalAIEndpoint(ctx, "ai", args)
			return err
		})
		want := `RegionalAIEndpoint "ai": PrivateDNSZoneIDs has no "openai" zone id; a OpenAI account needs "openai", "cognitiveservices"`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	})
}

func TestEndpointDeploymentsAreChained(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Deployments = append(args.Deployments, ModelDeployment{
		Model: "gpt-4o-mini", Version: "2024-07-18", DeploymentType: "GlobalStandard", Capacity: 200,
		VersionUpgradeOption: "NoAutoUpgrade", ContentFilter: "Microsoft.Default", Format: "OpenAI",
	})
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai", args)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "ai-account")
	names := []string{"ai-deployment-chat", "ai-deployment-embeddings", "ai-deployment-gpt-4o-mini"}
	previous := acct.URN
	for i, name := range names {
		d := rec.Named(t, cognitiveservices.DeploymentType, name)
		if !slices.Contains(d.Dependencies, previous) {
			t.Errorf("%s does not depend on %s: %v", name, previous, d.Dependencies)
		}
		if d.Version != "2.90.0" {
			t.Errorf("%s provider version = %q", name, d.Version)
		}
		wantString(t, d, "accountName", "contoso-ai-eastus")
		if !slices.Contains(d.PropertyDependencies["accountName"], acct.URN) {
			t.Errorf("%s: accountName must come from the account's output, so policy stack checks can link the deployment to it; property dependencies: %v", name, d.PropertyDependencies)
		}
		wantString(t, d, "resourceGroupName", "rg-ai-eastus")
		wantString(t, d, "properties.model.format", "OpenAI")
		spec := args.Deployments[i]
		wantString(t, d, "deploymentName", spec.name())
		wantString(t, d, "sku.name", spec.DeploymentType)
		wantNumber(t, d, "sku.capacity", float64(spec.Capacity))
		wantString(t, d, "properties.model.name", spec.Model)
		wantString(t, d, "properties.model.version", spec.Version)
		previous = d.URN
	}
	chat := rec.Named(t, cognitiveservices.DeploymentType, "ai-deployment-chat")
	wantString(t, chat, "tags.aiready-component", "RegionalAIEndpoint")
	wantString(t, chat, "properties.raiPolicyName", "Microsoft.DefaultV2")
	wantString(t, chat, "properties.versionUpgradeOption", "OnceCurrentVersionExpired")
	mini := rec.Named(t, cognitiveservices.DeploymentType, "ai-deployment-gpt-4o-mini")
	wantString(t, mini, "deploymentName", "gpt-4o-mini")
	wantString(t, mini, "properties.raiPolicyName", "Microsoft.Default")
	wantString(t, mini, "properties.versionUpgradeOption", "NoAutoUpgrade")
}

func TestEndpointCustomContentFilter(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.ContentFilters = []ContentFilter{{
		Name: "strict",
		Mode: "Blocking",
		Filters: []ContentFilterRule{
			{Category: "Hate", Source: "Prompt", SeverityThreshold: "Low"},
			{Category: "Jailbreak", Source: "Prompt", AnnotateOnly: true},
		},
	}}
	args.Deployments[1].ContentFilter = "strict"
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai", args)
		return err
	})
	filter := rec.Named(t, cognitiveservices.RaiPolicyType, "ai-filter-strict")
	wantString(t, filter, "raiPolicyName", "strict")
	wantString(t, filter, "accountName", "contoso-ai-eastus")
	wantString(t, filter, "properties.basePolicyName", "Microsoft.DefaultV2")
	wantString(t, filter, "properties.mode", "Blocking")
	wantString(t, filter, "properties.contentFilters[0].severityThreshold", "Low")
	wantBool(t, filter, "properties.contentFilters[0].enabled", true)
	wantBool(t, filter, "properties.contentFilters[0].blocking", true)
	wantBool(t, filter, "properties.contentFilters[1].blocking", false)
	if _, ok := filter.Input("properties.contentFilters[1].severityThreshold"); ok {
		t.Error("Jailbreak has no severity threshold")
	}
	emb := rec.Named(t, cognitiveservices.DeploymentType, "ai-deployment-embeddings")
	wantString(t, emb, "properties.raiPolicyName", "strict")
	if !slices.Contains(emb.Dependencies, filter.URN) {
		t.Error("the deployment does not wait for its content filter")
	}
}

func TestEndpointProductionIsProtected(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Production = true
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai", args)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "ai-account")
	if !acct.Protect || !acct.RetainOnDelete {
		t.Errorf("production account: protect %v, retainOnDelete %v; want both", acct.Protect, acct.RetainOnDelete)
	}
	wantString(t, acct, "tags.aiready-environment", "production")
}

func TestEndpointCustomerManagedKey(t *testing.T) {
	args := validEndpointArgs("eastus")
	uai := testSubscription + "/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ai"
	args.Encryption = &CustomerManagedKey{
		KeyVaultURI:            pulumi.String("https://kv-ai.vault.azure.net/"),
		KeyName:                pulumi.String("cmk-ai"),
		UserAssignedIdentityID: pulumi.String(uai),
		IdentityClientID:       pulumi.String("11111111-2222-3333-4444-555555555555"),
	}
	rec := runOK(t, func(ctx *pulumi.Context) error {
		_, err := NewRegionalAIEndpoint(ctx, "ai", args)
		return err
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "ai-account")
	wantString(t, acct, "identity.type", "SystemAssigned, UserAssigned")
	wantString(t, acct, "identity.userAssignedIdentities[0]", uai)
	wantString(t, acct, "properties.encryption.keySource", "Microsoft.KeyVault")
	wantString(t, acct, "properties.encryption.keyVaultProperties.keyName", "cmk-ai")
	wantString(t, acct, "properties.encryption.keyVaultProperties.identityClientId", "11111111-2222-3333-4444-555555555555")
}

func TestEndpointOutputs(t *testing.T) {
	var got struct {
		id, name, endpoint, principal, location string
		deployments                             []string
	}
	var ep *RegionalAIEndpoint
	rec := runOK(t, func(ctx *pulumi.Context) error {
		var err error
		ep, err = NewRegionalAIEndpoint(ctx, "ai", validEndpointArgs("eastus"))
		if err != nil {
			return err
		}
		pulumi.All(ep.AccountID, ep.AccountName, ep.Endpoint, ep.PrincipalID, ep.Location, ep.DeploymentNames).ApplyT(func(v []any) error {
			got.id, got.name, got.endpoint, got.principal, got.location = v[0].(string), v[1].(string), v[2].(string), v[3].(string), v[4].(string)
			got.deployments = v[5].([]string)
			return nil
		})
		return nil
	})
	acct := rec.Named(t, cognitiveservices.AccountType, "ai-account")
	if got.id != acct.ID {
		t.Errorf("AccountID = %q, want %q", got.id, acct.ID)
	}
	if got.name != "contoso-ai-eastus" {
		t.Errorf("AccountName = %q", got.name)
	}
	if got.endpoint != "https://contoso-ai-eastus.openai.azure.com/" {
		t.Errorf("Endpoint = %q", got.endpoint)
	}
	if got.principal != "principal-ai-account" {
		t.Errorf("PrincipalID = %q", got.principal)
	}
	if got.location != "eastus" {
		t.Errorf("Location = %q", got.location)
	}
	if !slices.Equal(got.deployments, []string{"chat", "embeddings"}) {
		t.Errorf("DeploymentNames = %v", got.deployments)
	}
	if ep.Region() != "eastus" || !slices.Equal(ep.DeploymentTypes(), []string{"Standard"}) {
		t.Errorf("Region() = %q, DeploymentTypes() = %v", ep.Region(), ep.DeploymentTypes())
	}
	specs := ep.Deployments()
	if len(specs) != 2 || specs[0].ContentFilter != ContentFilterDefaultV2 || specs[1].VersionUpgradeOption != "OnceCurrentVersionExpired" || specs[0].Format != "OpenAI" {
		t.Errorf("Deployments() did not fill in the defaults: %+v", specs)
	}
	specs[0].Name = "changed"
	if ep.Deployments()[0].Name != "chat" {
		t.Error("Deployments() returned the component's own slice")
	}
}

// TestEndpointRejectsBadInput changes one input of a compliant baseline per case
// and expects the exact error, before anything is registered.
func TestEndpointRejectsBadInput(t *testing.T) {
	cat := catalog.Default()
	cases := []struct {
		name   string
		change func(a *RegionalAIEndpointArgs)
		want   string
	}{
		{
			name:   "unknown region",
			change: func(a *RegionalAIEndpointArgs) { a.Location = "eastus9" },
			want: `Location: region "eastus9": unknown region; use an Azure region name such as "eastus" (did you mean it?); known regions: ` +
				strings.Join(cat.RegionNames(), ", "),
		},
		{
			name:   "region without Azure OpenAI",
			change: func(a *RegionalAIEndpointArgs) { a.Location = "westus2" },
			want:   `Location: region "westus2": service "openai" is not available there; regions that offer it: ` + strings.Join(openAIRegions(cat), ", "),
		},
		{
			name:   "unknown deployment type",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].DeploymentType = "Premium" },
			want:   `Deployments[0].DeploymentType: deployment type "Premium": unknown; use one of ` + strings.Join(cat.DeploymentTypeNames(), ", "),
		},
		{
			name:   "capacity zero",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[1].Capacity = 0 },
			want:   `Deployments[1].Capacity: 0 must be at least 1 (1K tokens per minute)`,
		},
		{
			name:   "negative capacity",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].Capacity = -5 },
			want:   `Deployments[0].Capacity: -5 must be at least 1 (1K tokens per minute)`,
		},
		{
			name: "model not offered in the region",
			change: func(a *RegionalAIEndpointArgs) {
				a.Deployments[0] = ModelDeployment{Name: "chat", Model: "gpt-4.1-nano", Version: "2025-04-14", DeploymentType: "Standard", Capacity: 50}
			},
			want: `Deployments[0]: model "gpt-4.1-nano" version "2025-04-14" as Standard is not offered in region "eastus"; regions that offer it: northcentralus, swedencentral (per the embedded catalog of 2026-12-02)`,
		},
		{
			// The corp stack's secondary region: Microsoft's Standard table does not
			// offer text-embedding-3-large there.
			name:   "embedding version not offered in the region",
			change: func(a *RegionalAIEndpointArgs) { a.Location = "westus" },
			want: `Deployments[1]: model "text-embedding-3-large" version "1" as Standard is not offered in region "westus"; regions that offer it: ` +
				strings.Join(cat.Models["text-embedding-3-large"].Versions["1"].Deployments["Standard"], ", ") + ` (per the embedded catalog of 2026-12-02)`,
		},
		{
			name:   "another version offered in the region",
			change: func(a *RegionalAIEndpointArgs) { a.Location = "uksouth"; a.Deployments[0].Version = "2024-05-13" },
			want: `Deployments[0]: model "gpt-4o" version "2024-05-13" as Standard is not offered in region "uksouth"; regions that offer it: ` +
				strings.Join(cat.Models["gpt-4o"].Versions["2024-05-13"].Deployments["Standard"], ", ") + ` (in uksouth, gpt-4o offers version 2024-11-20 as Standard) (per the embedded catalog of 2026-12-02)`,
		},
		{
			name:   "unknown model",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].Model = "gpt-5-turbo" },
			want:   `Deployments[0].Model: model "gpt-5-turbo": unknown model; use one of ` + strings.Join(cat.ModelNames(), ", "),
		},
		{
			name:   "unknown model version",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].Version = "2023-01-01" },
			want:   `Deployments[0].Version: model "gpt-4o" version "2023-01-01": unknown version; use one of 2024-05-13, 2024-08-06, 2024-11-20`,
		},
		{
			name:   "one deployment over quota",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].Capacity = 500 },
			want:   `Deployments[0].Capacity: model "gpt-4o" as Standard in "eastus": capacity 500 is over quota: the default quota is 150 (1K tokens per minute) per subscription and region; request more from Azure support or lower the capacity`,
		},
		{
			name: "deployments of one model over quota together",
			change: func(a *RegionalAIEndpointArgs) {
				a.Deployments[1] = ModelDeployment{Name: "chat-batch", Model: "gpt-4o", Version: "2024-08-06", DeploymentType: "Standard", Capacity: 100}
			},
			want: `Deployments: model "gpt-4o" as Standard in "eastus" totals capacity 200 (Deployments[0] 100, Deployments[1] 100), which is over quota: the default quota is 150 (1K tokens per minute) per subscription and region; lower the capacities or request more quota from Azure support`,
		},
		{
			name:   "subdomain with upper case and underscore",
			change: func(a *RegionalAIEndpointArgs) { a.CustomSubDomainName = "Contoso_AI" },
			want:   `CustomSubDomainName: "Contoso_AI" is not a DNS label; use lower-case letters, digits and hyphens, starting and ending with a letter or digit`,
		},
		{
			name:   "subdomain too long",
			change: func(a *RegionalAIEndpointArgs) { a.CustomSubDomainName = strings.Repeat("a", 65) },
			want:   `CustomSubDomainName: "` + strings.Repeat("a", 65) + `" has 65 characters; a custom subdomain has 2-64`,
		},
		{
			name:   "subdomain ending with a hyphen",
			change: func(a *RegionalAIEndpointArgs) { a.CustomSubDomainName = "contoso-" },
			want:   `CustomSubDomainName: "contoso-" is not a DNS label; use lower-case letters, digits and hyphens, starting and ending with a letter or digit`,
		},
		{
			name:   "missing subdomain",
			change: func(a *RegionalAIEndpointArgs) { a.CustomSubDomainName = "" },
			want:   `CustomSubDomainName is required: the globally unique DNS label of the endpoint (https://<name>.openai.azure.com/), 2-64 lower-case letters, digits and hyphens`,
		},
		{
			name:   "unknown archetype",
			change: func(a *RegionalAIEndpointArgs) { a.Archetype = "internal" },
			want:   `Archetype: "internal" is not an archetype; use one of corp, online, dev, sandbox`,
		},
		{
			name:   "unknown kind",
			change: func(a *RegionalAIEndpointArgs) { a.Kind = "TextAnalytics" },
			want:   `Kind: "TextAnalytics" is not an AI endpoint kind; use "OpenAI" or "AIServices"`,
		},
		{
			name: "AI Services without the services.ai zone",
			change: func(a *RegionalAIEndpointArgs) {
				a.Kind = "AIServices"
				delete(a.PrivateDNSZoneIDs.(pulumi.StringMap), DNSKeyAIServices)
			},
			want: `PrivateDNSZoneIDs: no zone id for "aiservices"; a AIServices account resolves its private endpoint through "openai", "cognitiveservices", "aiservices"`,
		},
		{
			name:   "missing subnet",
			change: func(a *RegionalAIEndpointArgs) { a.PrivateEndpointSubnetID = nil },
			want:   `PrivateEndpointSubnetID is required: the subnet of the account's private endpoint (SecureNetwork's private-endpoints subnet)`,
		},
		{
			name:   "production without diagnostics",
			change: func(a *RegionalAIEndpointArgs) { a.Production = true; a.LogAnalyticsWorkspaceID = nil },
			want:   `LogAnalyticsWorkspaceID is required in production: the account's logs and metrics must reach a Log Analytics workspace`,
		},
		{
			name:   "duplicate deployment names",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[1].Name = "Chat" },
			want:   `Deployments[1].Name: "Chat" is already the name of Deployments[0]; deployment names are unique in an account`,
		},
		{
			name:   "unpinned version",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].Version = "" },
			want:   `Deployments[0].Version is required: pin the model version (2024-05-13, 2024-08-06, 2024-11-20) so that Azure does not change the model under the deployment`,
		},
		{
			name:   "unknown content filter",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].ContentFilter = "Microsoft.Nil" },
			want:   `Deployments[0].ContentFilter: "Microsoft.Nil" is neither a built-in filter ("Microsoft.DefaultV2", "Microsoft.Default") nor the Name of one of ContentFilters`,
		},
		{
			name:   "unknown upgrade option",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments[0].VersionUpgradeOption = "Always" },
			want:   `Deployments[0].VersionUpgradeOption: "Always" is not an option; use one of OnceCurrentVersionExpired, OnceNewDefaultVersionAvailable, NoAutoUpgrade`,
		},
		{
			name:   "no deployments",
			change: func(a *RegionalAIEndpointArgs) { a.Deployments = nil },
			want:   `Deployments: at least one model deployment is required`,
		},
		{
			name: "outbound host with a scheme",
			change: func(a *RegionalAIEndpointArgs) {
				a.AllowedFQDNs = []string{"https://contoso.blob.core.windows.net/data"}
			},
			want: `AllowedFQDNs[0]: "https://contoso.blob.core.windows.net/data" is not a host name; give the FQDN only (e.g. contoso.blob.core.windows.net), without scheme, port or path`,
		},
		{
			name: "content filter reusing a built-in name",
			change: func(a *RegionalAIEndpointArgs) {
				a.ContentFilters = []ContentFilter{{Name: "Microsoft.Strict", Filters: []ContentFilterRule{{Category: "Hate", Source: "Prompt", SeverityThreshold: "Low"}}}}
			},
			want: `ContentFilters[0].Name: "Microsoft.Strict" is reserved for built-in filters; choose a name without the "Microsoft." prefix`,
		},
		{
			name: "harm category without a threshold",
			change: func(a *RegionalAIEndpointArgs) {
				a.ContentFilters = []ContentFilter{{Name: "strict", Filters: []ContentFilterRule{{Category: "Violence", Source: "Completion"}}}}
			},
			want: `ContentFilters[0].Filters[0].SeverityThreshold: "" must be "Low", "Medium" or "High" for Violence`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := validEndpointArgs("eastus")
			c.change(args)
			wantRejected(t, func(ctx *pulumi.Context) error {
				_, err := NewRegionalAIEndpoint(ctx, "ai", args)
				return err
			}, `RegionalAIEndpoint "ai": `+c.want)
		})
	}
}

func TestEndpointValidateReportsEveryProblem(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Location = ""
	args.CustomSubDomainName = "x"
	args.Deployments[0].Capacity = 0
	err := args.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Location is required", `CustomSubDomainName: "x" has 1 characters`, "Deployments[0].Capacity: 0 must be at least 1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if err := validEndpointArgs("eastus").Validate(); err != nil {
		t.Errorf("baseline is invalid: %v", err)
	}
	var nilArgs *RegionalAIEndpointArgs
	if err := nilArgs.Validate(); err == nil {
		t.Error("nil args validated")
	}
}

func TestEndpointQuotaErrorsWrapTheCatalogSentinels(t *testing.T) {
	args := validEndpointArgs("eastus")
	args.Deployments[0].Capacity = 1000
	args.Deployments[1].DeploymentType = "Batch"
	err := args.Validate()
	if !errors.Is(err, catalog.ErrQuota) || !errors.Is(err, catalog.ErrUnknown) {
		t.Errorf("error does not wrap ErrQuota and ErrUnknown: %v", err)
	}
}

func openAIRegions(cat *catalog.Catalog) []string {
	var out []string
	for _, r := range cat.RegionNames() {
		if cat.Regions[r].Offers(catalog.ServiceOpenAI) {
			out = append(out, r)
		}
	}
	return out
}

// TestEndpointAcceptsVersionsWhereOffered: availability is per model version, so
// gpt-4o 2024-11-20 as Standard passes in regions where that version is offered even
// though older versions are not (a per-model catalog refused them).
func TestEndpointAcceptsVersionsWhereOffered(t *testing.T) {
	for _, region := range []string{"uksouth", "francecentral", "japaneast"} {
		if err := validEndpointArgs(region).Validate(); err != nil {
			t.Errorf("%s: %v", region, err)
		}
	}
}

// TestEndpointWithImportedCatalog: with a subscription's import, a model the
// subscription does not see in the region and a capacity above what is left of its
// quota are refused, naming the import.
func TestEndpointWithImportedCatalog(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "catalog", "testdata", "import.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	cat, err := catalog.Default().LoadImport(f)
	if err != nil {
		t.Fatal(err)
	}
	args := validEndpointArgs("westus")
	args.Catalog = cat
	err = args.Validate()
	const per = "(per the import from subscription 7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a01 on 2026-12-02)"
	for _, want := range []string{
		`Deployments[0].Capacity: model "gpt-4o" as Standard in "westus": capacity 100 is over quota: 10 (1K tokens per minute) of the subscription's quota of 150 is left in westus ` + per,
		`Deployments[1]: model "text-embedding-3-large" version "1" as Standard is not offered in region "westus"; regions that offer it: `,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error = %v, want it to contain %q", err, want)
		}
	}
	if !strings.Contains(err.Error(), per) {
		t.Errorf("the availability error does not name the import: %v", err)
	}
	args.Deployments = args.Deployments[:1]
	args.Deployments[0].Capacity = 10
	if err := args.Validate(); err != nil {
		t.Errorf("what is left of the quota: %v", err)
	}
}
