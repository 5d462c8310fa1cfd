// The corp AI landing zone of the Cloud Adoption Framework guide "AI Ready" from the
// ai-ready components in TypeScript: the composition of examples/yaml-corp (and of
// the Go corp stack, stacks/program.go), with the SDK @aiready/aiready generated
// from the component provider's schema. Replace the ids in Pulumi.corp.yaml.
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/azure-native/provider";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { Workspace } from "@pulumi/azure-native/operationalinsights";
import * as aiready from "@aiready/aiready";

const config = new pulumi.Config();
const workloadSubscription = config.require("workloadSubscription");
const hubVirtualNetworkId = config.require("hubVirtualNetworkId");
const regions = ["eastus", "westus"] as const;
type Region = (typeof regions)[number];

// The tags of the stack-level resources, and the user tags the components get (they
// add the convention tags themselves).
const componentTags = { "aiready-stack": "corp", costCenter: "ai-1234", owner: "ai-platform" };
const stackTags = { ...componentTags, "aiready-archetype": "corp", "aiready-environment": "production" };

// Every Azure resource goes through the workload subscription's provider.
const workload = new Provider("workload", { subscriptionId: workloadSubscription });
const components = { providers: [workload] };

const hierarchy = new aiready.governance.ManagementGroupHierarchy("contoso", {
    parentId: config.require("parentManagementGroup"),
    platformSubscriptions: {
        connectivity: config.requireObject<string[]>("connectivitySubscriptions"),
        management: config.requireObject<string[]>("managementSubscriptions"),
        identity: config.requireObject<string[]>("identitySubscriptions"),
        security: config.requireObject<string[]>("securitySubscriptions"),
    },
    groups: [{
        id: "ai-corp",
        displayName: "AI workloads (internal)",
        archetype: "corp",
        subscriptions: [workloadSubscription],
        access: { owners: { create: true }, contributors: { create: true }, readers: { create: true } },
    }],
}, components);

// One resource group per region for the network and one for the AI resources.
function resourceGroup(purpose: "net" | "ai", location: Region): ResourceGroup {
    const name = `rg-contoso-corp-${purpose}-${location}`;
    return new ResourceGroup(name, { resourceGroupName: name, location, tags: stackTags },
        { provider: workload, dependsOn: [hierarchy] });
}
const net = { eastus: resourceGroup("net", "eastus"), westus: resourceGroup("net", "westus") };
const ai = { eastus: resourceGroup("ai", "eastus"), westus: resourceGroup("ai", "westus") };

const logs = new Workspace("contoso-logs", {
    workspaceName: "log-contoso-corp",
    resourceGroupName: ai.eastus.name,
    location: "eastus",
    retentionInDays: 90,
    sku: { name: "PerGB2018" },
    tags: { ...stackTags, "aiready-component": "Observability" },
}, { provider: workload });

// Networks in both regions, peered to the hub; Bastion and the jumpbox in the primary
// region serve both.
const hubPeering: aiready.types.input.network.HybridArgs = {
    mode: aiready.types.enums.network.HybridMode.HubPeering,
    hubPeering: { remoteVirtualNetworkId: hubVirtualNetworkId, useRemoteGateways: false },
};
const network = new aiready.network.SecureNetwork("contoso-net", {
    archetype: aiready.types.enums.network.Archetype.Corp,
    production: true,
    tags: componentTags,
    jumpbox: { sshPublicKey: config.require("jumpboxSshPublicKey") },
    apim: { virtualNetworkType: aiready.types.enums.network.APIMVirtualNetworkType.Internal },
    regions: [
        { location: "eastus", resourceGroupName: net.eastus.name, addressSpace: "10.20.0.0/22", hybrid: hubPeering },
        {
            location: "westus", resourceGroupName: net.westus.name, addressSpace: "10.21.0.0/22",
            disableBastion: true, disableJumpbox: true, hybrid: hubPeering,
        },
    ],
}, components);
const subnet = (location: Region, role: string) => network.subnetIds.apply(ids => ids[location][role]);

