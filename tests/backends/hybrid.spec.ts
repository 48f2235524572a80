import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { supports } from "../../components/schemes";
import { formatProblems, Problem } from "../../components/validation";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const P = "projects/mock-project";
const R = "europe-west1";
const VPC = `https://www.googleapis.com/compute/v1/${P}/global/networks/shop-network`;

describe("HybridBackend in a regional internal load balancer (canary migration from on-premises)", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shop", {
            scheme: "regional-internal",
            region: R,
            backends: {
                cloud: { cloudRun: { service: "shop" } },
                legacy: {
                    hybrid: {
                        zone: "europe-west1-b",
                        defaultPort: 443,
                        endpoints: [{ ipAddress: "192.168.10.21" }, { ipAddress: "192.168.10.22", port: 8443 }],
                        healthCheck: { requestPath: "/healthz" },
                    },
                },
            },
            defaultBackend: "legacy",
        });
        await settle();
    });

    it("makes a zonal NON_GCP_PRIVATE_IP_PORT NEG in the load balancer's VPC, with a replacement-safe name", () => {
        const neg = recorder.get("gcp:compute/networkEndpointGroup:NetworkEndpointGroup", "shop-legacy-neg").inputs;
        assert.strictEqual(neg.networkEndpointType, "NON_GCP_PRIVATE_IP_PORT");
        assert.strictEqual(neg.zone, "europe-west1-b");
        assert.strictEqual(neg.network, VPC);
        assert.strictEqual(neg.defaultPort, 443);
        assert.match(neg.name as string, /^shop-legacy-neg-[0-9a-f]{8}$/);
    });

    it("adds each on-premises IP:port as a network endpoint of that NEG, keyed by IP:port", () => {
        const neg = recorder.get("gcp:compute/networkEndpointGroup:NetworkEndpointGroup", "shop-legacy-neg");
        const endpoints = recorder.byType("gcp:compute/networkEndpoint:NetworkEndpoint");
        assert.deepStrictEqual(
            endpoints.map((e) => e.inputs),
            [
                {
                    ipAddress: "192.168.10.21",
                    networkEndpointGroup: neg.inputs.name,
                    port: 443,
                    zone: "europe-west1-b",
                },
                {
                    ipAddress: "192.168.10.22",
                    networkEndpointGroup: neg.inputs.name,
                    port: 8443,
                    zone: "europe-west1-b",
                },
            ],
        );
        assert.deepStrictEqual(
            endpoints.map((e) => e.name),
            ["shop-legacy-endpoint-192.168.10.21-443", "shop-legacy-endpoint-192.168.10.22-8443"],
        );
    });

    it("health-checks the endpoints with a regional HTTPS check on their serving port", () => {
        const check = recorder.get("gcp:compute/regionHealthCheck:RegionHealthCheck", "shop-legacy-health-check");
        assert.deepStrictEqual(check.inputs, {
            checkIntervalSec: 5,
            httpsHealthCheck: { portSpecification: "USE_SERVING_PORT", requestPath: "/healthz" },
            name: "shop-legacy-health-check",
            region: R,
            timeoutSec: 5,
        });
    });

    it("balances by RATE with maxRatePerEndpoint and the health check on the backend service", () => {
        const backend = recorder.get(
            "gcp:compute/regionBackendService:RegionBackendService",
            "shop-legacy-backend",
        ).inputs;
        const neg = recorder.get("gcp:compute/networkEndpointGroup:NetworkEndpointGroup", "shop-legacy-neg");
        const check = recorder.get("gcp:compute/regionHealthCheck:RegionHealthCheck", "shop-legacy-health-check");
        assert.deepStrictEqual(backend.backends, [{ balancingMode: "RATE", group: neg.id, maxRatePerEndpoint: 100 }]);
        assert.strictEqual(backend.healthChecks, check.id);
        assert.strictEqual(backend.protocol, "HTTPS");
        assert.strictEqual(backend.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.deepStrictEqual(backend.logConfig, { enable: true, sampleRate: 1 });
    });

    it("leaves the serverless backend without balancing mode or health check", () => {
        const backend = recorder.get(
            "gcp:compute/regionBackendService:RegionBackendService",
            "shop-cloud-backend",
        ).inputs;
        assert.ok(!("healthChecks" in backend));
        assert.ok(!("balancingMode" in (backend.backends as any[])[0]));
    });
});

