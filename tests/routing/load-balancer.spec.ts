import * as assert from "assert";
import { ApplicationLoadBalancer, ApplicationLoadBalancerArgs } from "../../components/load-balancer";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const R = "europe-west1";
const routing: Pick<
    ApplicationLoadBalancerArgs,
    "backends" | "routes" | "defaultBackend" | "tests" | "responseHeaders"
> = {
    backends: { web: { cloudRun: { service: "web" } }, canary: { cloudRun: { service: "web", tag: "canary" } } },
    defaultBackend: "web",
    routes: [
        { paths: ["/hello2", "/hello2/*"], backend: "web", rewrite: { pathPrefix: "/" } },
        {
            headers: [{ name: "x-canary", exact: "true" }],
            backend: "canary",
            requestHeaders: { add: [{ name: "x-route", value: "canary", replace: true }] },
        },
        {
            paths: ["/*"],
            split: [
                { backend: "web", weight: 90 },
                { backend: "canary", weight: 10, responseHeaders: { add: [{ name: "x-variant", value: "canary" }] } },
            ],
        },
    ],
    responseHeaders: { add: [{ name: "x-lb", value: "shop" }] },
    tests: [{ host: "shop.example.com", path: "/hello2/x", backend: "web", description: "hello2 is rewritten" }],
};

function expectedUrlMap(web: string, canary: string) {
    const split = {
        weightedBackendServices: [
            { backendService: web, weight: 90 },
            {
                backendService: canary,
                weight: 10,
                headerAction: {
                    responseHeadersToAdds: [{ headerName: "x-variant", headerValue: "canary", replace: false }],
                },
            },
        ],
    };
    return {
        defaultRouteAction: split,
        headerAction: { responseHeadersToAdds: [{ headerName: "x-lb", headerValue: "shop", replace: false }] },
        hostRules: [{ hosts: ["*"], pathMatcher: "m0" }],
        pathMatchers: [
            {
                name: "m0",
                defaultRouteAction: split,
                routeRules: [
                    {
                        priority: 0,
                        matchRules: [{ fullPathMatch: "/hello2" }, { prefixMatch: "/hello2/" }],
                        service: web,
                        routeAction: { urlRewrite: { pathPrefixRewrite: "/" } },
                    },
                    {
                        priority: 1,
                        matchRules: [
                            { prefixMatch: "/", headerMatches: [{ headerName: "x-canary", exactMatch: "true" }] },
                        ],
                        service: canary,
                        headerAction: {
                            requestHeadersToAdds: [{ headerName: "x-route", headerValue: "canary", replace: true }],
                        },
                    },
                ],
            },
        ],
    };
}

describe("ApplicationLoadBalancer routing → URL map (mocked)", () => {
    let recorder: Recorder;

    before(async () => {
        recorder = installMocks();
        new ApplicationLoadBalancer("shop", { scheme: "global-external", region: R, ...routing });
        new ApplicationLoadBalancer("orders", { scheme: "regional-internal", region: R, ...routing });
        await settle();
    });

    it("gives the global URLMap the splits, header actions, rewrite and the URL map test", () => {
        const inputs = recorder.get("gcp:compute/uRLMap:URLMap", "shop-url-map").inputs;
        const bs = (key: string) => recorder.get("gcp:compute/backendService:BackendService", `shop-${key}-backend`).id;
        const { name, project: _project, ...routingFields } = inputs as Record<string, unknown>;
        assert.strictEqual(name, "shop-url-map");
        assert.deepStrictEqual(routingFields, {
            ...expectedUrlMap(bs("web"), bs("canary")),
            tests: [
                { host: "shop.example.com", path: "/hello2/x", service: bs("web"), description: "hello2 is rewritten" },
            ],
        });
    });

    it("gives the RegionUrlMap the same routing, and no tests (internal schemes don't run them)", () => {
        const inputs = recorder.get("gcp:compute/regionUrlMap:RegionUrlMap", "orders-url-map").inputs;
        const bs = (key: string) =>
            recorder.get("gcp:compute/regionBackendService:RegionBackendService", `orders-${key}-backend`).id;
        const { name, project: _project, region, ...routingFields } = inputs as Record<string, unknown>;
        assert.deepStrictEqual([name, region], ["orders-url-map", R]);
        assert.deepStrictEqual(routingFields, expectedUrlMap(bs("web"), bs("canary")));
    });
});
