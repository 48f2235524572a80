/** The internet backend kind: `backends.<key>.internet` (an FQDN or public IP), and the `InternetBackend` component. */
import * as pulumi from "@pulumi/pulumi";
import { known, nestProblems } from "../../validation";
import type { BackendKindModule } from "../kind";
import { commonBackendArgs, LOAD_BALANCER_VPC } from "../shared/settings";
import { DEFAULT_INTERNET_PORT, InternetTargetArgs } from "./args";
import { buildInternetBackend } from "./builder";
import { internetRules, validateInternetBackendArgs } from "./rules";

export {
    DEFAULT_INTERNET_PORT,
    InternetBackendArgs,
    InternetBackendField,
    InternetEndpointArgs,
    internetEndpoints,
    internetEndpointType,
    InternetTargetArgs,
} from "./args";
export { buildInternetBackend, hostHeader, InternetBackend, InternetBackendOutputs } from "./builder";
export {
    INTERNET_NEG_INGRESS_NOTE,
    internetRules,
    REGIONAL_INTERNET_NEG_MAX_ENDPOINTS,
    validateInternetBackendArgs,
} from "./rules";

export const internetKind: BackendKindModule<"internet"> = {
    kind: "internet",
    field: "internet",
    rules: internetRules as BackendKindModule["rules"],
    validate: ({ key, backend, args, profile }) =>
        nestProblems(
            `backends.${key}`,
            validateInternetBackendArgs({
                scheme: args.scheme,
                internet: backend.internet!,
                network: profile.proxyOnlySubnetPurpose ? LOAD_BALANCER_VPC : undefined,
                region: profile.scope === "regional" ? args.region : undefined,
            }),
        ),
    routingRules: [],
    servesErrorPages: false,
    iap: true,
    build: (context) => {
        const internet = context.backend.internet!;
        const common = commonBackendArgs(context);
        const shareKey = context.profile.scope === "global" ? internetNegShareKey(internet, common.project) : undefined;
        const shared = shareKey !== undefined ? (context.shared.get(shareKey) as pulumi.Output<string>) : undefined;
        const created = buildInternetBackend(
            `${context.name}-${context.key}`,
            {
                ...common,
                internet,
                neg: shared,
                network: context.network?.network,
                region: context.regionalRegion,
            },
            { parent: context.parent },
        );
        if (shareKey !== undefined && shared === undefined) {
            context.shared.set(shareKey, created.negId);
        }
        return { ref: created.backendServiceId, backendServiceName: created.backendServiceName };
    },
};

/**
 * What makes two internet backends able to share one global internet NEG: the same project, endpoint
 * and port. A plain host is compared by value; an output (e.g. a Cloud Run service's URI) by identity,
 * so pass the same output to every backend that should share.
 */
export function internetNegShareKey(target: InternetTargetArgs, project: pulumi.Input<string> | undefined): unknown {
    if (target.endpoints !== undefined) {
        return undefined;
    }
    const host = target.ipAddress ?? target.fqdn;
    const port = target.port ?? DEFAULT_INTERNET_PORT;
    const projectKey = project === undefined ? "" : (known(project) ?? project);
    if (typeof host === "string" && typeof projectKey === "string") {
        return `${projectKey}|${host}|${port}`;
    }
    let byHost = identityKeys.get(host as object);
    if (byHost === undefined) {
        byHost = new Map();
        identityKeys.set(host as object, byHost);
    }
    const composite = `${typeof projectKey === "string" ? projectKey : "output"}|${port}`;
    if (!byHost.has(composite)) {
        byHost.set(composite, { host, composite });
    }
    return byHost.get(composite);
}
const identityKeys = new WeakMap<object, Map<string, object>>();
