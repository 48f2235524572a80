/** The hybrid backend kind: `backends.<key>.hybrid` (on-premises IP:port), and the `HybridBackend` component. */
import { nestProblems } from "../../validation";
import type { BackendKindModule } from "../kind";
import { commonBackendArgs, LOAD_BALANCER_VPC } from "../shared/settings";
import { buildHybridBackend } from "./builder";
import { hybridRules, validateHybridBackendArgs } from "./rules";

export {
    HybridBackendArgs,
    HybridBackendField,
    HybridEndpointArgs,
    HybridHealthCheckArgs,
    HybridTargetArgs,
} from "./args";
export {
    buildHybridBackend,
    DEFAULT_MAX_RATE_PER_ENDPOINT,
    HybridBackend,
    HybridBackendOutputs,
    hybridHealthCheckArgs,
} from "./builder";
export { hybridRules, validateHybridBackendArgs, ZONE_PATTERN, zoneRegion } from "./rules";

export const hybridKind: BackendKindModule<"hybrid"> = {
    kind: "hybrid",
    field: "hybrid",
    rules: hybridRules as BackendKindModule["rules"],
    validate: ({ key, backend, args, profile }) =>
        nestProblems(
            `backends.${key}`,
            validateHybridBackendArgs({
                scheme: args.scheme,
                hybrid: backend.hybrid!,
                // Envoy-based schemes bring their own VPC, which the hybrid NEG defaults to.
                network: profile.proxyOnlySubnetPurpose ? LOAD_BALANCER_VPC : undefined,
                region: profile.scope === "regional" ? args.region : undefined,
            }),
        ),
    routingRules: [],
    servesErrorPages: false,
    iap: true,
    build: (context) => {
        const created = buildHybridBackend(
            `${context.name}-${context.key}`,
            {
                ...commonBackendArgs(context),
                hybrid: context.backend.hybrid!,
                network: context.network?.network,
                region: context.regionalRegion,
            },
            { parent: context.parent },
        );
        return { ref: created.backendServiceId, backendServiceName: created.backendServiceName };
    },
};
