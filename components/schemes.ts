/**
 * What each Application Load Balancer scheme is made of and what it supports.
 *
 * One table drives three things: which GCP resource kinds the components create for a scheme,
 * which options validation rejects for it, and the README's feature-per-scheme table.
 * The source of each row (Google's documentation page, or the provider's field) is kept next to it, so the
 * table can be re-checked.
 */
import { COMPUTE_MESSAGES } from "./sources";

/**
 * The load balancer schemes GCP offers for Cloud Run backends.
 * @see https://cloud.google.com/load-balancing/docs/application-load-balancer
 */
export const Scheme = {
    /** Regional internal Application Load Balancer (INTERNAL_MANAGED, regional resources). */
    RegionalInternal: "regional-internal",
    /** Cross-region internal Application Load Balancer (INTERNAL_MANAGED, global resources). */
    CrossRegionInternal: "cross-region-internal",
    /** Regional external Application Load Balancer (EXTERNAL_MANAGED, regional resources). */
    RegionalExternal: "regional-external",
    /** Global external Application Load Balancer (EXTERNAL_MANAGED, global resources). */
    GlobalExternal: "global-external",
    /** Classic Application Load Balancer (EXTERNAL, global resources). */
    Classic: "classic",
} as const;
export type Scheme = (typeof Scheme)[keyof typeof Scheme];

export const allSchemes: readonly Scheme[] = Object.values(Scheme);

/** The resources and fixed settings that make up one scheme. */
export interface SchemeProfile {
    scheme: Scheme;
    /** Human name used in messages and docs. */
    title: string;
    /** `loadBalancingScheme` on every backend service and forwarding rule. */
    loadBalancingScheme: "INTERNAL_MANAGED" | "EXTERNAL_MANAGED" | "EXTERNAL";
    /** Regional: RegionBackendService, RegionUrlMap, Region*Proxy, ForwardingRule. Global: the global kinds. */
    scope: "regional" | "global";
    internal: boolean;
    /** Purpose of the proxy-only subnet the scheme needs, if any. */
    proxyOnlySubnetPurpose?: "REGIONAL_MANAGED_PROXY" | "GLOBAL_MANAGED_PROXY";
    /** Whether the forwarding rule sets `network` (Envoy-based schemes). */
    forwardingRuleNeedsNetwork: boolean;
    /** Whether the VIP comes from a subnet of the VPC (internal schemes). */
    addressFromSubnet: boolean;
    /** Serverless NEGs allowed per backend service: one, or one per region. */
    serverlessNegsPerBackendService: "one" | "one-per-region";
    /**
     * Largest URL map, bytes: 64 KB on classic, 1 MB elsewhere
     * (https://cloud.google.com/load-balancing/docs/quotas#url_maps).
     */
    urlMapSizeBytes: number;
    /**
     * Whether every backend of a backend service must carry `capacityScaler` (regional EXTERNAL_MANAGED; the
     * provider demands it there, https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts).
     */
    backendsNeedCapacityScaler: boolean;
    /**
     * Whether a backend service in another project may be referenced only within a Shared VPC (the regional and
     * internal schemes) rather than from any project (global external); where cross-project referencing exists
     * at all is the `crossProjectBackend` feature.
     * @see https://cloud.google.com/load-balancing/docs/https/setup-cross-project-backend-service-backend-bucket
     */
    crossProjectBackendsNeedSharedVpc: boolean;
    /**
     * Where the mTLS custom request headers are set: on the backend services (global external, classic) or in the
     * URL map (the Envoy-based regional and internal schemes) — https://cloud.google.com/load-balancing/docs/https/custom-headers.
     */
    clientCertificateHeadersOn: "backend-service" | "url-map";
}

