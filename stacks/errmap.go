package stacks

import (
	"regexp"
	"strings"
)

// A component's validation error names the component's field ("Regions[0].AddressSpace");
// the user wrote a config key. configKeyRules map the fields each component is
// given from the configuration back to the key that set them, so the error says
// which key to change.
var configKeyRules = map[string][]configKeyRule{
	"SecureNetwork": {
		rule(`^Regions\[(\d+)\]\.AddressSpace\b`, "regions[$1].addressSpace"),
		rule(`^Regions\[(\d+)\]\.Location\b`, "regions[$1].location"),
		rule(`^Regions\[(\d+)\]\.DNSServers\b`, "hybrid.dnsServers"),
		rule(`^Regions\[(\d+)\]\.Hybrid\.(ExpressRoute|VPN)\.SKU\b`, "hybrid.gatewaySku"),
		rule(`^Regions\[(\d+)\]\.Hybrid\b`, "hybrid"),
		rule(`^Jumpbox\b`, "jumpbox"),
		rule(`^DDoS\b`, "ddos"),
	},
	"RegionalAIEndpoint": {
		rule(`^Deployments\[(\d+)\]\.Capacity\b`, "models[$1].capacity"),
		rule(`^Deployments\[(\d+)\]`, "models[$1]"),
		rule(`^Kind\b`, "endpoint.kind"),
		rule(`^AllowedFQDNs\b`, "endpoint.allowedFqdns"),
	},
	"AIGateway": {
		rule(`^SkuName\b`, "gateway.sku"),
		rule(`^Capacity\b`, "gateway.capacity"),
		rule(`^PublisherEmail\b`, "gateway.publisherEmail"),
		rule(`^PublisherName\b`, "gateway.publisherName"),
		rule(`^Members\[(\d+)\]\.Priority\b`, "regions[$1].priority"),
		rule(`^Members\[(\d+)\]\.Weight\b`, "regions[$1].weight"),
		rule(`^Members\b`, "regions"),
	},
	"AssetReplication": {
		rule(`^Search\.Sku\b`, "replication.searchSku"),
		rule(`^Search\.ReplicaCount\b`, "replication.searchReplicas"),
		rule(`^Storage\.SoftDeleteRetentionDays\b`, "replication.softDeleteDays"),
	},
	"ManagementGroupHierarchy": {rule(`^(Groups|ParentID)\b`, "managementGroup")},
	"AIPolicyBaseline":         {rule(`^(ManagementGroupID|Archetype|ParentArchetype)\b`, "managementGroup")},
}

// configKeyRule maps a component field (a match at the start of an error line)
// to a config key template ($1 the field's first index).
type configKeyRule struct {
	field *regexp.Regexp
	key   string
}

func rule(field, key string) configKeyRule {
	return configKeyRule{field: regexp.MustCompile(field), key: key}
}

// componentPrefixRE is what a component puts before its field names
// ("securenetwork: invalid SecureNetwork arguments:").
var componentPrefixRE = regexp.MustCompile(`^([a-z]+: )?invalid [A-Za-z]+ arguments: ?`)

// withConfigKeys prefixes each line of a component's validation error that
// names a field the configuration set with the config key
// ("ai-ready:regions[0].addressSpace: Regions[0].AddressSpace: ...").
func withConfigKeys(component, msg string) string {
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		head := componentPrefixRE.FindString(line)
		field := strings.TrimSpace(strings.TrimPrefix(line, head))
		for _, r := range configKeyRules[component] {
			if loc := r.field.FindStringSubmatchIndex(field); loc != nil {
				key := string(r.field.ExpandString(nil, r.key, field, loc))
				lines[i] = head + Namespace + ":" + key + ": " + field
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}
