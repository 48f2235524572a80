import * as assert from "assert";
import {
    compileErrorResponses,
    compileUrlMap,
    CustomErrorResponsePolicySpec,
    matchingErrorRule,
    simulateRequest,
    UrlMapSpec,
} from "../../components/routing";

const BUCKET = "projects/p/global/backendBuckets/site";
const ERRORS = "projects/p/global/backendBuckets/errors";
const API = "projects/p/global/backendServices/api";

const mapPolicy: CustomErrorResponsePolicySpec = {
    errorService: BUCKET,
    errorResponseRules: [
        { matchResponseCodes: ["4xx"], path: "/4xx.html" },
        { matchResponseCodes: ["404"], path: "/404.html", overrideResponseCode: 404 },
        { matchResponseCodes: ["5xx"], path: "/5xx.html", overrideResponseCode: 503 },
    ],
};
const hostPolicy: CustomErrorResponsePolicySpec = {
    errorService: ERRORS,
    errorResponseRules: [{ matchResponseCodes: ["503"], path: "/shop-maintenance.html" }],
};
const routePolicy: CustomErrorResponsePolicySpec = {
    errorService: ERRORS,
    errorResponseRules: [{ matchResponseCodes: ["5xx"], path: "/api.json", overrideResponseCode: 200 }],
};

/** A hand-written map with a policy at each of GCP's three levels. */
const urlMap: UrlMapSpec = {
    defaultService: BUCKET,
    defaultCustomErrorResponsePolicy: mapPolicy,
    hostRules: [
        { hosts: ["shop.example.com"], pathMatcher: "shop" },
        { hosts: ["old.example.com"], pathMatcher: "old" },
    ],
    pathMatchers: [
        {
            name: "shop",
            defaultService: BUCKET,
            defaultCustomErrorResponsePolicy: hostPolicy,
            pathRules: [{ paths: ["/api/*"], service: API, customErrorResponsePolicy: routePolicy }],
        },
        { name: "old", defaultUrlRedirect: { hostRedirect: "shop.example.com", stripQuery: false } },
    ],
};

const on = (host: string, path: string, responseStatus?: number) =>
    simulateRequest(
        urlMap,
        { host, path },
        { scheme: "global-external", responseStatus, bucketNames: { [BUCKET]: "site-files" } },
    );

describe("custom error responses: the simulator resolves route, host and load balancer policies", () => {
    it("lists the policies that apply, most specific first", () => {
        assert.deepStrictEqual(
            on("shop.example.com", "/api/items").errorPolicies.map((p) => p.level),
            ["route", "host", "load balancer"],
        );
        assert.deepStrictEqual(
            on("other.example.com", "/").errorPolicies.map((p) => p.level),
            ["load balancer"],
        );
    });

    it("the route's policy wins for the statuses it lists", () => {
        assert.deepStrictEqual(on("shop.example.com", "/api/items", 502).errorPage, {
            status: 502,
            errorService: ERRORS,
            path: "/api.json",
            responseStatus: 200,
            level: "route",
        });
    });

    it("falls back to the host's, then the load balancer's policy for other statuses", () => {
        assert.deepStrictEqual(on("shop.example.com", "/", 503).errorPage, {
            status: 503,
            errorService: ERRORS,
            path: "/shop-maintenance.html",
            responseStatus: 503,
            level: "host",
        });
        assert.deepStrictEqual(on("shop.example.com", "/api/items", 404).errorPage, {
            status: 404,
            errorService: BUCKET,
            path: "/404.html",
            responseStatus: 404,
            level: "load balancer",
        });
    });

    it("an exact status beats its class within one policy; without any rule the backend's answer stands", () => {
        assert.strictEqual(on("other.example.com", "/", 404).errorPage?.path, "/404.html");
        assert.strictEqual(on("other.example.com", "/", 403).errorPage?.path, "/4xx.html");
        assert.strictEqual(on("other.example.com", "/", 500).errorPage?.responseStatus, 503);
        assert.strictEqual(matchingErrorRule(hostPolicy, 500), undefined);
        assert.strictEqual(on("other.example.com", "/").errorPage, undefined, "no status given");
    });

    it("a redirect has no error policy", () => {
        const result = on("old.example.com", "/", 404);
        assert.strictEqual(result.kind, "redirect");
        assert.deepStrictEqual(result.errorPolicies, []);
        assert.strictEqual(result.errorPage, undefined);
    });

    it("names the Cloud Storage bucket a backend bucket serves", () => {
        assert.deepStrictEqual(
            on("other.example.com", "/index.html").backends.map((b) => [b.service, b.bucket]),
            [[BUCKET, "site-files"]],
        );
        assert.strictEqual(on("shop.example.com", "/api/x").backends[0].bucket, undefined);
    });

    it("compiles a policy with its backend's reference, the rules in order and the override only when set", () => {
        assert.deepStrictEqual(
            compileErrorResponses(
                {
                    rules: [
                        { statusCodes: ["404"], path: "/404.html" },
                        { statusCodes: ["5xx", "429"], path: "/busy.html", overrideStatus: 503 },
                    ],
                },
                "site",
                (key) => `ref:${key}`,
            ),
            {
                errorService: "ref:site",
                errorResponseRules: [
                    { matchResponseCodes: ["404"], path: "/404.html" },
                    { matchResponseCodes: ["5xx", "429"], path: "/busy.html", overrideResponseCode: 503 },
                ],
            },
        );
    });
});