export const schemeProfiles: Record<Scheme, SchemeProfile> = {
    "regional-internal": {
        scheme: "regional-internal",
        title: "regional internal Application Load Balancer",
        loadBalancingScheme: "INTERNAL_MANAGED",
        scope: "regional",
        internal: true,
        proxyOnlySubnetPurpose: "REGIONAL_MANAGED_PROXY",
        forwardingRuleNeedsNetwork: true,
        addressFromSubnet: true,
        serverlessNegsPerBackendService: "one",
        urlMapSizeBytes: 1_000_000,
        backendsNeedCapacityScaler: false,
        crossProjectBackendsNeedSharedVpc: true,
        clientCertificateHeadersOn: "url-map",
    },
    "cross-region-internal": {
        scheme: "cross-region-internal",
        title: "cross-region internal Application Load Balancer",
        loadBalancingScheme: "INTERNAL_MANAGED",
        scope: "global",
        internal: true,
        proxyOnlySubnetPurpose: "GLOBAL_MANAGED_PROXY",
        forwardingRuleNeedsNetwork: true,
        addressFromSubnet: true,
        serverlessNegsPerBackendService: "one-per-region",
        urlMapSizeBytes: 1_000_000,
        backendsNeedCapacityScaler: false,
        crossProjectBackendsNeedSharedVpc: true,
        clientCertificateHeadersOn: "url-map",
    },
    "regional-external": {
        scheme: "regional-external",
        title: "regional external Application Load Balancer",
        loadBalancingScheme: "EXTERNAL_MANAGED",
        scope: "regional",
        internal: false,
        proxyOnlySubnetPurpose: "REGIONAL_MANAGED_PROXY",
        forwardingRuleNeedsNetwork: true,
        addressFromSubnet: false,
        serverlessNegsPerBackendService: "one",
        urlMapSizeBytes: 1_000_000,
        backendsNeedCapacityScaler: true,
        crossProjectBackendsNeedSharedVpc: true,
        clientCertificateHeadersOn: "url-map",
    },
    "global-external": {
        scheme: "global-external",
        title: "global external Application Load Balancer",
        loadBalancingScheme: "EXTERNAL_MANAGED",
        scope: "global",
        internal: false,
        forwardingRuleNeedsNetwork: false,
        addressFromSubnet: false,
        serverlessNegsPerBackendService: "one-per-region",
        urlMapSizeBytes: 1_000_000,
        backendsNeedCapacityScaler: false,
        crossProjectBackendsNeedSharedVpc: false,
        clientCertificateHeadersOn: "backend-service",
    },
    classic: {
        scheme: "classic",
        title: "classic Application Load Balancer",
        loadBalancingScheme: "EXTERNAL",
        scope: "global",
        internal: false,
        forwardingRuleNeedsNetwork: false,
        addressFromSubnet: false,
        serverlessNegsPerBackendService: "one-per-region",
        urlMapSizeBytes: 64_000,
        backendsNeedCapacityScaler: false,
        crossProjectBackendsNeedSharedVpc: false,
        clientCertificateHeadersOn: "backend-service",
    },
};

export function schemeProfile(scheme: Scheme): SchemeProfile {
    return schemeProfiles[scheme];
}

/**
 * Whether the frontend (addresses, forwarding rules) is regional: on the regional schemes, and on classic
 * in Standard Tier — "Classic | Global in Premium Tier, Regional in Standard Tier" (Application Load
 * Balancer overview); "Global forwarding rules can only be Premium Tier. Regional forwarding rules can be
 * either Premium or Standard Tier" (Compute API, Address.networkTier). Classic's target proxy and URL map
 * stay global: there is no regional EXTERNAL target proxy.
 */
export function regionalFrontend(scheme: Scheme, networkTier: string | undefined): boolean {
    return schemeProfile(scheme).scope === "regional" || (scheme === "classic" && networkTier === "STANDARD");
}

export function isScheme(value: unknown): value is Scheme {
    return typeof value === "string" && (allSchemes as readonly string[]).includes(value);
}

