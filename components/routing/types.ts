/**
 * The route table (what users write) and the URL map shape the compiler emits (what GCP reads).
 * Pure data: no Pulumi types, so the compiler, the simulator and the route tests run anywhere.
 *
 * Every object type is a named interface and every closed set of values uses the `as const` pattern,
 * because these types are component arguments and Pulumi's schema Analyzer accepts nothing else.
 *
 * ## Route order (the contract `compileUrlMap` keeps and the tests prove)
 *
 * Routes are evaluated in the order written; the first route that matches the request wins. A route
 * matches when one of its `hosts` matches the request's host (a route with no `hosts` applies to every
 * host), one of its path matches matches the path (a route with no `paths`, `pathTemplate` or `regex`
 * matches every path), and every one of its `headers` and `queryParameters` matches. A request that no
 * route matches goes to `defaultBackend`. Host matching: `api.example.com` matches exactly that host,
 * `*.example.com` every host ending in `.example.com`, `*` every host; hosts are compared in lowercase;
 * the classic scheme ignores the port. Path matching: `/login` matches exactly `/login`; `/api/*`
 * matches every path that starts with `/api/` (not `/api` itself: list both).
 */
import type { CustomErrorResponsePolicySpec, CustomErrorResponsesArgs } from "./error-responses";

/** HTTP redirect response codes GCP can send. */

export const RedirectCode = {
    /** 301 (GCP's default). */
    MovedPermanently: "MOVED_PERMANENTLY_DEFAULT",
    /** 302. */
    Found: "FOUND",
    /** 303. */
    SeeOther: "SEE_OTHER",
    /** 307: keeps the request method. */
    TemporaryRedirect: "TEMPORARY_REDIRECT",
    /** 308: keeps the request method. */
    PermanentRedirect: "PERMANENT_REDIRECT",
} as const;
export type RedirectCode = (typeof RedirectCode)[keyof typeof RedirectCode];

/** The HTTP status each redirect code sends. */
export const redirectStatus: Record<RedirectCode, number> = {
    MOVED_PERMANENTLY_DEFAULT: 301,
    FOUND: 302,
    SEE_OTHER: 303,
    TEMPORARY_REDIRECT: 307,
    PERMANENT_REDIRECT: 308,
};

/** Conditions under which GCP retries a request (https://cloud.google.com/load-balancing/docs/url-map-concepts, Compute API HttpRetryPolicy.retryConditions). */
export const RetryCondition = {
    /** Any 5xx response, or no response (disconnect, reset, timeout). */
    ServerError: "5xx",
    /** 502, 503 or 504. */
    GatewayError: "gateway-error",
    /** Connection failures (connect timeout, reset). */
    ConnectFailure: "connect-failure",
    /** Retriable 4xx (409 only). */
    Retriable4xx: "retriable-4xx",
    /** The backend reset the stream with REFUSED_STREAM. */
    RefusedStream: "refused-stream",
    /** gRPC status CANCELLED. */
    Cancelled: "cancelled",
    /** gRPC status DEADLINE_EXCEEDED. */
    DeadlineExceeded: "deadline-exceeded",
    /** gRPC status INTERNAL. */
    Internal: "internal",
    /** gRPC status RESOURCE_EXHAUSTED. */
    ResourceExhausted: "resource-exhausted",
    /** gRPC status UNAVAILABLE. */
    Unavailable: "unavailable",
} as const;
export type RetryCondition = (typeof RetryCondition)[keyof typeof RetryCondition];

/** A header name and value, e.g. in a route test's request. */
export interface HeaderArgs {
    /**
     * Header name (case-insensitive).
     * @example "x-canary"
     */
    name: string;
    /**
     * Header value.
     * @example "true"
     */
    value: string;
}

/** A header the load balancer adds to a request or response. */
export interface HeaderToAddArgs {
    /**
     * Header name. Not `Host` (use `rewrite.host`), not `X-Google*`, `X-Goog-*`, `X-GFE*`, `X-Amz-*`,
     * `X-User-IP`, `CDN-Loop` or a hop-by-hop header.
     * @example "x-served-by"
     */
    name: string;
    /**
     * Header value; GCP variables such as `{client_region}` are allowed.
     * @example "cloudrun"
     */
    value: string;
    /**
     * Replace existing values of the header instead of appending one more.
     * @default false
     * @example true
     */
    replace?: boolean;
}

