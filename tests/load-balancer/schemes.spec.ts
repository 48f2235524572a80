import * as assert from "assert";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { installMocks, Recorder, settle, valueOf } from "../../components/testing/mocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n";
const P = "projects/mock-project";
const EU = "europe-west1";
const US = "us-central1";
const ASIA = "asia-northeast1";
const REDIRECT = { httpsRedirect: true, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT", stripQuery: false };
const T = {
    address: "gcp:compute/address:Address",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    backend: "gcp:compute/backendService:BackendService",
    regionBackend: "gcp:compute/regionBackendService:RegionBackendService",
    neg: "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
    rule: "gcp:compute/forwardingRule:ForwardingRule",
    globalRule: "gcp:compute/globalForwardingRule:GlobalForwardingRule",
    urlMap: "gcp:compute/uRLMap:URLMap",
    regionUrlMap: "gcp:compute/regionUrlMap:RegionUrlMap",
    httpsProxy: "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
    httpProxy: "gcp:compute/targetHttpProxy:TargetHttpProxy",
    regionHttpsProxy: "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
    regionHttpProxy: "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy",
    sslPolicy: "gcp:compute/sSLPolicy:SSLPolicy",
    regionSslPolicy: "gcp:compute/regionSslPolicy:RegionSslPolicy",
    managedCert: "gcp:compute/managedSslCertificate:ManagedSslCertificate",
    subnet: "gcp:compute/subnetwork:Subnetwork",
};

/** `Kind logical-name` of every cloud resource, sorted. */
function inventory(recorder: Recorder): string[] {
    return recorder
        .cloudResources()
        .map((r) => `${r.type.split(":").pop()} ${r.name}`)
        .sort();
}

describe("scheme regional-external (seed 000: one region, Standard tier)", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("eu", {
            scheme: "regional-external",
            region: EU,
            networkTier: "STANDARD",
            backends: { web: { cloudRun: { service: "web" } } },
            https: { certificate: { certificate: CERT, privateKey: KEY } },
            labels: { residency: "eu" },
        });
        await settle();
    });

    it("creates regional resources only, a proxy-only subnet and no regular subnet", () => {
        assert.deepStrictEqual(inventory(recorder), [
            "Address eu-frontend-address",
            "ForwardingRule eu-frontend-http-rule",
            "ForwardingRule eu-frontend-https-rule",
            "Network eu-network-vpc",
            "RegionBackendService eu-web-backend",
            "RegionNetworkEndpointGroup eu-web-neg",
            "RegionSslCertificate eu-frontend-cert",
            "RegionSslPolicy eu-frontend-ssl-policy",
            "RegionTargetHttpProxy eu-frontend-redirect-proxy",
            "RegionTargetHttpsProxy eu-frontend-https-proxy",
            "RegionUrlMap eu-frontend-redirect-url-map",
            "RegionUrlMap eu-url-map",
            "Subnetwork eu-network-proxy-only-europe-west1",
        ]);
        const proxyOnly = recorder.get(T.subnet, "eu-network-proxy-only-europe-west1").inputs;
        assert.strictEqual(proxyOnly.purpose, "REGIONAL_MANAGED_PROXY");
        assert.strictEqual(proxyOnly.role, "ACTIVE");
    });

    it("makes an EXTERNAL_MANAGED regional backend service with capacityScaler 1, as the provider demands", () => {
        const backend = recorder.get(T.regionBackend, "eu-web-backend").inputs;
        const neg = recorder.get(T.neg, "eu-web-neg");
        assert.strictEqual(backend.loadBalancingScheme, "EXTERNAL_MANAGED");
        assert.strictEqual(backend.region, EU);
        assert.deepStrictEqual(backend.backends, [{ capacityScaler: 1, group: neg.id }]);
    });

    it("reserves a Standard-tier regional external address shared by the HTTPS and redirect rules", () => {
        const address = recorder.get(T.address, "eu-frontend-address");
        assert.strictEqual(address.inputs.addressType, "EXTERNAL");
        assert.strictEqual(address.inputs.networkTier, "STANDARD");
        assert.strictEqual(address.inputs.purpose, undefined);
        assert.deepStrictEqual(address.inputs.labels, { residency: "eu" });
        const network = `https://www.googleapis.com/compute/v1/${P}/global/networks/eu-network`;
        const https = recorder.get(T.rule, "eu-frontend-https-rule");
        const http = recorder.get(T.rule, "eu-frontend-http-rule");
        assert.deepStrictEqual(https.inputs, {
            ipAddress: address.id,
            ipProtocol: "TCP",
            labels: { residency: "eu" },
            loadBalancingScheme: "EXTERNAL_MANAGED",
            name: "eu-https-rule",
            network,
            networkTier: "STANDARD",
            portRange: "443",
            region: EU,
            target: `${P}/regions/${EU}/targetHttpsProxies/eu-https-proxy`,
        });
        assert.strictEqual(http.inputs.ipAddress, address.id);
        assert.strictEqual(http.inputs.portRange, "80");
        assert.strictEqual(http.inputs.network, network);
        assert.strictEqual(http.inputs.networkTier, "STANDARD");
        assert.strictEqual(http.inputs.target, `${P}/regions/${EU}/targetHttpProxies/eu-redirect-proxy`);
        assert.ok(!("subnetwork" in https.inputs), "an external rule takes no subnetwork");
        const proxyOnly = recorder.get(T.subnet, "eu-network-proxy-only-europe-west1");
        assert.ok(https.dependencies.includes(proxyOnly.urn), "created after the proxy-only subnet");
        assert.ok(http.dependencies.includes(proxyOnly.urn), "created after the proxy-only subnet");
    });

    it("redirects HTTP to HTTPS with a regional redirect-only URL map", () => {
        assert.deepStrictEqual(recorder.get(T.regionUrlMap, "eu-frontend-redirect-url-map").inputs, {
            defaultUrlRedirect: REDIRECT,
            name: "eu-redirect-url-map",
            region: EU,
        });
        assert.deepStrictEqual(recorder.get(T.regionHttpProxy, "eu-frontend-redirect-proxy").inputs, {
            name: "eu-redirect-proxy",
            region: EU,
            urlMap: `${P}/regions/${EU}/urlMaps/eu-redirect-url-map`,
        });
    });

    it("attaches a regional MODERN / TLS 1.2 SSL policy", () => {
        const policy = recorder.get(T.regionSslPolicy, "eu-frontend-ssl-policy");
        assert.deepStrictEqual(policy.inputs, {
            minTlsVersion: "TLS_1_2",
            name: "eu-ssl-policy",
            profile: "MODERN",
            region: EU,
        });
        assert.strictEqual(recorder.get(T.regionHttpsProxy, "eu-frontend-https-proxy").inputs.sslPolicy, policy.id);
    });

    it("outputs the external IP and both forwarding rules", async () => {
        assert.strictEqual(await valueOf(lb.url), "https://203.0.113.20");
        assert.deepStrictEqual(await valueOf(lb.forwardingRuleIds), [
            `${P}/regions/${EU}/forwardingRules/eu-https-rule`,
            `${P}/regions/${EU}/forwardingRules/eu-http-rule`,
        ]);
        assert.strictEqual(await valueOf(lb.ipv6Address), undefined);
    });
});

