import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as iap from "@pulumi/gcp/iap";
import * as organizations from "@pulumi/gcp/organizations";
import { replacementSafeName } from "../naming";
import { replacementOptions } from "../replacement";
import { Scheme, schemeProfile } from "../schemes";

/**
 * Request logging on a backend service.
 * @see https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring
 */
export interface BackendLoggingArgs {
    /**
     * Log requests to Cloud Logging.
     * @default true
     * @example false
     */
    enabled?: boolean;
    /**
     * Share of requests logged, 0 to 1.
     * @default 1
     * @example 0.1
     */
    sampleRate?: number;
}

/**
 * Protocol from the load balancer to the backend.
 * @see https://cloud.google.com/load-balancing/docs/backend-service#protocol-to-backends
 */
export const BackendProtocol = {
    Http: "HTTP",
    Https: "HTTPS",
    Http2: "HTTP2",
} as const;
export type BackendProtocol = (typeof BackendProtocol)[keyof typeof BackendProtocol];

/**
 * Identity-Aware Proxy on the backend service. Without a client id and secret, IAP uses a
 * Google-managed OAuth client (users of your organization only). Not with Cloud CDN or outlier detection.
 * @see https://cloud.google.com/iap/docs/enabling-cloud-run
 */
export interface BackendIapArgs {
    /**
     * Turn IAP on.
     * @example true
     */
    enabled: boolean;
    /**
     * OAuth 2.0 client id of a custom OAuth client.
     * @default undefined (Google-managed client)
     * @example "1234-abc.apps.googleusercontent.com"
     */
    oauth2ClientId?: pulumi.Input<string>;
    /**
     * OAuth 2.0 client secret; always stored as a Pulumi secret.
     * @default undefined
     * @example config.requireSecret("oauthClientSecret")
     */
    oauth2ClientSecret?: pulumi.Input<string>;
    /**
     * Principals allowed through IAP (`roles/iap.httpsResourceAccessor` on this backend service).
     * @default [] (grant access elsewhere, e.g. at project level)
     * @example ["group:employees@example.com", "user:alice@example.com"]
     */
    members?: string[];
}

/**
 * How Cloud CDN decides what to cache.
 * @see https://cloud.google.com/cdn/docs/caching#cache-modes
 */
export const CdnCacheMode = {
    CacheAllStatic: "CACHE_ALL_STATIC",
    UseOriginHeaders: "USE_ORIGIN_HEADERS",
    ForceCacheAll: "FORCE_CACHE_ALL",
} as const;
export type CdnCacheMode = (typeof CdnCacheMode)[keyof typeof CdnCacheMode];

/**
 * Cloud CDN on a global external (or classic) backend service. Not with IAP.
 * @see https://cloud.google.com/cdn/docs/overview
 */
export interface BackendCdnArgs {
    /**
     * Turn Cloud CDN on.
     * @example true
     */
    enabled: boolean;
    /**
     * Cache mode.
     * @default "CACHE_ALL_STATIC"
     * @example "USE_ORIGIN_HEADERS"
     */
    cacheMode?: CdnCacheMode;
    /**
     * Seconds a response without caching headers stays cached (not with USE_ORIGIN_HEADERS).
     * @default 3600 (GCP's default)
     * @example 300
     */
    defaultTtl?: number;
    /**
     * Upper bound on cache lifetime, seconds (not with USE_ORIGIN_HEADERS).
     * @default 86400 (GCP's default)
     * @example 3600
     */
    maxTtl?: number;
    /**
     * Upper bound on the lifetime clients (browsers) are told to cache for, seconds (not with
     * USE_ORIGIN_HEADERS).
     * @default 86400 (GCP's default)
     * @example 600
     */
    clientTtl?: number;
    /**
     * Cache 404s, 301s and similar for a short time.
     * @default false
     * @example true
     */
    negativeCaching?: boolean;
    /**
     * Cache lifetime per error or redirect status, with `negativeCaching` on. Statuses 300, 301, 308,
     * 404, 405, 410, 421, 451 and 501, each once; at most 1800 seconds.
     * @default GCP's per-status defaults
     * @example [{ code: 404, ttl: 60 }]
     */
    negativeCachingTtls?: CdnNegativeCachingTtlArgs[];
    /**
     * What the cache key holds besides the URL path.
     * @default GCP's default (the whole query string; for backend services also host and protocol)
     * @example { queryParameters: ["v"] }
     */
    cacheKey?: CdnCacheKeyArgs;
    /**
     * Keys for Cloud CDN signed URLs and signed cookies. Key values are secrets (128-bit, base64url).
     * Rotate by adding a key under a new name, then removing the old one.
     * @default []
     * @example [{ name: "key-2026-11", value: config.requireSecret("cdnSignedUrlKey") }]
     */
    signedUrlKeys?: CdnSignedUrlKeyArgs[];
    /**
     * Seconds a response to a signed request stays fresh in the cache.
     * @default 3600 (GCP's default)
     * @example 600
     */
    signedUrlCacheMaxAgeSeconds?: number;
}

