package rules

import "testing"

func TestKeyVaultsHardened(t *testing.T) {
	base := fixture(t, "key_vault_valid")
	runRuleCases(t, KeyVaultsHardened, []ruleCase{
		{name: "valid", props: base},
		{name: "valid, API-version token, soft delete default", token: "azure-native:keyvault/v20240401preview:Vault", props: del(base, "properties.enableSoftDelete")},
		{name: "dev may keep public access", props: set(set(base, "tags.aiready-archetype", "dev"), "properties.publicNetworkAccess", "Enabled")},
		{name: "no purge protection", props: del(base, "properties.enablePurgeProtection"),
			want: []string{"properties.enablePurgeProtection is not set; set it to true so that deleted keys, secrets and the vault itself cannot be purged during the retention period."}},
		{name: "soft delete off", props: set(base, "properties.enableSoftDelete", false),
			want: []string{"properties.enableSoftDelete is false; set it to true (or leave it out: Azure's default)."}},
		{name: "access policies", props: set(base, "properties.enableRbacAuthorization", false),
			want: []string{"properties.enableRbacAuthorization is false; set it to true so that access is granted with Azure role assignments, not vault access policies."}},
		{name: "corp public access", props: set(base, "properties.publicNetworkAccess", "Enabled"),
			want: []string{"properties.publicNetworkAccess is \"Enabled\"; set it to \"Disabled\": the archetype corp (from tags) allows no public endpoints."}},
		{name: "unknowns", props: set(set(base, "properties.enableSoftDelete", unknown), "properties.enablePurgeProtection", unknown),
			want: []string{
				"Cannot verify at preview that purge protection is on: properties.enablePurgeProtection is not known yet; checked again at update.",
				"Cannot verify at preview that soft delete is on: properties.enableSoftDelete is not known yet; checked again at update.",
			}},
		{name: "another type is ignored", token: TypeStorageAccount, props: del(base, "properties")},
	})
}