describe("HybridBackend in a global external load balancer", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("edge", {
            scheme: "global-external",
            backends: {
                dc: {
                    hybrid: {
                        zone: "europe-west3-a",
                        network: "projects/net/global/networks/hybrid",
                        endpoints: [{ ipAddress: "10.200.0.5", port: 80 }],
                        protocol: "HTTP",
                        maxRatePerEndpoint: 250,
                        healthCheck: { port: 8080 },
                    },
                },
            },
        });
        await settle();
    });

    it("uses the given VPC, a global HTTP health check on a fixed port, and a global backend service", () => {
        const neg = recorder.get("gcp:compute/networkEndpointGroup:NetworkEndpointGroup", "edge-dc-neg");
        assert.strictEqual(neg.inputs.network, "projects/net/global/networks/hybrid");
        const check = recorder.get("gcp:compute/healthCheck:HealthCheck", "edge-dc-health-check");
        assert.deepStrictEqual(check.inputs.httpHealthCheck, {
            port: 8080,
            portSpecification: "USE_FIXED_PORT",
            requestPath: "/",
        });
        const backend = recorder.get("gcp:compute/backendService:BackendService", "edge-dc-backend").inputs;
        assert.deepStrictEqual(backend.backends, [{ balancingMode: "RATE", group: neg.id, maxRatePerEndpoint: 250 }]);
        assert.strictEqual(backend.healthChecks, check.id);
        assert.strictEqual(backend.protocol, "HTTP");
        assert.strictEqual(backend.loadBalancingScheme, "EXTERNAL_MANAGED");
    });
});

function onlyProblem(args: ApplicationLoadBalancerArgs): Problem {
    const problems = validateLoadBalancerArgs(args);
    assert.strictEqual(problems.length, 1, `expected one problem, got:\n${formatProblems("args", problems)}`);
    return problems[0];
}

