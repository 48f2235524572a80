import * as assert from "assert";
import { matchUrlMask, pathTemplateRegex, simulateRequest, UrlMapSpec } from "../../components/routing";

describe("URL masks (every example of https://cloud.google.com/load-balancing/docs/negs/serverless-neg-concepts)", () => {
    const cases: [string, string, string, Record<string, string> | undefined][] = [
        // [mask, host, path, expected] — the Cloud Run table for custom domain example.com
        ["<service>-home.example.com", "login-home.example.com", "/web", { service: "login" }],
        ["example.com/<service>", "example.com", "/login/web", { service: "login" }],
        ["/<service>", "example.com", "/login/web", { service: "login" }],
        ["<tag>.<service>.example.com", "test.login.example.com", "/web", { service: "login", tag: "test" }],
        ["example.com/home/<service>/<tag>", "example.com", "/home/login/test", { service: "login", tag: "test" }],
        ["/home/<service>/<tag>", "example.com", "/home/login/test", { service: "login", tag: "test" }],
        ["<tag>.example.com/home/<service>", "test.example.com", "/home/login/web", { service: "login", tag: "test" }],
        // API reference examples
        ["<tag>.domain.com/<service>", "foo1.domain.com", "/bar1", { service: "bar1", tag: "foo1" }],
        ["/<function>", "mydomain.com", "/function1", { function: "function1" }],
        [
            "<service>-dot-appname.appspot.com/<version>",
            "web-dot-appname.appspot.com",
            "/v2",
            { service: "web", version: "v2" },
        ],
        // Mismatches
        ["example.com/<service>", "other.org", "/login", undefined],
        ["/home/<service>", "example.com", "/login", undefined],
        ["/<service>", "example.com", "/", undefined],
        ["/<service>", "example.com", "/Login", undefined],
    ];
    for (const [mask, host, path, expected] of cases) {
        it(`${mask} on ${host}${path} → ${JSON.stringify(expected)}`, () => {
            assert.deepStrictEqual(matchUrlMask(mask, host, path), expected);
        });
    }

    it("ignores the port and the query string", () => {
        assert.deepStrictEqual(matchUrlMask("example.com/<service>", "example.com:443", "/login?x=1"), {
            service: "login",
        });
    });
});