// An AI endpoint per region, private, with the same model deployments.
const deployments: aiready.types.input.ai.ModelDeploymentArgs[] = [
    {
        name: "gpt-5", model: "gpt-5", version: "2025-08-07", deploymentType: "DataZoneStandard", capacity: 50,
        versionUpgradeOption: "NoAutoUpgrade", contentFilter: "Microsoft.DefaultV2",
    },
    {
        name: "text-embedding-3-small", model: "text-embedding-3-small", version: "1", deploymentType: "Standard",
        capacity: 100, versionUpgradeOption: "NoAutoUpgrade", contentFilter: "Microsoft.DefaultV2",
    },
];
const endpoints = Object.fromEntries(regions.map(location => [location, new aiready.ai.RegionalAIEndpoint(`contoso-ai-${location}`, {
    resourceGroupName: ai[location].name,
    location,
    archetype: "corp",
    production: true,
    kind: "AIServices",
    customSubDomainName: `contoso-corp-${location}`,
    privateEndpointSubnetId: subnet(location, "privateEndpoints"),
    privateDnsZoneIds: network.privateDnsZoneIds,
    logAnalyticsWorkspaceId: logs.id,
    tags: componentTags,
    deployments,
}, components)])) as Record<Region, aiready.ai.RegionalAIEndpoint>;

// The internal API Management gateway: a pool over both endpoints, a circuit breaker
// on each, its private DNS zone linked to both networks and the hub.
const gateway = new aiready.ai.AIGateway("contoso-gateway", {
    resourceGroupName: ai.eastus.name,
    location: "eastus",
    archetype: "corp",
    production: true,
    serviceName: "apim-contoso-corp",
    publisherEmail: config.require("gatewayPublisherEmail"),
    publisherName: "Contoso AI platform",
    skuName: "Premium",
    capacity: 1,
    subnetId: subnet("eastus", "apim"),
    logAnalyticsWorkspaceId: logs.id,
    tags: componentTags,
    privateDns: {
        virtualNetworkIds: {
            eastus: network.virtualNetworkIds.apply(ids => ids.eastus),
            westus: network.virtualNetworkIds.apply(ids => ids.westus),
            hub: hubVirtualNetworkId,
        },
    },
    members: regions.map((region, i) => ({
        region,
        endpoint: endpoints[region].endpoint,
        accountId: endpoints[region].accountId,
        deploymentTypes: ["DataZoneStandard", "Standard"],
        priority: i + 1,
        weight: 50,
    })),
}, components);

// AI assets in eastus with a geo-redundant copy in its pair, westus.
const assets = new aiready.reliability.AssetReplication("contoso-assets", {
    archetype: "corp",
    production: true,
    resourceGroupName: ai.eastus.name,
    namePrefix: "contosocorp",
    primary: { location: "eastus", privateEndpointSubnetId: subnet("eastus", "privateEndpoints") },
    secondary: { location: "westus", resourceGroupName: ai.westus.name, privateEndpointSubnetId: subnet("westus", "privateEndpoints") },
    replication: aiready.types.enums.reliability.ReplicationMode.GeoRedundantStorage,
    privateDnsZoneIds: network.privateDnsZoneIds,
    endpointRegions: [...regions],
    storage: { softDeleteRetentionDays: 30 },
    keyVault: {},
    tags: componentTags,
}, components);

// The corp group's policies: the ALZ corp group above it assigns the rest.
new aiready.governance.AIPolicyBaseline("contoso-baseline", {
    managementGroupId: "ai-corp",
    archetype: "corp",
    parentArchetype: "alz-corp",
    location: "eastus",
    defaultValues: {
        allowedLocations: [...regions],
        allowedModelAssetIds: [
            "azureml://registries/azure-openai/models/gpt-5/versions/2025-08-07",
            "azureml://registries/azure-openai/models/text-embedding-3-small/versions/1",
        ],
        privateDnsZoneIds: network.privateDnsZoneIds,
    },
}, { ...components, dependsOn: [hierarchy] });

export const archetype = config.get("archetype") ?? "corp";
export const environment = config.get("environment") ?? "production";
export const managementGroupIds = hierarchy.groupIds;
export const logAnalyticsWorkspaceId = logs.id;
export const virtualNetworkIds = network.virtualNetworkIds;
export const aiEndpoints = { eastus: endpoints.eastus.endpoint, westus: endpoints.westus.endpoint };
export const gatewayUrl = gateway.openAiEndpoint;
export const storageAccountIds = assets.storageAccountIds;
export const searchServiceIds = assets.searchServiceIds;
export const dataPlacement = assets.coLocation;
