import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { plan, PlanResult } from "../../components/cli/plan";
import { PlannedResource } from "../support/program-helpers";

function one(result: PlanResult, type: string, name: string): PlannedResource {
    const found = result.resources.filter((r) => r.type === type && r.name === name);
    assert.strictEqual(found.length, 1, `one ${type} ${name}`);
    return found[0];
}

/** The routing URL map (not the HTTP→HTTPS redirect's). */
function urlMapInputs(result: PlanResult): Record<string, any> {
    const maps = result.resources.filter(
        (r) =>
            (r.type === "gcp:compute/uRLMap:URLMap" || r.type === "gcp:compute/regionUrlMap:RegionUrlMap") &&
            !r.name.endsWith("-redirect-url-map"),
    );
    assert.strictEqual(maps.length, 1, "one routing URL map");
    return maps[0].inputs as Record<string, any>;
}

describe("programs/url-mask (seed 002, on the guide's internal load balancer)", () => {
    let result: PlanResult;
    before(async () => {
        result = await plan({ program: "programs/url-mask", request: "GET https://example.com/login/web" });
    });

    it("plans without errors: one URL-mask NEG and backend service per form of the guide's table", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
        const negs = result.resources.filter(
            (r) => r.type === "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
        );
        assert.deepStrictEqual(negs.map((n) => (n.inputs.cloudRun as { urlMask: string }).urlMask).sort(), [
            "<service>.example.com",
            "<tag>.<service>.example.com",
            "<tag>.example.com/home/<service>",
            "example.com/<service>",
            "example.com/home/<service>/<tag>",
        ]);
        const backends = result.resources.filter(
            (r) => r.type === "gcp:compute/regionBackendService:RegionBackendService",
        );
        assert.strictEqual(backends.length, 5);
        assert.ok(backends.every((b) => b.inputs.loadBalancingScheme === "INTERNAL_MANAGED"));
    });

    it("serves plain HTTP on the internal scheme, so the README tests with http://", () => {
        const rule = result.resources.find((r) => r.type === "gcp:compute/forwardingRule:ForwardingRule")!;
        assert.deepStrictEqual([rule.inputs.loadBalancingScheme, rule.inputs.portRange], ["INTERNAL_MANAGED", "80"]);
        assert.ok(!result.resources.some((r) => /TargetHttpsProxy/.test(r.type)));
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "programs", "url-mask", "README.md"), "utf8");
        const tests = readme.slice(readme.indexOf("## Test it once deployed"));
        assert.ok(!tests.includes("https://"), "no https:// in the README's test commands");
        assert.match(tests, /curl -s -H 'Host: test\.example\.com' http:\/\/\$VIP\/home\/login/);
        // Its Pulumi.yaml (what `pulumi new` shows) names the scheme it plans by default.
        const project = fs.readFileSync(
            path.join(__dirname, "..", "..", "programs", "url-mask", "Pulumi.yaml"),
            "utf8",
        );
        assert.match(project, /^description: .*behind a regional internal Application Load Balancer/m);
    });

    it("has a route test per form of the guide's table, checking the service and tag the mask selects", () => {
        const tests = (result.outputs.masks as Record<string, string>) ?? {};
        assert.deepStrictEqual(Object.keys(tests).sort(), [
            "serviceHost",
            "services",
            "tagHostPath",
            "tagPath",
            "tagServiceHost",
        ]);
        assert.deepStrictEqual(
            result.routes.map((r) => [r.hosts, r.match, r.backends]),
            [
                ["example.com", "/home/*", "tagPath"],
                ["*.login.example.com *.cart.example.com *.search.example.com", "/*", "tagServiceHost"],
                ["*.example.com", "/home/*", "tagHostPath"],
                ["*.example.com", "/*", "serviceHost"],
                ["*", "anything else", "services"],
            ],
        );
        // No GCP-side tests on internal URL maps: the route tests ran offline (a failing one fails the plan).
        assert.ok(!("tests" in urlMapInputs(result)));
    });

    for (const [url, backend, service, tag] of [
        ["http://login.example.com/", "serviceHost", "login", undefined],
        ["http://example.com/login", "services", "login", undefined],
        ["http://test.login.example.com/", "tagServiceHost", "login", "test"],
        ["http://example.com/home/login/test", "tagPath", "login", "test"],
        ["http://test.example.com/home/login", "tagHostPath", "login", "test"],
    ] as const) {
        it(`--request ${url} reaches ${backend}: Cloud Run ${service}${tag ? ` tag ${tag}` : ""}`, async () => {
            const routed = await plan({ program: "programs/url-mask", request: `GET ${url}` });
            assert.deepStrictEqual(
                routed.request!.map((r) => r.backends.map((b) => [b.backend, b.cloudRunService, b.cloudRunTag])),
                [[[backend, service, tag]]],
            );
        });
    }

    it("--request names the backend and the Cloud Run service the mask selects", () => {
        assert.deepStrictEqual(
            result.request!.map((r) => [r.loadBalancer, r.summary, r.backends[0].cloudRunService]),
            [["shop", 'backend "services" (Cloud Run service "login")', "login"]],
        );
    });

    it("runs on regional external too, where the route tests are also emitted to GCP", async () => {
        const external = await plan({ program: "programs/url-mask", config: { scheme: "regional-external" } });
        assert.deepStrictEqual(external.errors, []);
        const tests = urlMapInputs(external).tests as { host: string; path: string }[];
        assert.deepStrictEqual(
            tests.slice(0, 5).map((t) => `${t.host}${t.path}`),
            [
                "example.com/login",
                "login.example.com/",
                "test.login.example.com/",
                "example.com/home/login/test",
                "test.example.com/home/login",
            ],
        );
    });
});

