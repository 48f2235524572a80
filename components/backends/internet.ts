import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import { gcpName, replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
import { INTERNET_NEG_INGRESS_NOTE, internetRules } from "../rules/backends";
import { schemeProfile } from "../schemes";
import { failOnProblems, runRules } from "../validation";
import { BackendComponentArgs, BackendProtocol, createBackendService } from "./backend-service";

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

export function validateInternetBackendArgs(args: InternetBackendArgs) {
    return runRules(internetRules, args);
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

/** The `host: <value>` custom request header of a Host override. */
export function hostHeader(host: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`host: ${host}`;
}

/**
 * An internet NEG (global or regional by scheme) and the backend service in front of it: no health
 * check, no balancing mode, HTTPS by default, Host override through `customRequestHeaders` on global
 * schemes.
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts
 */
export class InternetBackend extends pulumi.ComponentResource {
    /** Id of the backend service, for URL maps. */
    public readonly backendServiceId: pulumi.Output<string>;
    /** Name of the backend service, for IAM bindings on it. */
    public readonly backendServiceName: pulumi.Output<string>;
    /** Id of the NEG the backend service uses (created here, or the one given in `neg`). */
    public readonly negId: pulumi.Output<string>;

    constructor(name: string, args: InternetBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:InternetBackend", name, {}, opts);
        failOnProblems(`InternetBackend "${name}"`, validateInternetBackendArgs(args), this);

        const physical = args.namePrefix ?? gcpName(name);
        const target = args.internet;
        const regional = schemeProfile(args.scheme).scope === "regional";
        const endpoints = internetEndpoints(target);
        const type = internetEndpointType(target);

        // Said once per NEG: backends sharing a NEG reach the same host.
        for (const endpoint of args.neg === undefined ? endpoints : []) {
            pulumi.output(endpoint.fqdn).apply((fqdn) => {
                if (fqdn?.endsWith(".run.app")) {
                    void pulumi.log.warn(`${fqdn}: ${INTERNET_NEG_INGRESS_NOTE}.`, this);
                }
            });
        }

        let negId: pulumi.Output<string>;
        if (args.neg !== undefined) {
            // An id known only at apply (a NEG created in the same program) is checked once it resolves.
            negId = pulumi.output(args.neg).apply((id) => {
                failOnProblems(
                    `InternetBackend "${name}"`,
                    validateInternetBackendArgs({ ...args, neg: id }).filter((p) => p.rule === "internet-neg-scope"),
                    this,
                );
                return id;
            });
        } else if (regional) {
            const neg = new compute.RegionNetworkEndpointGroup(
                `${name}-neg`,
                {
                    name: pulumi.all([args.project, args.network]).apply(([project, network]) =>
                        replacementSafeName([physical, "neg"], {
                            project,
                            region: args.region,
                            network,
                            type,
                        }),
                    ),
                    project: args.project,
                    region: args.region!,
                    network: args.network,
                    networkEndpointType: type,
                },
                replacementOptions(compute.RegionNetworkEndpointGroup, { parent: this }),
            );
            endpoints.forEach(
                (endpoint, i) =>
                    new compute.RegionNetworkEndpoint(
                        `${name}-endpoint-${endpointKey(endpoint, i)}`,
                        {
                            project: args.project,
                            region: args.region,
                            regionNetworkEndpointGroup: neg.name,
                            fqdn: endpoint.fqdn,
                            ipAddress: endpoint.ipAddress,
                            port: endpoint.port,
                        },
                        replacementOptions(compute.RegionNetworkEndpoint, { parent: this }),
                    ),
            );
            negId = neg.id;
        } else {
            // A global NEG holds its one endpoint for life: the endpoint is part of the name hash, so a
            // new endpoint means a new NEG, created and attached before the old one is deleted.
            const endpoint = endpoints[0];
            const neg = new compute.GlobalNetworkEndpointGroup(
                `${name}-neg`,
                {
                    name: pulumi.all([args.project, endpoint.fqdn]).apply(([project, fqdn]) =>
                        replacementSafeName([physical, "neg"], {
                            project,
                            type,
                            fqdn,
                            ipAddress: endpoint.ipAddress,
                            port: endpoint.port,
                        }),
                    ),
                    project: args.project,
                    networkEndpointType: type,
                    defaultPort: endpoint.port,
                },
                replacementOptions(compute.GlobalNetworkEndpointGroup, { parent: this }),
            );
            new compute.GlobalNetworkEndpoint(
                `${name}-endpoint`,
                {
                    project: args.project,
                    globalNetworkEndpointGroup: neg.name,
                    fqdn: endpoint.fqdn,
                    ipAddress: endpoint.ipAddress,
                    port: endpoint.port,
                },
                replacementOptions(compute.GlobalNetworkEndpoint, { parent: this }),
            );
            negId = neg.id;
        }

        const headers = [
            ...(args.settings?.customRequestHeaders ?? []),
            ...(target.hostOverride !== undefined ? [hostHeader(target.hostOverride)] : []),
        ];
        const created = createBackendService(
            `${name}-backend`,
            {
                name: gcpName(physical, "backend"),
                scheme: args.scheme,
                project: args.project,
                region: args.region,
                groups: [negId],
                protocol: target.protocol ?? "HTTPS",
                description: args.description,
                logging: args.logging,
                ...args.settings,
                customRequestHeaders: headers.length > 0 ? headers : undefined,
            },
            this,
        );
        this.backendServiceId = created.id;
        this.backendServiceName = created.name;
        this.negId = negId;
        this.registerOutputs({
            backendServiceId: this.backendServiceId,
            backendServiceName: this.backendServiceName,
            negId: this.negId,
        });
    }
}

/** A stable logical-name suffix for an endpoint: its plain host and port, else its position. */
function endpointKey(endpoint: InternetEndpointArgs & { port: number }, index: number): string {
    const host = endpoint.ipAddress ?? (typeof endpoint.fqdn === "string" ? endpoint.fqdn : `${index}`);
    return `${host}-${endpoint.port}`;
}