/** The cache lifetime of one error or redirect status (Cloud CDN negative caching). */
export interface CdnNegativeCachingTtlArgs {
    /**
     * HTTP status: 300, 301, 308, 404, 405, 410, 421, 451 or 501.
     * @example 404
     */
    code: number;
    /**
     * Seconds to cache it, at most 1800.
     * @example 60
     */
    ttl: number;
}

/** The parts of a request Cloud CDN puts in the cache key besides the path. */
export interface CdnCacheKeyArgs {
    /**
     * Only these query parameters are in the key (others are ignored for caching).
     * @default undefined (the whole query string)
     * @example ["v", "lang"]
     */
    queryParameters?: string[];
    /**
     * Request headers whose values are in the key.
     * @default []
     * @example ["accept-language"]
     */
    headers?: string[];
}

/** A key Cloud CDN checks signed URLs and cookies with. */
export interface CdnSignedUrlKeyArgs {
    /**
     * Key name (a GCP name), used in the signed URL's `KeyName` parameter.
     * @example "key-2026-11"
     */
    name: string;
    /**
     * The 128-bit key, base64url-encoded (22 characters, or 24 with `==` padding); kept secret.
     * @example config.requireSecret("cdnSignedUrlKey")
     */
    value: pulumi.Input<string>;
}

/**
 * The `cdnPolicy` fields backend services and backend buckets share, from the package's CDN settings.
 * TTLs are left out in USE_ORIGIN_HEADERS mode, which takes lifetimes from the origin.
 */
export function cdnPolicyInputs(cdn: BackendCdnArgs) {
    const cacheMode = cdn.cacheMode ?? "CACHE_ALL_STATIC";
    const originHeaders = cacheMode === "USE_ORIGIN_HEADERS";
    return {
        cacheMode,
        defaultTtl: originHeaders ? undefined : cdn.defaultTtl,
        maxTtl: originHeaders ? undefined : cdn.maxTtl,
        clientTtl: originHeaders ? undefined : cdn.clientTtl,
        negativeCaching: cdn.negativeCaching,
        negativeCachingPolicies: cdn.negativeCachingTtls?.map((t) => ({ code: t.code, ttl: t.ttl })),
        signedUrlCacheMaxAgeSec: cdn.signedUrlCacheMaxAgeSeconds,
    };
}

/**
 * Outlier detection on a global backend service: a serverless NEG (one region of the service) that keeps
 * failing is ejected for a while, and requests go to the next closest region. Supported with serverless
 * NEGs only by the global external and cross-region internal schemes, and not with IAP. Both ejection
 * methods GCP allows with serverless NEGs are enforced on every analysis sweep; the success-rate fields
 * GCP rejects for serverless NEGs are never set.
 * @see https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts#outlier-detection
 */
