/**
 * Arguments of an ApplicationLoadBalancer, and the pure functions that read them (regions, default
 * backend, route table, routing context) — what rules and builders both need, with no resources here.
 */
import * as pulumi from "@pulumi/pulumi";
import type { BackendCdnArgs, BackendIapArgs, BackendLoggingArgs, OutlierDetectionArgs } from "../backends/shared/args";
import { backendKindOf, BackendKind, type BackendKindFields } from "../backends/kinds";
import { FrontendSettingsArgs } from "./frontend";
import { ExistingNetworkArgs, NetworkCreateArgs } from "./network";
import type { PscPublishArgs } from "./psc";
import type { AuthorizationArgs } from "./authorization";
import { BackendSecurityPolicyArgs } from "./security-policy";
import { HeaderTransformArgs, RouteArgs, RouteTable, RouteTestArgs, UrlMaskTarget } from "../routing";
import type { RoutingContext } from "../routing/context";
import type { CustomErrorResponsesArgs } from "../routing/error-responses";
import type { MigrationStage } from "../migration";
import { regionalFrontend, Scheme, schemeProfile, supports } from "../schemes";
import { known } from "../validation";

/**
 * One backend of the load balancer, keyed by your name for it in `backends`. Exactly one kind: `cloudRun`,
 * `hybrid`, `internet`, `bucket` or `backendService` (the kinds' own fields, `BackendKindFields`).
 */
