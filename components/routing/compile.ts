/**
 * Route table → GCP URL map.
 *
 * The contract is the route order documented in `types.ts`: routes are evaluated in the order written
 * and the first match wins. GCP evaluates differently — one host rule per request (the most specific
 * host), then path rules by longest match or route rules by priority — so the compiler arranges the
 * table so GCP's evaluation gives the same answer:
 *
 * - Host rules: one per set of hosts that see the same routes. A request whose host selects host rule
 *   P must see every route with a host pattern covering all of P's hosts (a route with `*.example.com`
 *   applies to `api.example.com` as well), plus every route with no hosts, in table order.
 * - Per path matcher the compiler emits path rules only when longest-match provably equals first-match
 *   for that matcher's routes (no later route has a path more specific than an overlapping earlier one,
 *   and nothing but paths is matched); otherwise route rules, whose priority is the route's index in the
 *   table. Never both in one matcher.
 * - A route that matches everything (no hosts, no path condition or `/*`, no header or query
 *   conditions) and has no header actions becomes the default of the map and of every matcher; routes
 *   after it are unreachable and left out (validation reports them).
 *
 * - Hosts whose matchers come out the same share one matcher; a host whose routes all go to one backend
 *   with no other condition gets a matcher with that `defaultService` and no rules.
 *
 * Output is deterministic: host rules are sorted, matchers are named `m0`, `m1`, … in that order, and
 * object keys are emitted in a fixed order.
 */
import type { BackendKind } from "../backends/kinds";
import { Scheme, schemeProfile, supports } from "../schemes";
import { HOSTS_PER_HOST_RULE } from "./limits";
import { simulateRequest } from "./simulate";
import { compileErrorResponses, CustomErrorResponsePolicySpec, CustomErrorResponsesArgs } from "./error-responses";
import {
    DurationSpec,
    HeaderActionSpec,
    HeaderTransformArgs,
    MatchRuleSpec,
    PathMatcherSpec,
    PathRuleSpec,
    RouteActionSpec,
    RouteArgs,
    RouteRuleSpec,
    RouteTestArgs,
    UrlMapSpec,
    UrlMapTestSpec,
    UrlRedirectSpec,
    redirectStatus,
} from "./types";

export interface RouteTable {
    routes: RouteArgs[];
    /** Backend key for requests no route matches. */
    defaultBackend: string;
    /** Request headers changed on every request (URL map level; not on classic). */
    requestHeaders?: HeaderTransformArgs;
    /** Response headers changed on every response (URL map level; not on classic). */
    responseHeaders?: HeaderTransformArgs;
    /** Route tests; the ones GCP can run are emitted to the URL map's `tests`. */
    tests?: RouteTestArgs[];
    /** Error pages for the whole map (global external only). */
    customErrorResponses?: CustomErrorResponsesArgs;
}

export interface CompileOptions {
    scheme: Scheme;
    /** Turns a backend key into the reference GCP stores (a backend service id or self link). */
    backendRef: (key: string) => string;
    /** Backend kind per key, for validation of mirroring (unknown keys are treated as backend services). */
    backendKinds?: Record<string, BackendKind>;
}

/** GCP's cap on URL map tests per map (API: 100; the quotas page allows classic more). */
export const URL_MAP_TESTS_MAX = 100;

// ---------------------------------------------------------------------------------------------
// Route classification
// ---------------------------------------------------------------------------------------------

/** Hosts as the compiler compares them. */
export function normalizeHost(host: string): string {
    return host.trim().toLowerCase();
}

/** Whether the route applies to every host. */
export function appliesToAnyHost(route: RouteArgs): boolean {
    return !route.hosts || route.hosts.length === 0 || route.hosts.some((h) => normalizeHost(h) === "*");
}

/** Whether the route has a path condition that can fail. */
function hasPathCondition(route: RouteArgs): boolean {
    if (route.pathTemplate !== undefined || route.regex !== undefined) {
        return true;
    }
    return route.paths !== undefined && route.paths.length > 0 && !route.paths.includes("/*");
}

/** Whether the route matches every request, making every later route unreachable. */
export function matchesEverything(route: RouteArgs): boolean {
    return appliesToAnyHost(route) && matchesEveryPath(route);
}