export interface OutlierDetectionArgs {
    /**
     * Consecutive 5xx responses from a region before it is ejected.
     * @default 5
     * @example 3
     */
    consecutiveErrors?: number;
    /**
     * Consecutive gateway errors (502, 503, 504) from a region before it is ejected.
     * @default 3
     * @example 2
     */
    consecutiveGatewayErrors?: number;
    /**
     * Seconds between ejection analysis sweeps.
     * @default 1
     * @example 10
     */
    intervalSeconds?: number;
    /**
     * Base ejection time in seconds (multiplied by the number of times the region was ejected). Google's
     * tests saw fewer than 5% errors with about 180 s at more than 100 requests per second.
     * @default 30
     * @example 180
     */
    baseEjectionTimeSeconds?: number;
    /**
     * Largest share of the regions that may be ejected at once, 0–100.
     * @default 50
     * @example 100
     */
    maxEjectionPercent?: number;
}

/** The `outlierDetection` block of a backend service, defaults applied (exported for tests and the plan). */
export function outlierDetectionInputs(args: OutlierDetectionArgs) {
    return {
        consecutiveErrors: args.consecutiveErrors ?? 5,
        enforcingConsecutiveErrors: 100,
        consecutiveGatewayFailure: args.consecutiveGatewayErrors ?? 3,
        enforcingConsecutiveGatewayFailure: 100,
        interval: { seconds: args.intervalSeconds ?? 1 },
        baseEjectionTime: { seconds: args.baseEjectionTimeSeconds ?? 30 },
        maxEjectionPercent: args.maxEjectionPercent ?? 50,
    };
}

/**
 * What every backend kind can set on its backend service (the load balancer fills it from
 * `backends.<key>`).
 * @see https://cloud.google.com/load-balancing/docs/backend-service
 */
export interface BackendSettingsArgs {
    /**
     * `Name:value` request headers added by the backend service (global external and classic only),
     * e.g. the Host override an internet NEG to Cloud Run needs.
     * @default undefined
     * @example ["host: hello-abc123-ew.a.run.app"]
     */
    customRequestHeaders?: pulumi.Input<string>[];
    /**
     * Identity-Aware Proxy on the backend service.
     * @default undefined (off)
     * @example { enabled: true, members: ["group:staff@example.com"] }
     */
    iap?: BackendIapArgs;
    /**
     * Cloud CDN (global external and classic).
     * @default undefined (off)
     * @example { enabled: true }
     */
    cdn?: BackendCdnArgs;
    /**
     * Outlier detection (global external and cross-region internal serverless backends).
     * @default undefined (off)
     * @example { consecutiveErrors: 5, baseEjectionTimeSeconds: 180 }
     */
    outlierDetection?: OutlierDetectionArgs;
    /**
     * Id or self link of the Cloud Armor security policy attached to the backend service.
     * @default undefined
     * @example "projects/p/global/securityPolicies/waf"
     */
    securityPolicy?: pulumi.Input<string>;
}

/**
 * What every backend component (`ServerlessBackend`, `InternetBackend`, `HybridBackend`) takes besides its
 * target: the scheme, the project, and the settings of the backend service it creates.
 * @see https://cloud.google.com/load-balancing/docs/backend-service
 */
export interface BackendComponentArgs {
    /**
     * Load balancer scheme the backend service serves.
     * @example "regional-internal"
     */
    scheme: Scheme;
    /**
     * Project of the NEG and backend service (for a serverless NEG, the Cloud Run service's project).
     * @default the provider's project
     * @example "service-project"
     */
    project?: pulumi.Input<string>;
    /**
     * Description on the backend service.
     * @default undefined
     * @example "Orders API"
     */
    description?: string;
    /**
     * Request logging.
     * @default { enabled: true, sampleRate: 1 }
     * @example { sampleRate: 0.1 }
     */
    logging?: BackendLoggingArgs;
    /**
     * IAP, Cloud CDN, Cloud Armor policy, outlier detection and custom headers of the backend service, as
     * far as the scheme and the NEG kind allow. With IAP on a `ServerlessBackend`, the IAP service agent
     * gets `roles/run.invoker` on the Cloud Run service (when `cloudRun.service` names it), so the service
     * needs no `allUsers` invoker.
     * @default {}
     * @example { iap: { enabled: true } }
     */
    settings?: BackendSettingsArgs;
    /**
     * Prefix of the physical GCP names of the resources created here.
     * @default the component's name, made GCP-valid
     * @example "orders-prod-api"
     */
    namePrefix?: string;
}

