/**
 * A spread of valid Args that sets every user-facing option at least once, with distinctive values (strings
 * carrying "zq", unusual numbers), so the completeness test can tell the GCP fields the user's values reach
 * from those the package sets itself.
 */
import type { ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { CERT, KEY } from "./fixtures";

const EU = "europe-west1";

export const constraintSpread: Record<string, ApplicationLoadBalancerArgs> = {
    global: {
        scheme: "global-external",
        project: "spread-project-1",
        labels: { "team-zq": "web-zq" },
        backends: {
            web: {
                cloudRun: { service: "web-zq", region: EU },
                description: "web zq",
                logging: { enabled: true, sampleRate: 0.37 },
                customRequestHeaders: ["x-zq-client:{client_region}"],
                cdn: {
                    enabled: true,
                    cacheMode: "CACHE_ALL_STATIC",
                    defaultTtl: 4321,
                    maxTtl: 54321,
                    clientTtl: 4322,
                    negativeCaching: true,
                    negativeCachingTtls: [{ code: 404, ttl: 1234 }],
                    cacheKey: { queryParameters: ["qzq"], headers: ["x-zq-key"] },
                    signedUrlCacheMaxAgeSeconds: 7777,
                },
                outlierDetection: {
                    consecutiveErrors: 11,
                    consecutiveGatewayErrors: 13,
                    intervalSeconds: 17,
                    baseEjectionTimeSeconds: 19,
                    maxEjectionPercent: 23,
                },
                securityPolicy: {
                    create: {
                        allowIpRanges: ["203.0.113.0/24"],
                        denyIpRanges: ["198.51.100.0/24"],
                        preconfiguredWaf: ["sqli-v33-stable"],
                        rateLimit: { count: 987, intervalSec: 120, action: "ban", banDurationSec: 600 },
                        rateLimits: [{ paths: ["/login-zq"], count: 986, intervalSec: 180 }],
                        geo: { deny: ["ZQ"] },
                        rules: [
                            {
                                priority: 777,
                                action: "deny(404)",
                                expression: "request.path.startsWith('/zq')",
                                description: "zq rule",
                                preview: true,
                            },
                            {
                                priority: 779,
                                action: "redirect",
                                expression: "request.path.startsWith('/zq-old')",
                                redirect: { type: "EXTERNAL_302", target: "https://moved-zq.example.com/" },
                            },
                        ],
                        adaptiveProtection: true,
                    },
                },
            },
            tagged: { cloudRun: { service: "tagged-zq", tag: "tagzq", region: EU } },
            many: { cloudRun: { service: "many-zq", regions: [EU, "us-central1"] } },
            admin: {
                cloudRun: { service: "admin-zq", region: EU },
                iap: { enabled: true, members: ["group:admins-zq@example.com", "domain:zq.example.com"] },
            },
            mask: { cloudRun: { urlMask: "zq.example.com/<service>", region: EU } },
            legacy: {
                internet: {
                    fqdn: "legacy-zq.example.com",
                    port: 8443,
                    protocol: "HTTPS",
                    hostOverride: "host-zq.example.com",
                },
            },
            ip: { internet: { ipAddress: "203.0.113.77", port: 8444 } },
            site: {
                bucket: {
                    create: {
                        location: "EU",
                        name: "site-zq",
                        website: { mainPageSuffix: "index-zq.html", notFoundPage: "404-zq.html" },
                        publicRead: true,
                        forceDestroy: true,
                    },
                },
                edgeSecurityPolicy: {
                    create: {
                        allowIpRanges: ["192.0.2.0/24"],
                        denyIpRanges: ["192.0.2.128/25"],
                        geo: { deny: ["ZX"] },
                        rateLimit: { count: 983, intervalSec: 300 },
                        rules: [
                            {
                                priority: 773,
                                action: "deny(502)",
                                expression: "inIpRange(origin.ip, '198.18.0.0/15')",
                                description: "zq edge rule",
                            },
                        ],
                    },
                },
            },
            assets: { bucket: { name: "assets-zq" } },
        },
        defaultBackend: "web",
        routes: [
            {
                hosts: ["zq.example.com"],
                paths: ["/zq/*"],
                backend: "tagged",
                rewrite: { pathPrefix: "/zq-rewritten/", host: "rewrite-zq.example.com" },
            },
            {
                hosts: ["api-zq.example.com"],
                headers: [{ name: "x-zq-canary", exact: "yes-zq" }],
                queryParameters: [{ name: "zqparam", exact: "zqvalue" }],
                split: [
                    { backend: "web", weight: 37 },
                    { backend: "tagged", weight: 63 },
                ],
                requestHeaders: { add: [{ name: "x-zq-req", value: "zq-req", replace: true }], remove: ["x-zq-drop"] },
                responseHeaders: { add: [{ name: "x-zq-res", value: "zq-res" }] },
                retry: { attempts: 7, perTryTimeoutSeconds: 29, conditions: ["5xx"] },
                timeoutSeconds: 31,
                cors: { allowOrigins: ["https://zq.example.com"], allowMethods: ["GET"], maxAgeSeconds: 4999 },
                faultInjection: {
                    abort: { httpStatus: 503, percentage: 4.5 },
                    delay: { seconds: 43, percentage: 5.5 },
                },
            },
            {
                hosts: ["old-zq.example.com"],
                redirect: { host: "new-zq.example.com", path: "/zq-new", code: "FOUND", stripQuery: true },
            },
            {
                hosts: ["docs-zq.example.com"],
                pathTemplate: "/zq/{id=*}",
                backend: "web",
                rewrite: { pathTemplate: "/zq2/{id}" },
            },
            {
                hosts: ["static-zq.example.com"],
                paths: ["/zq-static/*"],
                backend: "site",
                customErrorResponses: { rules: [{ statusCodes: ["4xx"], path: "/zq-4xx.html" }], backend: "site" },
            },
            { hosts: ["mirror-zq.example.com"], backend: "web", mirror: { backend: "legacy" } },
        ],
        requestHeaders: { add: [{ name: "x-zq-top", value: "zq-top" }] },
        customErrorResponses: {
            rules: [{ statusCodes: ["5xx"], path: "/zq-5xx.html", overrideStatus: 503 }],
            backend: "site",
        },
        tests: [{ host: "zq.example.com", path: "/zq/a", backend: "tagged", description: "zq test" }],
        https: {
            managedCertificate: {
                domains: ["zq.example.com", "api-zq.example.com"],
                dnsAuthorizationType: "FIXED_RECORD",
            },
            sslPolicy: {
                profile: "CUSTOM",
                minTlsVersion: "TLS_1_2",
                customFeatures: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
            },
            quic: "ENABLE",
        },
        dns: { zone: "zq-zone", names: ["zq.example.com"], ttl: 3333, project: "spread-dns-project" },
    },
    internal: {
        scheme: "regional-internal",
        region: EU,
        project: "spread-project-2",
        network: { create: { subnetCidr: "10.77.0.0/24", proxyOnlyCidr: "10.78.0.0/23" } },
        address: { ip: "10.77.0.77" },
        allowGlobalAccess: true,
        backends: {
            orders: {
                cloudRun: { service: "orders-zq" },
                loadBalancerServiceUsers: ["serviceAccount:ci-zq@spread-project-2.iam.gserviceaccount.com"],
                iap: { enabled: true, members: ["user:alice-zq@example.com"] },
            },
            legacy: {
                hybrid: {
                    zone: "europe-west1-c",
                    endpoints: [{ ipAddress: "192.168.77.10", port: 8445 }],
                    defaultPort: 8446,
                    protocol: "HTTP",
                    maxRatePerEndpoint: 777,
                    healthCheck: {
                        protocol: "HTTP",
                        port: 8447,
                        requestPath: "/zq-health",
                        checkIntervalSec: 41,
                        timeoutSec: 37,
                    },
                },
            },
        },
        defaultBackend: "orders",
        https: {
            managedCertificate: { domains: ["internal-zq.example.com"] },
            sslPolicy: { profile: "RESTRICTED", minTlsVersion: "TLS_1_2" },
        },
        dns: { zone: "zq-private", authorizationZone: "zq-public", ttl: 3334 },
    },
    published: {
        scheme: "regional-internal",
        region: EU,
        backends: { api: { cloudRun: { service: "api-zq" } } },
        publish: {
            natCidr: "10.79.0.0/26",
            connectionPreference: "ACCEPT_MANUAL",
            consumerAcceptLists: [
                { project: "consumer-zq", connectionLimit: 13 },
                { network: "projects/consumer-zq/global/networks/vpc-zq", connectionLimit: 14 },
            ],
            consumerRejectLists: ["reject-zq"],
            domainNames: ["api.zq.internal."],
            reconcileConnections: true,
        },
    },
    standard: {
        scheme: "regional-external",
        region: EU,
        networkTier: "STANDARD",
        httpPort: 8081,
        backends: { web: { cloudRun: { service: "std-zq" } } },
        defaultBackend: "web",
        https: {
            certificate: { certificate: CERT, privateKey: KEY },
            redirectHttp: false,
            port: 8443,
            sslPolicy: { profile: "COMPATIBLE", minTlsVersion: "TLS_1_0" },
        },
    },
    crossRegion: {
        scheme: "cross-region-internal",
        regions: [EU, "us-central1"],
        network: {
            create: {
                regions: {
                    [EU]: { subnetCidr: "10.91.0.0/24", proxyOnlyCidr: "10.92.0.0/23" },
                    "us-central1": { subnetCidr: "10.93.0.0/24", proxyOnlyCidr: "10.94.0.0/23" },
                },
            },
        },
        address: { ips: { [EU]: "10.91.0.91", "us-central1": "10.93.0.93" } },
        backends: { api: { cloudRun: { service: "xr-zq", regions: [EU, "us-central1"] } } },
        defaultBackend: "api",
        https: { certificateManagerCertificates: ["projects/spread-project-3/locations/global/certificates/zq-cert"] },
    },
    existing: {
        scheme: "global-external",
        backends: {
            shared: { backendService: "projects/zq-other/global/backendServices/zq-shared" },
            store: { bucket: { existing: "projects/zq-other/global/backendBuckets/zq-bucket" } },
            armored: {
                cloudRun: { service: "armored-zq", region: EU },
                securityPolicy: { existing: "projects/zq-other/global/securityPolicies/zq-policy" },
            },
        },
        defaultBackend: "shared",
        routes: [{ hosts: ["store-zq.example.com"], backend: "store" }],
        https: {
            certificates: ["projects/zq-other/global/sslCertificates/zq-cert"],
            sslPolicy: { existing: "projects/zq-other/global/sslPolicies/zq-policy" },
        },
        address: { existing: "projects/zq-other/global/addresses/zq-address" },
    },
    certificateMap: {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "map-zq", region: EU } } },
        defaultBackend: "web",
        https: { certificateMap: "projects/zq-other/locations/global/certificateMaps/zq-map" },
    },
    regional: {
        scheme: "regional-external",
        region: EU,
        backends: {
            web: { cloudRun: { service: "reg-zq" } },
            next: { cloudRun: { service: "reg-next-zq" } },
        },
        defaultBackend: "web",
        routes: [
            { hosts: ["reg-zq.example.com"], headers: [{ name: "x-zq-reg", exact: "on-zq" }], backend: "next" },
            {
                hosts: ["split-zq.example.com"],
                split: [
                    { backend: "web", weight: 71 },
                    { backend: "next", weight: 29 },
                ],
            },
            {
                paths: ["/zq-all/*"],
                split: [
                    { backend: "web", weight: 53 },
                    { backend: "next", weight: 47 },
                ],
            },
        ],
        https: { certificate: { certificate: CERT, privateKey: KEY } },
    },
    mtls: {
        scheme: "global-external",
        backends: { web: { cloudRun: { service: "mtls-zq", region: EU } } },
        defaultBackend: "web",
        https: {
            managedDomains: ["mtls-zq.example.com"],
            clientCertificates: {
                trustAnchors: [CERT],
                validation: "ALLOW_INVALID_OR_MISSING_CLIENT_CERT",
                headers: { "X-Zq-Client-Cert-Present": "client_cert_present" },
            },
        },
    },
    authorization: {
        scheme: "regional-external",
        region: EU,
        backends: { web: { cloudRun: { service: "authz-zq" } } },
        https: {
            certificate: { certificate: CERT, privateKey: KEY },
            clientCertificates: { trustAnchors: [CERT] },
        },
        authorization: {
            deny: [
                {
                    notIpRanges: ["10.77.0.0/16"],
                    paths: ["/admin-zq*", "*.zq", "*zq-debug*"],
                    methods: ["DELETE"],
                },
            ],
            allow: [
                {
                    ipRanges: ["203.0.113.77", "2001:db8:77::/48"],
                    principals: [
                        { uriSan: "spiffe://zq.example.com/a" },
                        { dnsNameSan: "a.zq.example.com" },
                        { commonName: "zq-client" },
                    ],
                    hosts: ["api-zq.example.com", "*.zq.example.com", "zq-api.*", "*zq-host*"],
                    headers: [
                        { name: "x-zq-exact", exact: "on-zq" },
                        { name: "x-zq-prefix", prefix: "zq-", ignoreCase: true },
                        { name: "x-zq-suffix", suffix: "-zq" },
                        { name: "x-zq-contains", contains: "zq" },
                    ],
                },
            ],
        },
    },
    classic: {
        scheme: "classic",
        backends: { web: { cloudRun: { service: "classic-zq", region: EU } } },
        defaultBackend: "web",
        https: { managedDomains: ["classic-zq.example.com"] },
    },
};
