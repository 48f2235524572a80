/**
 * Load balancers covering every resource the builders create (each backend kind, network created and
 * adopted, every frontend listener and certificate kind), for the test that plans the shape before the
 * builders (backends, network and frontend as child components) against today's (the load balancer's own
 * children) and shows every moved resource aliased to its old URN.
 */
import { ApplicationLoadBalancerArgs } from "../../components/load-balancer";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBmoved\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nmoved-key-material\n-----END PRIVATE KEY-----\n";
const https = { certificate: { certificate: CERT, privateKey: KEY } };

export const movedResourceShapes: Record<string, ApplicationLoadBalancerArgs> = {
    internal: {
        scheme: "regional-internal",
        region: "europe-west1",
        backends: {
            web: {
                cloudRun: { service: "web", tag: "blue" },
                iap: { enabled: true, members: ["group:staff@example.com"] },
                securityPolicy: { create: { allowIpRanges: ["10.0.0.0/8"] } },
                loadBalancerServiceUsers: ["serviceAccount:deployer@lb.iam.gserviceaccount.com"],
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
    },
    crossregion: {
        scheme: "cross-region-internal",
        regions: ["europe-west1", "us-central1"],
        network: {
            existing: {
                network: "projects/host/global/networks/shared",
                subnetworks: {
                    "europe-west1": "projects/host/regions/europe-west1/subnetworks/apps",
                    "us-central1": "projects/host/regions/us-central1/subnetworks/apps",
                },
                proxyOnlySubnetworks: { "europe-west1": "projects/host/regions/europe-west1/subnetworks/proxy" },
            },
        },
        backends: {
            web: { cloudRun: { service: "web", regions: ["europe-west1", "us-central1"] } },
            shared: { backendService: "projects/other/global/backendServices/shared" },
        },
        defaultBackend: "web",
    },
    regional: {
        scheme: "regional-external",
        region: "europe-west1",
        backends: {
            web: { cloudRun: { service: "web" } },
            partner: { internet: { endpoints: [{ fqdn: "a.partner.example" }, { fqdn: "b.partner.example" }] } },
        },
        defaultBackend: "web",
        https,
        networkTier: "STANDARD",
    },
    global: {
        scheme: "global-external",
        backends: {
            web: {
                cloudRun: { service: "web", regions: ["europe-west1", "us-central1"] },
                outlierDetection: { baseEjectionTimeSeconds: 180 },
            },
            api: {
                cloudRun: { service: "api", region: "europe-west1" },
                iap: { enabled: true, members: ["group:staff@example.com"] },
            },
            hello: { internet: { fqdn: "hello-abc123-ew.a.run.app", hostOverride: "hello-abc123-ew.a.run.app" } },
            hello2: { internet: { fqdn: "hello-abc123-ew.a.run.app", hostOverride: "hello2-abc123-ew.a.run.app" } },
            onprem: {
                hybrid: {
                    zone: "europe-west1-b",
                    network: "projects/p/global/networks/hybrid",
                    endpoints: [{ ipAddress: "192.168.10.21", port: 443 }],
                },
            },
        },
        defaultBackend: "web",
        https: { ...https, managedDomains: ["shop.example.com"], quic: "ENABLE" },
        ipv6: true,
    },
    classic: {
        scheme: "classic",
        backends: { web: { cloudRun: { service: "web", region: "us-central1" } } },
        httpPort: 8080,
    },
};
