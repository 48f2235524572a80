/** The serverless (Cloud Run) backend kind: `backends.<key>.cloudRun`, and the `ServerlessBackend` component. */
import { nestProblems, runRules } from "../../validation";
import type { BackendKindModule } from "../kind";
import { commonBackendArgs } from "../shared/settings";
import { buildServerlessBackend } from "./builder";
import { serverlessInLoadBalancerRules, serverlessRules } from "./rules";

export { CloudRunBackendField, CloudRunTargetArgs, ServerlessBackendArgs, serverlessRegions } from "./args";
export { buildServerlessBackend, ServerlessBackend, ServerlessBackendOutputs } from "./builder";
export { serverlessInLoadBalancerRules, serverlessRules, validateServerlessBackendArgs } from "./rules";

export const serverlessKind: BackendKindModule<"serverless"> = {
    kind: "serverless",
    field: "cloudRun",
    rules: [...serverlessRules, ...serverlessInLoadBalancerRules] as BackendKindModule["rules"],
    validate: (context) => [
        ...runRules(serverlessInLoadBalancerRules, context),
        ...nestProblems(
            `backends.${context.key}`,
            runRules(serverlessRules, {
                scheme: context.args.scheme,
                cloudRun: context.backend.cloudRun!,
                region: context.args.region ?? context.regions[0],
                regionReportedByLoadBalancer: context.profile.scope === "regional",
            }),
        ),
    ],
    routingRules: [],
    servesErrorPages: false,
    iap: true,
    build: (context) => {
        const created = buildServerlessBackend(
            `${context.name}-${context.key}`,
            {
                ...commonBackendArgs(context),
                cloudRun: context.backend.cloudRun!,
                region: context.args.region ?? context.regions[0],
            },
            { parent: context.parent },
        );
        return { ref: created.backendServiceId, backendServiceName: created.backendServiceName };
    },
};
