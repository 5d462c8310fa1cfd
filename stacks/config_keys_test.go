package stacks

import (
	"slices"
	"testing"
)

func TestConfigKeysFollowTheStruct(t *testing.T) {
	for _, k := range []string{"archetype", "environment", "namePrefix", "managementGroup", "subscriptions", "regions", "hybrid", "models", "endpoint", "gateway", "replication", "logRetentionDays", "tags", "jumpbox", "ddos"} {
		if !slices.Contains(configKeys, k) {
			t.Errorf("configuration key %q is not read", k)
		}
	}
	if slices.Contains(configKeys, "-") || slices.Contains(configKeys, "") {
		t.Errorf("configKeys holds a non-key: %v", configKeys)
	}
}
