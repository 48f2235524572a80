import * as assert from "assert";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { installMocks, Recorder, settle, valueOf } from "../../components/testing/mocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n";
const P = "projects/mock-project";
const R = "europe-west1";

describe("ApplicationLoadBalancer, regional internal", () => {
    let recorder: Recorder;
    let lb: ApplicationLoadBalancer;

    before(async () => {
        recorder = installMocks();
        lb = new ApplicationLoadBalancer("orders", {
            scheme: "regional-internal",
            region: R,
            backends: { orders: { cloudRun: { service: "orders", tag: "blue" } } },
            https: { certificate: { certificate: CERT, privateKey: KEY } },
            address: { ip: "10.1.2.99" },
            allowGlobalAccess: true,
        });
        await settle();
    });

    it("creates exactly the resources of the pattern", () => {
        assert.deepStrictEqual(
            recorder
                .cloudResources()
                .map((r) => `${r.type.split(":").pop()} ${r.name}`)
                .sort(),
            [
                "Address orders-frontend-address",
                "ForwardingRule orders-frontend-https-rule",
                "Network orders-network-vpc",
                "RegionBackendService orders-orders-backend",
                "RegionNetworkEndpointGroup orders-orders-neg",
                "RegionSslCertificate orders-frontend-cert",
                "RegionSslPolicy orders-frontend-ssl-policy",
                "RegionTargetHttpsProxy orders-frontend-https-proxy",
                "RegionUrlMap orders-url-map",
                "Subnetwork orders-network-proxy-only-europe-west1",
                "Subnetwork orders-network-subnet-europe-west1",
            ],
        );
    });

    it("makes a custom-mode VPC, a subnet and an ACTIVE REGIONAL_MANAGED_PROXY proxy-only subnet", () => {
        const vpc = recorder.get("gcp:compute/network:Network", "orders-network-vpc").inputs;
        assert.deepStrictEqual(vpc, { autoCreateSubnetworks: false, name: "orders-network", routingMode: "REGIONAL" });
        const proxyOnly = recorder.get(
            "gcp:compute/subnetwork:Subnetwork",
            "orders-network-proxy-only-europe-west1",
        ).inputs;
        assert.deepStrictEqual(proxyOnly, {
            ipCidrRange: "10.129.0.0/23",
            name: "orders-network-proxy-only-europe-west1",
            network: `https://www.googleapis.com/compute/v1/${P}/global/networks/orders-network`,
            purpose: "REGIONAL_MANAGED_PROXY",
            region: R,
            role: "ACTIVE",
        });
    });

    it("makes a SERVERLESS NEG with the cloudRun block and a replacement-safe name", () => {
        const neg = recorder.get(
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "orders-orders-neg",
        ).inputs;
        assert.deepStrictEqual(neg.cloudRun, { service: "orders", tag: "blue" });
        assert.strictEqual(neg.networkEndpointType, "SERVERLESS");
        assert.strictEqual(neg.region, R);
        assert.match(neg.name as string, /^orders-orders-neg-europe-west1-[0-9a-f]{8}$/);
    });

    it("makes an INTERNAL_MANAGED backend service with the NEG and none of the fields serverless NEGs reject", () => {
        const backend = recorder.get(
            "gcp:compute/regionBackendService:RegionBackendService",
            "orders-orders-backend",
        ).inputs;
        const neg = recorder.get(
            "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
            "orders-orders-neg",
        );
        assert.strictEqual(backend.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.deepStrictEqual(backend.backends, [{ group: neg.id }]);
        for (const forbidden of ["healthChecks", "timeoutSec", "portName", "sessionAffinity"]) {
            assert.ok(!(forbidden in backend), `${forbidden} must not be set`);
        }
        for (const field of ["balancingMode", "maxUtilization", "capacityScaler"]) {
            assert.ok(!(field in (backend.backends as any[])[0]), `backends[0].${field} must not be set`);
        }
        assert.deepStrictEqual(backend.logConfig, { enable: true, sampleRate: 1 });
    });

    it("defaults the regional URL map to that backend service", () => {
        const urlMap = recorder.get("gcp:compute/regionUrlMap:RegionUrlMap", "orders-url-map").inputs;
        const backend = recorder.get("gcp:compute/regionBackendService:RegionBackendService", "orders-orders-backend");
        assert.deepStrictEqual(urlMap, { defaultService: backend.id, name: "orders-url-map", region: R });
    });

    it("points the HTTPS proxy at the URL map, the regional certificate (key secret) and a MODERN TLS 1.2 regional SSL policy", () => {
        const proxy = recorder.get(
            "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
            "orders-frontend-https-proxy",
        ).inputs;
        const cert = recorder.get("gcp:compute/regionSslCertificate:RegionSslCertificate", "orders-frontend-cert");
        const policy = recorder.get("gcp:compute/regionSslPolicy:RegionSslPolicy", "orders-frontend-ssl-policy");
        assert.deepStrictEqual(policy.inputs, {
            minTlsVersion: "TLS_1_2",
            name: "orders-ssl-policy",
            profile: "MODERN",
            region: R,
        });
        assert.deepStrictEqual(proxy, {
            name: "orders-https-proxy",
            region: R,
            sslCertificates: [cert.id],
            sslPolicy: policy.id,
            urlMap: `${P}/regions/${R}/urlMaps/orders-url-map`,
        });
        assert.strictEqual(cert.inputs.privateKey, "[secret]");
        assert.strictEqual(cert.rawInputs.privateKey, KEY);
    });

    it("makes an INTERNAL_MANAGED forwarding rule in the regular subnet, after the proxy-only subnet", () => {
        const rule = recorder.get("gcp:compute/forwardingRule:ForwardingRule", "orders-frontend-https-rule");
        const address = recorder.get("gcp:compute/address:Address", "orders-frontend-address");
        assert.deepStrictEqual(rule.inputs, {
            allowGlobalAccess: true,
            ipAddress: address.id,
            ipProtocol: "TCP",
            loadBalancingScheme: "INTERNAL_MANAGED",
            name: "orders-https-rule",
            network: `https://www.googleapis.com/compute/v1/${P}/global/networks/orders-network`,
            networkTier: "PREMIUM",
            portRange: "443",
            region: R,
            subnetwork: `https://www.googleapis.com/compute/v1/${P}/regions/${R}/subnetworks/orders-network-subnet-europe-west1`,
            target: `${P}/regions/${R}/targetHttpsProxies/orders-https-proxy`,
        });
        const proxyOnly = recorder.get("gcp:compute/subnetwork:Subnetwork", "orders-network-proxy-only-europe-west1");
        assert.ok(rule.dependencies.includes(proxyOnly.urn), "the forwarding rule depends on the proxy-only subnet");
    });

    it("reserves the requested internal IP in the subnet", () => {
        const address = recorder.get("gcp:compute/address:Address", "orders-frontend-address").inputs;
        assert.strictEqual(address.address, "10.1.2.99");
        assert.strictEqual(address.addressType, "INTERNAL");
        assert.strictEqual(
            address.subnetwork,
            `https://www.googleapis.com/compute/v1/${P}/regions/${R}/subnetworks/orders-network-subnet-europe-west1`,
        );
    });

    it("outputs the VIP, the URL and the backend services", async () => {
        assert.strictEqual(await valueOf(lb.ipAddress), "10.1.2.99");
        assert.strictEqual(await valueOf(lb.url), "https://10.1.2.99");
        assert.deepStrictEqual(await valueOf(lb.backendServiceIds), {
            orders: `${P}/regions/${R}/backendServices/${recorder.get("gcp:compute/regionBackendService:RegionBackendService", "orders-orders-backend").inputs.name}`,
        });
        assert.strictEqual(await valueOf(lb.urlMapId), `${P}/regions/${R}/urlMaps/orders-url-map`);
    });
});

describe("ApplicationLoadBalancer over an existing (Shared VPC) network", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shared", {
            scheme: "regional-internal",
            region: R,
            network: {
                existing: {
                    network: "projects/host/global/networks/shared-vpc",
                    subnetworks: { [R]: "projects/host/regions/europe-west1/subnetworks/apps" },
                    proxyOnlySubnetworks: { [R]: "projects/host/regions/europe-west1/subnetworks/proxy-only" },
                },
            },
            backends: { api: { cloudRun: { service: "api" } } },
        });
        await settle();
    });

    it("creates no network or subnet and uses the given ones", () => {
        assert.deepStrictEqual(recorder.byType("gcp:compute/subnetwork:Subnetwork"), []);
        assert.deepStrictEqual(recorder.byType("gcp:compute/network:Network"), []);
        const rule = recorder.get("gcp:compute/forwardingRule:ForwardingRule", "shared-frontend-http-rule").inputs;
        assert.strictEqual(rule.network, "projects/host/global/networks/shared-vpc");
        assert.strictEqual(rule.subnetwork, "projects/host/regions/europe-west1/subnetworks/apps");
        assert.strictEqual(rule.portRange, "80");
        assert.strictEqual(rule.target, `${P}/regions/${R}/targetHttpProxies/shared-http-proxy`);
    });
});