/** Settings shared by every backend service this package creates, whatever its NEG kind. */
export interface BackendServiceSettings extends BackendSettingsArgs {
    logging?: BackendLoggingArgs;
    /** Physical name before the replacement hash, or its parts (prefix first, then the role). */
    name: string | string[];
    scheme: Scheme;
    project?: pulumi.Input<string>;
    /** Region of a regional backend service; ignored for global schemes. */
    region?: string;
    /** NEG ids to attach. */
    groups: pulumi.Input<string>[];
    /** Protocol to the backend. Ignored by GCP for serverless NEGs. */
    protocol?: string;
    description?: string;
    /**
     * RATE balancing with this many requests per second per endpoint — what NEGs with IP:port
     * endpoints (hybrid NEGs) need. Unset: no balancing mode sent (serverless and internet NEGs take none).
     */
    maxRatePerEndpoint?: number;
    /** Health check id; never set for serverless or internet NEGs, required for hybrid NEGs. */
    healthCheck?: pulumi.Input<string>;
}

/** The arguments of a backend service, as pure data (exported for tests and the plan). */
export function backendServiceArgs(settings: BackendServiceSettings) {
    const profile = schemeProfile(settings.scheme);
    const regional = profile.scope === "regional";
    return {
        name: replacementSafeName(settings.name, {
            scheme: profile.loadBalancingScheme,
            scope: profile.scope,
            region: regional ? settings.region : undefined,
        }),
        project: settings.project,
        region: regional ? settings.region : undefined,
        description: settings.description,
        loadBalancingScheme: profile.loadBalancingScheme,
        protocol: settings.protocol ?? "HTTPS",
        // Serverless and internet NEGs take no balancing knobs; hybrid NEGs must use RATE with a rate.
        // Regional EXTERNAL_MANAGED is the one case where the provider demands capacityScaler on every
        // backend (gcp-facts §1.4).
        backends: settings.groups.map((group) => ({
            group,
            ...(settings.maxRatePerEndpoint !== undefined
                ? { balancingMode: "RATE", maxRatePerEndpoint: settings.maxRatePerEndpoint }
                : {}),
            ...(settings.scheme === "regional-external" ? { capacityScaler: 1 } : {}),
        })),
        healthChecks: settings.healthCheck,
        logConfig:
            settings.logging?.enabled === false
                ? { enable: false }
                : { enable: true, sampleRate: settings.logging?.sampleRate ?? 1 },
        customRequestHeaders: regional ? undefined : settings.customRequestHeaders,
        iap: settings.iap?.enabled
            ? {
                  enabled: true,
                  oauth2ClientId: settings.iap.oauth2ClientId,
                  oauth2ClientSecret:
                      settings.iap.oauth2ClientSecret === undefined
                          ? undefined
                          : pulumi.secret(settings.iap.oauth2ClientSecret),
              }
            : undefined,
        enableCdn: regional ? undefined : settings.cdn?.enabled ? true : undefined,
        cdnPolicy:
            !regional && settings.cdn?.enabled
                ? {
                      ...cdnPolicyInputs(settings.cdn),
                      // A backend service's cache key policy turns host, protocol and query string off when
                      // a field is unset, so they are kept on explicitly.
                      cacheKeyPolicy:
                          settings.cdn.cacheKey !== undefined
                              ? {
                                    includeHost: true,
                                    includeProtocol: true,
                                    includeQueryString: true,
                                    queryStringWhitelists: settings.cdn.cacheKey.queryParameters,
                                    includeHttpHeaders: settings.cdn.cacheKey.headers,
                                }
                              : undefined,
                  }
                : undefined,
        outlierDetection: settings.outlierDetection ? outlierDetectionInputs(settings.outlierDetection) : undefined,
        securityPolicy: settings.securityPolicy,
    };
}

