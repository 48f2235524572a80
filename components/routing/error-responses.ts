/**
 * Custom error responses (global external Application Load Balancer only): when a backend answers with an
 * error status, the load balancer serves a page from a backend bucket instead, optionally with another
 * status. Policies exist at three levels — the URL map, a path matcher (a host), a path or route rule
 * (a route) — and for each error status the most specific level that has a rule for it wins; within one
 * policy a rule for the exact status beats a `4xx`/`5xx` range rule.
 *
 * Pure data and functions: the compiler emits these policies, the simulator resolves them.
 * @see https://cloud.google.com/load-balancing/docs/https/custom-error-response
 */

/** One error-page rule: which statuses, which page, which status to answer with. */
export interface ErrorResponseRuleArgs {
    /**
     * Statuses the rule applies to: a status 400–599 (`"404"`), or a class (`"4xx"`, `"5xx"`). Each
     * value at most once per policy; an exact status beats a class.
     * @example ["404"]
     */
    statusCodes: string[];
    /**
     * Path of the page in the bucket: starts with `/`, no trailing `/`, at most 1024 characters.
     * @example "/errors/404.html"
     */
    path: string;
    /**
     * Status sent with the page (e.g. 200 for a single-page app's fallback to its index page).
     * @default the backend's original status
     * @example 404
     */
    overrideStatus?: number;
}

/**
 * Error pages for errors from the backends (and from the load balancer and Cloud Armor), served from a
 * bucket backend. Only the global external scheme has them.
 */
export interface CustomErrorResponsesArgs {
    /**
     * Key of the bucket backend (`backends.<key>.bucket`) that holds the pages. On a route it defaults to
     * the load balancer's `customErrorResponses.backend`.
     * @default the load balancer-level backend (routes only)
     * @example "site"
     */
    backend?: string;
    /**
     * The rules.
     * @example [{ statusCodes: ["404"], path: "/404.html" }, { statusCodes: ["5xx"], path: "/error.html", overrideStatus: 503 }]
     */
    rules: ErrorResponseRuleArgs[];
}

/** A custom error response rule, as GCP reads it. */
export interface ErrorResponseRuleSpec {
    matchResponseCodes: string[];
    path: string;
    overrideResponseCode?: number;
}

/** A custom error response policy, as GCP reads it (`errorService` is a backend bucket reference). */
export interface CustomErrorResponsePolicySpec {
    errorService: string;
    errorResponseRules: ErrorResponseRuleSpec[];
}

/** The GCP policy for `args`, with `backendRef` resolving the bucket backend's key to its reference. */
export function compileErrorResponses(
    args: CustomErrorResponsesArgs,
    fallbackBackend: string | undefined,
    backendRef: (key: string) => string,
): CustomErrorResponsePolicySpec {
    return {
        errorService: backendRef(args.backend ?? fallbackBackend ?? ""),
        errorResponseRules: args.rules.map((rule) => ({
            matchResponseCodes: [...rule.statusCodes],
            path: rule.path,
            ...(rule.overrideStatus !== undefined ? { overrideResponseCode: rule.overrideStatus } : {}),
        })),
    };
}

/** What the load balancer answers for one error status, per the policy levels that apply. */
export interface ErrorPageOutcome {
    /** The original status. */
    status: number;
    /** Backend bucket reference the page comes from. */
    errorService: string;
    path: string;
    /** Status sent to the client. */
    responseStatus: number;
    /** Which level's policy decided: "route", "host" or "load balancer". */
    level: ErrorPolicyLevel;
}

export type ErrorPolicyLevel = "route" | "host" | "load balancer";

/** The rule of one policy that applies to `status`: an exact status first, else its class. */
export function matchingErrorRule(
    policy: CustomErrorResponsePolicySpec,
    status: number,
): ErrorResponseRuleSpec | undefined {
    const exact = policy.errorResponseRules.find((r) => r.matchResponseCodes.includes(String(status)));
    if (exact) {
        return exact;
    }
    const range = `${Math.floor(status / 100)}xx`;
    return policy.errorResponseRules.find((r) => r.matchResponseCodes.map((c) => c.toLowerCase()).includes(range));
}

/**
 * The error page for `status`, looking at the policies from the most specific level (route) to the least
 * (load balancer), as GCP documents; undefined when none has a rule for it.
 */
export function resolveErrorPage(
    levels: { level: ErrorPolicyLevel; policy: CustomErrorResponsePolicySpec | undefined }[],
    status: number,
): ErrorPageOutcome | undefined {
    for (const { level, policy } of levels) {
        if (policy === undefined) {
            continue;
        }
        const rule = matchingErrorRule(policy, status);
        if (rule) {
            return {
                status,
                errorService: policy.errorService,
                path: rule.path,
                responseStatus: rule.overrideResponseCode ?? status,
                level,
            };
        }
    }
    return undefined;
}

/** Each status class and exact status a set of policies covers, for the plan's routes table. */
export function describeErrorPolicy(
    policy: CustomErrorResponsePolicySpec,
    serviceName: (ref: string) => string,
): string {
    return policy.errorResponseRules
        .map(
            (r) =>
                `${r.matchResponseCodes.join(",")} → ${serviceName(policy.errorService)}${r.path}${r.overrideResponseCode !== undefined ? ` (${r.overrideResponseCode})` : ""}`,
        )
        .join("; ");
}
