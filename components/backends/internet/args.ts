/** Arguments of an internet NEG backend, and the endpoints they describe. */
import * as pulumi from "@pulumi/pulumi";
import { BackendComponentArgs, BackendProtocol } from "../shared/args";

/** Port of internet endpoints that give none. */
export const DEFAULT_INTERNET_PORT = 443;

/** One endpoint of a regional internet NEG. */
export interface InternetEndpointArgs {
    /**
     * Fully qualified domain name (public, or private through Cloud DNS). Exactly one of `fqdn` and `ipAddress`.
     * @default undefined
     * @example "legacy.example.com"
     */
    fqdn?: pulumi.Input<string>;
    /**
     * Public IPv4 address. Exactly one of `fqdn` and `ipAddress`.
     * @default undefined
     * @example "203.0.113.7"
     */
    ipAddress?: string;
    /**
     * Port.
     * @default the target's port (443)
     * @example 8443
     */
    port?: number;
}

/**
 * A backend on the internet, through an internet NEG: global (one FQDN or IP endpoint; global
 * external and classic) or regional (up to 256 endpoints; regional external and regional internal).
 *
 * Reaching Cloud Run (`*.run.app`) this way is the seed-001 trick for services in another project:
 * the NEG targets any run.app host and `hostOverride` sets the Host header Cloud Run routes by. Such
 * traffic reaches Cloud Run as internet traffic, so the service's ingress must be "all" (inference,
 * UNCONFIRMED by a Google statement); prefer cross-project service referencing where it is possible.
 * @see https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts
 */
export interface InternetTargetArgs {
    /**
     * The endpoint's fully qualified domain name (INTERNET_FQDN_PORT; the load balancer validates the
     * server certificate and sends SNI). Exactly one of `fqdn`, `ipAddress`, `endpoints`.
     * @default undefined
     * @example "hello-abc123-ew.a.run.app"
     */
    fqdn?: pulumi.Input<string>;
    /**
     * The endpoint's public IPv4 address (INTERNET_IP_PORT; no certificate validation, no SNI).
     * @default undefined
     * @example "203.0.113.7"
     */
    ipAddress?: string;
    /**
     * Port of the endpoint(s).
     * @default 443
     * @example 8443
     */
    port?: number;
    /**
     * Several endpoints, all FQDNs or all IPs: regional schemes only (a global internet NEG holds one).
     * @default undefined
     * @example [{ fqdn: "a.example.com" }, { fqdn: "b.example.com" }]
     */
    endpoints?: InternetEndpointArgs[];
    /**
     * Host header sent to the endpoint, set with `customRequestHeaders` on the backend service
     * (global external and classic only: regional and cross-region backend services have no custom
     * headers; there, set the Host with `routes[].rewrite.host`, the URL map's `hostRewrite`). Several backends
     * with the same `fqdn` and port share one NEG and differ only by this header.
     * @default undefined (the client's Host is forwarded)
     * @example "hello2-abc123-ew.a.run.app"
     */
    hostOverride?: pulumi.Input<string>;
    /**
     * Protocol to the endpoint; HTTPS (or HTTP2) is strongly recommended across the internet.
     * @default "HTTPS"
     * @example "HTTP2"
     */
    protocol?: BackendProtocol;
}

/** Arguments of an {@link InternetBackend}: one internet target and its backend service settings. */
export interface InternetBackendArgs extends BackendComponentArgs {
    /**
     * The internet endpoint(s).
     * @example { fqdn: "hello-abc123-ew.a.run.app", hostOverride: "hello-abc123-ew.a.run.app" }
     */
    internet: InternetTargetArgs;
    /**
     * Id of an internet NEG to use instead of creating one — how several backend services share one NEG
     * (the load balancer does this itself for backends with the same fqdn/ipAddress and port). Its scope
     * is the backend service's: a global NEG on global-external and classic, a regional one in `region`
     * otherwise (rule internet-neg-scope; an id only known at apply is checked then).
     * @default undefined (a NEG is created)
     * @example sharedNeg.id
     */
    neg?: pulumi.Input<string>;
    /**
     * VPC of a regional internet NEG (the load balancer's; egress needs Cloud NAT on the proxy-only
     * subnet or routes to the endpoints).
     * @default undefined (required for regional schemes)
     * @example "projects/p/global/networks/lb"
     */
    network?: pulumi.Input<string>;
    /**
     * Region of a regional NEG and backend service.
     * @default undefined (required for regional schemes)
     * @example "europe-west1"
     */
    region?: string;
}

/** The endpoints of a target: `endpoints`, or the one `fqdn`/`ipAddress`, each with its port. */
export function internetEndpoints(target: InternetTargetArgs): (InternetEndpointArgs & { port: number })[] {
    const port = target.port ?? DEFAULT_INTERNET_PORT;
    const listed = target.endpoints ?? [{ fqdn: target.fqdn, ipAddress: target.ipAddress }];
    return listed.map((e) => ({ ...e, port: e.port ?? port }));
}

/** INTERNET_FQDN_PORT or INTERNET_IP_PORT. */
export function internetEndpointType(target: InternetTargetArgs): "INTERNET_FQDN_PORT" | "INTERNET_IP_PORT" {
    const first = internetEndpoints(target)[0];
    return first?.ipAddress !== undefined ? "INTERNET_IP_PORT" : "INTERNET_FQDN_PORT";
}

/** The field of `backends.<key>` that makes a backend an internet endpoint through an internet NEG (see `BackendKindFields`). */
export interface InternetBackendField {
    /**
     * An internet endpoint (FQDN or public IP) through an internet NEG — e.g. a Cloud Run service in
     * another project by its run.app host with `hostOverride` (global external and classic).
     * Backends with the same `fqdn` (or `ipAddress`), port and project share one global NEG.
     * @default undefined
     * @example { fqdn: "hello-abc123-ew.a.run.app", hostOverride: "hello2-abc123-ew.a.run.app" }
     */
    internet?: InternetTargetArgs;
}