/** Every capability key of {@link featureTable}: a misspelt key fails `tsc`, wherever a scheme is gated. */
export const featureKeys = [
    "hostPathRouting",
    "headerQueryMatch",
    "urlRewrite",
    "redirect",
    "weightedSplits",
    "urlMapHeaderAction",
    "regexMatch",
    "pathTemplate",
    "faultInjection",
    "defaultStatus",
    "retriesTimeoutCors",
    "requestMirroring",
    "hostPort",
    "urlMapTests",
    "customErrorResponses",
    "multiRegionServerless",
    "outlierDetection",
    "backendCustomHeaders",
    "globalInternetNeg",
    "regionalInternetNeg",
    "hybridNeg",
    "backendBucket",
    "bucketInSplit",
    "crossProjectBackend",
    "googleManagedCertificate",
    "selfManagedCertificate",
    "certificateMap",
    "certificateManagerCertificates",
    "managedCertificate",
    "fixedRecordDnsAuthorization",
    "dnsRecords",
    "sslPolicy",
    "quicOverride",
    "ipv6",
    "httpsRedirect",
    "standardTier",
    "allowGlobalAccess",
    "cdn",
    "iap",
    "iapMultiRegionServerless",
    "cloudArmor",
    "privateCaCertificate",
    "clientCertificates",
    "clientCertificateHeaders",
    "iapAccessLevels",
    "cloudArmorGeo",
    "edgeSecurityPolicy",
    "cloudArmorRedirect",
    "pscPublish",
    "authorizationPolicy",
    "authorizationPrincipals",
] as const;
/** One capability key of {@link featureTable}. */
export type Feature = (typeof featureKeys)[number];

/** One optional capability and the schemes that have it. */
export interface FeatureSupport {
    /** Stable key used by validation. */
    feature: Feature;
    /** What a reader sees in the README table. */
    title: string;
    /** The argument path that turns the feature on, as it appears in error messages. */
    option: string;
    supported: Record<Scheme, boolean>;
    /** What to do instead on a scheme without the feature. */
    alternative: string;
    /** Where the fact comes from: Google's documentation page, or the provider or API field. */
    source: string;
}

function only(...schemes: Scheme[]): Record<Scheme, boolean> {
    return Object.fromEntries(allSchemes.map((s) => [s, schemes.includes(s)])) as Record<Scheme, boolean>;
}
const ALL = only(...allSchemes);
const NOT_CLASSIC = only("regional-internal", "cross-region-internal", "regional-external", "global-external");
const GLOBAL_EXTERNAL_AND_CLASSIC = only("global-external", "classic");
const REGIONAL = only("regional-internal", "regional-external");

/**
 * The capability table. Validation looks features up by `feature`; the README table is rendered
 * from it (see `renderFeatureTable`).
 */