/** Headers added to and removed from requests (before the backend) or responses (before the client). */
export interface HeaderTransformArgs {
    /**
     * Headers to add (at most 16).
     * @default []
     * @example [{ name: "x-route", value: "canary", replace: true }]
     */
    add?: HeaderToAddArgs[];
    /**
     * Names of headers to remove (at most 16). Removal happens before adding.
     * @default []
     * @example ["x-internal-debug"]
     */
    remove?: string[];
}

/** A half-open integer range `[start, end)` for a header range match. */
export interface HeaderRangeArgs {
    /**
     * First value that matches.
     * @example 0
     */
    start: number;
    /**
     * First value that no longer matches (exclusive).
     * @example 100
     */
    end: number;
}

/**
 * A condition on one request header. Set exactly one of `exact`, `prefix`, `suffix`, `regex`, `present`
 * and `range`. @see https://cloud.google.com/load-balancing/docs/url-map-concepts
 */
export interface HeaderMatchArgs {
    /**
     * Header name (case-insensitive).
     * @example "x-canary"
     */
    name: string;
    /**
     * The header's value equals this.
     * @default undefined
     * @example "true"
     */
    exact?: string;
    /**
     * The header's value starts with this.
     * @default undefined
     * @example "Mozilla/"
     */
    prefix?: string;
    /**
     * The header's value ends with this.
     * @default undefined
     * @example "-beta"
     */
    suffix?: string;
    /**
     * The header's value matches this RE2 expression in full (regional and internal schemes only).
     * @default undefined
     * @example "^v[0-9]+$"
     */
    regex?: string;
    /**
     * `true`: the header is present (any value); `false`: it is absent.
     * @default undefined
     * @example true
     */
    present?: boolean;
    /**
     * The header's value is an integer in `[start, end)`.
     * @default undefined
     * @example { start: 0, end: 50 }
     */
    range?: HeaderRangeArgs;
    /**
     * Invert the result of the match.
     * @default false
     * @example true
     */
    invert?: boolean;
}

/** A condition on one query parameter. Set exactly one of `exact`, `regex` and `present`. */
export interface QueryParameterMatchArgs {
    /**
     * Parameter name. The parameter must be in the query for any of the conditions to match.
     * @example "version"
     */
    name: string;
    /**
     * The parameter's value equals this.
     * @default undefined
     * @example "beta"
     */
    exact?: string;
    /**
     * The parameter's value matches this RE2 expression in full (regional and internal schemes only).
     * @default undefined
     * @example "^v[0-9]+$"
     */
    regex?: string;
    /**
     * The parameter is present, with any value.
     * @default undefined
     * @example true
     */
    present?: boolean;
}

/** One backend of a weighted split. */
export interface WeightedBackendArgs {
    /**
     * Key of the backend (in `backends`).
     * @example "web"
     */
    backend: string;
    /**
     * Weight 0–1000; the backend gets weight / (sum of weights) of new traffic.
     * @example 90
     */
    weight: number;
    /**
     * Request headers changed for traffic sent to this backend (applied before the route's own).
     * @default undefined
     * @example { add: [{ name: "x-variant", value: "b" }] }
     */
    requestHeaders?: HeaderTransformArgs;
    /**
     * Response headers changed for traffic served by this backend.
     * @default undefined
     * @example { add: [{ name: "x-variant", value: "b" }] }
     */
    responseHeaders?: HeaderTransformArgs;
}

/**
 * Answer with a redirect instead of forwarding. Without any field set the redirect points at the same
 * URL, so set at least one of `https`, `host`, `path` and `prefix`.
 */
export interface RedirectArgs {
    /**
     * Redirect to `https://` (only on a URL map bound to an HTTP proxy).
     * @default false
     * @example true
     */
    https?: boolean;
    /**
     * Host to redirect to.
     * @default the request's host
     * @example "www.example.com"
     */
    host?: string;
    /**
     * Path that replaces the whole path. Exclusive with `prefix`.
     * @default the request's path
     * @example "/new-home"
     */
    path?: string;
    /**
     * Replaces the part of the path the route matched (for `/old/*` that is `/old/`). Exclusive with `path`.
     * @default undefined
     * @example "/new/"
     */
    prefix?: string;
    /**
     * Response code.
     * @default "MOVED_PERMANENTLY_DEFAULT" (301)
     * @example "TEMPORARY_REDIRECT"
     */
    code?: RedirectCode;
    /**
     * Drop the query string from the target URL.
     * @default false
     * @example true
     */
    stripQuery?: boolean;
}

