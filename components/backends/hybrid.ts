import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
import { hybridRules, zoneRegion } from "../rules/backends";
import { schemeProfile } from "../schemes";
import { failOnProblems, runRules } from "../validation";
import { BackendComponentArgs, BackendProtocol, createBackendService } from "./backend-service";

/** Requests per second per endpoint when `maxRatePerEndpoint` is unset. */
export const DEFAULT_MAX_RATE_PER_ENDPOINT = 100;

/** One on-premises (or other-cloud) endpoint reachable over Cloud VPN, Interconnect or a router appliance. */
export interface HybridEndpointArgs {
    /**
     * Private IPv4 address of the endpoint, routable from the VPC through hybrid connectivity.
     * @example "192.168.10.21"
     */
    ipAddress: string;
    /**
     * Port of the endpoint.
     * @default the target's `defaultPort`
     * @example 8443
     */
    port?: number;
}

/**
 * How the load balancer checks the on-premises endpoints. Global external and classic use Google's
 * central probes (35.191.0.0/16, 130.211.0.0/22 must be advertised to and allowed on-premises); the
 * Envoy-based schemes probe from the proxy-only subnet.
 * @see https://cloud.google.com/load-balancing/docs/negs/hybrid-neg-concepts#health-checks
 */
export interface HybridHealthCheckArgs {
    /**
     * Protocol of the probe.
     * @default the backend's protocol
     * @example "HTTP"
     */
    protocol?: BackendProtocol;
    /**
     * Fixed port to probe.
     * @default each endpoint's serving port
     * @example 8080
     */
    port?: number;
    /**
     * Path the probe requests.
     * @default "/"
     * @example "/healthz"
     */
    requestPath?: string;
    /**
     * Seconds between probes.
     * @default 5
     * @example 10
     */
    checkIntervalSec?: number;
    /**
     * Seconds before a probe fails; at most `checkIntervalSec`.
     * @default 5
     * @example 3
     */
    timeoutSec?: number;
}

/**
 * On-premises or other-cloud IP:port endpoints behind the load balancer, through a hybrid connectivity
 * NEG (zonal, `NON_GCP_PRIVATE_IP_PORT`). Supported by all five Application Load Balancer schemes.
 * @see https://cloud.google.com/load-balancing/docs/negs/hybrid-neg-concepts
 */
export interface HybridTargetArgs {
    /**
     * Zone of the NEG: the one closest to the on-premises site, in the region where hybrid
     * connectivity (VPN tunnel, VLAN attachment) lands — for regional schemes, the load balancer's region.
     * @example "europe-west1-b"
     */
    zone: string;
    /**
     * The endpoints. Each NEG holds endpoints of this one type only.
     * @example [{ ipAddress: "192.168.10.21", port: 8443 }]
     */
    endpoints: HybridEndpointArgs[];
    /**
     * Port of endpoints that give none.
     * @default undefined (then every endpoint gives a port)
     * @example 443
     */
    defaultPort?: number;
    /**
     * VPC (self link) the hybrid connectivity is attached to.
     * @default the load balancer's VPC (required for global-external and classic, which have none)
     * @example "projects/net/global/networks/hybrid"
     */
    network?: pulumi.Input<string>;
    /**
     * Protocol to the endpoints.
     * @default "HTTPS"
     * @example "HTTP"
     */
    protocol?: BackendProtocol;
    /**
     * Capacity of one endpoint in requests per second: hybrid NEGs only take the RATE balancing mode.
     * @default 100
     * @example 500
     */
    maxRatePerEndpoint?: number;
    /**
     * Health check of the endpoints (a backend service with a hybrid NEG must have one).
     * @default { requestPath: "/" } on each endpoint's serving port, with the backend's protocol
     * @example { requestPath: "/healthz" }
     */
    healthCheck?: HybridHealthCheckArgs;
}

/** Arguments of a {@link HybridBackend}: on-premises endpoints and their backend service settings. */
export interface HybridBackendArgs extends BackendComponentArgs {
    /**
     * The on-premises endpoints.
     * @example { zone: "europe-west1-b", endpoints: [{ ipAddress: "192.168.10.21", port: 443 }] }
     */
    hybrid: HybridTargetArgs;
    /**
     * VPC used when `hybrid.network` is unset (the load balancer passes its own).
     * @default undefined
     * @example "projects/net/global/networks/lb"
     */
    network?: pulumi.Input<string>;
    /**
     * Region of a regional backend service and health check.
     * @default the region of `hybrid.zone`
     * @example "europe-west1"
     */
    region?: string;
}

export function validateHybridBackendArgs(args: HybridBackendArgs) {
    return runRules(hybridRules, args);
}

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
        failOnProblems(`HybridBackend "${name}"`, validateHybridBackendArgs(args), this);

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
        this.neg = new compute.NetworkEndpointGroup(
            `${name}-neg`,
            {
                name: negName,
                project: args.project,
                zone: target.zone,
                network,
                networkEndpointType: "NON_GCP_PRIVATE_IP_PORT",
                defaultPort: target.defaultPort,
            },
            replacementOptions(compute.NetworkEndpointGroup, { parent: this }),
        );
        // Endpoints are keyed by IP:port, so list edits add or remove exactly the endpoints that changed;
        // a NEG replacement creates the new NEG's endpoints before the old NEG goes.
        this.endpoints = target.endpoints.map(
            (endpoint) =>
                new compute.NetworkEndpoint(
                    `${name}-endpoint-${endpoint.ipAddress}-${endpoint.port ?? target.defaultPort}`,
                    {
                        project: args.project,
                        zone: target.zone,
                        networkEndpointGroup: this.neg.name,
                        ipAddress: endpoint.ipAddress,
                        port: endpoint.port ?? target.defaultPort,
                    },
                    replacementOptions(compute.NetworkEndpoint, { parent: this }),
                ),
        );

        const healthCheckArgs = {
            name: gcpName(physical, "health-check"),
            project: args.project,
            ...hybridHealthCheckArgs(target),
        };
        const healthCheck =
            profile.scope === "regional"
                ? new compute.RegionHealthCheck(
                      `${name}-health-check`,
                      { ...healthCheckArgs, region },
                      replacementOptions(compute.RegionHealthCheck, { parent: this }),
                  )
                : new compute.HealthCheck(
                      `${name}-health-check`,
                      healthCheckArgs,
                      replacementOptions(compute.HealthCheck, { parent: this }),
                  );

        const created = createBackendService(
            `${name}-backend`,
            {
                name: gcpName(physical, "backend"),
                scheme: args.scheme,
                project: args.project,
                region,
                groups: [this.neg.id],
                protocol: target.protocol ?? "HTTPS",
                description: args.description,
                logging: args.logging,
                ...args.settings,
                maxRatePerEndpoint: target.maxRatePerEndpoint ?? DEFAULT_MAX_RATE_PER_ENDPOINT,
                healthCheck: healthCheck.id,
            },
            this,
        );
        this.backendServiceId = created.id;
        this.backendServiceName = created.name;
        this.negId = this.neg.id;
        this.healthCheckId = healthCheck.id;
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negId: this.negId,
            healthCheckId: this.healthCheckId,
        });
    }
}