/** A regional or global backend service for the scheme; returns its id. */
export function createBackendService(
    name: string,
    settings: BackendServiceSettings,
    parent: pulumi.Resource,
): {
    id: pulumi.Output<string>;
    name: pulumi.Output<string>;
    resource: compute.BackendService | compute.RegionBackendService;
} {
    const args = backendServiceArgs(settings);
    let resource: compute.BackendService | compute.RegionBackendService;
    if (schemeProfile(settings.scheme).scope === "regional") {
        const { customRequestHeaders: _unsupported, enableCdn: _noCdn, cdnPolicy: _noPolicy, ...regionalArgs } = args;
        resource = new compute.RegionBackendService(
            name,
            regionalArgs,
            replacementOptions(compute.RegionBackendService, { parent }),
        );
    } else {
        const { region: _global, ...globalArgs } = args;
        const service = new compute.BackendService(
            name,
            globalArgs,
            replacementOptions(compute.BackendService, { parent }),
        );
        if (settings.cdn?.enabled) {
            for (const key of settings.cdn.signedUrlKeys ?? []) {
                new compute.BackendServiceSignedUrlKey(
                    `${name}-signed-url-key-${key.name}`,
                    {
                        name: key.name,
                        project: settings.project,
                        backendService: service.name,
                        keyValue: pulumi.secret(key.value),
                    },
                    replacementOptions(compute.BackendServiceSignedUrlKey, { parent }),
                );
            }
        }
        resource = service;
    }
    if (settings.iap?.enabled) {
        grantIapAccess(name, settings, resource.name, parent);
    }
    return { id: resource.id, name: resource.name, resource };
}

/** The role IAP checks on the backend service for every user. */
export const IAP_ACCESSOR_ROLE = "roles/iap.httpsResourceAccessor";

/** `roles/iap.httpsResourceAccessor` on an IAP-enabled backend service for each of `settings.iap.members`. */
function grantIapAccess(
    name: string,
    settings: BackendServiceSettings,
    backendServiceName: pulumi.Output<string>,
    parent: pulumi.Resource,
): void {
    const regional = schemeProfile(settings.scheme).scope === "regional";
    for (const member of settings.iap?.members ?? []) {
        const logical = `${name}-iap-${member.replace(/[^a-zA-Z0-9@.-]/g, "-")}`;
        if (regional) {
            new iap.WebRegionBackendServiceIamMember(
                logical,
                {
                    project: settings.project,
                    region: settings.region,
                    webRegionBackendService: backendServiceName,
                    role: IAP_ACCESSOR_ROLE,
                    member,
                },
                replacementOptions(iap.WebRegionBackendServiceIamMember, { parent }),
            );
        } else {
            new iap.WebBackendServiceIamMember(
                logical,
                { project: settings.project, webBackendService: backendServiceName, role: IAP_ACCESSOR_ROLE, member },
                replacementOptions(iap.WebBackendServiceIamMember, { parent }),
            );
        }
    }
}

/** The IAP service agent of a project, from its number. */
export function iapServiceAgent(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@gcp-sa-iap.iam.gserviceaccount.com`;
}

/**
 * `roles/run.invoker` for the IAP service agent on a Cloud Run service (in each of its regions), so
 * IAP's requests pass Cloud Run's IAM check without an `allUsers` invoker.
 * @see https://cloud.google.com/iap/docs/enabling-cloud-run
 */
export function grantIapInvoker(
    name: string,
    target: { project?: pulumi.Input<string>; service: pulumi.Input<string>; regions: string[] },
    parent: pulumi.Resource,
): cloudrunv2.ServiceIamMember[] {
    const project = organizations.getProjectOutput(
        { projectId: target.project === undefined ? undefined : pulumi.output(target.project) },
        { parent },
    );
    const member = project.number.apply(iapServiceAgent);
    return target.regions.map(
        (region) =>
            new cloudrunv2.ServiceIamMember(
                target.regions.length === 1 ? `${name}-iap-invoker` : `${name}-iap-invoker-${region}`,
                { project: target.project, location: region, name: target.service, role: "roles/run.invoker", member },
                replacementOptions(cloudrunv2.ServiceIamMember, { parent }),
            ),
    );
}