function hasHeaderActions(route: RouteArgs): boolean {
    return route.requestHeaders !== undefined || route.responseHeaders !== undefined;
}

/**
 * Whether a catch-all route can become the map's and matchers' default action: defaults carry no header
 * action, and a route that replaces the matched prefix (redirect.prefix, rewrite.pathPrefix) stays a
 * rule: GCP defines prefixRedirect as replacing "the prefixMatch specified in the HttpRouteRuleMatch",
 * and a default has none (what it replaces there is undocumented), while a `/*` rule's matched prefix is
 * `/`.
 */
function foldable(route: RouteArgs): boolean {
    // The map's default carries the load balancer's error policy, not a route's.
    return appliesToAnyHost(route) && route.customErrorResponses === undefined && foldableForItsHosts(route);
}

/** Whether a route can become the default action of the matchers of its hosts (as `foldable`, hosts aside). */
function foldableForItsHosts(route: RouteArgs): boolean {
    return (
        matchesEveryPath(route) &&
        !hasHeaderActions(route) &&
        (route.paths ?? []).every((p) => p === "/*") &&
        route.redirect?.prefix === undefined &&
        route.rewrite?.pathPrefix === undefined
    );
}

/** Whether the route matches every request for the hosts it applies to (no path, header or query condition). */
function matchesEveryPath(route: RouteArgs): boolean {
    return !hasPathCondition(route) && (route.headers ?? []).length === 0 && (route.queryParameters ?? []).length === 0;
}

/** Index of the first route that matches every request, or -1. */
export function catchAllIndex(routes: RouteArgs[]): number {
    return routes.findIndex(matchesEverything);
}

/**
 * Whether every host `inner` matches is also matched by `outer`. Patterns are exact hosts,
 * `*<suffix>` wildcards (suffix starting with `.` or `-`), or `*`.
 */
export function hostPatternCovers(outer: string, inner: string): boolean {
    if (outer === "*") {
        return true;
    }
    if (inner === "*") {
        return false;
    }
    if (!outer.startsWith("*")) {
        return outer === inner;
    }
    const suffix = outer.slice(1);
    if (!inner.startsWith("*")) {
        return inner.length > suffix.length && inner.endsWith(suffix);
    }
    return inner.slice(1).endsWith(suffix);
}

// ---------------------------------------------------------------------------------------------
// Emitting GCP fields
// ---------------------------------------------------------------------------------------------

export function durationSpec(seconds: number): DurationSpec {
    const whole = Math.floor(seconds);
    const nanos = Math.round((seconds - whole) * 1e9);
    return nanos > 0 ? { seconds: String(whole), nanos } : { seconds: String(whole) };
}

export function headerActionSpec(
    request: HeaderTransformArgs | undefined,
    response: HeaderTransformArgs | undefined,
): HeaderActionSpec | undefined {
    const action: HeaderActionSpec = {};
    const adds = (t: HeaderTransformArgs | undefined) =>
        (t?.add ?? []).map((h) => ({ headerName: h.name, headerValue: h.value, replace: h.replace ?? false }));
    if ((request?.add ?? []).length > 0) action.requestHeadersToAdds = adds(request);
    if ((request?.remove ?? []).length > 0) action.requestHeadersToRemoves = [...request!.remove!];
    if ((response?.add ?? []).length > 0) action.responseHeadersToAdds = adds(response);
    if ((response?.remove ?? []).length > 0) action.responseHeadersToRemoves = [...response!.remove!];
    return Object.keys(action).length > 0 ? action : undefined;
}

function redirectSpec(route: RouteArgs): UrlRedirectSpec {
    const r = route.redirect!;
    const spec: UrlRedirectSpec = { stripQuery: r.stripQuery ?? false };
    if (r.host !== undefined) spec.hostRedirect = r.host;
    if (r.https !== undefined) spec.httpsRedirect = r.https;
    if (r.path !== undefined) spec.pathRedirect = r.path;
    if (r.prefix !== undefined) spec.prefixRedirect = r.prefix;
    if (r.code !== undefined) spec.redirectResponseCode = r.code;
    return spec;
}

