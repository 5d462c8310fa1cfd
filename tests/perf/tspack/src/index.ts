// The pack as `pulumi preview --policy-pack tests/perf/tspack` would run it (after
// `npm install` and `npm run build`): the three policies of policies.ts.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("aiready-ts", { policies });
