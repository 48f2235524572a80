import * as assert from "assert";
import { compileUrlMap, CompileOptions, RouteTable, runRouteTests, simulateRequest } from "../../components/routing";

const ref = (key: string) => `bs/${key}`;
const global: CompileOptions = { scheme: "global-external", backendRef: ref };

describe("compileUrlMap", () => {
    it("compiles no routes to the default service alone", () => {
        assert.deepStrictEqual(compileUrlMap({ routes: [], defaultBackend: "web" }, global), {
            defaultService: "bs/web",
        });
    });

    it("folds a catch-all split into defaultRouteAction (canary migration)", () => {
        const table: RouteTable = {
            routes: [
                {
                    split: [
                        { backend: "legacy", weight: 99 },
                        { backend: "run", weight: 1 },
                    ],
                },
            ],
            defaultBackend: "legacy",
        };
        assert.deepStrictEqual(compileUrlMap(table, { scheme: "regional-internal", backendRef: ref }), {
            defaultRouteAction: {
                weightedBackendServices: [
                    { backendService: "bs/legacy", weight: 99 },
                    { backendService: "bs/run", weight: 1 },
                ],
            },
        });
    });

    it("emits path rules for simple tables where longest match equals first match (seed 001: /hello2 rewrite)", () => {
        const table: RouteTable = {
            routes: [{ paths: ["/hello2", "/hello2/*"], backend: "hello2", rewrite: { pathPrefix: "/" } }],
            defaultBackend: "web",
        };
        assert.deepStrictEqual(compileUrlMap(table, { scheme: "classic", backendRef: ref }), {
            defaultService: "bs/web",
            hostRules: [{ hosts: ["*"], pathMatcher: "m0" }],
            pathMatchers: [
                {
                    name: "m0",
                    defaultService: "bs/web",
                    pathRules: [
                        {
                            paths: ["/hello2", "/hello2/*"],
                            service: "bs/hello2",
                            routeAction: { urlRewrite: { pathPrefixRewrite: "/" } },
                        },
                    ],
                },
            ],
        });
    });

    describe("lean maps", () => {
        it("gives a host whose routes all reach one backend a matcher with only that defaultService", () => {
            const table: RouteTable = {
                routes: [
                    { hosts: ["api.example.com"], backend: "api" },
                    { hosts: ["shop.example.com"], paths: ["/*"], backend: "shop" },
                ],
                defaultBackend: "web",
            };
            assert.deepStrictEqual(compileUrlMap(table, global), {
                defaultService: "bs/web",
                hostRules: [
                    { hosts: ["api.example.com"], pathMatcher: "m0" },
                    { hosts: ["shop.example.com"], pathMatcher: "m1" },
                ],
                pathMatchers: [
                    { name: "m0", defaultService: "bs/api" },
                    { name: "m1", defaultService: "bs/shop" },
                ],
            });
        });

        it("lets hosts with the same routing share one host rule and matcher, whatever routes they came from", () => {
            const table: RouteTable = {
                routes: [
                    { hosts: ["b.example.com"], paths: ["/v1/*"], backend: "api" },
                    { hosts: ["a.example.com"], paths: ["/v1/*"], backend: "api" },
                    { hosts: ["c.example.com"], backend: "api" },
                    { hosts: ["d.example.com", "e.example.com"], backend: "api" },
                ],
                defaultBackend: "web",
            };
            assert.deepStrictEqual(compileUrlMap(table, global), {
                defaultService: "bs/web",
                hostRules: [
                    { hosts: ["a.example.com", "b.example.com"], pathMatcher: "m0" },
                    { hosts: ["c.example.com", "d.example.com", "e.example.com"], pathMatcher: "m1" },
                ],
                pathMatchers: [
                    { name: "m0", defaultService: "bs/web", pathRules: [{ paths: ["/v1/*"], service: "bs/api" }] },
                    { name: "m1", defaultService: "bs/api" },
                ],
            });
        });

        it("ends a matcher at a host's catch-all: its default when it has no header action, else its last rule", () => {
            const table: RouteTable = {
                routes: [
                    { hosts: ["a.example.com"], headers: [{ name: "x-canary", present: true }], backend: "run" },
                    { hosts: ["a.example.com"], redirect: { host: "b.example.com" } },
                    { hosts: ["a.example.com"], paths: ["/never"], backend: "api" },
                    { hosts: ["c.example.com"], backend: "api", requestHeaders: { remove: ["x-debug"] } },
                    { hosts: ["c.example.com"], paths: ["/never"], backend: "run" },
                ],
                defaultBackend: "web",
            };
            assert.deepStrictEqual(compileUrlMap(table, global).pathMatchers, [
                {
                    name: "m0",
                    defaultUrlRedirect: { hostRedirect: "b.example.com", stripQuery: false },
                    routeRules: [
                        {
                            priority: 0,
                            matchRules: [
                                { prefixMatch: "/", headerMatches: [{ headerName: "x-canary", presentMatch: true }] },
                            ],
                            service: "bs/run",
                        },
                    ],
                },
                {
                    name: "m1",
                    defaultService: "bs/web",
                    routeRules: [
                        {
                            priority: 3,
                            matchRules: [{ prefixMatch: "/" }],
                            service: "bs/api",
                            headerAction: { requestHeadersToRemoves: ["x-debug"] },
                        },
                    ],
                },
            ]);
        });

        it("splits a matcher's hosts into host rules of at most 1,000 hosts (GCP's hosts-per-host-rule limit)", () => {
            const hosts = Array.from({ length: 1500 }, (_, i) => `h${String(i).padStart(4, "0")}.example.com`);
            const map = compileUrlMap({ routes: [{ hosts, backend: "api" }], defaultBackend: "web" }, global);
            assert.deepStrictEqual(map.hostRules, [
                { hosts: hosts.slice(0, 1000), pathMatcher: "m0" },
                { hosts: hosts.slice(1000), pathMatcher: "m0" },
            ]);
            assert.deepStrictEqual(map.pathMatchers, [{ name: "m0", defaultService: "bs/api" }]);
        });
    });

    it("switches to route rules (priority = route index) when a later path is more specific than an earlier prefix", () => {
        const table: RouteTable = {
            routes: [
                { paths: ["/api/*"], backend: "api" },
                { paths: ["/api/admin/*"], backend: "admin" },
            ],
            defaultBackend: "web",
        };
        const map = compileUrlMap(table, global);
        assert.deepStrictEqual(map.pathMatchers![0].routeRules, [
            { priority: 0, matchRules: [{ prefixMatch: "/api/" }], service: "bs/api" },
            { priority: 1, matchRules: [{ prefixMatch: "/api/admin/" }], service: "bs/admin" },
        ]);
        assert.strictEqual(map.pathMatchers![0].pathRules, undefined);
        // First match: /api/admin/x goes to api, as written.
        assert.strictEqual(simulateRequest(map, { host: "x", path: "/api/admin/x" }).service, "bs/api");
    });

    it("gives every host group the routes of covering wildcards and any-host routes; matchers m0, m1, … sorted by host", () => {
        const table: RouteTable = {
            routes: [
                { hosts: ["*.example.com"], paths: ["/w/*"], backend: "wild" },
                { hosts: ["api.example.com", "api2.example.com"], paths: ["/v1/*"], backend: "api" },
                { paths: ["/health"], backend: "health" },
            ],
            defaultBackend: "web",
        };
        const map = compileUrlMap(table, global);
        assert.deepStrictEqual(map.hostRules, [
            { hosts: ["*"], pathMatcher: "m0" },
            { hosts: ["*.example.com"], pathMatcher: "m1" },
            { hosts: ["api.example.com", "api2.example.com"], pathMatcher: "m2" },
        ]);
        assert.deepStrictEqual(
            map.pathMatchers!.map((m) => [m.name, m.pathRules!.map((r) => [r.paths, r.service])]),
            [
                ["m0", [[["/health"], "bs/health"]]],
                [
                    "m1",
                    [
                        [["/w/*"], "bs/wild"],
                        [["/health"], "bs/health"],
                    ],
                ],
                [
                    "m2",
                    [
                        [["/w/*"], "bs/wild"],
                        [["/v1/*"], "bs/api"],
                        [["/health"], "bs/health"],
                    ],
                ],
            ],
        );
    });

    it("emits every route action field in pulumi-gcp's names", () => {
        const table: RouteTable = {
            routes: [
                {
                    hosts: ["shop.example.com"],
                    pathTemplate: "/users/{id}/**",
                    headers: [
                        { name: "x-canary", exact: "true", invert: true },
                        { name: "x-n", range: { start: 1, end: 5 } },
                    ],
                    queryParameters: [{ name: "v", present: true }],
                    split: [
                        { backend: "a", weight: 90, requestHeaders: { add: [{ name: "x-variant", value: "a" }] } },
                        { backend: "b", weight: 10, responseHeaders: { remove: ["server"] } },
                    ],
                    rewrite: { pathTemplate: "/u/{id}", host: "users.internal" },
                    requestHeaders: { add: [{ name: "x-route", value: "users", replace: true }], remove: ["x-debug"] },
                    responseHeaders: { add: [{ name: "x-served-by", value: "lb" }] },
                    retry: { attempts: 3, perTryTimeoutSeconds: 1.5, conditions: ["gateway-error"] },
                    timeoutSeconds: 30,
                    cors: {
                        allowOrigins: ["https://app.example.com"],
                        allowMethods: ["GET"],
                        maxAgeSeconds: 600,
                        allowCredentials: true,
                    },
                    faultInjection: {
                        delay: { seconds: 2, percentage: 10 },
                        abort: { httpStatus: 503, percentage: 5 },
                    },
                    mirror: { backend: "shadow" },
                },
            ],
            defaultBackend: "a",
            responseHeaders: { add: [{ name: "strict-transport-security", value: "max-age=31536000" }] },
        };
        const map = compileUrlMap(table, global);
        assert.deepStrictEqual(map.headerAction, {
            responseHeadersToAdds: [
                { headerName: "strict-transport-security", headerValue: "max-age=31536000", replace: false },
            ],
        });
        assert.deepStrictEqual(map.pathMatchers![0].routeRules, [
            {
                priority: 0,
                matchRules: [
                    {
                        pathTemplateMatch: "/users/{id}/**",
                        headerMatches: [
                            { headerName: "x-canary", exactMatch: "true", invertMatch: true },
                            { headerName: "x-n", rangeMatch: { rangeStart: 1, rangeEnd: 5 } },
                        ],
                        queryParameterMatches: [{ name: "v", presentMatch: true }],
                    },
                ],
                routeAction: {
                    weightedBackendServices: [
                        {
                            backendService: "bs/a",
                            weight: 90,
                            headerAction: {
                                requestHeadersToAdds: [{ headerName: "x-variant", headerValue: "a", replace: false }],
                            },
                        },
                        { backendService: "bs/b", weight: 10, headerAction: { responseHeadersToRemoves: ["server"] } },
                    ],
                    urlRewrite: { hostRewrite: "users.internal", pathTemplateRewrite: "/u/{id}" },
                    retryPolicy: {
                        numRetries: 3,
                        perTryTimeout: { seconds: "1", nanos: 500000000 },
                        retryConditions: ["gateway-error"],
                    },
                    timeout: { seconds: "30" },
                    corsPolicy: {
                        disabled: false,
                        allowOrigins: ["https://app.example.com"],
                        allowMethods: ["GET"],
                        maxAge: 600,
                        allowCredentials: true,
                    },
                    faultInjectionPolicy: {
                        delay: { fixedDelay: { seconds: "2" }, percentage: 10 },
                        abort: { httpStatus: 503, percentage: 5 },
                    },
                    requestMirrorPolicy: { backendService: "bs/shadow" },
                },
                headerAction: {
                    requestHeadersToAdds: [{ headerName: "x-route", headerValue: "users", replace: true }],
                    requestHeadersToRemoves: ["x-debug"],
                    responseHeadersToAdds: [{ headerName: "x-served-by", headerValue: "lb", replace: false }],
                },
            },
        ]);
    });

    it("compiles redirects with stripQuery always set", () => {
        const map = compileUrlMap(
            {
                routes: [{ paths: ["/old/*"], redirect: { prefix: "/new/", code: "PERMANENT_REDIRECT" } }],
                defaultBackend: "web",
            },
            global,
        );
        assert.deepStrictEqual(map.pathMatchers![0].pathRules, [
            {
                paths: ["/old/*"],
                urlRedirect: { stripQuery: false, prefixRedirect: "/new/", redirectResponseCode: "PERMANENT_REDIRECT" },
            },
        ]);
        assert.strictEqual(
            simulateRequest(map, { host: "a.b", path: "/old/x/y?q=1" }).redirect!.url,
            "http://a.b/new/x/y?q=1",
        );
    });

    describe("URL map tests", () => {
        const table: RouteTable = {
            routes: [
                { hosts: ["api.example.com"], paths: ["/v1/*"], backend: "api" },
                {
                    paths: ["/canary/*"],
                    split: [
                        { backend: "api", weight: 50 },
                        { backend: "web", weight: 50 },
                    ],
                },
                { paths: ["/old"], redirect: { path: "/new", https: true } },
                { paths: ["/h/*"], headers: [{ name: "x-beta", exact: "1" }], backend: "api" },
            ],
            defaultBackend: "web",
            tests: [
                { host: "api.example.com", path: "/v1/x", backend: "api", description: "v1" },
                { host: "x.example.com", path: "/canary/x", backend: "web" },
                { host: "x.example.com", path: "/old", redirect: "https://x.example.com/new" },
                { host: "x.example.com", path: "/h/1", headers: [{ name: "x-beta", value: "1" }], backend: "api" },
                { host: "x.example.com", path: "/elsewhere", backend: "api" },
            ],
        };

        it("emits on global maps: single-backend tests (with headers) and redirects, never splits or failing tests", () => {
            assert.deepStrictEqual(compileUrlMap(table, global).tests, [
                { host: "api.example.com", path: "/v1/x", description: "v1", service: "bs/api" },
                {
                    host: "x.example.com",
                    path: "/old",
                    expectedOutputUrl: "https://x.example.com/new",
                    expectedRedirectResponseCode: 301,
                },
                { host: "x.example.com", path: "/h/1", headers: [{ name: "x-beta", value: "1" }], service: "bs/api" },
            ]);
        });

        it("emits on regional external maps only tests with a service and no headers", () => {
            assert.deepStrictEqual(compileUrlMap(table, { scheme: "regional-external", backendRef: ref }).tests, [
                { host: "api.example.com", path: "/v1/x", description: "v1", service: "bs/api" },
            ]);
        });

        it("emits none on internal maps (GCP doesn't run them there)", () => {
            assert.strictEqual(compileUrlMap(table, { scheme: "regional-internal", backendRef: ref }).tests, undefined);
        });

        it("runs them offline with expected vs actual in the message", () => {
            const map = compileUrlMap(table, global);
            const problems = runRouteTests(map, table.tests!, {
                scheme: "global-external",
                backendKeys: ["api", "web"],
                backendRef: ref,
            });
            assert.deepStrictEqual(problems, [
                {
                    rule: "route-test",
                    field: "tests[4]",
                    message: 'GET x.example.com/elsewhere should reach backend "api", but reaches backend "web"',
                    fix: "change the routes so the request reaches what the test expects, or correct the test",
                },
            ]);
        });
    });
});