/** The route action GCP needs for a route (splits included), or undefined when it needs none. */
function routeActionSpec(route: RouteArgs, ref: (key: string) => string): RouteActionSpec | undefined {
    const action: RouteActionSpec = {};
    if (route.split !== undefined) {
        action.weightedBackendServices = route.split.map((w) => {
            const headerAction = headerActionSpec(w.requestHeaders, w.responseHeaders);
            return headerAction
                ? { backendService: ref(w.backend), weight: w.weight, headerAction }
                : { backendService: ref(w.backend), weight: w.weight };
        });
    }
    if (route.rewrite !== undefined) {
        const rewrite: RouteActionSpec["urlRewrite"] = {};
        if (route.rewrite.host !== undefined) rewrite.hostRewrite = route.rewrite.host;
        if (route.rewrite.pathPrefix !== undefined) rewrite.pathPrefixRewrite = route.rewrite.pathPrefix;
        if (route.rewrite.pathTemplate !== undefined) rewrite.pathTemplateRewrite = route.rewrite.pathTemplate;
        action.urlRewrite = rewrite;
    }
    if (route.retry !== undefined) {
        action.retryPolicy = { numRetries: route.retry.attempts };
        if (route.retry.perTryTimeoutSeconds !== undefined) {
            action.retryPolicy.perTryTimeout = durationSpec(route.retry.perTryTimeoutSeconds);
        }
        if (route.retry.conditions !== undefined) action.retryPolicy.retryConditions = [...route.retry.conditions];
    }
    if (route.timeoutSeconds !== undefined) {
        action.timeout = durationSpec(route.timeoutSeconds);
    }
    if (route.cors !== undefined) {
        const c = route.cors;
        action.corsPolicy = { disabled: false };
        if (c.allowOrigins) action.corsPolicy.allowOrigins = [...c.allowOrigins];
        if (c.allowOriginRegexes) action.corsPolicy.allowOriginRegexes = [...c.allowOriginRegexes];
        if (c.allowMethods) action.corsPolicy.allowMethods = [...c.allowMethods];
        if (c.allowHeaders) action.corsPolicy.allowHeaders = [...c.allowHeaders];
        if (c.exposeHeaders) action.corsPolicy.exposeHeaders = [...c.exposeHeaders];
        if (c.maxAgeSeconds !== undefined) action.corsPolicy.maxAge = c.maxAgeSeconds;
        if (c.allowCredentials !== undefined) action.corsPolicy.allowCredentials = c.allowCredentials;
    }
    if (route.faultInjection !== undefined) {
        const f = route.faultInjection;
        action.faultInjectionPolicy = {};
        if (f.delay) {
            action.faultInjectionPolicy.delay = {
                fixedDelay: durationSpec(f.delay.seconds),
                percentage: f.delay.percentage,
            };
        }
        if (f.abort) {
            action.faultInjectionPolicy.abort = { httpStatus: f.abort.httpStatus, percentage: f.abort.percentage };
        }
    }
    if (route.mirror !== undefined) {
        action.requestMirrorPolicy = { backendService: ref(route.mirror.backend) };
    }
    return Object.keys(action).length > 0 ? action : undefined;
}

/** The terminal action of a route as the fields of a path rule / route rule. */
function actionFields(
    route: RouteArgs,
    ref: (key: string) => string,
): Pick<PathRuleSpec, "service" | "routeAction" | "urlRedirect" | "customErrorResponsePolicy"> {
    if (route.redirect !== undefined) {
        return { urlRedirect: redirectSpec(route) };
    }
    const fields: Pick<PathRuleSpec, "service" | "routeAction" | "customErrorResponsePolicy"> = {};
    if (route.backend !== undefined) {
        fields.service = ref(route.backend);
    }
    const routeAction = routeActionSpec(route, ref);
    if (routeAction) {
        fields.routeAction = routeAction;
    }
    if (route.customErrorResponses !== undefined) {
        // compileUrlMap has filled in the load balancer-level backend where the route names none.
        fields.customErrorResponsePolicy = compileErrorResponses(route.customErrorResponses, undefined, ref);
    }
    return fields;
}

