/**
 * A GCP URL map simulator: given any URL map (compiled here or written by hand) and a request, which
 * backend service(s), redirect, rewrites and header changes GCP would apply.
 *
 * It implements GCP's documented matching (https://cloud.google.com/load-balancing/docs/url-map-concepts) from the URL map alone and shares no matching
 * code with the compiler, so running it on compiled maps checks the compiler independently:
 * 1. Host: the host rule with an exact host wins, then the longest `*`-suffix wildcard, then `*`; no
 *    host rule → the URL map's defaults. Classic ignores the port; the other schemes compare
 *    `host:port` as sent. (Exact > longest wildcard > `*` is UNCONFIRMED for GCP: Envoy's order.)
 * 2. Path rules: the longest match wins regardless of order; an exact path beats every `/*` prefix;
 *    `/a/*` matches paths starting with `/a/` (not `/a`).
 * 3. Route rules: ascending priority, first match wins; match rules are OR'ed, the predicates inside
 *    one are AND'ed.
 * 4. No rule matches → the path matcher's defaults.
 * The path is matched as sent: `//` and `.`/`..` segments are not merged or resolved (Envoy's
 * HttpConnectionManager defaults, normalize_path and merge_slashes off; whether GCP turns them on is
 * UNCONFIRMED, so route tests refuse such paths when the two readings route differently). The query is
 * percent-decoded leniently, and only when a rule matches on it. A `*` in a host wildcard matches at
 * least one character (Envoy: "the wildcard will not match the empty string", so `*-api.example.com`
 * does not match `-api.example.com`).
 * Header actions apply weighted backend first, then route rule, path matcher, URL map.
 * 5. Custom error responses (global external): for an error status, the matched rule's policy, then the
 *    path matcher's default policy, then the URL map's; within a policy an exact status beats its class.
 */
import { Scheme, supports } from "../schemes";
import { selectCloudRunTarget, targetUrlMask, UrlMaskMatch, UrlMaskTarget } from "./url-mask";
import { CustomErrorResponsePolicySpec, ErrorPageOutcome, ErrorPolicyLevel, resolveErrorPage } from "./error-responses";
import {
    FaultInjectionPolicySpec,
    HeaderActionSpec,
    HeaderMatchSpec,
    HeaderToAddSpec,
    HostRuleSpec,
    MatchRuleSpec,
    PathMatcherSpec,
    QueryParameterMatchSpec,
    RedirectCode,
    redirectStatus,
    RouteActionSpec,
    UrlMapSpec,
    UrlRedirectSpec,
} from "./types";
import { re2FullMatch } from "./re2";

/** A request to route. */
export interface RouteRequest {
    /** HTTP method (not used for routing by GCP). */
    method?: string;
    /** `http` or `https`. @default "http" */
    protocol?: string;
    /** Host header, optionally with `:port`. */
    host: string;
    /** Path, optionally with `?query`. */
    path: string;
    /** Request headers (names are case-insensitive). */
    headers?: { name: string; value: string }[] | Record<string, string>;
}

export interface SimulateOptions {
    /** The scheme the map serves: classic ignores the port in host matching. @default "global-external" */
    scheme?: Scheme;
    /**
     * URL mask per backend service reference (with the service or tag given beside it, if any), to report
     * the Cloud Run service and tag a mask selects.
     */
    urlMasks?: Record<string, string | UrlMaskTarget>;
    /** Cloud Storage bucket name per backend bucket reference, to report the bucket a request reaches. */
    bucketNames?: Record<string, string>;
    /** An error status the backend answers with, to show the custom error response GCP would serve. */
    responseStatus?: number;
}

