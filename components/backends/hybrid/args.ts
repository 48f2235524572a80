/** Arguments of a hybrid connectivity (on-premises IP:port) backend. */
import * as pulumi from "@pulumi/pulumi";
import { BackendComponentArgs, BackendProtocol } from "../shared/args";

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

/** The field of `backends.<key>` that makes a backend on-premises IP:port endpoints through a hybrid NEG (see `BackendKindFields`). */
export interface HybridBackendField {
    /**
     * On-premises or other-cloud IP:port endpoints through a hybrid connectivity NEG (with a health
     * check and RATE balancing), e.g. the legacy side of a migration to Cloud Run.
     * @default undefined
     * @example { zone: "europe-west1-b", endpoints: [{ ipAddress: "192.168.10.21", port: 443 }] }
     */
    hybrid?: HybridTargetArgs;
}