/** URL rewrite before the request reaches the backend (the only route action the classic scheme has). */
export interface RewriteArgs {
    /**
     * Replaces the part of the path the route matched (for `/api/*` that is `/api/`; for an exact path,
     * the whole path). Exclusive with `pathTemplate`.
     * @default undefined (path unchanged)
     * @example "/"
     */
    pathPrefix?: string;
    /**
     * New path built from the variables captured by the route's `pathTemplate` (not on classic).
     * Exclusive with `pathPrefix`.
     * @default undefined
     * @example "/v2/{id}"
     */
    pathTemplate?: string;
    /**
     * Host header sent to the backend.
     * @default undefined (host unchanged)
     * @example "orders.internal.example.com"
     */
    host?: string;
}

/** Retries of failed requests (not on classic). */
export interface RetryArgs {
    /**
     * How many times to retry (at least 1).
     * @example 3
     */
    attempts: number;
    /**
     * Timeout of each attempt, in seconds.
     * @default the route's timeout
     * @example 2.5
     */
    perTryTimeoutSeconds?: number;
    /**
     * When to retry.
     * @default GCP's default (unset)
     * @example ["gateway-error", "connect-failure"]
     */
    conditions?: RetryCondition[];
}

/** CORS handled by the load balancer (not on classic). */
export interface CorsArgs {
    /**
     * Allowed origins (exact).
     * @default []
     * @example ["https://app.example.com"]
     */
    allowOrigins?: string[];
    /**
     * Allowed origins as RE2 expressions.
     * @default []
     * @example ["https://.*\\.example\\.com"]
     */
    allowOriginRegexes?: string[];
    /**
     * Allowed methods.
     * @default []
     * @example ["GET", "POST"]
     */
    allowMethods?: string[];
    /**
     * Allowed request headers.
     * @default []
     * @example ["authorization", "content-type"]
     */
    allowHeaders?: string[];
    /**
     * Response headers the browser may read.
     * @default []
     * @example ["x-request-id"]
     */
    exposeHeaders?: string[];
    /**
     * How long the browser may cache the preflight answer, in seconds.
     * @default undefined
     * @example 3600
     */
    maxAgeSeconds?: number;
    /**
     * Allow credentials (`Access-Control-Allow-Credentials: true`).
     * @default false
     * @example true
     */
    allowCredentials?: boolean;
}

/** Delay a share of the requests (fault injection). */
export interface FaultDelayArgs {
    /**
     * Delay in seconds.
     * @example 2
     */
    seconds: number;
    /**
     * Share of requests delayed, 0–100.
     * @example 10
     */
    percentage: number;
}

/** Abort a share of the requests with an HTTP status (fault injection). */
export interface FaultAbortArgs {
    /**
     * HTTP status answered, 200–599.
     * @example 503
     */
    httpStatus: number;
    /**
     * Share of requests aborted, 0–100.
     * @example 5
     */
    percentage: number;
}

/** Fault injection to rehearse failures (not on classic). At least one of `delay` and `abort`. */
export interface FaultInjectionArgs {
    /**
     * Delay some requests.
     * @default undefined
     * @example { seconds: 2, percentage: 10 }
     */
    delay?: FaultDelayArgs;
    /**
     * Abort some requests.
     * @default undefined
     * @example { httpStatus: 503, percentage: 5 }
     */
    abort?: FaultAbortArgs;
}

/** Copy requests to a second backend, fire-and-forget (not on classic; never to serverless backends). */
export interface MirrorArgs {
    /**
     * Key of the backend receiving the copies; it must not be a serverless (Cloud Run) backend.
     * @example "shadow"
     */
    backend: string;
}

/**
 * One route: which requests it matches and what happens to them. Routes are evaluated in the order
 * written and the first match wins (see the module documentation). Exactly one of `backend`, `split`
 * and `redirect`; at most one of `paths`, `pathTemplate` and `regex`.
 */