describe("scheme global-external (several regions, managed certificate, IPv6, QUIC, outlier detection)", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("shop", {
            scheme: "global-external",
            backends: {
                web: {
                    cloudRun: { service: "web", regions: [EU, US, ASIA] },
                    outlierDetection: { baseEjectionTimeSeconds: 180 },
                },
            },
            https: { managedDomains: ["shop.example.com", "www.example.com"], quic: "ENABLE" },
            ipv6: true,
        });
        await settle();
    });

    it("creates global resources only, serverless NEGs in their regions, and no network", () => {
        assert.deepStrictEqual(inventory(recorder), [
            "BackendService shop-web-backend",
            "GlobalAddress shop-frontend-address",
            "GlobalAddress shop-frontend-address-ipv6",
            "GlobalForwardingRule shop-frontend-http-rule",
            "GlobalForwardingRule shop-frontend-http-rule-ipv6",
            "GlobalForwardingRule shop-frontend-https-rule",
            "GlobalForwardingRule shop-frontend-https-rule-ipv6",
            "ManagedSslCertificate shop-frontend-managed-cert",
            "RegionNetworkEndpointGroup shop-web-neg-asia-northeast1",
            "RegionNetworkEndpointGroup shop-web-neg-europe-west1",
            "RegionNetworkEndpointGroup shop-web-neg-us-central1",
            "SSLPolicy shop-frontend-ssl-policy",
            "TargetHttpProxy shop-frontend-redirect-proxy",
            "TargetHttpsProxy shop-frontend-https-proxy",
            "URLMap shop-frontend-redirect-url-map",
            "URLMap shop-url-map",
        ]);
    });

    it("puts one NEG per region on one EXTERNAL_MANAGED backend service with outlier detection", () => {
        const negs = recorder.byType(T.neg);
        assert.deepStrictEqual(negs.map((n) => n.inputs.region).sort(), [ASIA, EU, US]);
        assert.deepStrictEqual(
            negs.map((n) => n.inputs.cloudRun),
            [{ service: "web" }, { service: "web" }, { service: "web" }],
        );
        const backend = recorder.get(T.backend, "shop-web-backend").inputs;
        assert.strictEqual(backend.loadBalancingScheme, "EXTERNAL_MANAGED");
        assert.deepStrictEqual(
            backend.backends,
            [EU, US, ASIA].map((r) => ({ group: recorder.get(T.neg, `shop-web-neg-${r}`).id })),
        );
        assert.deepStrictEqual(backend.outlierDetection, {
            baseEjectionTime: { seconds: 180 },
            consecutiveErrors: 5,
            consecutiveGatewayFailure: 3,
            enforcingConsecutiveErrors: 100,
            enforcingConsecutiveGatewayFailure: 100,
            interval: { seconds: 1 },
            maxEjectionPercent: 50,
        });
        for (const field of ["enforcingSuccessRate", "successRateMinimumHosts", "successRateRequestVolume"]) {
            assert.ok(!(field in (backend.outlierDetection as object)), `${field} is rejected with serverless NEGs`);
        }
    });

    it("makes a Google-managed certificate whose name hashes its domains", () => {
        const cert = recorder.get(T.managedCert, "shop-frontend-managed-cert").inputs;
        assert.deepStrictEqual(cert.managed, { domains: ["shop.example.com", "www.example.com"] });
        assert.strictEqual(cert.type, "MANAGED");
        assert.match(cert.name as string, /^shop-managed-cert-[0-9a-f]{8}$/);
    });

    it("serves HTTPS with the certificate, a global SSL policy and QUIC on", () => {
        const policy = recorder.get(T.sslPolicy, "shop-frontend-ssl-policy");
        assert.deepStrictEqual(policy.inputs, { minTlsVersion: "TLS_1_2", name: "shop-ssl-policy", profile: "MODERN" });
        const cert = recorder.get(T.managedCert, "shop-frontend-managed-cert");
        assert.deepStrictEqual(recorder.get(T.httpsProxy, "shop-frontend-https-proxy").inputs, {
            name: "shop-https-proxy",
            quicOverride: "ENABLE",
            sslCertificates: [cert.id],
            sslPolicy: policy.id,
            urlMap: `${P}/global/urlMaps/shop-url-map`,
        });
    });

    it("has EXTERNAL_MANAGED global rules with no network, IPv4 and IPv6, HTTPS and the redirect", () => {
        const v4 = recorder.get(T.globalAddress, "shop-frontend-address");
        const v6 = recorder.get(T.globalAddress, "shop-frontend-address-ipv6");
        assert.strictEqual(v4.inputs.ipVersion, "IPV4");
        assert.strictEqual(v6.inputs.ipVersion, "IPV6");
        assert.strictEqual(v6.inputs.addressType, "EXTERNAL");
        const expected: Record<string, [string, string, string]> = {
            "shop-frontend-https-rule": [v4.id, "443", "targetHttpsProxies/shop-https-proxy"],
            "shop-frontend-http-rule": [v4.id, "80", "targetHttpProxies/shop-redirect-proxy"],
            "shop-frontend-https-rule-ipv6": [v6.id, "443", "targetHttpsProxies/shop-https-proxy"],
            "shop-frontend-http-rule-ipv6": [v6.id, "80", "targetHttpProxies/shop-redirect-proxy"],
        };
        for (const [name, [ip, port, target]] of Object.entries(expected)) {
            const rule = recorder.get(T.globalRule, name).inputs;
            assert.strictEqual(rule.loadBalancingScheme, "EXTERNAL_MANAGED", name);
            assert.strictEqual(rule.ipAddress, ip, name);
            assert.strictEqual(rule.portRange, port, name);
            assert.strictEqual(rule.target, `${P}/global/${target}`, name);
            for (const absent of ["network", "subnetwork", "ipVersion"]) {
                assert.ok(!(absent in rule), `${name}.${absent} must not be set`);
            }
        }
        assert.deepStrictEqual(recorder.get(T.urlMap, "shop-frontend-redirect-url-map").inputs, {
            defaultUrlRedirect: REDIRECT,
            name: "shop-redirect-url-map",
        });
    });

    it("outputs both addresses", async () => {
        assert.strictEqual(await valueOf(lb.ipAddress), "203.0.113.10");
        assert.strictEqual(await valueOf(lb.ipv6Address), "2001:db8::10");
        assert.strictEqual(await valueOf(lb.url), "https://203.0.113.10");
    });
});

