import * as assert from "assert";
import { RouteArgs } from "../../components/routing";
import { RoutingContext, validateRoutes } from "../../components/rules/routing";
import { validateLoadBalancerArgs } from "../../components/rules/load-balancer";
import { Scheme } from "../../components/schemes";
import { formatProblems, Problem } from "../../components/validation";

function ctx(
    routes: RouteArgs[],
    scheme: Scheme = "global-external",
    extra: Partial<RoutingContext> = {},
): RoutingContext {
    return {
        scheme,
        routes,
        backendKeys: ["web", "api", "run", "legacy"],
        backendKinds: { web: "serverless", api: "serverless", run: "serverless", legacy: "hybrid" },
        defaultBackend: "web",
        ...extra,
    };
}

/** [field, message] of every problem, for exact assertions. */
function found(context: RoutingContext): [string, string][] {
    return validateRoutes(context).map((p) => [p.field, p.message]);
}

function only(context: RoutingContext): Problem {
    const problems = validateRoutes(context);
    assert.strictEqual(problems.length, 1, formatProblems("routes", problems));
    return problems[0];
}

describe("routing validation (every rule, exact messages)", () => {
    it("accepts a table using every feature on a scheme that has them all", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    {
                        hosts: ["api.example.com", "*.example.com"],
                        paths: ["/v1", "/v1/*"],
                        backend: "api",
                        rewrite: { pathPrefix: "/" },
                    },
                    {
                        headers: [{ name: "x-canary", exact: "true" }],
                        split: [
                            { backend: "web", weight: 0 },
                            { backend: "run", weight: 100 },
                        ],
                    },
                    {
                        pathTemplate: "/u/{id}/**",
                        backend: "api",
                        rewrite: { pathTemplate: "/users/{id}" },
                        mirror: { backend: "legacy" },
                    },
                    { paths: ["/old"], redirect: { path: "/new" } },
                ]),
            ),
            [],
        );
    });

    it("route-action: exactly one action", () => {
        assert.deepStrictEqual(
            found(ctx([{ paths: ["/a"] }, { paths: ["/b"], backend: "web", redirect: { https: true } }])),
            [
                ["routes[0]", "names no action"],
                ["routes[1]", "names 2 actions (backend, redirect)"],
            ],
        );
        assert.strictEqual(only(ctx([{ paths: ["/a"] }])).fix, "set exactly one of backend, split or redirect");
    });

    it("route-backends: backends, split backends and mirrors exist", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    { paths: ["/a"], backend: "nope" },
                    { paths: ["/b"], split: [{ backend: "gone", weight: 1 }], mirror: { backend: "shadow" } },
                ]),
            ),
            [
                ["routes[0].backend", '"nope" is not a backend (have: web, api, run, legacy)'],
                ["routes[1].split[0].backend", '"gone" is not a backend (have: web, api, run, legacy)'],
                ["routes[1].mirror.backend", '"shadow" is not a backend (have: web, api, run, legacy)'],
            ],
        );
    });

    it("route-split-weights: 0–1000 integers, at least one non-zero, not empty", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    {
                        paths: ["/a"],
                        split: [
                            { backend: "web", weight: 1001 },
                            { backend: "api", weight: 1.5 },
                        ],
                    },
                    {
                        paths: ["/b"],
                        split: [
                            { backend: "web", weight: 0 },
                            { backend: "api", weight: 0 },
                        ],
                    },
                    { paths: ["/c"], split: [] },
                ]),
            ),
            [
                ["routes[0].split[0].weight", "1001 is not a whole number from 0 to 1000"],
                ["routes[0].split[1].weight", "1.5 is not a whole number from 0 to 1000"],
                ["routes[1].split", "every weight is 0, so the route could send traffic nowhere"],
                ["routes[2].split", "is empty"],
            ],
        );
    });

    it("route-paths: leading slash, trailing /* only, no query, one kind of path match", () => {
        assert.deepStrictEqual(
            found(
                ctx(
                    [
                        { paths: ["api/*", "/api*", "/a/*/b", "/q?x=1"], backend: "web" },
                        { paths: ["/a"], regex: "/a.*", backend: "web" },
                        { paths: [], backend: "web" },
                    ],
                    "regional-internal",
                ),
            ),
            [
                ["routes[0].paths[0]", '"api/*" does not start with "/"'],
                ["routes[0].paths[1]", '"/api*" uses "*" other than as a trailing "/*"'],
                ["routes[0].paths[2]", '"/a/*/b" uses "*" other than as a trailing "/*"'],
                ["routes[0].paths[3]", '"/q?x=1" contains a query string or fragment; paths match without them'],
                ["routes[1]", "sets paths and regex"],
                ["routes[2].paths", "is empty"],
            ],
        );
    });

    it("route-path-template: operators, ** last, variables, rewrite variables", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    { pathTemplate: "/a/**/{x}", backend: "web" },
                    { pathTemplate: "/{1x}/{y}/{y}", backend: "web" },
                    { pathTemplate: "/*/*/*/*/*/*", backend: "web" },
                    { pathTemplate: "/u/{id}", backend: "web", rewrite: { pathTemplate: "/users/{name}" } },
                    { paths: ["/p"], backend: "web", rewrite: { pathTemplate: "/x" } },
                ]),
            ),
            [
                ["routes[0].pathTemplate", '"**" must be the last operator'],
                ["routes[1].pathTemplate", 'variable name "1x" must match ^[a-zA-Z][a-zA-Z0-9_]*$'],
                ["routes[1].pathTemplate", 'variable "y" is used twice'],
                ["routes[2].pathTemplate", "has 6 operators; GCP allows at most 5"],
                ["routes[3].rewrite.pathTemplate", "uses {name}, which pathTemplate does not capture (captures: id)"],
                [
                    "routes[4].rewrite.pathTemplate",
                    "needs the route to match with pathTemplate (it rewrites with the variables captured there)",
                ],
            ],
        );
    });

    it("route-regex: RE2 syntax, at most 250 characters", () => {
        assert.deepStrictEqual(
            found(
                ctx(
                    [
                        { regex: "/(a", backend: "web" },
                        { paths: ["/x"], headers: [{ name: "x-v", regex: "a".repeat(251) }], backend: "web" },
                    ],
                    "regional-external",
                ),
            ),
            [
                [
                    "routes[0].regex",
                    '"/(a" is not an RE2 regular expression, which GCP requires (missing closing ): `/(a`)',
                ],
                ["routes[1].headers[0].regex", "is 251 characters long; GCP allows at most 250"],
            ],
        );
    });

    it("route-hosts: valid, lowercase, wildcard rules, once per route, no IPs, port only where supported", () => {
        assert.deepStrictEqual(
            found(
                ctx(
                    [
                        {
                            hosts: ["API.example.com", "a*.example.com", "10.0.0.1", "a.example.com", "a.example.com"],
                            backend: "web",
                        },
                        { hosts: ["*", "*"], paths: ["/x"], backend: "web" },
                        { hosts: ["c.example.com:8080"], backend: "web" },
                    ],
                    "classic",
                ),
            ),
            [
                ["routes[0].hosts[0]", '"API.example.com" has capital letters; GCP compares hosts in lowercase'],
                [
                    "routes[0].hosts[1]",
                    '"a*.example.com" is not usable: "*" must be the first character and be followed by "." or "-" (e.g. "*.example.com", "*-api.example.com")',
                ],
                ["routes[0].hosts[2]", '"10.0.0.1" is not usable: IP addresses don\'t work as hosts in URL maps'],
                ["routes[0].hosts[4]", '"a.example.com" is listed twice'],
                ["routes[1].hosts[1]", '"*" is listed twice'],
                [
                    "routes[2].hosts[0]",
                    '"c.example.com:8080": a port in a host is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
            ],
        );
    });

    it('route-hosts-any: "*" beside other hosts plans, with a warning naming the route and what "*" does', () => {
        const warnings = validateRoutes(
            ctx([
                { hosts: ["a.example.com", "b.example.com"], backend: "web" },
                { hosts: ["*.example.com", "*"], backend: "web" },
            ]),
        );
        assert.deepStrictEqual(warnings, [
            {
                rule: "route-hosts-any",
                field: "routes[1].hosts",
                message:
                    'lists "*" with 1 other host(s); "*" matches every host, so the route serves all of them and any other host',
                fix: 'keep only "*" to match every host, or drop "*" to match only the hosts listed',
                severity: "warning",
            },
        ]);
    });

    it("route-scheme-features: names the field, the scheme and the alternative", () => {
        const problems = validateRoutes(
            ctx(
                [
                    {
                        paths: ["/a"],
                        split: [{ backend: "web", weight: 1, requestHeaders: { add: [{ name: "x-a", value: "1" }] } }],
                        requestHeaders: { add: [{ name: "x-b", value: "1" }] },
                        faultInjection: { abort: { httpStatus: 503, percentage: 1 } },
                        retry: { attempts: 2 },
                        timeoutSeconds: 5,
                        cors: { allowOrigins: ["*"] },
                    },
                    { pathTemplate: "/x/{id}", backend: "web" },
                    { regex: "/r", backend: "web" },
                ],
                "classic",
                { responseHeaders: { remove: ["server"] } },
            ),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.field, p.message]),
            [
                [
                    "responseHeaders",
                    'a URL map header action is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].split",
                    'a weighted split is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].requestHeaders",
                    'a request header action is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].split[0]",
                    'a per-backend header action is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].faultInjection",
                    'fault injection is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].retry",
                    'a retry policy is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].timeoutSeconds",
                    'a route timeout is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[0].cors",
                    'a CORS policy is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[1].pathTemplate",
                    'a path template is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
                [
                    "routes[2].regex",
                    'a regular-expression path match is not supported by the classic Application Load Balancer (scheme "classic")',
                ],
            ],
        );
        assert.strictEqual(
            problems[1].fix,
            "use scheme global-external (classic can migrate in place), or split traffic with Cloud Run revisions",
        );
        assert.deepStrictEqual(found(ctx([{ regex: "/r", backend: "web" }], "global-external")), [
            [
                "routes[0].regex",
                'a regular-expression path match is not supported by the global external Application Load Balancer (scheme "global-external")',
            ],
        ]);
    });

    it("route-mirror: never to a serverless backend", () => {
        const problem = only(ctx([{ paths: ["/a"], backend: "legacy", mirror: { backend: "run" } }]));
        assert.deepStrictEqual(problem, {
            rule: "route-mirror",
            field: "routes[0].mirror.backend",
            message:
                '"run" is a serverless (Cloud Run) backend, and GCP cannot mirror requests to serverless NEG backends',
            fix: "mirror to an internet, hybrid or other non-serverless backend, or remove mirror",
        });
    });

    it("route-redirect: path xor prefix, real changes, no route actions", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    { paths: ["/a"], redirect: { path: "/x", prefix: "/y" } },
                    { paths: ["/b"], redirect: { path: "x", host: "https://example.com/" } },
                    { paths: ["/c"], redirect: {} },
                    {
                        paths: ["/d"],
                        redirect: { https: true, code: "MOVED" as any },
                        rewrite: { host: "a" },
                        timeoutSeconds: 3,
                    },
                ]),
            ),
            [
                ["routes[0].redirect", "sets both path and prefix"],
                ["routes[1].redirect.path", '"x" does not start with "/"'],
                ["routes[1].redirect.host", '"https://example.com/" is not a host name'],
                ["routes[2].redirect", "changes nothing, so clients would be redirected to the same URL forever"],
                ["routes[3].redirect.code", '"MOVED" is not a redirect code'],
                [
                    "routes[3]",
                    "combines redirect with rewrite, timeoutSeconds; GCP can't combine urlRedirect with a route action",
                ],
            ],
        );
    });

    it("route-rewrite: one path rewrite, sane values", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    { pathTemplate: "/u/{id}", backend: "web", rewrite: { pathPrefix: "/", pathTemplate: "/x/{id}" } },
                    { paths: ["/a"], backend: "web", rewrite: { pathPrefix: "", host: "a/b" } },
                    { paths: ["/b"], backend: "web", rewrite: {} },
                ]),
            ),
            [
                ["routes[0].rewrite", "sets both pathPrefix and pathTemplate"],
                ["routes[1].rewrite.pathPrefix", "is empty; GCP takes 1–1024 characters"],
                ["routes[1].rewrite.host", '"a/b" must be a host of 1–255 characters'],
                ["routes[2].rewrite", "changes nothing"],
            ],
        );
    });

    it("route-header-actions: no Host, reserved or hop-by-hop headers, at most 16", () => {
        const many = Array.from({ length: 17 }, (_, i) => ({ name: `x-h${i}`, value: "1" }));
        const problems = validateRoutes(
            ctx(
                [
                    {
                        paths: ["/a"],
                        backend: "web",
                        requestHeaders: {
                            add: [
                                { name: "Host", value: "x" },
                                { name: "X-Goog-Foo", value: "1" },
                                { name: "cdn-loop", value: "1" },
                                { name: "Connection", value: "close" },
                                { name: "bad header", value: "1" },
                            ],
                        },
                    },
                    { paths: ["/b"], split: [{ backend: "web", weight: 1, responseHeaders: { add: many } }] },
                ],
                "global-external",
                { requestHeaders: { remove: ["x-gfe-debug"] } },
            ),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.field, p.message, p.fix]),
            [
                [
                    "requestHeaders.remove[0]",
                    '"x-gfe-debug" starts with the reserved prefix "x-gfe"',
                    "choose a name without the X-Google, X-Goog-, X-GFE or X-Amz- prefixes",
                ],
                [
                    "routes[0].requestHeaders.add[0].name",
                    '"Host" cannot be changed by header actions on any scheme',
                    "use rewrite.host to change the Host the backend sees",
                ],
                [
                    "routes[0].requestHeaders.add[1].name",
                    '"X-Goog-Foo" starts with the reserved prefix "x-goog-"',
                    "choose a name without the X-Google, X-Goog-, X-GFE or X-Amz- prefixes",
                ],
                [
                    "routes[0].requestHeaders.add[2].name",
                    '"cdn-loop" is reserved by the load balancer',
                    "choose another header name",
                ],
                [
                    "routes[0].requestHeaders.add[3].name",
                    '"Connection" is a hop-by-hop header',
                    "hop-by-hop headers cannot be set; choose an end-to-end header",
                ],
                [
                    "routes[0].requestHeaders.add[4].name",
                    '"bad header" is not a valid HTTP header name',
                    'use letters, digits and hyphens, e.g. "x-route"',
                ],
                [
                    "routes[1].split[0].responseHeaders.add",
                    "has 17 headers; GCP allows at most 16",
                    "combine values or move some headers to another level (map, route, split)",
                ],
            ],
        );
    });

    it("route-matches: exactly one condition per header and query match", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    {
                        paths: ["/a"],
                        backend: "web",
                        headers: [
                            { name: "x-a" },
                            { name: "x-b", exact: "1", prefix: "2" },
                            { name: "x-c", range: { start: 5, end: 5 } },
                        ],
                    },
                    {
                        paths: ["/b"],
                        backend: "web",
                        queryParameters: [{ name: "q" }, { name: "r", exact: "1", present: true }],
                    },
                ]),
            ),
            [
                ["routes[0].headers[0]", "sets no condition"],
                ["routes[0].headers[1]", "sets exact and prefix"],
                ["routes[0].headers[2].range", "[5, 5) is not a range of whole numbers with start < end"],
                ["routes[1].queryParameters[0]", "sets no condition"],
                ["routes[1].queryParameters[1]", "sets exact and present"],
            ],
        );
    });

    it("route-policies: retries, timeouts, fault injection ranges", () => {
        assert.deepStrictEqual(
            found(
                ctx([
                    {
                        paths: ["/a"],
                        backend: "web",
                        retry: { attempts: 0, perTryTimeoutSeconds: 0 },
                        timeoutSeconds: -1,
                    },
                    { paths: ["/b"], backend: "web", faultInjection: {} },
                    {
                        paths: ["/c"],
                        backend: "web",
                        faultInjection: {
                            delay: { seconds: -1, percentage: 101 },
                            abort: { httpStatus: 600, percentage: -1 },
                        },
                        cors: { maxAgeSeconds: -5 },
                    },
                ]),
            ),
            [
                ["routes[0].retry.attempts", "0 is not a whole number of at least 1"],
                ["routes[0].retry.perTryTimeoutSeconds", "0 is not above 0"],
                ["routes[0].timeoutSeconds", "-1 is not above 0"],
                ["routes[1].faultInjection", "sets neither delay nor abort"],
                ["routes[2].faultInjection.delay.percentage", "101 is not a percentage from 0 to 100"],
                ["routes[2].faultInjection.delay.seconds", "-1 is negative"],
                ["routes[2].faultInjection.abort.percentage", "-1 is not a percentage from 0 to 100"],
                ["routes[2].faultInjection.abort.httpStatus", "600 is not an HTTP status from 200 to 599"],
                ["routes[2].cors.maxAgeSeconds", "-5 is negative"],
            ],
        );
    });

    it("route-unreachable: routes after a catch-all", () => {
        const problems = validateRoutes(
            ctx([{ paths: ["/a"], backend: "api" }, { backend: "web" }, { hosts: ["x.example.com"], backend: "api" }]),
        );
        assert.deepStrictEqual(problems, [
            {
                rule: "route-unreachable",
                field: "routes[2]",
                message: "is never reached: routes[1] matches every request first",
                fix: "move it before routes[1], or narrow routes[1] (hosts, paths, headers)",
            },
        ]);
    });

    it("route-limits: counts per path matcher, named by the matcher's first host", () => {
        const regexes = Array.from({ length: 6 }, (_, i): RouteArgs => ({ regex: `/r${i}`, backend: "web" }));
        assert.deepStrictEqual(found(ctx(regexes, "regional-internal")), [
            [
                "routes",
                "path matcher m0 (*) would have 6 regular expressions; the regional internal Application Load Balancer allows 5 regular expressions per path matcher",
            ],
        ]);
    });

    /** N services routed by host, each to its own backend (the shape of seed 000's central load balancer). */
    function services(n: number, scheme: Scheme): RoutingContext {
        const keys = Array.from({ length: n }, (_, i) => `svc-${i}`);
        return ctx(
            keys.map((key): RouteArgs => ({ hosts: [`${key}.example.com`], backend: key })),
            scheme,
            { backendKeys: keys, backendKinds: {}, defaultBackend: keys[0] },
        );
    }

    it("route-limits: 1,000 host-routed services fit one global external URL map; 1,001 exceed GCP's host-rule limit", () => {
        assert.deepStrictEqual(found(services(1000, "global-external")), []);
        const problems = validateRoutes(services(1001, "global-external"));
        const spread =
            'spread the hosts over several load balancers, or send hosts with the same routing to the same backend (they then share one host rule); if the clients are in your VPC, scheme "regional-internal" or "cross-region-internal" allows 2,000 host rules per URL map';
        assert.deepStrictEqual(problems, [
            {
                rule: "route-limits",
                field: "routes",
                message:
                    "the URL map would have 1,001 host rules; the global external Application Load Balancer allows 1,000 host rules per URL map",
                fix: spread,
            },
            {
                rule: "route-limits",
                field: "routes",
                message:
                    "the URL map would have 1,001 path matchers; the global external Application Load Balancer allows 1,000 path matchers per URL map",
                fix: spread,
            },
        ]);
    });

    it("route-limits: internal schemes allow 2,000 host rules, and suggest no scheme with more", () => {
        assert.deepStrictEqual(found(services(2000, "regional-internal")), []);
        assert.deepStrictEqual(
            validateRoutes(services(2001, "regional-internal")).map((p) => p.fix),
            [
                "spread the hosts over several load balancers, or send hosts with the same routing to the same backend (they then share one host rule)",
                "spread the hosts over several load balancers, or send hosts with the same routing to the same backend (they then share one host rule)",
            ],
        );
        assert.deepStrictEqual(found(services(2001, "cross-region-internal")), [
            [
                "routes",
                "the URL map would have 2,001 host rules; the cross-region internal Application Load Balancer allows 2,000 host rules per URL map",
            ],
            [
                "routes",
                "the URL map would have 2,001 path matchers; the cross-region internal Application Load Balancer allows 2,000 path matchers per URL map",
            ],
        ]);
    });

    it("route-limits: the estimated size against 1 MB (64 KB on classic)", () => {
        // 200 hosts, each with its own path: 200 host rules and matchers, about 94 KB.
        const hosts = Array.from({ length: 200 }, (_, i): RouteArgs => ({
            hosts: [`service-${i}.some-long-domain.example.com`],
            paths: [`/api-${i}/*`],
            backend: "api",
        }));
        const classic = validateRoutes(ctx(hosts, "classic"));
        assert.deepStrictEqual(classic, [
            {
                rule: "route-limits",
                field: "routes",
                message:
                    "the URL map would be about 93,765 bytes (estimated as its JSON); the classic Application Load Balancer allows 64 KB per URL map",
                fix: 'spread hosts over several load balancers, send hosts with the same routing to the same backend, or merge routes; scheme "global-external" allows 1,000,000 bytes (1 MB) per URL map, classic 64,000 (64 KB)',
            },
        ]);
        assert.deepStrictEqual(found(ctx(hosts, "regional-external")), []);
        // 1,000 hosts with six paths each: past 1 MB on every scheme.
        const big = Array.from({ length: 1000 }, (_, i) =>
            Array.from({ length: 6 }, (_, k): RouteArgs => ({
                hosts: [`service-${i}.some-long-domain.example.com`],
                paths: [`/api-${i}/v${k}/*`],
                backend: "api",
            })),
        ).flat();
        assert.deepStrictEqual(found(ctx(big, "regional-external")), [
            [
                "routes",
                "the URL map would be about 1,617,240 bytes (estimated as its JSON); the regional external Application Load Balancer allows 1 MB per URL map",
            ],
        ]);
    });

    it("route-test: a failing route test shows expected and actual; tests run only once the table is sound", () => {
        const tests = [
            { host: "api.example.com", path: "/v1/x", backend: "api" },
            { host: "api.example.com", path: "/other", backend: "api", description: "other paths go to the API" },
            { host: "x.example.com", path: "/old?q=1", redirect: "http://x.example.com/new?q=1" },
            { host: "x.example.com", path: "/canary", headers: [{ name: "x-canary", value: "1" }], backend: "web" },
        ];
        const routes: RouteArgs[] = [
            { hosts: ["api.example.com"], paths: ["/v1/*"], backend: "api" },
            { paths: ["/old"], redirect: { path: "/new", stripQuery: true } },
            {
                headers: [{ name: "x-canary", present: true }],
                split: [
                    { backend: "run", weight: 1 },
                    { backend: "legacy", weight: 9 },
                ],
            },
        ];
        assert.deepStrictEqual(validateRoutes(ctx(routes, "global-external", { tests })), [
            {
                rule: "route-test",
                field: "tests[1]",
                message:
                    '"other paths go to the API": GET api.example.com/other should reach backend "api", but reaches backend "web"',
                fix: "change the routes so the request reaches what the test expects, or correct the test",
            },
            {
                rule: "route-test",
                field: "tests[2]",
                message:
                    "GET x.example.com/old?q=1 should reach a redirect to http://x.example.com/new?q=1, but reaches a 301 redirect to http://x.example.com/new",
                fix: "change the routes so the request reaches what the test expects, or correct the test",
            },
            {
                rule: "route-test",
                field: "tests[3]",
                message:
                    'GET x.example.com/canary [x-canary: 1] should reach backend "web", but reaches a split: "run" 1/10, "legacy" 9/10',
                fix: "change the routes so the request reaches what the test expects, or correct the test",
            },
        ]);
        assert.deepStrictEqual(found(ctx([{ paths: ["/a"] }], "global-external", { tests })), [
            ["routes[0]", "names no action"],
        ]);
    });

    it("route tests name the Cloud Run service a URL mask selects", () => {
        const problems = validateRoutes(
            ctx([], "regional-internal", {
                defaultBackend: "web",
                urlMasks: { web: "example.com/<service>" },
                tests: [
                    { host: "example.com", path: "/login/web", backend: "web", cloudRunService: "login" },
                    { host: "example.com", path: "/cart/x", backend: "web", cloudRunService: "login" },
                    { host: "other.org", path: "/cart/x", cloudRunService: "cart" },
                ],
            }),
        );
        assert.deepStrictEqual(
            problems.map((p) => [p.field, p.message]),
            [
                [
                    "tests[1]",
                    'GET example.com/cart/x should reach Cloud Run service "login", but reaches backend "web" (Cloud Run service "cart")',
                ],
                [
                    "tests[2]",
                    'GET other.org/cart/x should reach Cloud Run service "cart", but reaches backend "web"; the URL mask "example.com/<service>" selects no service for other.org/cart/x',
                ],
            ],
        );
    });

    it("runs inside validateLoadBalancerArgs with fields as the user wrote them", () => {
        const problems = validateLoadBalancerArgs({
            scheme: "classic",
            backends: { web: { cloudRun: { service: "web", region: "europe-west1" } } },
            routes: [{ paths: ["/a"], split: [{ backend: "web", weight: 1 }] }],
            tests: [{ host: "a.example.com", path: "/a", backend: "web" }],
        });
        assert.deepStrictEqual(
            problems.map((p) => [p.rule, p.field]),
            [["route-scheme-features", "routes[0].split"]],
        );
    });
});