export interface RouteArgs {
    /**
     * Hosts the route applies to: exact names (`api.example.com`), wildcards (`*.example.com`,
     * `*-api.example.com`) or `*`. Lowercase; `host:port` on non-classic schemes.
     * @default ["*"] (every host)
     * @example ["api.example.com"]
     */
    hosts?: string[];
    /**
     * Paths: exact (`/login`) or prefix (`/api/*`, matching everything under `/api/`).
     * `/api/*` does not match `/api`; list both.
     * @default every path
     * @example ["/v1", "/v1/*"]
     */
    paths?: string[];
    /**
     * A path template with `*`, `**` and `{name}` / `{name=*}` / `{name=**}` variables (not on classic).
     * @default undefined
     * @example "/users/{id}/orders/**"
     */
    pathTemplate?: string;
    /**
     * An RE2 expression the whole path must match (regional external and internal schemes only).
     * @default undefined
     * @example "^/v[0-9]+/items$"
     */
    regex?: string;
    /**
     * Compare `paths` case-insensitively.
     * @default false
     * @example true
     */
    ignoreCase?: boolean;
    /**
     * Conditions on request headers; all must hold.
     * @default []
     * @example [{ name: "x-canary", exact: "true" }]
     */
    headers?: HeaderMatchArgs[];
    /**
     * Conditions on query parameters; all must hold.
     * @default []
     * @example [{ name: "version", exact: "beta" }]
     */
    queryParameters?: QueryParameterMatchArgs[];
    /**
     * Key of the backend (in `backends`) that serves the route. Exclusive with `split` and `redirect`.
     * @default undefined
     * @example "api"
     */
    backend?: string;
    /**
     * Weighted split across backends (not on classic). Exclusive with `backend` and `redirect`.
     * @default undefined
     * @example [{ backend: "legacy", weight: 99 }, { backend: "web", weight: 1 }]
     */
    split?: WeightedBackendArgs[];
    /**
     * Answer with a redirect. Exclusive with `backend`, `split` and every other action.
     * @default undefined
     * @example { host: "www.example.com", code: "PERMANENT_REDIRECT" }
     */
    redirect?: RedirectArgs;
    /**
     * Rewrite the URL before it reaches the backend.
     * @default undefined
     * @example { pathPrefix: "/" }
     */
    rewrite?: RewriteArgs;
    /**
     * Request headers added/removed for this route (not on classic).
     * @default undefined
     * @example { add: [{ name: "x-route", value: "api" }] }
     */
    requestHeaders?: HeaderTransformArgs;
    /**
     * Response headers added/removed for this route (not on classic).
     * @default undefined
     * @example { remove: ["server"] }
     */
    responseHeaders?: HeaderTransformArgs;
    /**
     * Retries (not on classic).
     * @default undefined (no retries configured)
     * @example { attempts: 3, conditions: ["gateway-error"] }
     */
    retry?: RetryArgs;
    /**
     * Route timeout in seconds, including retries (not on classic).
     * @default the backend service's timeout (serverless: 60 minutes)
     * @example 30
     */
    timeoutSeconds?: number;
    /**
     * CORS answered by the load balancer (not on classic).
     * @default undefined
     * @example { allowOrigins: ["https://app.example.com"], allowMethods: ["GET"] }
     */
    cors?: CorsArgs;
    /**
     * Fault injection (not on classic).
     * @default undefined
     * @example { abort: { httpStatus: 503, percentage: 5 } }
     */
    faultInjection?: FaultInjectionArgs;
    /**
     * Error pages for this route's backend errors (global external only); for the statuses it lists they
     * win over the load balancer's `customErrorResponses`. `backend` defaults to the load balancer's.
     * @default undefined (the load balancer's policy)
     * @example { rules: [{ statusCodes: ["5xx"], path: "/errors/api.json" }] }
     */
    customErrorResponses?: CustomErrorResponsesArgs;
    /**
     * Mirror requests to another, non-serverless backend (not on classic).
     * @default undefined
     * @example { backend: "shadow" }
     */
    mirror?: MirrorArgs;
}

