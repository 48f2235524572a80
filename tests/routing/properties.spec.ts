import * as assert from "assert";
import * as fc from "fast-check";
import {
    compileUrlMap,
    longestMatchEqualsFirstMatch,
    RouteArgs,
    RouteTable,
    simulateRequest,
    UrlMapSpec,
} from "../../components/routing";
import { validateRoutes } from "../../components/rules/routing";
import { Scheme } from "../../components/schemes";

/**
 * A reference evaluator of the ROUTE TABLE's documented semantics (types.ts), written from the
 * documentation alone: routes in order, first match wins; no hosts = every host; `*.x` = hosts ending
 * in `.x`; `/a/*` = paths starting with `/a/`; headers and query all must hold; else defaultBackend.
 * It shares no code with compile or simulate.
 */
interface Expected {
    /** "backend:<key>", "split:<key>=<w>,...", or "redirect:<url>". */
    action: string;
    /** The forwarded path (after a prefix rewrite), for backends. */
    path?: string;
}

function hostMatches(pattern: string, host: string): boolean {
    if (pattern === "*") return true;
    if (pattern.startsWith("*")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return pattern === host;
}

/** The matched part of the path for a route (most specific of its paths), or undefined. */
function matchedPart(route: RouteArgs, path: string): string | undefined {
    const paths = route.paths ?? ["/*"];
    const exact = paths.find((p) => !p.endsWith("/*") && p === path);
    if (exact !== undefined) return path;
    const prefixes = paths
        .filter((p) => p.endsWith("/*") && path.startsWith(p.slice(0, -1)))
        .map((p) => p.slice(0, -1));
    prefixes.sort((a, b) => b.length - a.length);
    return prefixes[0];
}

function referenceRoute(table: RouteTable, host: string, path: string, headers: Record<string, string>): Expected {
    for (const route of table.routes) {
        if (route.hosts && route.hosts.length > 0 && !route.hosts.some((h) => hostMatches(h, host))) continue;
        const matched = matchedPart(route, path);
        if (matched === undefined) continue;
        const headersOk = (route.headers ?? []).every((h) =>
            h.present !== undefined ? (headers[h.name] !== undefined) === h.present : headers[h.name] === h.exact,
        );
        if (!headersOk) continue;
        if (route.redirect) return { action: `redirect:http://${route.redirect.host}${path}` };
        const forwarded =
            route.rewrite?.pathPrefix !== undefined ? route.rewrite.pathPrefix + path.slice(matched.length) : path;
        if (route.split)
            return { action: `split:${route.split.map((w) => `${w.backend}=${w.weight}`).join(",")}`, path: forwarded };
        return { action: `backend:${route.backend}`, path: forwarded };
    }
    return { action: `backend:${table.defaultBackend}`, path };
}

const HOST_PATTERNS = [
    "a.example.com",
    "b.example.com",
    "*.example.com",
    "*-api.example.com",
    "x-api.example.com",
    "*.b.example.com",
];
const REQUEST_HOSTS = [
    "a.example.com",
    "b.example.com",
    "c.example.com",
    "x-api.example.com",
    "y-api.example.com",
    "q.b.example.com",
    "other.org",
];
const PATH_PATTERNS = ["/", "/a", "/a/*", "/a/b", "/a/b/*", "/b/*", "/*", "/b"];
const REQUEST_PATHS = ["/", "/a", "/a/", "/a/b", "/a/b/c", "/b", "/b/x", "/c"];

function routeArb(index: number): fc.Arbitrary<RouteArgs> {
    return fc
        .record({
            hosts: fc.option(fc.uniqueArray(fc.constantFrom(...HOST_PATTERNS), { minLength: 1, maxLength: 2 }), {
                nil: undefined,
            }),
            paths: fc.option(fc.uniqueArray(fc.constantFrom(...PATH_PATTERNS), { minLength: 1, maxLength: 3 }), {
                nil: undefined,
            }),
            header: fc.constantFrom<"none" | "exact" | "present" | "absent">(
                "none",
                "none",
                "exact",
                "present",
                "absent",
            ),
            action: fc.constantFrom<"backend" | "split" | "redirect">("backend", "backend", "split", "redirect"),
            weight: fc.integer({ min: 1, max: 1000 }),
            rewrite: fc.boolean(),
        })
        .map((g) => {
            const route: RouteArgs = {};
            if (g.hosts) route.hosts = g.hosts;
            if (g.paths) route.paths = g.paths;
            if (g.header === "exact") route.headers = [{ name: "x-v", exact: "1" }];
            if (g.header === "present") route.headers = [{ name: "x-v", present: true }];
            if (g.header === "absent") route.headers = [{ name: "x-v", present: false }];
            if (g.action === "backend") route.backend = `b${index}`;
            if (g.action === "split")
                route.split = [
                    { backend: `b${index}`, weight: g.weight },
                    { backend: `c${index}`, weight: 1000 - g.weight },
                ];
            if (g.action === "redirect") route.redirect = { host: `r${index}.example.com` };
            if (g.rewrite && g.action !== "redirect") route.rewrite = { pathPrefix: "/rw/" };
            return route;
        });
}

const tableArb: fc.Arbitrary<RouteTable> = fc
    .integer({ min: 0, max: 7 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => routeArb(i))))
    .map((routes) => ({ routes: routes as RouteArgs[], defaultBackend: "default" }));