describe("hybrid backend validation", () => {
    const regional = (hybrid: any): ApplicationLoadBalancerArgs => ({
        scheme: "regional-internal",
        region: R,
        backends: { legacy: { hybrid } },
    });

    it("is supported by every scheme (hybrid-neg-concepts)", () => {
        for (const scheme of [
            "regional-internal",
            "cross-region-internal",
            "regional-external",
            "global-external",
            "classic",
        ] as const) {
            assert.strictEqual(supports(scheme, "hybridNeg"), true, scheme);
        }
    });

    it("rejects a host name as an endpoint and points to internet NEGs", () => {
        assert.deepStrictEqual(
            onlyProblem(regional({ zone: "europe-west1-b", endpoints: [{ ipAddress: "legacy.corp", port: 443 }] })),
            {
                rule: "hybrid-endpoints",
                field: "backends.legacy.hybrid.endpoints[0].ipAddress",
                message:
                    '"legacy.corp" is not an IPv4 address; hybrid NEG endpoints are private IP:port pairs, not host names',
                fix: "give the endpoint's private IPv4 address (for a host name use an internet NEG: backends.<key>.internet)",
            },
        );
    });

    it("rejects an endpoint without a port when there is no default port", () => {
        assert.deepStrictEqual(
            onlyProblem(regional({ zone: "europe-west1-b", endpoints: [{ ipAddress: "10.0.0.1" }] })),
            {
                rule: "hybrid-endpoints",
                field: "backends.legacy.hybrid.endpoints[0].port",
                message: "no port is set and hybrid.defaultPort is unset",
                fix: 'list endpoints as { ipAddress: "192.168.10.21", port: 443 } (or set hybrid.defaultPort)',
            },
        );
    });

    it("rejects a port outside 1–65535 with the field and the range", () => {
        assert.deepStrictEqual(
            onlyProblem(regional({ zone: "europe-west1-b", endpoints: [{ ipAddress: "10.0.0.1", port: 70000 }] })),
            {
                rule: "hybrid-endpoints",
                field: "backends.legacy.hybrid.endpoints[0].port",
                message: "70000 is not a TCP port",
                fix: "use a whole number from 1 to 65535",
            },
        );
    });

    it("rejects a duplicate endpoint and an empty list", () => {
        const dup = onlyProblem(
            regional({
                zone: "europe-west1-b",
                defaultPort: 443,
                endpoints: [{ ipAddress: "10.0.0.1" }, { ipAddress: "10.0.0.1", port: 443 }],
            }),
        );
        assert.strictEqual(dup.field, "backends.legacy.hybrid.endpoints[1]");
        assert.strictEqual(dup.message, "10.0.0.1:443 is listed more than once; a NEG holds each endpoint once");
        const none = onlyProblem(regional({ zone: "europe-west1-b", endpoints: [] }));
        assert.strictEqual(none.field, "backends.legacy.hybrid.endpoints");
        assert.strictEqual(none.message, "no endpoint is given");
    });

    it("rejects a zone outside a regional load balancer's region", () => {
        assert.deepStrictEqual(
            onlyProblem(regional({ zone: "us-central1-a", endpoints: [{ ipAddress: "10.0.0.1", port: 80 }] })),
            {
                rule: "hybrid-zone",
                field: "backends.legacy.hybrid.zone",
                message:
                    '"us-central1-a" is not in europe-west1, the region of this regional internal Application Load Balancer',
                fix: "use a zone of europe-west1, where the load balancer and its hybrid connectivity must be",
            },
        );
        assert.strictEqual(
            onlyProblem(regional({ zone: "europe-west1", endpoints: [{ ipAddress: "10.0.0.1", port: 80 }] })).message,
            '"europe-west1" is not a GCP zone name (e.g. "europe-west1-b")',
        );
    });

    it("requires a network on global external, which has no VPC", () => {
        assert.deepStrictEqual(
            onlyProblem({
                scheme: "global-external",
                backends: {
                    legacy: { hybrid: { zone: "europe-west1-b", endpoints: [{ ipAddress: "10.0.0.1", port: 80 }] } },
                },
            }),
            {
                rule: "hybrid-network",
                field: "backends.legacy.hybrid.network",
                message:
                    "is not set, and the global external Application Load Balancer has no VPC of its own to default to",
                fix: 'set hybrid.network to the self link of the VPC with the VPN or Interconnect, e.g. "projects/net/global/networks/hybrid"',
            },
        );
    });

    it("rejects a non-positive rate and a health-check timeout longer than its interval", () => {
        const problems = validateLoadBalancerArgs(
            regional({
                zone: "europe-west1-b",
                endpoints: [{ ipAddress: "10.0.0.1", port: 80 }],
                maxRatePerEndpoint: 0,
                healthCheck: { checkIntervalSec: 2 },
            }),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.rule, p.field, p.message]),
            [
                [
                    "hybrid-balancing",
                    "backends.legacy.hybrid.maxRatePerEndpoint",
                    "0 is not a positive rate; hybrid NEGs use the RATE balancing mode, which needs one",
                ],
                [
                    "hybrid-balancing",
                    "backends.legacy.hybrid.healthCheck.timeoutSec",
                    "5 s is longer than checkIntervalSec (2 s)",
                ],
            ],
        );
    });

    it("rejects a backend naming two kinds", () => {
        const problem = onlyProblem({
            scheme: "regional-internal",
            region: R,
            backends: {
                legacy: {
                    cloudRun: { service: "x" },
                    hybrid: { zone: "europe-west1-b", endpoints: [{ ipAddress: "10.0.0.1", port: 80 }] },
                },
            },
        });
        assert.strictEqual(problem.message, "names 2 backend kinds (cloudRun, hybrid)");
        assert.strictEqual(problem.fix, "set exactly one of cloudRun, hybrid, internet, bucket or backendService");
    });
});