/** The client certificate a simulated request presents. */
export interface ClientCertificateTestArgs {
    /**
     * Whether the client presents a certificate at all.
     * @default true
     * @example false
     */
    present?: boolean;
    /**
     * Whether its chain validates against the trust config (or it is allowlisted).
     * @default true
     * @example false
     */
    verified?: boolean;
    /**
     * The SPIFFE ID in its URI SANs.
     * @default undefined
     * @example "spiffe://partner.example.com/billing"
     */
    spiffeId?: string;
    /**
     * Its URI SANs.
     * @default []
     * @example ["spiffe://partner.example.com/billing"]
     */
    uriSans?: string[];
    /**
     * Its DNS-name SANs.
     * @default []
     * @example ["billing.partner.example.com"]
     */
    dnsNameSans?: string[];
    /**
     * Its subject DN.
     * @default undefined
     * @example "CN=billing,O=Partner"
     */
    subjectDn?: string;
}

/**
 * A route test: a request and where it must go. Runs offline through the simulator at preview (a failure
 * is a preview error showing expected and actual), and is emitted to the URL map's `tests` where GCP
 * supports them. Set exactly one of `backend` and `redirect`.
 */
export interface RouteTestArgs {
    /**
     * Request host.
     * @example "api.example.com"
     */
    host: string;
    /**
     * Request path, optionally with a query string.
     * @example "/v1/orders?limit=5"
     */
    path: string;
    /**
     * Request method (GCP URL maps don't route on it; `authorization` rules match on it).
     * @default "GET"
     * @example "POST"
     */
    method?: string;
    /**
     * Request headers.
     * @default []
     * @example [{ name: "x-canary", value: "true" }]
     */
    headers?: HeaderArgs[];
    /**
     * Expected backend key. For a split, the backend must get a non-zero share.
     * @default undefined
     * @example "api"
     */
    backend?: string;
    /**
     * Expected redirect target URL.
     * @default undefined
     * @example "https://www.example.com/home"
     */
    redirect?: string;
    /**
     * Expect the load balancer to refuse the request before routing it: mutual TLS with `REJECT_INVALID` and
     * no valid `clientCertificate`, or an `authorization` policy denying it. Excludes `backend` and `redirect`.
     * @default undefined
     * @example true
     */
    denied?: boolean;
    /**
     * The address the load balancer sees the request from, for `authorization` rules that match on `ipRanges`
     * or `notIpRanges`: a client VM's address on internal schemes, an address of the PSC NAT subnet for a
     * consumer reaching the load balancer over Private Service Connect, the client's public address on
     * external schemes. Needed when the verdict depends on it.
     * @default undefined (not given)
     * @example "10.130.0.5"
     */
    sourceIp?: string;
    /**
     * The client certificate the request presents, for a load balancer with `https.clientCertificates`.
     * @default undefined (no certificate)
     * @example { spiffeId: "spiffe://partner.example.com/billing" }
     */
    clientCertificate?: ClientCertificateTestArgs;
    /**
     * Expected Cloud Run service, for a URL-mask backend.
     * @default undefined
     * @example "login"
     */
    cloudRunService?: string;
    /**
     * Expected Cloud Run traffic tag, for a URL-mask backend with `<tag>`.
     * @default undefined
     * @example "test"
     */
    cloudRunTag?: string;
    /**
     * What the test checks (shown in failures and sent to GCP).
     * @default undefined
     * @example "v1 API goes to the api backend"
     */
    description?: string;
}

// ---------------------------------------------------------------------------------------------
// The URL map as GCP reads it: the fields of pulumi-gcp's URLMap/RegionUrlMap inputs, in the
// same camelCase names, with backend references already resolved to strings.
// ---------------------------------------------------------------------------------------------

export interface DurationSpec {
    seconds: string;
    nanos?: number;
}

export interface HeaderToAddSpec {
    headerName: string;
    headerValue: string;
    replace: boolean;
}

export interface HeaderActionSpec {
    requestHeadersToAdds?: HeaderToAddSpec[];
    requestHeadersToRemoves?: string[];
    responseHeadersToAdds?: HeaderToAddSpec[];
    responseHeadersToRemoves?: string[];
}

export interface WeightedBackendServiceSpec {
    backendService: string;
    weight: number;
    headerAction?: HeaderActionSpec;
}

export interface UrlRewriteSpec {
    hostRewrite?: string;
    pathPrefixRewrite?: string;
    pathTemplateRewrite?: string;
}

export interface UrlRedirectSpec {
    hostRedirect?: string;
    httpsRedirect?: boolean;
    pathRedirect?: string;
    prefixRedirect?: string;
    redirectResponseCode?: string;
    stripQuery: boolean;
}

