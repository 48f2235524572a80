/**
 * The route table (what users write) and the URL map shape the compiler emits (what GCP reads).
 * Pure data: no Pulumi types, so the compiler and simulator run anywhere.
 */

/** One route: which requests it matches and where they go. */
export interface RouteArgs {
    /**
     * Hosts the route applies to: exact names, `*.` wildcards, or `*`.
     * @default ["*"] (any host)
     * @example ["api.example.com"]
     */
    hosts?: string[];
    /**
     * Paths: exact (`/login`) or prefix (`/api/*`). `/api/*` does not match `/api`; list both.
     * @default ["/*"]
     * @example ["/v1", "/v1/*"]
     */
    paths?: string[];
    /**
     * Key of the backend (in `backends`) that serves the route.
     * @example "api"
     */
    backend?: string;
}

/** A URL map path rule, as GCP reads it. */
export interface PathRuleSpec {
    paths: string[];
    service?: string;
}

export interface PathMatcherSpec {
    name: string;
    defaultService?: string;
    pathRules?: PathRuleSpec[];
}

export interface HostRuleSpec {
    hosts: string[];
    pathMatcher: string;
}

/** A URL map test, as GCP reads it. */
export interface UrlMapTestSpec {
    host: string;
    path: string;
    service?: string;
    description?: string;
}

/** The URL map fields the compiler sets, with backend references already resolved. */
export interface UrlMapSpec {
    defaultService?: string;
    hostRules?: HostRuleSpec[];
    pathMatchers?: PathMatcherSpec[];
    tests?: UrlMapTestSpec[];
}
