"""The corp AI landing zone of the Cloud Adoption Framework guide "AI Ready" from the
ai-ready components in Python: the composition of examples/yaml-corp (and of the Go
corp stack, stacks/program.go), with the SDK `aiready` generated from the component
provider's schema. Replace the ids in Pulumi.corp.yaml."""

import pulumi
import pulumi_azure_native as azure_native
from pulumi_azure_native import operationalinsights, resources

import aiready

config = pulumi.Config()
workload_subscription = config.require("workloadSubscription")
hub_virtual_network_id = config.require("hubVirtualNetworkId")
REGIONS = ["eastus", "westus"]

# The tags of the stack-level resources, and the user tags the components get (they
# add the convention tags themselves).
component_tags = {"aiready-stack": "corp", "costCenter": "ai-1234", "owner": "ai-platform"}
stack_tags = {**component_tags, "aiready-archetype": "corp", "aiready-environment": "production"}

# Every Azure resource goes through the workload subscription's provider.
workload = azure_native.Provider("workload", subscription_id=workload_subscription)
components = pulumi.ResourceOptions(providers=[workload])

hierarchy = aiready.governance.ManagementGroupHierarchy(
    "contoso",
    parent_id=config.require("parentManagementGroup"),
    platform_subscriptions={
        "connectivity": config.require_object("connectivitySubscriptions"),
        "management": config.require_object("managementSubscriptions"),
        "identity": config.require_object("identitySubscriptions"),
        "security": config.require_object("securitySubscriptions"),
    },
    groups=[{
        "id": "ai-corp",
        "display_name": "AI workloads (internal)",
        "archetype": "corp",
        "subscriptions": [workload_subscription],
        "access": {"owners": {"create": True}, "contributors": {"create": True}, "readers": {"create": True}},
    }],
    opts=components,
)


def resource_group(purpose: str, location: str) -> resources.ResourceGroup:
    """One resource group per region for the network and one for the AI resources."""
    name = f"rg-contoso-corp-{purpose}-{location}"
    return resources.ResourceGroup(
        name, resource_group_name=name, location=location, tags=stack_tags,
        opts=pulumi.ResourceOptions(provider=workload, depends_on=[hierarchy]))


net = {loc: resource_group("net", loc) for loc in REGIONS}
ai = {loc: resource_group("ai", loc) for loc in REGIONS}

logs = operationalinsights.Workspace(
    "contoso-logs",
    workspace_name="log-contoso-corp",
    resource_group_name=ai["eastus"].name,
    location="eastus",
    retention_in_days=90,
    sku={"name": "PerGB2018"},
    tags={**stack_tags, "aiready-component": "Observability"},
    opts=pulumi.ResourceOptions(provider=workload),
)

# Networks in both regions, peered to the hub; Bastion and the jumpbox in the primary
# region serve both.
hub_peering = {
    "mode": aiready.network.HybridMode.HUB_PEERING,
    "hub_peering": {"remote_virtual_network_id": hub_virtual_network_id, "use_remote_gateways": False},
}
network = aiready.network.SecureNetwork(
    "contoso-net",
    archetype=aiready.network.Archetype.CORP,
    production=True,
    tags=component_tags,
    jumpbox={"ssh_public_key": config.require("jumpboxSshPublicKey")},
    apim={"virtual_network_type": aiready.network.APIMVirtualNetworkType.INTERNAL},
    regions=[
        {"location": "eastus", "resource_group_name": net["eastus"].name, "address_space": "10.20.0.0/22", "hybrid": hub_peering},
        {"location": "westus", "resource_group_name": net["westus"].name, "address_space": "10.21.0.0/22",
         "disable_bastion": True, "disable_jumpbox": True, "hybrid": hub_peering},
    ],
    opts=components,
)


def subnet(location: str, role: str) -> pulumi.Output[str]:
    """The id of a region's subnet of a role."""
    return network.subnet_ids.apply(lambda ids: ids[location][role])


