import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import {
    BackendCdnArgs,
    BackendIapArgs,
    BackendLoggingArgs,
    OutlierDetectionArgs,
    BackendSettingsArgs,
} from "./backends/backend-service";
import { HybridBackend, HybridTargetArgs } from "./backends/hybrid";
import { DEFAULT_INTERNET_PORT, InternetBackend, InternetTargetArgs } from "./backends/internet";
import { grantLoadBalancerServiceUser } from "./cross-project";
import { BackendSecurityPolicyArgs, createSecurityPolicy, securityPolicyShareKey } from "./security-policy";
import { CloudRunTargetArgs, ServerlessBackend } from "./backends/serverless";
import { Frontend, FrontendSettingsArgs } from "./frontend";
import { gcpName } from "./naming";
import { ExistingNetworkArgs, LoadBalancerNetwork, LoadBalancerNetworkArgs, NetworkCreateArgs } from "./network";
import {
    BackendKind,
    compileUrlMap,
    HeaderTransformArgs,
    RouteArgs,
    RouteTable,
    recordRouting,
    RouteTestArgs,
    UrlMapSpec,
    UrlMapTestSpec,
    UrlMaskTarget,
} from "./routing";
import type { RoutingContext } from "./rules/routing";
import { replacementOptions } from "./replacement";
import { validateLoadBalancerArgs } from "./rules/load-balancer";
import { Scheme, schemeProfile } from "./schemes";
import { failOnProblems, known } from "./validation";

/** One backend of the load balancer, keyed by your name for it in `backends`. Exactly one kind. */
export interface BackendArgs {
    /**
     * A Cloud Run service (optionally a traffic tag), a URL mask, or one service in several regions.
     * @default undefined
     * @example { service: "orders", region: "europe-west1" }
     */
    cloudRun?: CloudRunTargetArgs;
    /**
     * On-premises or other-cloud IP:port endpoints through a hybrid connectivity NEG (with a health
     * check and RATE balancing), e.g. the legacy side of a migration to Cloud Run.
     * @default undefined
     * @example { zone: "europe-west1-b", endpoints: [{ ipAddress: "192.168.10.21", port: 443 }] }
     */
    hybrid?: HybridTargetArgs;
    /**
     * An internet endpoint (FQDN or public IP) through an internet NEG — e.g. a Cloud Run service in
     * another project by its run.app host with `hostOverride` (global external and classic).
     * Backends with the same `fqdn` (or `ipAddress`), port and project share one global NEG.
     * @default undefined
     * @example { fqdn: "hello-abc123-ew.a.run.app", hostOverride: "hello2-abc123-ew.a.run.app" }
     */
    internet?: InternetTargetArgs;
    /**
     * Id or self link of a backend service that already exists, e.g. in another project
     * (cross-project service referencing).
     * @default undefined
     * @example "projects/team-a/global/backendServices/orders"
     */
    backendService?: pulumi.Input<string>;
    /**
     * Project of the NEG and backend service this package creates for the backend. Another project
     * than the load balancer's means cross-project service referencing: any project of the
     * organization on global external, only Shared VPC service projects on regional and internal
     * schemes, not on classic.
     * @default the load balancer's project
     * @example "service-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Principals granted `roles/compute.loadBalancerServiceUser` on this backend's backend service, so
     * they can reference it from a URL map in another project.
     * @default []
     * @example ["serviceAccount:deployer@lb-project.iam.gserviceaccount.com"]
     */
    loadBalancerServiceUsers?: pulumi.Input<string>[];
    /**
     * `Name:value` request headers the backend service adds (global external and classic).
     * @default undefined
     * @example ["X-Client-Region:{client_region}"]
     */
    customRequestHeaders?: pulumi.Input<string>[];
    /**
     * Identity-Aware Proxy on the backend service; for a Cloud Run service, the IAP service agent is
     * granted `roles/run.invoker` on it. Not with `cdn` or `outlierDetection`.
     * @default undefined (off)
     * @example { enabled: true, members: ["group:staff@example.com"] }
     */
    iap?: BackendIapArgs;
    /**
     * Cloud CDN (global external and classic). Not with `iap`.
     * @default undefined (off)
     * @example { enabled: true }
     */
    cdn?: BackendCdnArgs;
    /**
     * Cloud Armor: create a policy (WAF, IP lists, rate limiting) or attach an existing one. Backends of
     * one load balancer with the same `create` (and project) share one created policy.
     * @default undefined (none)
     * @example { create: { preconfiguredWaf: ["sqli-v33-stable", "xss-v33-stable"], rateLimit: { count: 100 } } }
     */
    securityPolicy?: BackendSecurityPolicyArgs;
    /**
     * Description on the backend service.
     * @default undefined
     * @example "Orders API"
     */
    description?: string;
    /**
     * Request logging on the backend service.
     * @default { enabled: true, sampleRate: 1 }
     * @example { sampleRate: 0.1 }
     */
    logging?: BackendLoggingArgs;
    /**
     * Eject a failing region of a multi-region backend and send its requests to the next closest region
     * (global external and cross-region internal only; not with `iap`, not on internet NEGs).
     * @default undefined (no outlier detection)
     * @example { consecutiveErrors: 5, baseEjectionTimeSeconds: 180 }
     */
    outlierDetection?: OutlierDetectionArgs;
}

