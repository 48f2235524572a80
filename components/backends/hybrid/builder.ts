import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { BuildScope, createChild } from "../../builder";
import { gcpName, replacementSafeName } from "../../naming";
import { HybridBackendArgs, HybridTargetArgs } from "./args";
import { validateHybridBackendArgs, zoneRegion } from "./rules";
import { schemeProfile } from "../../schemes";
import { failOnProblems, runRules } from "../../validation";
import { createBackendService } from "../shared/builder";
import { backendServiceRuleContext, backendServiceRules } from "../shared/rules";
import { shapeFirst } from "../../shape";

/** Requests per second per endpoint when `maxRatePerEndpoint` is unset. */
export const DEFAULT_MAX_RATE_PER_ENDPOINT = 100;

/** The health check body for a protocol, as the `{http,https,http2}HealthCheck` block GCP expects. */
export function hybridHealthCheckArgs(target: HybridTargetArgs) {
    const check = target.healthCheck ?? {};
    const protocol = check.protocol ?? target.protocol ?? "HTTPS";
    const probe =
        check.port !== undefined
            ? { port: check.port, portSpecification: "USE_FIXED_PORT", requestPath: check.requestPath ?? "/" }
            : { portSpecification: "USE_SERVING_PORT", requestPath: check.requestPath ?? "/" };
    return {
        checkIntervalSec: check.checkIntervalSec ?? 5,
        timeoutSec: check.timeoutSec ?? 5,
        ...(protocol === "HTTP"
            ? { httpHealthCheck: probe }
            : protocol === "HTTP2"
              ? { http2HealthCheck: probe }
              : { httpsHealthCheck: probe }),
    };
}

/** What a hybrid backend builder made: the outputs `HybridBackend` exposes. */
export interface HybridBackendOutputs {
    /** Id of the backend service, for URL maps. */
    backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    backendServiceName: pulumi.Output<string>;
    /** Id of the health check. */
    healthCheckId: pulumi.Output<string>;
    /** The zonal NEG. */
    neg: compute.NetworkEndpointGroup;
    /** The endpoints, in the order given. */
    endpoints: compute.NetworkEndpoint[];
}

/**
 * Creates a hybrid backend's resources under `scope.parent` (named `${name}-<role>`); validates nothing
 * (the component that calls it has).
 */
export function buildHybridBackend(name: string, args: HybridBackendArgs, scope: BuildScope): HybridBackendOutputs {
    const physical = args.namePrefix ?? gcpName(name);
    const target = args.hybrid;
    const profile = schemeProfile(args.scheme);
    const region = args.region ?? zoneRegion(target.zone);
    const network = pulumi.output(target.network ?? args.network!);

    // Every NEG field forces a replacement: the name changes with them so create-before-delete works.
    const negName = pulumi.all([args.project, network]).apply(([project, net]) =>
        replacementSafeName([physical, "neg"], {
            project,
            zone: target.zone,
            network: net,
            defaultPort: target.defaultPort,
        }),
    );
    const neg = createChild(
        compute.NetworkEndpointGroup,
        `${name}-neg`,
        {
            name: negName,
            project: args.project,
            zone: target.zone,
            network,
            networkEndpointType: "NON_GCP_PRIVATE_IP_PORT",
            defaultPort: target.defaultPort,
        },
        scope,
    );
    // Endpoints are keyed by IP:port, so list edits add or remove exactly the endpoints that changed;
    // a NEG replacement creates the new NEG's endpoints before the old NEG goes.
    const endpoints = target.endpoints.map((endpoint) =>
        createChild(
            compute.NetworkEndpoint,
            `${name}-endpoint-${endpoint.ipAddress}-${endpoint.port ?? target.defaultPort}`,
            {
                project: args.project,
                zone: target.zone,
                networkEndpointGroup: neg.name,
                ipAddress: endpoint.ipAddress,
                port: endpoint.port ?? target.defaultPort,
            },
            scope,
        ),
    );

    const healthCheckArgs = {
        name: gcpName(physical, "health-check"),
        project: args.project,
        ...hybridHealthCheckArgs(target),
    };
    const healthCheck =
        profile.scope === "regional"
            ? createChild(compute.RegionHealthCheck, `${name}-health-check`, { ...healthCheckArgs, region }, scope)
            : createChild(compute.HealthCheck, `${name}-health-check`, healthCheckArgs, scope);

    const created = createBackendService(
        `${name}-backend`,
        {
            name: gcpName(physical, "backend"),
            scheme: args.scheme,
            project: args.project,
            region,
            groups: [neg.id],
            protocol: target.protocol ?? "HTTPS",
            description: args.description,
            logging: args.logging,
            ...args.settings,
            maxRatePerEndpoint: target.maxRatePerEndpoint ?? DEFAULT_MAX_RATE_PER_ENDPOINT,
            healthCheck: healthCheck.id,
        },
        scope,
    );
    return {
        backendServiceId: created.id,
        backendServiceName: created.name,
        healthCheckId: healthCheck.id,
        neg,
        endpoints,
    };
}

/**
 * A hybrid connectivity NEG with on-premises IP:port endpoints, its health check, and the backend
 * service (RATE balancing, as GCP requires for hybrid NEGs behind Application Load Balancers).
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/hybrid-neg-concepts
 */
export class HybridBackend extends pulumi.ComponentResource {
    /** Id of the backend service, for URL maps. */
    public readonly backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    public readonly backendServiceName: pulumi.Output<string>;
    /** Id of the hybrid NEG. */
    public readonly negId: pulumi.Output<string>;
    /** Id of the health check. */
    public readonly healthCheckId: pulumi.Output<string>;
    /** The zonal NEG. */
    public readonly neg: compute.NetworkEndpointGroup;
    /** The endpoints, in the order given. */
    public readonly endpoints: compute.NetworkEndpoint[];

    constructor(name: string, args: HybridBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:HybridBackend", name, {}, opts);
        failOnProblems(
            `HybridBackend "${name}"`,
            shapeFirst("HybridBackend", args, (checked) => [
                ...validateHybridBackendArgs(checked),
                ...runRules(backendServiceRules, backendServiceRuleContext(checked)),
            ]),
            this,
        );

        const built = buildHybridBackend(name, args, { parent: this });
        this.neg = built.neg;
        this.endpoints = built.endpoints;
        this.backendServiceId = built.backendServiceId;
        this.backendServiceName = built.backendServiceName;
        this.negId = built.neg.id;
        this.healthCheckId = built.healthCheckId;
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negId: this.negId,
            healthCheckId: this.healthCheckId,
        });
    }
}