/** One backend service a request can reach, with its share of new traffic. */
export interface RoutedBackend {
    service: string;
    weight: number;
    /** weight / sum of weights (1 for a single backend). */
    share: number;
    /** Request headers as the backend receives them (lowercase names). */
    requestHeaders: Record<string, string>;
    responseHeadersToAdd: HeaderToAddSpec[];
    responseHeadersToRemove: string[];
    /** For a URL-mask backend: the service (and tag) the mask selects from the forwarded URL. */
    cloudRun?: UrlMaskMatch;
    /** For a URL-mask backend whose mask does not fit the URL. */
    urlMaskMismatch?: string;
    /** For a backend bucket: the Cloud Storage bucket it serves. */
    bucket?: string;
}

export interface RouteResult {
    kind: "backend" | "redirect" | "none";
    /** How the decision was made. */
    matchedBy: "map-default" | "matcher-default" | "path-rule" | "route-rule";
    /** Index of the host rule used, if any. */
    hostRule?: number;
    pathMatcher?: string;
    /** Index of the path rule that matched. */
    pathRule?: number;
    /** Priority of the route rule that matched. */
    routeRulePriority?: number;
    /** The backend services, with shares (one entry unless split). */
    backends: RoutedBackend[];
    /** The single backend service, when not split. */
    service?: string;
    redirect?: { url: string; code: RedirectCode; status: number };
    /** Host and path (with query) as forwarded, after rewrites. */
    host: string;
    path: string;
    faultInjection?: FaultInjectionPolicySpec;
    mirror?: string;
    routeAction?: RouteActionSpec;
    /** The custom error response policies that apply, most specific first (global external maps). */
    errorPolicies: { level: ErrorPolicyLevel; policy: CustomErrorResponsePolicySpec }[];
    /** With `responseStatus`: the error page served instead of the backend's answer, if a policy has one. */
    errorPage?: ErrorPageOutcome;
}

// ---------------------------------------------------------------------------------------------

function headersOf(request: RouteRequest): Record<string, string> {
    const out: Record<string, string> = {};
    const list = Array.isArray(request.headers)
        ? request.headers
        : Object.entries(request.headers ?? {}).map(([name, value]) => ({ name, value }));
    for (const h of list) {
        out[h.name.toLowerCase()] = h.value;
    }
    return out;
}

function splitPath(full: string): { path: string; query: string | undefined } {
    const noFragment = full.split("#")[0];
    const q = noFragment.indexOf("?");
    return q < 0
        ? { path: noFragment, query: undefined }
        : { path: noFragment.slice(0, q), query: noFragment.slice(q + 1) };
}

/**
 * Percent-decodes every run of escapes that is valid UTF-8 and leaves everything else as sent: `100%`,
 * `%zz` and `%FF` stay as they are. GCP routes such requests, so the simulator must not throw on them.
 */
export function lenientDecode(text: string): string {
    return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
        try {
            return decodeURIComponent(run);
        } catch {
            return run;
        }
    });
}

function queryParams(query: string | undefined): Map<string, string> {
    const params = new Map<string, string>();
    for (const pair of (query ?? "").split("&")) {
        if (pair === "") continue;
        const eq = pair.indexOf("=");
        const name = lenientDecode(eq < 0 ? pair : pair.slice(0, eq));
        const value = eq < 0 ? "" : lenientDecode(pair.slice(eq + 1).replace(/\+/g, " "));
        if (!params.has(name)) params.set(name, value);
    }
    return params;
}

// --- hosts --------------------------------------------------------------------------------------

/** Specificity of a host pattern for a host: exact 1e6, wildcard by suffix length, `*` 0; -1 no match. */
function hostScore(pattern: string, host: string): number {
    const p = pattern.toLowerCase();
    if (p === "*") return 0;
    if (p.startsWith("*")) {
        const suffix = p.slice(1);
        const head = host.slice(0, host.length - suffix.length);
        return host.endsWith(suffix) && head.length > 0 && /^[a-z0-9.-]+$/.test(head) ? 1 + suffix.length : -1;
    }
    return p === host ? 1_000_000 : -1;
}