/** The VPC of an Envoy-based load balancer: created (default) or existing. */
export interface NetworkArgs {
    /**
     * Create a custom-mode VPC with a subnet and a proxy-only subnet per region.
     * @default { } when `existing` is unset
     * @example { subnetCidr: "10.1.2.0/24", proxyOnlyCidr: "10.129.0.0/23" }
     */
    create?: NetworkCreateArgs;
    /**
     * Use an existing VPC, e.g. a Shared VPC host project's network.
     * @default undefined
     * @example { network: "projects/host/global/networks/shared", subnetworks: { "europe-west1": "projects/host/regions/europe-west1/subnetworks/apps" } }
     */
    existing?: ExistingNetworkArgs;
}

/**
 * Arguments of an {@link ApplicationLoadBalancer}: the scheme, the backends keyed by your names, the routes
 * between them, and the frontend.
 * @see https://cloud.google.com/load-balancing/docs/application-load-balancer
 */
export interface ApplicationLoadBalancerArgs extends FrontendSettingsArgs {
    /**
     * Which Application Load Balancer: `regional-internal`, `cross-region-internal`,
     * `regional-external`, `global-external` or `classic`. Changing it means a new load balancer.
     * @example "regional-internal"
     */
    scheme: Scheme;
    /**
     * Project for the load balancer's resources.
     * @default the provider's project
     * @example "network-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Region of a regional load balancer, and the default region of Cloud Run backends.
     * @default undefined (required for regional schemes)
     * @example "europe-west1"
     */
    region?: string;
    /**
     * Regions a cross-region internal load balancer serves clients in (a VIP and proxy-only subnet each).
     * @default [region]
     * @example ["europe-west1", "us-central1"]
     */
    regions?: string[];
    /**
     * VPC for Envoy-based schemes (internal ones, regional external). Ignored by global external and classic.
     * @default a new VPC with default ranges
     * @example { create: { subnetCidr: "10.1.2.0/24", proxyOnlyCidr: "10.129.0.0/23" } }
     */
    network?: NetworkArgs;
    /**
     * Backends keyed by your names for them; routes refer to these keys.
     * @example { orders: { cloudRun: { service: "orders" } } }
     */
    backends: Record<string, BackendArgs>;
    /**
     * Routes, in the order documented in the README's "Routing" section.
     * @default [] (everything goes to defaultBackend)
     * @example [{ hosts: ["api.example.com"], paths: ["/v1/*"], backend: "api" }]
     */
    routes?: RouteArgs[];
    /**
     * Route tests: requests and the backend (or redirect URL) they must reach. They run offline at
     * preview (a failure is a preview error showing expected and actual) and are emitted to the URL
     * map's `tests` where GCP runs them (classic, global external, regional external; not internal).
     * @default []
     * @example [{ host: "api.example.com", path: "/v1/orders", backend: "api" }]
     */
    tests?: RouteTestArgs[];
    /**
     * Request headers added/removed on every request, at the URL map level (not on classic).
     * @default undefined
     * @example { add: [{ name: "x-lb", value: "shop" }] }
     */
    requestHeaders?: HeaderTransformArgs;
    /**
     * Response headers added/removed on every response, at the URL map level (not on classic).
     * @default undefined
     * @example { add: [{ name: "strict-transport-security", value: "max-age=31536000" }] }
     */
    responseHeaders?: HeaderTransformArgs;
    /**
     * Backend for requests no route matches.
     * @default the only backend, when there is exactly one
     * @example "web"
     */
    defaultBackend?: string;
    /**
     * Prefix of every physical GCP name. Must itself be a valid GCP name of at most 40 characters.
     * @default the component's name, made GCP-valid
     * @example "orders-prod"
     */
    namePrefix?: string;
}