describe("programs/traffic-management (seed 000)", () => {
    let result: PlanResult;
    before(async () => {
        result = await plan({ program: "programs/traffic-management" });
    });

    it("plans without errors and uses header routing to the tag, header actions, rewrite and fault injection", () => {
        assert.deepStrictEqual(result.errors, []);
        const map = urlMapInputs(result);
        assert.deepStrictEqual(map.headerAction, {
            responseHeadersToAdds: [
                { headerName: "strict-transport-security", headerValue: "max-age=31536000", replace: false },
            ],
            responseHeadersToRemoves: ["x-powered-by"],
        });
        const rules = map.pathMatchers[0].routeRules;
        assert.deepStrictEqual(rules[0].matchRules, [
            { prefixMatch: "/", headerMatches: [{ headerName: "x-canary", exactMatch: "true" }] },
        ]);
        assert.deepStrictEqual(rules[0].headerAction.requestHeadersToAdds, [
            { headerName: "x-route", headerValue: "canary", replace: true },
        ]);
        assert.deepStrictEqual(rules[1].routeAction, { urlRewrite: { pathPrefixRewrite: "/api/" } });
        assert.deepStrictEqual(rules[2].routeAction.faultInjectionPolicy, {
            delay: { fixedDelay: { seconds: "2" }, percentage: 5 },
            abort: { httpStatus: 503, percentage: 5 },
        });
        const canaryNeg = result.resources.find((r) => r.name === "traffic-canary-neg")!;
        assert.deepStrictEqual(canaryNeg.inputs.cloudRun, { service: "shop", tag: "canary" });
    });

    it("serves HTTPS (Google-managed certificate for the host) and redirects HTTP, so HSTS reaches browsers", () => {
        const cert = result.resources.find(
            (r) => r.type === "gcp:compute/managedSslCertificate:ManagedSslCertificate",
        )!;
        assert.deepStrictEqual(cert.inputs.managed, { domains: ["shop.example.com"] });
        const rules = result.resources
            .filter((r) => r.type === "gcp:compute/globalForwardingRule:GlobalForwardingRule")
            .map((r) => [r.inputs.portRange, String(r.inputs.target).split("/").slice(-2, -1)[0]]);
        assert.deepStrictEqual(rules, [
            ["80", "targetHttpProxies"],
            ["443", "targetHttpsProxies"],
        ]);
        const redirect = result.resources.find((r) => r.name === "traffic-frontend-redirect-url-map")!;
        assert.deepStrictEqual(redirect.inputs.defaultUrlRedirect, {
            httpsRedirect: true,
            redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT",
            stripQuery: false,
        });
        assert.strictEqual(result.outputs.url, "https://shop.example.com/ (point shop.example.com at 203.0.113.10)");
    });

    it("puts the canary tag on the revision it deploys; with shopStableRevision, everyone else stays on that one", async () => {
        const shop = (planned: PlanResult) => planned.resources.find((r) => r.name === "shop")!.inputs as any;
        assert.strictEqual(shop(result).template.revision, "shop-v1");
        assert.deepStrictEqual(shop(result).traffics, [
            { percent: 100, type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
            { percent: 0, tag: "canary", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
        ]);
        const second = await plan({
            program: "programs/traffic-management",
            config: { shopStableRevision: "shop-v1", shopRevision: "v2" },
        });
        assert.deepStrictEqual(second.errors, []);
        assert.strictEqual(shop(second).template.revision, "shop-v2");
        assert.deepStrictEqual(shop(second).traffics, [
            { percent: 100, revision: "shop-v1", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION" },
            { percent: 0, tag: "canary", type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" },
        ]);
    });

    it("emits the header test with its headers on the global URL map", () => {
        assert.deepStrictEqual(
            urlMapInputs(result).tests.map((t: any) => [t.path, t.headers ?? null, t.description]),
            [
                ["/", [{ name: "x-canary", value: "true" }], "opt-in header reaches the canary tag"],
                ["/", null, "everyone else gets stable"],
                ["/legacy-api/orders", null, "legacy API path is rewritten"],
            ],
        );
    });
});

describe("programs/canary-migration (seed 000: on-premises → Cloud Run through a hybrid NEG)", () => {
    const NEG = "gcp:compute/networkEndpointGroup:NetworkEndpointGroup";
    const BACKEND = "gcp:compute/regionBackendService:RegionBackendService";
    const backendLink = (result: PlanResult, name: string) =>
        `projects/mock-project/regions/europe-west1/backendServices/${one(result, BACKEND, name).inputs.name}`;
    const weights = (result: PlanResult) =>
        urlMapInputs(result).defaultRouteAction.weightedBackendServices.map((w: any) => [w.backendService, w.weight]);
    let result: PlanResult;
    before(async () => {
        result = await plan({ program: "programs/canary-migration" });
    });

    it("plans without errors or warnings on a regional internal load balancer", () => {
        assert.deepStrictEqual(result.errors, []);
        assert.deepStrictEqual(result.warnings, []);
        assert.deepStrictEqual(
            result.resources.filter((r) => r.type === BACKEND).map((r) => r.inputs.loadBalancingScheme),
            ["INTERNAL_MANAGED", "INTERNAL_MANAGED"],
        );
    });

    it("creates the legacy side as a zonal NON_GCP_PRIVATE_IP_PORT NEG in the load balancer's VPC", () => {
        const neg = one(result, NEG, "migration-legacy-neg").inputs;
        assert.strictEqual(neg.networkEndpointType, "NON_GCP_PRIVATE_IP_PORT");
        assert.strictEqual(neg.zone, "europe-west1-b");
        assert.strictEqual(neg.defaultPort, 443);
        assert.strictEqual(neg.network, result.outputs.networkSelfLink);
        assert.strictEqual(
            result.outputs.networkSelfLink,
            "https://www.googleapis.com/compute/v1/projects/mock-project/global/networks/migration-network",
        );
    });

    it("registers each on-premises IP:port from config as an endpoint of that NEG", () => {
        const neg = one(result, NEG, "migration-legacy-neg").inputs;
        const endpoints = result.resources.filter((r) => r.type === "gcp:compute/networkEndpoint:NetworkEndpoint");
        assert.deepStrictEqual(
            endpoints.map((e) => e.inputs),
            [
                { ipAddress: "192.168.10.21", networkEndpointGroup: neg.name, port: 443, zone: "europe-west1-b" },
                { ipAddress: "192.168.10.22", networkEndpointGroup: neg.name, port: 443, zone: "europe-west1-b" },
            ],
        );
    });

    it("health-checks the endpoints over HTTPS on their serving port, and balances by RATE", () => {
        const check = one(result, "gcp:compute/regionHealthCheck:RegionHealthCheck", "migration-legacy-health-check");
        assert.deepStrictEqual(check.inputs, {
            checkIntervalSec: 5,
            httpsHealthCheck: { portSpecification: "USE_SERVING_PORT", requestPath: "/healthz" },
            name: "migration-legacy-health-check",
            region: "europe-west1",
            timeoutSec: 5,
        });
        const legacy = one(result, BACKEND, "migration-legacy-backend").inputs;
        const neg = one(result, NEG, "migration-legacy-neg").inputs;
        assert.deepStrictEqual(legacy.backends, [
            {
                balancingMode: "RATE",
                group: `projects/mock-project/zones/europe-west1-b/networkEndpointGroups/${neg.name}`,
                maxRatePerEndpoint: 100,
            },
        ]);
        assert.strictEqual(
            legacy.healthChecks,
            "projects/mock-project/regions/europe-west1/healthChecks/migration-legacy-health-check",
        );
        assert.strictEqual(legacy.protocol, "HTTPS");
    });

    it("splits 99/1 by default with weightedBackendServices on the RegionUrlMap", () => {
        assert.deepStrictEqual(weights(result), [
            [backendLink(result, "migration-legacy-backend"), 99],
            [backendLink(result, "migration-cloudrun-backend"), 1],
        ]);
        assert.strictEqual(urlMapInputs(result).defaultService, undefined);
        assert.ok(result.diagram.includes("on-prem endpoints"));
        assert.ok(result.diagram.includes("Cloud Run orders"));
        assert.deepStrictEqual(
            result.routes.map((r) => [r.action, r.backends]),
            [
                ["split", "legacy 99/100, cloudrun 1/100"],
                ["backend", "legacy"],
            ],
        );
    });

    for (const [percent, legacyWeight] of [
        ["1", 99],
        ["50", 50],
        ["100", 0],
    ] as const) {
        it(`gives Cloud Run ${percent}% with cloudRunPercent=${percent}`, async () => {
            const step = await plan({ program: "programs/canary-migration", config: { cloudRunPercent: percent } });
            assert.deepStrictEqual(step.errors, []);
            assert.deepStrictEqual(weights(step), [
                [backendLink(step, "migration-legacy-backend"), legacyWeight],
                [backendLink(step, "migration-cloudrun-backend"), Number(percent)],
            ]);
            assert.strictEqual(step.outputs.cloudRunShare, `${percent}%`);
        });
    }

    it("rejects a share outside 0–100 before creating anything", async () => {
        for (const bad of ["101", "-1", "2.5"]) {
            const step = await plan({ program: "programs/canary-migration", config: { cloudRunPercent: bad } });
            assert.deepStrictEqual(
                step.errors.map((e) => e.message),
                [
                    `config cloudRunPercent must be a whole number from 0 to 100, got ${bad}: set it with \`pulumi config set cloudRunPercent 10\``,
                ],
            );
            assert.deepStrictEqual(step.resources, []);
        }
    });

    it("takes the endpoints from config, one without a port on the default 443", async () => {
        const custom = await plan({
            program: "programs/canary-migration",
            config: { legacyEndpoints: "10.200.0.5:8443, 10.200.0.6", zone: "europe-west1-c" },
        });
        assert.deepStrictEqual(custom.errors, []);
        assert.deepStrictEqual(
            custom.resources
                .filter((r) => r.type === "gcp:compute/networkEndpoint:NetworkEndpoint")
                .map((e) => [e.inputs.ipAddress, e.inputs.port, e.inputs.zone]),
            [
                ["10.200.0.5", 8443, "europe-west1-c"],
                ["10.200.0.6", 443, "europe-west1-c"],
            ],
        );
    });

    it("reports a host name instead of an IP as a configuration problem", async () => {
        const bad = await plan({
            program: "programs/canary-migration",
            config: { legacyEndpoints: "legacy.corp:443" },
        });
        assert.deepStrictEqual(bad.errors[0].problems, [
            {
                rule: "hybrid-endpoints",
                field: "backends.legacy.hybrid.endpoints[0].ipAddress",
                message:
                    '"legacy.corp" is not an IPv4 address; hybrid NEG endpoints are private IP:port pairs, not host names',
                fix: "give the endpoint's private IPv4 address (for a host name use an internet NEG: backends.<key>.internet)",
            },
        ]);
    });

    it("puts the hybrid NEG in an existing VPC, adopting its proxy-only subnet, when network is set", async () => {
        const existing = await plan({
            program: "programs/canary-migration",
            config: {
                network: "projects/net/global/networks/hybrid",
                subnetwork: "projects/net/regions/europe-west1/subnetworks/apps",
                proxyOnlySubnetwork: "projects/net/regions/europe-west1/subnetworks/proxy-only",
            },
        });
        assert.deepStrictEqual(existing.errors, []);
        assert.strictEqual(
            one(existing, NEG, "migration-legacy-neg").inputs.network,
            "projects/net/global/networks/hybrid",
        );
        assert.deepStrictEqual(
            existing.resources.filter((r) => /compute\/(network|subnetwork):/.test(r.type)),
            [],
            "nothing is created in the existing VPC",
        );
    });

    it("uses an existing legacy backend service instead of the hybrid NEG when legacyBackendService is set", async () => {
        const link = "projects/my-project/regions/europe-west1/backendServices/legacy-orders";
        const existing = await plan({ program: "programs/canary-migration", config: { legacyBackendService: link } });
        assert.deepStrictEqual(existing.errors, []);
        assert.deepStrictEqual(
            existing.resources.filter((r) => r.type === NEG),
            [],
        );
        assert.deepStrictEqual(weights(existing), [
            [link, 99],
            [backendLink(existing, "migration-cloudrun-backend"), 1],
        ]);
    });
});