describe("scheme classic (EXTERNAL, certificate map, plain HTTP)", () => {
    it("sets EXTERNAL on the backend service and the forwarding rules, and takes a certificate map", async () => {
        const recorder = installMocks();
        new ApplicationLoadBalancer("old", {
            scheme: "classic",
            backends: { web: { cloudRun: { service: "web", region: EU } } },
            https: {
                certificateMap: "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/m",
                redirectHttp: false,
            },
        });
        await settle();
        assert.strictEqual(recorder.get(T.backend, "old-web-backend").inputs.loadBalancingScheme, "EXTERNAL");
        assert.deepStrictEqual(
            recorder.byType(T.globalRule).map((r) => [r.name, r.inputs.loadBalancingScheme, r.inputs.portRange]),
            [["old-frontend-https-rule", "EXTERNAL", "443"]],
        );
        const proxy = recorder.get(T.httpsProxy, "old-frontend-https-proxy").inputs;
        assert.strictEqual(
            proxy.certificateMap,
            "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/m",
        );
        assert.ok(!("sslCertificates" in proxy), "no Compute certificates next to the map");
        assert.deepStrictEqual(recorder.byType(T.httpProxy), [], "redirect turned off");
        assert.deepStrictEqual(recorder.byType(T.subnet), [], "no proxy-only subnet");
    });

    it("serves plain HTTP without a redirect or SSL policy when https is unset", async () => {
        const recorder = installMocks();
        new ApplicationLoadBalancer("plain", {
            scheme: "classic",
            backends: { web: { cloudRun: { service: "web", region: EU } } },
        });
        await settle();
        assert.deepStrictEqual(inventory(recorder), [
            "BackendService plain-web-backend",
            "GlobalAddress plain-frontend-address",
            "GlobalForwardingRule plain-frontend-http-rule",
            "RegionNetworkEndpointGroup plain-web-neg",
            "TargetHttpProxy plain-frontend-http-proxy",
            "URLMap plain-url-map",
        ]);
    });
});