/** The default of a map or matcher: a folded catch-all route, else the default backend. */
interface DefaultAction {
    defaultService?: string;
    defaultRouteAction?: RouteActionSpec;
    defaultUrlRedirect?: UrlRedirectSpec;
    defaultCustomErrorResponsePolicy?: CustomErrorResponsePolicySpec;
}

function defaultAction(
    route: RouteArgs | undefined,
    defaultBackend: string,
    ref: (key: string) => string,
): DefaultAction {
    if (!route) {
        return { defaultService: ref(defaultBackend) };
    }
    const fields = actionFields(route, ref);
    const result: DefaultAction = {};
    if (fields.service !== undefined) result.defaultService = fields.service;
    if (fields.routeAction !== undefined) result.defaultRouteAction = fields.routeAction;
    if (fields.urlRedirect !== undefined) result.defaultUrlRedirect = fields.urlRedirect;
    if (fields.customErrorResponsePolicy !== undefined) {
        result.defaultCustomErrorResponsePolicy = fields.customErrorResponsePolicy;
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Path matchers
// ---------------------------------------------------------------------------------------------

/** Routes that can be path rules: paths are their only condition and they carry no header actions. */
function isSimple(route: RouteArgs): boolean {
    return (
        route.pathTemplate === undefined &&
        route.regex === undefined &&
        !route.ignoreCase &&
        (route.headers ?? []).length === 0 &&
        (route.queryParameters ?? []).length === 0 &&
        !hasHeaderActions(route)
    );
}

/** Paths of a route with the ones an earlier route already claimed removed (first match wins anyway). */
function claimPaths(routes: RouteArgs[]): string[][] {
    const claimed = new Set<string>();
    return routes.map((route) => {
        const own = [...new Set(route.paths && route.paths.length > 0 ? route.paths : ["/*"])];
        const fresh = own.filter((p) => !claimed.has(p));
        fresh.forEach((p) => claimed.add(p));
        return fresh;
    });
}

/**
 * Whether longest-match over these path lists picks the same route as first-match for every path.
 * It does unless some later route has a pattern GCP prefers over an overlapping pattern of an earlier
 * route: an exact path under an earlier prefix, or a longer prefix under an earlier shorter one.
 *
 * Linear in the total length of the paths: routes are visited last to first, each later route's paths
 * kept in a character trie, and an earlier prefix fails when the trie holds anything below it (or an
 * exact path equal to it).
 */
export function longestMatchEqualsFirstMatch(pathsPerRoute: string[][]): boolean {
    interface Node {
        next: Map<string, Node>;
        /** An exact path (not a prefix) of a later route ends here. */
        exact: boolean;
    }
    const root: Node = { next: new Map(), exact: false };
    const find = (key: string): Node | undefined => {
        let node: Node | undefined = root;
        for (let c = 0; c < key.length && node; c++) node = node.next.get(key[c]);
        return node;
    };
    const insert = (key: string, exact: boolean) => {
        let node = root;
        for (const ch of key) {
            let child = node.next.get(ch);
            if (!child) {
                child = { next: new Map(), exact: false };
                node.next.set(ch, child);
            }
            node = child;
        }
        if (exact) node.exact = true;
    };
    for (let i = pathsPerRoute.length - 1; i >= 0; i--) {
        for (const earlier of pathsPerRoute[i]) {
            if (!earlier.endsWith("/*")) continue; // an exact path is preferred over everything that overlaps it
            const below = find(earlier.slice(0, -1));
            if (below && (below.exact || below.next.size > 0)) return false;
        }
        for (const path of pathsPerRoute[i]) {
            if (path.endsWith("/*")) insert(path.slice(0, -1), false);
            else insert(path, true);
        }
    }
    return true;
}

/** Exact paths first (in written order), then prefixes longest first. */
function bySpecificity(a: string, b: string): number {
    const rank = (p: string) => (p.endsWith("/*") ? p.length : Number.MAX_SAFE_INTEGER);
    return rank(b) - rank(a);
}

function matchRulesFor(route: RouteArgs): MatchRuleSpec[] {
    const conditions: Pick<MatchRuleSpec, "headerMatches" | "queryParameterMatches"> = {};
    if ((route.headers ?? []).length > 0) {
        conditions.headerMatches = route.headers!.map((h) => {
            const m: NonNullable<MatchRuleSpec["headerMatches"]>[number] = { headerName: h.name };
            if (h.exact !== undefined) m.exactMatch = h.exact;
            if (h.prefix !== undefined) m.prefixMatch = h.prefix;
            if (h.suffix !== undefined) m.suffixMatch = h.suffix;
            if (h.regex !== undefined) m.regexMatch = h.regex;
            if (h.present !== undefined) m.presentMatch = h.present;
            if (h.range !== undefined) m.rangeMatch = { rangeStart: h.range.start, rangeEnd: h.range.end };
            if (h.invert) m.invertMatch = true;
            return m;
        });
    }
    if ((route.queryParameters ?? []).length > 0) {
        conditions.queryParameterMatches = route.queryParameters!.map((q) => {
            const m: NonNullable<MatchRuleSpec["queryParameterMatches"]>[number] = { name: q.name };
            if (q.exact !== undefined) m.exactMatch = q.exact;
            if (q.regex !== undefined) m.regexMatch = q.regex;
            if (q.present !== undefined) m.presentMatch = q.present;
            return m;
        });
    }
    const ignoreCase = route.ignoreCase ? { ignoreCase: true } : {};
    if (route.pathTemplate !== undefined) {
        return [{ pathTemplateMatch: route.pathTemplate, ...conditions }];
    }
    if (route.regex !== undefined) {
        return [{ regexMatch: route.regex, ...conditions }];
    }
    // Most specific first (exact paths, then longer prefixes): GCP takes the first match rule that
    // matches, and a prefix rewrite/redirect then replaces exactly what path rules' longest match would.
    const paths = (route.paths && route.paths.length > 0 ? [...new Set(route.paths)] : ["/*"]).sort(bySpecificity);
    return paths.map((p) =>
        p.endsWith("/*")
            ? { prefixMatch: p.slice(0, -1), ...ignoreCase, ...conditions }
            : { fullPathMatch: p, ...ignoreCase, ...conditions },
    );
}

/**
 * The path matcher for one host group, without its name: the fewest rules with the same routing.
 * The first route that matches every path for these hosts ends the list (later ones can't be reached
 * through this matcher); when it carries no header action and has no path but `/*`, it becomes the
 * matcher's default instead of a rule — so a host whose routes all go to one backend gets a matcher
 * with that `defaultService` and no rules.
 */
function pathMatcherBody(
    indices: number[],
    routes: RouteArgs[],
    mapDefaults: DefaultAction,
    ref: (key: string) => string,
): Omit<PathMatcherSpec, "name"> {
    const last = indices.findIndex((i) => matchesEveryPath(routes[i]));
    let kept = last < 0 ? indices : indices.slice(0, last + 1);
    let defaults = mapDefaults;
    if (last >= 0 && foldableForItsHosts(routes[kept[last]])) {
        defaults = defaultAction(routes[kept[last]], "", ref);
        kept = kept.slice(0, last);
    }
    const matcher: Omit<PathMatcherSpec, "name"> = { ...defaults };
    if (kept.length === 0) {
        return matcher;
    }
    const own = kept.map((i) => routes[i]);
    const claimed = claimPaths(own);
    if (own.every(isSimple) && longestMatchEqualsFirstMatch(claimed)) {
        const pathRules: PathRuleSpec[] = [];
        own.forEach((route, k) => {
            if (claimed[k].length > 0) {
                pathRules.push({ paths: claimed[k], ...actionFields(route, ref) });
            }
        });
        if (pathRules.length > 0) {
            matcher.pathRules = pathRules;
        }
        return matcher;
    }
    matcher.routeRules = kept.map((i): RouteRuleSpec => {
        const route = routes[i];
        const rule: RouteRuleSpec = { priority: i, matchRules: matchRulesFor(route), ...actionFields(route, ref) };
        const headerAction = headerActionSpec(route.requestHeaders, route.responseHeaders);
        if (headerAction) {
            rule.headerAction = headerAction;
        }
        return rule;
    });
    return matcher;
}

// ---------------------------------------------------------------------------------------------
// compileUrlMap
// ---------------------------------------------------------------------------------------------

/** Host rules + matchers: which routes (by table index) each group of hosts sees. */
export interface HostGroup {
    hosts: string[];
    routeIndices: number[];
}

/** The wildcard suffixes (`*` + suffix) that could cover a host pattern: its `.`/`-` suffixes. */
function coveringSuffixes(pattern: string): string[] {
    // An exact host needs a non-empty head before the suffix; a wildcard `*t` is covered by `*t` itself.
    const body = pattern.startsWith("*") ? pattern.slice(1) : pattern;
    const from = pattern.startsWith("*") ? 0 : 1;
    const suffixes: string[] = [];
    for (let k = from; k < body.length; k++) {
        if (body[k] === "." || body[k] === "-") suffixes.push(body.slice(k));
    }
    return suffixes;
}

/** Merge two ascending index lists without duplicates. */
function mergeAscending(a: number[], b: number[]): number[] {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
    }
    return out;
}

/**
 * The host groups GCP needs for the table (pure, no names): for every host pattern the routes it
 * sees, in table order, cut at the first catch-all; patterns that see the same routes share a group.
 * The any-host group (routes with no hosts) comes last with hosts `["*"]`.
 *
 * O(n log n) in the table's size: each pattern looks up the routes naming it and the wildcards that
 * cover it (one map look-up per `.` or `-` in it) instead of testing every route.
 */
export function hostGroups(routes: RouteArgs[]): HostGroup[] {
    const cut = catchAllIndex(routes);
    const reachable = (i: number) => cut < 0 || i < cut || (i === cut && !foldable(routes[i]));
    const anyHost: number[] = [];
    /** Reachable host-specific routes by the exact host or wildcard (`*` + suffix) they name. */
    const byPattern = new Map<string, number[]>();
    routes.forEach((route, i) => {
        if (appliesToAnyHost(route)) {
            if (reachable(i)) anyHost.push(i);
            return;
        }
        for (const pattern of new Set((route.hosts ?? []).map(normalizeHost))) {
            const list = byPattern.get(pattern) ?? [];
            if (reachable(i)) list.push(i);
            byPattern.set(pattern, list);
        }
    });
    const byList = new Map<string, HostGroup>();
    for (const pattern of [...byPattern.keys()].sort()) {
        let specific = byPattern.get(pattern)!;
        for (const suffix of coveringSuffixes(pattern)) {
            const covering = `*${suffix}`;
            if (covering !== pattern && byPattern.has(covering)) {
                specific = mergeAscending(specific, byPattern.get(covering)!);
            }
        }
        if (specific.length === 0) {
            continue; // sees only the any-host routes: the `*` rule (or the map default) serves it the same
        }
        const key = specific.join(",");
        const group = byList.get(key);
        if (group) group.hosts.push(pattern);
        else byList.set(key, { hosts: [pattern], routeIndices: mergeAscending(anyHost, specific) });
    }
    const groups = [...byList.values()]; // in order of their first (sorted) host
    if (anyHost.length > 0) {
        groups.push({ hosts: ["*"], routeIndices: anyHost });
    }
    return groups;
}

/** The routes with the load balancer's error-page backend filled in where a route's policy names none. */
function withErrorBackends(table: RouteTable): RouteArgs[] {
    const fallback = table.customErrorResponses?.backend;
    return table.routes.map((route) =>
        route.customErrorResponses !== undefined && route.customErrorResponses.backend === undefined
            ? { ...route, customErrorResponses: { ...route.customErrorResponses, backend: fallback } }
            : route,
    );
}

/**
 * Compile a route table to the URL map fields of `URLMap` / `RegionUrlMap`. Assumes the table passed
 * `validateRoutes`; the output for the same table and options is byte-identical on every run.
 *
 * The map is lean: host groups whose path matchers come out the same share one matcher (their hosts
 * in one host rule, split in rules of at most 1,000 hosts — GCP's hosts-per-host-rule limit); matchers
 * are named `m0`, `m1`, … in the order of their first host.
 */
export function compileUrlMap(table: RouteTable, options: CompileOptions): UrlMapSpec {
    const ref = options.backendRef;
    const routes = withErrorBackends(table);
    const cut = catchAllIndex(routes);
    const folded = cut >= 0 && foldable(routes[cut]) ? routes[cut] : undefined;
    const defaults = defaultAction(folded, table.defaultBackend, ref);

    const spec: UrlMapSpec = { ...defaults };
    if (table.customErrorResponses !== undefined) {
        spec.defaultCustomErrorResponsePolicy = compileErrorResponses(table.customErrorResponses, undefined, ref);
    }
    const mapHeaders = headerActionSpec(table.requestHeaders, table.responseHeaders);
    if (mapHeaders) {
        spec.headerAction = mapHeaders;
    }
    const shared = new Map<string, { hosts: string[]; body: Omit<PathMatcherSpec, "name"> }>();
    for (const group of hostGroups(routes)) {
        const body = pathMatcherBody(group.routeIndices, routes, defaults, ref);
        const key = JSON.stringify(body);
        const entry = shared.get(key);
        if (entry) entry.hosts.push(...group.hosts);
        else shared.set(key, { hosts: [...group.hosts], body });
    }
    if (shared.size > 0) {
        const matchers = [...shared.values()].map((m) => ({ ...m, hosts: m.hosts.sort() }));
        matchers.sort((a, b) => (a.hosts[0] < b.hosts[0] ? -1 : a.hosts[0] > b.hosts[0] ? 1 : 0));
        spec.hostRules = [];
        spec.pathMatchers = [];
        matchers.forEach((m, k) => {
            const name = `m${k}`;
            for (let from = 0; from < m.hosts.length; from += HOSTS_PER_HOST_RULE) {
                spec.hostRules!.push({ hosts: m.hosts.slice(from, from + HOSTS_PER_HOST_RULE), pathMatcher: name });
            }
            spec.pathMatchers!.push({ name, ...m.body });
        });
    }
    const tests = urlMapTests(spec, table, options);
    if (tests.length > 0) {
        spec.tests = tests;
    }
    return spec;
}

/**
 * The route tests GCP can run for this scheme, as URL map tests: backend tests that reach exactly one
 * backend service (a split has no single expected service), and on global maps redirect tests with
 * the expected URL and status. Regional maps require `service` and have no `headers`, so tests with
 * headers or redirects stay offline there. At most `URL_MAP_TESTS_MAX`. Only tests that pass offline
 * are emitted: failing ones are preview errors already, and would make GCP reject the map.
 */
export function urlMapTests(spec: UrlMapSpec, table: RouteTable, options: CompileOptions): UrlMapTestSpec[] {
    if (!supports(options.scheme, "urlMapTests") || !table.tests) {
        return [];
    }
    const regional = schemeProfile(options.scheme).scope === "regional";
    const emitted: UrlMapTestSpec[] = [];
    for (const test of table.tests) {
        if (emitted.length >= URL_MAP_TESTS_MAX) {
            break;
        }
        const headers = test.headers ?? [];
        if (regional && headers.length > 0) {
            continue;
        }
        const result = simulateRequest(
            spec,
            { host: test.host, path: test.path, headers, method: test.method },
            { scheme: options.scheme },
        );
        const base: UrlMapTestSpec = { host: test.host, path: test.path };
        if (test.description !== undefined) base.description = test.description;
        if (headers.length > 0) base.headers = headers.map((h) => ({ name: h.name, value: h.value }));
        if (test.backend !== undefined) {
            const service = ref(options, test.backend);
            if (result.kind === "backend" && result.backends.length === 1 && result.backends[0].service === service) {
                emitted.push({ ...base, service });
            }
        } else if (test.redirect !== undefined && !regional && test.redirect.includes("://")) {
            if (result.kind === "redirect" && result.redirect!.url === test.redirect) {
                const code = (result.redirect!.code ?? "MOVED_PERMANENTLY_DEFAULT") as keyof typeof redirectStatus;
                emitted.push({
                    ...base,
                    expectedOutputUrl: test.redirect,
                    expectedRedirectResponseCode: redirectStatus[code],
                });
            }
        }
    }
    return emitted;
}

function ref(options: CompileOptions, key: string): string {
    return options.backendRef(key);
}