export const featureTable: FeatureSupport[] = [
    {
        feature: "hostPathRouting",
        title: "Host and path routing",
        option: "routes[].hosts / routes[].paths",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "headerQueryMatch",
        title: "Header and query-parameter matches",
        option: "routes[].headers / routes[].queryParameters",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "urlRewrite",
        title: "URL rewrite (path prefix, host)",
        option: "routes[].rewrite",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts",
    },
    {
        feature: "redirect",
        title: "Redirects",
        option: "routes[].redirect",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "weightedSplits",
        title: "Weighted traffic splits",
        option: "routes[].split",
        supported: NOT_CLASSIC,
        alternative:
            "use scheme global-external (classic can migrate in place), or split traffic with Cloud Run revisions",
        source: "https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "urlMapHeaderAction",
        title: "Request/response header actions in the URL map",
        option: "routes[].requestHeaders / responseHeaders",
        supported: NOT_CLASSIC,
        alternative: "use scheme global-external, or customRequestHeaders on the backend",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts, https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "regexMatch",
        title: "Regular-expression matches",
        option: "routes[].regex",
        supported: only("regional-internal", "cross-region-internal", "regional-external"),
        alternative: "use a path template (routes[].pathTemplate) or prefix matches, or a regional or internal scheme",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts, https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "pathTemplate",
        title: "Path templates and template rewrites",
        option: "routes[].pathTemplate",
        supported: NOT_CLASSIC,
        alternative: "use prefix paths, or scheme global-external",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts, https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "faultInjection",
        title: "Fault injection",
        option: "routes[].faultInjection",
        supported: NOT_CLASSIC,
        alternative: "use scheme global-external",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts, https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "defaultStatus",
        title: "Fixed status for unmatched requests (defaultStatus)",
        option: "defaultStatus",
        // The default route action aborts with the status by fault injection, which classic maps do not take.
        supported: NOT_CLASSIC,
        alternative:
            "set defaultBackend (a bucket backend answers 404 for a path it has no object for), or use scheme global-external",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts#default_route_action",
    },
    {
        feature: "retriesTimeoutCors",
        title: "Retries, route timeout, CORS",
        option: "routes[].retry / timeout / cors",
        supported: NOT_CLASSIC,
        alternative: "use scheme global-external",
        source: "https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "requestMirroring",
        title: "Request mirroring (not to serverless backends)",
        option: "routes[].mirror",
        supported: NOT_CLASSIC,
        alternative: "use scheme global-external with a non-serverless mirror target",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts, https://cloud.google.com/load-balancing/docs/features",
    },
    {
        feature: "hostPort",
        title: "host:port in host rules",
        option: "routes[].hosts",
        supported: NOT_CLASSIC,
        alternative: "drop the port: classic matches the hostname only",
        source: "https://cloud.google.com/load-balancing/docs/url-map-concepts",
    },
    {
        feature: "urlMapTests",
        title: "URL map tests emitted to GCP",
        option: "tests",
        supported: only("classic", "global-external", "regional-external"),
        alternative: "tests still run offline at preview; GCP does not run them for internal schemes",
        source: "https://cloud.google.com/load-balancing/docs/url-map",
    },
    {
        feature: "customErrorResponses",
        title: "Custom error responses (error pages from a backend bucket)",
        option: "customErrorResponses / routes[].customErrorResponses",
        supported: only("global-external"),
        alternative: "use scheme global-external, or let the backend serve its own error pages",
        source: "https://cloud.google.com/load-balancing/docs/features; Compute API UrlMap.defaultCustomErrorResponsePolicy, PathRule/HttpRouteRule.customErrorResponsePolicy: 'supported only for global external Application Load Balancers', errorService: 'the BackendBucket resource that contains the custom error content'",
    },
    {
        feature: "multiRegionServerless",
        title: "One service in several regions behind one backend (Premium tier)",
        option: "backends.<key>.cloudRun.regions",
        supported: only("global-external", "classic", "cross-region-internal"),
        alternative: "use scheme global-external (or cross-region-internal), or one load balancer per region",
        source: "https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts",
    },
    {
        feature: "outlierDetection",
        title: "Outlier detection with serverless NEGs",
        option: "backends.<key>.outlierDetection",
        supported: only("global-external", "cross-region-internal"),
        alternative: "use scheme global-external or cross-region-internal",
        source: "https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts",
    },
    {
        feature: "backendCustomHeaders",
        title: "Custom request/response headers on the backend service (Host override)",
        option: "backends.<key>.customRequestHeaders",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative:
            "set other headers in routes (routes[].requestHeaders), and the Host header with routes[].rewrite.host (URL map urlRewrite.hostRewrite, on every scheme); for Cloud Run in another project use cross-project service referencing",
        source: "https://cloud.google.com/load-balancing/docs/https/custom-headers; RegionBackendService has no customRequestHeaders (pulumi-gcp 9.37); RegionUrlMap urlRewrite.hostRewrite: 'the request's host header is replaced with contents of hostRewrite' (pulumi-gcp 9.37)",
    },
    {
        feature: "globalInternetNeg",
        title: "Global internet NEG (FQDN/IP, one endpoint)",
        option: "backends.<key>.internet",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative: "regional schemes use a regional internet NEG (port required, no Host override)",
        source: "https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts",
    },
    {
        feature: "regionalInternetNeg",
        title: "Regional internet NEG (up to 256 endpoints)",
        option: "backends.<key>.internet",
        supported: REGIONAL,
        alternative: "global schemes use a global internet NEG",
        source: "https://cloud.google.com/load-balancing/docs/negs/internet-neg-concepts",
    },
    {
        feature: "hybridNeg",
        title: "Hybrid NEG (on-prem IP:port)",
        option: "backends.<key>.hybrid",
        supported: ALL,
        alternative: "",
        source: "hybrid-neg-concepts: all five Application Load Balancer schemes support hybrid NEGs",
    },
    {
        feature: "backendBucket",
        title: "Cloud Storage bucket backend (backend bucket)",
        option: "backends.<key>.bucket",
        supported: only("cross-region-internal", "global-external", "classic"),
        alternative:
            "use scheme global-external (cross-region-internal for internal clients), or serve the files from Cloud Run: GCP has regional backend buckets, but pulumi-gcp's RegionUrlMap turns every backend reference into a backend service link, so a regional URL map cannot reach one",
        source: "docs.cloud.google.com/load-balancing/docs/backend-bucket (all five schemes); BackendBucket.loadBalancingScheme 'can only be INTERNAL_MANAGED for cross-region internal' (Compute API); terraform-provider-google-beta resource_compute_region_url_map.go parses every service reference as backendServices (hashicorp/terraform-provider-google#26894, #27773, open)",
    },
    {
        feature: "bucketInSplit",
        title: "Backend buckets in weighted splits or as mirror targets",
        option: "routes[].split[].backend / routes[].mirror.backend",
        supported: only(),
        alternative:
            "route the bucket's paths to it with routes[].backend, and split or mirror only between backend services",
        source: "Compute API WeightedBackendService.backendService and RequestMirrorPolicy.backendService name a BackendService; no source allows a backend bucket there (UNCONFIRMED, rejected to be safe)",
    },
    {
        feature: "crossProjectBackend",
        title: "Cross-project service referencing",
        option: "backends.<key>.backendService",
        supported: NOT_CLASSIC,
        alternative: "use scheme global-external, or an internet NEG",
        source: "https://cloud.google.com/load-balancing/docs/https/setup-cross-project-backend-service-backend-bucket",
    },
    {
        feature: "googleManagedCertificate",
        title: "Google-managed certificate (Compute)",
        option: "https.managedDomains",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative:
            "give a self-managed certificate (https.certificate), or Certificate Manager certificates (https.certificateManagerCertificates), which can be Google-managed with DNS authorization",
        source: "https://cloud.google.com/certificate-manager/docs/deploy, https://cloud.google.com/load-balancing/docs/https/setting-up-reg-ext-https-serverless, https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless",
    },
    {
        feature: "selfManagedCertificate",
        title: "Compute SSL certificates (self-managed, or existing ones by id)",
        option: "https.certificate / https.certificates",
        supported: only("regional-internal", "regional-external", "global-external", "classic"),
        alternative: "use Certificate Manager certificates (https.certificateManagerCertificates)",
        source: "https://cloud.google.com/certificate-manager/docs/deploy (cross-region internal: UNCONFIRMED, assumed unsupported)",
    },
    {
        feature: "certificateMap",
        title: "Certificate Manager certificate map",
        option: "https.certificateMap",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative: "reference certificates directly with https.certificateManagerCertificates",
        source: "https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless; TargetHttpsProxy.certificateMap: only EXTERNAL and EXTERNAL_MANAGED",
    },
    {
        feature: "certificateManagerCertificates",
        title: "Certificate Manager certificates referenced directly",
        option: "https.certificateManagerCertificates",
        supported: only("regional-internal", "cross-region-internal", "regional-external"),
        alternative:
            "put the certificates in a Certificate Manager certificate map and give https.certificateMap, or use https.managedDomains",
        source: "https://cloud.google.com/certificate-manager/docs/deploy, https://cloud.google.com/load-balancing/docs/https/setting-up-reg-ext-https-serverless; provider docs: direct certificates only for INTERNAL_MANAGED on global proxies (API: 'Cloud certificate reference is not supported for TargetHttpsProxy creation', terraform-provider-google#24730)",
    },
    {
        feature: "managedCertificate",
        title: "Google-managed certificates via Certificate Manager (DNS authorization, wildcards), created",
        option: "https.managedCertificate",
        supported: ALL,
        alternative: "",
        source: "Certificate Manager overview (all five Application Load Balancers); deploy-google-managed-dns-auth; https://cloud.google.com/certificate-manager/docs/deploy (regional: regional DNS authorization, PER_PROJECT_RECORD)",
    },
    {
        feature: "privateCaCertificate",
        title: "Google-managed certificates from a private CA (CA Service pool, no public DNS), created",
        option: "https.managedCertificate.caPool",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/certificate-manager/docs/deploy-google-managed-cas (global: global external, classic), and its cross-region and regional guides (cross-region internal: global ALL_REGIONS; regional external and internal: regional)",
    },
    {
        feature: "fixedRecordDnsAuthorization",
        title: "FIXED_RECORD DNS authorization (global certificates)",
        option: "https.managedCertificate.dnsAuthorizationType",
        supported: only("cross-region-internal", "global-external", "classic"),
        alternative:
            "remove dnsAuthorizationType: regional Google-managed certificates take only PER_PROJECT_RECORD DNS authorizations (the default)",
        source: "https://cloud.google.com/certificate-manager/docs/deploy; certificate-manager/docs/deploy-google-managed-regional",
    },
    {
        feature: "dnsRecords",
        title: "Cloud DNS records for the VIP (A/AAAA; geolocation per region on cross-region internal) and DNS authorization CNAMEs",
        option: "dns",
        supported: ALL,
        alternative: "",
        source: "Cloud DNS records and routing policies (geolocation); dns.RecordSet in pulumi-gcp",
    },
    {
        feature: "sslPolicy",
        title: "SSL policy (MODERN, TLS 1.2 minimum by default)",
        option: "https.sslPolicy",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/certificate-manager/docs/deploy, https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless",
    },
    {
        feature: "clientCertificates",
        title: "Frontend mutual TLS (trust config + server TLS policy on the HTTPS proxy)",
        option: "https.clientCertificates",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/mtls: mTLS is configured on the target HTTPS proxy of all Application Load Balancers (global external, classic, regional external, regional internal, cross-region internal)",
    },
    {
        feature: "clientCertificateHeaders",
        title: "mTLS custom request headers (backend services on global external and classic, URL map elsewhere)",
        option: "https.clientCertificates.headers",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/https/setting-up-mtls-global-ext-https, 'Add mTLS custom headers': backend services for global external and classic, the URL map's requestHeadersToAdd for cross-region internal, regional external and regional internal",
    },
    {
        feature: "quicOverride",
        title: "QUIC (HTTP/3) override",
        option: "https.quic",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative: "remove https.quic: regional and internal proxies have no QUIC setting",
        source: "https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless, https://github.com/hashicorp/terraform-provider-google/tree/v7.45.0/google/services/compute",
    },
    {
        feature: "ipv6",
        title: "IPv6 (dual stack) frontend",
        option: "ipv6",
        supported: only("regional-external", "global-external", "classic"),
        alternative:
            "use scheme global-external or regional-external for an IPv6 frontend, or remove ipv6 (internal schemes here serve IPv4)",
        source: "Application Load Balancer overview, deployment table: global external, regional external and classic 'IPv4 IPv6' (classic: 'requires Premium Tier'); a regional IPv6 forwarding rule needs a subnetwork ('a subnetwork must be specified … when creating external forwarding rule with IPv6', pulumi-gcp ForwardingRule)",
    },
    {
        feature: "httpsRedirect",
        title: "HTTP→HTTPS redirect",
        option: "https.redirectHttp",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless",
    },
    {
        feature: "standardTier",
        title: "Standard network tier",
        option: "networkTier",
        supported: only("regional-external", "classic"),
        alternative:
            "use PREMIUM (the default): global external is Premium only ('For GlobalForwardingRule, the valid value is PREMIUM'), Standard tier exists on regional-external and classic (a regional frontend)",
        source: "Application Load Balancer overview: regional external 'Premium or Standard Tier', classic 'Global in Premium Tier, Regional in Standard Tier'; Compute API Address.networkTier: 'Global forwarding rules can only be Premium Tier. Regional forwarding rules can be either Premium or Standard Tier'",
    },
    {
        feature: "allowGlobalAccess",
        title: "Global access to the internal VIP",
        option: "allowGlobalAccess",
        supported: only("regional-internal"),
        alternative:
            "cross-region-internal serves every region it is given; external schemes are reachable from anywhere",
        source: "https://cloud.google.com/load-balancing/docs/forwarding-rule-concepts",
    },
    {
        feature: "cdn",
        title: "Cloud CDN (backend services and backend buckets; signed URL keys)",
        option: "backends.<key>.cdn",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative: "use scheme global-external",
        source: "https://cloud.google.com/load-balancing/docs/https/setting-up-reg-ext-https-serverless, https://cloud.google.com/load-balancing/docs/https/setting-up-https-serverless; BackendBucket.enableCdn 'cannot be set to true when loadBalancingScheme is set to INTERNAL_MANAGED' (pulumi-gcp compute.BackendBucket); RegionBackendBucket: 'Cloud CDN cannot be enabled'",
    },
    {
        feature: "iap",
        title: "Identity-Aware Proxy on the backend service",
        option: "backends.<key>.iap",
        supported: ALL,
        alternative: "",
        source: "https://cloud.google.com/iap/docs/enabling-cloud-run",
    },
    {
        feature: "iapAccessLevels",
        title: "Context-aware IAP (access levels as IAM conditions on the accessor grants)",
        option: "backends.<key>.iap.accessLevels",
        supported: ALL,
        alternative: "",
        source: `https://cloud.google.com/iap/docs/cloud-iap-context-aware-access-howto: access levels are enforced as IAM conditions on the IAP-secured resource's binding (request.auth.access_levels); IAP works on every scheme (BackendService.iap: 'Not available for internal passthrough Network Load Balancers and external passthrough Network Load Balancers', ${COMPUTE_MESSAGES})`,
    },
    {
        feature: "iapMultiRegionServerless",
        title: "IAP on a backend with serverless NEGs in several regions",
        option: "backends.<key>.iap with cloudRun.regions",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative:
            "keep IAP on a backend in one region (cloudRun.region), or use scheme global-external for IAP in front of several regions",
        source: "setting-up-l7-cross-reg-serverless: 'If Identity-Aware Proxy is enabled, only a single serverless NEG is supported'; iap/docs/load-balancer-howto: external Application Load Balancers with IAP take serverless NEGs of 'one or more Cloud Run services'; regional schemes take one serverless NEG per backend service anyway",
    },
    {
        feature: "cloudArmor",
        title: "Cloud Armor security policy",
        option: "backends.<key>.securityPolicy",
        supported: only("regional-internal", "regional-external", "global-external", "classic"),
        alternative:
            "cross-region internal has no Cloud Armor support (UNCONFIRMED, assumed): use scheme regional-internal",
        source: "https://cloud.google.com/armor/docs/security-policy-overview",
    },
    {
        feature: "cloudArmorGeo",
        title: "Cloud Armor geo rules (origin.region_code)",
        option: "backends.<key>.securityPolicy.create.geo",
        // Internal clients are VPC addresses with no geolocation: a geo allow list would deny every client.
        supported: only("regional-external", "global-external", "classic"),
        alternative:
            "internal clients have no region code (UNCONFIRMED, assumed): restrict them with securityPolicy.create.allowIpRanges",
        source: "https://cloud.google.com/armor/docs/rules-language-reference",
    },
    {
        feature: "edgeSecurityPolicy",
        title: "Cloud Armor edge security policy (before the Cloud CDN cache; backend buckets and backend services)",
        option: "backends.<key>.edgeSecurityPolicy",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative:
            "use scheme global-external for an edge policy; regional schemes take a backend policy (securityPolicy) on backend services, and cross-region internal has no Cloud Armor",
        source: "https://cloud.google.com/armor/docs/security-policy-overview#edge-policies ('Edge security policies are supported for the following endpoints: Global external Application Load Balancer, Classic Application Load Balancer'; attachment point: backend service, backend bucket)",
    },
    {
        feature: "cloudArmorRedirect",
        title: "Cloud Armor redirect rules (reCAPTCHA challenge, 302 to a URL)",
        option: "backends.<key>.securityPolicy.create.rules[].redirect",
        supported: GLOBAL_EXTERNAL_AND_CLASSIC,
        alternative:
            "redirect rules are for global backend policies only: use scheme global-external, or deny the request (action deny(403))",
        source: "https://cloud.google.com/compute/docs/reference/rest/v1/securityPolicies (SecurityPolicyRule.action: redirect 'is only supported in Global Security Policies of type CLOUD_ARMOR'; gcloud's compute_v1_messages.py says the same); https://cloud.google.com/armor/docs/security-policy-overview (rule actions by policy type)",
    },
    {
        feature: "pscPublish",
        title: "Publish over Private Service Connect (service attachment)",
        option: "publish",
        supported: only("regional-internal", "cross-region-internal"),
        alternative:
            "use scheme regional-internal (or cross-region-internal) and publish that; external schemes are not offered as Private Service Connect producers here (regional external UNCONFIRMED, refused as the safe choice)",
        source: "https://cloud.google.com/vpc/docs/about-vpc-hosted-services; https://github.com/GoogleCloudPlatform/magic-modules/blob/main/mmv1/templates/terraform/examples/service_attachment_cross_region_ilb.tf.tmpl",
    },
    {
        feature: "authorizationPolicy",
        title: "L7 authorization policies on the forwarding rules (allow/deny by source, host, path, method, header)",
        option: "authorization",
        supported: NOT_CLASSIC,
        alternative:
            "use scheme global-external (a classic load balancer migrates in place: migrationStage), or Cloud Armor (backends.<key>.securityPolicy) for source-address and path rules",
        source: "https://cloud.google.com/load-balancing/docs/auth-policy/auth-policy-overview: authorization policies attach to the forwarding rules of Application Load Balancers with scheme EXTERNAL_MANAGED or INTERNAL_MANAGED (global external, regional external, regional internal, cross-region internal); AuthzPolicy.target.loadBalancingScheme takes INTERNAL_MANAGED or EXTERNAL_MANAGED (google/cloud/networksecurity/v1/authz_policy.proto)",
    },
    {
        feature: "authorizationPrincipals",
        title: "Authorization by client certificate identity (principals: URI SAN, DNS name SAN, common name)",
        option: "authorization.<allow|deny>[].principals",
        supported: only("regional-internal", "cross-region-internal", "regional-external"),
        alternative:
            "match the mTLS verdict at the backend (https.clientCertificates.headers, e.g. client_cert_uri_sans), or use scheme regional-external",
        source: "google/cloud/networksecurity/v1/authz_policy.proto, AuthzRule.From.RequestSource.principals: 'Limited to 50 principals per Authorization Policy for regional internal Application Load Balancers, regional external Application Load Balancers, cross-region internal Application Load Balancers … This field is not supported for global external Application Load Balancers'",
    },
];

const featuresByKey = new Map(featureTable.map((f) => [f.feature, f]));

export function featureSupport(feature: Feature): FeatureSupport {
    const found = featuresByKey.get(feature);
    if (!found) {
        throw new Error(`cloudrun-lb internal error: unknown feature "${feature}"`);
    }
    return found;
}

export function supports(scheme: Scheme, feature: Feature): boolean {
    return featureSupport(feature).supported[scheme];
}

/** The feature table as Markdown, one column per scheme; the README embeds exactly this. */
export function renderFeatureTable(): string {
    const header = `| Feature | ${allSchemes.join(" | ")} |`;
    const rule = `|---|${allSchemes.map(() => "---").join("|")}|`;
    const rows = featureTable.map(
        (f) => `| ${f.title} | ${allSchemes.map((s) => (f.supported[s] ? "✓" : "—")).join(" | ")} |`,
    );
    return [header, rule, ...rows].join("\n");
}