/** The regions the load balancer's network and frontends live in. */
export function loadBalancerRegions(
    args: Pick<ApplicationLoadBalancerArgs, "scheme" | "region" | "regions">,
): string[] {
    const profile = schemeProfile(args.scheme);
    if (profile.scope === "regional") {
        return args.region ? [args.region] : [];
    }
    if (profile.internal) {
        return args.regions ?? (args.region ? [args.region] : []);
    }
    return [];
}

/** The backend for requests no route matches. */
export function defaultBackendKey(
    args: Pick<ApplicationLoadBalancerArgs, "backends" | "defaultBackend">,
): string | undefined {
    if (args.defaultBackend !== undefined) {
        return args.defaultBackend;
    }
    const keys = Object.keys(args.backends ?? {});
    return keys.length === 1 ? keys[0] : undefined;
}

/** The route table the URL map is compiled from. */
export function routeTable(args: ApplicationLoadBalancerArgs): RouteTable {
    return {
        routes: args.routes ?? [],
        defaultBackend: defaultBackendKey(args) ?? "",
        requestHeaders: args.requestHeaders,
        responseHeaders: args.responseHeaders,
        tests: args.tests,
    };
}

/** What each backend is made of, for routing decisions (e.g. no mirroring to serverless backends). */
export function backendKinds(args: Pick<ApplicationLoadBalancerArgs, "backends">): Record<string, BackendKind> {
    const kinds: Record<string, BackendKind> = {};
    for (const [key, backend] of Object.entries(args.backends ?? {})) {
        kinds[key] = backend.cloudRun
            ? "serverless"
            : backend.internet
              ? "internet"
              : backend.hybrid
                ? "hybrid"
                : "backendService";
    }
    return kinds;
}

/** Everything routing validation, route tests and the plan's routing table need from the args. */
export function routingContext(args: ApplicationLoadBalancerArgs): RoutingContext {
    const urlMasks: Record<string, UrlMaskTarget> = {};
    for (const [key, backend] of Object.entries(args.backends ?? {})) {
        const cloudRun = backend.cloudRun;
        if (cloudRun?.urlMask !== undefined) {
            const service = known(cloudRun.service);
            const tag = known(cloudRun.tag);
            urlMasks[key] = {
                urlMask: cloudRun.urlMask,
                ...(service !== undefined ? { service } : {}),
                ...(tag !== undefined ? { tag } : {}),
            };
        }
    }
    const table = routeTable(args);
    return {
        scheme: args.scheme,
        routes: table.routes,
        backendKeys: Object.keys(args.backends ?? {}),
        backendKinds: backendKinds(args),
        defaultBackend: defaultBackendKey(args),
        requestHeaders: args.requestHeaders,
        responseHeaders: args.responseHeaders,
        tests: args.tests,
        urlMasks,
    };
}

/** URL map inputs from a compiled spec (every field the compiler may set). */
function urlMapInputs(spec: pulumi.Output<UrlMapSpec>) {
    return {
        defaultService: spec.apply((s) => s.defaultService),
        defaultRouteAction: spec.apply((s) => s.defaultRouteAction),
        defaultUrlRedirect: spec.apply((s) => s.defaultUrlRedirect),
        headerAction: spec.apply((s) => s.headerAction),
        hostRules: spec.apply((s) => s.hostRules),
        pathMatchers: spec.apply((s) => s.pathMatchers),
        // RegionUrlMap tests require `service`, so redirect tests are emitted on global maps only.
        tests: spec.apply((s) =>
            s.tests?.filter((t): t is UrlMapTestSpec & { service: string } => t.service !== undefined),
        ),
    };
}

/**
 * A Google Cloud Application Load Balancer in front of Cloud Run, for any of the five schemes:
 * network (Envoy-based schemes), backends, URL map from a route table, and frontend. Every input is
 * checked before anything is created; all problems are reported together.
 *
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts
 */