describe("ApplicationLoadBalancer in a Shared VPC host project's network, no proxy-only subnet given", () => {
    let recorder: Recorder;
    const warnings: string[] = [];

    before(async () => {
        recorder = installMocks({ project: "service-project" });
        const log = require("@pulumi/pulumi/log");
        const original = log.warn;
        log.warn = (message: string) => {
            warnings.push(message);
            return Promise.resolve();
        };
        try {
            new ApplicationLoadBalancer("shared", {
                scheme: "regional-internal",
                region: R,
                project: "service-project",
                network: {
                    existing: {
                        network: "projects/host-project/global/networks/shared-vpc",
                        subnetworks: { [R]: "projects/host-project/regions/europe-west1/subnetworks/apps" },
                    },
                },
                backends: { api: { cloudRun: { service: "api" } } },
            });
            await settle();
        } finally {
            log.warn = original;
        }
    });

    it("creates the proxy-only subnet in the network's (host) project, the load balancer in its own", () => {
        const [subnet] = recorder.byType("gcp:compute/subnetwork:Subnetwork");
        assert.strictEqual(subnet.name, "shared-network-proxy-only-europe-west1");
        assert.deepStrictEqual(subnet.inputs, {
            name: "shared-network-proxy-only-europe-west1",
            project: "host-project",
            region: R,
            network: "projects/host-project/global/networks/shared-vpc",
            ipCidrRange: "10.129.0.0/23",
            purpose: "REGIONAL_MANAGED_PROXY",
            role: "ACTIVE",
        });
        const rule = recorder.get("gcp:compute/forwardingRule:ForwardingRule", "shared-frontend-http-rule").inputs;
        assert.strictEqual(rule.project, "service-project");
        assert.strictEqual(rule.network, "projects/host-project/global/networks/shared-vpc");
    });

    it("warns with the host project and the role creating the subnet there needs", () => {
        assert.deepStrictEqual(warnings, [
            'ApplicationLoadBalancer "shared": network.existing.proxyOnlySubnetworks.europe-west1: no proxy-only subnet is given for europe-west1, so one (10.129.0.0/23, REGIONAL_MANAGED_PROXY) will be created in the existing VPC, in the network\'s project "host-project": the identity that runs pulumi up needs roles/compute.networkAdmin on project "host-project" (a Shared VPC\'s host project); that fails if the VPC already has an ACTIVE REGIONAL_MANAGED_PROXY subnet in europe-west1. Fix: if it has one, or the host project\'s network admins create it, pass its self link as network.existing.proxyOnlySubnetworks["europe-west1"] [existing-vpc-proxy-only-subnet]',
        ]);
    });

    it("takes the project from a network given as an output (its self link) too", async () => {
        const local = installMocks({ project: "service-project" });
        const log = require("@pulumi/pulumi/log");
        const original = log.warn;
        log.warn = () => Promise.resolve();
        try {
            const { Network } = await import("@pulumi/gcp/compute");
            const vpc = new Network("vpc", { project: "host-project", autoCreateSubnetworks: false });
            new ApplicationLoadBalancer("later", {
                scheme: "regional-internal",
                region: R,
                network: {
                    existing: {
                        network: vpc.selfLink,
                        subnetworks: { [R]: "projects/host-project/regions/europe-west1/subnetworks/apps" },
                    },
                },
                backends: { api: { cloudRun: { service: "api" } } },
            });
            await settle();
        } finally {
            log.warn = original;
        }
        const [subnet] = local.byType("gcp:compute/subnetwork:Subnetwork");
        assert.strictEqual(subnet.inputs.project, "host-project");
    });
});