/**
 * Tables shaped like a central load balancer: mostly host-only routes to a few shared backends (so
 * hosts merge into shared matchers and matchers reduce to a default), mixed with arbitrary routes.
 */
const hostHeavyTableArb: fc.Arbitrary<RouteTable> = fc
    .array(
        fc.oneof(
            fc
                .record({
                    hosts: fc.uniqueArray(fc.constantFrom(...HOST_PATTERNS), { minLength: 1, maxLength: 2 }),
                    backend: fc.constantFrom("b0", "b1", "default"),
                    all: fc.boolean(),
                })
                .map((g): RouteArgs => (g.all ? { hosts: g.hosts, paths: ["/*"], backend: g.backend } : g)),
            fc.integer({ min: 0, max: 7 }).chain((i) => routeArb(i)),
        ),
        { maxLength: 12 },
    )
    .map((routes) => ({
        routes: routes.map((r) => {
            const { all: _all, ...route } = r as RouteArgs & { all?: boolean };
            return route;
        }),
        defaultBackend: "default",
    }));

/** Structural promises of a lean map, independent of routing. */
function assertLean(map: UrlMapSpec): void {
    const matchers = map.pathMatchers ?? [];
    assert.deepStrictEqual(
        matchers.map((m) => m.name),
        matchers.map((_, k) => `m${k}`),
    );
    const bodies = matchers.map(({ name: _name, ...body }) => JSON.stringify(body));
    assert.strictEqual(new Set(bodies).size, bodies.length, "two matchers with the same routing");
    const hosts = (map.hostRules ?? []).flatMap((h) => h.hosts);
    assert.strictEqual(new Set(hosts).size, hosts.length, "a host in two host rules");
    assert.deepStrictEqual(
        [...new Set((map.hostRules ?? []).map((h) => h.pathMatcher))],
        matchers.map((m) => m.name),
        "host rules point at every matcher, in order",
    );
    for (const m of matchers) {
        const rules = m.pathRules ?? m.routeRules ?? [];
        // A matcher whose only rule matches every path would have folded that rule into its default —
        // unless the rule replaces the matched prefix (prefixRedirect, pathPrefixRewrite), which GCP
        // defines only against a rule's match, so it stays a `/*` rule.
        const replacesPrefix = (rule: NonNullable<typeof m.pathRules>[number]) =>
            rule.urlRedirect?.prefixRedirect !== undefined ||
            rule.routeAction?.urlRewrite?.pathPrefixRewrite !== undefined;
        assert.ok(
            !(
                rules.length === 1 &&
                m.pathRules &&
                m.pathRules[0].paths.length === 1 &&
                m.pathRules[0].paths[0] === "/*" &&
                !replacesPrefix(m.pathRules[0])
            ),
            `${m.name} keeps a lone /* rule`,
        );
    }
}

const requestArb = fc.record({
    host: fc.constantFrom(...REQUEST_HOSTS),
    path: fc.constantFrom(...REQUEST_PATHS),
    header: fc.constantFrom<string | undefined>(undefined, "1", "2"),
});

const ref = (key: string) => `projects/p/global/backendServices/${key}`;

function simulated(
    table: RouteTable,
    scheme: Scheme,
    host: string,
    path: string,
    headers: Record<string, string>,
): Expected {
    const map = compileUrlMap(table, { scheme, backendRef: ref });
    const result = simulateRequest(map, { host, path, headers }, { scheme });
    const key = (service: string) => service.split("/").pop();
    if (result.kind === "redirect") return { action: `redirect:${result.redirect!.url}` };
    if (result.backends.length > 1 || result.routeAction?.weightedBackendServices) {
        return {
            action: `split:${result.backends.map((b) => `${key(b.service)}=${b.weight}`).join(",")}`,
            path: result.path,
        };
    }
    return { action: `backend:${key(result.service!)}`, path: result.path };
}

const backendKeys = ["default", ...Array.from({ length: 8 }, (_, i) => [`b${i}`, `c${i}`]).flat()];

