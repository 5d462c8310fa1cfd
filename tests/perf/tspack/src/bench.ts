// bench evaluates the policies of policies.ts over a JSON resource set (written by
// `go run ./perf/cmd/perf export`) as @pulumi/policy's analyzer server calls them:
// for every resource, every policy's validateResource with the args object the
// server builds (props behind the server's unknown-checking proxy unless -raw, the
// provider, isType/asType/getConfig/notApplicable) and a reportViolation collecting
// diagnostics. It prints one JSON line: the load time, the evaluation time per
// resource over the timed passes (after one warm-up pass), the findings per pass and
// the process's peak resident memory.
//
// Usage: node dist/bench.js [-raw] [-passes N] resources.json
import * as fs from "fs";
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { policies } from "./policies";
// The proxy the server wraps every resource's props in (not part of the typed API).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { unknownCheckingProxy } = require("@pulumi/policy/proxy");

interface JSONResource {
    type: string;
    urn: string;
    name: string;
    props: Record<string, any>;
    provider?: { type: string; urn: string; name: string; props: Record<string, any> };
}

interface Diagnostic {
    policyName: string;
    message: string;
    urn?: string;
    enforcementLevel: string;
}

function evaluate(resources: JSONResource[], list: ResourceValidationPolicy[], raw: boolean): number {
    const ds: Diagnostic[] = [];
    const wrap = raw ? (o: any) => o : unknownCheckingProxy;
    const stackTags = new Map<string, string>();
    for (const r of resources) {
        for (const p of list) {
            const level = p.enforcementLevel || "advisory";
            const reportViolation = (message: any, urn?: string) => {
                ds.push({ policyName: p.name, message: `${p.description}\n${message}`, urn, enforcementLevel: level });
            };
            const props = wrap(r.props);
            const args: any = {
                type: r.type,
                props,
                urn: r.urn,
                name: r.name,
                opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
                stackTags,
                isType: () => false,
                asType: () => undefined,
                getConfig: () => ({}),
                notApplicable: (reason?: string) => { throw new Error(reason); },
            };
            if (r.provider) {
                args.provider = { type: r.provider.type, props: wrap(r.provider.props), urn: r.provider.urn, name: r.provider.name };
            }
            const v = p.validateResource as (a: ResourceValidationArgs, rv: any) => void;
            v(args as ResourceValidationArgs, reportViolation);
        }
    }
    return ds.length;
}

function main(argv: string[]): number {
    let raw = false;
    let passes = 5;
    let file = "";
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "-raw") {
            raw = true;
        } else if (argv[i] === "-passes") {
            passes = parseInt(argv[++i], 10);
        } else {
            file = argv[i];
        }
    }
    if (!file || !(passes > 0)) {
        process.stderr.write("usage: node dist/bench.js [-raw] [-passes N] resources.json\n");
        return 2;
    }
    const t0 = process.hrtime.bigint();
    const resources: JSONResource[] = JSON.parse(fs.readFileSync(file, "utf8"));
    const t1 = process.hrtime.bigint();
    const warm = evaluate(resources, policies, raw);
    let findings = 0;
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < passes; i++) {
        findings = evaluate(resources, policies, raw);
    }
    const t3 = process.hrtime.bigint();
    if (findings !== warm) {
        process.stderr.write(`findings differ between passes: ${warm} then ${findings}\n`);
        return 1;
    }
    const out = {
        impl: raw ? "typescript-raw" : "typescript",
        resources: resources.length,
        passes,
        load_ms: Number(t1 - t0) / 1e6,
        ns_per_resource: Number(t3 - t2) / passes / resources.length,
        findings,
        max_rss_kb: process.resourceUsage().maxRSS,
    };
    process.stdout.write(JSON.stringify(out) + "\n");
    return 0;
}

process.exitCode = main(process.argv.slice(2));