describe("custom error responses: the compiler", () => {
    const ref = (key: string) => `ref:${key}`;
    const rules = [{ statusCodes: ["404"], path: "/404.html" }];

    it("puts the load balancer's policy on the map and a route's on its path rule, with the map's backend by default", () => {
        const spec = compileUrlMap(
            {
                routes: [
                    {
                        paths: ["/api/*"],
                        backend: "api",
                        customErrorResponses: { rules: [{ statusCodes: ["5xx"], path: "/api.json" }] },
                    },
                ],
                defaultBackend: "site",
                customErrorResponses: { backend: "site", rules },
            },
            { scheme: "global-external", backendRef: ref },
        );
        assert.deepStrictEqual(spec.defaultCustomErrorResponsePolicy, {
            errorService: "ref:site",
            errorResponseRules: [{ matchResponseCodes: ["404"], path: "/404.html" }],
        });
        assert.deepStrictEqual(
            spec.pathMatchers?.flatMap((m) => m.pathRules ?? []),
            [
                {
                    paths: ["/api/*"],
                    service: "ref:api",
                    customErrorResponsePolicy: {
                        errorService: "ref:site",
                        errorResponseRules: [{ matchResponseCodes: ["5xx"], path: "/api.json" }],
                    },
                },
            ],
        );
    });

    it("puts a route's policy on its route rule when the matcher needs route rules", () => {
        const spec = compileUrlMap(
            {
                routes: [
                    {
                        paths: ["/v1/*"],
                        headers: [{ name: "x-beta", exact: "1" }],
                        backend: "beta",
                        customErrorResponses: { backend: "pages", rules },
                    },
                ],
                defaultBackend: "api",
            },
            { scheme: "global-external", backendRef: ref },
        );
        const routeRules = spec.pathMatchers?.flatMap((m) => m.routeRules ?? []) ?? [];
        assert.deepStrictEqual(
            routeRules.map((r) => [r.service, r.customErrorResponsePolicy?.errorService]),
            [["ref:beta", "ref:pages"]],
        );
        assert.strictEqual(spec.defaultCustomErrorResponsePolicy, undefined);
    });

    it("keeps a catch-all route with its own policy as a rule, so the map's default keeps the load balancer's", () => {
        const spec = compileUrlMap(
            {
                routes: [{ paths: ["/*"], backend: "site", customErrorResponses: { rules } }],
                defaultBackend: "site",
                customErrorResponses: { backend: "pages", rules: [{ statusCodes: ["5xx"], path: "/5xx.html" }] },
            },
            { scheme: "global-external", backendRef: ref },
        );
        assert.strictEqual(spec.defaultCustomErrorResponsePolicy?.errorService, "ref:pages");
        const request = { host: "x.example.com", path: "/missing" };
        assert.strictEqual(simulateRequest(spec, request, { responseStatus: 404 }).errorPage?.path, "/404.html");
        assert.strictEqual(simulateRequest(spec, request, { responseStatus: 500 }).errorPage?.path, "/5xx.html");
    });
});