# An AI endpoint per region, private, with the same model deployments.
deployments = [
    {"name": "gpt-5", "model": "gpt-5", "version": "2025-08-07", "deployment_type": "DataZoneStandard",
     "capacity": 50, "version_upgrade_option": "NoAutoUpgrade", "content_filter": "Microsoft.DefaultV2"},
    {"name": "text-embedding-3-small", "model": "text-embedding-3-small", "version": "1", "deployment_type": "Standard",
     "capacity": 100, "version_upgrade_option": "NoAutoUpgrade", "content_filter": "Microsoft.DefaultV2"},
]
endpoints = {
    loc: aiready.ai.RegionalAIEndpoint(
        f"contoso-ai-{loc}",
        resource_group_name=ai[loc].name,
        location=loc,
        archetype="corp",
        production=True,
        kind="AIServices",
        custom_sub_domain_name=f"contoso-corp-{loc}",
        private_endpoint_subnet_id=subnet(loc, "privateEndpoints"),
        private_dns_zone_ids=network.private_dns_zone_ids,
        log_analytics_workspace_id=logs.id,
        tags=component_tags,
        deployments=deployments,
        opts=components,
    )
    for loc in REGIONS
}

# The internal API Management gateway: a pool over both endpoints, a circuit breaker
# on each, its private DNS zone linked to both networks and the hub.
gateway = aiready.ai.AIGateway(
    "contoso-gateway",
    resource_group_name=ai["eastus"].name,
    location="eastus",
    archetype="corp",
    production=True,
    service_name="apim-contoso-corp",
    publisher_email=config.require("gatewayPublisherEmail"),
    publisher_name="Contoso AI platform",
    sku_name="Premium",
    capacity=1,
    subnet_id=subnet("eastus", "apim"),
    log_analytics_workspace_id=logs.id,
    tags=component_tags,
    private_dns={"virtual_network_ids": {
        "eastus": network.virtual_network_ids.apply(lambda ids: ids["eastus"]),
        "westus": network.virtual_network_ids.apply(lambda ids: ids["westus"]),
        "hub": hub_virtual_network_id,
    }},
    members=[{
        "region": loc,
        "endpoint": endpoints[loc].endpoint,
        "account_id": endpoints[loc].account_id,
        "deployment_types": ["DataZoneStandard", "Standard"],
        "priority": i + 1,
        "weight": 50,
    } for i, loc in enumerate(REGIONS)],
    opts=components,
)

# AI assets in eastus with a geo-redundant copy in its pair, westus.
assets = aiready.reliability.AssetReplication(
    "contoso-assets",
    archetype="corp",
    production=True,
    resource_group_name=ai["eastus"].name,
    name_prefix="contosocorp",
    primary={"location": "eastus", "private_endpoint_subnet_id": subnet("eastus", "privateEndpoints")},
    secondary={"location": "westus", "resource_group_name": ai["westus"].name,
               "private_endpoint_subnet_id": subnet("westus", "privateEndpoints")},
    replication=aiready.reliability.ReplicationMode.GEO_REDUNDANT_STORAGE,
    private_dns_zone_ids=network.private_dns_zone_ids,
    endpoint_regions=REGIONS,
    storage={"soft_delete_retention_days": 30},
    key_vault={},
    tags=component_tags,
    opts=components,
)

# The corp group's policies: the ALZ corp group above it assigns the rest.
aiready.governance.AIPolicyBaseline(
    "contoso-baseline",
    management_group_id="ai-corp",
    archetype="corp",
    parent_archetype="alz-corp",
    location="eastus",
    default_values={
        "allowed_locations": REGIONS,
        "allowed_model_asset_ids": [
            "azureml://registries/azure-openai/models/gpt-5/versions/2025-08-07",
            "azureml://registries/azure-openai/models/text-embedding-3-small/versions/1",
        ],
        "private_dns_zone_ids": network.private_dns_zone_ids,
    },
    opts=pulumi.ResourceOptions(providers=[workload], depends_on=[hierarchy]),
)

pulumi.export("archetype", config.get("archetype") or "corp")
pulumi.export("environment", config.get("environment") or "production")
pulumi.export("managementGroupIds", hierarchy.group_ids)
pulumi.export("logAnalyticsWorkspaceId", logs.id)
pulumi.export("virtualNetworkIds", network.virtual_network_ids)
pulumi.export("aiEndpoints", {loc: ep.endpoint for loc, ep in endpoints.items()})
pulumi.export("gatewayUrl", gateway.open_ai_endpoint)
pulumi.export("storageAccountIds", assets.storage_account_ids)
pulumi.export("searchServiceIds", assets.search_service_ids)
pulumi.export("dataPlacement", assets.co_location)