export class ApplicationLoadBalancer extends pulumi.ComponentResource {
    /** The first VIP (for cross-region internal, the first region's). */
    public readonly ipAddress: pulumi.Output<string>;
    /** VIP per region (internal) or under "global". */
    public readonly ipAddresses: pulumi.Output<Record<string, string>>;
    /** The IPv6 address when `ipv6` is on, else undefined. */
    public readonly ipv6Address: pulumi.Output<string | undefined>;
    /** `https://<ip>` or `http://<ip>`. */
    public readonly url: pulumi.Output<string>;
    /** Backend service id per backend key. */
    public readonly backendServiceIds: pulumi.Output<Record<string, string>>;
    /** Id of the URL map. */
    public readonly urlMapId: pulumi.Output<string>;
    /** Ids of the forwarding rules. */
    public readonly forwardingRuleIds: pulumi.Output<string[]>;
    /** Self link of the VPC (Envoy-based schemes), else undefined. */
    public readonly networkSelfLink: pulumi.Output<string | undefined>;
    /** Self link of the regular subnet per region (internal schemes), e.g. for client VMs. */
    public readonly subnetworkSelfLinks: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ApplicationLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cloudrun-lb:index:ApplicationLoadBalancer", name, {}, opts);
        failOnProblems(`ApplicationLoadBalancer "${name}"`, validateLoadBalancerArgs(args), this);

        const prefix = args.namePrefix ?? gcpName(name);
        const profile = schemeProfile(args.scheme);
        const regions = loadBalancerRegions(args);
        const parent = { parent: this };

        const network = profile.proxyOnlySubnetPurpose
            ? new LoadBalancerNetwork(
                  `${name}-network`,
                  {
                      namePrefix: gcpName(prefix, "network"),
                      project: args.project,
                      regions,
                      proxyOnlyPurpose: profile.proxyOnlySubnetPurpose,
                      subnets: profile.addressFromSubnet,
                      create: args.network?.existing ? undefined : (args.network?.create ?? {}),
                      existing: args.network?.existing,
                  } satisfies LoadBalancerNetworkArgs,
                  parent,
              )
            : undefined;

        const backendIds: Record<string, pulumi.Output<string>> = {};
        const grants: pulumi.Resource[] = [];
        const sharedInternetNegs = new Map<unknown, pulumi.Output<string>>();
        const sharedSecurityPolicies = new Map<string, pulumi.Output<string>>();
        for (const [key, backend] of Object.entries(args.backends).sort(([a], [b]) => (a < b ? -1 : 1))) {
            if (backend.backendService !== undefined) {
                backendIds[key] = pulumi.output(backend.backendService);
                continue;
            }
            const project = backend.project ?? args.project;
            const common = {
                namePrefix: gcpName(prefix, key),
                scheme: args.scheme,
                project,
                description: backend.description,
                logging: backend.logging,
                settings: this.backendSettings(name, prefix, key, args, backend, sharedSecurityPolicies),
            };
            let created: { backendServiceId: pulumi.Output<string>; backendServiceName: pulumi.Output<string> };
            if (backend.hybrid !== undefined) {
                created = new HybridBackend(
                    `${name}-${key}`,
                    {
                        ...common,
                        hybrid: backend.hybrid,
                        network: network?.network,
                        region: profile.scope === "regional" ? regions[0] : undefined,
                    },
                    parent,
                );
            } else if (backend.internet !== undefined) {
                const shareKey =
                    profile.scope === "global" ? internetNegShareKey(backend.internet, project) : undefined;
                const shared = shareKey !== undefined ? sharedInternetNegs.get(shareKey) : undefined;
                const internet = new InternetBackend(
                    `${name}-${key}`,
                    {
                        ...common,
                        internet: backend.internet,
                        neg: shared,
                        network: network?.network,
                        region: profile.scope === "regional" ? regions[0] : undefined,
                    },
                    parent,
                );
                if (shareKey !== undefined && shared === undefined) {
                    sharedInternetNegs.set(shareKey, internet.negId);
                }
                created = internet;
            } else {
                created = new ServerlessBackend(
                    `${name}-${key}`,
                    { ...common, cloudRun: backend.cloudRun!, region: args.region ?? regions[0] },
                    parent,
                );
            }
            backendIds[key] = created.backendServiceId;
            (backend.loadBalancerServiceUsers ?? []).forEach((member, i) =>
                grants.push(
                    grantLoadBalancerServiceUser(
                        `${name}-${key}-service-user-${i}`,
                        {
                            member,
                            project,
                            backendService: created.backendServiceName,
                            region: profile.scope === "regional" ? regions[0] : undefined,
                        },
                        parent,
                    ),
                ),
            );
        }
        this.backendServiceIds = pulumi.output(backendIds) as pulumi.Output<Record<string, string>>;