describe("simulateRequest (https://cloud.google.com/load-balancing/docs/url-map-concepts)", () => {
    const map: UrlMapSpec = {
        defaultService: "bs-default",
        hostRules: [
            { hosts: ["api.example.com"], pathMatcher: "api" },
            { hosts: ["*.example.com"], pathMatcher: "wild" },
            { hosts: ["*-admin.example.com"], pathMatcher: "admin" },
            { hosts: ["*"], pathMatcher: "any" },
        ],
        pathMatchers: [
            {
                name: "api",
                defaultService: "bs-api-default",
                pathRules: [
                    { paths: ["/video/*"], service: "bs-video-prefix" },
                    { paths: ["/video"], service: "bs-video-exact" },
                    { paths: ["/video/hd/*"], service: "bs-hd" },
                    { paths: ["/*"], service: "bs-api-all" },
                    {
                        paths: ["/old"],
                        urlRedirect: { pathRedirect: "/new", stripQuery: false, redirectResponseCode: "FOUND" },
                    },
                    {
                        paths: ["/legacy/*"],
                        urlRedirect: { prefixRedirect: "/v2/", httpsRedirect: true, stripQuery: true },
                    },
                    {
                        paths: ["/hello2", "/hello2/*"],
                        service: "bs-hello",
                        routeAction: { urlRewrite: { pathPrefixRewrite: "/" } },
                    },
                ],
            },
            { name: "wild", defaultService: "bs-wild" },
            { name: "admin", defaultService: "bs-admin" },
            {
                name: "any",
                defaultService: "bs-any",
                headerAction: {
                    requestHeadersToAdds: [{ headerName: "x-matcher", headerValue: "any", replace: true }],
                },
                routeRules: [
                    {
                        priority: 20,
                        matchRules: [
                            { prefixMatch: "/", headerMatches: [{ headerName: "x-canary", exactMatch: "true" }] },
                        ],
                        routeAction: {
                            weightedBackendServices: [
                                { backendService: "bs-stable", weight: 75 },
                                {
                                    backendService: "bs-canary",
                                    weight: 25,
                                    headerAction: {
                                        requestHeadersToAdds: [
                                            { headerName: "x-variant", headerValue: "canary", replace: false },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                    { priority: 10, matchRules: [{ prefixMatch: "/CASE/", ignoreCase: true }], service: "bs-case" },
                    {
                        priority: 30,
                        matchRules: [
                            { fullPathMatch: "/q", queryParameterMatches: [{ name: "v", exactMatch: "2" }] },
                            { fullPathMatch: "/q2" },
                        ],
                        service: "bs-query",
                    },
                    {
                        priority: 40,
                        matchRules: [{ pathTemplateMatch: "/users/{id}/orders/{rest=**}" }],
                        service: "bs-users",
                        routeAction: {
                            urlRewrite: { pathTemplateRewrite: "/u/{id}/{rest}", hostRewrite: "users.internal" },
                        },
                    },
                    { priority: 50, matchRules: [{ regexMatch: "/r/[0-9]+" }], service: "bs-regex" },
                    {
                        priority: 60,
                        matchRules: [
                            {
                                prefixMatch: "/h/",
                                headerMatches: [{ headerName: "x-n", rangeMatch: { rangeStart: 10, rangeEnd: 20 } }],
                            },
                        ],
                        service: "bs-range",
                    },
                    {
                        priority: 70,
                        matchRules: [
                            {
                                prefixMatch: "/h/",
                                headerMatches: [
                                    { headerName: "user-agent", prefixMatch: "curl/" },
                                    { headerName: "x-debug", presentMatch: true, invertMatch: true },
                                ],
                            },
                        ],
                        service: "bs-curl",
                    },
                    {
                        priority: 80,
                        matchRules: [{ prefixMatch: "/fault/" }],
                        service: "bs-fault",
                        routeAction: { faultInjectionPolicy: { abort: { httpStatus: 503, percentage: 5 } } },
                        headerAction: { requestHeadersToRemoves: ["x-matcher"] },
                    },
                ],
            },
        ],
    };
    const route = (host: string, path: string, headers: Record<string, string> = {}) =>
        simulateRequest(map, { host, path, headers });

    it("prefers an exact host over a wildcard, the longest wildcard over a shorter one, and any wildcard over *", () => {
        assert.strictEqual(route("api.example.com", "/x").service, "bs-api-all");
        assert.strictEqual(route("web.example.com", "/x").service, "bs-wild");
        assert.strictEqual(route("ops-admin.example.com", "/x").service, "bs-admin");
        assert.strictEqual(route("example.com", "/x").service, "bs-any");
        assert.strictEqual(route("other.org", "/x").pathMatcher, "any");
    });

    it("ignores the port only on classic", () => {
        assert.strictEqual(
            simulateRequest(map, { host: "api.example.com:443", path: "/x" }, { scheme: "classic" }).service,
            "bs-api-all",
        );
        assert.strictEqual(
            simulateRequest(map, { host: "api.example.com:443", path: "/x" }, { scheme: "global-external" })
                .pathMatcher,
            "any",
        );
    });

    it("uses the longest path rule regardless of order: exact beats prefix, /video/* does not match /video", () => {
        assert.strictEqual(route("api.example.com", "/video").service, "bs-video-exact");
        assert.strictEqual(route("api.example.com", "/video/").service, "bs-video-prefix");
        assert.strictEqual(route("api.example.com", "/video/hd/1").service, "bs-hd");
        assert.strictEqual(route("api.example.com", "/videos").service, "bs-api-all");
        assert.strictEqual(route("api.example.com", "/video/hd/1").pathRule, 2);
    });

    it("rewrites the matched prefix and keeps the query", () => {
        const result = route("api.example.com", "/hello2/a/b?x=1");
        assert.deepStrictEqual([result.service, result.path, result.host], ["bs-hello", "/a/b?x=1", "api.example.com"]);
        assert.strictEqual(route("api.example.com", "/hello2").path, "/");
    });

    it("builds redirect URLs: path redirect, https + prefix redirect with query stripped", () => {
        assert.deepStrictEqual(route("api.example.com", "/old?a=1").redirect, {
            url: "http://api.example.com/new?a=1",
            code: "FOUND",
            status: 302,
        });
        assert.deepStrictEqual(route("api.example.com", "/legacy/x/y?a=1").redirect, {
            url: "https://api.example.com/v2/x/y",
            code: "MOVED_PERMANENTLY_DEFAULT",
            status: 301,
        });
    });

    it("evaluates route rules by ascending priority, whatever their order in the list", () => {
        assert.deepStrictEqual(
            [route("x.org", "/case/a").service, route("x.org", "/case/a").routeRulePriority],
            ["bs-case", 10],
        );
    });

    it("splits by weight into shares, applying per-backend header actions before the matcher's", () => {
        const result = route("x.org", "/any", { "X-Canary": "true" });
        assert.strictEqual(result.service, undefined);
        assert.deepStrictEqual(
            result.backends.map((b) => [b.service, b.weight, b.share, b.requestHeaders]),
            [
                ["bs-stable", 75, 0.75, { "x-canary": "true", "x-matcher": "any" }],
                ["bs-canary", 25, 0.25, { "x-canary": "true", "x-variant": "canary", "x-matcher": "any" }],
            ],
        );
    });

    it("ORs match rules and ANDs query predicates", () => {
        assert.strictEqual(route("x.org", "/q?v=2").service, "bs-query");
        assert.strictEqual(route("x.org", "/q?v=3").service, "bs-any");
        assert.strictEqual(route("x.org", "/q2").service, "bs-query");
    });

    it("matches path templates and rewrites with their variables and the host", () => {
        const result = route("x.org", "/users/42/orders/a/b");
        assert.deepStrictEqual([result.service, result.host, result.path], ["bs-users", "users.internal", "/u/42/a/b"]);
    });

    it("matches regexes on the whole path", () => {
        assert.strictEqual(route("x.org", "/r/123").service, "bs-regex");
        assert.strictEqual(route("x.org", "/r/123/x").service, "bs-any");
    });

    it("matches header ranges (end exclusive), prefixes and inverted presence", () => {
        assert.strictEqual(route("x.org", "/h/1", { "x-n": "19" }).service, "bs-range");
        assert.strictEqual(route("x.org", "/h/1", { "x-n": "20" }).service, "bs-any");
        assert.strictEqual(route("x.org", "/h/1", { "user-agent": "curl/8" }).service, "bs-curl");
        assert.strictEqual(route("x.org", "/h/1", { "user-agent": "curl/8", "x-debug": "1" }).service, "bs-any");
    });

    it("reports fault injection and applies route-rule header actions before the matcher's", () => {
        const result = route("x.org", "/fault/x", { "x-matcher": "client" });
        assert.deepStrictEqual(result.faultInjection, { abort: { httpStatus: 503, percentage: 5 } });
        // The route rule removes x-matcher, then the matcher adds its own.
        assert.deepStrictEqual(result.backends[0].requestHeaders, { "x-matcher": "any" });
    });

    it("falls back to the map default with no host rules, and names the URL-mask service", () => {
        const bare: UrlMapSpec = { defaultService: "bs-mask" };
        const result = simulateRequest(
            bare,
            { host: "example.com", path: "/login/web" },
            { urlMasks: { "bs-mask": "example.com/<service>" } },
        );
        assert.deepStrictEqual(
            [result.matchedBy, result.service, result.backends[0].cloudRun],
            ["map-default", "bs-mask", { service: "login" }],
        );
    });

    it("turns path templates into anchored regexes", () => {
        const regex = pathTemplateRegex("/a/*/b/**");
        assert.deepStrictEqual(
            ["/a/x/b/c/d", "/a/x/b/", "/a/x/y/b/c", "/a//b/c"].map((p) => regex.test(p)),
            [true, true, false, false],
        );
        assert.strictEqual(pathTemplateRegex("/v/{x=news/*}/z").exec("/v/news/1/z")?.groups?.x, "news/1");
    });
});