export interface RetryPolicySpec {
    numRetries: number;
    perTryTimeout?: DurationSpec;
    retryConditions?: string[];
}

export interface CorsPolicySpec {
    allowOrigins?: string[];
    allowOriginRegexes?: string[];
    allowMethods?: string[];
    allowHeaders?: string[];
    exposeHeaders?: string[];
    maxAge?: number;
    allowCredentials?: boolean;
    disabled: boolean;
}

export interface FaultDelaySpec {
    fixedDelay: DurationSpec;
    percentage: number;
}

export interface FaultAbortSpec {
    httpStatus: number;
    percentage: number;
}

export interface FaultInjectionPolicySpec {
    delay?: FaultDelaySpec;
    abort?: FaultAbortSpec;
}

export interface RequestMirrorPolicySpec {
    backendService: string;
}

export interface RouteActionSpec {
    weightedBackendServices?: WeightedBackendServiceSpec[];
    urlRewrite?: UrlRewriteSpec;
    retryPolicy?: RetryPolicySpec;
    timeout?: DurationSpec;
    corsPolicy?: CorsPolicySpec;
    faultInjectionPolicy?: FaultInjectionPolicySpec;
    requestMirrorPolicy?: RequestMirrorPolicySpec;
}

export interface HeaderRangeSpec {
    rangeStart: number;
    rangeEnd: number;
}

export interface HeaderMatchSpec {
    headerName: string;
    exactMatch?: string;
    prefixMatch?: string;
    suffixMatch?: string;
    regexMatch?: string;
    presentMatch?: boolean;
    rangeMatch?: HeaderRangeSpec;
    invertMatch?: boolean;
}

export interface QueryParameterMatchSpec {
    name: string;
    exactMatch?: string;
    regexMatch?: string;
    presentMatch?: boolean;
}

export interface MatchRuleSpec {
    prefixMatch?: string;
    fullPathMatch?: string;
    regexMatch?: string;
    pathTemplateMatch?: string;
    ignoreCase?: boolean;
    headerMatches?: HeaderMatchSpec[];
    queryParameterMatches?: QueryParameterMatchSpec[];
}

export interface RouteRuleSpec {
    priority: number;
    customErrorResponsePolicy?: CustomErrorResponsePolicySpec;
    description?: string;
    matchRules?: MatchRuleSpec[];
    service?: string;
    routeAction?: RouteActionSpec;
    urlRedirect?: UrlRedirectSpec;
    headerAction?: HeaderActionSpec;
}

/** A URL map path rule, as GCP reads it. */
export interface PathRuleSpec {
    paths: string[];
    customErrorResponsePolicy?: CustomErrorResponsePolicySpec;
    service?: string;
    routeAction?: RouteActionSpec;
    urlRedirect?: UrlRedirectSpec;
}

export interface PathMatcherSpec {
    name: string;
    description?: string;
    defaultService?: string;
    defaultRouteAction?: RouteActionSpec;
    defaultUrlRedirect?: UrlRedirectSpec;
    defaultCustomErrorResponsePolicy?: CustomErrorResponsePolicySpec;
    headerAction?: HeaderActionSpec;
    pathRules?: PathRuleSpec[];
    routeRules?: RouteRuleSpec[];
}

export interface HostRuleSpec {
    hosts: string[];
    pathMatcher: string;
    description?: string;
}

export interface UrlMapTestHeaderSpec {
    name: string;
    value: string;
}

/** A URL map test, as GCP reads it. `RegionUrlMap` requires `service` and has no headers/redirect fields. */
export interface UrlMapTestSpec {
    host: string;
    path: string;
    service?: string;
    expectedOutputUrl?: string;
    expectedRedirectResponseCode?: number;
    headers?: UrlMapTestHeaderSpec[];
    description?: string;
}

/** The URL map fields the compiler sets, with backend references already resolved. */
export interface UrlMapSpec {
    defaultService?: string;
    defaultRouteAction?: RouteActionSpec;
    defaultUrlRedirect?: UrlRedirectSpec;
    /** Global external only; the compiler sets it from `customErrorResponses`. */
    defaultCustomErrorResponsePolicy?: CustomErrorResponsePolicySpec;
    headerAction?: HeaderActionSpec;
    hostRules?: HostRuleSpec[];
    pathMatchers?: PathMatcherSpec[];
    tests?: UrlMapTestSpec[];
}