export interface BackendArgs extends BackendKindFields {
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
     * Cloud Armor edge security policy (type CLOUD_ARMOR_EDGE), evaluated before the Cloud CDN cache: the
     * only Cloud Armor a bucket backend takes, and a second layer in front of a backend service. Global
     * external and classic only. `create` takes `allowIpRanges`, `denyIpRanges`, `geo`, `rateLimit` and
     * `rules` matching `origin.ip` and `origin.region_code` with allow or deny; `existing` is an edge
     * policy's global id or self link. Backends with the same `create` (and project) share one policy.
     * @default undefined (none)
     * @example { create: { geo: { deny: ["KP"] }, denyIpRanges: ["198.51.100.0/24"] } }
     */
    edgeSecurityPolicy?: BackendSecurityPolicyArgs;
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
     * Error pages for the whole load balancer (global external only): statuses or `4xx`/`5xx` mapped to a
     * page in a bucket backend, optionally sent with another status. Routes can set their own
     * (`routes[].customErrorResponses`), which win for the statuses they list.
     * @default undefined (backends' own error responses)
     * @example { backend: "site", rules: [{ statusCodes: ["404"], path: "/404.html" }] }
     */
    customErrorResponses?: CustomErrorResponsesArgs;
    /**
     * Backend for requests no route matches. Exclusive with `defaultStatus`.
     * @default the only backend, when there is exactly one
     * @example "web"
     */
    defaultBackend?: string;
    /**
     * Answer requests no route matches with this HTTP status from the load balancer itself (e.g. 404), instead
     * of sending them to a backend. GCP's URL maps have no fixed-response action: the default route action
     * names a backend service and aborts every request with this status by fault injection (100 %), so no
     * request reaches that backend. Not on classic, whose default route action takes no fault injection
     * (there, set `defaultBackend`: a bucket backend answers 404 for a path it has no object for).
     * Exclusive with `defaultBackend`.
     * @default undefined (unmatched requests go to defaultBackend)
     * @example 404
     * @see https://cloud.google.com/load-balancing/docs/url-map-concepts#default_route_action
     */
    defaultStatus?: number;
    /**
     * Migrating a classic load balancer to global external in place (Google's procedure): on `classic`,
     * `prepare`, then optionally `test-by-percentage` (with `migrationTestingPercentage`), then `test-all-traffic`
     * set every backend service's (and, for bucket backends, every forwarding rule's) migration state; then
     * `scheme: "global-external"` with `migrationStage: "migrated"` switches the scheme in place, keeping the
     * classic names so nothing is replaced. Keep `"migrated"` for the life of the load balancer. docs/migrate-classic.md.
     * @default undefined (no migration)
     * @example "test-by-percentage"
     * @see https://cloud.google.com/load-balancing/docs/https/migrate-to-global
     */
    migrationStage?: MigrationStage;
    /**
     * With `migrationStage: "test-by-percentage"`: the share of requests, 0–100, the global external
     * infrastructure serves while the rest stays on classic.
     * @default undefined (required with test-by-percentage)
     * @example 10
     */
    migrationTestingPercentage?: number;
    /**
     * Prefix of every physical GCP name. Must itself be a valid GCP name of at most 40 characters.
     * @default the component's name, made GCP-valid
     * @example "orders-prod"
     */
    namePrefix?: string;
    /**
     * Publish the load balancer over Private Service Connect (regional internal, cross-region internal): a PSC
     * NAT subnet and a service attachment per region, targeting that region's forwarding rule. Consumers connect
     * endpoints to `serviceAttachmentSelfLinks`.
     * @default undefined (not published)
     * @example { connectionPreference: "ACCEPT_MANUAL", consumerAcceptLists: [{ project: "consumer-project", connectionLimit: 10 }] }
     */
    publish?: PscPublishArgs;
    /**
     * L7 authorization on every forwarding rule of the load balancer (not on classic): requests matching a
     * `deny` rule are denied, and with `allow` set only requests matching one of its rules get through — by
     * source address, client certificate identity (with `https.clientCertificates`), host, path, method and
     * headers. Checked after mTLS, Cloud Armor and IAP, before the URL map; one network security authorization
     * policy per list. The way to restrict clients on cross-region internal, which has no Cloud Armor.
     * @default undefined (no authorization policy)
     * @example { deny: [{ paths: ["/admin/*"] }], allow: [{ ipRanges: ["10.130.0.0/24"] }] }
     * @see https://cloud.google.com/load-balancing/docs/auth-policy/auth-policy-overview
     */
    authorization?: AuthorizationArgs;
}

/**
 * Whether the load balancer needs regular subnets, and whether they are dual stack: internal schemes take
 * their VIPs from one; a regional external IPv6 forwarding rule needs a dual-stack subnet with an external
 * IPv6 range.
 */
export function loadBalancerSubnets(args: Pick<ApplicationLoadBalancerArgs, "scheme" | "ipv6">): {
    subnets: boolean;
    externalIpv6: boolean;
} {
    const profile = schemeProfile(args.scheme);
    const externalIpv6 = args.ipv6 === true && !profile.internal && profile.scope === "regional";
    return { subnets: profile.addressFromSubnet || externalIpv6, externalIpv6 };
}

/** The regions the load balancer's network and frontends live in. */
export function loadBalancerRegions(
    args: Pick<ApplicationLoadBalancerArgs, "scheme" | "region" | "regions" | "networkTier">,
): string[] {
    const profile = schemeProfile(args.scheme);
    if (regionalFrontend(args.scheme, args.networkTier)) {
        return args.region ? [args.region] : [];
    }
    if (profile.internal) {
        return args.regions ?? (args.region ? [args.region] : []);
    }
    return [];
}

/**
 * The backend for requests no route matches. With `defaultStatus`, the backend service the aborting default
 * route action names (no request reaches it): the first backend, in key order, that is not a bucket.
 */
export function defaultBackendKey(
    args: Pick<ApplicationLoadBalancerArgs, "backends" | "defaultBackend" | "defaultStatus">,
): string | undefined {
    if (args.defaultBackend !== undefined) {
        return args.defaultBackend;
    }
    const backends = Object.entries(args.backends ?? {});
    if (args.defaultStatus !== undefined) {
        return backends.find(([, backend]) => backendKindOf(backend) !== BackendKind.Bucket)?.[0];
    }
    return backends.length === 1 ? backends[0][0] : undefined;
}

/**
 * The routes the URL map is compiled from: the user's, then — with `defaultStatus` — a last catch-all route that
 * aborts every request it gets with that status (fault injection at 100 %), on the schemes that have fault injection.
 */
export function compiledRoutes(args: ApplicationLoadBalancerArgs): RouteArgs[] {
    const routes = args.routes ?? [];
    const key = defaultBackendKey(args);
    const status = args.defaultStatus;
    // An invalid status is lb-default-status's problem alone: no route is made of it.
    if (
        status === undefined ||
        !Number.isInteger(status) ||
        status < 200 ||
        status > 599 ||
        args.defaultBackend !== undefined ||
        key === undefined ||
        !supports(args.scheme, "faultInjection")
    ) {
        return routes;
    }
    const answer: RouteArgs = {
        paths: ["/*"],
        backend: key,
        faultInjection: { abort: { httpStatus: status, percentage: 100 } },
    };
    return [...routes, answer];
}

/** The route table the URL map is compiled from. */
export function routeTable(args: ApplicationLoadBalancerArgs): RouteTable {
    return {
        routes: compiledRoutes(args),
        defaultBackend: defaultBackendKey(args) ?? "",
        requestHeaders: args.requestHeaders,
        responseHeaders: args.responseHeaders,
        tests: args.tests,
        customErrorResponses: args.customErrorResponses,
    };
}

/** What each backend is made of, for routing decisions (e.g. no mirroring to serverless backends). */
export function backendKindsByKey(args: Pick<ApplicationLoadBalancerArgs, "backends">): Record<string, BackendKind> {
    const kinds: Record<string, BackendKind> = {};
    for (const [key, backend] of Object.entries(args.backends ?? {})) {
        kinds[key] = backendKindOf(backend);
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
        backendKinds: backendKindsByKey(args),
        defaultBackend: defaultBackendKey(args),
        requestHeaders: args.requestHeaders,
        responseHeaders: args.responseHeaders,
        tests: args.tests,
        urlMasks,
        customErrorResponses: args.customErrorResponses,
        clientCertificates: args.https?.clientCertificates
            ? {
                  validation: args.https.clientCertificates.validation ?? "REJECT_INVALID",
                  headers: { ...args.https.clientCertificates.headers },
              }
            : undefined,
        authorization:
            args.authorization !== undefined && supports(args.scheme, "authorizationPolicy")
                ? args.authorization
                : undefined,
    };
}