        const table = routeTable(args);
        recordRouting({ name, context: routingContext(args) });
        const spec = this.backendServiceIds.apply((ids) => {
            const urlMap = compileUrlMap(table, {
                scheme: args.scheme,
                backendRef: (key) => ids[key],
                backendKinds: backendKinds(args),
            });
            recordRouting({ name, context: routingContext(args), urlMap, backendRefs: ids });
            return urlMap;
        });
        const urlMapArgs = { name: gcpName(prefix, "url-map"), project: args.project, ...urlMapInputs(spec) };
        this.urlMapId =
            profile.scope === "regional"
                ? new compute.RegionUrlMap(
                      `${name}-url-map`,
                      { ...urlMapArgs, region: regions[0] },
                      replacementOptions(compute.RegionUrlMap, { parent: this, dependsOn: grants }),
                  ).id
                : new compute.URLMap(
                      `${name}-url-map`,
                      urlMapArgs,
                      replacementOptions(compute.URLMap, { parent: this, dependsOn: grants }),
                  ).id;

        const frontend = new Frontend(
            `${name}-frontend`,
            {
                namePrefix: prefix,
                scheme: args.scheme,
                project: args.project,
                regions,
                urlMap: this.urlMapId,
                network: network?.network,
                subnetworks: network?.subnetworks,
                proxyOnlySubnetworks: network?.proxyOnlySubnetworks,
                https: args.https,
                httpPort: args.httpPort,
                address: args.address,
                ipv6: args.ipv6,
                allowGlobalAccess: args.allowGlobalAccess,
                networkTier: args.networkTier,
                labels: args.labels,
            },
            parent,
        );

        this.ipAddress = frontend.ipAddress;
        this.ipAddresses = frontend.ipAddresses;
        this.ipv6Address = frontend.ipv6Address;
        this.url = frontend.url;
        this.forwardingRuleIds = frontend.forwardingRuleIds;
        this.networkSelfLink = network ? network.network : pulumi.output(undefined);
        this.subnetworkSelfLinks = network
            ? network.subnetworks
            : (pulumi.output({}) as pulumi.Output<Record<string, string>>);
        this.registerOutputs({
            ipAddress: this.ipAddress,
            ipAddresses: this.ipAddresses,
            ipv6Address: this.ipv6Address,
            url: this.url,
            backendServiceIds: this.backendServiceIds,
            urlMapId: this.urlMapId,
            forwardingRuleIds: this.forwardingRuleIds,
            networkSelfLink: this.networkSelfLink,
            subnetworkSelfLinks: this.subnetworkSelfLinks,
        });
    }

    /**
     * The backend service settings of one backend, creating its Cloud Armor policy if asked — or reusing
     * the one already created for an earlier backend (in key order) with the same `create` and project.
     */
    private backendSettings(
        name: string,
        prefix: string,
        key: string,
        args: ApplicationLoadBalancerArgs,
        backend: BackendArgs,
        sharedPolicies: Map<string, pulumi.Output<string>>,
    ): BackendSettingsArgs {
        const policy = backend.securityPolicy;
        let securityPolicy = policy?.existing;
        if (policy?.create !== undefined) {
            const project = backend.project ?? args.project;
            const shareKey = securityPolicyShareKey(policy.create, project);
            let created = shareKey !== undefined ? sharedPolicies.get(shareKey) : undefined;
            if (created === undefined) {
                created = createSecurityPolicy(
                    `${name}-${key}-security-policy`,
                    {
                        scheme: args.scheme,
                        physicalName: gcpName(prefix, key, "armor"),
                        project,
                        region: loadBalancerRegions(args)[0],
                        create: policy.create,
                    },
                    this,
                );
                if (shareKey !== undefined) {
                    sharedPolicies.set(shareKey, created);
                }
            }
            securityPolicy = created;
        }
        return {
            customRequestHeaders: backend.customRequestHeaders,
            iap: backend.iap,
            cdn: backend.cdn,
            outlierDetection: backend.outlierDetection,
            securityPolicy,
        };
    }
}

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