describe("scheme cross-region-internal (two client regions, Certificate Manager, failover)", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;
    const CM = ["projects/p/locations/global/certificates/internal"];

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("core", {
            scheme: "cross-region-internal",
            regions: [EU, US],
            backends: {
                api: { cloudRun: { service: "api", regions: [EU, US] }, outlierDetection: { consecutiveErrors: 3 } },
            },
            https: { certificateManagerCertificates: CM, redirectHttp: true },
            address: { ips: { [EU]: "10.1.2.99", [US]: "10.1.3.99" } },
        });
        await settle();
    });

    it("creates global LB resources, and a subnet and GLOBAL_MANAGED_PROXY subnet in each region", () => {
        assert.deepStrictEqual(inventory(recorder), [
            "Address core-frontend-address-europe-west1",
            "Address core-frontend-address-us-central1",
            "BackendService core-api-backend",
            "GlobalForwardingRule core-frontend-http-rule-europe-west1",
            "GlobalForwardingRule core-frontend-http-rule-us-central1",
            "GlobalForwardingRule core-frontend-https-rule-europe-west1",
            "GlobalForwardingRule core-frontend-https-rule-us-central1",
            "Network core-network-vpc",
            "RegionNetworkEndpointGroup core-api-neg-europe-west1",
            "RegionNetworkEndpointGroup core-api-neg-us-central1",
            "SSLPolicy core-frontend-ssl-policy",
            "Subnetwork core-network-proxy-only-europe-west1",
            "Subnetwork core-network-proxy-only-us-central1",
            "Subnetwork core-network-subnet-europe-west1",
            "Subnetwork core-network-subnet-us-central1",
            "TargetHttpProxy core-frontend-redirect-proxy",
            "TargetHttpsProxy core-frontend-https-proxy",
            "URLMap core-frontend-redirect-url-map",
            "URLMap core-url-map",
        ]);
        for (const region of [EU, US]) {
            const proxyOnly = recorder.get(T.subnet, `core-network-proxy-only-${region}`).inputs;
            assert.strictEqual(proxyOnly.purpose, "GLOBAL_MANAGED_PROXY");
            assert.strictEqual(proxyOnly.region, region);
        }
    });

    it("makes an INTERNAL_MANAGED global backend service over both regions with outlier detection", () => {
        const backend = recorder.get(T.backend, "core-api-backend").inputs;
        assert.strictEqual(backend.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.strictEqual((backend.backends as unknown[]).length, 2);
        assert.strictEqual((backend.outlierDetection as { consecutiveErrors: number }).consecutiveErrors, 3);
    });

    it("attaches the Certificate Manager certificates, not Compute ones, and a global SSL policy", () => {
        const proxy = recorder.get(T.httpsProxy, "core-frontend-https-proxy").inputs;
        assert.deepStrictEqual(proxy.certificateManagerCertificates, CM);
        assert.ok(!("sslCertificates" in proxy));
        assert.ok(!("certificateMap" in proxy));
        assert.strictEqual(proxy.sslPolicy, recorder.get(T.sslPolicy, "core-frontend-ssl-policy").id);
    });

    it("has per region an INTERNAL_MANAGED global rule pair on a shared regional internal VIP from that region's subnet", () => {
        const network = `https://www.googleapis.com/compute/v1/${P}/global/networks/core-network`;
        for (const [region, ip] of [
            [EU, "10.1.2.99"],
            [US, "10.1.3.99"],
        ]) {
            const subnet = `https://www.googleapis.com/compute/v1/${P}/regions/${region}/subnetworks/core-network-subnet-${region}`;
            const address = recorder.get(T.address, `core-frontend-address-${region}`);
            assert.strictEqual(address.inputs.address, ip);
            assert.strictEqual(address.inputs.addressType, "INTERNAL");
            assert.strictEqual(address.inputs.purpose, "SHARED_LOADBALANCER_VIP");
            assert.strictEqual(address.inputs.subnetwork, subnet);
            const proxyOnly = recorder.get(T.subnet, `core-network-proxy-only-${region}`);
            for (const [role, port] of [
                ["https", "443"],
                ["http", "80"],
            ]) {
                const rule = recorder.get(T.globalRule, `core-frontend-${role}-rule-${region}`);
                assert.strictEqual(rule.inputs.loadBalancingScheme, "INTERNAL_MANAGED");
                assert.strictEqual(rule.inputs.ipAddress, address.id);
                assert.strictEqual(rule.inputs.portRange, port);
                assert.strictEqual(rule.inputs.network, network);
                assert.strictEqual(rule.inputs.subnetwork, subnet);
                assert.ok(rule.dependencies.includes(proxyOnly.urn));
            }
        }
    });

    it("outputs a VIP per region", async () => {
        assert.deepStrictEqual(await valueOf(lb.ipAddresses), { [EU]: "10.1.2.99", [US]: "10.1.3.99" });
    });
});

