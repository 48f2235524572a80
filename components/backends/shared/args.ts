/** Arguments every backend kind shares: logging, protocol, IAP, CDN, outlier detection, backend service settings. */
import * as pulumi from "@pulumi/pulumi";
import { Scheme } from "../../schemes";

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
    /**
     * Access Context Manager access levels every request must satisfy (context-aware access: device, IP,
     * region), as an IAM condition on each of `members`' `roles/iap.httpsResourceAccessor` grants. All
     * listed levels are required; for "any of", define one access level that combines them with OR.
     * Levels must be in the organization's access policy (IAP does not support scoped policies).
     * @default [] (identity only)
     * @example ["accessPolicies/123456789/accessLevels/corp_managed_device"]
     * @see https://cloud.google.com/iap/docs/cloud-iap-context-aware-access-howto
     */
    accessLevels?: string[];
}

/** The IAM condition that requires every access level, or undefined without levels. */
export function accessLevelCondition(accessLevels: readonly string[] | undefined) {
    if (!accessLevels || accessLevels.length === 0) {
        return undefined;
    }
    return {
        title: "context-aware access",
        description: `Requires access level${accessLevels.length > 1 ? "s" : ""} ${accessLevels.map((l) => l.split("/").pop()).join(", ")} (cloudrun-lb)`,
        expression: accessLevels.map((level) => `"${level}" in request.auth.access_levels`).join(" && "),
    };
}

/** An access level's resource name: `accessPolicies/<number>/accessLevels/<short name>`. */
export const ACCESS_LEVEL_NAME = /^accessPolicies\/[0-9]+\/accessLevels\/[A-Za-z][A-Za-z0-9_]{0,49}$/;

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
     * Upper bound on cache lifetime, seconds (only with CACHE_ALL_STATIC).
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
     * Cache lifetime per error or redirect status, with `negativeCaching` on. Statuses 300, 301, 302, 307,
     * 308, 404, 405, 410, 421, 451 and 501, each once; at most 1800 seconds.
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
     * HTTP status: 300, 301, 302, 307, 308, 404, 405, 410, 421, 451 or 501.
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
    /**
     * Id or self link of the Cloud Armor edge security policy (type CLOUD_ARMOR_EDGE) attached to the backend
     * service, evaluated before the Cloud CDN cache. Global external and classic only.
     * @default undefined
     * @example "projects/p/global/securityPolicies/edge-geo"
     */
    edgeSecurityPolicy?: pulumi.Input<string>;
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
