package rules

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

func TestStorageAccountsHardened(t *testing.T) {
	base := fixture(t, "storage_valid")
	online := set(base, "tags.aiready-archetype", "online")
	runRuleCases(t, StorageAccountsHardened, []ruleCase{
		{name: "valid", props: base},
		{name: "valid, API-version token", token: "azure-native:storage/v20240101:StorageAccount", props: base},
		{name: "https default", props: del(base, "enableHttpsTrafficOnly")},
		{name: "online may keep public access", props: set(online, "publicNetworkAccess", "Enabled")},
		{name: "http allowed", props: set(base, "enableHttpsTrafficOnly", false),
			want: []string{"enableHttpsTrafficOnly is false; set it to true (or leave it out: Azure's default) so that the account accepts HTTPS only."}},
		{name: "old TLS", props: set(base, "minimumTlsVersion", "TLS1_0"),
			want: []string{"minimumTlsVersion is \"TLS1_0\"; set it to \"TLS1_2\": older API versions default to TLS 1.0."}},
		{name: "TLS not set", props: del(base, "minimumTlsVersion"),
			want: []string{"minimumTlsVersion is not set; set it to \"TLS1_2\": older API versions default to TLS 1.0."}},
		{name: "anonymous blobs", props: set(base, "allowBlobPublicAccess", true),
			want: []string{"allowBlobPublicAccess is true; set it to false so that no container can be read anonymously."}},
		{name: "shared keys", props: del(base, "allowSharedKeyAccess"),
			want: []string{"allowSharedKeyAccess is not set; set it to false so that callers authenticate with Microsoft Entra ID, not account keys."}},
		{name: "cross-tenant replication", props: set(base, "allowCrossTenantReplication", true),
			want: []string{"allowCrossTenantReplication is true; set it to false so that objects cannot be replicated to another tenant."}},
		{name: "corp public access", props: set(base, "publicNetworkAccess", "Enabled"),
			want: []string{"publicNetworkAccess is \"Enabled\"; set it to \"Disabled\": the archetype corp (from tags) allows no public endpoints."}},
		{name: "unknowns", props: set(set(base, "enableHttpsTrafficOnly", unknown), "allowSharedKeyAccess", unknown),
			want: []string{
				"Cannot verify at preview that the account accepts HTTPS only: enableHttpsTrafficOnly is not known yet; checked again at update.",
				"Cannot verify at preview that shared key access is off: allowSharedKeyAccess is not known yet; checked again at update.",
			}},
		{name: "another type is ignored", token: TypeKeyVault, props: set(base, "allowBlobPublicAccess", true)},
	})
}

func TestMessagesDoNotShowSecrets(t *testing.T) {
	base := fixture(t, "storage_valid")
	got := messages(NewContext(), StorageAccountsHardened.Run(NewContext(), res(TypeStorageAccount, "st",
		set(base, "minimumTlsVersion", resource.MakeSecret(resource.NewProperty("TLS1_0"))))))
	want := "minimumTlsVersion is a secret value; set it to \"TLS1_2\": older API versions default to TLS 1.0."
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