describe("routing properties", () => {
    it("compile is deterministic: the same table gives byte-identical JSON", () => {
        fc.assert(
            fc.property(tableArb, fc.constantFrom<Scheme>("global-external", "regional-internal"), (table, scheme) => {
                const once = JSON.stringify(compileUrlMap(table, { scheme, backendRef: ref }));
                const copy = JSON.parse(JSON.stringify(table)) as RouteTable;
                assert.strictEqual(JSON.stringify(compileUrlMap(copy, { scheme, backendRef: ref })), once);
            }),
            { numRuns: 200 },
        );
    });

    it("the simulator routes every request on the compiled map exactly as the route table's first-match semantics say", () => {
        fc.assert(
            fc.property(
                tableArb,
                fc.array(requestArb, { minLength: 1, maxLength: 8 }),
                fc.constantFrom<Scheme>("global-external", "regional-internal"),
                (table, requests, scheme) => {
                    // Only tables our own validation accepts (unreachable routes after a catch-all are refused).
                    fc.pre(
                        validateRoutes({ scheme, routes: table.routes, backendKeys, defaultBackend: "default" })
                            .length === 0,
                    );
                    for (const r of requests) {
                        const headers: Record<string, string> = r.header === undefined ? {} : { "x-v": r.header };
                        assert.deepStrictEqual(
                            simulated(table, scheme, r.host, r.path, headers),
                            referenceRoute(table, r.host, r.path, headers),
                            `${r.host}${r.path} ${JSON.stringify(headers)} with ${JSON.stringify(table.routes)}`,
                        );
                    }
                },
            ),
            { numRuns: 300 },
        );
    });

    it("lean maps (shared matchers, default-only matchers) route every request as the table says, on every scheme", () => {
        let shared = 0;
        let defaultOnly = 0;
        fc.assert(
            fc.property(
                hostHeavyTableArb,
                fc.array(requestArb, { minLength: 1, maxLength: 8 }),
                fc.constantFrom<Scheme>("global-external", "regional-internal", "regional-external", "classic"),
                (table, requests, scheme) => {
                    const classicSafe = scheme !== "classic" || table.routes.every((r) => !r.split);
                    fc.pre(
                        classicSafe &&
                            validateRoutes({ scheme, routes: table.routes, backendKeys, defaultBackend: "default" })
                                .length === 0,
                    );
                    const map = compileUrlMap(table, { scheme, backendRef: ref });
                    assertLean(map);
                    if ((map.hostRules ?? []).some((h) => h.hosts.length > 1)) shared++;
                    if ((map.pathMatchers ?? []).some((m) => !m.pathRules && !m.routeRules)) defaultOnly++;
                    for (const r of requests) {
                        const headers: Record<string, string> = r.header === undefined ? {} : { "x-v": r.header };
                        assert.deepStrictEqual(
                            simulated(table, scheme, r.host, r.path, headers),
                            referenceRoute(table, r.host, r.path, headers),
                            `${r.host}${r.path} ${JSON.stringify(headers)} with ${JSON.stringify(table.routes)}`,
                        );
                    }
                },
            ),
            { numRuns: 400 },
        );
        assert.ok(shared > 20, `hosts shared a matcher in only ${shared} runs`);
        assert.ok(defaultOnly > 20, `default-only matchers came up in only ${defaultOnly} runs`);
    });

    it("longestMatchEqualsFirstMatch agrees with the pairwise definition", () => {
        // The definition: some later route has an exact path under an earlier prefix, or a longer prefix.
        const pairwise = (lists: string[][]) =>
            !lists.some((earlierList, i) =>
                lists
                    .slice(i + 1)
                    .some((laterList) =>
                        earlierList.some(
                            (e) =>
                                e.endsWith("/*") &&
                                laterList.some((l) =>
                                    l.endsWith("/*")
                                        ? l.slice(0, -1).startsWith(e.slice(0, -1)) && l.length > e.length
                                        : l.startsWith(e.slice(0, -1)),
                                ),
                        ),
                    ),
            );
        fc.assert(
            fc.property(
                fc.array(fc.uniqueArray(fc.constantFrom(...PATH_PATTERNS, "/a/c/*", "/ab/*"), { maxLength: 3 }), {
                    maxLength: 6,
                }),
                (lists) => assert.strictEqual(longestMatchEqualsFirstMatch(lists), pairwise(lists)),
            ),
            { numRuns: 500 },
        );
    });

    it("simple path-only tables compile to path rules whose longest match agrees with first match", () => {
        const simpleRoute = (i: number) =>
            fc
                .uniqueArray(fc.constantFrom(...PATH_PATTERNS), { minLength: 1, maxLength: 3 })
                .map((paths): RouteArgs => ({ paths, backend: `b${i}` }));
        const simpleTable = fc
            .integer({ min: 1, max: 5 })
            .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => simpleRoute(i))))
            .map((routes): RouteTable => ({ routes: routes as RouteArgs[], defaultBackend: "default" }));
        let pathRuleMaps = 0;
        fc.assert(
            fc.property(simpleTable, fc.constantFrom(...REQUEST_PATHS), (table, path) => {
                const map = compileUrlMap(table, { scheme: "classic", backendRef: ref });
                if ((map.pathMatchers ?? []).some((m) => m.pathRules)) pathRuleMaps++;
                assert.deepStrictEqual(
                    simulated(table, "classic", "any.example.com", path, {}),
                    referenceRoute(table, "any.example.com", path, {}),
                );
            }),
            { numRuns: 200 },
        );
        assert.ok(pathRuleMaps > 20, `path rules were chosen in only ${pathRuleMaps} runs`);
    });
});