describe("frontend options", () => {
    it("uses an existing SSL policy and custom TLS settings without creating one", async () => {
        const recorder = installMocks();
        new ApplicationLoadBalancer("pol", {
            scheme: "global-external",
            backends: { web: { cloudRun: { service: "web", region: EU } } },
            https: {
                certificates: ["projects/p/global/sslCertificates/c"],
                sslPolicy: { existing: "projects/p/global/sslPolicies/org" },
            },
        });
        await settle();
        assert.deepStrictEqual(recorder.byType(T.sslPolicy), []);
        assert.strictEqual(
            recorder.get(T.httpsProxy, "pol-frontend-https-proxy").inputs.sslPolicy,
            "projects/p/global/sslPolicies/org",
        );
    });

    it("creates a CUSTOM policy with its features and TLS 1.2", async () => {
        const recorder = installMocks();
        new ApplicationLoadBalancer("custom", {
            scheme: "regional-internal",
            region: EU,
            backends: { web: { cloudRun: { service: "web" } } },
            https: {
                certificateManagerCertificates: ["projects/p/locations/europe-west1/certificates/c"],
                sslPolicy: {
                    profile: "CUSTOM",
                    minTlsVersion: "TLS_1_2",
                    customFeatures: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"],
                },
            },
        });
        await settle();
        assert.deepStrictEqual(recorder.get(T.regionSslPolicy, "custom-frontend-ssl-policy").inputs, {
            customFeatures: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"],
            minTlsVersion: "TLS_1_2",
            name: "custom-ssl-policy",
            profile: "CUSTOM",
            region: EU,
        });
        const proxy = recorder.get(T.regionHttpsProxy, "custom-frontend-https-proxy").inputs;
        assert.deepStrictEqual(proxy.certificateManagerCertificates, [
            "projects/p/locations/europe-west1/certificates/c",
        ]);
        assert.deepStrictEqual(recorder.byType(T.regionHttpProxy), [], "no redirect by default on internal schemes");
    });

    it("shares an existing address between the HTTPS and redirect rules", async () => {
        const recorder = installMocks();
        new ApplicationLoadBalancer("reuse", {
            scheme: "global-external",
            backends: { web: { cloudRun: { service: "web", region: EU } } },
            https: { managedDomains: ["a.example.com"] },
            address: { existing: "projects/p/global/addresses/kept" },
        });
        await settle();
        assert.deepStrictEqual(recorder.byType(T.globalAddress), []);
        assert.deepStrictEqual(
            recorder.byType(T.globalRule).map((r) => r.inputs.ipAddress),
            ["projects/p/global/addresses/kept", "projects/p/global/addresses/kept"],
        );
    });

    it("gives the managed certificate a new name exactly when its domains change", async () => {
        const names: string[] = [];
        for (const domains of [["a.example.com"], ["a.example.com"], ["a.example.com", "b.example.com"]]) {
            const recorder = installMocks();
            new ApplicationLoadBalancer("m", {
                scheme: "global-external",
                backends: { web: { cloudRun: { service: "web", region: EU } } },
                https: { managedDomains: domains },
            });
            await settle();
            names.push(recorder.get(T.managedCert, "m-frontend-managed-cert").inputs.name as string);
        }
        assert.strictEqual(names[0], names[1]);
        assert.notStrictEqual(names[1], names[2]);
    });
});