function selectHostRule(hostRules: HostRuleSpec[], host: string): number | undefined {
    let best: number | undefined;
    let bestScore = -1;
    hostRules.forEach((rule, i) => {
        for (const pattern of rule.hosts) {
            const score = hostScore(pattern, host);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
    });
    return best;
}

// --- paths ------------------------------------------------------------------------------------

/** `pathTemplateMatch` as a regex with named groups for its variables. */
export function pathTemplateRegex(template: string): RegExp {
    const segment = (pattern: string): string =>
        pattern
            .split("/")
            .map((part) =>
                part === "**" ? ".*" : part === "*" ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
            )
            .join("/");
    let source = "";
    let i = 0;
    while (i < template.length) {
        if (template[i] === "{") {
            const close = template.indexOf("}", i);
            const body = template.slice(i + 1, close);
            const [name, pattern] = body.includes("=") ? body.split("=", 2) : [body, "*"];
            source += `(?<${name}>${segment(pattern)})`;
            i = close + 1;
            continue;
        }
        const next = template.indexOf("{", i);
        const literal = template.slice(i, next < 0 ? undefined : next);
        source += segment(literal);
        i = next < 0 ? template.length : next;
    }
    return new RegExp(`^${source}$`);
}

interface PathMatch {
    /** The part of the path a prefix rewrite/redirect replaces. */
    matchedPrefix: string;
    /** Variables captured by a path template. */
    variables?: Record<string, string>;
}

function matchPathPredicate(rule: MatchRuleSpec, path: string): PathMatch | undefined {
    const fold = (s: string) => (rule.ignoreCase ? s.toLowerCase() : s);
    if (rule.prefixMatch !== undefined) {
        return fold(path).startsWith(fold(rule.prefixMatch))
            ? { matchedPrefix: path.slice(0, rule.prefixMatch.length) }
            : undefined;
    }
    if (rule.fullPathMatch !== undefined) {
        return fold(path) === fold(rule.fullPathMatch) ? { matchedPrefix: path } : undefined;
    }
    if (rule.regexMatch !== undefined) {
        return re2FullMatch(rule.regexMatch, path) ? { matchedPrefix: path } : undefined;
    }
    if (rule.pathTemplateMatch !== undefined) {
        const m = pathTemplateRegex(rule.pathTemplateMatch).exec(path);
        return m ? { matchedPrefix: path, variables: { ...(m.groups ?? {}) } } : undefined;
    }
    return { matchedPrefix: "" };
}

/**
 * One header match. A header the request lacks matches only a presence test (presentMatch: false, or
 * presentMatch: true inverted); every value match fails on it, inverted or not. This is Envoy's
 * documented semantics (HeaderMatcher: without treat_missing_header_as_empty, which GCP's API does not
 * expose, an absent header is not matched as an empty value; HeaderUtility::matchHeaders returns false
 * for an inverted value match on an absent header), and GCP's Envoy-based schemes run Envoy. GCP's own
 * words ("invertMatch: the headerMatch is considered a match if the preceding match criteria are NOT
 * met") do not cover absence; for classic (not Envoy) the same is assumed, UNCONFIRMED.
 */
function headerMatches(match: HeaderMatchSpec, headers: Record<string, string>): boolean {
    const value = headers[match.headerName.toLowerCase()];
    let result: boolean;
    if (match.presentMatch !== undefined) {
        result = (value !== undefined) === match.presentMatch;
    } else if (value === undefined) {
        return false;
    } else if (match.exactMatch !== undefined) {
        result = value === match.exactMatch;
    } else if (match.prefixMatch !== undefined) {
        result = value.startsWith(match.prefixMatch);
    } else if (match.suffixMatch !== undefined) {
        result = value.endsWith(match.suffixMatch);
    } else if (match.regexMatch !== undefined) {
        result = re2FullMatch(match.regexMatch, value);
    } else if (match.rangeMatch !== undefined) {
        const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
        result = n >= match.rangeMatch.rangeStart && n < match.rangeMatch.rangeEnd;
    } else {
        result = true;
    }
    return match.invertMatch ? !result : result;
}

function queryMatches(match: QueryParameterMatchSpec, params: Map<string, string>): boolean {
    const value = params.get(match.name);
    if (value === undefined) return false;
    if (match.presentMatch !== undefined) return match.presentMatch;
    if (match.exactMatch !== undefined) return value === match.exactMatch;
    if (match.regexMatch !== undefined) return re2FullMatch(match.regexMatch, value);
    return true;
}

function matchRule(
    rule: MatchRuleSpec,
    path: string,
    headers: Record<string, string>,
    params: () => Map<string, string>,
): PathMatch | undefined {
    const pathMatch = matchPathPredicate(rule, path);
    if (!pathMatch) return undefined;
    if (!(rule.headerMatches ?? []).every((h) => headerMatches(h, headers))) return undefined;
    if (!(rule.queryParameterMatches ?? []).every((q) => queryMatches(q, params()))) return undefined;
    return pathMatch;
}

/** Longest-match over path rules: exact beats prefix, longer prefix beats shorter. */
function selectPathRule(matcher: PathMatcherSpec, path: string): { index: number; match: PathMatch } | undefined {
    let best: { index: number; match: PathMatch; score: number } | undefined;
    (matcher.pathRules ?? []).forEach((rule, index) => {
        for (const pattern of rule.paths) {
            let score = -1;
            let matchedPrefix = "";
            if (pattern.endsWith("/*")) {
                const prefix = pattern.slice(0, -1);
                if (path.startsWith(prefix)) {
                    score = prefix.length;
                    matchedPrefix = prefix;
                }
            } else if (pattern === path) {
                score = Number.MAX_SAFE_INTEGER;
                matchedPrefix = path;
            }
            if (score >= 0 && (!best || score > best.score)) {
                best = { index, match: { matchedPrefix }, score };
            }
        }
    });
    return best ? { index: best.index, match: best.match } : undefined;
}

// --- actions ----------------------------------------------------------------------------------

function applyHeaderAction(
    headers: Record<string, string>,
    action: HeaderActionSpec | undefined,
): Record<string, string> {
    if (!action) return headers;
    const out = { ...headers };
    for (const name of action.requestHeadersToRemoves ?? []) delete out[name.toLowerCase()];
    for (const add of action.requestHeadersToAdds ?? []) {
        const name = add.headerName.toLowerCase();
        out[name] = add.replace || out[name] === undefined ? add.headerValue : `${out[name]},${add.headerValue}`;
    }
    return out;
}

function redirectTarget(
    redirect: UrlRedirectSpec,
    protocol: string,
    host: string,
    path: string,
    query: string | undefined,
    matchedPrefix: string,
): { url: string; code: RedirectCode; status: number } {
    const scheme = redirect.httpsRedirect ? "https" : protocol;
    const targetHost = redirect.hostRedirect ?? host;
    let targetPath = path;
    if (redirect.pathRedirect !== undefined) {
        targetPath = redirect.pathRedirect;
    } else if (redirect.prefixRedirect !== undefined) {
        targetPath = redirect.prefixRedirect + path.slice(matchedPrefix.length);
    }
    const q = redirect.stripQuery || query === undefined ? "" : `?${query}`;
    const code = (redirect.redirectResponseCode ?? "MOVED_PERMANENTLY_DEFAULT") as RedirectCode;
    return { url: `${scheme}://${targetHost}${targetPath}${q}`, code, status: redirectStatus[code] ?? 301 };
}

/** The decision: one of service / weighted services / redirect, plus the route action and header action. */
interface Decision {
    service?: string;
    routeAction?: RouteActionSpec;
    urlRedirect?: UrlRedirectSpec;
    headerAction?: HeaderActionSpec;
    errorPolicy?: CustomErrorResponsePolicySpec;
    match: PathMatch;
}

/** Simulate how GCP routes `request` with `urlMap`. */
export function simulateRequest(urlMap: UrlMapSpec, request: RouteRequest, options: SimulateOptions = {}): RouteResult {
    const scheme = options.scheme ?? "global-external";
    const protocol = (request.protocol ?? "http").toLowerCase();
    let host = request.host.toLowerCase();
    const matchHost = supports(scheme, "hostPort") ? host : host.replace(/:\d+$/, "");
    const { path, query } = splitPath(request.path.startsWith("/") ? request.path : `/${request.path}`);
    const headers = headersOf(request);
    // The query is decoded only when a rule matches on it.
    let decodedQuery: Map<string, string> | undefined;
    const params = () => (decodedQuery ??= queryParams(query));

    const hostRules = urlMap.hostRules ?? [];
    const hostRule = selectHostRule(hostRules, matchHost);
    const matcher =
        hostRule === undefined
            ? undefined
            : (urlMap.pathMatchers ?? []).find((m) => m.name === hostRules[hostRule].pathMatcher);

    let decision: Decision;
    let matchedBy: RouteResult["matchedBy"] = "matcher-default";
    let pathRule: number | undefined;
    let routeRulePriority: number | undefined;
    const fromDefaults = (d: PathMatcherSpec | UrlMapSpec): Decision => ({
        service: d.defaultService,
        routeAction: d.defaultRouteAction,
        urlRedirect: d.defaultUrlRedirect,
        // A default acts as a catch-all route matching the prefix "/", so a prefixRedirect or
        // pathPrefixRewrite there replaces the leading "/" (UNCONFIRMED: GCP documents prefixRedirect only
        // as replacing "the prefixMatch specified in the HttpRouteRuleMatch"; the compiler never folds a
        // prefix redirect into a default, see `foldable`).
        match: { matchedPrefix: "/" },
    });
    if (!matcher) {
        decision = fromDefaults(urlMap);
        matchedBy = "map-default";
    } else {
        const routeRules = [...(matcher.routeRules ?? [])].sort((a, b) => a.priority - b.priority);
        let found: Decision | undefined;
        for (const rule of routeRules) {
            const rules = rule.matchRules && rule.matchRules.length > 0 ? rule.matchRules : [{ prefixMatch: "/" }];
            for (const m of rules) {
                const pathMatch = matchRule(m, path, headers, params);
                if (pathMatch) {
                    found = {
                        service: rule.service,
                        routeAction: rule.routeAction,
                        urlRedirect: rule.urlRedirect,
                        headerAction: rule.headerAction,
                        errorPolicy: rule.customErrorResponsePolicy,
                        match: pathMatch,
                    };
                    routeRulePriority = rule.priority;
                    break;
                }
            }
            if (found) break;
        }
        if (found) {
            matchedBy = "route-rule";
        } else if (routeRules.length === 0) {
            const selected = selectPathRule(matcher, path);
            if (selected) {
                const rule = matcher.pathRules![selected.index];
                found = {
                    service: rule.service,
                    routeAction: rule.routeAction,
                    urlRedirect: rule.urlRedirect,
                    errorPolicy: rule.customErrorResponsePolicy,
                    match: selected.match,
                };
                pathRule = selected.index;
                matchedBy = "path-rule";
            }
        }
        if (found) {
            decision = found;
        } else {
            decision = fromDefaults(matcher);
        }
    }

    const errorPolicies = (
        [
            { level: "route", policy: decision.errorPolicy },
            { level: "host", policy: matcher?.defaultCustomErrorResponsePolicy },
            { level: "load balancer", policy: urlMap.defaultCustomErrorResponsePolicy },
        ] as { level: ErrorPolicyLevel; policy: CustomErrorResponsePolicySpec | undefined }[]
    ).filter((p): p is { level: ErrorPolicyLevel; policy: CustomErrorResponsePolicySpec } => p.policy !== undefined);
    const base = {
        matchedBy,
        hostRule,
        pathMatcher: matcher?.name,
        pathRule,
        routeRulePriority,
    };
    const withQuery = (p: string) => (query === undefined ? p : `${p}?${query}`);

    if (decision.urlRedirect) {
        return {
            ...base,
            kind: "redirect",
            errorPolicies: [],
            backends: [],
            redirect: redirectTarget(
                decision.urlRedirect,
                protocol,
                request.host,
                path,
                query,
                decision.match.matchedPrefix,
            ),
            host: request.host,
            path: withQuery(path),
        };
    }

    // Rewrites.
    let forwardedPath = path;
    const rewrite = decision.routeAction?.urlRewrite;
    if (rewrite?.hostRewrite !== undefined) host = rewrite.hostRewrite;
    if (rewrite?.pathPrefixRewrite !== undefined) {
        forwardedPath = rewrite.pathPrefixRewrite + path.slice(decision.match.matchedPrefix.length);
    } else if (rewrite?.pathTemplateRewrite !== undefined) {
        const vars = decision.match.variables ?? {};
        forwardedPath = rewrite.pathTemplateRewrite.replace(
            /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g,
            (_, name: string) => vars[name] ?? "",
        );
    }

    const weighted = decision.routeAction?.weightedBackendServices;
    const targets =
        weighted && weighted.length > 0
            ? weighted.map((w) => ({ service: w.backendService, weight: w.weight, headerAction: w.headerAction }))
            : decision.service !== undefined
              ? [{ service: decision.service, weight: 1, headerAction: undefined as HeaderActionSpec | undefined }]
              : [];
    const total = targets.reduce((sum, t) => sum + t.weight, 0);
    const levels = (own: HeaderActionSpec | undefined) => [
        own,
        decision.headerAction,
        matcher?.headerAction,
        urlMap.headerAction,
    ];
    const backends: RoutedBackend[] = targets.map((t) => {
        let requestHeaders = { ...headers };
        const responseHeadersToAdd: HeaderToAddSpec[] = [];
        const responseHeadersToRemove: string[] = [];
        for (const action of levels(t.headerAction)) {
            requestHeaders = applyHeaderAction(requestHeaders, action);
            responseHeadersToAdd.push(...(action?.responseHeadersToAdds ?? []));
            responseHeadersToRemove.push(...(action?.responseHeadersToRemoves ?? []));
        }
        const backend: RoutedBackend = {
            service: t.service,
            weight: t.weight,
            share: total > 0 ? t.weight / total : 0,
            requestHeaders,
            responseHeadersToAdd,
            responseHeadersToRemove,
        };
        const bucket = options.bucketNames?.[t.service];
        if (bucket !== undefined) backend.bucket = bucket;
        const mask = options.urlMasks?.[t.service];
        if (mask !== undefined) {
            const selected = selectCloudRunTarget(mask, host, forwardedPath);
            if (selected) backend.cloudRun = selected;
            else
                backend.urlMaskMismatch = `the URL mask "${targetUrlMask(mask)}" selects no service for ${host}${forwardedPath}`;
        }
        return backend;
    });

    const result: RouteResult = {
        ...base,
        kind: backends.length > 0 ? "backend" : "none",
        backends,
        host,
        path: withQuery(forwardedPath),
        errorPolicies,
    };
    if (options.responseStatus !== undefined && backends.length > 0) {
        const page = resolveErrorPage(errorPolicies, options.responseStatus);
        if (page) result.errorPage = page;
    }
    if (backends.length === 1) result.service = backends[0].service;
    if (decision.routeAction) result.routeAction = decision.routeAction;
    if (decision.routeAction?.faultInjectionPolicy) result.faultInjection = decision.routeAction.faultInjectionPolicy;
    if (decision.routeAction?.requestMirrorPolicy)
        result.mirror = decision.routeAction.requestMirrorPolicy.backendService;
    return result;
}
