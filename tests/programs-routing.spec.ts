import * as assert from "assert";
import { plan, PlanResult } from "../tools/plan";

function urlMapInputs(result: PlanResult): Record<string, any> {
    const maps = result.resources.filter(
        (r) => r.type === "gcp:compute/uRLMap:URLMap" || r.type === "gcp:compute/regionUrlMap:RegionUrlMap",
    );
    assert.strictEqual(maps.length, 1, "one URL map");
    return maps[0].inputs as Record<string, any>;
}

describe("programs/url-mask (seed 002)", () => {
    let result: PlanResult;
    before(async () => {
        result = await plan({ program: "programs/url-mask", request: "GET https://example.com/login/web" });
    });

    it("plans without errors: one URL-mask NEG behind one regional backend service", () => {
        assert.deepStrictEqual(result.errors, []);
        const negs = result.resources.filter(
            (r) => r.type === "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
        );
        assert.deepStrictEqual(
            negs.map((n) => n.inputs.cloudRun),
            [{ urlMask: "example.com/<service>" }],
        );
        assert.strictEqual(
            result.resources.filter((r) => r.type === "gcp:compute/regionBackendService:RegionBackendService").length,
            1,
        );
    });

    it("emits the route tests as RegionUrlMap tests with the service", () => {
        const tests = urlMapInputs(result).tests as { host: string; path: string; service: string }[];
        assert.deepStrictEqual(
            tests.map((t) => [t.host, t.path]),
            [
                ["example.com", "/login/web"],
                ["example.com", "/cart/web"],
                ["example.com", "/search/web"],
            ],
        );
        assert.ok(tests.every((t) => t.service.includes("/backendServices/shop-services-backend")));
    });

    it("--request names the backend and the Cloud Run service the mask selects", () => {
        assert.deepStrictEqual(
            result.request!.map((r) => [r.loadBalancer, r.summary, r.backends[0].cloudRunService]),
            [["shop", 'backend "services" (Cloud Run service "login")', "login"]],
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

describe("programs/canary-migration (seed 000)", () => {
    it("splits 99/1 by default on a regional internal URL map, with weightedBackendServices", async () => {
        const result = await plan({ program: "programs/canary-migration" });
        assert.deepStrictEqual(result.errors, []);
        const split = urlMapInputs(result).defaultRouteAction.weightedBackendServices;
        assert.deepStrictEqual(
            split.map((w: any) => w.weight),
            [99, 1],
        );
        assert.strictEqual(
            split[0].backendService,
            "projects/my-project/regions/europe-west1/backendServices/legacy-orders",
        );
        assert.match(split[1].backendService, /\/regions\/europe-west1\/backendServices\/migration-cloudrun-backend/);
        assert.ok(result.diagram.includes("Cloud Run orders"));
    });

    it("moves all traffic with cloudRunPercent=100", async () => {
        const result = await plan({ program: "programs/canary-migration", config: { cloudRunPercent: "100" } });
        assert.deepStrictEqual(
            urlMapInputs(result).defaultRouteAction.weightedBackendServices.map((w: any) => w.weight),
            [0, 100],
        );
    });
});
