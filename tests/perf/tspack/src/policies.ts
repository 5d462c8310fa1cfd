// Three of the ai-ready pack's rules written as a user writes them today: a
// TypeScript @pulumi/policy pack. Each mirrors the Go rule of the same name
// (policypack/rules) over the same azure-native inputs; the types are matched as
// strings, with any API-version module stripped, so the pack needs no
// @pulumi/azure-native package.
import { ResourceValidationPolicy, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";

// normalizeType strips an API-version module: "azure-native:cognitiveservices/v20241001:Account"
// is "azure-native:cognitiveservices:Account".
export function normalizeType(token: string): string {
    const parts = token.split(":");
    if (parts.length !== 3) {
        return token;
    }
    const slash = parts[1].indexOf("/");
    if (slash < 0 || !/^v[0-9]/.test(parts[1].slice(slash + 1))) {
        return token;
    }
    return `${parts[0]}:${parts[1].slice(0, slash)}:${parts[2]}`;
}

function show(v: unknown): string {
    if (v === undefined || v === null) {
        return "not set";
    }
    if (typeof v === "string") {
        return JSON.stringify(v);
    }
    if (typeof v === "boolean" || typeof v === "number") {
        return String(v);
    }
    return Array.isArray(v) ? "a list" : "an object";
}

function equalFold(v: unknown, want: string): boolean {
    return typeof v === "string" && v.toLowerCase() === want.toLowerCase();
}

// strings returns a string or the string elements of a list.
function strings(v: unknown): string[] {
    if (typeof v === "string") {
        return [v];
    }
    if (Array.isArray(v)) {
        return v.filter((e): e is string => typeof e === "string");
    }
    return [];
}

export const aiServicesDisableLocalAuth: ResourceValidationPolicy = {
    name: "ai-services-disable-local-auth",
    description: "Azure AI services and Azure OpenAI accounts have key access disabled, so that only Microsoft Entra ID identities can call them.",
    enforcementLevel: "mandatory",
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        if (normalizeType(args.type) !== "azure-native:cognitiveservices:Account") {
            return;
        }
        const v = args.props.properties?.disableLocalAuth;
        if (v !== true) {
            reportViolation(`properties.disableLocalAuth is ${show(v)}; set it to true so that the account accepts Microsoft Entra ID tokens only, not keys.`);
        }
    },
};

export const networkOnlineVNetsDDoS: ResourceValidationPolicy = {
    name: "network-online-vnets-ddos-protection",
    description: "Virtual networks of the online (internet-facing) archetype are protected by an Azure DDoS Protection plan.",
    enforcementLevel: "mandatory",
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        if (normalizeType(args.type) !== "azure-native:network:VirtualNetwork") {
            return;
        }
        const archetype = args.props.tags?.["aiready-archetype"];
        if (archetype !== "online") {
            return;
        }
        const on = args.props.enableDdosProtection;
        if (on !== true) {
            reportViolation(`enableDdosProtection is ${show(on)}; set it to true with a DDoS protection plan: the archetype online (from tags) is internet-facing.`);
        }
        if (args.props.ddosProtectionPlan?.id === undefined) {
            reportViolation("ddosProtectionPlan.id is not set; reference a DDoS protection plan: the archetype online (from tags) is internet-facing.");
        }
    },
};

const managementPorts = [22, 3389];
const internetSources = ["*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0"];

function matchPort(spec: string): number | undefined {
    spec = spec.trim();
    if (spec === "*" || spec.toLowerCase() === "any") {
        return managementPorts[0];
    }
    let lo = spec;
    let hi = spec;
    const dash = spec.indexOf("-");
    if (dash >= 0) {
        lo = spec.slice(0, dash).trim();
        hi = spec.slice(dash + 1).trim();
    }
    if (!/^[0-9]+$/.test(lo) || !/^[0-9]+$/.test(hi)) {
        return undefined;
    }
    const l = parseInt(lo, 10);
    const h = parseInt(hi, 10);
    return managementPorts.find(p => p >= l && p <= h);
}

// checkRule returns the violation of one security rule's properties, if any.
function checkRule(rule: any, label: string): string | undefined {
    if (!rule || !equalFold(rule.direction, "Inbound") || !equalFold(rule.access, "Allow")) {
        return undefined;
    }
    if (typeof rule.protocol === "string" && ["icmp", "esp", "ah"].includes(rule.protocol.toLowerCase())) {
        return undefined;
    }
    const sources = [...strings(rule.sourceAddressPrefix), ...strings(rule.sourceAddressPrefixes)];
    if (!sources.some(s => internetSources.includes(s.trim().toLowerCase()))) {
        return undefined;
    }
    for (const spec of [...strings(rule.destinationPortRange), ...strings(rule.destinationPortRanges)]) {
        const port = matchPort(spec);
        if (port !== undefined) {
            return `${label} allows inbound traffic from the internet to management port ${port}; remove it, or restrict its source to your management network and reach machines through Azure Bastion.`;
        }
    }
    return undefined;
}

export const networkNoManagementPortsFromInternet: ResourceValidationPolicy = {
    name: "network-no-management-ports-from-internet",
    description: "No network security group rule allows inbound traffic from the internet to a management port (22 and 3389 by default), whether the port is named, inside a range or matched by \"*\".",
    enforcementLevel: "mandatory",
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        const type = normalizeType(args.type);
        if (type === "azure-native:network:SecurityRule") {
            const m = checkRule(args.props, "the rule");
            if (m) {
                reportViolation(m);
            }
            return;
        }
        if (type !== "azure-native:network:NetworkSecurityGroup") {
            return;
        }
        const list = args.props.securityRules;
        if (!Array.isArray(list)) {
            return;
        }
        list.forEach((rule: any, i: number) => {
            const label = typeof rule?.name === "string" ? `securityRules[${i}] (${JSON.stringify(rule.name)})` : `securityRules[${i}]`;
            const m = checkRule(rule, label);
            if (m) {
                reportViolation(m);
            }
        });
    },
};

export const policies: ResourceValidationPolicy[] = [
    aiServicesDisableLocalAuth,
    networkOnlineVNetsDDoS,
    networkNoManagementPortsFromInternet,
];
