/**
 * One load balancer per scheme using every option the scheme supports, for tests that must hold for
 * everything the package can create (names, replacement options, by-construction guarantees).
 */
import { ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { allSchemes, Scheme } from "../../components/schemes";

export const CERT = "-----BEGIN CERTIFICATE-----\nMIIBfixture\n-----END CERTIFICATE-----\n";
export const KEY = "-----BEGIN PRIVATE KEY-----\nfixture-key-material\n-----END PRIVATE KEY-----\n";

const https = { certificate: { certificate: CERT, privateKey: KEY } };

export const schemeFixtures: Record<Scheme, ApplicationLoadBalancerArgs> = {
    "regional-internal": {
        scheme: "regional-internal",
        region: "europe-west1",
        backends: {
            web: {
                cloudRun: { service: "web", tag: "blue" },
                iap: { enabled: true, members: ["group:staff@example.com"] },
                securityPolicy: { create: { allowIpRanges: ["10.0.0.0/8"], rateLimit: { count: 50 } } },
            },
            each: { cloudRun: { urlMask: "/<service>" } },
            legacy: {
                hybrid: {
                    zone: "europe-west1-b",
                    defaultPort: 443,
                    endpoints: [{ ipAddress: "192.168.10.21" }, { ipAddress: "192.168.10.22", port: 8443 }],
                },
            },
        },
        defaultBackend: "web",
        https: { ...https, redirectHttp: true, sslPolicy: { profile: "RESTRICTED" } },
        address: { ip: "10.1.2.99", retainOnDelete: true },
        allowGlobalAccess: true,
        labels: { team: "platform" },
    },
    "cross-region-internal": {
        scheme: "cross-region-internal",
        regions: ["europe-west1", "us-central1"],
        backends: {
            web: { cloudRun: { service: "web", regions: ["europe-west1", "us-central1"] } },
            shared: { backendService: "projects/other/global/backendServices/shared" },
        },
        defaultBackend: "web",
        address: { ips: { "europe-west1": "10.1.2.99", "us-central1": "10.1.3.99" } },
        https: {
            managedCertificate: {
                domains: ["orders.internal.example.com", "*.internal.example.com"],
                dnsAuthorizationType: "FIXED_RECORD",
            },
        },
        dns: { zone: "internal-example-com", authorizationZone: "example-com" },
    },
    "regional-external": {
        scheme: "regional-external",
        region: "europe-west1",
        backends: {
            web: { cloudRun: { service: "web" } },
            partner: { internet: { endpoints: [{ fqdn: "a.partner.example", port: 443 }] } },
        },
        defaultBackend: "web",
        https,
        networkTier: "STANDARD",
        dns: { zone: "example-com", names: ["api.example.com"], ttl: 60 },
    },
    "global-external": {
        scheme: "global-external",
        backends: {
            web: {
                cloudRun: { service: "web", regions: ["europe-west1", "us-central1", "asia-northeast1"] },
                outlierDetection: { baseEjectionTimeSeconds: 180 },
                securityPolicy: { create: { preconfiguredWaf: ["sqli-v33-stable"], adaptiveProtection: true } },
            },
            api: {
                cloudRun: { service: "api", region: "europe-west1" },
                cdn: { enabled: true },
            },
            legacy: { internet: { fqdn: "legacy.example.com", hostOverride: "www.example.com" } },
        },
        defaultBackend: "web",
        https: { ...https, managedDomains: ["shop.example.com", "www.example.com"], quic: "ENABLE" },
        ipv6: true,
        address: { retainOnDelete: true },
        dns: { zone: "example-com", project: "dns-project" },
    },
    classic: {
        scheme: "classic",
        backends: { web: { cloudRun: { service: "web", region: "us-central1" } } },
        https: { managedCertificate: { domains: ["shop.example.com", "*.shop.example.com"] } },
        dns: { zone: "example-com" },
        httpPort: 8080,
    },
};

export const fixtureSchemes: readonly Scheme[] = allSchemes;
